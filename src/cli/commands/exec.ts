/**
 * `run-action exec <component|file.wasm> [args…]`. Three output shapes:
 * - `--call 'add(3, 4)'`: guest output, then the result in WAVE (`7`) — for people and scripts;
 * - `--function f --args …` without --json: upstream's `[exec] …` lines (§3.4);
 * - `--json`: upstream's one-line object with keys sorted, guest output really captured, and an
 *   `error` key when the call failed.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadRunConfig } from '../../core/config/run-toml.js';
import { parseByteSize, parseDuration } from '../../core/config/units.js';
import type { PolicyName } from '../../core/config/model.js';
import { exec, ExecUsageError, type ExecResult } from '../../core/exec/exec.js';
import { upstreamJson, upstreamText } from '../../core/values/upstream-render.js';
import { printWave } from '../../core/values/wave-print.js';
import { flagBool, flagString, flagStrings } from '../args.js';
import type { Command, CommandContext } from '../command.js';

const POLICIES: PolicyName[] = ['strict', 'virtual', 'dev'];

export function policyFlag(value: string | undefined): PolicyName | undefined {
  if (value === undefined) return undefined;
  if (!(POLICIES as string[]).includes(value)) throw new ExecUsageError(`unknown policy '${value}'`, { hint: `use one of: ${POLICIES.join(', ')}` });
  return value as PolicyName;
}

function quantity(flag: string, value: string | undefined, parse: (s: string) => number | undefined, example: string): number | undefined {
  if (value === undefined) return undefined;
  const n = parse(value);
  if (n === undefined || n <= 0) throw new ExecUsageError(`invalid --${flag} '${value}'`, { hint: `write e.g. --${flag} ${example}` });
  return n;
}

export const execCommand: Command = {
  name: 'exec',
  summary: 'run a component: call one function, or its CLI entry point',
  usage: "run-action exec <component|file.wasm> [--call 'f(1, 2)' | --function f --args v,…] [--json] [-- guest args…]",
  flags: {
    call: { type: 'string', description: "the call to make, in WAVE: 'add(3, 4)', 'greet(\"you\")'" },
    function: { type: 'string', description: "function to call (upstream style; with --args)" },
    args: { type: 'strings', description: 'comma-separated typed arguments for --function (s32:1, "text", 42)' },
    json: { type: 'boolean', description: 'print one JSON object: exit_code, return_value, stderr, stdout' },
    policy: { type: 'string', description: 'strict (default) | virtual | dev' },
    memory: { type: 'string', description: 'memory limit per instance, e.g. 256MiB' },
    timeout: { type: 'string', description: 'time limit per call, e.g. 30s' },
    'allow-clock': { type: 'boolean', description: 'grant the (virtual, under strict) wall clock' },
    'allow-random': { type: 'boolean', description: 'grant (seeded, under strict) random' },
  },
  async run(args, ctx) {
    const [target, ...argv] = args.positionals;
    if (!target) throw new ExecUsageError('Missing target', { hint: 'Usage: run-action exec <component|path>' });
    const json = flagBool(args, 'json');
    const allowClock = flagBool(args, 'allow-clock');
    const allowRandom = flagBool(args, 'allow-random');
    if (!json) {
      if (allowClock) ctx.logger.warn('--allow-clock breaks determinism');
      if (allowRandom) ctx.logger.warn('--allow-random breaks determinism');
    }
    const config = existsSync(join(ctx.cwd, 'run.toml')) ? await loadRunConfig(ctx.cwd) : undefined;
    for (const w of config?.warnings ?? []) ctx.logger.warn(w.message, w.location);
    const memoryBytes = quantity('memory', flagString(args, 'memory'), parseByteSize, '256MiB');
    const timeoutMs = quantity('timeout', flagString(args, 'timeout'), parseDuration, '30s');
    const call = flagString(args, 'call');
    const fn = flagString(args, 'function');
    const upstreamStyle = !json && !call;
    const policy = policyFlag(flagString(args, 'policy'));
    if (upstreamStyle) ctx.out(`[exec] mode=${(policy ?? config?.run.policy) === 'dev' ? 'development' : 'production'} clock=${allowClock} random=${allowRandom}`);
    const result = await exec({
      target,
      ...(call !== undefined ? { call } : {}),
      ...(fn !== undefined ? { function: fn } : {}),
      args: flagStrings(args, 'args'),
      ...(policy ? { policy } : {}),
      limits: { ...(memoryBytes ? { memoryBytes } : {}), ...(timeoutMs ? { timeoutMs } : {}) },
      allowClock,
      allowRandom,
      argv,
      dir: ctx.cwd,
      config,
      env: ctx.env,
      logger: ctx.logger,
    });
    if (json) ctx.out(jsonLine(result));
    else if (upstreamStyle) printUpstream(result, ctx);
    else printCall(result, ctx);
    return result.exitCode;
  },
};

const text = (b: Uint8Array) => new TextDecoder().decode(b);

function failed(r: ExecResult): boolean {
  return r.outcome.class !== 'ok' && r.outcome.class !== 'exit';
}

function jsonLine(r: ExecResult): string {
  const parts: string[] = [];
  if (failed(r)) parts.push(`"error":${JSON.stringify({ class: r.outcome.class, message: r.outcome.message })}`);
  parts.push(`"exit_code":${r.exitCode}`, `"return_value":${upstreamJson(r.value)}`, `"stderr":${JSON.stringify(text(r.outcome.stderr))}`, `"stdout":${JSON.stringify(text(r.outcome.stdout))}`);
  return `{${parts.join(',')}}`;
}

function guestOutput(r: ExecResult): void {
  process.stdout.write(r.outcome.stdout);
  process.stderr.write(r.outcome.stderr);
  const t = r.outcome.truncated;
  if (t.stdout || t.stderr) process.stderr.write(`[exec] output capped: ${t.stdout} stdout and ${t.stderr} stderr bytes dropped\n`);
}

function printUpstream(r: ExecResult, ctx: CommandContext): void {
  ctx.out(`[exec] running: ${r.artifact.file}`);
  guestOutput(r);
  if (failed(r)) {
    ctx.logger.error(`Component execution failed: ${r.artifact.name} - ${r.outcome.message}`);
    return;
  }
  if (r.value && r.value.kind !== 'unit') ctx.out(`[exec] return: ${upstreamText(r.value)}`);
  ctx.out(`[exec] completed (exit=${r.exitCode})`);
}

function printCall(r: ExecResult, ctx: CommandContext): void {
  guestOutput(r);
  if (failed(r)) {
    ctx.logger.error(r.outcome.message);
    return;
  }
  if (r.value && r.value.kind !== 'unit') ctx.out(printWave(r.value));
}
