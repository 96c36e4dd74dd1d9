/**
 * examples/compose-app end to end: the JavaScript app (componentize-js) linked at run time to the
 * WAT calculator by `test` and `exec`, then composed into one file by `compose`, whose tests
 * (examples/compose-app/composed) give exactly the results runtime linking gives. And, through the
 * CLI, the two link errors users meet most (a missing provider, a type-mismatched one), each naming
 * both sides.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/args.js';
import { composeCommand } from '../../src/cli/commands/compose.js';
import { runTests, type TestResult } from '../../src/core/check/run-tests.js';
import { loadRunConfig } from '../../src/core/config/run-toml.js';
import { exec } from '../../src/core/exec/exec.js';
import { silentLogger } from '../../src/core/log.js';
import { runCli } from '../support/cli.js';
import { example, exampleApp, watApp, watCalculator } from './components.js';

let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'compose-app-'));
  cpSync(example, dir, { recursive: true, filter: (s) => !/[\\/](target|\.run)$/.test(s) });
  mkdirSync(join(dir, 'target', 'wasm'), { recursive: true });
  writeFileSync(join(dir, 'target', 'wasm', 'app.wasm'), await exampleApp());
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `run-action compose …` in process (the command is wired into the CLI by src/cli/commands/index.ts). */
async function compose(argv: string[] = [], cwd = dir): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await composeCommand.run(parseArgs(argv, composeCommand.flags, composeCommand.usage), { cwd, logger: silentLogger, out: (l) => lines.push(l), env: {} });
  return { code, lines };
}

const composedFile = () => join(dir, 'target', 'wasm', 'app.composed.wasm');

describe('examples/compose-app', () => {
  it('passes its tests linked at run time', () => {
    const r = runCli(['test', '-C', dir]);
    expect(r.stdout).toBe('PASS run\nPASS total\nPASS announce\n\n3 passed, 0 failed\n');
    expect(r.status).toBe(0);
  });

  it('exec calls the linked app, and the ledger shows each call into the calculator', async () => {
    expect(runCli(['exec', '-C', dir, 'app', '--call', 'total([5, 6, 7])'])).toMatchObject({ status: 0, stdout: '18\n' });
    const config = await loadRunConfig(dir);
    const r = await exec({ target: 'app', call: 'run()', args: [], limits: {}, allowClock: false, allowRandom: false, argv: [], dir, config, env: {}, logger: silentLogger });
    expect(r.value).toEqual({ kind: 'string', value: 'Hello, composer! 40+2=42' });
    const linked = r.outcome.ledger.filter((e) => e.answer === 'component');
    expect(linked).toEqual([
      { call: 'example:calculator/math#greet', count: 1, bytes: 0, answer: 'component', violation: false, provider: 'calculator' },
      { call: 'example:calculator/math#add', count: 1, bytes: 0, answer: 'component', violation: false, provider: 'calculator' },
    ]);
  });

  it('compose writes target/wasm/app.composed.wasm, the same bytes every time', async () => {
    const first = await compose();
    expect(first.code).toBe(0);
    expect(first.lines).toHaveLength(1);
    expect(first.lines[0]).toMatch(/^composed app \(calculator \+ app\) → target\/wasm\/app\.composed\.wasm \(11\.\d MiB, sha256 [0-9a-f]{12}, 18 WASI imports\) in \d+ ms$/);
    const bytes = readFileSync(composedFile());
    const again = await compose(['app', '--json']);
    const json = JSON.parse(again.lines[0]!) as { sha256: string; size: number; components: string[] };
    expect(json).toMatchObject({ size: bytes.length, components: ['calculator', 'app'] });
    expect(readFileSync(composedFile()).equals(bytes)).toBe(true);
    expect(readdirSync(join(dir, 'target', 'wasm')).sort()).toEqual(['app.composed.wasm', 'app.wasm']); // no temp left behind
    // wit-component validates and decodes it: WASI imports only, the app's exports.
    const { componentWit } = await import('@bytecodealliance/jco-transpile/wasm-tools');
    const wit = await componentWit(new Uint8Array(bytes));
    expect(wit).not.toContain('example:calculator');
    expect(wit).toContain('export total: func(values: list<s32>) -> s32;');
    expect(wit.match(/^ {2}import wasi:/gm)).toHaveLength(18);
  });

  it('passes the same tests composed, with identical values, output, outcomes and host calls', async () => {
    if (!existsSync(composedFile())) await compose();
    const cli = runCli(['test', '-C', join(dir, 'composed')]);
    expect(cli.stdout).toBe('PASS run\nPASS total\nPASS announce\n\n3 passed, 0 failed\n');
    const linked = await runTests(await loadRunConfig(dir), { env: {}, logger: silentLogger });
    const composed = await runTests(await loadRunConfig(join(dir, 'composed')), { env: {}, logger: silentLogger });
    const observable = (r: TestResult) => ({
      name: r.name,
      passed: r.passed,
      value: r.value,
      stdout: r.stdout,
      stderr: r.stderr,
      class: r.outcome?.class,
      host: r.ledger.filter((e) => e.answer !== 'component'),
    });
    expect(composed.results.map(observable)).toEqual(linked.results.map(observable));
    expect(linked.results.map((r) => r.value)).toEqual(['"Hello, composer! 40+2=42"', '-2147483643', '()']);
    // Linked, each call into the calculator is in the ledger; composed, those calls stay inside the component.
    for (const r of linked.results) expect(r.ledger.some((e) => e.answer === 'component' && e.provider === 'calculator')).toBe(true);
    for (const r of composed.results) expect(r.ledger.some((e) => e.answer === 'component')).toBe(false);
  });
});

describe('link errors through the CLI', () => {
  const root = mkdtempSync(join(tmpdir(), 'compose-errors-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const project = (name: string, calc: string | undefined) => {
    const d = join(root, name);
    mkdirSync(d);
    writeFileSync(join(d, 'app.wat'), watApp());
    if (calc) writeFileSync(join(d, 'calc.wat'), calc);
    writeFileSync(
      join(d, 'run.toml'),
      `[project]\nname = "${name}"\nversion = "0.1.0"\n\n[components.calculator]\n${calc ? 'source = "calc.wat"' : 'path = "target/wasm/calculator.wasm"'}\n\n[components.app]\nsource = "app.wat"\nimports = { "example:calculator/math" = "calculator" }\n`,
    );
    return d;
  };

  it('a missing provider: exec fails naming the provider, the interface and the app', () => {
    const r = runCli(['exec', '-C', project('missing', undefined), 'app', '--call', 'run()']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("component 'calculator', which provides example:calculator/math@0.1.0 to 'app', has not been built");
  });

  it('a type-mismatched provider: exec and compose fail naming both sides and both signatures', async () => {
    const d = project('mismatch', watCalculator(undefined, 's64'));
    const r = runCli(['exec', '-C', d, 'app', '--call', 'run()']);
    expect(r.status).toBe(1);
    const message =
      "component 'app' imports example:calculator/math@0.1.0 from 'calculator', but the interfaces differ: add: imported as func(a: s32, b: s32) -> s32, exported as func(a: s64, b: s64) -> s64";
    expect(r.stderr).toContain(message);
    await expect(compose([], d)).rejects.toThrow(message);
    expect(existsSync(join(d, 'target', 'wasm', 'app.composed.wasm'))).toBe(false);
  });
});
