import { createRequire as __runActionRequire } from 'node:module'; const require = __runActionRequire(import.meta.url);
import {
  DEFAULT_STAGES,
  PipelineInputError,
  loadRunConfig,
  parseMirror,
  parseStages,
  resolveToken,
  runPipeline,
  setupToolchains,
  toolEnvironment
} from "./chunk-AVJU3NXY.js";
import {
  actionsCache,
  addPath,
  cacheSaveBlocker,
  debug,
  error,
  exportVariable,
  getBooleanInput,
  getInput,
  getMultilineInput,
  group,
  info,
  setFailed,
  setOutput,
  setSecret,
  summary,
  warning
} from "./chunk-ASU3YUQW.js";
import "./chunk-MXSFHVLX.js";
import {
  RunActionError,
  formatError
} from "./chunk-GW6JPPNZ.js";
import "./chunk-YKBNFI37.js";

// src/action/main.ts
import { resolve } from "node:path";

// src/action/logger.ts
import path from "node:path";
function annotationFor(loc, env = process.env) {
  if (!loc) return void 0;
  const rel = path.relative(env.GITHUB_WORKSPACE || process.cwd(), loc.file);
  const inside = rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel);
  return {
    file: inside ? rel.split(path.sep).join("/") : loc.file,
    ...loc.line ? { startLine: loc.line } : {},
    ...loc.col ? { startColumn: loc.col } : {}
  };
}
var depth = 0;
var actionsLogger = {
  info: (m) => info(m),
  warn: (m, loc) => warning(m, annotationFor(loc)),
  error: (m, loc) => error(m, annotationFor(loc)),
  debug: (m) => debug(m),
  async group(title, fn) {
    if (depth > 0) {
      info(`\u25B8 ${title}`);
      return fn();
    }
    depth++;
    try {
      return await group(title, fn);
    } finally {
      depth--;
    }
  },
  mask: (secret) => setSecret(secret)
};

// src/action/setup.ts
import os from "node:os";
import path2 from "node:path";
function actionToolCacheDir(env) {
  return path2.join(env.RUNNER_TOOL_CACHE ?? path2.join(os.tmpdir(), "run-action-tool-cache"), "run-action");
}
async function setupAction(lock, inputs, logger, env = process.env) {
  const blocker = cacheSaveBlocker(env, inputs.publishing);
  const tools = await setupToolchains(
    lock,
    {
      toolCacheDir: actionToolCacheDir(env),
      ...inputs.cache ? { cache: actionsCache() } : {},
      saveCache: blocker === void 0,
      ...blocker ? { saveSkipReason: blocker } : {},
      allowUnpinned: inputs.allowUnpinned,
      mirror: parseMirror(inputs.mirror),
      env
    },
    logger
  );
  const vars = toolEnvironment(tools, {});
  delete vars.PATH;
  for (const t of tools) addPath(t.binDir);
  for (const [k, v] of Object.entries(vars)) exportVariable(k, v);
  setOutput("toolchains", JSON.stringify(tools.map((t) => ({ name: t.name, version: t.version, path: t.binPath, "cache-hit": t.cacheHit }))));
  return tools;
}

// src/action/summary.ts
var VERDICT_ICON = { reproducible: "\u2705", "behaviour-only": "\u{1F7E1}", "not reproducible": "\u274C" };
var escapeHtml = (t) => t.replace(/[&<>]/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" })[ch]);
async function writeSummary(config, report) {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  const header = (cells) => cells.map((data) => ({ data, header: true }));
  const components = Object.entries(report.components).map(([name, c]) => {
    const tests = report.tests.results.filter((r) => r.component === name);
    const ledger = /* @__PURE__ */ new Map();
    for (const r of tests) for (const l of r.ledger) ledger.set(l.call, (ledger.get(l.call) ?? 0) + l.count);
    const published = report.published.find((p) => p.name.endsWith(`:${name}`));
    const verdict = report.verify?.components.find((v) => v.name === name);
    return [
      name,
      `<code>${c.digest.slice(0, 12)}</code>`,
      `${c.size.toLocaleString("en-US")} B`,
      c.language ?? "",
      verdict ? `${VERDICT_ICON[verdict.verdict]} ${verdict.verdict}<br><sub>${escapeHtml(verdict.cause)}</sub>` : "\u2014",
      tests.length ? `${tests.filter((t) => t.passed).length}/${tests.length}` : "\u2014",
      [...ledger].map(([call, n]) => `${call}\xD7${n}`).join("<br>") || "\u2014",
      published ? published.action : "\u2014"
    ];
  });
  const failures = report.tests.results.filter((r) => !r.passed).map((r) => [r.name, escapeHtml(r.reason ?? "")]);
  const summary2 = summary.addHeading(`run-action: ${config.project.name} ${config.project.version} \u2014 ${report.ok ? "\u2705 passed" : "\u274C failed"}`, 2).addTable([header(["component", "sha256", "size", "language", "reproducible", "tests", "nondeterministic imports", "publish"]), ...components]).addRaw(`<p><b>${report.tests.passed} passed, ${report.tests.failed} failed</b></p>`, true);
  if (failures.length) summary2.addHeading("Failed tests", 3).addTable([header(["test", "why"]), ...failures]);
  summary2.addHeading("Steps", 3).addTable([header(["step", "status", "time"]), ...report.stages.map((s) => [s.stage, s.status + (s.reason ? ` \u2014 ${s.reason}` : ""), `${(s.ms / 1e3).toFixed(1)} s`])]);
  await summary2.write();
}

// src/action/main.ts
function choice(name, allowed, fallback) {
  const v = getInput(name) || fallback;
  if (!allowed.includes(v)) throw new PipelineInputError(`input ${name}: '${v}' is not one of ${allowed.join(", ")}`, { hint: `set ${name}: ${fallback}` });
  return v;
}
async function main() {
  const dir = resolve(getInput("working-directory") || ".");
  const token = getInput("registry-token") || void 0;
  const stages = parseStages(getInput("steps") || DEFAULT_STAGES.join(","));
  const publish = choice("publish", ["auto", "true", "false"], "auto");
  const policy = choice("policy", ["strict", "virtual", "dev"], "strict");
  const mirror = getMultilineInput("mirror");
  const config = await loadRunConfig(dir);
  for (const w of config.warnings) actionsLogger.warn(w.message, w.location);
  const found = resolveToken({ explicit: token, env: process.env, config: config.registry.authToken });
  if (found) setSecret(found.token);
  const report = await runPipeline(
    {
      config,
      stages,
      publish,
      policy,
      event: { name: process.env.GITHUB_EVENT_NAME, ref: process.env.GITHUB_REF },
      env: process.env,
      toolCacheDir: actionToolCacheDir(process.env),
      ...process.env.RUNNER_TEMP ? { workDir: process.env.RUNNER_TEMP } : {},
      requireReproducible: getBooleanInput("reproducible"),
      setup: (lock, publishing) => setupAction(lock, { mirror, allowUnpinned: getBooleanInput("allow-unpinned"), publishing, cache: getBooleanInput("cache") }, actionsLogger),
      registry: { url: getInput("registry-url") || void 0, token: found?.token, dryRun: getBooleanInput("dry-run") },
      onTest: (r) => info(r.passed ? `PASS ${r.name}` : `FAIL ${r.name} - ${r.reason}`)
    },
    actionsLogger
  );
  annotateFailedTests(config, report);
  setOutputs(report);
  await writeSummary(config, report);
  if (!report.ok) {
    const failed = report.stages.filter((s) => s.status === "failed").map((s) => `${s.stage}: ${s.reason}`);
    setFailed(failed.join("; "));
  }
}
function annotateFailedTests(config, report) {
  for (const r of report.tests.results) {
    if (r.passed) continue;
    const loc = config.tests.find((t) => t.name === r.name)?.location ?? config.components.find((c) => c.name === r.component)?.location;
    error(`test ${r.name} failed: ${r.reason}`, { title: `test ${r.name}`, ...annotationFor(loc) });
  }
}
function setOutputs(report) {
  setOutput("components", JSON.stringify(report.components));
  setOutput("tests-passed", report.tests.passed);
  setOutput("tests-failed", report.tests.failed);
  setOutput("published", JSON.stringify(report.published.filter((p) => p.action === "published").map((p) => `${p.name}@${p.version}`)));
  setOutput("cache-hit", String(report.cacheHit));
  if (report.reproducible !== void 0) setOutput("reproducible", String(report.reproducible));
}
main().catch((err) => {
  if (err instanceof RunActionError) {
    error(formatError(err), annotationFor(err.location));
    setFailed(err.message);
  } else {
    setFailed(err instanceof Error ? err.stack ?? err.message : String(err));
  }
});
