/**
 * Lowercase hex SHA-256 of bytes or text in memory: the digest every registry field, run.lock
 * entry, cache key and log line uses. Large files are hashed as they stream instead (download.ts,
 * archive/extract.ts, registry/plan.ts), or as they are read (below).
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Small enough that a chunk is still in the CPU's cache when it is hashed. */
const READ_CHUNK = 256 * 1024;

/**
 * A file's bytes and their digest, each chunk hashed as soon as it is read. Synchronous: a build
 * output of a few megabytes reads in about a millisecond, less than the trips through libuv's
 * thread pool that reading it asynchronously costs.
 */
export function readFileWithSha256(file: string): { bytes: Uint8Array; sha256: string } {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const bytes = Buffer.allocUnsafeSlow(size); // every byte is overwritten by the reads below
    const hash = createHash('sha256');
    let done = 0;
    while (done < size) {
      const read = readSync(fd, bytes, done, Math.min(READ_CHUNK, size - done), done);
      if (read === 0) break; // the file shrank
      hash.update(bytes.subarray(done, done + read));
      done += read;
    }
    return { bytes: bytes.subarray(0, done), sha256: hash.digest('hex') };
  } finally {
    closeSync(fd);
  }
}

/** One buffer for sha256File: a chunk of it is hashed while it is still in the CPU's cache. */
let scratch: Uint8Array | undefined;

/** A file's digest, read through one small buffer (the bytes are not kept). */
export function sha256File(file: string): string {
  const fd = openSync(file, 'r');
  try {
    scratch ??= new Uint8Array(READ_CHUNK);
    const hash = createHash('sha256');
    for (let at = 0, n; (n = readSync(fd, scratch, 0, READ_CHUNK, at)) > 0; at += n) hash.update(scratch.subarray(0, n));
    return hash.digest('hex');
  } finally {
    closeSync(fd);
  }
}
