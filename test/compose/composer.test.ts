/**
 * The binary composer on small WAT components and a C calculator: the output is a valid component
 * (wit-component decodes it, wasm-tools prints it, jco transpiles it, our engine runs it), it
 * imports exactly the union of the nested components' outside imports, it is deterministic, and
 * its calls give what runtime linking gives.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { composeComponents, type ComposeNode } from '../../src/core/compose/composer.js';
import { ImportConflictError } from '../../src/core/compose/errors.js';
import { openComponent } from '../../src/core/engine/index.js';
import type { HostConfig } from '../../src/core/engine/types.js';
import { readComponentWorld } from '../../src/core/wit/component-binary.js';
import { needTool } from '../support/toolchain.js';
import { CALC_IFACE, cCalculator, ioImports, wat, watApp, watCalculator, watCalculatorSource } from './components.js';

const noClang = needTool('clang', ['--version']);
const cacheDir = mkdtempSync(join(tmpdir(), 'compose-cache-'));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

const host: HostConfig = {
  policy: 'strict',
  grants: { dirs: [], env: {}, clock: false, random: false, stdin: false, args: ['app'] },
  epochSeconds: 0,
  seed: 1n,
  outputCapBytes: 1 << 20,
};

const wasmTools = () => import('@bytecodealliance/jco-transpile/wasm-tools');

function node(name: string, bytes: Uint8Array, links: ComposeNode['links'] = []): ComposeNode {
  return { name, bytes, world: readComponentWorld(bytes), links };
}

const calcLink = [{ importName: CALC_IFACE, provider: 'calculator', exportName: CALC_IFACE }];

/** The WIT world printed by wit-component, which validates the whole component first. */
async function worldOf(bytes: Uint8Array): Promise<string> {
  return (await wasmTools()).componentWit(bytes);
}

async function callBoth(composed: Uint8Array, app: Uint8Array, provider: Uint8Array, path: [string], args: unknown[]) {
  const one = await openComponent({ bytes: composed, cacheDir });
  const linked = await openComponent({ bytes: app, name: 'app', links: calcLink, providers: [{ name: 'calculator', bytes: provider, links: [] }], cacheDir });
  try {
    return { composed: await one.call({ path, args, host }), linked: await linked.call({ path, args, host }) };
  } finally {
    await Promise.all([one.close(), linked.close()]);
  }
}

describe('composeComponents', () => {
  it('nests a WAT app and the WAT calculator into a valid component that exports only the app', async () => {
    const app = await wat(watApp());
    const calc = await wat(watCalculatorSource());
    const composed = composeComponents([node('calculator', calc), node('app', app, calcLink)]);
    const world = await worldOf(composed);
    expect(world).not.toContain('import');
    expect(world).toContain('export run: func() -> s32;');
    expect(world).toContain('export sum: func(a: s32, b: s32) -> s32;');
    // A reader other than wit-component: wasm-tools prints it, and the text names both nested components' contents.
    const text = await (await wasmTools()).print(composed);
    expect(text).toContain('"example:calculator/math@0.1.0"');
    expect(readComponentWorld(composed).exports.map((e) => e.name)).toEqual(['run', 'sum']);
  });

  it('is deterministic: the same inputs give the same bytes', async () => {
    const app = await wat(watApp());
    const calc = await wat(watCalculatorSource());
    const a = composeComponents([node('calculator', calc), node('app', app, calcLink)]);
    const b = composeComponents([node('calculator', calc), node('app', app, calcLink)]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('gives the same results as runtime linking, through jco and our engine', async () => {
    const app = await wat(watApp());
    const calc = await wat(watCalculatorSource());
    const composed = composeComponents([node('calculator', calc), node('app', app, calcLink)]);
    const run = await callBoth(composed, app, calc, ['run'], []);
    expect(run.composed.class).toBe('ok');
    expect(run.composed.value).toBe(42);
    expect(run.linked.value).toBe(42);
    const sum = await callBoth(composed, app, calc, ['sum'], [2147483647, 1]);
    expect([sum.composed.value, sum.linked.value]).toEqual([-2147483648, -2147483648]);
    // Runtime linking records the cross-component call; inside the composed file it is internal.
    expect(sum.linked.ledger).toEqual([{ call: 'example:calculator/math#add', count: 1, bytes: 0, answer: 'component', violation: false, provider: 'calculator' }]);
    expect(sum.composed.ledger).toEqual([]);
  });

  it('imports the union of what the components import from outside, each declaration once', async () => {
    // The provider declares more of wasi:io/streams than the app: the outer import is the provider's.
    const app = await wat(watApp(CALC_IFACE, ioImports(['write'])));
    const calc = await wat(watCalculator(CALC_IFACE, 's32', ioImports(['write', 'read'])));
    const composed = composeComponents([node('calculator', calc), node('app', app, calcLink)]);
    const world = readComponentWorld(composed);
    expect(world.imports.map((i) => i.name)).toEqual(['wasi:io/error@0.2.0', 'wasi:io/streams@0.2.0']);
    const streams = world.imports[1]!;
    expect(streams.kind === 'interface' && [...streams.iface.functions.keys()]).toEqual(['[method]output-stream.write', '[method]output-stream.read']);
    expect(await worldOf(composed)).toContain('import wasi:io/streams@0.2.0;');
  });

  it('refuses two declarations of one import when neither covers the other, naming both components', async () => {
    const app = await wat(watApp(CALC_IFACE, ioImports(['write'])));
    const calc = await wat(watCalculator(CALC_IFACE, 's32', ioImports(['read'])));
    let err: unknown;
    try {
      composeComponents([node('calculator', calc), node('app', app, calcLink)]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ImportConflictError);
    expect((err as Error).message).toMatch(/components '(app|calculator)' and '(app|calculator)' both import wasi:io\/streams@0\.2\.0/);
    expect((err as Error).message).toContain('[method]output-stream.');
  });

  it.skipIf(noClang)('composes a C calculator that imports WASI with an app that imports none, and runs it', async () => {
    const calc = await cCalculator();
    const app = await wat(watApp());
    const composed = composeComponents([node('calculator', calc), node('app', app, calcLink)]);
    const outer = readComponentWorld(composed).imports.map((i) => i.name);
    expect(outer).toEqual(readComponentWorld(calc).imports.map((i) => i.name));
    expect(outer.length).toBeGreaterThan(3);
    expect(await worldOf(composed)).toContain('export run: func() -> s32;');
    const run = await callBoth(composed, app, calc, ['run'], []);
    expect([run.composed.class, run.composed.value]).toEqual(['ok', 42]);
    expect(run.linked.value).toBe(42);
  });
});
