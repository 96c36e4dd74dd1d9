import { describe, expect, it } from 'vitest';
import { parse, print } from '@bytecodealliance/jco-transpile/wasm-tools';
import { capMemory } from '../../src/core/engine/memory-cap.js';
import { MemoryLimitError } from '../../src/core/engine/errors.js';
import { WasmFormatError } from '../../src/core/wasm/cursor.js';

const MiB = 1024 * 1024;
const PAGES_256MIB = 4096;

/** Splits a core module into its sections (id + raw bytes including the header), by hand. */
function sections(bytes: Uint8Array): Array<{ id: number; raw: string }> {
  const out: Array<{ id: number; raw: string }> = [];
  let pos = 8;
  while (pos < bytes.length) {
    const start = pos;
    const id = bytes[pos++]!;
    let size = 0;
    let shift = 0;
    let b: number;
    do {
      b = bytes[pos++]!;
      size |= (b & 0x7f) << shift;
      shift += 7;
    } while (b & 0x80);
    pos += size;
    out.push({ id, raw: Buffer.from(bytes.subarray(start, pos)).toString('hex') });
  }
  return out;
}

/** Memory declarations as wasm-tools prints them, e.g. `(memory (;0;) 1 4096)`. */
async function memories(bytes: Uint8Array): Promise<string[]> {
  return (await print(bytes)).split('\n').map((l) => l.trim()).filter((l) => l.startsWith('(memory '));
}

describe('capMemory', () => {
  it('adds the cap as maximum to a memory without one, and the cap is enforced by V8', async () => {
    const mod = await parse('(module (memory (export "mem") 1))');
    const capped = capMemory(mod, 256 * MiB);
    expect(await memories(capped)).toEqual([`(memory (;0;) 1 ${PAGES_256MIB})`]);
    const { exports } = new WebAssembly.Instance(new WebAssembly.Module(capped));
    const mem = exports.mem as WebAssembly.Memory;
    expect(() => mem.grow(PAGES_256MIB)).toThrow(RangeError);
    expect(mem.grow(PAGES_256MIB - 1)).toBe(1);
  });

  it('lowers a larger maximum and keeps a smaller one', async () => {
    expect(await memories(capMemory(await parse('(module (memory 1 65536))'), 256 * MiB))).toEqual([
      `(memory (;0;) 1 ${PAGES_256MIB})`,
    ]);
    expect(await memories(capMemory(await parse('(module (memory 2 10))'), 256 * MiB))).toEqual(['(memory (;0;) 2 10)']);
  });

  it('makes memory.grow fail (return -1) inside the guest at the cap', async () => {
    const mod = await parse(`(module (memory 1)
      (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0))))`);
    const inst = new WebAssembly.Instance(new WebAssembly.Module(capMemory(mod, 4 * MiB)));
    const grow = inst.exports.grow as (n: number) => number;
    expect(grow(63)).toBe(1);
    expect(grow(1)).toBe(-1);
  });

  it('copies every other section verbatim and re-encodes the section size when it grows', async () => {
    const mod = await parse(`(module
      (type (func (param i32) (result i32)))
      (import "env" "f" (func (type 0)))
      (memory 300)
      (global i32 (i32.const 7))
      (func (export "id") (param i32) (result i32) (call 0 (local.get 0)))
      (data (i32.const 0) "hello")
      (@custom "note" "kept"))`);
    const capped = capMemory(mod, 256 * MiB);
    const before = sections(mod);
    const after = sections(capped);
    expect(after.map((s) => s.id)).toEqual(before.map((s) => s.id));
    for (let i = 0; i < before.length; i++) {
      if (before[i]!.id === 5) {
        expect(after[i]!.raw).not.toEqual(before[i]!.raw);
        // 300 needs two LEB128 bytes; the cap 4096 needs two more plus the flag: 05 06 01 01 ac02 8020
        expect(after[i]!.raw).toBe('050601' + '01' + 'ac02' + '8020');
      } else {
        expect(after[i]!.raw).toBe(before[i]!.raw);
      }
    }
    new WebAssembly.Module(capped); // still valid
  });

  it('caps imported memories after skipping function, table, global and tag imports', async () => {
    const mod = await parse(`(module
      (type (func))
      (import "a" "f" (func (type 0)))
      (import "a" "t" (table 1 2 (ref null 0)))
      (import "a" "g" (global (mut (ref null 0))))
      (import "a" "x" (tag))
      (import "a" "m" (memory 1))
      (import "a" "m2" (memory 2 100000)))`);
    const printed = await print(capMemory(mod, 256 * MiB));
    expect(printed).toContain(`(import "a" "m" (memory (;0;) 1 ${PAGES_256MIB}))`);
    expect(printed).toContain(`(import "a" "m2" (memory (;1;) 2 ${PAGES_256MIB}))`);
    expect(printed).toContain('(import "a" "t" (table (;0;) 1 2 (ref null 0)))');
  });

  it('keeps an importing module linkable against a capped defining module', async () => {
    const cap = 8 * MiB;
    const provider = new WebAssembly.Instance(
      new WebAssembly.Module(capMemory(await parse('(module (memory (export "mem") 1 1000))'), cap)),
    );
    const consumer = new WebAssembly.Module(
      capMemory(await parse('(module (import "p" "mem" (memory 1)) (func (export "size") (result i32) (memory.size)))'), cap),
    );
    const inst = new WebAssembly.Instance(consumer, { p: { mem: provider.exports.mem! } });
    expect((inst.exports.size as () => number)()).toBe(1);
  });

  it('handles shared, 64-bit and custom-page-size memories', async () => {
    expect(await memories(capMemory(await parse('(module (memory 1 100000 shared))'), 256 * MiB))).toEqual([
      `(memory (;0;) 1 ${PAGES_256MIB} shared)`,
    ]);
    expect(await memories(capMemory(await parse('(module (memory i64 1))'), 256 * MiB))).toEqual([
      `(memory (;0;) i64 1 ${PAGES_256MIB})`,
    ]);
    expect(await memories(capMemory(await parse('(module (memory 1 (pagesize 1)))'), 1000))).toEqual([
      '(memory (;0;) 1 1000 (pagesize 0x1))',
    ]);
  });

  it('exports private memories under a prefix, adding an export section before the code', async () => {
    const mod = await parse('(module (memory 2) (func (result i32) (memory.size)) (data (i32.const 0) "x"))');
    const exposed = capMemory(mod, 8 * MiB, { exportPrefix: 'probe:' });
    const inst = new WebAssembly.Instance(new WebAssembly.Module(exposed));
    expect(Object.keys(inst.exports)).toEqual(['probe:0']);
    expect((inst.exports['probe:0'] as WebAssembly.Memory).buffer.byteLength).toBe(2 * 65536);
    expect(() => (inst.exports['probe:0'] as WebAssembly.Memory).grow(127)).toThrow(RangeError);
  });

  it('appends to an existing export section and numbers memories after the imported ones', async () => {
    const mod = await parse(`(module
      (import "p" "mem" (memory 1))
      (func (export "f") (result i32) (i32.const 7))
      (start 0))`);
    // A module importing its only memory gets no export.
    expect(capMemory(mod, 8 * MiB, { exportPrefix: 'probe:' })).toEqual(capMemory(mod, 8 * MiB));
    const own = await parse('(module (memory (export "mem") 3) (global (export "g") i32 (i32.const 1)) (func (export "f") (result i32) (i32.const 7)))');
    const inst = new WebAssembly.Instance(new WebAssembly.Module(capMemory(own, 8 * MiB, { exportPrefix: 'probe:' })));
    expect(Object.keys(inst.exports)).toEqual(['mem', 'g', 'f', 'probe:0']);
    expect(inst.exports['probe:0']).toBe(inst.exports.mem);
    expect((inst.exports.f as () => number)()).toBe(7);
    expect(await print(capMemory(own, 8 * MiB, { exportPrefix: 'probe:' }))).toContain('(export "probe:0" (memory 0))');
  });

  it('returns the same bytes for a module without memory', async () => {
    const mod = await parse('(module (func (export "f")))');
    expect(capMemory(mod, 256 * MiB)).toBe(mod);
  });

  it('refuses a memory whose minimum is above the limit', async () => {
    const mod = await parse('(module (memory 100))');
    expect(() => capMemory(mod, 4 * MiB, { what: 'component.core.wasm' })).toThrow(MemoryLimitError);
    expect(() => capMemory(mod, 4 * MiB, { what: 'component.core.wasm' })).toThrow(
      'component.core.wasm needs 6.3 MiB of memory at start, above the memory limit of 4 MiB',
    );
  });

  it('rejects components, garbage and truncated modules with WasmFormatError', async () => {
    const component = await parse('(component)');
    expect(() => capMemory(component, MiB)).toThrow(/not a core module/);
    expect(() => capMemory(new TextEncoder().encode('hello world'), MiB)).toThrow(WasmFormatError);
    const mod = await parse('(module (memory 1) (func (export "f")))');
    expect(() => capMemory(mod.subarray(0, mod.length - 3), MiB)).toThrow(/unexpected end of data|runs past the end/);
  });
});
