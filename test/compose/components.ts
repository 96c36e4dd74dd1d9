/**
 * Components for the composition tests: small ones in component WAT (an app that imports
 * example:calculator/math, calculators that export it rightly and wrongly, components importing
 * WASI declarations that overlap), and the compose-app example's JavaScript app built with
 * componentize-js (cached under test/.cache like every fixture).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cComponent, jsComponent, watComponent } from '../support/fixtures.js';
import { repoRoot } from '../support/cli.js';

export const example = join(repoRoot, 'examples', 'compose-app');
export const CALC_IFACE = 'example:calculator/math@0.1.0';

/** The example's WAT calculator: add and greet, no imports. */
export const watCalculatorSource = () => readFileSync(join(example, 'calculator', 'calculator.wat'), 'utf8');

/** An app importing `add` of the calculator interface (at `iface`), exporting run() = add(40, 2) and sum(a, b). */
export function watApp(iface = CALC_IFACE, extraImports = ''): string {
  return `(component
  ${extraImports}
  (import "${iface}" (instance $math
    (export "add" (func (param "a" s32) (param "b" s32) (result s32)))))
  (alias export $math "add" (func $add))
  (core func $add-lowered (canon lower (func $add)))
  (core module $m
    (import "calc" "add" (func $add (param i32 i32) (result i32)))
    (func (export "run") (result i32) (call $add (i32.const 40) (i32.const 2)))
    (func (export "sum") (param i32 i32) (result i32) (call $add (local.get 0) (local.get 1))))
  (core instance $shim (export "add" (func $add-lowered)))
  (core instance $i (instantiate $m (with "calc" (instance $shim))))
  (func $run (result s32) (canon lift (core func $i "run")))
  (func $sum (param "a" s32) (param "b" s32) (result s32) (canon lift (core func $i "sum")))
  (export "run" (func $run))
  (export "sum" (func $sum)))`;
}

/** A calculator exporting `iface` with `add` of the given parameter type (s32 is right, s64 is not). */
export function watCalculator(iface = CALC_IFACE, type: 's32' | 's64' = 's32', extraImports = ''): string {
  const core = type === 's32' ? 'i32' : 'i64';
  return `(component
  ${extraImports}
  (core module $m
    (func (export "add") (param ${core} ${core}) (result ${core}) (${core}.add (local.get 0) (local.get 1))))
  (core instance $i (instantiate $m))
  (func $add (param "a" ${type}) (param "b" ${type}) (result ${type}) (canon lift (core func $i "add")))
  (instance $math (export "add" (func $add)))
  (export "${iface}" (instance $math)))`;
}

/**
 * WASI-style import declarations with resources and an outer alias between interfaces (as
 * wit-component writes them): wasi:io/error, then wasi:io/streams whose `error` is the same
 * resource. `members` picks the functions streams declares.
 */
export function ioImports(members: Array<'write' | 'read'>): string {
  const fns = {
    write: `(type $w (func (param "self" $out-b) (param "contents" $bytes) (result $res)))
      (export "[method]output-stream.write" (func (type $w)))`,
    read: `(type $r (func (param "self" $out-b) (param "len" u64) (result $bytes)))
      (export "[method]output-stream.read" (func (type $r)))`,
  };
  return `(import "wasi:io/error@0.2.0" (instance $io-error (export "error" (type (sub resource)))))
  (alias export $io-error "error" (type $io-error-t))
  (import "wasi:io/streams@0.2.0" (instance $io-streams
    (export "output-stream" (type $out (sub resource)))
    (alias outer 1 $io-error-t (type $err))
    (export "error" (type $err-e (eq $err)))
    (type $own-err (own $err-e))
    (type $res (result (error $own-err)))
    (type $out-b (borrow $out))
    (type $bytes (list u8))
    ${members.map((m) => fns[m]).join('\n    ')}))`;
}

/** Component WAT → binary (cached by text). */
export const wat = (text: string) => watComponent(text);

/** The WIT of the example app in one file: componentize-js gets the calculator package nested into it. */
export function exampleAppWit(): string {
  const world = readFileSync(join(example, 'app', 'wit', 'world.wit'), 'utf8');
  const dep = readFileSync(join(example, 'app', 'wit', 'deps', 'calculator', 'calculator.wit'), 'utf8');
  return `${world}\n${dep.replace(/^package ([^;]+);/m, 'package $1 {')}\n}\n`;
}

/** The example's JavaScript app, built with componentize-js (~12 MB; ~10 s, then cached). */
export function exampleApp(): Promise<Uint8Array> {
  return jsComponent(readFileSync(join(example, 'app', 'src', 'app.js'), 'utf8'), { wit: exampleAppWit(), world: 'app' });
}

/** The calculator in C (clang + wasi-libc + jco's reactor adapter); its stderr makes it import wasi:io, wasi:cli, wasi:filesystem. */
export function cCalculator(): Promise<Uint8Array> {
  const WIT = `package example:calculator@0.1.0;
interface math {
  add: func(a: s32, b: s32) -> s32;
  greet: func(name: string) -> string;
}
world calculator { export math; }`;
  const SRC = `#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
__attribute__((export_name("cabi_realloc"))) void *cabi_realloc(void *old, size_t old_size, size_t align, size_t size) { return realloc(old, size); }
__attribute__((export_name("example:calculator/math@0.1.0#add"))) int32_t add(int32_t a, int32_t b) { return (int32_t)((uint32_t)a + (uint32_t)b); }
static struct { char *ptr; size_t len; } ret;
__attribute__((export_name("example:calculator/math@0.1.0#greet"))) void *greet(char *name, size_t len) {
  fprintf(stderr, "greeting %.*s\\n", (int)len, name);
  ret.len = len + 8;
  ret.ptr = malloc(ret.len);
  memcpy(ret.ptr, "Hello, ", 7);
  memcpy(ret.ptr + 7, name, len);
  ret.ptr[len + 7] = '!';
  free(name);
  return &ret;
}`;
  return cComponent(SRC, { reactor: true, wit: { source: WIT, world: 'calculator' } });
}

/**
 * A component made from WIT alone (a dummy core module, as `wasm-tools component embed --dummy`):
 * not runnable, but its imports and exports are exactly the world's, for type checks of links.
 */
export async function witOnlyComponent(wit: string, world: string): Promise<Uint8Array> {
  const wt = await import('@bytecodealliance/jco-transpile/wasm-tools');
  return wt.componentNew(await wt.componentEmbed({ dummy: true, witSource: wit, world, stringEncoding: 'utf8' } as never));
}
