/**
 * Reading a component's world from its binary, on components built by the real toolchains:
 * wit-component (WAT + WIT, jco's `new` for C), componentize-js, and wasm-tools' text format.
 * The binary's view is cross-checked against the WIT the components were built from and against
 * the world text jco's componentWit() prints.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { componentWit, parse, print } from '@bytecodealliance/jco-transpile/wasm-tools';
import { readComponentWorld } from '../../src/core/wit/component-binary.js';
import { ComponentFormatError } from '../../src/core/wit/errors.js';
import { formatFunctionType, formatType, type WitInterface, type World } from '../../src/core/wit/model.js';
import { parseWit, worldFromWit } from '../../src/core/wit/wit-resolve.js';
import { cComponent, watComponent, watWithWit } from '../support/fixtures.js';
import { needTool } from '../support/toolchain.js';
import { ECHO_WIT, echoComponent, fixedComponent } from '../values/components.js';
import { CALC_WIT, calcComponent } from './components.js';

const iface = (world: World, dir: 'imports' | 'exports', name: string): WitInterface => {
  const item = world[dir].find((i) => i.name === name || (i.kind === 'interface' && i.name.startsWith(`${name}@`)));
  if (!item || item.kind !== 'interface') throw new Error(`no ${dir} interface ${name} in ${world[dir].map((i) => i.name).join(', ')}`);
  return item.iface;
};

/** Every function of every export as `name: func(…)`, with named types expanded, for comparisons. */
function signatures(world: World, dir: 'imports' | 'exports'): string[] {
  const out: string[] = [];
  for (const item of world[dir]) {
    const fns = item.kind === 'function' ? [item.func] : [...item.iface.functions.values()];
    for (const f of fns) {
      const params = f.params.map((p) => `${p.name}: ${formatType(p.type, true)}`).join(', ');
      out.push(`${item.name}#${f.name}: func(${params})${f.result ? ` -> ${formatType(f.result, true)}` : ''}`);
    }
  }
  return out.sort();
}

const WASI_0_2_12 = join(process.cwd(), 'node_modules/@bytecodealliance/jco/lib/wit/builtin/0.2.12');
const wasiSources = () => readdirSync(WASI_0_2_12).map((d) => ({ file: join(WASI_0_2_12, d, 'package.wit'), text: readFileSync(join(WASI_0_2_12, d, 'package.wit'), 'utf8') }));

describe('readComponentWorld', () => {
  it('reads top-level functions with world-level named types (WAT + WIT)', async () => {
    const world = readComponentWorld(await fixedComponent());
    expect(world.imports).toEqual([]);
    const byName = new Map(world.exports.map((e) => [e.name, e]));
    const sig = (n: string) => {
      const e = byName.get(n);
      return e?.kind === 'function' ? formatFunctionType(e.func) : undefined;
    };
    expect(sig('get-point')).toBe('func() -> point');
    expect(sig('shape-case')).toBe('func(s: shape) -> u32');
    expect(sig('some-none')).toBe('func() -> option<option<u32>>');
    expect(sig('fail')).toBe('func() -> result<u32, string>');
    const shape = byName.get('get-shape');
    expect(shape?.kind === 'function' && formatType(shape.func.result!, true)).toBe('variant { circle(f32), rect(point), empty, named-thing(string) }');
    expect(world.exports).toHaveLength(21);
  });

  it('reads interfaces, resources and their functions, sharing one resource type', async () => {
    const world = readComponentWorld(await calcComponent());
    const types = iface(world, 'exports', 'example:calc/types@1.0.0');
    const math = iface(world, 'exports', 'example:calc/math@1.0.0');
    expect([...types.functions.keys()]).toEqual(['[constructor]counter', '[method]counter.get', '[static]counter.make']);
    const get = types.functions.get('[method]counter.get')!;
    expect(get).toMatchObject({ kind: 'method', resource: 'counter' });
    expect(formatFunctionType(get)).toBe('func(self: borrow<counter>) -> u32');
    expect(formatFunctionType(types.functions.get('[constructor]counter')!)).toBe('func(start: u32) -> counter');
    const peek = math.functions.get('peek')!;
    const borrowed = peek.params[0]!.type;
    const owned = types.types.get('counter')!;
    expect(borrowed.kind === 'borrow' && owned.kind === 'own' && borrowed.resource.id === owned.resource.id).toBe(true);
    expect(formatType(math.types.get('pair')!, true)).toBe('record { left: s32, right: s32 }');
    expect(world.exports.find((e) => e.name === 'example:calc/math@1.0.0')).toMatchObject({ id: { namespace: 'example', package: 'calc', name: 'math', version: '1.0.0' } });
  });

  it('agrees with the WIT the component was built from (WAT + WIT)', async () => {
    const fromBinary = readComponentWorld(await calcComponent());
    const fromText = worldFromWit(parseWit({ file: 'calc.wit', text: CALC_WIT }), 'calc');
    expect(signatures(fromBinary, 'exports')).toEqual(signatures(fromText, 'exports'));
  });

  it('agrees with the WIT of a 12 MB componentize-js component', async () => {
    const bytes = await echoComponent();
    expect(bytes.length).toBeGreaterThan(10_000_000);
    const fromBinary = readComponentWorld(bytes);
    const fromText = worldFromWit(parseWit({ file: 'echo.wit', text: ECHO_WIT }), 'values');
    expect(signatures(fromBinary, 'exports')).toEqual(signatures(fromText, 'exports'));
    expect(signatures(fromBinary, 'exports')).toHaveLength(36);
    // the types interface the exports use is imported (wit-component elaborates it like wit-parser)
    expect(fromBinary.imports.map((i) => i.name)).toEqual(fromText.imports.map((i) => i.name));
  });

  it('agrees with the world jco componentWit() prints, completed by the source WIT', async () => {
    // componentWit() names the interfaces (`export example:calc/math@1.0.0;`) without printing
    // their contents, so the text alone cannot say what they hold: the package WIT completes it.
    const cases: Array<[Uint8Array, Array<{ file: string; text: string }>]> = [
      [await fixedComponent(), []],
      [await calcComponent(), [{ file: 'calc.wit', text: CALC_WIT }]],
      [await echoComponent(), [{ file: 'echo.wit', text: ECHO_WIT }]],
    ];
    for (const [bytes, deps] of cases) {
      const fromBinary = readComponentWorld(bytes);
      const fromText = worldFromWit(parseWit([{ file: 'component.wit', text: await componentWit(bytes) }, ...deps]));
      expect(signatures(fromBinary, 'exports')).toEqual(signatures(fromText, 'exports'));
      expect(fromBinary.imports.map((i) => i.name).sort()).toEqual(fromText.imports.map((i) => i.name).sort());
    }
  });

  it('reads a component written in the component text format', async () => {
    const bytes = await watComponent(`(component
      (core module $m (func (export "f") (param i32) (result i32) (local.get 0)))
      (core instance $i (instantiate $m))
      (type $t (func (param "n" u32) (result u32)))
      (func $f (type $t) (canon lift (core func $i "f")))
      (export "ident" (func $f)))`);
    const world = readComponentWorld(bytes);
    expect(world.exports).toHaveLength(1);
    expect(world.exports[0]!.kind === 'function' && formatFunctionType(world.exports[0]!.func)).toBe('func(n: u32) -> u32');
  });

  it('reads a composition: nested components instantiated with arguments (print → nest → parse)', async () => {
    const user = await watWithWit(
      `(module
        (import "example:calc/math@1.0.0" "add" (func $add (param i32 i32) (result i32)))
        (memory (export "memory") 1)
        (func (export "double") (param i32) (result i32) (call $add (local.get 0) (local.get 0))))`,
      `package example:user;
      world user { import example:calc/math@1.0.0; export double: func(x: s32) -> s32; }
      package example:calc@1.0.0 {
        interface types { record pair { left: s32, right: s32 } resource counter; }
        interface math { use types.{pair, counter}; add: func(a: s32, b: s32) -> s32; }
      }`,
      'user',
    );
    const nest = (wat: string, id: string) => wat.replace(/^\(component/, `(component ${id}`);
    const composed = await parse(`(component
      ${nest(await print(await calcComponent()), '$calc')}
      ${nest(await print(user), '$user')}
      (instance $c (instantiate $calc))
      (instance $u (instantiate $user (with "example:calc/math@1.0.0" (instance $c "example:calc/math@1.0.0"))))
      (export "double" (func $u "double"))
      (export "example:calc/math@1.0.0" (instance $c "example:calc/math@1.0.0")))`);
    const world = readComponentWorld(composed);
    expect(world.imports).toEqual([]);
    expect(signatures(world, 'exports')).toEqual([
      'double#double: func(x: s32) -> s32',
      'example:calc/math@1.0.0#add: func(a: s32, b: s32) -> s32',
      'example:calc/math@1.0.0#peek: func(c: borrow<counter>) -> u32',
      'example:calc/math@1.0.0#sub: func(a: s32, b: s32) -> s32',
      'example:calc/math@1.0.0#sum-pair: func(p: record { left: s32, right: s32 }) -> s32',
    ]);
  });

  const noClang = needTool('clang');
  it.skipIf(noClang)('reads the WASI imports of a C command and matches WASI 0.2.12 WIT', async () => {
    const bytes = await cComponent('#include <stdio.h>\nint main(void) { puts("hi"); return 0; }\n');
    const fromBinary = readComponentWorld(bytes);
    const streams = iface(fromBinary, 'imports', 'wasi:io/streams');
    const write = streams.functions.get('[method]output-stream.blocking-write-and-flush')!;
    expect(formatFunctionType(write)).toBe('func(self: borrow<output-stream>, contents: list<u8>) -> result<_, stream-error>');
    const error = iface(fromBinary, 'imports', 'wasi:io/error').types.get('error')!;
    const streamError = streams.types.get('stream-error')!;
    // the error resource of wasi:io/error is the one stream-error carries
    expect(error.kind === 'own' && streamError.kind === 'variant' && streamError.cases[0]!.type?.kind === 'own' && streamError.cases[0]!.type.resource.id === error.resource.id).toBe(true);
    expect(signatures(fromBinary, 'exports')).toEqual([expect.stringMatching(/^wasi:cli\/run@0\.2\.\d+#run: func\(\) -> result$/)]);

    // The same world from text: jco's componentWit() (which names the interfaces but does not
    // print their contents) plus the WASI WIT files jco ships. The binary keeps only the
    // functions the component uses, so each of its functions must be in the text's world.
    const fromText = worldFromWit(parseWit([{ file: 'component.wit', text: await componentWit(bytes) }, ...wasiSources()]));
    const textSigs = new Set(signatures(fromText, 'imports'));
    const binarySigs = signatures(fromBinary, 'imports');
    expect(binarySigs.length).toBeGreaterThan(10);
    for (const s of binarySigs) expect(textSigs).toContain(s);
  });
});

describe('readComponentWorld errors', () => {
  it('refuses a core module with what to do', async () => {
    const core = await parse('(module (func (export "f")))');
    expect(() => readComponentWorld(core)).toThrow(ComponentFormatError);
    expect(() => readComponentWorld(core)).toThrow(/core WebAssembly module, not a component/);
  });

  it('refuses bytes that are not WebAssembly', () => {
    expect(() => readComponentWorld(new TextEncoder().encode('#!/bin/sh\necho hi\n'))).toThrow(/not a WebAssembly binary/);
  });

  it('reports a truncated component with the byte offset', async () => {
    const bytes = await fixedComponent();
    const cut = bytes.subarray(0, bytes.length - 40);
    let err: unknown;
    try {
      readComponentWorld(cut);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ComponentFormatError);
    expect((err as ComponentFormatError).offset).toBeGreaterThan(8);
    expect((err as ComponentFormatError).hint).toMatch(/wasm-tools validate/);
  });

  it('refuses an unknown component binary version', async () => {
    const bytes = new Uint8Array(await fixedComponent());
    bytes[4] = 0x0c;
    expect(() => readComponentWorld(bytes)).toThrow(/unsupported component binary version 0c 00 01 00/);
  });
});
