/**
 * An append-only byte buffer for encoding wasm binaries, the counterpart of cursor.ts: LEB128
 * numbers, names and raw bytes. Grows by doubling; `view()` is a view, not a copy.
 */
export class ByteWriter {
  #buf: Uint8Array;
  #len = 0;

  constructor(capacity = 256) {
    this.#buf = new Uint8Array(Math.max(capacity, 16));
  }

  get length(): number {
    return this.#len;
  }

  #room(n: number): void {
    if (this.#len + n <= this.#buf.length) return;
    let size = this.#buf.length * 2;
    while (size < this.#len + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.#buf.subarray(0, this.#len));
    this.#buf = next;
  }

  /** Forgets what was written, keeping the memory. */
  clear(): this {
    this.#len = 0;
    return this;
  }

  byte(b: number): this {
    this.#room(1);
    this.#buf[this.#len++] = b;
    return this;
  }

  bytes(src: Uint8Array): this {
    this.#room(src.length);
    this.#buf.set(src, this.#len);
    this.#len += src.length;
    return this;
  }

  /** Unsigned LEB128 (u32). */
  u32(n: number): this {
    return this.u64(n);
  }

  /** Unsigned LEB128 of any safe integer (memory64 limits); the same encoding as u32. */
  u64(n: number): this {
    do {
      let b = n % 128;
      n = Math.floor(n / 128);
      if (n !== 0) b |= 0x80;
      this.byte(b);
    } while (n !== 0);
    return this;
  }

  /** Signed LEB128 of a non-negative number: a type index where a valtype may also be a primitive code. */
  s33(n: number): this {
    for (;;) {
      const b = n % 128;
      n = Math.floor(n / 128);
      // Done once the rest is zero and the sign bit (0x40) of this byte is clear.
      if (n === 0 && (b & 0x40) === 0) return this.byte(b);
      this.byte(b | 0x80);
    }
  }

  /** A length-prefixed UTF-8 name. */
  name(s: string): this {
    const utf8 = encoder.encode(s);
    return this.u32(utf8.length).bytes(utf8);
  }

  /** A section: id, size, then the bytes written to `body`. */
  section(id: number, body: ByteWriter): this {
    return this.byte(id).u32(body.length).bytes(body.view());
  }

  /** The written bytes (a view, valid until the next write). */
  view(): Uint8Array {
    return this.#buf.subarray(0, this.#len);
  }
}

const encoder = new TextEncoder();

/** The number of bytes `u32(n)` writes. */
export function u32Size(n: number): number {
  let size = 1;
  while (n >= 128) {
    n = Math.floor(n / 128);
    size++;
  }
  return size;
}
