/**
 * A streaming tar reader (ustar, pax and GNU long names), fed by a decompressed byte stream.
 * It only parses: every entry goes to an EntrySink, which checks and writes it.
 */
import type { ArchiveEntry, EntrySink, EntryType } from './entry.js';
import { ArchiveFormatError, UnsafeArchiveEntryError } from './errors.js';

const BLOCK = 512;

const TYPES: Record<string, EntryType | 'pax' | 'pax-global' | 'gnu-longname' | 'gnu-longlink'> = {
  '0': 'file',
  '\0': 'file',
  '7': 'file',
  '1': 'hardlink',
  '2': 'symlink',
  '5': 'dir',
  x: 'pax',
  g: 'pax-global',
  L: 'gnu-longname',
  K: 'gnu-longlink',
};

export async function readTar(source: AsyncIterable<Buffer>, sink: EntrySink, archiveName: string): Promise<void> {
  const header = Buffer.alloc(BLOCK);
  let headerFill = 0;
  let dataLeft = 0;
  let padLeft = 0;
  let meta: { kind: string; parts: Buffer[] } | undefined;
  let inEntry = false;
  let discard = false;
  let ended = false;
  // Overrides for the next entry, from pax records or GNU long-name blocks.
  let next: { path?: string; linkpath?: string; size?: number } = {};

  const fail = (why: string): never => {
    throw new ArchiveFormatError(`${archiveName}: not a valid tar archive: ${why}`, {
      hint: 'the download may be damaged or not the asset expected; check the source URL and sha256',
    });
  };

  const finishData = async () => {
    if (meta) {
      const text = Buffer.concat(meta.parts);
      if (meta.kind === 'pax') next = { ...next, ...parsePax(text, fail) };
      else if (meta.kind === 'gnu-longname') next.path = cString(text);
      else if (meta.kind === 'gnu-longlink') next.linkpath = cString(text);
      meta = undefined;
    } else if (inEntry) {
      await sink.endEntry();
      inEntry = false;
    }
  };

  const onHeader = async () => {
    if (header.every((b) => b === 0)) {
      ended = true;
      return;
    }
    const stored = readOctal(header, 148, 8);
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : header[i]!;
    if (stored !== sum) fail('header checksum mismatch');
    const flag = String.fromCharCode(header[156]!);
    const kind = TYPES[flag];
    let name = cString(header.subarray(0, 100));
    const magic = header.subarray(257, 263).toString('latin1');
    if (magic.startsWith('ustar')) {
      const prefix = cString(header.subarray(345, 500));
      if (prefix && magic === 'ustar\0') name = `${prefix}/${name}`;
    }
    const size = next.size ?? readSize(header.subarray(124, 136), fail);
    dataLeft = size;
    padLeft = (BLOCK - (size % BLOCK)) % BLOCK;
    if (kind === undefined) {
      throw new UnsafeArchiveEntryError(`${archiveName}: refusing entry ${JSON.stringify(next.path ?? name)}: tar type '${flag}' (device, fifo or unknown) is not extracted`, {
        hint: 'toolchain archives hold only files, directories and links; this one is not a release asset',
      });
    }
    if (kind === 'pax' || kind === 'pax-global' || kind === 'gnu-longname' || kind === 'gnu-longlink') {
      meta = { kind, parts: [] };
    } else {
      const entry: ArchiveEntry = {
        name: next.path ?? name,
        type: kind,
        mode: readOctal(header, 100, 8),
        size: kind === 'file' ? size : 0,
      };
      if (kind === 'symlink' || kind === 'hardlink') entry.linkTarget = next.linkpath ?? cString(header.subarray(157, 257));
      next = {};
      discard = kind !== 'file'; // links and directories carry no data worth reading
      await sink.entry(entry);
      inEntry = true;
    }
    if (dataLeft === 0) await finishData();
  };

  for await (const chunk of source) {
    let off = 0;
    while (off < chunk.length && !ended) {
      if (dataLeft > 0) {
        const n = Math.min(dataLeft, chunk.length - off);
        const part = chunk.subarray(off, off + n);
        if (meta) meta.parts.push(Buffer.from(part));
        else if (!discard) await sink.data(part);
        dataLeft -= n;
        off += n;
        if (dataLeft === 0) await finishData();
      } else if (padLeft > 0) {
        const n = Math.min(padLeft, chunk.length - off);
        padLeft -= n;
        off += n;
      } else {
        const n = Math.min(BLOCK - headerFill, chunk.length - off);
        chunk.copy(header, headerFill, off, off + n);
        headerFill += n;
        off += n;
        if (headerFill === BLOCK) {
          headerFill = 0;
          await onHeader();
        }
      }
    }
  }
  if (dataLeft > 0 || headerFill > 0 || meta) fail('it ends in the middle of an entry (truncated)');
}

function cString(buf: Buffer): string {
  const end = buf.indexOf(0);
  return buf.subarray(0, end === -1 ? buf.length : end).toString('utf8');
}

function readOctal(buf: Buffer, at: number, len: number): number {
  const text = cString(buf.subarray(at, at + len)).trim();
  return text === '' ? 0 : parseInt(text, 8);
}

/** Sizes are octal, or base-256 (high bit set) for files over 8 GiB. */
function readSize(field: Buffer, fail: (why: string) => never): number {
  if (field[0]! & 0x80) {
    let n = 0;
    for (let i = 1; i < field.length; i++) n = n * 256 + field[i]!;
    return n;
  }
  const text = cString(field).trim();
  if (text !== '' && !/^[0-7]+$/.test(text)) fail(`bad size field ${JSON.stringify(text)}`);
  return text === '' ? 0 : parseInt(text, 8);
}

/** pax records: `<len> <key>=<value>\n`; we honour path, linkpath and size. */
function parsePax(text: Buffer, fail: (why: string) => never): { path?: string; linkpath?: string; size?: number } {
  const out: { path?: string; linkpath?: string; size?: number } = {};
  let off = 0;
  while (off < text.length) {
    const space = text.indexOf(0x20, off);
    if (space === -1) break;
    const len = Number(text.subarray(off, space).toString('latin1'));
    if (!Number.isInteger(len) || len <= 0 || off + len > text.length) fail('bad pax record');
    const record = text.subarray(space + 1, off + len - 1).toString('utf8');
    const eq = record.indexOf('=');
    const key = record.slice(0, eq);
    const value = record.slice(eq + 1);
    if (key === 'path') out.path = value;
    else if (key === 'linkpath') out.linkpath = value;
    else if (key === 'size') out.size = Number(value);
    off += len;
  }
  return out;
}
