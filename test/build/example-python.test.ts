/**
 * examples/calculator-py with componentize-py from PyPI. Its output is not byte-reproducible, and
 * nothing outside componentize-py can make it so: componentize-py pre-initialises a CPython 3.14
 * inside its own embedded wasmtime and snapshots the heap (component-init). That guest gets a fixed
 * environment of componentize-py's choosing (our PYTHONHASHSEED=0 reaches only the host Python that
 * starts componentize-py), so it randomises its string hashes from the host's entropy, reads the
 * real clock and stats a standard library freshly extracted to a temp dir; the whole heap lands
 * elsewhere on every run (upstream bytecodealliance/componentize-py#247). An LD_PRELOAD interposer
 * for getrandom/clock_gettime fixes the hashes and the clock yet the builds still differ: file
 * times reach the guest through raw syscalls (rustix), which no environment setting reaches.
 *
 * This file pins that cause exactly — which modules, which bytes, what the guest sees — so that a
 * componentize-py that fixes it makes a test here fail, telling us to assert byte-identity instead.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildEnvironment } from '../../src/core/build/environment.js';
import { explainDifference } from '../../src/core/verify/explain.js';
import { buildImage, imageLength, memoryLayout } from '../../src/core/verify/explain-memory.js';
import { snapshotToolchain } from '../../src/core/verify/snapshot-toolchains.js';
import { Cursor } from '../../src/core/wasm/cursor.js';
import { readWasm, type WasmBinary } from '../../src/core/wasm/reader.js';
import { needTool } from '../support/toolchain.js';
import { build, call, copyExample, repoRoot, strictHost, tempDir, type Built } from './helpers.js';

const missing = needTool('componentize-py', ['--version']);
const add = 'example:calculator/math@0.1.0#add';
const greet = 'example:calculator/math@0.1.0#greet';

function coreModules(bytes: Uint8Array): WasmBinary[] {
  return readWasm(bytes)
    .sections.filter((s) => s.kind === 'core module')
    .map((s) => s.nested!);
}

function section(module: WasmBinary, kind: string) {
  return module.sections.find((s) => s.kind === kind);
}

/** Memory 0's initial image, as the module's active data segments write it. */
function memoryImage(module: WasmBinary): Uint8Array {
  const segments = memoryLayout(section(module, 'data')!.items!)!.memories.get(0);
  return buildImage(segments, imageLength(segments));
}

/** Each global's `i32.const` initial value, or its constant expression's opcode when it is not one. */
function globalInits(module: WasmBinary): Array<number | string> {
  const c = new Cursor(section(module, 'global')!.payload);
  const inits: Array<number | string> = [];
  for (let n = c.u32(); n > 0; n--) {
    c.u8(); // value type
    c.u8(); // mutability
    const op = c.u8();
    inits.push(op === 0x41 ? c.sleb(5) >>> 0 : `op 0x${op.toString(16)}`);
    if (op !== 0x41 || c.u8() !== 0x0b) break;
  }
  return inits;
}

describe.skipIf(missing)('examples/calculator-py', () => {
  let a: Built;
  let b: Built;
  beforeAll(async () => {
    a = await build(copyExample('calculator-py'));
    b = await build(copyExample('calculator-py', 'elsewhere/with-a-longer-path'));
  });

  it('builds against the WIT world with typed exports listed in meta.toml', () => {
    expect(a.result.built.map((c) => [c.name, c.builder, c.language])).toEqual([['calculator', 'python/componentize-py', 'python']]);
    expect(a.log.text()).toMatch(/componentize-py -d \S+\/wit -w calculator componentize app -o /);
    expect(a.log.text()).toContain('PYTHONHASHSEED=0');
    expect(a.meta('calculator')).toContain('    "example:calculator/math@0.1.0",\n');
    // componentize-py's build-time CPython writes bytecode beside app.py; the build removes it.
    expect(existsSync(join(a.dir, 'src', '__pycache__'))).toBe(false);
  });

  it("differs only in the heap snapshot: identical code, the main module's heap and (sometimes) the adapter state pointer", () => {
    expect(b.result.built[0]!.sha256).not.toBe(a.result.built[0]!.sha256);
    const why = explainDifference(a.bytes('calculator'), b.bytes('calculator'), { maxItems: 1000 });
    expect(why.causes).not.toContain('code-change');
    expect(why.causes).not.toContain('structure');
    expect(why.causes).toContain('snapshot-data');
    expect(why.omitted).toBe(0);
    for (const item of why.items) expect(item.path).toMatch(/^component\/module\[[01]\]\/(data\[\d+\]|global section)/);

    const [ma, mb] = [coreModules(a.bytes('calculator')), coreModules(b.bytes('calculator'))];
    expect(mb.length).toBe(ma.length);
    // Every module but the first two (CPython's main module, the preview1 adapter) is byte-identical.
    for (let i = 2; i < ma.length; i++) expect(Buffer.compare(ma[i]!.bytes, mb[i]!.bytes), `module[${i}]`).toBe(0);
    expect(section(ma[0]!, 'export')!.items!.map((x) => x.name)).toContain('__stack_pointer');
    expect(section(ma[1]!, 'export')!.items!.map((x) => x.name)).toContain('reset_adapter_state');

    // module[0]: the same size of memory; identical up to the first difference, which is a heap
    // pointer on both sides (an address inside the snapshot image); from there on the heap differs.
    const [ia, ib] = [memoryImage(ma[0]!), memoryImage(mb[0]!)];
    expect(ib.length).toBe(ia.length);
    const [va, vb] = [new DataView(ia.buffer), new DataView(ib.buffer)];
    let first = -1;
    let differing = 0;
    for (let o = 0; o + 4 <= ia.length; o += 4) {
      if (va.getUint32(o, true) === vb.getUint32(o, true)) continue;
      if (first < 0) first = o;
      differing++;
    }
    expect(first).toBeGreaterThan(0);
    expect(Buffer.compare(ia.subarray(0, first), ib.subarray(0, first))).toBe(0);
    for (const v of [va.getUint32(first, true), vb.getUint32(first, true)]) expect(v).toBeGreaterThanOrEqual(first), expect(v).toBeLessThan(ia.length);
    // Not a few stray bytes: a large part of the heap (over 100 000 words measured; 1.3 million typical).
    expect(differing).toBeGreaterThan(100_000);

    // module[1]: the same globals; at most the first one's initial value (the adapter's state,
    // allocated in module[0]'s heap during pre-initialisation) differs — it often lands at the same
    // address, so equal is allowed — and it points into that heap.
    const [ga, gb] = [globalInits(ma[1]!), globalInits(mb[1]!)];
    expect(ga.every((v) => typeof v === 'number')).toBe(true);
    expect(gb.length).toBe(ga.length);
    expect(ga.slice(1)).toEqual(gb.slice(1));
    for (const v of [ga[0] as number, gb[0] as number]) expect(v).toBeGreaterThanOrEqual(first), expect(v).toBeLessThan(ia.length);
  });

  it("pre-initialises in a guest that sees the host's entropy and clock, not our environment", () => {
    // The cause, observed directly: an app that fails at pre-init reports what its interpreter sees.
    const dir = tempDir('probe');
    cpSync(join(repoRoot, 'examples', 'calculator-py', 'wit'), join(dir, 'wit'), { recursive: true });
    writeFileSync(
      join(dir, 'app.py'),
      'import json, os, sys, time\nraise SystemExit("GUEST " + json.dumps({"env": dict(os.environ), "hash_randomization": sys.flags.hash_randomization, "time": time.time()}))\n',
    );
    const env = buildEnvironment(process.env, { outputDir: 'target/wasm', target: 'wasm32-wasip2', optLevel: 'release', debug: false, reproducible: true }, undefined);
    expect(env.vars.PYTHONHASHSEED).toBe('0');
    let output = '';
    try {
      execFileSync('componentize-py', ['-d', 'wit', '-w', 'calculator', 'componentize', 'app', '-o', 'probe.wasm'], { cwd: dir, env: env.vars, stdio: 'pipe' });
    } catch (err) {
      const e = err as { stdout?: Buffer; stderr?: Buffer };
      output = `${e.stdout ?? ''}${e.stderr ?? ''}`;
    }
    const line = /GUEST (\{.*\})/.exec(output);
    expect(line, output).not.toBeNull();
    const guest = JSON.parse(line![1]!) as { env: Record<string, string>; hash_randomization: number; time: number };
    expect(Object.keys(guest.env).sort()).toEqual(['PYTHONHOME', 'PYTHONPATH', 'PYTHONUNBUFFERED']);
    expect(guest.hash_randomization).toBe(1);
    // The real clock, not SOURCE_DATE_EPOCH (0 here).
    expect(Math.abs(guest.time - Date.now() / 1000)).toBeLessThan(3600);
  });

  it('is reported as a snapshot toolchain with that cause', () => {
    const snapshot = snapshotToolchain(a.bytes('calculator'));
    expect(snapshot).toMatchObject({ tool: 'componentize-py', issue: 'bytecodealliance/componentize-py#247' });
    expect(snapshot!.why).toMatch(/PYTHONHASHSEED never reaches it/);
  });

  it('behaves identically from both builds (random granted: componentize-py reseeds from it)', async () => {
    for (const built of [a, b]) {
      const bytes = built.bytes('calculator');
      expect((await call(bytes, add, [3, 4], strictHost({ random: true }))).value).toBe(7);
      expect((await call(bytes, add, [2147483647, 1], strictHost({ random: true }))).value).toBe(-2147483648);
      expect((await call(bytes, greet, ['WASI'], strictHost({ random: true }))).value).toBe('Hello, WASI!');
    }
  });
});
