/** Digests of bytes in memory and of a file as it is read. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { readFileWithSha256, sha256File, sha256Hex } from '../src/core/sha256.js';

const dir = mkdtempSync(join(tmpdir(), 'sha256-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SIZES = [
  ['empty', 0],
  ['one byte', 1],
  ['exactly one read', 256 * 1024],
  ['several reads and a tail', 3 * 256 * 1024 + 7],
] as const;

function fileOf(size: number): { file: string; data: Buffer } {
  const data = randomBytes(size);
  const file = join(dir, `f${size}`);
  writeFileSync(file, data);
  return { file, data };
}

describe('readFileWithSha256', () => {
  it.each(SIZES)('returns the bytes and the digest of a file: %s', (_name, size) => {
    const { file, data } = fileOf(size);
    const { bytes, sha256 } = readFileWithSha256(file);
    expect(Buffer.from(bytes).equals(data)).toBe(true);
    expect(sha256).toBe(createHash('sha256').update(data).digest('hex'));
    expect(sha256).toBe(sha256Hex(bytes));
  });

  it('throws for a missing file, with its path', () => {
    expect(() => readFileWithSha256(join(dir, 'missing'))).toThrow(/ENOENT.*missing/);
  });
});

describe('sha256File', () => {
  it.each(SIZES)('returns the digest of a file: %s', (_name, size) => {
    const { file, data } = fileOf(size);
    expect(sha256File(file)).toBe(createHash('sha256').update(data).digest('hex'));
  });

  it('gives each file its own digest when called in turn (its buffer is reused)', () => {
    const big = fileOf(600 * 1024);
    const small = fileOf(5);
    expect(sha256File(big.file)).toBe(sha256Hex(big.data));
    expect(sha256File(small.file)).toBe(sha256Hex(small.data));
    expect(sha256File(big.file)).toBe(sha256Hex(big.data));
  });

  it('throws for a missing file, with its path', () => {
    expect(() => sha256File(join(dir, 'missing'))).toThrow(/ENOENT.*missing/);
  });
});
