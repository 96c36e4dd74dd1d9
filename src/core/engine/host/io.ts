/**
 * wasi:io — error, poll, streams. Everything is synchronous: jco's sync lowering cannot wait on a
 * promise, and no source in this host needs to (output is captured, files are read with sync calls,
 * timers either advance virtual time or sleep the thread in dev mode).
 *
 * Result-returning functions answer errors with `{ tag: 'err', val }`; jco passes that through as
 * the WIT `err`. A thrown `Error` would be a trap, so only host bugs throw.
 */

/** A WIT `result` error as jco's lowering accepts it from a host function. */
export interface Err<E> {
  tag: 'err';
  val: E;
}

export const err = <E>(val: E): Err<E> => ({ tag: 'err', val });

export const isErr = (v: unknown): v is Err<unknown> =>
  typeof v === 'object' && v !== null && (v as { tag?: unknown }).tag === 'err';

/** wasi:io/error.error. `code` carries the filesystem error-code for filesystem-error-code(). */
export class IoError {
  readonly #message: string;
  readonly code: string | undefined;

  constructor(message: string, code?: string) {
    this.#message = message;
    this.code = code;
  }

  toDebugString(): string {
    return this.#message;
  }
}

type StreamError = { tag: 'last-operation-failed'; val: IoError } | { tag: 'closed' };

const closed: Err<StreamError> = err({ tag: 'closed' });
const failed = (e: IoError): Err<StreamError> => err({ tag: 'last-operation-failed', val: e });

/** What a pollable waits for. Sources that are always ready need none. */
export interface Waitable {
  ready(): boolean;
  /** Waits until ready (advancing virtual time, or sleeping in dev mode). */
  block(): void;
  /** When it becomes ready, to choose which of several to wait for (monotonic ns). */
  readonly wakeAt: bigint;
}

export class Pollable {
  readonly #waitable: Waitable | undefined;

  constructor(waitable?: Waitable) {
    this.#waitable = waitable;
  }

  ready(): boolean {
    return this.#waitable ? this.#waitable.ready() : true;
  }

  block(): void {
    if (this.#waitable && !this.#waitable.ready()) this.#waitable.block();
  }

  /** Wake time when pending, for poll(); undefined when ready. */
  pendingUntil(): bigint | undefined {
    return this.#waitable && !this.#waitable.ready() ? this.#waitable.wakeAt : undefined;
  }
}

/** wasi:io/poll.poll: the indices of the ready pollables, waiting for the soonest when none is. */
function poll(list: Pollable[]): Uint32Array {
  if (list.length === 0) throw new RangeError('wasi:io/poll.poll called with an empty list');
  let soonest: Pollable | undefined;
  let soonestAt: bigint | undefined;
  for (const p of list) {
    const at = p.pendingUntil();
    if (at === undefined) return readyIndices(list);
    if (soonestAt === undefined || at < soonestAt) [soonest, soonestAt] = [p, at];
  }
  soonest?.block();
  return readyIndices(list);
}

function readyIndices(list: Pollable[]): Uint32Array {
  const ready: number[] = [];
  list.forEach((p, i) => p.ready() && ready.push(i));
  return Uint32Array.from(ready);
}

/** Where an input stream's bytes come from. */
interface ByteSource {
  /** Up to `max` bytes; null at end of stream. Throws IoError on failure. */
  read(max: number): Uint8Array | null;
  close?(): void;
}

/** Where an output stream's bytes go. */
export interface ByteSink {
  /** Throws IoError on failure. */
  write(bytes: Uint8Array): void;
  flush?(): void;
  close?(): void;
}

/** The most one read returns, so a guest asking for 2^40 bytes gets a chunk, not a host OOM. */
const READ_CHUNK = 64 * 1024;
/** Bytes a writer may write before flushing; we accept any amount, so this is just a generous chunk. */
const WRITE_PERMIT = 1024n * 1024n;

const chunkLength = (len: bigint): number => Number(len < BigInt(READ_CHUNK) ? len : BigInt(READ_CHUNK));

function attempt<T>(op: () => T): T | Err<StreamError> {
  try {
    return op();
  } catch (e) {
    if (e instanceof IoError) return failed(e);
    throw e;
  }
}

export class InputStream {
  readonly #source: ByteSource;
  #ended = false;
  #dropped = false;

  constructor(source: ByteSource) {
    this.#source = source;
  }

  read(len: bigint): Uint8Array | Err<StreamError> {
    if (this.#ended || this.#dropped) return closed;
    if (len === 0n) return new Uint8Array(0);
    return attempt(() => {
      const bytes = this.#source.read(chunkLength(len));
      if (bytes === null) {
        this.#ended = true;
        return closed;
      }
      return bytes;
    });
  }

  blockingRead(len: bigint): Uint8Array | Err<StreamError> {
    return this.read(len);
  }

  skip(len: bigint): bigint | Err<StreamError> {
    const r = this.read(len);
    return isErr(r) ? r : BigInt(r.byteLength);
  }

  blockingSkip(len: bigint): bigint | Err<StreamError> {
    return this.skip(len);
  }

  subscribe(): Pollable {
    return new Pollable();
  }

  [Symbol.dispose](): void {
    if (this.#dropped) return;
    this.#dropped = true;
    this.#source.close?.();
  }
}

/**
 * Every byte a guest writes goes through `write` (blocking-write-and-flush, write-zeroes and splice
 * call it), so wrapping `write` on a stream observes all of its output.
 */
export class OutputStream {
  readonly #sink: ByteSink;
  #dropped = false;

  constructor(sink: ByteSink) {
    this.#sink = sink;
  }

  checkWrite(): bigint | Err<StreamError> {
    return this.#dropped ? closed : WRITE_PERMIT;
  }

  write(contents: Uint8Array): undefined | Err<StreamError> {
    if (this.#dropped) return closed;
    return attempt(() => {
      this.#sink.write(contents);
      return undefined;
    });
  }

  blockingWriteAndFlush(contents: Uint8Array): undefined | Err<StreamError> {
    return this.write(contents) ?? this.flush();
  }

  flush(): undefined | Err<StreamError> {
    if (this.#dropped) return closed;
    return attempt(() => {
      this.#sink.flush?.();
      return undefined;
    });
  }

  blockingFlush(): undefined | Err<StreamError> {
    return this.flush();
  }

  subscribe(): Pollable {
    return new Pollable();
  }

  writeZeroes(len: bigint): undefined | Err<StreamError> {
    if (len > WRITE_PERMIT) return failed(new IoError(`write-zeroes of ${len} bytes exceeds the write permit`));
    return this.write(new Uint8Array(Number(len)));
  }

  blockingWriteZeroesAndFlush(len: bigint): undefined | Err<StreamError> {
    return this.writeZeroes(len) ?? this.flush();
  }

  splice(src: InputStream, len: bigint): bigint | Err<StreamError> {
    const bytes = src.read(len);
    if (isErr(bytes)) return bytes;
    return this.write(bytes) ?? BigInt(bytes.byteLength);
  }

  blockingSplice(src: InputStream, len: bigint): bigint | Err<StreamError> {
    return this.splice(src, len);
  }

  [Symbol.dispose](): void {
    if (this.#dropped) return;
    this.#dropped = true;
    this.#sink.flush?.();
    this.#sink.close?.();
  }
}

/** The interface objects, keyed as jco reads them (resources by their JS class name). */
export const ioInterfaces = {
  'wasi:io/error': { Error: IoError },
  'wasi:io/poll': { Pollable, poll },
  'wasi:io/streams': { InputStream, OutputStream },
};
