/**
 * Where each key and value of a TOML document is written. smol-toml returns plain values without
 * positions, so this scans the text once more (only when an error or warning needs a position) and
 * maps key paths such as ["components", "calc", "language"] or ["test", 2, "expect"] to line/column.
 * The text has already been accepted by smol-toml, so the scanner only needs to follow structure:
 * headers, dotted keys, arrays of tables, strings, arrays and inline tables.
 */

export type KeyPath = readonly (string | number)[];

export interface Position {
  line: number; // 1-based
  col: number; // 1-based, in UTF-16 code units
}

interface Entry {
  key: Position;
  value: Position | undefined;
}

/** `components.calc.language`, `test[2].expect`, `dependencies."wasi:http"`: the path as users read it. */
export function pathText(path: KeyPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += (out ? '.' : '') + (/^[A-Za-z0-9_-]+$/.test(part) ? part : JSON.stringify(part));
  }
  return out;
}

const id = (path: KeyPath): string => JSON.stringify(path);

const ESCAPES: Record<string, string> = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', e: '\x1b', '"': '"', '\\': '\\' };

export class TomlPositions {
  private readonly entries = new Map<string, Entry>();
  private readonly s: string;
  private i = 0;
  private line = 1;
  private lineStart = 0;

  constructor(text: string) {
    this.s = text;
    // A byte-order mark is not part of the first line's text.
    if (text.charCodeAt(0) === 0xfeff) this.i = this.lineStart = 1;
    this.scanDocument();
  }

  /** Position of the key (or table header) at `path`, else of its nearest recorded ancestor. */
  key(path: KeyPath): Position | undefined {
    return this.nearest(path)?.key;
  }

  /** Position of the value at `path` (falls back to its key, then to the nearest ancestor). */
  value(path: KeyPath): Position | undefined {
    const e = this.nearest(path);
    return e && (e.value ?? e.key);
  }

  private nearest(path: KeyPath): Entry | undefined {
    for (let n = path.length; n > 0; n--) {
      const e = this.entries.get(id(path.slice(0, n)));
      if (e) return e;
    }
    return undefined;
  }

  private record(path: KeyPath, key: Position, value?: Position, overwrite = true): void {
    const k = id(path);
    if (overwrite || !this.entries.has(k)) this.entries.set(k, { key, value });
  }

  /** Dotted keys and headers define their parent tables implicitly, at the place they are written. */
  private recordParents(path: KeyPath, from: number, at: Position): void {
    for (let n = from + 1; n < path.length; n++) this.record(path.slice(0, n), at, undefined, false);
  }

  // ---- character level ----

  private pos(): Position {
    return { line: this.line, col: this.i - this.lineStart + 1 };
  }

  private advance(n = 1): void {
    for (let k = 0; k < n && this.i < this.s.length; k++) {
      if (this.s[this.i] === '\n') {
        this.line++;
        this.lineStart = this.i + 1;
      }
      this.i++;
    }
  }

  private ch(): string | undefined {
    return this.s[this.i];
  }

  private skipSpaces(): void {
    while (this.ch() === ' ' || this.ch() === '\t') this.advance();
  }

  /** Spaces, newlines and comments. */
  private skipTrivia(): void {
    for (;;) {
      this.skipSpaces();
      if (this.ch() === '#') this.skipLine();
      else if (this.ch() === '\n' || this.ch() === '\r') this.advance();
      else return;
    }
  }

  private skipLine(): void {
    while (this.i < this.s.length && this.ch() !== '\n') this.advance();
  }

  // ---- structure ----

  private scanDocument(): void {
    let table: (string | number)[] = [];
    const arrayLengths = new Map<string, number>();
    while (this.i < this.s.length) {
      this.skipTrivia();
      if (this.i >= this.s.length) break;
      const start = this.pos();
      if (this.ch() === '[') {
        const isArray = this.s[this.i + 1] === '[';
        this.advance(isArray ? 2 : 1);
        this.skipSpaces();
        const parts = this.readKey();
        if (parts) table = this.resolveHeader(parts, isArray, arrayLengths, start);
        this.skipLine();
        continue;
      }
      const keyPos = this.pos();
      const parts = this.readKey();
      this.skipSpaces();
      if (!parts || this.ch() !== '=') {
        this.skipLine();
        continue;
      }
      this.advance();
      this.skipSpaces();
      const full = [...table, ...parts];
      this.recordParents(full, table.length, keyPos);
      this.record(full, keyPos, this.pos());
      this.scanValue(full);
      this.skipLine();
    }
  }

  /** Turns `[a.b]` / `[[a.b]]` into a concrete path, indexing into arrays of tables on the way. */
  private resolveHeader(parts: string[], isArray: boolean, lengths: Map<string, number>, at: Position): (string | number)[] {
    const resolved: (string | number)[] = [];
    parts.forEach((part, n) => {
      resolved.push(part);
      const k = id(resolved);
      if (n === parts.length - 1 && isArray) {
        const count = lengths.get(k) ?? 0;
        lengths.set(k, count + 1);
        this.record(resolved, at, undefined, false);
        resolved.push(count);
      } else {
        const count = lengths.get(k);
        if (count !== undefined) resolved.push(count - 1);
        else if (n < parts.length - 1) this.record(resolved, at, undefined, false);
      }
    });
    this.record(resolved, at);
    return resolved;
  }

  /** A dotted key (`a."b.c".'d'`), or undefined if the text here is not a key. */
  private readKey(): string[] | undefined {
    const parts: string[] = [];
    for (;;) {
      const part = this.readKeyPart();
      if (part === undefined) return undefined;
      parts.push(part);
      this.skipSpaces();
      if (this.ch() !== '.') return parts;
      this.advance();
      this.skipSpaces();
    }
  }

  private readKeyPart(): string | undefined {
    const c = this.ch();
    if (c === '"') return this.readBasicString();
    if (c === "'") {
      this.advance();
      const from = this.i;
      while (this.i < this.s.length && this.ch() !== "'" && this.ch() !== '\n') this.advance();
      const text = this.s.slice(from, this.i);
      this.advance();
      return text;
    }
    const from = this.i;
    while (/[A-Za-z0-9_-]/.test(this.ch() ?? '')) this.advance();
    return this.i > from ? this.s.slice(from, this.i) : undefined;
  }

  private readBasicString(): string {
    this.advance();
    let out = '';
    while (this.i < this.s.length && this.ch() !== '"' && this.ch() !== '\n') {
      if (this.ch() === '\\') {
        const e = this.s[this.i + 1] ?? '';
        const width = e === 'u' ? 4 : e === 'U' ? 8 : e === 'x' ? 2 : 0;
        if (width) {
          out += String.fromCodePoint(parseInt(this.s.slice(this.i + 2, this.i + 2 + width), 16) || 0xfffd);
          this.advance(2 + width);
        } else {
          out += ESCAPES[e] ?? e;
          this.advance(2);
        }
      } else {
        out += this.ch();
        this.advance();
      }
    }
    this.advance();
    return out;
  }

  private scanValue(path: KeyPath): void {
    const c = this.ch();
    if (c === '"' || c === "'") return this.skipString(c);
    if (c === '[') return this.scanArray(path);
    if (c === '{') return this.scanInlineTable(path);
    while (this.i < this.s.length && !',]}#\r\n'.includes(this.ch()!)) this.advance();
  }

  private skipString(quote: string): void {
    const triple = quote.repeat(3);
    const escapes = quote === '"';
    if (this.s.startsWith(triple, this.i)) {
      this.advance(3);
      while (this.i < this.s.length) {
        if (escapes && this.ch() === '\\') this.advance(2);
        else if (this.s.startsWith(triple, this.i)) {
          this.advance(3);
          // Up to two quotes may sit right before the closing delimiter.
          for (let extra = 0; extra < 2 && this.ch() === quote; extra++) this.advance();
          return;
        } else this.advance();
      }
      return;
    }
    this.advance();
    while (this.i < this.s.length && this.ch() !== quote && this.ch() !== '\n') this.advance(escapes && this.ch() === '\\' ? 2 : 1);
    this.advance();
  }

  private scanArray(path: KeyPath): void {
    this.advance();
    for (let index = 0; ; index++) {
      this.skipTrivia();
      if (this.i >= this.s.length) return;
      if (this.ch() === ']') return this.advance();
      const at = this.pos();
      const element = [...path, index];
      this.record(element, at, at);
      const before = this.i;
      this.scanValue(element);
      this.skipTrivia();
      if (this.ch() === ',') this.advance();
      else if (this.ch() === ']') return this.advance();
      else if (this.i === before) return; // malformed; never loop without progress
    }
  }

  private scanInlineTable(path: KeyPath): void {
    this.advance();
    for (;;) {
      this.skipTrivia();
      if (this.i >= this.s.length) return;
      if (this.ch() === '}') return this.advance();
      const at = this.pos();
      const parts = this.readKey();
      this.skipSpaces();
      if (!parts || this.ch() !== '=') return;
      this.advance();
      this.skipSpaces();
      const full = [...path, ...parts];
      this.recordParents(full, path.length, at);
      this.record(full, at, this.pos());
      this.scanValue(full);
      this.skipTrivia();
      if (this.ch() === ',') this.advance();
      else if (this.ch() === '}') return this.advance();
      else return;
    }
  }
}
