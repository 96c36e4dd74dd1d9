/** Lowercase hex SHA-256, the digest every registry field, run.lock entry and log line uses. */
import { createHash } from 'node:crypto';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
