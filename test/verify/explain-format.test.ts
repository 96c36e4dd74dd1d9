import { describe, expect, it } from 'vitest';
import { explainDifference } from '../../src/core/verify/explain.js';
import { formatExplanation } from '../../src/core/verify/explain-format.js';
import { watComponent } from '../support/fixtures.js';

const ADD = '(func $add (export "add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add)';
const build = (dir: string, op = 'i32.add') =>
  watComponent(`(component (core module $m (memory 1) (data (i32.const 16) "at /tmp/${dir}/src/lib.rs") ${ADD.replace('i32.add', op)}))`);

describe('formatExplanation', () => {
  it('prints the headline, advice, item path, decoded text and a marked hex dump of both sides', async () => {
    const out = formatExplanation(explainDifference(await build('build-123'), await build('build-456')));
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^build-path: an embedded build path differs — component\/module\[0\]\/data\[0\]/);
    expect(lines[1]).toMatch(/^ {2}advice: build in a fixed directory/);
    expect(lines).toContain('  ~ component/module[0]/data[0]  [build-path]');
    expect(lines).toContain('    a: /tmp/build-123/src/lib.rs');
    expect(lines).toContain('    b: /tmp/build-456/src/lib.rs');
    // The row holding the difference: both sides, with ^^ under the three differing bytes only.
    const at = lines.findIndex((l) => /^ {4}a mem {2}0x[0-9a-f]{8} .*123\/src/.test(l));
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toMatch(/^ {4}b mem {2}0x[0-9a-f]{8} .*456\/src/);
    expect(lines[at + 2]!.match(/\^\^/g)).toHaveLength(3);
    const column = lines[at + 2]!.indexOf('^^');
    expect(lines[at]!.slice(column, column + 2)).toBe('31'); // '1' of 123
  });

  it('shows file offsets for code, reorderings, and what was left out', async () => {
    const e = explainDifference(await build('aaa'), await build('bbb', 'i32.sub'), { maxItems: 1 });
    const out = formatExplanation(e);
    expect(out).toContain('  ~ component/module[0]/code/func "add"  [code-change]');
    expect(out).toMatch(/ {4}a file 0x[0-9a-f]{8} {2}/);
    expect(out).toContain('advice: the code itself changed: different source, flags or compiler; an embedded path differs too');
    expect(out).toMatch(/… 1 more difference not shown$/);
  });

  it('marks reordered entries', async () => {
    const mod = (x: string, y: string) => watComponent(`(module ${ADD} (@custom "${x}" "v") (@custom "${y}" "v"))`);
    const out = formatExplanation(explainDifference(await mod('one', 'two'), await mod('two', 'one')));
    expect(out).toMatch(/^ordering-only: /);
    expect(out).toMatch(/ {2}↕ module {2}\[ordering-only\]\n {4}1 of 7 entries are in a different order: custom "(one|two)" \(#\d → #\d\)/);
  });

  it('says so when the binaries are identical', async () => {
    const a = await build('x');
    expect(formatExplanation(explainDifference(a, a))).toBe('identical: the two binaries are byte-identical');
  });
});
