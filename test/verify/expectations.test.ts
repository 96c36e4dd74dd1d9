/**
 * `.run/expect.json` through `run-action verify` (the command itself, argv parsed as the CLI
 * does), on a copy of examples/hello-wat: --record writes it, a later run compares and prints a
 * readable diff when the component changed, --update rewrites it; a damaged file is refused with
 * its line. Plus the line diff on multi-line output.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyCommand } from '../../src/cli/commands/verify.js';
import { parseArgs } from '../../src/cli/args.js';
import { ExpectationsExistError, ExpectationsFileError } from '../../src/core/verify/index.js';
import { lineDiff } from '../../src/core/verify/expectations.js';
import { captureLogger, copyExample } from './helpers.js';

async function runVerify(dir: string, argv: string[] = []): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await verifyCommand.run(parseArgs(argv, verifyCommand.flags, verifyCommand.usage), { cwd: dir, logger: captureLogger(), out: (l) => lines.push(l), env: process.env });
  return { code, out: lines.join('\n') };
}

describe('verify expectations (.run/expect.json)', () => {
  it('records, matches, shows what changed, and updates', async () => {
    const dir = copyExample('hello-wat');
    const file = join(dir, '.run', 'expect.json');

    const recorded = await runVerify(dir, ['--record']);
    expect(recorded.code).toBe(0);
    expect(recorded.out).toContain('Expectations (.run/expect.json): recorded');
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(saved).toEqual({
      version: 1,
      policy: 'strict',
      components: { hello: { sha256: expect.stringMatching(/^[0-9a-f]{64}$/) } },
      cases: { greet_42: { component: 'hello', call: 'greet(42)', outcome: 'ok', value: '43', stdout: '', stderr: '', ledger: [] } },
    });

    expect((await runVerify(dir)).out).toContain('Expectations (.run/expect.json): matched');
    await expect(runVerify(dir, ['--record'])).rejects.toThrow(ExpectationsExistError);

    // The component changes: greet now adds 2.
    const wat = join(dir, 'components', 'hello.wat');
    writeFileSync(wat, readFileSync(wat, 'utf8').replace('i32.const 1', 'i32.const 2'));
    const changed = await runVerify(dir);
    expect(changed.code).toBe(1);
    const text = changed.out.split('\n');
    const at = text.indexOf('Expectations (.run/expect.json): DIFFER');
    expect(text.slice(at + 1, at + 8)).toEqual([
      '  ~ component hello: sha256',
      `      - ${saved.components.hello.sha256}`,
      expect.stringMatching(/^ {6}\+ [0-9a-f]{64}$/),
      '  ~ case greet_42: value',
      '      - 43',
      '      + 44',
      '  (if the change is intended: run-action verify --update)',
    ]);

    const updated = await runVerify(dir, ['--update', '--json']);
    expect(updated.code).toBe(0);
    const report = JSON.parse(updated.out);
    expect(report.expectations).toMatchObject({ status: 'updated', differences: [{ kind: 'component', name: 'hello', field: 'sha256' }, { kind: 'case', name: 'greet_42', field: 'value', expected: '43', actual: '44' }] });
    expect(JSON.parse(readFileSync(file, 'utf8')).cases.greet_42.value).toBe('44');
    expect((await runVerify(dir)).code).toBe(0);
  });

  it('refuses a damaged file with its line, before building anything', async () => {
    const dir = copyExample('hello-wat');
    await runVerify(dir, ['--record']);
    const file = join(dir, '.run', 'expect.json');
    const damaged = readFileSync(file, 'utf8').replace('"cases": {', '"cases": {,');
    writeFileSync(file, damaged);
    const err = await runVerify(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExpectationsFileError);
    expect((err as ExpectationsFileError).location).toMatchObject({ file, line: damaged.split('\n').findIndex((l) => l.includes('{,')) + 1 });
    expect((err as ExpectationsFileError).hint).toContain('--update');
    await expect(runVerify(dir, ['--record', '--update'])).rejects.toThrow('give either --record or --update, not both');
    await expect(runVerify(dir, ['--runs', '0'])).rejects.toThrow('--runs needs a whole number of at least 1, not "0"');
  });

  it('shows multi-line output as a line diff with context', () => {
    const a = ['line 1', 'line 2', 'line 3', 'total: 5', 'line 5', ''].join('\n');
    const b = ['line 1', 'line 2', 'line 3', 'total: 6', 'line 5', ''].join('\n');
    expect(lineDiff(a, b, 1)).toEqual(['  … 2 same lines', '  line 3', '- total: 5', '+ total: 6', '  line 5', '  … 1 same line']);
    expect(lineDiff('tab\there ', 'tab here')).toEqual(['- tab\\there ', '+ tab here']);
  });
});
