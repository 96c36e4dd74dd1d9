/**
 * The archive readers: archives made by the system tar/xz/zip extract exactly, and hostile ones
 * (made by hand, as no honest tool makes them) are refused before anything lands in the target.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { extractArchive } from '../../src/core/archive/extract.js';
import { ArchiveFormatError, UnsafeArchiveEntryError } from '../../src/core/archive/errors.js';
import { listTree } from '../../src/core/toolchain/tree.js';
import { makeTar, makeZip, type RawEntry } from './support/archives.js';

const work = mkdtempSync(join(tmpdir(), 'archive-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let n = 0;
const fresh = () => join(work, `case-${n++}`);

function tree(dir: string, rel = ''): string[] {
  return readdirSync(join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isSymbolicLink()) return [`${r} -> ${readlinkSync(join(dir, r))}`];
    return e.isDirectory() ? [`${r}/`, ...tree(dir, r)] : [r];
  });
}

/** A source tree with a long path (> 100 bytes: pax/GNU names), a symlink, a hardlink and an executable. */
function sourceTree(): string {
  const src = fresh();
  const long = join(src, 'pkg', 'a'.repeat(60), 'b'.repeat(60));
  mkdirSync(long, { recursive: true });
  writeFileSync(join(long, 'deep.txt'), 'deep');
  writeFileSync(join(src, 'pkg', 'tool'), '#!/bin/sh\necho hi\n', { mode: 0o755 });
  execFileSync('ln', [join(src, 'pkg', 'tool'), join(src, 'pkg', 'tool-hardlink')]);
  symlinkSync('tool', join(src, 'pkg', 'tool-link'));
  return src;
}

describe('extractArchive on archives made by system tools', () => {
  const src = sourceTree();
  const expected = tree(src).sort();

  for (const [format, make] of [
    ['tar.gz', (out: string) => execFileSync('tar', ['-C', src, '-czf', out, 'pkg'])],
    ['tar.xz', (out: string) => execFileSync('tar', ['-C', src, '-cJf', out, 'pkg'])],
    ['zip', (out: string) => execFileSync('zip', ['-qry', out, 'pkg'], { cwd: src })],
  ] as const) {
    it(`extracts ${format} exactly (long names, links, modes)`, async () => {
      const file = join(work, `pkg.${format}`);
      make(file);
      const dest = fresh();
      const listing = await extractArchive(file, format, dest);
      // The listing hashed while writing is what reading the tree back gives.
      expect(listing).toEqual(await listTree(dest));
      expect(listing['pkg/tool-link']).toBe('link:tool');
      const got = tree(dest).sort();
      // zip stores hardlinks as plain copies; the listing is the same either way.
      expect(got).toEqual(expected);
      expect(lstatSync(join(dest, 'pkg', 'tool')).mode & 0o111).not.toBe(0);
      expect(readFileSync(join(dest, 'pkg', 'a'.repeat(60), 'b'.repeat(60), 'deep.txt'), 'utf8')).toBe('deep');
    });
  }
});

describe('extractArchive refuses hostile entries and leaves nothing', () => {
  const hostile: [string, RawEntry[]][] = [
    ['a ../ entry', [{ name: 'ok.txt', body: 'fine' }, { name: 'pkg/../../escaped.txt', body: 'out' }]],
    ['an absolute path', [{ name: '/tmp/run-action-absolute.txt', body: 'out' }]],
    ['a symlink pointing outside', [{ name: 'pkg/', type: 'dir' }, { name: 'pkg/link', type: 'symlink', linkTarget: '../../outside' }]],
    ['an absolute symlink', [{ name: 'link', type: 'symlink', linkTarget: '/etc/passwd' }]],
    ['a write through a link it made', [{ name: 'here', type: 'symlink', linkTarget: '.' }, { name: 'here/file', body: 'x' }]],
    ['a hardlink to a file it does not hold', [{ name: 'pw', type: 'hardlink', linkTarget: '/etc/passwd' }]],
  ];
  for (const [what, entries] of hostile) {
    for (const format of ['tar.gz', 'zip'] as const) {
      if (format === 'zip' && entries.some((e) => e.type === 'hardlink')) continue;
      it(`${format} with ${what}`, async () => {
        const file = join(work, `hostile-${n++}.${format}`);
        writeFileSync(file, format === 'zip' ? makeZip(entries) : gzipSync(makeTar(entries)));
        const dest = fresh();
        const err = await extractArchive(file, format, dest).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(UnsafeArchiveEntryError);
        expect(existsSync(dest)).toBe(false);
        expect(readdirSync(work).filter((f) => f.includes('.staging-'))).toEqual([]);
        expect(existsSync(join(work, 'escaped.txt'))).toBe(false);
      });
    }
  }

  it('refuses a device node', async () => {
    const tar = makeTar([{ name: 'dev', body: '' }]);
    tar[156] = '3'.charCodeAt(0);
    // fix the checksum for the changed type byte
    tar.fill(0x20, 148, 156);
    let sum = 0;
    for (const b of tar.subarray(0, 512)) sum += b;
    tar.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'latin1');
    const file = join(work, 'dev.tar.gz');
    writeFileSync(file, gzipSync(tar));
    await expect(extractArchive(file, 'tar.gz', fresh())).rejects.toBeInstanceOf(UnsafeArchiveEntryError);
  });

  it('reports a truncated tar.gz as damaged, not as a partial install', async () => {
    const file = join(work, 'cut.tar.gz');
    writeFileSync(file, gzipSync(makeTar([{ name: 'big', body: 'y'.repeat(5000) }])).subarray(0, 60));
    const dest = fresh();
    await expect(extractArchive(file, 'tar.gz', dest)).rejects.toBeInstanceOf(ArchiveFormatError);
    expect(existsSync(dest)).toBe(false);
  });

  it('reports a zip entry whose CRC does not match', async () => {
    const zip = makeZip([{ name: 'f.txt', body: 'hello world' }]);
    const at = 30 + 'f.txt'.length;
    zip[at] = zip[at]! ^ 0xff;
    const file = join(work, 'crc.zip');
    writeFileSync(file, zip);
    await expect(extractArchive(file, 'zip', fresh())).rejects.toThrow(/fails its CRC check/);
  });
});
