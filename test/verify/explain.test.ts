import { describe, expect, it } from 'vitest';
import { metadataAdd } from '@bytecodealliance/jco-transpile/wasm-tools';
import { explainDifference, type Explanation } from '../../src/core/verify/explain.js';
import { readWasm, WasmFormatError } from '../../src/core/wasm/reader.js';
import { cComponent, watComponent } from '../support/fixtures.js';
import { needTool } from '../support/toolchain.js';
import { jsCalculator } from '../wasm/js-calculator.js';

/** A component around one core module; `inner` is the module body. */
const core = (inner: string) => watComponent(`(component (core module $m ${inner}) (core instance (instantiate $m)))`);

const ADD = '(func $add (export "add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add)';

/** Little-endian bytes of a 64-bit integer as a WAT string. */
const i64 = (n: number) => [...new Uint8Array(new BigUint64Array([BigInt(n)]).buffer)].map((b) => `\\${b.toString(16).padStart(2, '0')}`).join('');
const u32 = (n: number) => [...new Uint8Array(new Uint32Array([n]).buffer)].map((b) => `\\${b.toString(16).padStart(2, '0')}`).join('');

const first = (e: Explanation) => e.items[0]!;
const text = (bytes: Uint8Array, at: number, n: number) => Buffer.from(bytes.subarray(at, at + n)).toString('latin1');

describe('explainDifference', () => {
  it('says identical for identical bytes', async () => {
    const a = await core(`(memory 1) ${ADD}`);
    const e = explainDifference(a, a.slice());
    expect(e).toMatchObject({ identical: true, cause: 'identical', causes: [], items: [] });
  });

  it('finds an injected build path in a data segment, with text and hex context', async () => {
    const build = (dir: string) => core(`(memory 1) (data (i32.const 16) "panicked at /tmp/${dir}/src/lib.rs:10:5\\00") ${ADD}`);
    const a = await build('build-123');
    const b = await build('build-456');
    const e = explainDifference(a, b);
    expect(e.cause).toBe('build-path');
    expect(e.causes).toEqual(['build-path']);
    const item = first(e);
    expect(item.path).toBe('component/module[0]/data[0]');
    expect(item.text).toEqual({ a: '/tmp/build-123/src/lib.rs', b: '/tmp/build-456/src/lib.rs' });
    expect(item.address).toBe(16 + 'panicked at /tmp/build-'.length);
    // The file offsets point at the first differing character on each side.
    expect(text(a, item.firstDifference!.a!, 3)).toBe('123');
    expect(text(b, item.firstDifference!.b!, 3)).toBe('456');
    expect(item.context).toMatchObject({ space: 'memory' });
    expect(item.context!.a.hex).toContain('2d 31 32 33 2f'); // "-123/"
    expect(item.context!.b.hex).toContain('2d 34 35 36 2f'); // "-456/"
    expect(e.summary).toContain('/tmp/build-123/src/lib.rs');
  });

  it('finds a build path whose length changed, in data and in a custom section', async () => {
    const build = (user: string) => core(`(memory 1) (data (i32.const 0) "${'/home/' + user}/project/src/main.rs\\00") ${ADD} (@custom "build-info" "cwd=/home/${user}/project;")`);
    const e = explainDifference(await build('alice'), await build('bob'));
    expect(e.causes).toEqual(['build-path']);
    const paths = e.items.map((i) => i.path);
    expect(paths).toEqual(['component/module[0]/data[0]', 'component/module[0]/custom "build-info"']);
    expect(e.items[1]!.text).toEqual({ a: '/home/alice/project', b: '/home/bob/project' });
  });

  it('finds a 64-bit Unix timestamp in a data segment', async () => {
    const build = (t: number) => core(`(memory 1) (data (i32.const 64) "${i64(t)}") ${ADD}`);
    const e = explainDifference(await build(1700000000), await build(1700000123));
    expect(e.cause).toBe('timestamp');
    expect(first(e)).toMatchObject({ path: 'component/module[0]/data[0]', address: 64 });
    expect(first(e).text).toEqual({ a: '1700000000 (2023-11-14T22:13:20Z)', b: '1700000123 (2023-11-14T22:15:23Z)' });
    expect(first(e).context!.a.hex).toMatch(/^(00 ){16}00 f1 53 65 00 00 00 00$/);
    expect(first(e).context!.b.hex).toMatch(/^(00 ){16}7b f1 53 65 00 00 00 00$/);
  });

  it('finds a textual timestamp', async () => {
    const build = (t: string) => core(`(memory 1) (data (i32.const 8) "built ${t} by ci") ${ADD}`);
    const e = explainDifference(await build('2024-05-01T10:00:00Z'), await build('2024-05-02T11:30:00Z'));
    expect(e.cause).toBe('timestamp');
    expect(first(e).text).toEqual({ a: '2024-05-01T10:00:00Z', b: '2024-05-02T11:30:00Z' });
  });

  it('does not take random heap words for timestamps (seen in a componentize-js snapshot)', async () => {
    // 0x54c8848a / 0x54ad5de3 read as 2015 dates 20 days apart, next to other random words.
    const build = (w: number) => core(`(memory 1) (data (i32.const 16) "\\e8\\19\\a7\\51\\4c\\1a\\d6\\53${u32(w)}\\00\\00\\00\\00") ${ADD}`);
    const e = explainDifference(await build(0x54c8848a), await build(0x54ad5de3));
    expect(e.causes).toEqual(['snapshot-data']);
  });

  it('calls data-only differences with identical code snapshot data', async () => {
    const build = (bytes: string) => core(`(memory 1) (data (i32.const 1024) "${bytes}") ${ADD}`);
    // Two changes more than 4 bytes apart are two places; closer ones read as one value.
    const e = explainDifference(await build('\\01\\02\\03\\04\\05\\06\\07\\08'), await build('\\01\\09\\03\\04\\05\\06\\07\\0a'));
    expect(e.cause).toBe('snapshot-data');
    expect(first(e)).toMatchObject({ path: 'component/module[0]/data[0]', address: 1025, count: 2 });
    expect(first(e).detail).toMatch(/^2 bytes differ in 2 places/);
  });

  it('sees swapped data segments as ordering only', async () => {
    const x = '(data (i32.const 0) "first segment")';
    const y = '(data (i32.const 100) "second segment")';
    const e = explainDifference(await core(`(memory 1) ${x} ${y} ${ADD}`), await core(`(memory 1) ${y} ${x} ${ADD}`));
    expect(e.cause).toBe('ordering-only');
    expect(first(e)).toMatchObject({ path: 'component/module[0]', change: 'reordered' });
    expect(first(e).detail).toMatch(/data\[\d\]/);
  });

  it('sees swapped exports as ordering only', async () => {
    const add = '(func $add (param i32 i32) (result i32) local.get 0 local.get 1 i32.add)';
    const a = await core(`${add} (export "add" (func $add)) (export "plus" (func $add))`);
    const b = await core(`${add} (export "plus" (func $add)) (export "add" (func $add))`);
    const e = explainDifference(a, b);
    expect(e.causes).toEqual(['ordering-only']);
    expect(first(e)).toMatchObject({ path: 'component/module[0]', change: 'reordered' });
    expect(first(e).detail).toMatch(/export "(add|plus)"/);
  });

  it('sees swapped custom sections as ordering only', async () => {
    const a = await core(`${ADD} (@custom "first" "one") (@custom "second" "two")`);
    const b = await core(`${ADD} (@custom "second" "two") (@custom "first" "one")`);
    const e = explainDifference(a, b);
    expect(e.causes).toEqual(['ordering-only']);
    expect(first(e).detail).toMatch(/custom "(first|second)"/);
  });

  it('names a changed function body from the name section', async () => {
    const e = explainDifference(await core(ADD), await core(ADD.replace('i32.add', 'i32.sub')));
    expect(e.cause).toBe('code-change');
    expect(e.causes).toEqual(['code-change']);
    expect(first(e).path).toBe('component/module[0]/code/func "add"');
    expect(first(e).context!.a.hex.split(' ')).toContain('6a'); // i32.add
    expect(first(e).context!.b.hex.split(' ')).toContain('6b'); // i32.sub
  });

  it('matches bodies by name, not index, when a function is inserted', async () => {
    const extra = '(func $extra (result i32) i32.const 7)';
    const e = explainDifference(await core(ADD), await core(`${extra} ${ADD}`));
    expect(e.cause).toBe('code-change');
    expect(e.items.find((i) => i.path.endsWith('code/func "extra"'))).toMatchObject({ change: 'added' });
    expect(e.items.some((i) => i.path.endsWith('code/func "add"'))).toBe(false);
  });

  it('falls back to function indices without a name section', async () => {
    const anon = '(func (export "add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add)';
    const e = explainDifference(await core(anon), await core(anon.replace('i32.add', 'i32.mul')));
    expect(first(e).path).toBe('component/module[0]/code/func[0]');
  });

  it('explains inside nested components', async () => {
    const nest = (op: string) => watComponent(`(component (component $inner (core module $m (func $add (param i32 i32) (result i32) local.get 0 local.get 1 ${op}))))`);
    const e = explainDifference(await nest('i32.add'), await nest('i32.sub'));
    expect(first(e).path).toBe('component/component[0]/module[0]/code/func "add"');
  });

  it('matches nested modules by position and size when a build adds one', async () => {
    const big = (op: string) => `(core module $big (memory 1) (data (i32.const 0) "${'x'.repeat(2000)}") ${ADD.replace('i32.add', op)})`;
    const small = (n: number) => `(core module $small (func (export "f") (result i32) i32.const ${n}))`;
    const medium = `(core module $medium (memory 1) (data (i32.const 0) "${'y'.repeat(600)}"))`;
    const a = await watComponent(`(component ${big('i32.add')} ${small(1)})`);
    const b = await watComponent(`(component ${big('i32.sub')} ${medium} ${small(2)})`);
    const e = explainDifference(a, b);
    expect(e.items.map((i) => [i.path, i.change])).toEqual([
      ['component/module[0]/code/func "add"', 'changed'],
      ['component/module[1] (b: module[2])/code/func[0]', 'changed'],
      ['component/module[1]', 'added'],
      ['component/custom "component-name"', 'changed'], // it lists $medium
    ]);
  });

  it('sees a changed producers section as a toolchain version difference', async () => {
    const base = await core(ADD);
    const a = await metadataAdd(base, [['processed-by', [['my-tool', '1.0.0']]]]);
    const b = await metadataAdd(base, [['processed-by', [['my-tool', '1.1.0']]]]);
    const e = explainDifference(a, b);
    expect(e.causes).toEqual(['toolchain-version']);
    expect(first(e).path).toBe('component/custom "producers"/processed-by');
    expect(first(e).text).toEqual({ a: 'my-tool 1.0.0', b: 'my-tool 1.1.0' });
  });

  it('reports an added export as a structure change', async () => {
    const base = '(func $add (param i32 i32) (result i32) local.get 0 local.get 1 i32.add) (export "add" (func $add))';
    const e = explainDifference(await core(base), await core(`${base} (export "plus" (func $add))`));
    expect(e.causes).toEqual(['structure']);
    expect(first(e)).toMatchObject({ path: 'component/module[0]/export "plus"', change: 'added' });
  });

  it('lists every cause and heads with the most severe', async () => {
    const build = (dir: string, op: string) => core(`(memory 1) (data (i32.const 0) "/tmp/${dir}/lib.rs") ${ADD.replace('i32.add', op)}`);
    const e = explainDifference(await build('aaa', 'i32.add'), await build('bbb', 'i32.sub'));
    expect(e.cause).toBe('code-change');
    // Data differing next to changed code is not snapshot drift, but the path is still named.
    expect(e.causes).toEqual(['code-change', 'build-path']);
    expect(e.summary).toMatch(/also build-path/);
  });

  it('compares core modules too, and a module with a component as structure', async () => {
    const m = (op: string) => watComponent(`(module ${ADD.replace('i32.add', op)})`);
    const e = explainDifference(await m('i32.add'), await m('i32.sub'));
    expect(first(e).path).toBe('module/code/func "add"');
    const mixed = explainDifference(await m('i32.add'), await core(ADD));
    expect(mixed).toMatchObject({ cause: 'structure', items: [{ path: 'module', detail: 'a is a core module, b is a component' }] });
  });

  it('calls globals whose initial values moved a layout consequence, ranked below the path that moved them', async () => {
    const build = (dir: string, heap: number, extra = '') => core(`(memory 1) (global (export "heap") i32 (i32.const ${heap})) ${extra} (data (i32.const 16) "built in /tmp/${dir}\\00") ${ADD}`);
    const e = explainDifference(await build('a', 48), await build('a-longer-directory', 64));
    expect([e.cause, e.causes]).toEqual(['build-path', ['build-path', 'layout']]);
    expect(e.items.find((i) => i.cause === 'layout')).toMatchObject({ path: 'component/module[0]/global section', change: 'changed' });
    // Another global is structure; other code makes moved globals part of the code change.
    expect(explainDifference(await build('a', 48), await build('a', 48, '(global i32 (i32.const 7))')).cause).toBe('structure');
    const recompiled = await core(`(memory 1) (global (export "heap") i32 (i32.const 64)) (data (i32.const 16) "built in /tmp/a\\00") (func $add (export "add") (param i32 i32) (result i32) local.get 1 local.get 0 i32.sub)`);
    expect(explainDifference(await build('a', 48), recompiled).causes).toEqual(['code-change']);
  });

  describe('string pools', () => {
    /** A module with DWARF-like custom sections: a string pool and a section holding offsets into it. */
    const dwarf = (strings: string[], info: string, body = ADD) =>
      core(`${body} (@custom ".debug_str" "${strings.map((s) => `${s}\\00`).join('')}") (@custom ".debug_info" "${info}")`);
    const POOL = ['main.c', '/tmp/build-aaa', 'int', 'clang version 19'];

    it('sees a pool whose strings moved and whose path changed as build-path, the offsets into it as its consequence', async () => {
      const a = await dwarf(POOL, '\\00\\07\\0e');
      const b = await dwarf(['int', 'clang version 19', '/tmp/b-longer', 'main.c'], '\\1e\\00\\04');
      const e = explainDifference(a, b);
      expect([e.cause, e.causes]).toEqual(['build-path', ['build-path', 'layout']]);
      expect(first(e)).toMatchObject({ path: 'component/module[0]/custom ".debug_str"', text: { a: '/tmp/build-aaa', b: '/tmp/b-longer' }, count: 1 });
      // The first difference is where each side's path string starts.
      expect(text(a, first(e).firstDifference!.a!, 14)).toBe('/tmp/build-aaa');
      expect(text(b, first(e).firstDifference!.b!, 13)).toBe('/tmp/b-longer');
      expect(e.items[1]).toMatchObject({ path: 'component/module[0]/custom ".debug_info"', cause: 'layout' });
    });

    it('sees the same strings in another order as ordering only, the offsets as layout', async () => {
      const e = explainDifference(await dwarf(POOL, '\\00\\07'), await dwarf([...POOL].reverse(), '\\1c\\15'));
      expect(e.causes).toEqual(['layout', 'ordering-only']);
      expect(e.items.find((i) => i.cause === 'ordering-only')).toMatchObject({ path: 'component/module[0]/custom ".debug_str"', change: 'reordered' });
    });

    it('keeps offsets a structure difference when the code changed too, and a pool with other strings changed', async () => {
      const moved = ['int', '/tmp/build-bbb', 'clang version 19', 'main.c'];
      const recompiled = explainDifference(await dwarf(POOL, '\\07'), await dwarf(moved, '\\04', ADD.replace('i32.add', 'i32.sub')));
      expect(recompiled.causes).toEqual(['code-change', 'structure', 'build-path']);
      expect(recompiled.items.find((i) => i.cause === 'structure')!.path).toBe('component/module[0]/custom ".debug_info"');
      const renamed = explainDifference(await dwarf(POOL, '\\07'), await dwarf(['int', '/tmp/build-bbb', 'clang version 20', 'main.c'], '\\04'));
      expect(renamed.cause).toBe('structure');
      expect(renamed.items.every((i) => i.cause !== 'layout')).toBe(true);
    });
  });

  it('is JSON-serialisable', async () => {
    const e = explainDifference(await core(ADD), await core(ADD.replace('i32.add', 'i32.sub')));
    expect(JSON.parse(JSON.stringify(e))).toEqual(e);
  });

  it('rejects a truncated binary with a named error', async () => {
    const a = await core(ADD);
    const err = (() => {
      try {
        explainDifference(a, a.subarray(0, a.length - 5), { labels: ['a.wasm', 'b.wasm'] });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(WasmFormatError);
    expect((err as WasmFormatError).location).toEqual({ file: 'b.wasm' });
    expect((err as WasmFormatError).message).toMatch(/at byte offset \d+/);
  });
});

describe('explainDifference on real toolchain output', () => {
  const noClang = needTool('clang');
  it.skipIf(noClang)('finds the build directory clang records in DWARF', async () => {
    const src = '#include <stdio.h>\nint main(void) { puts("hello"); return 0; }\n';
    // Different flags give different cache keys, so each is built in its own temporary directory.
    const a = await cComponent(src, { cflags: ['-g', '-DVARIANT=1'] });
    const b = await cComponent(src, { cflags: ['-g', '-DVARIANT=2'] });
    const e = explainDifference(a, b);
    expect(e.cause).toBe('build-path');
    expect(e.items.map((i) => i.path)).toContain('component/module[0]/custom ".debug_str"');
    expect(first(e).text!.a).toMatch(/^\/tmp\/fixture-c-/);
  });

  it.skipIf(noClang)('finds a renamed build directory in a reordered DWARF string pool', async () => {
    // One real build; the second is made from it with its .debug_str strings reversed and the
    // directory renamed (same lengths, so the bytes are spliced in place): deterministic, where two
    // builds come out in the same or another order depending on how the directory names hash.
    const src = '#include <stdio.h>\nint main(void) { puts("hello"); return 0; }\n';
    const a = await cComponent(src, { cflags: ['-g', '-DVARIANT=0'] });
    const pool = readWasm(a).sections.find((s) => s.nested)!.nested!.sections.find((s) => s.name === '.debug_str')!;
    const strings = Buffer.from(pool.payload).toString('latin1').split('\0').slice(0, -1);
    const dir = strings.find((s) => /^\/tmp\/fixture-c-[^/]+$/.test(s))!;
    const moved = '/build/ci-runner-'.padEnd(dir.length, '7');
    const payload = Buffer.from(strings.map((s) => `${s === dir ? moved : s}\0`).reverse().join(''), 'latin1');
    expect(payload.length).toBe(pool.payload.length);
    const b = a.slice();
    b.set(payload, pool.payloadOffset);
    const e = explainDifference(a, b);
    expect(e.causes).toEqual(['build-path']);
    expect(first(e)).toMatchObject({ path: 'component/module[0]/custom ".debug_str"', text: { a: dir, b: moved } });
    expect(e.summary).toContain(`"${dir}" vs "${moved}"`);
    expect(text(b, first(e).firstDifference!.b!, moved.length)).toBe(moved);
  });

  it('explains two componentize-js builds as snapshot data with the temp path inside', async () => {
    const e = explainDifference(await jsCalculator(1), await jsCalculator(2));
    expect(e.cause).toBe('snapshot-data');
    expect(e.causes).not.toContain('code-change');
    expect(e.causes).toContain('build-path');
    const path = e.items.find((i) => i.cause === 'build-path')!;
    expect(path.path).toMatch(/^component\/module\[0\]\/data\[\d+\]/);
    expect(path.text!.a).toMatch(/^\/tmp\/[0-9a-f]+\/sources\//);
  });
});
