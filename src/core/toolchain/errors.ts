/** Failure kinds of installing and locking toolchains, each with a hint saying what to do. */
import { RunActionError } from '../errors.js';

/** The lock has no usable sha256 for this tool and platform (missing, empty or a placeholder). */
export class UnpinnedToolError extends RunActionError {}

/** The downloaded (or restored) bytes are not the ones run.lock.toml pins. */
export class HashMismatchError extends RunActionError {}

/** The installed binary reports another version than the lock says. */
export class ToolVersionMismatchError extends RunActionError {}

/** The `source` string cannot be understood, or names a tool we hold no knowledge for. */
export class ToolSourceError extends RunActionError {}

/** The tool publishes nothing for this platform (or we run on a platform no tool supports). */
export class UnsupportedPlatformError extends RunActionError {}

/** npm, pip or cargo failed, or the installed tree lacks the binary we expected. */
export class ToolInstallError extends RunActionError {}

/** A cached tool directory differs from what was recorded when it was installed. */
export class CacheVerificationError extends RunActionError {}

/** A tool asked for (`--tool NAME`) that run.lock.toml does not list. */
export class ToolNotLockedError extends RunActionError {}
