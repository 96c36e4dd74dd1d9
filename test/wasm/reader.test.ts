import { describe, expect, it } from 'vitest';
import { producerValues } from '../../src/core/wasm/custom.js';
import { readWasm, wasmLayer, WasmFormatError, type WasmBinary } from '../../src/core/wasm/reader.js';
import { cComponent, watComponent } from '../support/fixtures.js';
import { needTool } from '../support/toolchain.js';
import { jsCalculator } from './js-calculator.js';

/** Sections tile each binary exactly, and every view is a window on the input buffer (no copies). */
function expectTiled(root: Uint8Array, b: WasmBinary): void {
  expect(b.bytes.buffer).toBe(root.buffer);
  let at = b.offset + 8;
  for (const s of b.sections) {
    expect(s.offset).toBe(at);
    expect(s.bytes.byteOffset - root.byteOffset).toBe(s.offset);
    expect(s.payload.byteOffset - root.byteOffset).toBe(s.payloadOffset);
    expect(s.payload.buffer).toBe(root.buffer);
    for (const item of s.items ?? []) {
      expect(item.bytes.byteOffset - root.byteOffset).toBe(item.offset);
      expect(item.offset).toBeGreaterThanOrEqual(s.payloadOffset);
      expect(item.offset + item.bytes.length).toBeLessThanOrEqual(s.payloadOffset + s.payload.length);
    }
    if (s.nested) {
      expect(s.nested.offset).toBe(s.payloadOffset);
      expectTiled(root, s.nested);
    }
    at += s.bytes.length;
  }
  expect(at).toBe(b.offset + b.bytes.length);
}

const section = (b: WasmBinary, kind: string, name?: string) => b.sections.find((s) => s.kind === kind && s.name === name)!;

describe('readWasm', () => {
  it('reads a component with a nested core module: imports, exports, bodies, names, data, custom sections', async () => {
    const bytes = await watComponent(`(component
      (core module $m
        (import "env" "log" (func $log (param i32)))
        (import "env" "table" (table 1 funcref))
        (import "env" "mem" (memory 1 2))
        (import "env" "g" (global (mut i32)))
        (func $add (export "add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add)
        (func $twice (export "twice") (param i32) (result i32) local.get 0 local.get 0 call $add)
        (data (i32.const 16) "hello")
        (data "passive bytes")
        (@custom "note" "some bytes")
        (@producers (processed-by "my-tool" "1.2.3") (language "WAT" "")))
    )`);
    const c = readWasm(bytes);
    expect(c.layer).toBe('component');
    expectTiled(bytes, c);
    const m = section(c, 'core module').nested!;
    expect(m.layer).toBe('module');
    expect(section(m, 'import').items!.map((i) => [i.module, i.name, i.sort])).toEqual([
      ['env', 'log', 'func'],
      ['env', 'table', 'table'],
      ['env', 'mem', 'memory'],
      ['env', 'g', 'global'],
    ]);
    expect(section(m, 'export').items!.map((i) => `${i.name}:${i.sort}`)).toEqual(['add:func', 'twice:func']);
    // Bodies are numbered after the one imported function, and named from the name section.
    const bodies = section(m, 'code').items!;
    expect(bodies.map((f) => [f.index, m.functionName!(f.index)])).toEqual([
      [1, 'add'],
      [2, 'twice'],
    ]);
    expect(m.functionName!(0)).toBe('log');
    expect([...bodies[0]!.bytes.slice(-4)]).toEqual([0x20, 0x01, 0x6a, 0x0b]); // local.get 1, i32.add, end
    const data = section(m, 'data').items!;
    expect(data.map((d) => d.name)).toEqual([undefined, 'passive 1']);
    expect(Buffer.from(data[0]!.bytes).toString('latin1')).toContain('hello');
    expect(Buffer.from(section(m, 'custom', 'note').payload).toString()).toBe('some bytes');
    const producers = section(m, 'custom', 'producers').items!;
    expect(Object.fromEntries(producers.map((f) => [f.name, producerValues(f)]))).toEqual({
      'processed-by': [['my-tool', '1.2.3']],
      language: [['WAT', '']],
    });
  });

  it('recurses into nested components and reads component imports and exports', async () => {
    const bytes = await watComponent(`(component
      (import "host:demo/log@1.0.0" (instance $log (export "log" (func (param "msg" string)))))
      (component $inner (core module $m (func (export "f"))))
      (instance $i (instantiate $inner))
      (export "inner" (instance $i))
    )`);
    const c = readWasm(bytes);
    expectTiled(bytes, c);
    expect(section(c, 'import').items!.map((i) => `${i.name}:${i.sort}`)).toEqual(['host:demo/log@1.0.0:instance']);
    expect(section(c, 'export').items!.map((i) => `${i.name}:${i.sort}`)).toEqual(['inner:instance']);
    const inner = section(c, 'component').nested!;
    expect(inner.layer).toBe('component');
    expect(section(inner, 'core module').nested!.sections.map((s) => s.kind)).toContain('code');
  });

  const noClang = needTool('clang');
  it.skipIf(noClang)('reads a C command component built with clang and the preview1 adapter', async () => {
    const bytes = await cComponent('#include <stdio.h>\nint main(void) { puts("hi"); return 0; }\n');
    const c = readWasm(bytes);
    expectTiled(bytes, c);
    const imports = c.sections.flatMap((s) => (s.kind === 'import' ? s.items!.map((i) => i.name!) : []));
    expect(imports.some((n) => n.startsWith('wasi:cli/stdout@0.2.'))).toBe(true);
    const exports = c.sections.flatMap((s) => (s.kind === 'export' ? s.items!.map((i) => i.name!) : []));
    expect(exports.some((n) => n.startsWith('wasi:cli/run@0.2.'))).toBe(true);
    const modules = c.sections.filter((s) => s.nested?.layer === 'module').map((s) => s.nested!);
    expect(modules.length).toBeGreaterThanOrEqual(2); // the program and the adapter, plus shims
    for (const m of modules) for (const s of m.sections) expect(s.unreadable).toBeUndefined();
  });

  it('reads a 12 MB componentize-js component', async () => {
    const bytes = await jsCalculator(1);
    const c = readWasm(bytes);
    expectTiled(bytes, c);
    expect(c.sections.flatMap((s) => (s.kind === 'export' ? s.items!.map((i) => i.name) : []))).toContain('example:calculator/math@0.1.0');
    const engine = c.sections.map((s) => s.nested).find((n) => n && n.bytes.length > 10_000_000)!;
    expect(section(engine, 'code').items!.length).toBeGreaterThan(1000);
    expect(section(engine, 'data').items!.length).toBeGreaterThan(0);
    for (const s of engine.sections) expect(s.unreadable).toBeUndefined();
  });

  it('names the layer from the header', async () => {
    expect(wasmLayer(await watComponent('(module)'))).toBe('module');
    expect(wasmLayer(await watComponent('(component)'))).toBe('component');
    expect(wasmLayer(new TextEncoder().encode('#!/bin/sh\necho'))).toBeUndefined();
  });

  it('rejects what is not wasm, and truncated sections, with the offset', async () => {
    expect(() => readWasm(new TextEncoder().encode('not wasm at all'), { file: 'x.wasm' })).toThrow(WasmFormatError);
    const bytes = await watComponent('(module (func (export "f")))');
    try {
      readWasm(bytes.subarray(0, bytes.length - 3), { file: 'cut.wasm' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(WasmFormatError);
      expect((err as WasmFormatError).location).toEqual({ file: 'cut.wasm' });
      expect((err as WasmFormatError).offset).toBeGreaterThan(8);
      expect((err as WasmFormatError).hint).toBeTruthy();
    }
  });

  it('keeps an export section it cannot itemise as an opaque payload instead of failing', () => {
    // Component header, then an export section (id 11) whose one entry has an unknown name tag 0x07.
    const bytes = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00, 0x0b, 0x04, 0x01, 0x07, 0x01, 0x61]);
    const c = readWasm(bytes);
    expect(c.sections[0]!.kind).toBe('export');
    expect(c.sections[0]!.items).toBeUndefined();
    expect(c.sections[0]!.unreadable).toMatch(/unknown import\/export name encoding 0x7 at byte offset 11/);
  });
});
