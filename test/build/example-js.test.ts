/**
 * examples/calculator-js and examples/calculator-ts with componentize-js (the copy beside
 * run-action here: this repository's devDependency) and tsc. componentize-js output is never
 * byte-identical (its wizer snapshot captures build-time state), so two builds are compared by
 * behaviour, and the byte difference is shown to lie in initialised data only.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { explainDifference } from '../../src/core/verify/explain.js';
import { build, call, copyExample, project, repoRoot, type Built } from './helpers.js';

const add = 'example:calculator/math@0.1.0#add';
const greet = 'example:calculator/math@0.1.0#greet';

describe('examples/calculator-js and calculator-ts', () => {
  let js: Built;
  let js2: Built;
  let ts: Built;
  let lone: Built;
  beforeAll(async () => {
    const loneTs = project({
      'run.toml': '[components.calculator]\nsource = "calculator.ts"\n',
      'calculator.ts': readFileSync(join(repoRoot, 'examples', 'calculator-ts', 'src', 'calculator.ts'), 'utf8'),
      'wit/calculator.wit': readFileSync(join(repoRoot, 'examples', 'calculator-ts', 'wit', 'calculator.wit'), 'utf8'),
    });
    [js, js2, ts, lone] = await Promise.all([build(copyExample('calculator-js')), build(copyExample('calculator-js', 'elsewhere/longer')), build(copyExample('calculator-ts')), build(loneTs)]);
  });

  it('componentizes JavaScript against the WIT world', () => {
    expect(js.result.built.map((c) => [c.name, c.builder, c.language])).toEqual([['calculator', 'javascript/componentize-js', 'javascript']]);
    expect(js.log.text()).toMatch(/^componentize-js: \S+cli\.js \(beside run-action: /m);
    expect(js.log.text()).toContain('toolchain: componentize-js 0.23.0');
    expect(js.log.text()).toMatch(/cli\.js calculator\.js --wit \S+\/wit --world-name calculator -o /);
    expect(js.meta('calculator')).toContain('exports = [\n    "example:calculator/math@0.1.0",\n]');
  });

  it('compiles TypeScript with the project tsconfig first', () => {
    expect(ts.result.built.map((c) => [c.name, c.builder, c.language])).toEqual([['calculator', 'typescript/tsc+componentize-js', 'typescript']]);
    expect(ts.log.text()).toMatch(/tsc -p \S+\n.*cli\.js target\/ts\/calculator\.js --wit /);
  });

  it('compiles a lone TypeScript file (no tsconfig) into the build directory first', () => {
    expect(lone.log.text()).toMatch(/tsc --outDir (\S+)\/target\/wasm\/\.build\/calculator --module es2022 .* \S+calculator\.ts\n.*cli\.js \1\/target\/wasm\/\.build\/calculator\/calculator\.js --wit /);
    expect(existsSync(join(lone.dir, 'target', 'wasm', '.build', 'calculator'))).toBe(false);
  });

  it('JS rebuilds differ only in snapshot data, and behave the same', async () => {
    const why = explainDifference(js.bytes('calculator'), js2.bytes('calculator'));
    expect(why.identical).toBe(false);
    expect(why.causes).not.toContain('code-change');
    for (const built of [js, js2, ts, lone]) {
      const bytes = built.bytes('calculator');
      expect((await call(bytes, add, [3, 4])).value).toBe(7);
      expect((await call(bytes, add, [2147483647, 1])).value).toBe(-2147483648);
      expect((await call(bytes, greet, ['WASI'])).value).toBe('Hello, WASI!');
    }
  });
});
