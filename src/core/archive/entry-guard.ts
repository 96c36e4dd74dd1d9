/**
 * Decides, before anything is written, where an archive entry may go. Refuses absolute paths,
 * drive letters, `..` segments, links whose target leaves the root, and entries written through a
 * link the archive itself created (the classic two-step escape: `a -> .`, then `a/../x`).
 */
import path from 'node:path';
import type { ArchiveEntry } from './entry.js';
import { UnsafeArchiveEntryError } from './errors.js';

export class EntryGuard {
  private readonly links = new Set<string>();
  private readonly files = new Set<string>();

  constructor(private readonly archiveName: string) {}

  /** The entry's path relative to the root, `/`-separated, or throws UnsafeArchiveEntryError. */
  check(entry: ArchiveEntry): string {
    const rel = this.relative(entry.name, entry.name);
    for (let i = rel.indexOf('/'); i !== -1; i = rel.indexOf('/', i + 1)) {
      if (this.links.has(rel.slice(0, i))) this.refuse(entry.name, `it is written through the link ${rel.slice(0, i)}`);
    }
    if (this.links.has(rel) || (entry.type !== 'dir' && this.files.has(rel) && entry.type !== 'file')) {
      this.refuse(entry.name, 'it replaces an earlier entry of another kind');
    }
    if (entry.type === 'symlink') {
      const target = entry.linkTarget ?? '';
      if (target === '' || path.posix.isAbsolute(target) || path.win32.isAbsolute(target) || target.includes('\\')) {
        this.refuse(entry.name, `its link target ${JSON.stringify(target)} is absolute`);
      }
      const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(rel), target));
      if (resolved === '..' || resolved.startsWith('../')) this.refuse(entry.name, `its link target ${JSON.stringify(target)} points outside`);
      this.links.add(rel);
    } else if (entry.type === 'hardlink') {
      const target = this.relative(entry.name, entry.linkTarget ?? '');
      if (!this.files.has(target)) this.refuse(entry.name, `it hard-links to ${JSON.stringify(entry.linkTarget)}, which is not an earlier file`);
      this.files.add(rel);
    } else if (entry.type === 'file') {
      this.files.add(rel);
    }
    return rel;
  }

  /** Normalises a stored name; a name that is absolute or climbs out is refused outright. */
  private relative(entryName: string, name: string): string {
    const slashed = name.replace(/\\/g, '/');
    if (slashed.startsWith('/') || /^[A-Za-z]:/.test(slashed)) this.refuse(entryName, 'its path is absolute');
    const parts = slashed.split('/').filter((p) => p !== '' && p !== '.');
    if (parts.includes('..')) this.refuse(entryName, 'its path contains ".."');
    if (parts.length === 0) this.refuse(entryName, 'its path is empty');
    return parts.join('/');
  }

  private refuse(name: string, why: string): never {
    throw new UnsafeArchiveEntryError(`${this.archiveName}: refusing entry ${JSON.stringify(name)}: ${why}`, {
      hint: 'the archive tries to write outside its target directory; do not use it (a tampered or hostile archive)',
    });
  }
}
