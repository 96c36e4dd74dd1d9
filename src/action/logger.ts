/**
 * The core's Logger on GitHub: warnings and errors become annotations on the file and line they
 * are about, groups become collapsible log groups, debug lines show under ACTIONS_STEP_DEBUG, and
 * masked secrets are registered with the runner so it hides them everywhere.
 */
import * as core from '@actions/core';
import path from 'node:path';
import type { Location } from '../core/errors.js';
import type { Logger } from '../core/log.js';

/**
 * Annotation properties for a location. GitHub places an annotation only when its file is relative
 * to the repository root (GITHUB_WORKSPACE); a file outside it keeps its absolute path, which at
 * least names it in the log.
 */
export function annotationFor(loc: Location | undefined, env: NodeJS.ProcessEnv = process.env): core.AnnotationProperties | undefined {
  if (!loc) return undefined;
  const rel = path.relative(env.GITHUB_WORKSPACE || process.cwd(), loc.file);
  const inside = rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
  return {
    file: inside ? rel.split(path.sep).join('/') : loc.file,
    ...(loc.line ? { startLine: loc.line } : {}),
    ...(loc.col ? { startColumn: loc.col } : {}),
  };
}

// GitHub's log has no nested groups: a group inside a group is shown as a heading line instead.
let depth = 0;

export const actionsLogger: Logger = {
  info: (m) => core.info(m),
  warn: (m, loc) => core.warning(m, annotationFor(loc)),
  error: (m, loc) => core.error(m, annotationFor(loc)),
  debug: (m) => core.debug(m),
  async group(title, fn) {
    if (depth > 0) {
      core.info(`▸ ${title}`);
      return fn();
    }
    depth++;
    try {
      return await core.group(title, fn);
    } finally {
      depth--;
    }
  },
  mask: (secret) => core.setSecret(secret),
};
