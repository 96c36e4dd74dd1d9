/**
 * examples/calculator-py with componentize-py from PyPI. Its output is not byte-reproducible:
 * componentize-py pre-initialises CPython and snapshots the heap (component-init), and that heap
 * differs on every run (upstream bytecodealliance/componentize-py#247). This test pins the cause
 * down exactly — identical code, differences only in the snapshot module's initial memory and
 * global initialisers — so a change of cause (or a fix upstream) makes it fail.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { explainDifference } from '../../src/core/verify/explain.js';
import { needTool } from '../support/toolchain.js';
import { build, call, copyExample, strictHost, type Built } from './helpers.js';

const missing = needTool('componentize-py', ['--version']);
const add = 'example:calculator/math@0.1.0#add';
const greet = 'example:calculator/math@0.1.0#greet';

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

  it('is not byte-reproducible, and only because of the pre-initialised heap snapshot', () => {
    expect(b.result.built[0]!.sha256).not.toBe(a.result.built[0]!.sha256);
    const why = explainDifference(a.bytes('calculator'), b.bytes('calculator'), { maxItems: 1000 });
    expect(why.causes).not.toContain('code-change');
    expect(why.causes).toContain('snapshot-data');
    expect(why.omitted).toBe(0);
    // module[0] is component-init's memory image, module[1] sets the snapshot's globals.
    for (const item of why.items) expect(item.path).toMatch(/^component\/module\[[01]\]\/(data\[\d+\]|global section)/);
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
