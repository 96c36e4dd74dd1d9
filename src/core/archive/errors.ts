/** Failure kinds of reading an archive. Both are final: a retry would read the same bytes. */
import { RunActionError } from '../errors.js';

/** The archive is damaged or uses a feature we do not read (encrypted zip, unknown compression). */
export class ArchiveFormatError extends RunActionError {}

/** An entry would land outside the target: `..`, an absolute path, a link pointing out, a device node. */
export class UnsafeArchiveEntryError extends RunActionError {}
