import { afterAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TRANSPILER_KEY, transpileCached } from '../../src/core/engine/transpile-cache.js';
import { ComponentReadError, TranspileError } from '../../src/core/engine/errors.js';
import { watComponent } from '../support/fixtures.js';
import { watCalc } from './guests.js';

const made: string[] = [];
const freshCache = () => {
  const dir = mkdtempSync(join(tmpdir(), 'engine-cache-'));
  made.push(dir);
  return dir;
};
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('transpile cache', () => {
  it('transpiles on a miss, stores the entry under transpile/<sha256>/ and reuses it', async () => {
    const bytes = await watComponent(watCalc);
    const cache = freshCache();
    const first = await transpileCached(bytes, cache);
    expect(first.cached).toBe(false);
    expect(first.sha256).toBe(sha(bytes));
    const dir = join(cache, 'transpile', sha(bytes));
    expect(readdirSync(dir).sort()).toEqual(['component.core.wasm', 'component.js', 'manifest.json']);
    expect(readdirSync(join(cache, 'transpile'))).toEqual([sha(bytes)]); // no temp dir left behind
    expect(first.jsFile).toBe(join(dir, 'component.js'));
    const second = await transpileCached(bytes, cache);
    expect(second.cached).toBe(true);
    expect([...second.coreModules.keys()]).toEqual(['component.core.wasm']);
    expect(Buffer.from(second.coreModules.get('component.core.wasm')!)).toEqual(Buffer.from(first.coreModules.get('component.core.wasm')!));
    expect(second.exports).toEqual(first.exports);
  });

  it('keys entries on the installed jco-transpile version', () => {
    const installed = JSON.parse(readFileSync('node_modules/@bytecodealliance/jco-transpile/package.json', 'utf8')) as { version: string };
    expect(TRANSPILER_KEY.transpiler).toBe(`@bytecodealliance/jco-transpile@${installed.version}`);
  });

  it.each([
    ['a core module that was altered', (dir: string) => writeFileSync(join(dir, 'component.core.wasm'), 'garbage')],
    ['a truncated JS file', (dir: string) => writeFileSync(join(dir, 'component.js'), readFileSync(join(dir, 'component.js')).subarray(0, 100))],
    ['a missing file', (dir: string) => rmSync(join(dir, 'component.js'))],
    ['a missing manifest (an interrupted write)', (dir: string) => rmSync(join(dir, 'manifest.json'))],
    ['an unparsable manifest', (dir: string) => writeFileSync(join(dir, 'manifest.json'), '{"key":')],
    [
      'an entry from another transpiler version',
      (dir: string) => {
        const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
        m.key.transpiler = '@bytecodealliance/jco-transpile@0.0.1';
        writeFileSync(join(dir, 'manifest.json'), JSON.stringify(m));
      },
    ],
  ])('rebuilds %s instead of using it', async (_what, damage) => {
    const bytes = await watComponent(watCalc);
    const cache = freshCache();
    const good = await transpileCached(bytes, cache);
    const dir = join(cache, 'transpile', sha(bytes));
    damage(dir);
    const again = await transpileCached(bytes, cache);
    expect(again.cached).toBe(false);
    expect(readFileSync(join(dir, 'component.js'), 'utf8')).toBe(readFileSync(good.jsFile, 'utf8'));
    expect((await transpileCached(bytes, cache)).cached).toBe(true);
  });

  it('refuses bytes that are not a component, naming them', async () => {
    const err = await transpileCached(new TextEncoder().encode('not wasm at all'), freshCache(), 'x.wasm').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ComponentReadError);
    expect(err).toMatchObject({ message: 'x.wasm is not a WebAssembly component (bad header)', location: { file: 'x.wasm' } });
  });

  it('reports a component jco-transpile rejects as TranspileError', async () => {
    const bytes = await watComponent(watCalc);
    const broken = bytes.slice(0, bytes.length - 20); // header intact, body truncated
    const err = await transpileCached(broken, freshCache(), 'broken.wasm').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TranspileError);
    expect((err as TranspileError).message).toMatch(/^broken\.wasm: jco-transpile cannot translate this component: /);
    expect((err as TranspileError).location).toEqual({ file: 'broken.wasm' });
  });
});
