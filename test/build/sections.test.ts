/** Reading only what a build needs of a binary: the top-level sections, and a core module's head. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from '@bytecodealliance/jco-transpile/wasm-tools';
import { readHead, sections } from '../../src/core/build/sections.js';
import { readWasm } from '../../src/core/wasm/reader.js';

const dir = mkdtempSync(join(tmpdir(), 'sections-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, bytes: Uint8Array) => {
  const f = join(dir, name);
  writeFileSync(f, bytes);
  return f;
};

/** A module whose import and export sections alone are larger than one 64 KiB read, with code and data after them. */
function bigModule(): string {
  const names = Array.from({ length: 3000 }, (_, i) => `function_number_${i}_with_a_long_name`);
  return `(module
    ${names.map((n) => `(import "wasi_snapshot_preview1" "${n}" (func))`).join('\n')}
    (memory (export "memory") 1)
    ${names.map((n, i) => `(func (export "e_${n}") call ${i})`).join('\n')}
    (data (i32.const 0) "${'x'.repeat(70000)}"))`;
}

describe('readHead', () => {
  it("returns a core module's bytes up to its code section, however long its imports and exports", async () => {
    const bytes = await parse(bigModule());
    const ids = sections(bytes).map((s) => s.id);
    expect(ids).toEqual([1, 2, 3, 5, 7, 10, 11]);
    const code = sections(bytes).find((s) => s.id === 10)!;
    const head = readHead(file('big.wasm', bytes));
    expect(head.length).toBeGreaterThan(64 * 1024);
    expect(head.length).toBeLessThan(code.start);
    expect(head).toEqual(bytes.subarray(0, head.length));
    expect(sections(head).map((s) => s.id)).toEqual([1, 2, 3, 5, 7]);
  });

  it('returns the whole of a module without code, and the 8-byte header of a component', async () => {
    const data = await parse('(module (memory 1) (data (i32.const 0) "hi"))');
    expect(readHead(file('data.wasm', data))).toEqual(data);
    const component = await parse('(component (core module (func (export "f"))))');
    expect(readHead(file('component.wasm', component))).toEqual(component.subarray(0, 8));
    expect(readWasm(component).layer).toBe('component');
  });

  it('reads what is there of a truncated or foreign file without hanging', () => {
    expect(readHead(file('text.wasm', new TextEncoder().encode('not wasm at all')))).toEqual(new TextEncoder().encode('not wasm'));
    expect(readHead(file('empty.wasm', new Uint8Array()))).toEqual(new Uint8Array());
  });

  it('stops at the end of a truncated module: what is there, for the caller to reject', async () => {
    const bytes = await parse(bigModule());
    const cut = bytes.subarray(0, 1000);
    expect(readHead(file('cut.wasm', cut))).toEqual(cut);
  });
});
