/**
 * Typed reading of a parsed TOML document with located errors and warnings. Integers come back
 * from smol-toml as bigint so that `43` and `43.0` stay distinguishable; this is where they turn into
 * numbers. Positions are computed lazily: a valid file without warnings never pays for the scan.
 */
import { parse, TomlError } from 'smol-toml';
import type { Location, Warning } from '../errors.js';
import { ConfigMissingKeyError, ConfigSyntaxError, ConfigTypeError, ConfigValueError } from './errors.js';
import { closest } from '../text/suggest.js';
import { pathText, TomlPositions, type KeyPath } from './toml-positions.js';

export type TomlTable = Record<string, unknown>;

/** Hints for smol-toml's messages, in the order tried: what to write instead. */
const SYNTAX_HINTS: Array<[RegExp, string]> = [
  [/redefine/, 'each [section] and key may appear only once: merge the two, or give the second one another name'],
  [/unsafe property/, 'keys named `__proto__` or `constructor` are not accepted: rename the key'],
  [/escape/, 'inside "…" a backslash starts an escape: write \\\\ for a backslash, or use a \'…\' literal string (handy for Windows paths)'],
  [/unfinished string|control characters are not allowed in strings/, 'close the string with its quote on the same line; use """…""" for text over several lines'],
  [/unfinished array|expected comma/, 'separate the items with commas and close the array with ], e.g. args = ["s32:1", "s32:2"]'],
  [/illegal character in key|end of key|empty bare key/, 'quote keys that contain anything but letters, digits, - and _, e.g. "wasi:http" = "0.2.0"'],
  [/end-of-line/, 'put each key = value on its own line; a comment starts with #'],
  [/invalid value/, 'quote text values ("rust"), write booleans as true/false and lists as ["a", "b"]'],
];

/** Section headers fail in two usual ways, whatever smol-toml's message: unclosed, or an unquoted ":". */
function headerHint(line: string): string | undefined {
  const t = line.trim();
  if (!t.startsWith('[')) return undefined;
  if (!/\]\s*(#.*)?$/.test(t)) return 'close the section header with ] (or ]] for [[component]] and [[test]])';
  // Upstream writes `[dependencies.acme:calc]` itself, which TOML rejects.
  if (/^\[[^\]"']*:/.test(t)) return 'quote section names that contain ":" — e.g. [dependencies."acme:calc"]';
  return undefined;
}

/** Floats keep a decimal point so that `2.0` stays a float and does not read as the integer 2. */
export function floatText(n: number): string {
  if (Number.isNaN(n)) return 'nan';
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : '-inf';
  const s = String(n);
  return /^-?\d+$/.test(s) ? `${s}.0` : s;
}

/** The value kind as a user would name it, with the value for short scalars. */
function describeValue(v: unknown): string {
  if (typeof v === 'string') return `a string (${JSON.stringify(v.length > 40 ? `${v.slice(0, 37)}...` : v)})`;
  if (typeof v === 'bigint') return `an integer (${v})`;
  if (typeof v === 'number') return `a float (${floatText(v)})`;
  if (typeof v === 'boolean') return `a boolean (${v})`;
  if (Array.isArray(v)) return 'an array';
  if (v instanceof Date) return 'a date-time';
  return 'a table';
}

export function isTable(v: unknown): v is TomlTable {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

/** TOML text of a key as written in an assignment: bare when possible, else quoted. */
function keyText(key: string): string {
  return /^[A-Za-z0-9_-]+$/.test(key) ? key : JSON.stringify(key);
}

export class TomlReader {
  readonly root: TomlTable;
  readonly warnings: Warning[] = [];
  private positions: TomlPositions | undefined;

  constructor(
    readonly text: string,
    readonly file: string,
  ) {
    try {
      this.root = parse(text, { integersAsBigInt: true, unsafeKeyBehaviour: 'throw' }) as TomlTable;
    } catch (err) {
      if (!(err instanceof TomlError)) throw err;
      const message = err.message.split('\n')[0]!.replace(/^Invalid TOML document: /, '');
      const hint =
        headerHint(text.split('\n')[err.line - 1] ?? '') ??
        SYNTAX_HINTS.find(([re]) => re.test(message))?.[1] ??
        'see https://toml.io/en/v1.0.0 for the syntax';
      throw new ConfigSyntaxError(`invalid TOML: ${message}`, {
        location: { file, line: err.line, col: err.column },
        hint,
      });
    }
  }

  /** Where `path` is written: its key (or header), or its value. */
  location(path: KeyPath, part: 'key' | 'value' = 'value'): Location {
    if (path.length === 0) return { file: this.file };
    this.positions ??= new TomlPositions(this.text);
    const p = part === 'key' ? this.positions.key(path) : this.positions.value(path);
    return p ? { file: this.file, line: p.line, col: p.col } : { file: this.file };
  }

  section(path: KeyPath, table: TomlTable): Section {
    return new Section(this, path, table);
  }

  warn(path: KeyPath, message: string): void {
    this.warnings.push({ message, location: this.location(path, 'key') });
  }

  typeError(path: KeyPath, expected: string, found: unknown, hint: string): ConfigTypeError {
    return new ConfigTypeError(`\`${pathText(path)}\`: expected ${expected}, found ${describeValue(found)}`, {
      location: this.location(path),
      hint,
    });
  }

  valueError(path: KeyPath, message: string, hint: string, part: 'key' | 'value' = 'value'): ConfigValueError {
    return new ConfigValueError(message, { location: this.location(path, part), hint });
  }

  missing(tablePath: KeyPath, key: string, hint: string): ConfigMissingKeyError {
    const where = tablePath.length ? `in [${pathText(tablePath)}]` : 'at the top level';
    return new ConfigMissingKeyError(`missing \`${key}\` ${where}`, { location: this.location(tablePath, 'key'), hint });
  }
}

/** One table of the document, read key by key with type checks. */
export class Section {
  constructor(
    readonly reader: TomlReader,
    readonly path: KeyPath,
    readonly table: TomlTable,
  ) {}

  at(key: string | number): KeyPath {
    return [...this.path, key];
  }

  location(key?: string, part: 'key' | 'value' = 'value'): Location {
    return this.reader.location(key === undefined ? this.path : this.at(key), part);
  }

  private typeError(key: string, expected: string, example: string): ConfigTypeError {
    return this.reader.typeError(this.at(key), expected, this.table[key], `write ${keyText(key)} = ${example}`);
  }

  string(key: string, example = '"…"'): string | undefined {
    const v = this.table[key];
    if (v === undefined || typeof v === 'string') return v;
    throw this.typeError(key, 'a string', example);
  }

  requiredString(key: string, example: string): string {
    const v = this.string(key, example);
    if (v === undefined) throw this.reader.missing(this.path, key, `add ${keyText(key)} = ${example}`);
    return v;
  }

  bool(key: string): boolean | undefined {
    const v = this.table[key];
    if (v === undefined || typeof v === 'boolean') return v;
    throw this.typeError(key, 'a boolean', 'true (or false, without quotes)');
  }

  /** A whole number in [min, max]; `example` shows the unquoted form in the hint. */
  integer(key: string, min: number, max: number, example: string): number | undefined {
    const v = this.table[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'bigint') throw this.typeError(key, 'an integer', `${example} (a whole number, without quotes)`);
    if (v < BigInt(min) || v > BigInt(max)) {
      throw this.reader.valueError(this.at(key), `\`${pathText(this.at(key))}\` = ${v} is out of range`, `use a whole number from ${min} to ${max}`);
    }
    return Number(v);
  }

  stringArray(key: string, example = '["…"]'): string[] | undefined {
    const v = this.table[key];
    if (v === undefined) return undefined;
    if (!Array.isArray(v)) throw this.typeError(key, 'an array of strings', example);
    v.forEach((item, n) => {
      if (typeof item !== 'string') {
        throw this.reader.typeError(this.at(key).concat(n), 'a string', item, `quote every item: ${keyText(key)} = ${example}`);
      }
    });
    return v as string[];
  }

  /** A sub-table (written as [path.key] or key = { … }). */
  section(key: string, example = '{ … }'): Section | undefined {
    const v = this.table[key];
    if (v === undefined) return undefined;
    if (!isTable(v)) throw this.typeError(key, 'a table', `${example} (or a [${pathText(this.at(key))}] section)`);
    return new Section(this.reader, this.at(key), v);
  }

  /** A table whose values are all strings (environment variables, import links). */
  stringMap(key: string, example: string): Record<string, string> | undefined {
    const s = this.section(key, example);
    if (!s) return undefined;
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(s.table)) {
      if (typeof v !== 'string') throw s.typeError(k, 'a string', '"…"');
      out[k] = v;
    }
    return out;
  }

  /** Warns once per key this reader does not know, suggesting the closest known one. */
  warnUnknownKeys(known: readonly string[], ignoredNote = 'it is ignored'): void {
    for (const key of Object.keys(this.table)) {
      if (known.includes(key)) continue;
      const near = closest(key, known);
      const where = this.path.length ? `in [${pathText(this.path)}]` : 'at the top level';
      this.reader.warn(this.at(key), `unknown key \`${key}\` ${where}; ${ignoredNote}${near ? ` (did you mean \`${near}\`?)` : ''}`);
    }
  }
}
