/**
 * A forward cursor over wasm binary bytes: LEB128 numbers, length-prefixed names and byte views.
 * Views are subarrays of the input (never copies), so reading a 12 MB component allocates little.
 */
import { RunActionError } from '../errors.js';

/** The bytes are not a well-formed WebAssembly module or component (truncated, bad magic, bad framing). */
export class WasmFormatError extends RunActionError {
  /** Absolute byte offset of the problem in the outermost binary. */
  readonly offset: number;
  /** What is wrong, without the offset (for readers that report it in their own words). */
  readonly reason: string;

  constructor(message: string, offset: number, file?: string) {
    super(`${message} at byte offset ${offset} (0x${offset.toString(16)})`, {
      ...(file ? { location: { file } } : {}),
      hint: 'the file is not a complete WebAssembly binary: check that the build finished and the file was not truncated or altered',
    });
    this.offset = offset;
    this.reason = message;
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: false });
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes a name; invalid UTF-8 becomes U+FFFD rather than an error (names are only shown). */
export function decodeName(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}

export class Cursor {
  pos: number;

  /**
   * @param bytes the whole buffer being read
   * @param base absolute offset of `bytes[0]` in the outermost binary, for error messages and item offsets
   */
  constructor(
    readonly bytes: Uint8Array,
    readonly base = 0,
    start = 0,
    readonly end = bytes.length,
    readonly file?: string,
  ) {
    this.pos = start;
  }

  get done(): boolean {
    return this.pos >= this.end;
  }

  fail(why: string, pos = this.pos): never {
    throw new WasmFormatError(why, this.base + pos, this.file);
  }

  u8(): number {
    if (this.pos >= this.end) this.fail('unexpected end of data');
    return this.bytes[this.pos++]!;
  }

  /** The next byte, without consuming it. */
  peek(): number {
    if (this.pos >= this.end) this.fail('unexpected end of data');
    return this.bytes[this.pos]!;
  }

  /** Unsigned LEB128 up to 32 bits. */
  u32(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = this.u8();
      if (shift === 28 && b > 0x0f) this.fail('LEB128 number does not fit in 32 bits', this.pos - 1);
      result += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) return result;
      shift += 7;
    }
  }

  /** Unsigned LEB128 up to 64 bits (memory64 limits), exact below 2^53, which sizes and page counts are. */
  u64(): number {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      const b = this.u8();
      result += (b & 0x7f) * scale;
      if ((b & 0x80) === 0) return result;
      scale *= 128;
    }
    return this.fail('LEB128 number too long');
  }

  /**
   * Signed LEB128 of at most `maxBytes` bytes (10 for s64, constant offsets of data segments; 5 for
   * s33, type indices), exact while within ±2^53.
   */
  sleb(maxBytes = 10): number {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < maxBytes; i++) {
      const b = this.u8();
      result += (b & 0x7f) * scale;
      scale *= 128;
      if ((b & 0x80) === 0) return b & 0x40 ? result - scale : result;
    }
    return this.fail('LEB128 number too long');
  }

  /** Skips a signed or unsigned LEB128 of at most `maxBytes` bytes (s33, s64, u64 immediates). */
  skipLeb(maxBytes = 10): void {
    for (let i = 0; i < maxBytes; i++) {
      if ((this.u8() & 0x80) === 0) return;
    }
    this.fail('LEB128 number too long');
  }

  skip(n: number): void {
    if (n > this.end - this.pos) this.fail(`length ${n} runs past the end`);
    this.pos += n;
  }

  /** A view of the next `n` bytes. */
  view(n: number): Uint8Array {
    const start = this.pos;
    this.skip(n);
    return this.bytes.subarray(start, start + n);
  }

  /** A length-prefixed byte vector (names, data payloads) as a view. */
  vec(): Uint8Array {
    return this.view(this.u32());
  }

  name(): string {
    return decodeName(this.vec());
  }

  /** A name that must be valid UTF-8 (component-model names are identifiers, not text to show). */
  strictName(): string {
    const start = this.pos;
    try {
      return strictUtf8.decode(this.vec());
    } catch (err) {
      if (err instanceof WasmFormatError) throw err;
      return this.fail('name is not valid UTF-8', start);
    }
  }

  /** A cursor over the next `n` bytes, advancing this one past them. */
  sub(n: number): Cursor {
    const start = this.pos;
    this.skip(n);
    return new Cursor(this.bytes, this.base, start, start + n, this.file);
  }
}
