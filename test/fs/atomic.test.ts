/** Whole-or-nothing writes: the destination is the old one or the new one, and no temp stays behind. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { moveIntoPlace, writeDirAtomic, writeFileAtomic, writeFileAtomicWith } from '../../src/core/fs/atomic.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'atomic-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('creates missing parents and replaces an old file, leaving no temp', async () => {
    const file = join(dir, 'a', 'b', 'out.txt');
    await writeFileAtomic(file, 'first');
    await writeFileAtomic(file, new TextEncoder().encode('second'));
    expect(readFileSync(file, 'utf8')).toBe('second');
    expect(readdirSync(join(dir, 'a', 'b'))).toEqual(['out.txt']);
  });

  it('keeps the old file and removes the temp when the writer fails half way', async () => {
    const file = join(dir, 'out.bin');
    writeFileSync(file, 'old');
    const failing = writeFileAtomicWith(
      file,
      async (tmp) => {
        await writeFile(tmp, 'half of the new');
        throw new Error('connection lost');
      },
      'part',
    );
    await expect(failing).rejects.toThrow('connection lost');
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['out.bin']);
  });

  it("returns the writer's result and names the temp by its tag", async () => {
    const file = join(dir, 'out.bin');
    const seen = await writeFileAtomicWith(
      file,
      async (tmp) => {
        await writeFile(tmp, 'x');
        return tmp;
      },
      'part',
    );
    expect(seen.startsWith(`${file}.part-${process.pid}-`)).toBe(true);
    expect(existsSync(seen)).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe('x');
  });
});

describe('writeDirAtomic', () => {
  it('replaces an old directory with the filled one', async () => {
    const target = join(dir, 'tool');
    mkdirSync(target);
    writeFileSync(join(target, 'stale'), '');
    const n = await writeDirAtomic(target, async (staging) => {
      writeFileSync(join(staging, 'bin'), 'new');
      return 1;
    });
    expect(n).toBe(1);
    expect(readdirSync(target)).toEqual(['bin']);
    expect(readdirSync(dir)).toEqual(['tool']);
  });

  it('leaves the old directory and no staging when filling fails', async () => {
    const target = join(dir, 'tool');
    mkdirSync(target);
    writeFileSync(join(target, 'bin'), 'old');
    const failing = writeDirAtomic(target, async (staging) => {
      writeFileSync(join(staging, 'bin'), 'new');
      throw new Error('bad archive');
    });
    await expect(failing).rejects.toThrow('bad archive');
    expect(readFileSync(join(target, 'bin'), 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['tool']);
  });
});

describe('moveIntoPlace', () => {
  it('puts the new file in place, the old one aside, and works when there is no old one', () => {
    writeFileSync(join(dir, 'new'), 'new');
    writeFileSync(join(dir, 'out'), 'old');
    moveIntoPlace(join(dir, 'new'), join(dir, 'out'), join(dir, 'aside'));
    expect(readFileSync(join(dir, 'out'), 'utf8')).toBe('new');
    expect(readFileSync(join(dir, 'aside'), 'utf8')).toBe('old');
    writeFileSync(join(dir, 'first'), 'first');
    moveIntoPlace(join(dir, 'first'), join(dir, 'fresh'), join(dir, 'unused'));
    expect(readFileSync(join(dir, 'fresh'), 'utf8')).toBe('first');
    expect(existsSync(join(dir, 'unused'))).toBe(false);
  });

  it('puts the old file back when the new one cannot be moved in', () => {
    writeFileSync(join(dir, 'out'), 'old');
    expect(() => moveIntoPlace(join(dir, 'no-such-new'), join(dir, 'out'), join(dir, 'aside'))).toThrow(/ENOENT/);
    expect(readFileSync(join(dir, 'out'), 'utf8')).toBe('old');
    expect(existsSync(join(dir, 'aside'))).toBe(false);
  });

  it('leaves the old file where it was when it cannot be moved aside', () => {
    writeFileSync(join(dir, 'new'), 'new');
    writeFileSync(join(dir, 'out'), 'old');
    expect(() => moveIntoPlace(join(dir, 'new'), join(dir, 'out'), join(dir, 'no-such-dir', 'aside'))).toThrow(/ENOENT/);
    expect(readFileSync(join(dir, 'out'), 'utf8')).toBe('old');
    expect(readFileSync(join(dir, 'new'), 'utf8')).toBe('new');
  });
});
