/**
 * The core's Logger on GitHub: warnings and errors become annotations on the file and line they
 * are about, groups become collapsible log groups, debug lines show under ACTIONS_STEP_DEBUG, and
 * masked secrets are registered with the runner so it hides them everywhere.
 */
import * as core from '@actions/core';
import type { Location } from '../core/errors.js';
import type { Logger } from '../core/log.js';

function annotation(loc?: Location): core.AnnotationProperties | undefined {
  if (!loc) return undefined;
  return { file: loc.file, ...(loc.line ? { startLine: loc.line } : {}), ...(loc.col ? { startColumn: loc.col } : {}) };
}

// GitHub's log has no nested groups: a group inside a group is shown as a heading line instead.
let depth = 0;

export const actionsLogger: Logger = {
  info: (m) => core.info(m),
  warn: (m, loc) => core.warning(m, annotation(loc)),
  error: (m, loc) => core.error(m, annotation(loc)),
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
