/**
 * The action's `setup` step: toolchains into RUNNER_TOOL_CACHE, @actions/cache across runs, each
 * tool's directory on PATH and its extra environment exported for later steps.
 */
import * as core from '@actions/core';
import os from 'node:os';
import path from 'node:path';
import type { ToolchainLock } from '../core/config/model.js';
import type { Logger } from '../core/log.js';
import { parseMirror, setupToolchains, toolEnvironment, type InstalledTool } from '../core/toolchain/index.js';
import { actionsCache, cacheSaveBlocker } from './cache.js';

export interface ActionSetupInputs {
  mirror: string[];
  allowUnpinned: boolean;
  /** True when this run publishes (the publish stage is requested). */
  publishing: boolean;
  /** The `cache` input: use @actions/cache across runs. */
  cache: boolean;
}

/** Where the action installs tools: the runner's tool cache (kept within a job, and across jobs on self-hosted runners). */
export function actionToolCacheDir(env: NodeJS.ProcessEnv): string {
  return path.join(env.RUNNER_TOOL_CACHE ?? path.join(os.tmpdir(), 'run-action-tool-cache'), 'run-action');
}

export async function setupAction(lock: ToolchainLock, inputs: ActionSetupInputs, logger: Logger, env = process.env): Promise<InstalledTool[]> {
  const blocker = cacheSaveBlocker(env, inputs.publishing);
  const tools = await setupToolchains(
    lock,
    {
      toolCacheDir: actionToolCacheDir(env),
      ...(inputs.cache ? { cache: actionsCache() } : {}),
      saveCache: blocker === undefined,
      ...(blocker ? { saveSkipReason: blocker } : {}),
      allowUnpinned: inputs.allowUnpinned,
      mirror: parseMirror(inputs.mirror),
      env,
    },
    logger,
  );
  const vars = toolEnvironment(tools, {});
  delete vars.PATH; // addPath prepends for later steps without copying this step's PATH
  for (const t of tools) core.addPath(t.binDir);
  for (const [k, v] of Object.entries(vars)) core.exportVariable(k, v);
  // Whether they all came from a cache is the `cache-hit` output, set from the pipeline's report.
  core.setOutput('toolchains', JSON.stringify(tools.map((t) => ({ name: t.name, version: t.version, path: t.binPath, 'cache-hit': t.cacheHit }))));
  return tools;
}
