/** A logger for tests. */
import type { Logger } from '../../src/core/log.js';

/** Records every line *as the code wrote it* (before masking), so a test can prove a secret was never written. */
export function recordingLogger() {
  const lines: string[] = [];
  const masked: string[] = [];
  const logger: Logger = {
    info: (m) => void lines.push(`info: ${m}`),
    warn: (m) => void lines.push(`warn: ${m}`),
    error: (m) => void lines.push(`error: ${m}`),
    debug: (m) => void lines.push(`debug: ${m}`),
    group: async (title, fn) => {
      lines.push(`group: ${title}`);
      return fn();
    },
    mask: (s) => void masked.push(s),
  };
  return { logger, lines, masked };
}
