/** What the tar and zip readers hand to the extractor, entry by entry, in archive order. */
export type EntryType = 'file' | 'dir' | 'symlink' | 'hardlink';

export interface ArchiveEntry {
  /** The name as stored in the archive, before any checking. */
  name: string;
  type: EntryType;
  mode: number;
  size: number;
  /** Symlink target as stored, or for a hardlink the name of the entry it links to. */
  linkTarget?: string;
}

/** Receives entries in order; for a file, `data` is called with its bytes before the next `entry`. */
export interface EntrySink {
  entry(entry: ArchiveEntry): Promise<void>;
  data(chunk: Buffer): Promise<void>;
  endEntry(): Promise<void>;
}

export type ArchiveFormat = 'tar.gz' | 'tar.xz' | 'zip' | 'binary';

/** The format an asset name implies; `binary` means the asset is the executable itself. */
export function formatOf(fileName: string): ArchiveFormat {
  const name = fileName.toLowerCase();
  if (name.endsWith('.tar.gz') || name.endsWith('.tgz') || name.endsWith('.crate')) return 'tar.gz';
  if (name.endsWith('.tar.xz') || name.endsWith('.txz')) return 'tar.xz';
  if (name.endsWith('.zip') || name.endsWith('.whl')) return 'zip';
  return 'binary';
}
