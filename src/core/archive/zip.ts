/**
 * A zip reader (stored and deflate, zip64 sizes) working from the central directory, the only
 * authoritative listing. Toolchain zips are tens of MiB, so the file is read into memory.
 */
import { readFile } from 'node:fs/promises';
import { crc32, inflateRawSync } from 'node:zlib';
import type { ArchiveEntry, EntrySink } from './entry.js';
import { ArchiveFormatError } from './errors.js';

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const S_IFDIR = 0o040000;

export async function readZip(file: string, sink: EntrySink, archiveName: string): Promise<void> {
  const buf = await readFile(file);
  const fail = (why: string): never => {
    throw new ArchiveFormatError(`${archiveName}: not a valid zip archive: ${why}`, {
      hint: 'the download may be damaged or not the asset expected; check the source URL and sha256',
    });
  };
  const u16 = (at: number) => (at + 2 <= buf.length ? buf.readUInt16LE(at) : fail('truncated'));
  const u32 = (at: number) => (at + 4 <= buf.length ? buf.readUInt32LE(at) : fail('truncated'));
  const u64 = (at: number) => (at + 8 <= buf.length ? Number(buf.readBigUInt64LE(at)) : fail('truncated'));

  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd === -1) fail('no end-of-central-directory record');
  let count = u16(eocd + 10);
  let offset = u32(eocd + 16);
  if ((count === 0xffff || offset === 0xffffffff) && eocd >= 20 && u32(eocd - 20) === EOCD64_LOCATOR) {
    const at = u64(eocd - 20 + 8);
    if (u32(at) !== EOCD64) fail('bad zip64 end record');
    count = u64(at + 32);
    offset = u64(at + 48);
  }

  let p = offset;
  for (let n = 0; n < count; n++) {
    if (u32(p) !== CENTRAL) fail(`bad central directory entry ${n}`);
    const madeBy = u16(p + 4) >> 8;
    const flags = u16(p + 8);
    const method = u16(p + 10);
    const crc = u32(p + 16);
    let compressed = u32(p + 20);
    let size = u32(p + 24);
    const nameLen = u16(p + 28);
    const extraLen = u16(p + 30);
    const commentLen = u16(p + 32);
    const external = u32(p + 38);
    let local = u32(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString(flags & 0x800 ? 'utf8' : 'latin1');
    // zip64: the extra field holds, in order, whichever of the three values overflowed.
    for (let e = p + 46 + nameLen; e < p + 46 + nameLen + extraLen; ) {
      const id = u16(e);
      const len = u16(e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (size === 0xffffffff) (size = u64(q)), (q += 8);
        if (compressed === 0xffffffff) (compressed = u64(q)), (q += 8);
        if (local === 0xffffffff) local = u64(q);
      }
      e += 4 + len;
    }
    p += 46 + nameLen + extraLen + commentLen;

    if (flags & 0x1) fail(`entry ${JSON.stringify(name)} is encrypted`);
    const unixMode = madeBy === 3 ? external >>> 16 : 0;
    const isDir = name.endsWith('/') || (unixMode & S_IFMT) === S_IFDIR || (external & 0x10) !== 0;
    const isLink = (unixMode & S_IFMT) === S_IFLNK;
    if (u32(local) !== LOCAL) fail(`bad local header for ${JSON.stringify(name)}`);
    const dataAt = local + 30 + u16(local + 26) + u16(local + 28);
    if (dataAt + compressed > buf.length) fail(`entry ${JSON.stringify(name)} runs past the end (truncated)`);
    const raw = buf.subarray(dataAt, dataAt + compressed);
    let data: Buffer;
    if (isDir) data = Buffer.alloc(0);
    else if (method === 0) data = raw;
    else if (method === 8) {
      try {
        data = inflateRawSync(raw);
      } catch (err) {
        fail(`entry ${JSON.stringify(name)} does not inflate: ${(err as Error).message}`);
      }
    } else fail(`entry ${JSON.stringify(name)} uses compression method ${method}`);
    if (!isDir && (data!.length !== size || crc32(data!) !== crc)) fail(`entry ${JSON.stringify(name)} fails its CRC check`);

    const entry: ArchiveEntry = isDir
      ? { name, type: 'dir', mode: unixMode & 0o7777 || 0o755, size: 0 }
      : isLink
        ? { name, type: 'symlink', mode: 0o777, size: 0, linkTarget: data!.toString('utf8') }
        : { name, type: 'file', mode: unixMode & 0o7777 || 0o644, size };
    await sink.entry(entry);
    if (entry.type === 'file' && size > 0) await sink.data(data!);
    await sink.endEntry();
  }
}
