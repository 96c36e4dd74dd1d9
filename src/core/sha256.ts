/**
 * Lowercase hex SHA-256 of bytes or text in memory: the digest every registry field, run.lock
 * entry, cache key and log line uses. Large files are hashed as they stream instead (download.ts,
 * archive/extract.ts, registry/plan.ts).
 */
import { createHash } from 'node:crypto';

export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

