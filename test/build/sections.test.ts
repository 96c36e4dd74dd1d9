/** Reading only what a build needs of a binary: the top-level sections, a core module's head, a component's outline. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from '@bytecodealliance/jco-transpile/wasm-tools';
import { nestedModules, readComponentOutline, readHead, sections } from '../../src/core/build/sections.js';
import { readComponentWorld } from '../../src/core/wit/component-binary.js';
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
    (data (i32.const 0) "${'x'.repeat(300_000)}"))`;
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

/**
 * A component with a core module and a custom section several reads long (300 KB of data, 200 KB),
 * and an export section alone longer than one read (3000 exports): the outline must skip the first
 * two and read the third whole.
 */
async function bigComponent(): Promise<Uint8Array> {
  const exports = Array.from({ length: 3000 }, (_, i) => `(export "an-exported-function-with-a-long-name-${i}" (func $f))`).join('\n');
  const bytes = await parse(`(component
    (core module $m (memory 5) (func (export "f") (result i32) i32.const 1) (data (i32.const 0) "${'x'.repeat(300_000)}"))
    (core instance $i (instantiate $m))
    (func $f (result s32) (canon lift (core func $i "f")))
    ${exports})`);
  // A custom section ("note", 200 KB) after the header, as toolchains add producers sections.
  const name = new TextEncoder().encode('note');
  const payload = [name.length, ...name, ...new Uint8Array(200_000).fill(7)];
  const size = payload.length; // 200005: LEB128 in three bytes
  const custom = [0, (size & 0x7f) | 0x80, ((size >> 7) & 0x7f) | 0x80, size >> 14, ...payload];
  return new Uint8Array([...bytes.subarray(0, 8), ...custom, ...bytes.subarray(8)]);
}

describe('readComponentOutline', () => {
  it("reads a component's own sections at their offsets, and not the payloads of its core modules and custom sections", async () => {
    const bytes = await bigComponent();
    const spans = sections(bytes);
    expect(spans.map((s) => s.id)).toEqual([0, 1, 2, 7, 6, 8, 11, 0]); // the last: the name section wasm-tools adds
    expect(spans.find((s) => s.id === 11)!.end - spans.find((s) => s.id === 11)!.start).toBeGreaterThan(64 * 1024);
    const outline = readComponentOutline(file('big-component.wasm', bytes));
    expect(outline.length).toBe(bytes.length);
    let framing = 0;
    let unread = 0;
    for (const s of spans) {
      const payload = outline.subarray(s.start, s.end);
      if (s.id === 0 || s.id === 1) {
        // Unread (zero), except what shared a read with the sections around it.
        expect(payload.every((b, i) => b === 0 || b === bytes[s.start + i])).toBe(true);
        unread += payload.filter((b, i) => b !== bytes[s.start + i]).length;
      } else {
        expect(payload).toEqual(bytes.subarray(s.start, s.end));
      }
      expect(outline.subarray(framing, s.start)).toEqual(bytes.subarray(framing, s.start)); // header, ids and sizes
      framing = s.end;
    }
    expect(unread).toBeGreaterThan(300_000); // all but a read's worth of each
    expect(readComponentWorld(outline)).toEqual(readComponentWorld(bytes));
    expect(nestedModules(outline).map((m) => [m.path, m.bytes.length])).toEqual(nestedModules(bytes).map((m) => [m.path, m.bytes.length]));
  });

  it('gives a truncated component its own length, so that the reader rejects it as it rejects the file', async () => {
    const bytes = await bigComponent();
    const exportsAt = sections(bytes).find((s) => s.id === 11)!.start;
    for (const cut of [1000, 250_000, exportsAt + 100]) {
      const part = bytes.subarray(0, cut);
      const outline = readComponentOutline(file(`cut-${cut}.wasm`, part));
      expect(outline.length).toBe(cut);
      expect(() => readComponentWorld(outline)).toThrow(/unexpected end|invalid component binary/);
      expect(() => readComponentWorld(part)).toThrow(/unexpected end|invalid component binary/);
    }
  });

  it('stops at a section size that is not a number, without hanging, and reads a header-only file', async () => {
    const header = (await parse('(component)')).subarray(0, 8);
    const garbage = new Uint8Array([...header, 7, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
    expect(readComponentOutline(file('garbage.wasm', garbage))).toEqual(garbage);
    expect(readComponentOutline(file('header.wasm', header))).toEqual(header);
    expect(readComponentOutline(file('empty-component.wasm', new Uint8Array()))).toEqual(new Uint8Array());
  });
});
