/** removeFile and removeDir: what is there goes, what is not is no error, anything else is. */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeDir, removeFile } from '../../src/core/fs/remove.js';

const root = mkdtempSync(join(tmpdir(), 'remove-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const fresh = () => {
  const d = join(root, `t${n++}`);
  mkdirSync(d);
  return d;
};

describe('removeFile', () => {
  it('removes a file, and is quiet when there is none', () => {
    const f = join(fresh(), 'a');
    writeFileSync(f, 'x');
    removeFile(f);
    expect(existsSync(f)).toBe(false);
    expect(() => removeFile(f)).not.toThrow();
  });

  it('refuses a directory rather than removing it', () => {
    const d = fresh();
    expect(() => removeFile(d)).toThrow(/EISDIR|EPERM/);
    expect(existsSync(d)).toBe(true);
  });
});

describe('removeDir', () => {
  it('removes an empty directory, one with files and directories in it, and is quiet when there is none', () => {
    const empty = fresh();
    removeDir(empty);
    expect(existsSync(empty)).toBe(false);
    const full = fresh();
    mkdirSync(join(full, 'sub', 'deeper'), { recursive: true });
    writeFileSync(join(full, 'sub', 'deeper', 'f'), 'x');
    writeFileSync(join(full, 'g'), 'y');
    removeDir(full);
    expect(existsSync(full)).toBe(false);
    expect(() => removeDir(full)).not.toThrow();
  });

  it('removes a file that stands where the directory should be', () => {
    const f = join(fresh(), 'file');
    writeFileSync(f, 'x');
    removeDir(f);
    expect(existsSync(f)).toBe(false);
  });
});
