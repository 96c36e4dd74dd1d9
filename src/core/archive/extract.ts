/**
 * Extracts a verified archive into a fresh directory: every entry is checked by EntryGuard before
 * it is written, everything goes to a staging directory beside the target, and the target appears
 * (by rename) only when the whole archive was read. A failure leaves nothing behind.
 */
import { spawn } from 'node:child_process';
import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { chmod, copyFile, link, mkdir, open, readFile, symlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { createGunzip } from 'node:zlib';
import { RunActionError } from '../errors.js';
import { writeDirAtomic } from '../fs/atomic.js';
import { sha256Hex } from '../sha256.js';
import type { ArchiveEntry, ArchiveFormat, EntrySink } from './entry.js';
import { EntryGuard } from './entry-guard.js';
import { ArchiveFormatError } from './errors.js';
import { readTar } from './tar.js';
import { readZip } from './zip.js';

/**
 * What was written: relative `/`-separated path → `sha256:<hex>` for a file, `link:<target>` for a
 * symlink, sorted by path (directories are implied). Hashed while writing, so nobody re-reads it.
 */
export type ExtractedListing = Record<string, string>;

/**
 * Extracts `file` into `dest`, replacing any old `dest` only once the whole archive was read. For
 * the `binary` format the file itself is installed as `dest/<binaryName>`, executable.
 */
export async function extractArchive(file: string, format: ArchiveFormat, dest: string, binaryName?: string): Promise<ExtractedListing> {
  return writeDirAtomic(dest, (staging) => extractInto(file, format, staging, binaryName));
}

/** Extracts into an existing empty directory (a caller's own staging directory). */
export async function extractInto(file: string, format: ArchiveFormat, dir: string, binaryName?: string): Promise<ExtractedListing> {
  const archiveName = path.basename(file);
  if (format === 'binary') {
    const name = binaryName ?? archiveName;
    const target = path.join(dir, name);
    await copyFile(file, target);
    await chmod(target, 0o755);
    return { [name]: `sha256:${sha256Hex(await readFile(target))}` };
  }
  const sink = new DirectoryWriter(dir, new EntryGuard(archiveName));
  try {
    if (format === 'zip') await readZip(file, sink, archiveName);
    else if (format === 'tar.gz') await readTar(gunzipStream(file, archiveName), sink, archiveName);
    else await readXz(file, sink, archiveName);
  } finally {
    await sink.close();
  }
  return sink.listing();
}

async function* gunzipStream(file: string, archiveName: string): AsyncIterable<Buffer> {
  const stream = createReadStream(file, { highWaterMark: 1 << 20 }).pipe(createGunzip({ chunkSize: 1 << 20 }));
  try {
    for await (const chunk of stream) yield chunk as Buffer;
  } catch (err) {
    if (err instanceof RunActionError) throw err;
    throw new ArchiveFormatError(`${archiveName}: gzip data is damaged: ${(err as Error).message}`, {
      hint: 'the download may be truncated or not the asset expected',
    });
  } finally {
    stream.destroy();
  }
}

/** No xz decoder ships with Node; the system `xz` decompresses, and our tar reader checks every entry. */
async function readXz(file: string, sink: EntrySink, archiveName: string): Promise<void> {
  const child = spawn('xz', ['-dc', file], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', (err) =>
      reject(
        new ArchiveFormatError(`${archiveName}: cannot run xz to decompress it: ${(err as NodeJS.ErrnoException).code ?? err.message}`, {
          hint: 'install xz (Debian/Ubuntu: apt-get install xz-utils; macOS: brew install xz)',
        }),
      ),
    );
    child.on('close', resolve);
  });
  try {
    await Promise.all([readTar(child.stdout as AsyncIterable<Buffer>, sink, archiveName), exited]);
  } catch (err) {
    child.kill();
    throw err;
  }
  const code = await exited;
  if (code !== 0) {
    throw new ArchiveFormatError(`${archiveName}: xz failed (exit ${code}): ${stderr.trim()}`, {
      hint: 'the download may be truncated or not the asset expected',
    });
  }
}

class DirectoryWriter implements EntrySink {
  private out: FileHandle | undefined;
  private hash: Hash | undefined;
  private current = '';
  private readonly dirs = new Set<string>();
  private readonly written = new Map<string, string>();

  constructor(
    private readonly root: string,
    private readonly guard: EntryGuard,
  ) {}

  async entry(entry: ArchiveEntry): Promise<void> {
    const rel = this.guard.check(entry);
    const target = path.join(this.root, rel);
    if (entry.type === 'dir') {
      await this.mkdirp(target);
      return;
    }
    await this.mkdirp(path.dirname(target));
    if (entry.type === 'symlink') {
      await symlink(entry.linkTarget!, target);
      this.written.set(rel, `link:${entry.linkTarget}`);
    } else if (entry.type === 'hardlink') {
      const from = entry.linkTarget!.replace(/\\/g, '/').split('/').filter((p) => p && p !== '.').join('/');
      await link(path.join(this.root, from), target);
      this.written.set(rel, this.written.get(from)!);
    } else {
      this.out = await open(target, 'w', (entry.mode & 0o777) | 0o600);
      this.hash = createHash('sha256');
      this.current = rel;
    }
  }

  async data(chunk: Buffer): Promise<void> {
    this.hash!.update(chunk);
    let off = 0;
    while (off < chunk.length) off += (await this.out!.write(chunk, off)).bytesWritten;
  }

  async endEntry(): Promise<void> {
    await this.close();
  }

  async close(): Promise<void> {
    const out = this.out;
    if (!out) return;
    this.out = undefined;
    this.written.set(this.current, `sha256:${this.hash!.digest('hex')}`);
    await out.close();
  }

  listing(): ExtractedListing {
    return Object.fromEntries([...this.written].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }

  private async mkdirp(dir: string): Promise<void> {
    if (this.dirs.has(dir)) return;
    await mkdir(dir, { recursive: true });
    this.dirs.add(dir);
  }
}
