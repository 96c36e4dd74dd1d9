/** Digests of bytes in memory and of a file as it is read. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { readFileWithSha256, sha256Hex } from '../src/core/sha256.js';

const dir = mkdtempSync(join(tmpdir(), 'sha256-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readFileWithSha256', () => {
  it.each([
    ['empty', 0],
    ['one byte', 1],
    ['exactly one read', 512 * 1024],
    ['several reads and a tail', 3 * 512 * 1024 + 7],
  ])('returns the bytes and the digest of a file: %s', async (_name, size) => {
    const data = randomBytes(size);
    const file = join(dir, `f${size}`);
    writeFileSync(file, data);
    const { bytes, sha256 } = await readFileWithSha256(file);
    expect(Buffer.from(bytes).equals(data)).toBe(true);
    expect(sha256).toBe(createHash('sha256').update(data).digest('hex'));
    expect(sha256).toBe(sha256Hex(bytes));
  });

  it('rejects a missing file with its path', async () => {
    await expect(readFileWithSha256(join(dir, 'missing'))).rejects.toThrow(/ENOENT.*missing/);
  });
});
