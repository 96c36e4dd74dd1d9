/**
 * What one differing region of data or custom-section bytes looks like: an embedded build path, a
 * timestamp, or neither. The heuristics are deliberately strict, because a pre-initialisation
 * snapshot differs in tens of thousands of places and a loose rule would find "timestamps" in
 * ordinary heap words:
 *
 * - build path: the differing bytes are printable on both sides and lie inside an absolute path of
 *   at least two components (`/tmp/…`, `/home/…`, `/build/…`) or a Windows path (`C:\…`), on both
 *   sides; or, when the region runs on into other bytes, its first byte does (a path whose length
 *   changed shifts whatever follows it) — or, on a side where that byte ends the text, the byte
 *   before it (one path is the other plus more components: `/tmp/a` vs `/tmp/a-longer/b`).
 * - timestamp, textual: inside an ISO 8601 date, a 10- or 13-digit Unix time (years 2000–2100),
 *   or C's `__DATE__` (`Nov 26 2026`) / `__TIME__` (`14:03:59`), on both sides.
 * - timestamp, binary: a little-endian 64-bit integer (seconds or milliseconds) or double covering
 *   the differing bytes, both sides between 2017 (WebAssembly 1.0; nothing older builds wasm) and
 *   a day from now (a build cannot stamp its future), and at most `maxSkewSeconds` apart (by
 *   default a day: two builds being compared are made close in time). Both bounds are tighter than
 *   for text because random 32-bit heap words of a snapshot passed the looser 2000–2100 window,
 *   seen on two componentize-js builds; widen the skew to compare with an old artifact. A lone 32-bit
 *   word is accepted only when the next 4 bytes are zero on both sides (an i64 `time_t`, or a u32
 *   followed by padding): in heap data, the high word of a double or four ASCII letters would
 *   otherwise pass as a date.
 */
import { allPrintable, latin1, printable, printableRun, type Region } from './explain-bytes.js';

export type RegionClass = 'build-path' | 'timestamp' | 'other';

export interface Classified {
  cls: RegionClass;
  /** The path or timestamp as it reads on each side. */
  text?: { a: string; b: string };
}

const TEXT_MIN = Date.UTC(2000, 0, 1) / 1000;
const TEXT_MAX = Date.UTC(2100, 0, 1) / 1000;
const BINARY_MIN = Date.UTC(2017, 0, 1) / 1000;

export interface ClassifyOptions {
  /** Positions are memory addresses: binary values must be naturally aligned (8 bytes), as compilers and engines lay them out. */
  aligned: boolean;
  maxSkewSeconds: number;
}

export const DEFAULT_SKEW_SECONDS = 86400;

/** Absolute paths: POSIX with ≥ 2 components (not inside a URL or a MIME type), Windows drive or UNC. */
const PATH_PATTERNS: readonly RegExp[] = [
  /(?<![A-Za-z0-9:/._-])\/[A-Za-z0-9._+@~-]+(?:\/[A-Za-z0-9._+@~-]*)+/g,
  /(?<![A-Za-z0-9])[A-Za-z]:\\[^\s"'<>|*?\0]*/g,
  /\\\\[A-Za-z0-9._-]+\\[^\s"'<>|*?\0]*/g,
];

const isTimeOfDay = (s: string) => {
  const [h, m, sec] = s.split(':').map(Number);
  return h! < 24 && m! < 60 && sec! < 61;
};
const plausible = (seconds: number) => seconds >= TEXT_MIN && seconds < TEXT_MAX;

/** Textual timestamps: the pattern and whether a match is a plausible build time. */
const TEXT_TIMESTAMPS: ReadonlyArray<{ re: RegExp; valid: (s: string) => boolean }> = [
  { re: /\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?/g, valid: (s) => plausible(Date.parse(s) / 1000) },
  { re: /(?<!\d)\d{13}(?!\d)/g, valid: (s) => plausible(Number(s) / 1000) },
  { re: /(?<!\d)\d{10}(?!\d)/g, valid: (s) => plausible(Number(s)) },
  { re: /(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \d]\d \d{4}/g, valid: (s) => plausible(Date.parse(`${s} UTC`) / 1000) },
  { re: /(?<!\d)\d{2}:\d{2}:\d{2}(?!\d)/g, valid: isTimeOfDay },
];

/** The match of one of `patterns` that covers [start, end) of `bytes`, if any. */
function matchAround(bytes: Uint8Array, start: number, end: number, patterns: ReadonlyArray<{ re: RegExp; valid?: (s: string) => boolean }>): string | undefined {
  const [from, to] = printableRun(bytes, start, end);
  const text = latin1(bytes, from, to);
  for (const { re, valid } of patterns) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const s = from + m.index;
      if (s <= start && end <= s + m[0].length && (!valid || valid(m[0]))) return m[0];
      if (s > end) break;
    }
  }
  return undefined;
}

const PATHS = PATH_PATTERNS.map((re) => ({ re }));

function u64(v: DataView, p: number): number | undefined {
  const hi = v.getUint32(p + 4, true);
  return hi < 0x200000 ? hi * 2 ** 32 + v.getUint32(p, true) : undefined;
}

/** Seconds since the epoch if `x` reads as a plausible Unix time in seconds or milliseconds. */
function asSeconds(x: number | undefined, max: number): number | undefined {
  if (x === undefined || !Number.isInteger(x)) return undefined;
  if (x >= BINARY_MIN && x < max) return x;
  if (x >= BINARY_MIN * 1000 && x < max * 1000) return x / 1000;
  return undefined;
}

function describeTime(seconds: number, raw: number): string {
  return `${raw} (${new Date(seconds * 1000).toISOString().replace('.000Z', 'Z')})`;
}

function binaryTimestamp(va: DataView, vb: DataView, r: Region, opts: ClassifyOptions): Classified | undefined {
  const len = r.endA - r.startA;
  if (len !== r.endB - r.startB || len > 8 || r.startA !== r.startB) return undefined;
  const limit = Math.min(va.byteLength, vb.byteLength) - 8;
  const step = opts.aligned ? 8 : 1;
  const max = Date.now() / 1000 + 86400;
  for (let p = Math.ceil(Math.max(0, r.endA - 8) / step) * step; p <= r.startA && p <= limit; p += step) {
    for (const read of [u64, (v: DataView, q: number) => v.getFloat64(q, true)]) {
      const ra = read(va, p);
      const rb = read(vb, p);
      const sa = asSeconds(ra, max);
      const sb = asSeconds(rb, max);
      if (sa !== undefined && sb !== undefined && Math.abs(sa - sb) <= opts.maxSkewSeconds) {
        return { cls: 'timestamp', text: { a: describeTime(sa, ra!), b: describeTime(sb, rb!) } };
      }
    }
  }
  return undefined;
}

/** Where a path that differs from `start` on can be found: that byte, or the last one before it when the text ends there. */
function pathAnchor(bytes: Uint8Array, start: number): number | undefined {
  if (printable(bytes[start]!)) return start;
  return start > 0 && printable(bytes[start - 1]!) ? start - 1 : undefined;
}

/** Classifies one differing region of `a` against `b` (views `va`/`vb` over the same bytes). */
export function classifyRegion(a: Uint8Array, b: Uint8Array, va: DataView, vb: DataView, r: Region, opts: ClassifyOptions): Classified {
  if (allPrintable(a, r.startA, r.endA) && allPrintable(b, r.startB, r.endB)) {
    const pa = matchAround(a, r.startA, r.endA, PATHS);
    const pb = pa === undefined ? undefined : matchAround(b, r.startB, r.endB, PATHS);
    if (pa !== undefined && pb !== undefined) return { cls: 'build-path', text: { a: pa, b: pb } };
    const ta = matchAround(a, r.startA, r.endA, TEXT_TIMESTAMPS);
    const tb = ta === undefined ? undefined : matchAround(b, r.startB, r.endB, TEXT_TIMESTAMPS);
    if (ta !== undefined && tb !== undefined) return { cls: 'timestamp', text: { a: ta, b: tb } };
  } else if (r.endA > r.startA && r.endB > r.startB) {
    const at = pathAnchor(a, r.startA);
    const bt = pathAnchor(b, r.startB);
    const pa = at === undefined || bt === undefined ? undefined : matchAround(a, at, at + 1, PATHS);
    const pb = pa === undefined ? undefined : matchAround(b, bt!, bt! + 1, PATHS);
    if (pa !== undefined && pb !== undefined && pa !== pb) return { cls: 'build-path', text: { a: pa, b: pb } };
  }
  return binaryTimestamp(va, vb, r, opts) ?? { cls: 'other' };
}

export function dataView(a: Uint8Array): DataView {
  return new DataView(a.buffer, a.byteOffset, a.length);
}
