/**
 * Lowercase hex SHA-256 of bytes or text in memory: the digest every registry field, run.lock
 * entry, cache key and log line uses. Large files are hashed as they stream instead (download.ts,
 * archive/extract.ts, registry/plan.ts), or as they are read (below).
 */
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';

export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

const READ_CHUNK = 512 * 1024;

/** A file's bytes and their digest, each chunk hashed while the next one is read. */
export async function readFileWithSha256(file: string): Promise<{ bytes: Uint8Array; sha256: string }> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const bytes = new Uint8Array(size);
    const hash = createHash('sha256');
    let done = 0;
    const readFrom = (at: number) => (at < size ? handle.read(bytes, at, Math.min(READ_CHUNK, size - at), at) : undefined);
    for (let next = readFrom(0); next; ) {
      const { bytesRead } = await next;
      if (bytesRead === 0) break; // the file shrank
      const start = done;
      done += bytesRead;
      next = readFrom(done);
      hash.update(bytes.subarray(start, done));
    }
    return { bytes: bytes.subarray(0, done), sha256: hash.digest('hex') };
  } finally {
    await handle.close();
  }
}
