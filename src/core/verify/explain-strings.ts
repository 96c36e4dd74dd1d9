/**
 * String pools (`.debug_str`, `.debug_line_str`, or any custom section that is a sequence of
 * NUL-terminated text) compared as multisets of strings rather than byte by byte. LLVM lays a pool
 * out in hash order, so when a build directory name differs the strings come out in another order
 * and position-by-position comparison sees noise; as multisets, the difference is the one string
 * (or few) holding the path.
 */
import { itemRegions, latin1 } from './explain-bytes.js';
import { classifyRegion, dataView, type ClassifyOptions } from './explain-classify.js';

export interface PoolString {
  text: string;
  /** Offset of the string in the pool. */
  offset: number;
}

export type PoolDiff =
  /** The same strings in another order. */
  | { kind: 'reordered'; strings: number }
  /** The strings present on one side only pair up as paths that differ (sorted, pair by pair). */
  | { kind: 'paths'; strings: number; pairs: number; first: { a: PoolString; b: PoolString; text: { a: string; b: string } } };

/** Text bytes: printable ASCII, tab, newline, or UTF-8 beyond ASCII. */
const textByte = (c: number) => (c >= 0x20 && c !== 0x7f) || c === 0x09 || c === 0x0a;

/** The strings of `payload` if it is a string pool: NUL-terminated text, at least one string not empty. */
export function poolStrings(payload: Uint8Array): PoolString[] | undefined {
  if (payload.length === 0 || payload[payload.length - 1] !== 0) return undefined;
  let text = false;
  for (const c of payload) {
    if (c === 0) continue;
    if (!textByte(c)) return undefined;
    text = true;
  }
  if (!text) return undefined;
  const out: PoolString[] = [];
  let start = 0;
  for (let i = 0; i < payload.length; i++) {
    if (payload[i] !== 0) continue;
    out.push({ text: latin1(payload, start, i), offset: start });
    start = i + 1;
  }
  return out;
}

/** The strings of `a` not matched by an equal string of `b` (with multiplicity), sorted. */
function oneSided(a: PoolString[], b: PoolString[]): PoolString[] {
  const counts = new Map<string, number>();
  for (const s of b) counts.set(s.text, (counts.get(s.text) ?? 0) + 1);
  const out: PoolString[] = [];
  for (const s of a) {
    const n = counts.get(s.text) ?? 0;
    if (n > 0) counts.set(s.text, n - 1);
    else out.push(s);
  }
  return out.sort((x, y) => (x.text < y.text ? -1 : x.text > y.text ? 1 : 0));
}

/**
 * `strings` less those that are a proper suffix of a string of `pool`: the linker stores a string
 * that is the tail of another inside it ("u" inside "/tmp/fixture-u"), so whether it appears by
 * itself depends on the other strings, such as how a build directory's name ends.
 */
function notTails(strings: PoolString[], pool: PoolString[]): PoolString[] {
  return strings.filter((s) => !pool.some((p) => p.text.length > s.text.length && p.text.endsWith(s.text)));
}

/** The path that differs between two strings, if every difference between them lies inside a path. */
function pathPair(a: string, b: string, opts: ClassifyOptions): { a: string; b: string } | undefined {
  const ba = Buffer.from(a, 'latin1');
  const bb = Buffer.from(b, 'latin1');
  const va = dataView(ba);
  const vb = dataView(bb);
  let text: { a: string; b: string } | undefined;
  let ok = true;
  itemRegions(ba, bb, (r) => {
    if (!ok) return;
    const c = classifyRegion(ba, bb, va, vb, r, opts);
    if (c.cls !== 'build-path') ok = false;
    else text ??= c.text;
  });
  return ok ? text : undefined;
}

/**
 * How two differing pools differ, when it is only in order or only in paths: as many strings on
 * one side only as on the other, each pairing (in sorted order) with one whose every difference is
 * inside a path, once strings merged into another's tail on one side are set aside. Anything else is undefined: the caller compares the bytes as before.
 */
export function comparePools(a: PoolString[], b: PoolString[], opts: ClassifyOptions): PoolDiff | undefined {
  const onlyA = notTails(oneSided(a, b), b);
  const onlyB = notTails(oneSided(b, a), a);
  if (onlyA.length === 0 && onlyB.length === 0) return { kind: 'reordered', strings: a.length };
  if (onlyA.length !== onlyB.length) return undefined;
  let first: { a: string; b: string } | undefined;
  for (let i = 0; i < onlyA.length; i++) {
    const text = pathPair(onlyA[i]!.text, onlyB[i]!.text, { ...opts, aligned: false });
    if (!text) return undefined;
    first ??= text;
  }
  return { kind: 'paths', strings: a.length, pairs: onlyA.length, first: { a: onlyA[0]!, b: onlyB[0]!, text: first! } };
}
