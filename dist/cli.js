#!/usr/bin/env node
import { createRequire as __runActionRequire } from 'node:module'; const require = __runActionRequire(import.meta.url);
import {
  CallSyntaxError,
  ComponentRunner,
  ComposeTargetError,
  ConfigNotFoundError,
  DEFAULT_RUNS,
  DEFAULT_STAGES,
  DependencyConflictError,
  HashMismatchError,
  InvalidRequirementError,
  LOCKFILE_NAME,
  LockedDigestMismatchError,
  LockfileChecksumError,
  LockfileReadError,
  LockfileSyntaxError,
  NoMatchingVersionError,
  PackageNotFoundError,
  PipelineInputError,
  RegistryClient,
  TOOL_CACHE_ENV,
  VERSION,
  appsOf,
  artifactFileName,
  buildProject,
  cacheDirOf,
  checkPublishTrigger,
  closest,
  composeApp,
  formatFunctionType,
  formatVerifyReport,
  grantsFor,
  hostConfig,
  isPlatformKey,
  isValidVersion,
  jsonFloat,
  loadLinkedApp,
  loadRunConfig,
  loadTarget,
  loadToolchainLock,
  lockToolchains,
  parseArguments,
  parseByteSize,
  parseDuration,
  parseMirror,
  parseStages,
  planPublish,
  printWave,
  proofs,
  publishComponents,
  resolveToken,
  runPipeline,
  runTests,
  rustDisplayFloat,
  setupToolchains,
  sha256Hex,
  verifyProject,
  writeFileAtomic
} from "./chunk-AVJU3NXY.js";
import {
  require_semver
} from "./chunk-MXSFHVLX.js";
import {
  RunActionError,
  formatError,
  wasmHeader,
  wasmLayer
} from "./chunk-GW6JPPNZ.js";
import {
  __toESM
} from "./chunk-YKBNFI37.js";

// src/cli/main.ts
import { resolve } from "node:path";

// src/cli/args.ts
var UsageError = class extends RunActionError {
};
var commonFlags = {
  dir: { type: "string", short: "C", description: "project directory (default: current directory)" },
  help: { type: "boolean", short: "h", description: "show this help" }
};
function parseArgs(argv, spec, usage) {
  const all = { ...commonFlags, ...spec };
  const byShort = new Map(Object.entries(all).flatMap(([name, s]) => s.short ? [[s.short, name]] : []));
  const flags = {};
  const positionals = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    let name;
    let inline;
    if (arg.startsWith("--")) {
      const eq = arg.indexOf("=");
      name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      inline = eq < 0 ? void 0 : arg.slice(eq + 1);
    } else if (arg.startsWith("-") && arg.length > 1 && !/^-\d/.test(arg)) {
      name = byShort.get(arg.slice(1, 2));
      if (name === void 0) throw unknownFlag(arg, all, usage);
      inline = arg.length > 2 ? arg.slice(2) : void 0;
    } else {
      positionals.push(arg);
      continue;
    }
    const s = all[name];
    if (!s) throw unknownFlag(arg, all, usage);
    if (s.type === "boolean") {
      if (inline !== void 0) throw new UsageError(`--${name} takes no value`, { hint: usage });
      flags[name] = true;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === void 0) throw new UsageError(`--${name} needs a value`, { hint: usage });
    if (s.type === "strings") flags[name] = [...flags[name] ?? [], value];
    else flags[name] = value;
  }
  return { positionals, flags };
}
function unknownFlag(arg, spec, usage) {
  const guess = closest(arg.replace(/^-+/, "").split("=")[0], Object.keys(spec));
  return new UsageError(`unknown option ${arg}`, { hint: guess ? `did you mean --${guess}? (${usage})` : usage });
}
function flagString(args, name) {
  const v = args.flags[name];
  return typeof v === "string" ? v : void 0;
}
function flagStrings(args, name) {
  const v = args.flags[name];
  return Array.isArray(v) ? v : typeof v === "string" ? [v] : [];
}
function flagBool(args, name) {
  return args.flags[name] === true;
}

// src/cli/commands/exec.ts
import { existsSync } from "node:fs";
import { join } from "node:path";

// src/core/values/call-expression.ts
var CLOSERS = { "(": ")", "[": "]", "{": "}" };
function fail(input, at, problem, expected, hint) {
  throw new CallSyntaxError({ problem, input, column: at + 1, expected, hint });
}
function parseCallExpression(input) {
  const open = input.indexOf("(");
  const name = (open === -1 ? input : input.slice(0, open)).trim();
  const nameStart = input.length - input.trimStart().length;
  if (name === "") fail(input, nameStart, "missing function name", "a function name before (", "write add(3, 4)");
  if (/\s/.test(name)) {
    const gap = nameStart + name.search(/\s/);
    fail(input, gap, `unexpected space in the function name '${name}'`, "'(' right after the function name", `write ${name.split(/\s+/)[0]}(\u2026)`);
  }
  if (open === -1) fail(input, input.trimEnd().length, `missing argument list after '${name}'`, "'(' after the function name", `write ${name}() for no arguments, or ${name}(1, 2)`);
  const segments = [];
  const stack = [];
  let segStart = open + 1;
  for (let i = open + 1; i < input.length; i++) {
    const c = input[i];
    if (c === '"' || c === "'") {
      const start = i;
      for (i++; i < input.length && input[i] !== c; i++) if (input[i] === "\\") i++;
      if (i >= input.length) fail(input, start, `unterminated ${c === '"' ? "string" : "char"} in the arguments`, `a closing ${c}`, `close it with ${c}`);
    } else if (c === "(" || c === "[" || c === "{") {
      stack.push(CLOSERS[c]);
    } else if (c === ")" || c === "]" || c === "}") {
      if (stack.length > 0) {
        const want = stack.pop();
        if (c !== want) fail(input, i, `'${c}' does not match the open bracket`, `'${want}'`, "check the brackets of the arguments");
        continue;
      }
      if (c !== ")") fail(input, i, `unexpected '${c}'`, "',' or ')'", "check the brackets of the arguments");
      segments.push({ from: segStart, to: i });
      const rest = input.slice(i + 1);
      if (rest.trim() !== "") fail(input, i + 1 + (rest.length - rest.trimStart().length), `trailing characters '${rest.trim()}' after the call`, "the end of the input", `write just ${name}(\u2026)`);
      return { input, name, args: argumentSpans(input, name, segments) };
    } else if (c === "," && stack.length === 0) {
      segments.push({ from: segStart, to: i });
      segStart = i + 1;
    }
  }
  const afterComma = segments.length > 0 && input.slice(segStart).trim() === "";
  return fail(
    input,
    input.length,
    "unexpected end of input",
    stack.length ? `'${stack[stack.length - 1]}' to close the open bracket` : afterComma ? "another argument after ',' and then ')'" : "')' to close the argument list",
    `write ${name}(1, 2)`
  );
}
function argumentSpans(input, name, segments) {
  const spans = segments.map(({ from, to }) => {
    const raw = input.slice(from, to);
    return { from: from + (raw.length - raw.trimStart().length), to: from + raw.trimEnd().length };
  });
  const last = spans[spans.length - 1];
  if (last.from >= last.to) spans.pop();
  for (const s of spans) if (s.from >= s.to) fail(input, s.from, "missing argument", "an argument value before the comma", `write ${name}(1, 2)`);
  return spans;
}
function callArguments(call, func) {
  const extra = call.args[func.params.length];
  if (extra) {
    throw new CallSyntaxError({
      problem: `${func.name} takes ${func.params.length} argument${func.params.length === 1 ? "" : "s"}, ${call.args.length} given`,
      input: call.input,
      column: extra.from + 1,
      expected: "')'",
      hint: `the function is ${func.name}: ${formatFunctionType(func)}`
    });
  }
  return parseArguments(func, call.args.map((span) => ({ input: call.input, span })));
}

// src/core/exec/exec.ts
var ExecUsageError = class extends RunActionError {
};
async function exec(req) {
  if (req.args.length && !req.function) throw new ExecUsageError("--args requires --function", { hint: "or write the whole call: --call 'f(1, 2)'" });
  if (req.call && req.function) throw new ExecUsageError("give either --call or --function, not both");
  const { artifact, component } = await loadTarget(req.target, req.dir, req.config);
  const policy = req.policy ?? req.config?.run.policy ?? "strict";
  const grants = grantsFor({
    capabilities: component?.capabilities ?? [],
    policy,
    dir: req.config?.dir ?? req.dir,
    env: req.env,
    args: [artifact.name, ...req.argv],
    allowClock: req.allowClock,
    allowRandom: req.allowRandom,
    logger: req.logger
  });
  const run = req.config?.run;
  const host = hostConfig({
    policy,
    grants,
    outputCapBytes: run?.outputCapBytes ?? 1024 * 1024,
    ...req.config?.build.sourceDateEpoch !== void 0 ? { sourceDateEpoch: req.config.build.sourceDateEpoch } : {}
  });
  const limits = {
    ...run ? { memoryBytes: run.memoryMiB * 1024 * 1024, timeoutMs: run.timeoutMs } : {},
    ...req.limits
  };
  const app = await loadLinkedApp(req.config, { artifact, ...component ? { component } : {} });
  const runner = await ComponentRunner.open(app, { cacheDir: cacheDirOf(req.config?.dir ?? req.dir), limits });
  try {
    if (req.call || req.function) {
      let fn;
      let args;
      if (req.call) {
        const expr = parseCallExpression(req.call);
        fn = runner.resolve(expr.name);
        args = callArguments(expr, fn.func);
      } else {
        fn = runner.resolve(req.function);
        args = parseArguments(fn.func, req.args.flatMap((a) => a.split(",")).map((a) => a.trim()).filter(Boolean));
      }
      const { outcome: outcome2, value } = await runner.call(fn, args, host);
      return { artifact, policy, outcome: outcome2, ...value ? { value } : {}, exitCode: outcome2.exitCode };
    }
    if (!runner.isCommand && runner.world.exports.some((e) => e.kind === "function" && e.name === "run")) {
      const fn = runner.resolve("run");
      const { outcome: outcome2, value } = await runner.call(fn, [], host);
      return { artifact, policy, outcome: outcome2, ...value ? { value } : {}, exitCode: outcome2.class === "ok" ? exitCodeOfValue(value) : outcome2.exitCode };
    }
    const outcome = await runner.run(host);
    return { artifact, policy, outcome, exitCode: outcome.exitCode };
  } finally {
    await runner.close();
  }
}
var SMALL_INTS = /* @__PURE__ */ new Set(["s8", "s16", "s32", "u8", "u16", "u32"]);
function exitCodeOfValue(value) {
  if (value?.kind === "result") return value.ok ? 0 : value.value ? exitCodeOfValue(value.value) || 1 : 1;
  return value && SMALL_INTS.has(value.kind) ? value.value : 0;
}

// src/core/values/upstream-render.ts
function upstreamText(val) {
  if (val === void 0) return "unit";
  switch (val.kind) {
    case "bool":
    case "s8":
    case "s16":
    case "s32":
    case "u8":
    case "u16":
    case "u32":
    case "s64":
    case "u64":
      return String(val.value);
    case "f32":
    case "f64":
      return rustDisplayFloat(val.value, val.kind === "f32");
    case "char":
      return `'${val.value}'`;
    case "string":
      return val.value;
    case "list":
      return `[${val.items.map(upstreamText).join(", ")}]`;
    case "record":
      return `{${val.fields.map((f) => `${f.name}: ${upstreamText(f.value)}`).join(", ")}}`;
    case "tuple":
      return `(${val.items.map(upstreamText).join(", ")})`;
    case "variant":
      return val.payload ? `${val.case}(${upstreamText(val.payload)})` : val.case;
    case "enum":
      return val.case;
    case "flags":
      return `flags(${val.flags.join("|")})`;
    case "option":
      return val.value ? `some(${upstreamText(val.value)})` : "none";
    case "result":
      return `${val.ok ? "ok" : "err"}${val.value ? `(${upstreamText(val.value)})` : ""}`;
    case "handle":
      return `handle(${val.id})`;
    case "unit":
      return "unit";
  }
}
function upstreamJson(val) {
  if (val === void 0) return "null";
  switch (val.kind) {
    case "bool":
    case "s8":
    case "s16":
    case "s32":
    case "u8":
    case "u16":
    case "u32":
    case "s64":
    case "u64":
      return String(val.value);
    case "f32":
    case "f64":
      return jsonFloat(val.value, val.kind === "f32");
    case "char":
    case "string":
      return JSON.stringify(val.value);
    case "enum":
      return JSON.stringify(val.case);
    case "list":
    case "tuple":
      return `[${val.items.map(upstreamJson).join(",")}]`;
    case "record": {
      const fields = [...val.fields].sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
      return `{${fields.map((f) => `${JSON.stringify(f.name)}:${upstreamJson(f.value)}`).join(",")}}`;
    }
    case "variant":
      return `{"tag":${JSON.stringify(val.case)},"value":${upstreamJson(val.payload)}}`;
    case "option":
      return upstreamJson(val.value);
    case "result":
      return `{"err":${val.ok ? "null" : upstreamJson(val.value)},"ok":${val.ok ? upstreamJson(val.value) : "null"}}`;
    case "flags":
      return `[${val.flags.map((f) => JSON.stringify(f)).join(",")}]`;
    case "handle":
      return String(val.id);
    case "unit":
      return "null";
  }
}

// src/cli/commands/exec.ts
var POLICIES = ["strict", "virtual", "dev"];
function policyFlag(value) {
  if (value === void 0) return void 0;
  if (!POLICIES.includes(value)) throw new ExecUsageError(`unknown policy '${value}'`, { hint: `use one of: ${POLICIES.join(", ")}` });
  return value;
}
function quantity(flag, value, parse, example) {
  if (value === void 0) return void 0;
  const n = parse(value);
  if (n === void 0 || n <= 0) throw new ExecUsageError(`invalid --${flag} '${value}'`, { hint: `write e.g. --${flag} ${example}` });
  return n;
}
var execCommand = {
  name: "exec",
  summary: "run a component: call one function, or its CLI entry point",
  usage: "run-action exec <component|file.wasm> [--call 'f(1, 2)' | --function f --args v,\u2026] [--json] [-- guest args\u2026]",
  flags: {
    call: { type: "string", description: `the call to make, in WAVE: 'add(3, 4)', 'greet("you")'` },
    function: { type: "string", description: "function to call (upstream style; with --args)" },
    args: { type: "strings", description: 'comma-separated typed arguments for --function (s32:1, "text", 42)' },
    json: { type: "boolean", description: "print one JSON object: exit_code, return_value, stderr, stdout" },
    policy: { type: "string", description: "strict (default) | virtual | dev" },
    memory: { type: "string", description: "memory limit per instance, e.g. 256MiB" },
    timeout: { type: "string", description: "time limit per call, e.g. 30s" },
    "allow-clock": { type: "boolean", description: "grant the (virtual, under strict) wall clock" },
    "allow-random": { type: "boolean", description: "grant (seeded, under strict) random" }
  },
  async run(args, ctx) {
    const [target, ...argv] = args.positionals;
    if (!target) throw new ExecUsageError("Missing target", { hint: "Usage: run-action exec <component|path>" });
    const json = flagBool(args, "json");
    const allowClock = flagBool(args, "allow-clock");
    const allowRandom = flagBool(args, "allow-random");
    if (!json) {
      if (allowClock) ctx.logger.warn("--allow-clock breaks determinism");
      if (allowRandom) ctx.logger.warn("--allow-random breaks determinism");
    }
    const config = existsSync(join(ctx.cwd, "run.toml")) ? await loadRunConfig(ctx.cwd) : void 0;
    for (const w of config?.warnings ?? []) ctx.logger.warn(w.message, w.location);
    const memoryBytes = quantity("memory", flagString(args, "memory"), parseByteSize, "256MiB");
    const timeoutMs = quantity("timeout", flagString(args, "timeout"), parseDuration, "30s");
    const call = flagString(args, "call");
    const fn = flagString(args, "function");
    const upstreamStyle = !json && !call;
    const policy = policyFlag(flagString(args, "policy"));
    if (upstreamStyle) ctx.out(`[exec] mode=${(policy ?? config?.run.policy) === "dev" ? "development" : "production"} clock=${allowClock} random=${allowRandom}`);
    const result = await exec({
      target,
      ...call !== void 0 ? { call } : {},
      ...fn !== void 0 ? { function: fn } : {},
      args: flagStrings(args, "args"),
      ...policy ? { policy } : {},
      limits: { ...memoryBytes ? { memoryBytes } : {}, ...timeoutMs ? { timeoutMs } : {} },
      allowClock,
      allowRandom,
      argv,
      dir: ctx.cwd,
      config,
      env: ctx.env,
      logger: ctx.logger
    });
    if (json) ctx.out(jsonLine(result));
    else if (upstreamStyle) printUpstream(result, ctx);
    else printCall(result, ctx);
    return result.exitCode;
  }
};
var text = (b) => new TextDecoder().decode(b);
function failed(r) {
  return r.outcome.class !== "ok" && r.outcome.class !== "exit";
}
function jsonLine(r) {
  const parts = [];
  if (failed(r)) parts.push(`"error":${JSON.stringify({ class: r.outcome.class, message: r.outcome.message })}`);
  parts.push(`"exit_code":${r.exitCode}`, `"return_value":${upstreamJson(r.value)}`, `"stderr":${JSON.stringify(text(r.outcome.stderr))}`, `"stdout":${JSON.stringify(text(r.outcome.stdout))}`);
  return `{${parts.join(",")}}`;
}
function guestOutput(r) {
  process.stdout.write(r.outcome.stdout);
  process.stderr.write(r.outcome.stderr);
  const t = r.outcome.truncated;
  if (t.stdout || t.stderr) process.stderr.write(`[exec] output capped: ${t.stdout} stdout and ${t.stderr} stderr bytes dropped
`);
}
function printUpstream(r, ctx) {
  ctx.out(`[exec] running: ${r.artifact.file}`);
  guestOutput(r);
  if (failed(r)) {
    ctx.logger.error(`Component execution failed: ${r.artifact.name} - ${r.outcome.message}`);
    return;
  }
  if (r.value && r.value.kind !== "unit") ctx.out(`[exec] return: ${upstreamText(r.value)}`);
  ctx.out(`[exec] completed (exit=${r.exitCode})`);
}
function printCall(r, ctx) {
  guestOutput(r);
  if (failed(r)) {
    ctx.logger.error(r.outcome.message);
    return;
  }
  if (r.value && r.value.kind !== "unit") ctx.out(printWave(r.value));
}

// src/cli/commands/setup.ts
import os from "node:os";
import path from "node:path";
function localToolCache(env) {
  if (env[TOOL_CACHE_ENV]) return path.resolve(env[TOOL_CACHE_ENV]);
  const base = env.XDG_CACHE_HOME || (process.platform === "win32" ? env.LOCALAPPDATA : void 0) || path.join(os.homedir(), ".cache");
  return path.join(base, "run-action", "toolchains");
}
var MIRROR_FLAG = {
  type: "strings",
  description: "base URL replacing the release host; npm=URL, pypi=URL, cargo=URL or HOST=URL for others (repeatable)"
};
var setupCommand = {
  name: "setup",
  summary: "install the toolchains pinned in run.lock.toml, verified by sha256 and cached",
  usage: "run-action setup [--mirror URL]\u2026 [--allow-unpinned] [--tool NAME]\u2026 [-C dir]",
  flags: {
    mirror: MIRROR_FLAG,
    "allow-unpinned": { type: "boolean", description: "install tools whose sha256 is missing or a placeholder (prints the hash to pin)" },
    tool: { type: "strings", description: "install only this tool (repeatable)" }
  },
  async run(args, ctx) {
    const lock = loadToolchainLock(ctx.cwd);
    if (!lock) {
      throw new ConfigNotFoundError(`no ${LOCKFILE_NAME} in ${ctx.cwd}`, {
        location: { file: path.join(ctx.cwd, LOCKFILE_NAME) },
        hint: "create one with [toolchains.<tool>] version/source entries and a [build] section, then run `run-action lock`"
      });
    }
    for (const w of lock.warnings) ctx.logger.warn(w.message, w.location);
    const tools = await setupToolchains(
      lock,
      {
        toolCacheDir: localToolCache(ctx.env),
        allowUnpinned: flagBool(args, "allow-unpinned"),
        mirror: parseMirror(flagStrings(args, "mirror")),
        tools: flagStrings(args, "tool"),
        env: ctx.env
      },
      ctx.logger
    );
    for (const t of tools) ctx.out(`${t.name}	${t.version}	${t.binPath}`);
    return 0;
  }
};

// src/cli/commands/ci.ts
var PUBLISH_MODES = ["auto", "true", "false"];
var ciCommand = {
  name: "ci",
  summary: "the whole job, as the action runs it: setup, build, test, verify (and publish on a v<version> tag)",
  usage: "run-action ci [--steps setup,build,test,verify] [--publish auto|true|false] [--policy strict] [--json] [-C dir]",
  flags: {
    steps: { type: "string", description: `comma-separated steps (default ${DEFAULT_STAGES.join(",")}; publish joins on a version tag)` },
    publish: { type: "string", description: "auto (default: on a refs/tags/v* push) | true | false" },
    policy: { type: "string", description: "strict (default) | virtual | dev" },
    ref: { type: "string", description: "the git ref (default: GITHUB_REF)" },
    "registry-url": { type: "string", description: "registry URL (default: run.toml [registry].url)" },
    token: { type: "string", description: "registry token (default: RUN_AUTH_TOKEN)" },
    mirror: MIRROR_FLAG,
    "allow-unpinned": { type: "boolean", description: "install tools whose sha256 is missing" },
    "dry-run": { type: "boolean", description: "show what would be published, upload nothing" },
    "report-only": { type: "boolean", description: "report components that are not reproducible instead of failing" },
    json: { type: "boolean", description: "print the report as JSON on stdout" }
  },
  async run(args, ctx) {
    const config = await loadRunConfig(ctx.cwd);
    for (const w of config.warnings) ctx.logger.warn(w.message, w.location);
    const publish = flagString(args, "publish") ?? "auto";
    if (!PUBLISH_MODES.includes(publish)) throw new PipelineInputError(`unknown --publish '${publish}'`, { hint: `use one of: ${PUBLISH_MODES.join(", ")}` });
    const token = resolveToken({ explicit: flagString(args, "token"), env: ctx.env, config: config.registry.authToken });
    if (token) ctx.logger.mask(token.token);
    const json = flagBool(args, "json");
    const policy = policyFlag(flagString(args, "policy"));
    const toolCacheDir = localToolCache(ctx.env);
    const report = await runPipeline(
      {
        config,
        stages: parseStages(flagString(args, "steps") ?? DEFAULT_STAGES.join(",")),
        publish,
        ...policy ? { policy } : {},
        event: { name: ctx.env.GITHUB_EVENT_NAME, ref: flagString(args, "ref") ?? ctx.env.GITHUB_REF },
        env: ctx.env,
        toolCacheDir,
        setup: (lock) => setupToolchains(lock, { toolCacheDir, allowUnpinned: flagBool(args, "allow-unpinned"), mirror: parseMirror(flagStrings(args, "mirror")), env: ctx.env }, ctx.logger),
        registry: { url: flagString(args, "registry-url"), token: token?.token, dryRun: flagBool(args, "dry-run") },
        requireReproducible: !flagBool(args, "report-only"),
        onTest: (r) => {
          if (!json) ctx.out(r.passed ? `PASS ${r.name}` : `FAIL ${r.name} - ${r.reason}`);
        }
      },
      ctx.logger
    );
    if (json) ctx.out(JSON.stringify(report, null, 2));
    else printSummary(report, ctx);
    return report.ok ? 0 : 1;
  }
};
function printSummary(report, ctx) {
  ctx.out("");
  for (const s of report.stages) ctx.out(`${s.stage.padEnd(8)} ${s.status}${s.reason ? ` \u2014 ${s.reason}` : ""} (${Math.round(s.ms)} ms)`);
  for (const [name, c] of Object.entries(report.components)) {
    const v = report.verify?.components.find((x) => x.name === name);
    ctx.out(`${name.padEnd(16)} ${c.digest.slice(0, 16)}\u2026 ${c.size} bytes ${c.language ?? ""}${v ? ` \u2014 ${v.verdict}: ${v.cause}` : ""}`);
  }
  for (const p of report.published) ctx.out(`${p.action} ${p.name}@${p.version}`);
  ctx.out(`${report.tests.passed} passed, ${report.tests.failed} failed`);
}

// src/cli/commands/build.ts
import path2 from "node:path";
var buildCommand = {
  name: "build",
  summary: "build every component (Rust, Go, Python, JS, TS, Zig, C, WAT, prebuilt, custom) reproducibly",
  usage: "run-action build [--component NAME]\u2026 [--release] [--reproducible] [--jobs N] [--mirror URL]\u2026 [-C dir]",
  flags: {
    component: { type: "strings", description: "build only this component (repeatable)" },
    release: { type: "boolean", description: "release build even if [build].opt_level says otherwise" },
    reproducible: { type: "boolean", description: "accepted for upstream compatibility: every build already runs in the reproducible environment" },
    jobs: { type: "string", short: "j", description: "components built at once (default: number of CPUs)" },
    mirror: MIRROR_FLAG
  },
  async run(args, ctx) {
    const config = await loadRunConfig(ctx.cwd);
    for (const w of config.warnings) ctx.logger.warn(w.message, w.location);
    const jobsText = flagString(args, "jobs");
    const jobs = jobsText === void 0 ? void 0 : Number(jobsText);
    if (jobs !== void 0 && !(Number.isInteger(jobs) && jobs > 0)) throw new UsageError(`--jobs needs a positive whole number, not ${JSON.stringify(jobsText)}`, { hint: this.usage });
    const names = flagStrings(args, "component");
    const count = names.length || config.components.length;
    ctx.out(`Building ${count} components...`);
    const result = await buildProject(
      config,
      {
        components: names,
        ...flagBool(args, "release") ? { release: true } : {},
        ...jobs ? { jobs } : {},
        toolCacheDir: localToolCache(ctx.env),
        mirror: parseMirror(flagStrings(args, "mirror")),
        env: ctx.env
      },
      ctx.logger
    );
    for (const b of result.built) ctx.out(`[${b.name}] built: ${path2.relative(ctx.cwd, b.file) || b.file}`);
    ctx.out("");
    ctx.out("Build complete");
    return 0;
  }
};

// src/cli/commands/compose.ts
import { relative } from "node:path";
var UPSTREAM_ACTIONS = ["analyze", "migrate"];
var composeCommand = {
  name: "compose",
  summary: "compose an app and the components it imports from into one .wasm component",
  usage: "run-action compose [<app>\u2026] [--output <file>] [--json] [-C dir]",
  flags: {
    output: { type: "string", description: "where to write the composed component (one app only; default <output_dir>/<app>.composed.wasm)" },
    json: { type: "boolean", description: "one JSON object per app: app, file, size, sha256, components, imports" }
  },
  async run(args, ctx) {
    const config = await loadRunConfig(ctx.cwd);
    for (const w of config.warnings) ctx.logger.warn(w.message, w.location);
    const named = args.positionals;
    const first = named[0];
    if (first && UPSTREAM_ACTIONS.includes(first) && !config.components.some((c) => c.name === first)) {
      throw new UsageError(`\`compose ${first}\` (upstream's docker-compose migration) is not part of run-action`, {
        hint: "run-action compose <app> composes WebAssembly components; write run.toml by hand for a docker-compose project"
      });
    }
    const output = flagString(args, "output");
    const apps = named.length > 0 ? named : appsOf(config).map((c) => c.name);
    if (apps.length === 0) {
      throw new ComposeTargetError(`no component of ${config.file} imports from another, so there is nothing to compose`, {
        hint: 'link an app to its provider: [components.app] imports = { "example:calculator/math" = "calculator" }'
      });
    }
    if (output && apps.length > 1) throw new UsageError(`--output names one file, but ${apps.length} apps are composed (${apps.join(", ")})`, { hint: "name the app: run-action compose <app> --output <file>" });
    for (const app of apps) {
      const r = await composeApp(config, app, output ? { output } : {});
      ctx.out(flagBool(args, "json") ? jsonLine2(r) : summary(r, ctx.cwd));
    }
    return 0;
  }
};
function summary(r, cwd) {
  const mb = (r.size / (1024 * 1024)).toFixed(1);
  return `composed ${r.app} (${r.components.join(" + ")}) \u2192 ${relative(cwd, r.file)} (${mb} MiB, sha256 ${r.sha256.slice(0, 12)}, ${r.imports.length} WASI imports) in ${Math.round(r.elapsedMs)} ms`;
}
function jsonLine2(r) {
  return JSON.stringify({ app: r.app, file: r.file, size: r.size, sha256: r.sha256, components: r.components, imports: r.imports });
}

// src/cli/commands/info.ts
import { existsSync as existsSync2 } from "node:fs";
import { join as join2 } from "node:path";
var NotAComponentError = class extends RunActionError {
};
var info = {
  name: "info",
  summary: "print a component's size, kind and WIT world (imports and exports)",
  usage: "run-action info <file.wasm|file.wat|component-name> [-C dir]",
  flags: {},
  async run(args, ctx) {
    const target = args.positionals[0];
    if (!target) throw new RunActionError("missing target", { hint: this.usage });
    const config = existsSync2(join2(ctx.cwd, "run.toml")) ? await loadRunConfig(ctx.cwd) : void 0;
    const { artifact } = await loadTarget(target, ctx.cwd, config);
    const bytes = artifact.bytes;
    if (!wasmHeader(bytes)) throw new NotAComponentError(`${artifact.file} is not a WebAssembly binary`, { location: { file: artifact.file }, hint: "give a .wasm component (or a .wat text)" });
    const isComponent = wasmLayer(bytes) === "component";
    ctx.out(`File: ${artifact.file}`);
    ctx.out(`Size: ${bytes.length} bytes`);
    ctx.out(`Type: ${isComponent ? "WASI component" : "WASM module"}`);
    ctx.out(`SHA-256: ${artifact.sha256}`);
    if (!isComponent) {
      ctx.logger.warn(`${artifact.file} is a core module, not a component; wrap it with \`run-action build\` (language = "wasm") or \`wasm-tools component new\``);
      return 0;
    }
    const { componentWit } = await import("./chunk-3Y5QZTN3.js");
    ctx.out("");
    ctx.out((await componentWit(bytes)).trimEnd());
    return 0;
  }
};

// src/core/registry/lockfile.ts
import { readFile } from "node:fs/promises";
import { join as join3 } from "node:path";
var LOCKFILE_NAME2 = "run.lock";
var HEADER = "# This file is auto-generated by Run. Do not edit manually.\n";
var byName = (a, b) => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name));
function serializeLockfile(lock) {
  let text2 = `${HEADER}version = ${lock.version}

`;
  for (const c of [...lock.components].sort(byName)) {
    text2 += `[[component]]
name = "${c.name}"
version = "${c.version}"
sha256 = "${c.sha256}"
`;
    if (c.dependencies.length) text2 += `dependencies = [${c.dependencies.map((d) => `"${d}"`).join(", ")}]
`;
    text2 += "\n";
  }
  return `${text2}checksum = "${sha256Hex(Buffer.from(text2, "utf8"))}"
`;
}
function parseLockfile(text2, file) {
  const lines = text2.replace(/\r\n/g, "\n").split("\n");
  const syntax = (line, message) => new LockfileSyntaxError(message, { location: { file, line }, hint: "run.lock is written by `run-action install`; delete it and install again" });
  const components = [];
  let version = 1;
  let block;
  let checksum;
  let offset = 0;
  const close = () => {
    if (!block) return;
    for (const key of ["name", "version", "sha256"]) {
      if (!block[key]) throw syntax(block.line, `[[component]] block without \`${key}\``);
    }
    if (components.some((c) => c.name === block.name)) throw syntax(block.line, `${block.name} is locked twice`);
    components.push({ name: block.name, version: block.version, sha256: block.sha256, dependencies: block.dependencies ?? [] });
    block = void 0;
  };
  for (const [i, raw] of lines.entries()) {
    const n = i + 1;
    const line = raw.trim();
    const lineOffset = offset;
    offset += raw.length + 1;
    if (line === "" || line.startsWith("#")) continue;
    if (checksum) throw syntax(n, "text after the checksum line is not covered by the checksum");
    if (line === "[[component]]") {
      close();
      block = { line: n };
      continue;
    }
    const m = /^([a-z0-9_]+)\s*=\s*(.*)$/.exec(line);
    if (!m) throw syntax(n, `unexpected line: ${line}`);
    const [, key, value] = m;
    if (key === "checksum") {
      close();
      checksum = { value: quoted(value, n), line: n, offset: lineOffset };
    } else if (!block && key === "version") {
      if (!/^\d+$/.test(value)) throw syntax(n, `\`version\` must be an integer, not ${value}`);
      version = Number(value);
    } else if (block && (key === "name" || key === "sha256")) {
      block[key] = quoted(value, n);
    } else if (block && key === "version") {
      const v = quoted(value, n);
      if (!isValidVersion(v)) throw syntax(n, `Invalid version: ${v}`);
      block.version = v;
    } else if (block && key === "dependencies") {
      const list = /^\[(.*)\]$/.exec(value);
      if (!list) throw syntax(n, '`dependencies` must be a list like ["ns:a", "ns:b"]');
      block.dependencies = list[1].trim() === "" ? [] : list[1].split(",").map((d) => quoted(d.trim(), n));
    } else {
      throw syntax(n, `unexpected key \`${key}\`${block ? " in a [[component]] block" : " outside a [[component]] block"}`);
    }
  }
  close();
  function quoted(value, line) {
    const q = /^"([^"\\]*)"$/.exec(value);
    if (!q) throw syntax(line, `expected a quoted string, found ${value}`);
    return q[1];
  }
  const warnings = [];
  if (checksum) {
    const normalised = lines.join("\n");
    const actual = sha256Hex(Buffer.from(normalised.slice(0, checksum.offset), "utf8"));
    if (actual !== checksum.value) throw new LockfileChecksumError(checksum.value, actual, { file, line: checksum.line });
  } else {
    warnings.push({ message: "run.lock has no checksum line, so its integrity is not verified", location: { file } });
  }
  return { file, version, components, checksumLine: checksum?.line, warnings };
}
async function readLockfile(dir) {
  const file = join3(dir, LOCKFILE_NAME2);
  let text2;
  try {
    text2 = await readFile(file, "utf8");
  } catch (err) {
    if (err.code === "ENOENT") return void 0;
    throw new LockfileReadError(`cannot read ${file}: ${err.message}`, { location: { file }, cause: err });
  }
  return parseLockfile(text2, file);
}
async function writeLockfile(dir, lock) {
  const file = join3(dir, LOCKFILE_NAME2);
  await writeFileAtomic(file, serializeLockfile(lock));
  return file;
}

// src/core/registry/requirement.ts
var import_semver = __toESM(require_semver(), 1);
function toSemverRange(requirement, location) {
  const text2 = requirement.trim();
  if (text2 === "") throw new InvalidRequirementError(requirement, location, "it is empty");
  if (text2.includes("||") || / - /.test(text2)) {
    throw new InvalidRequirementError(requirement, location, "'||' and hyphen ranges are not Cargo syntax (upstream rejects them)");
  }
  const parts = text2.split(",").map((p) => p.trim());
  if (parts.some((p) => p === "")) throw new InvalidRequirementError(requirement, location, "it has an empty comparator");
  const range = parts.map((p) => /^\d/.test(p) ? `^${p}` : p).join(" ");
  if (import_semver.default.validRange(range) === null) throw new InvalidRequirementError(requirement, location);
  return range;
}
function satisfies(version, requirement) {
  return import_semver.default.satisfies(version, toSemverRange(requirement));
}
function highestSatisfying(versions, requirement, location) {
  return import_semver.default.maxSatisfying([...versions], toSemverRange(requirement, location)) ?? void 0;
}

// src/core/registry/resolve.ts
async function resolvePackages(requests, ctx) {
  const queue = requests.map((r) => ({ ...r, requiredBy: "run.toml" }));
  for (const r of requests) toSemverRange(r.requirement, r.location);
  const resolved = /* @__PURE__ */ new Map();
  const locked = new Map((ctx.lock?.components ?? []).map((c) => [c.name, c]));
  for (let next = queue.shift(); next; next = queue.shift()) {
    const { name, requirement, requiredBy, location } = next;
    const chosen = resolved.get(name);
    if (chosen) {
      if (!satisfies(chosen.version, requirement)) throw new DependencyConflictError(name, chosen.version, requirement, requiredBy);
      continue;
    }
    const lockEntry = locked.get(name);
    let pkg;
    if (lockEntry && satisfies(lockEntry.version, requirement)) {
      if (await ctx.isCached(name, lockEntry.version, lockEntry.sha256)) {
        pkg = { name, version: lockEntry.version, sha256: lockEntry.sha256, dependencies: lockEntry.dependencies };
        for (const dep of lockEntry.dependencies) {
          const depLocked = locked.get(dep);
          queue.push({ name: dep, requirement: depLocked ? `=${depLocked.version}` : "*", requiredBy: name });
        }
      } else {
        const meta = await ctx.client.metadata(name, lockEntry.version);
        if (meta && meta.sha256 !== lockEntry.sha256) {
          throw new LockedDigestMismatchError(name, lockEntry.version, lockEntry.sha256, meta.sha256, ctx.lock.file);
        }
        if (meta) pkg = fromMetadata(meta, queue);
        else ctx.logger.warn(`${name}@${lockEntry.version} is locked but no longer in the registry; resolving '${requirement}' again`);
      }
    }
    if (!pkg) {
      let versions;
      try {
        versions = await ctx.client.versions(name);
      } catch (err) {
        if (err instanceof PackageNotFoundError) throw new NoMatchingVersionError(name, requirement, [], location);
        throw err;
      }
      const version = highestSatisfying(versions, requirement, location);
      if (!version) throw new NoMatchingVersionError(name, requirement, versions, location);
      const meta = await ctx.client.metadata(name, version);
      if (!meta) throw new PackageNotFoundError(name, version, ctx.client.url);
      pkg = fromMetadata(meta, queue);
    }
    resolved.set(name, pkg);
  }
  return [...resolved.values()];
}
function fromMetadata(meta, queue) {
  for (const d of meta.dependencies) queue.push({ name: d.name, requirement: d.version, requiredBy: `${meta.name}@${meta.version}` });
  return { name: meta.name, version: meta.version, sha256: meta.sha256, dependencies: meta.dependencies.map((d) => d.name), metadata: meta };
}

// src/core/registry/store.ts
import { readFile as readFile2 } from "node:fs/promises";
import { join as join4 } from "node:path";
var cachePath = (dir, name, version) => join4(dir, ".run", "cache", artifactFileName(name, version));
var componentPath = (dir, name, version) => join4(dir, ".run", "components", artifactFileName(name, version));
async function readHashed(file) {
  try {
    const bytes = await readFile2(file);
    return { bytes, sha256: sha256Hex(bytes) };
  } catch (err) {
    if (err.code === "ENOENT") return void 0;
    throw err;
  }
}

// src/core/registry/install.ts
async function installPackages(dir, requests, client, logger) {
  const lock = await readLockfile(dir);
  for (const w of lock?.warnings ?? []) logger.warn(w.message, w.location);
  const intact = async (name, version, sha256) => (await readHashed(cachePath(dir, name, version)))?.sha256 === sha256;
  const resolved = await resolvePackages(requests, { client, lock, logger, isCached: intact });
  const packages = [];
  for (const pkg of resolved) packages.push(await place(dir, pkg, client, logger));
  const touched = new Set(resolved.map((p) => p.name));
  const components = [
    ...(lock?.components ?? []).filter((c) => !touched.has(c.name)),
    ...resolved.map((p) => ({ name: p.name, version: p.version, sha256: p.sha256, dependencies: p.dependencies }))
  ];
  const lockFile = await writeLockfile(dir, { version: lock?.version ?? 1, components });
  return { packages, lockFile };
}
async function place(dir, pkg, client, logger) {
  const cacheFile = cachePath(dir, pkg.name, pkg.version);
  const componentFile = componentPath(dir, pkg.name, pkg.version);
  const cached = await readHashed(cacheFile);
  let bytes;
  let from;
  if (cached?.sha256 === pkg.sha256) {
    bytes = cached.bytes;
    from = "cache";
  } else {
    if (cached) logger.warn(`${cacheFile} does not hash to ${pkg.sha256} (it hashes to ${cached.sha256}); downloading it again`);
    const meta = pkg.metadata ?? await client.metadata(pkg.name, pkg.version);
    if (!meta) throw new PackageNotFoundError(pkg.name, pkg.version, client.url);
    bytes = await client.download(meta);
    if (meta.sha256 !== pkg.sha256) throw new HashMismatchError(pkg.name, pkg.sha256, meta.sha256);
    await writeFileAtomic(cacheFile, bytes);
    from = "registry";
  }
  if ((await readHashed(componentFile))?.sha256 !== pkg.sha256) await writeFileAtomic(componentFile, bytes);
  logger.info(`installed ${pkg.name}@${pkg.version} (sha256 ${pkg.sha256}, from ${from})`);
  return { name: pkg.name, version: pkg.version, sha256: pkg.sha256, from, cacheFile, componentFile };
}

// src/cli/commands/install.ts
var installCommand = {
  name: "install",
  summary: "install run.toml's [dependencies] from the registry into .run/, verified by sha256, and write run.lock",
  usage: "run-action install [--dev]",
  flags: {
    dev: { type: "boolean", description: "also install [dev-dependencies]" }
  },
  async run(args, ctx) {
    if (args.positionals.length) {
      throw new UsageError(`install takes no package name (got '${args.positionals[0]}')`, {
        hint: 'add the package to [dependencies] in run.toml, e.g. "acme:calc" = "1.0.0", then run `run-action install`'
      });
    }
    const config = await loadRunConfig(ctx.cwd);
    const deps = [...config.dependencies, ...flagBool(args, "dev") ? config.devDependencies : []];
    if (deps.length === 0) {
      ctx.out("No dependencies in run.toml");
      return 0;
    }
    for (const d of deps) {
      if (d.git || d.path) ctx.logger.warn(`${d.name}: git and path sources are not supported (nor by upstream); installing it from the registry`, { file: config.file });
    }
    const client = new RegistryClient({ url: config.registry.url, mirrors: config.registry.mirrors, logger: ctx.logger });
    const requests = deps.map((d) => ({ name: d.name, requirement: d.version, location: { file: config.file } }));
    await installPackages(config.dir, requests, client, ctx.logger);
    ctx.out("Installed dependencies from run.toml");
    return 0;
  }
};

// src/cli/commands/lock.ts
import path3 from "node:path";
var lockCommand = {
  name: "lock",
  summary: "download every pinned toolchain asset and write its sha256 into run.lock.toml",
  usage: "run-action lock [--platform P]\u2026 [--all-platforms] [--tool NAME]\u2026 [--mirror URL]\u2026 [-C dir]",
  flags: {
    platform: { type: "strings", description: "hash the assets of this platform (linux-x64, macos-arm64, \u2026; default: this machine)" },
    "all-platforms": { type: "boolean", description: "hash the assets of every platform each tool publishes" },
    tool: { type: "strings", description: "lock only this tool (repeatable)" },
    mirror: MIRROR_FLAG
  },
  async run(args, ctx) {
    const platforms = flagStrings(args, "platform");
    const bad = platforms.find((p) => !isPlatformKey(p));
    if (bad) throw new UsageError(`unknown platform ${bad}`, { hint: "use linux-x64, linux-arm64, macos-x64, macos-arm64, windows-x64 or windows-arm64" });
    const changes = await lockToolchains(
      path3.join(ctx.cwd, LOCKFILE_NAME),
      {
        platforms,
        allPlatforms: flagBool(args, "all-platforms"),
        tools: flagStrings(args, "tool"),
        mirror: parseMirror(flagStrings(args, "mirror")),
        env: ctx.env
      },
      ctx.logger
    );
    for (const c of changes) ctx.out(`${c.tool}	${c.platform ?? "any"}	${c.sha256}`);
    return 0;
  }
};

// src/cli/commands/publish.ts
var UnknownComponentError = class extends RunActionError {
};
function createPublishCommand(prove) {
  return {
    name: "publish",
    summary: "publish the built, tested and verified components to the Run registry (on a v<version> tag)",
    usage: "run-action publish [--component <name>]... [--dry-run] [--registry-url <url>] [--token <token>] [--ref refs/tags/v<version>]",
    flags: {
      component: { type: "strings", short: "c", description: "publish only this component" },
      "dry-run": { type: "boolean", description: "show exactly what would be published, upload nothing" },
      "registry-url": { type: "string", description: "registry URL (default: run.toml [registry].url)" },
      token: { type: "string", description: "auth token (default: RUN_AUTH_TOKEN, then run.toml [registry].auth_token)" },
      ref: { type: "string", description: "the git ref being published (default: GITHUB_REF)" }
    },
    async run(args, ctx) {
      const { logger } = ctx;
      const config = await loadRunConfig(ctx.cwd);
      const found = resolveToken({ explicit: flagString(args, "token"), env: ctx.env, config: config.registry.authToken });
      if (found) logger.mask(found.token);
      if (found?.from === "run.toml") logger.warn("the publish token comes from run.toml [registry].auth_token: prefer RUN_AUTH_TOKEN, a committed token is public", { file: config.file });
      const dryRun = flagBool(args, "dry-run");
      try {
        checkPublishTrigger({ eventName: ctx.env.GITHUB_EVENT_NAME, ref: flagString(args, "ref") ?? ctx.env.GITHUB_REF }, config.project.version, config.file);
      } catch (err) {
        if (!dryRun || !(err instanceof RunActionError)) throw err;
        logger.warn(`a real publish would stop here: ${err.message}`);
      }
      const names = config.components.map((c) => c.name);
      if (names.length === 0) logger.warn("run.toml has no components: nothing to publish", { file: config.file });
      const selected = flagStrings(args, "component");
      for (const s of selected) {
        if (!names.includes(s)) {
          const near = closest(s, names);
          throw new UnknownComponentError(`run.toml has no component '${s}'${near ? ` (did you mean '${near}'?)` : ""}`, {
            location: { file: config.file },
            hint: `components: ${names.join(", ") || "(none)"}`
          });
        }
      }
      const artifacts = await prove(config, selected.length ? selected : names, ctx);
      const url = flagString(args, "registry-url") ?? config.registry.url;
      const plan = await planPublish(config.project, url, artifacts);
      const client = new RegistryClient({ url, mirrors: config.registry.mirrors, token: found?.token, logger });
      const results = await publishComponents(plan, client, logger, { dryRun });
      for (const r of results) ctx.out(`${r.action} ${r.name}@${r.version} sha256:${r.sha256} ${r.size} bytes${r.downloadUrl ? ` ${r.downloadUrl}` : ""}`);
      return 0;
    }
  };
}

// src/cli/commands/test.ts
var testCommand = {
  name: "test",
  summary: "run the tests of run.toml, each in a fresh instance under the deterministic policy",
  usage: "run-action test [--component <name>] [--policy strict|virtual|dev] [--json] [-C dir]",
  flags: {
    component: { type: "string", description: "only the tests of this component (or the test of this name)" },
    policy: { type: "string", description: "strict (default) | virtual | dev" },
    json: { type: "boolean", description: 'JSON lines: one per failed test, then {"total","passed","failed"}' }
  },
  async run(args, ctx) {
    const config = await loadRunConfig(ctx.cwd);
    for (const w of config.warnings) ctx.logger.warn(w.message, w.location);
    const json = flagBool(args, "json");
    const filter = flagString(args, "component");
    const policy = policyFlag(flagString(args, "policy"));
    const report = await runTests(config, {
      ...filter ? { filter } : {},
      ...policy ? { policy } : {},
      env: ctx.env,
      logger: ctx.logger,
      onResult: (r) => {
        if (!json) ctx.out(r.passed ? `PASS ${r.name}` : `FAIL ${r.name} - ${r.reason}`);
        else if (!r.passed) ctx.out(failureJson(r));
      }
    });
    if (json) {
      ctx.out(JSON.stringify({ total: report.results.length, passed: report.passed, failed: report.failed }));
    } else {
      if (report.results.length === 0) ctx.out("No tests found. Add [tests.<name>] to run.toml or export test_ functions.");
      ctx.out("");
      ctx.out(`${report.passed} passed, ${report.failed} failed`);
    }
    return report.failed === 0 ? 0 : 1;
  }
};
function failureJson(r) {
  return JSON.stringify({ test: r.name, status: "failed", error: r.reason, ...r.outcome ? { class: r.outcome.class } : {}, stdout: r.stdout, stderr: r.stderr });
}

// src/cli/commands/verify.ts
var verifyCommand = {
  name: "verify",
  summary: "prove builds and outputs reproducible: rebuild under varied conditions, rerun under perturbed host facts, explain every difference",
  usage: "run-action verify [--runs N] [--policy strict|virtual|dev] [--component NAME]\u2026 [--record | --update] [--json] [--mirror URL]\u2026 [-C dir]",
  flags: {
    runs: { type: "string", description: `identical runs per case (default ${DEFAULT_RUNS})` },
    policy: { type: "string", description: "strict | virtual | dev (default: run.toml [run].policy)" },
    component: { type: "strings", description: "verify only this component (repeatable)" },
    record: { type: "boolean", description: "write .run/expect.json from this run (refused when it exists)" },
    update: { type: "boolean", description: "rewrite .run/expect.json from this run, showing what changed" },
    json: { type: "boolean", description: "print the report as JSON on stdout" },
    mirror: MIRROR_FLAG
  },
  async run(args, ctx) {
    const config = await loadRunConfig(ctx.cwd);
    for (const w of config.warnings) ctx.logger.warn(w.message, w.location);
    const runsText = flagString(args, "runs");
    const runs = runsText === void 0 ? void 0 : Number(runsText);
    if (runs !== void 0 && !(Number.isInteger(runs) && runs >= 1)) throw new UsageError(`--runs needs a whole number of at least 1, not ${JSON.stringify(runsText)}`, { hint: this.usage });
    if (flagBool(args, "record") && flagBool(args, "update")) throw new UsageError("give either --record or --update, not both", { hint: "--record writes .run/expect.json the first time; --update rewrites it" });
    const expectations = flagBool(args, "record") ? "record" : flagBool(args, "update") ? "update" : "check";
    const policy = policyFlag(flagString(args, "policy"));
    const components = flagStrings(args, "component");
    const report = await verifyProject(
      config,
      {
        env: ctx.env,
        toolCacheDir: localToolCache(ctx.env),
        mirror: parseMirror(flagStrings(args, "mirror")),
        expectations,
        ...runs ? { runs } : {},
        ...policy ? { policy } : {},
        ...components.length ? { components } : {},
        ...ctx.env.RUNNER_TEMP ? { workDir: ctx.env.RUNNER_TEMP } : {}
      },
      ctx.logger
    );
    ctx.out(flagBool(args, "json") ? JSON.stringify(report, null, 2) : formatVerifyReport(report));
    return report.ok ? 0 : 1;
  }
};

// src/core/registry/verify.ts
async function verifyLockedCache(dir, lock) {
  return Promise.all(
    lock.components.map(async (c) => {
      const found = await readHashed(cachePath(dir, c.name, c.version));
      const base = { name: c.name, version: c.version, expected: c.sha256 };
      if (!found) return { ...base, status: "missing" };
      return found.sha256 === c.sha256 ? { ...base, status: "ok" } : { ...base, status: "corrupted", actual: found.sha256 };
    })
  );
}
function formatVerifyReport2(entries, offline) {
  const lines = [`Verifying ${entries.length} components...`, ""];
  for (const e of entries) {
    const id = `${e.name}@${e.version}`;
    if (e.status === "ok") lines.push(`  OK       ${id}`);
    else if (e.status === "missing") lines.push(`  MISSING  ${id}${offline ? "" : " (not cached)"}`);
    else lines.push(`  CORRUPTED ${id}`, `           expected: ${e.expected}`, `           actual:   ${e.actual}`);
  }
  const bad = entries.filter((e) => e.status !== "ok").length;
  lines.push("", bad === 0 ? `All ${entries.length} components verified.` : `${entries.length - bad} verified, ${bad} failed.`);
  return { lines, ok: bad === 0 };
}

// src/cli/commands/verify-lock.ts
var verifyLockCommand = {
  name: "verify-lock",
  summary: "check that every package in run.lock is in .run/cache with its locked sha256",
  usage: "run-action verify-lock [--offline]",
  flags: {
    offline: { type: "boolean", description: "upstream's flag: only changes the MISSING line (nothing is ever fetched)" }
  },
  async run(args, ctx) {
    const lock = await readLockfile(ctx.cwd);
    if (!lock) {
      ctx.out("No lockfile found. Run `run-action install` first.");
      return 1;
    }
    for (const w of lock.warnings) ctx.logger.warn(w.message, w.location);
    const { lines, ok } = formatVerifyReport2(await verifyLockedCache(ctx.cwd, lock), flagBool(args, "offline"));
    for (const line of lines) ctx.out(line);
    return ok ? 0 : 1;
  }
};

// src/cli/commands/index.ts
var publishCommand = createPublishCommand(async (config, names, ctx) => {
  const stages = ["build", "test", "verify"];
  const report = await runPipeline(
    { config, stages: [...stages], publish: "false", event: {}, env: ctx.env, setup: async () => [], registry: { dryRun: true }, requireReproducible: true },
    ctx.logger
  );
  return proofs(config, report, stages).filter((a) => names.includes(a.component));
});
var commands = [ciCommand, setupCommand, lockCommand, buildCommand, composeCommand, execCommand, testCommand, verifyCommand, info, publishCommand, installCommand, verifyLockCommand];

// src/cli/terminal-logger.ts
function terminalLogger(options = { verbose: false }) {
  const stream = options.stream ?? process.stderr;
  const colour = stream.isTTY === true && !process.env.NO_COLOR;
  const secrets = [];
  const paint = (code, s) => colour ? `\x1B[${code}m${s}\x1B[0m` : s;
  const write = (line) => {
    let text2 = line;
    for (const s of secrets) text2 = text2.split(s).join("***");
    stream.write(`${text2}
`);
  };
  const where = (loc) => loc ? `${loc.file}${loc.line ? `:${loc.line}${loc.col ? `:${loc.col}` : ""}` : ""}: ` : "";
  return {
    info: (m) => write(m),
    warn: (m, loc) => write(`${paint("33", "warning")}: ${where(loc)}${m}`),
    error: (m, loc) => write(`${paint("31", "error")}: ${where(loc)}${m}`),
    debug: (m) => {
      if (options.verbose) write(paint("2", m));
    },
    async group(title, fn) {
      write(paint("1", `\u25B8 ${title}`));
      return fn();
    },
    mask(secret) {
      if (secret) secrets.push(secret);
    }
  };
}

// src/cli/main.ts
function help() {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `run-action ${VERSION} \u2014 build, test, prove reproducible and publish WebAssembly components (run.toml)`,
    "",
    "Usage: run-action <command> [options]",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Run `run-action <command> --help` for a command's options."
  ].join("\n");
}
function commandHelp(cmd) {
  const spec = { ...cmd.flags, ...commonFlags };
  const lines = Object.entries(spec).map(([name, s]) => {
    const flag = `${s.short ? `-${s.short}, ` : "    "}--${name}${s.type === "boolean" ? "" : " <value>"}`;
    return `  ${flag.padEnd(30)} ${s.description}${s.type === "strings" ? " (repeatable)" : ""}`;
  });
  return [`Usage: ${cmd.usage}`, "", cmd.summary, "", "Options:", ...lines].join("\n");
}
async function main(argv) {
  const [name, ...rest] = argv;
  if (name === void 0 || name === "help" || name === "--help" || name === "-h") {
    process.stdout.write(`${help()}
`);
    return 0;
  }
  if (name === "version" || name === "--version" || name === "-V") {
    process.stdout.write(`run-action ${VERSION}
`);
    return 0;
  }
  const cmd = commands.find((c) => c.name === name);
  const logger = terminalLogger({ verbose: process.env.RUN_ACTION_DEBUG === "1" });
  if (!cmd) {
    const guess = closest(name, commands.map((c) => c.name));
    logger.error(`unknown command '${name}'${guess ? ` \u2014 did you mean '${guess}'?` : ""}`);
    process.stderr.write(`${help()}
`);
    return 1;
  }
  try {
    const args = parseArgs(rest, cmd.flags, cmd.usage);
    if (args.flags.help) {
      process.stdout.write(`${commandHelp(cmd)}
`);
      return 0;
    }
    const cwd = resolve(flagString(args, "dir") ?? ".");
    return await cmd.run(args, { cwd, logger, out: (line) => process.stdout.write(`${line}
`), env: process.env });
  } catch (err) {
    if (err instanceof RunActionError) {
      process.stderr.write(`Error: ${formatError(err)}
`);
      return 1;
    }
    throw err;
  }
}
process.exitCode = await main(process.argv.slice(2));
export {
  main
};
