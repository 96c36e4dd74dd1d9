/**
 * `test`: every declared test ([tests.<name>] / [[test]]) in a fresh instance of its component,
 * judged as upstream does (§7) with the documented intent where upstream is buggy: a test with only
 * `expect_error` fails when the call succeeds, and guest output is really captured (`expect_stdout`).
 * With no declared test, `test_*` / `test-*` exports are discovered and must return without error.
 */
import path from 'node:path';
import { loadLinkedApp } from '../compose/linked-app.js';
import type { Component, PolicyName, RunConfig, TestCase } from '../config/model.js';
import type { CallOutcome, LedgerEntry } from '../engine/types.js';
import { formatLocation, RunActionError } from '../errors.js';
import type { Logger } from '../log.js';
import { cacheDirOf, loadComponentArtifact } from '../exec/artifact.js';
import { grantsFor, hostConfig } from '../exec/grants.js';
import { ComponentRunner } from '../exec/invoke.js';
import { valEquals, type Val } from '../values/model.js';
import { parseArguments, parseValueText } from '../values/value-text.js';
import { printWave } from '../values/wave-print.js';
import type { WitType } from '../wit/model.js';

export interface TestResult {
  name: string;
  component: string;
  passed: boolean;
  /** Why it failed, in upstream's words where upstream has them. */
  reason?: string;
  outcome?: Pick<CallOutcome, 'class' | 'exitCode' | 'message' | 'elapsedMs'>;
  value?: string;
  stdout: string;
  stderr: string;
  ledger: LedgerEntry[];
}

export interface TestReport {
  results: TestResult[];
  passed: number;
  failed: number;
}

export interface TestOptions {
  /** Only tests whose component or name is this (upstream's --component). */
  filter?: string;
  policy?: PolicyName;
  env: Record<string, string | undefined>;
  logger: Logger;
  /** Called as each test ends, for progress output. */
  onResult?: (r: TestResult) => void;
}

const decoder = new TextDecoder();

export async function runTests(config: RunConfig, options: TestOptions): Promise<TestReport> {
  const policy = options.policy ?? config.run.policy;
  let tests = config.tests.filter((t) => !options.filter || t.component === options.filter || t.name === options.filter);
  const runners = new Map<string, Promise<ComponentRunner>>();
  const open = (c: Component) => {
    let r = runners.get(c.name);
    if (!r) {
      r = loadComponentArtifact(config, c)
        .then((artifact) => loadLinkedApp(config, { artifact, component: c }))
        .then((app) => ComponentRunner.open(app, { cacheDir: cacheDirOf(config.dir), limits: { memoryBytes: config.run.memoryMiB * 1024 * 1024, timeoutMs: config.run.timeoutMs } }));
      r.catch(() => {}); // reported per test
      runners.set(c.name, r);
    }
    return r;
  };
  try {
    if (tests.length === 0) tests = await discover(config, options.filter, open);
    const results: TestResult[] = [];
    for (const test of tests) {
      const component = config.components.find((c) => c.name === test.component)!;
      const result = await runOne(config, component, test, policy, options, open);
      results.push(result);
      options.onResult?.(result);
    }
    const passed = results.filter((r) => r.passed).length;
    return { results, passed, failed: results.length - passed };
  } finally {
    await Promise.all([...runners.values()].map((r) => r.then((x) => x.close(), () => {})));
  }
}

async function runOne(
  config: RunConfig,
  component: Component,
  test: TestCase,
  policy: PolicyName,
  options: TestOptions,
  open: (c: Component) => Promise<ComponentRunner>,
): Promise<TestResult> {
  const base = { name: test.name, component: test.component, stdout: '', stderr: '', ledger: [] as LedgerEntry[] };
  let runner: ComponentRunner;
  let fn;
  let args: Val[];
  try {
    runner = await open(component);
    fn = runner.resolve(test.function);
  } catch (err) {
    if (err instanceof RunActionError) return { ...base, passed: false, reason: err.message + (err.hint ? ` (${err.hint})` : '') };
    throw err;
  }
  try {
    args = parseArguments(fn.func, test.args);
  } catch (err) {
    if (err instanceof RunActionError) return { ...base, passed: false, reason: `${where(config, test, 'args')}${err.message}${err.hint ? ` (${err.hint})` : ''}` };
    throw err;
  }
  const grants = grantsFor({ capabilities: component.capabilities, policy, dir: config.dir, env: options.env, args: [component.name], logger: options.logger });
  const host = hostConfig({ policy, grants, outputCapBytes: config.run.outputCapBytes, ...(config.build.sourceDateEpoch !== undefined ? { sourceDateEpoch: config.build.sourceDateEpoch } : {}) });
  let called;
  try {
    called = await runner.call(fn, args, host);
  } catch (err) {
    // e.g. a return value that does not fit its WIT type: this test fails, the others still run.
    if (err instanceof RunActionError) return { ...base, passed: false, reason: err.message };
    throw err;
  }
  const { outcome, value } = called;
  const result: TestResult = {
    ...base,
    passed: false,
    outcome: { class: outcome.class, exitCode: outcome.exitCode, message: outcome.message, elapsedMs: outcome.elapsedMs },
    ...(value ? { value: printWave(value) } : {}),
    stdout: decoder.decode(outcome.stdout),
    stderr: decoder.decode(outcome.stderr),
    ledger: outcome.ledger,
  };
  const reason = judge(test, outcome, value, fn.func.result, result.stdout, where(config, test, 'expect'));
  return reason === undefined ? { ...result, passed: true } : { ...result, reason };
}

/** `run.toml:16:8: `: where a test's args or expectation is written, to prefix an error about its text. */
function where(config: RunConfig, test: TestCase, key: 'args' | 'expect'): string {
  const loc = key === 'args' ? test.argsLocation : test.expectLocation;
  return loc ? `${formatLocation({ ...loc, file: path.relative(config.dir, loc.file) || loc.file })}: ` : '';
}

/** undefined = passed; otherwise why not. `expectAt`: where the expectation is written (a prefix for an error about its text). */
function judge(test: TestCase, outcome: CallOutcome, value: Val | undefined, resultType: WitType | undefined, stdout: string, expectAt: string): string | undefined {
  const exitCode = outcome.class === 'exit' ? outcome.exitCode : outcome.class === 'ok' ? 0 : undefined;
  if (outcome.class !== 'ok' && !(outcome.class === 'exit' && test.expectExit !== undefined)) {
    const error = `Component execution failed: ${test.component} - ${outcome.message}`;
    if (test.expectError !== undefined) {
      return error.includes(test.expectError) ? undefined : `Expected error containing '${test.expectError}', got '${error}'`;
    }
    return error;
  }
  if (test.expectError !== undefined) return `Expected error containing '${test.expectError}', but the call succeeded`;
  if (test.expectExit !== undefined && exitCode !== test.expectExit) return `Expected exit ${test.expectExit}, got ${exitCode}`;
  if (test.expect !== undefined) {
    let expected: Val;
    try {
      expected = parseValueText(test.expect, resultType, 'expectation');
    } catch (err) {
      if (err instanceof RunActionError) return `${expectAt}invalid expectation: ${err.message}`;
      throw err;
    }
    const got = value ?? { kind: 'unit' };
    if (!valEquals(expected, got)) return `Expected ${describe(expected)}, got ${describe(got)}`;
  }
  if (test.expectStdout !== undefined && stdout !== test.expectStdout) {
    return `Expected stdout ${JSON.stringify(test.expectStdout)}, got ${JSON.stringify(stdout)}`;
  }
  return undefined;
}

/** `s32 43`: the kind matters when the values print alike (`u32:43` vs `s32:43`). */
function describe(v: Val): string {
  return `${v.kind} ${printWave(v)}`;
}

/** Upstream §7.4: `test_*` / `test-*` exports of every component that loads become tests. */
async function discover(config: RunConfig, filter: string | undefined, open: (c: Component) => Promise<ComponentRunner>): Promise<TestCase[]> {
  const found: TestCase[] = [];
  for (const component of config.components) {
    if (filter && component.name !== filter) continue;
    let runner: ComponentRunner;
    try {
      runner = await open(component);
    } catch {
      continue; // not built: nothing to discover
    }
    for (const item of runner.world.exports) {
      const names =
        item.kind === 'function'
          ? [item.name]
          : [...item.iface.functions.values()].filter((f) => f.kind === 'freestanding').map((f) => `${item.name}#${f.name}`);
      for (const fn of names) {
        if (!/^test[_-]/.test(fn.replace(/^.*#/, ''))) continue;
        found.push({ name: `${component.name}::${fn.replace(/^.*#/, '')}`, component: component.name, function: fn, args: [], expectExit: 0, location: component.location });
      }
    }
  }
  return found;
}
