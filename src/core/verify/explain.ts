/**
 * Explains why two builds of a module or component differ, from their structure: both binaries
 * are read (nested modules and components included), their entries matched (by name where they
 * have one, else by content and position), and every difference classified:
 *
 * - ordering-only: the same entries in a different order (or memory split into segments differently);
 * - build-path / timestamp: differing bytes of data or custom sections read as an absolute path or a
 *   build time on both sides (rules in explain-classify.ts); a custom section that is a string pool
 *   (`.debug_str`, …) is compared as a multiset of strings (explain-strings.ts), because LLVM orders
 *   it by hash and a different directory name reorders it;
 * - snapshot-data: other initial-memory differences in a module whose code is identical (a wizer
 *   pre-initialisation snapshot, as componentize-js makes); with the code also changed, they count as
 *   code-change;
 * - toolchain-version: the producers section differs;
 * - layout: only the initial values of a module's globals differ while its code is identical (the
 *   stack pointer or heap base moved because data changed size), or other `.debug_*` sections differ
 *   in a module whose only other differences are string pools that differ in order or paths (they
 *   hold offsets into the pool): a consequence of another difference;
 * - code-change: a function body differs (named from the `name` section);
 * - structure: anything else (types, imports, exports, instances, sections added or removed).
 *
 * The headline is the most severe cause found; every cause found is listed.
 */
import { readWasm, type Section, type WasmBinary } from '../wasm/reader.js';
import { producerValues } from '../wasm/custom.js';
import { align, movedPairs } from './explain-align.js';
import { alignedRegions, commonPrefix, CONTEXT, hex, itemRegions, sameBytes, type Region } from './explain-bytes.js';
import { classifyRegion, dataView, DEFAULT_SKEW_SECONDS, type Classified, type ClassifyOptions, type RegionClass } from './explain-classify.js';
import { binaryEntries, codeEntries, fieldEntries, globalSignature, segmentEntries, type Entry, type Role } from './explain-entries.js';
import { buildImage, imageLength, memoryLayout, segmentFinder, type Segment } from './explain-memory.js';
import { comparePools, poolStrings, type PoolDiff } from './explain-strings.js';

export type Cause = 'identical' | 'ordering-only' | 'layout' | 'build-path' | 'timestamp' | 'snapshot-data' | 'toolchain-version' | 'code-change' | 'structure';
export type DifferenceCause = Exclude<Cause, 'identical'>;

/** Most severe first: the headline is the first cause found in this order. */
export const CAUSES: ReadonlyArray<{ cause: DifferenceCause; title: string; advice: string }> = [
  { cause: 'code-change', title: 'function code differs', advice: 'the code itself changed: different source, flags or compiler' },
  { cause: 'structure', title: 'the structure differs', advice: 'types, imports, exports or sections differ: the interface or layout changed' },
  {
    cause: 'snapshot-data',
    title: 'only initialised data differs, the code is identical',
    advice: 'typical of a pre-initialisation snapshot (wizer, as used by componentize-js) capturing build-time state; such builds are not byte-reproducible, so compare behaviour instead',
  },
  {
    cause: 'build-path',
    title: 'an embedded build path differs',
    advice: 'build in a fixed directory or remap it (Rust --remap-path-prefix or trim-paths, Go -trimpath, C -ffile-prefix-map=$PWD=.)',
  },
  { cause: 'timestamp', title: 'an embedded timestamp differs', advice: 'pin the build time with SOURCE_DATE_EPOCH, or drop __DATE__/__TIME__ and build-time stamps' },
  { cause: 'toolchain-version', title: 'the toolchain versions differ (producers section)', advice: 'pin the toolchains in run.lock.toml' },
  {
    cause: 'layout',
    title: "only addresses moved: the globals' initial values (stack pointer, heap base) or offsets into a debug string pool differ",
    advice: 'a consequence of data that changed size or strings that moved: fix the other difference and this one goes with it',
  },
  { cause: 'ordering-only', title: 'the same content in a different order', advice: 'semantically the same; the producing tool iterates an unordered collection (see producers)' },
];

export interface Span {
  offset: number;
  size: number;
}

export interface HexContext {
  /** Offset of the first byte shown: in the file, or a memory address (see `space`). */
  start: number;
  /** Offset of the first differing byte, in the same space. */
  at: number;
  hex: string;
}

export interface DiffItem {
  /** Where, e.g. `component/module[0]/code/func "add"` or `component/module[0]/data[3]`. */
  path: string;
  change: 'changed' | 'added' | 'removed' | 'reordered';
  cause: DifferenceCause;
  detail: string;
  /** The differing entity in each binary (absolute file offsets). */
  a?: Span;
  b?: Span;
  /** Absolute file offsets of the first differing byte, where there is one on that side. */
  firstDifference?: { a?: number; b?: number };
  /** ±16 bytes around the first difference; `memory` when the bytes are initial linear memory. */
  context?: { space: 'file' | 'memory'; a: HexContext; b: HexContext };
  /** Decoded text of the difference: a path, a timestamp, producer versions. */
  text?: { a: string; b: string };
  /** Linear-memory address of the first difference (data segments). */
  address?: number;
  /** How many differences of this kind the item stands for. */
  count?: number;
}

export interface Explanation {
  identical: boolean;
  /** The most severe cause found. */
  cause: Cause;
  /** Every cause found, most severe first. */
  causes: DifferenceCause[];
  /** Items found per cause (before `maxItems` applies). */
  counts: Partial<Record<DifferenceCause, number>>;
  summary: string;
  /** What to do about the headline cause. */
  advice?: string;
  sizes: { a: number; b: number };
  /** Differences, most severe cause first, then in file order. */
  items: DiffItem[];
  /** Items left out beyond `maxItems`. */
  omitted: number;
}

export interface ExplainOptions {
  /** Names of the two inputs (file paths) for error messages. */
  labels?: [string, string];
  /** Items kept in the explanation (default 20). */
  maxItems?: number;
  /** How far apart two binary timestamps may be (default a day; widen to compare with an old artifact). */
  timestampSkewSeconds?: number;
}

interface ModuleContext {
  codeIdentical: boolean;
  /** Custom sections of a compared as string pools (undefined: not a pool, or differing otherwise). */
  pools: Map<Section, PoolDiff | undefined>;
  /** Every difference of the module is in a string pool that differs in order or paths only, or in a `.debug_*` section. */
  debugDerived: boolean;
}

/** Advice for causes found together, where the second may explain the first. */
const TOGETHER: ReadonlyArray<{ causes: [DifferenceCause, DifferenceCause]; advice: string }> = [
  {
    causes: ['code-change', 'build-path'],
    advice: 'an embedded path differs too: if its length changed, it moved data that the code addresses, so fix the path first',
  },
];

/** How a difference in an entry of each role is explained when its bytes say nothing more. */
const ROLE_CAUSE: Record<Role, (ctx: ModuleContext) => DifferenceCause> = {
  nested: () => 'structure',
  code: () => 'code-change',
  func: () => 'code-change',
  data: (ctx) => (ctx.codeIdentical ? 'snapshot-data' : 'code-change'),
  segment: (ctx) => (ctx.codeIdentical ? 'snapshot-data' : 'code-change'),
  fields: () => 'toolchain-version',
  field: () => 'toolchain-version',
  custom: () => 'structure',
  globals: (ctx) => (ctx.codeIdentical ? 'layout' : 'code-change'),
  opaque: () => 'structure',
};

/** Leaf roles whose differing bytes are searched for paths and timestamps (custom sections too, see `custom`). */
const SCANNED: ReadonlySet<Role> = new Set(['segment']);

const EVERY_CLASS: ReadonlySet<RegionClass> = new Set(['build-path', 'timestamp']);
/** In a `.debug_*` section whose differences are pool offsets, 8 bytes of adjacent offsets can read as a time. */
const PATHS_ONLY: ReadonlySet<RegionClass> = new Set(['build-path']);

export function explainDifference(a: Uint8Array, b: Uint8Array, opts: ExplainOptions = {}): Explanation {
  const sizes = { a: a.length, b: b.length };
  if (sameBytes(a, b)) {
    return { identical: true, cause: 'identical', causes: [], counts: {}, summary: 'The two binaries are byte-identical.', sizes, items: [], omitted: 0 };
  }
  const ta = readWasm(a, opts.labels ? { file: opts.labels[0] } : {});
  const tb = readWasm(b, opts.labels ? { file: opts.labels[1] } : {});
  const walker = new Walker(opts.timestampSkewSeconds ?? DEFAULT_SKEW_SECONDS);
  walker.binary(ta, tb, ta.layer);
  if (walker.items.length === 0) walker.fallback(ta.layer, a, b, 0, 0, 'structure', 'the binaries differ outside any entry (header or framing)');

  const rank = (c: DifferenceCause) => CAUSES.findIndex((x) => x.cause === c);
  const sorted = walker.items.map((item, n) => ({ item, n })).sort((x, y) => rank(x.item.cause) - rank(y.item.cause) || x.n - y.n).map((x) => x.item);
  const counts: Partial<Record<DifferenceCause, number>> = {};
  for (const i of sorted) counts[i.cause] = (counts[i.cause] ?? 0) + 1;
  const causes = CAUSES.map((c) => c.cause).filter((c) => counts[c] !== undefined);
  const head = CAUSES[rank(causes[0]!)]!;
  const first = sorted[0]!;
  const n = (c: DifferenceCause) => (counts[c]! > 1 ? ` (${counts[c]} differences)` : '');
  const also = causes.length > 1 ? `; also ${causes.slice(1).map((c) => `${c}${n(c)}`).join(', ')}` : '';
  const max = opts.maxItems ?? 20;
  return {
    identical: false,
    cause: head.cause,
    causes,
    counts,
    summary: `${head.cause}: ${head.title}${n(head.cause)} — ${first.path}: ${first.change === 'changed' ? '' : `${first.change}, `}${first.detail}${also}.`,
    advice: [head.advice, ...TOGETHER.filter((t) => t.causes.every((c) => counts[c] !== undefined)).map((t) => t.advice)].join('; '),
    sizes,
    items: sorted.slice(0, max),
    omitted: Math.max(0, sorted.length - max),
  };
}

class Walker {
  readonly items: DiffItem[] = [];

  /** @param skew how far apart binary timestamps may be, in seconds */
  constructor(readonly skew: number) {}

  binary(a: WasmBinary, b: WasmBinary, path: string): void {
    if (sameBytes(a.bytes, b.bytes)) return;
    if (a.layer !== b.layer) {
      this.items.push({ path, change: 'changed', cause: 'structure', detail: `a is a core ${a.layer}, b is a ${b.layer}`, a: span(a.offset, a.bytes), b: span(b.offset, b.bytes) });
      return;
    }
    const code = (m: WasmBinary) => (m.layer === 'module' ? m.sections.find((s) => s.kind === 'code') : undefined);
    const ca = code(a);
    const cb = code(b);
    const ctx = { codeIdentical: ca && cb ? sameBytes(ca.bytes, cb.bytes) : ca === cb, ...this.stringPools(a, b) };
    const before = this.items.length;
    this.entries(binaryEntries(a), binaryEntries(b), path, ctx, a, b);
    if (this.items.length === before) this.fallback(path, a.bytes, b.bytes, a.offset, b.offset, 'structure', 'same entries, encoded differently (section framing)');
  }

  private poolDiff(x: Section, y: Section): PoolDiff | undefined {
    const pa = poolStrings(x.payload);
    const pb = pa && poolStrings(y.payload);
    return pa && pb ? comparePools(pa, pb, { aligned: false, maxSkewSeconds: this.skew }) : undefined;
  }

  /** A module's string pools, compared section by section when both have the same sections in the same order. */
  private stringPools(a: WasmBinary, b: WasmBinary): Pick<ModuleContext, 'pools' | 'debugDerived'> {
    const pools = new Map<Section, PoolDiff | undefined>();
    if (a.layer !== 'module' || a.sections.length !== b.sections.length) return { pools, debugDerived: false };
    let derived = true;
    a.sections.forEach((x, i) => {
      const y = b.sections[i]!;
      if (x.id !== y.id || x.name !== y.name) derived = false;
      else if (x.id === 0 && !sameBytes(x.payload, y.payload)) {
        const diff = this.poolDiff(x, y);
        pools.set(x, diff);
        if (!diff && !x.name!.startsWith('.debug_')) derived = false;
      } else if (!sameBytes(x.payload, y.payload)) derived = false;
    });
    return { pools, debugDerived: derived && [...pools.values()].some((d) => d !== undefined) };
  }

  private entries(ea: Entry[], eb: Entry[], path: string, ctx: ModuleContext, ma: WasmBinary, mb: WasmBinary): void {
    const { pairs, onlyA, onlyB } = align(ea, eb);
    for (const i of onlyA) this.presence(ea[i]!, 'removed', path, ctx, 'a');
    for (const j of onlyB) this.presence(eb[j]!, 'added', path, ctx, 'b');
    for (const [i, j] of pairs) {
      const x = ea[i]!;
      const y = eb[j]!;
      if (!sameBytes(x.bytes, y.bytes)) this.changed(x, y, path, ctx, ma, mb);
    }
    const moved = movedPairs(pairs);
    if (moved.length > 0) {
      const names = moved.slice(0, 5).map(([i, j]) => `${ea[i]!.label} (#${i} → #${j})`);
      this.items.push({
        path,
        change: 'reordered',
        cause: 'ordering-only',
        detail: `${moved.length} of ${pairs.length} entries are in a different order: ${names.join(', ')}${moved.length > 5 ? ', …' : ''}`,
        count: moved.length,
      });
    }
  }

  private presence(e: Entry, change: 'added' | 'removed', path: string, ctx: ModuleContext, side: 'a' | 'b'): void {
    this.items.push({
      path: `${path}/${e.label}`,
      change,
      cause: ROLE_CAUSE[e.role](ctx),
      detail: `only in ${side} (${e.bytes.length} bytes)`,
      [side]: span(e.offset, e.bytes),
    });
  }

  private changed(x: Entry, y: Entry, path: string, ctx: ModuleContext, ma: WasmBinary, mb: WasmBinary): void {
    const at = x.label === y.label ? `${path}/${x.label}` : `${path}/${x.label} (b: ${y.label})`;
    const before = this.items.length;
    switch (x.role) {
      case 'nested':
        this.binary(x.section!.nested!, y.section!.nested!, at);
        return;
      case 'code':
        this.entries(codeEntries(ma, x.section!), codeEntries(mb, y.section!), path, ctx, ma, mb);
        break;
      case 'fields':
        this.entries(fieldEntries(x.section!), fieldEntries(y.section!), path, ctx, ma, mb);
        break;
      case 'data':
        this.data(x, y, path, ctx, ma, mb);
        break;
      case 'globals':
        // The same globals with other initial values moved; globals added, removed or retyped are structure.
        this.leaf(at, x, y, globalSignature(x.bytes) !== undefined && globalSignature(x.bytes) === globalSignature(y.bytes) ? ROLE_CAUSE.globals(ctx) : 'structure');
        return;
      case 'custom':
        this.custom(at, x, y, ctx);
        return;
      default:
        if (SCANNED.has(x.role)) this.regions(at, x, y, ROLE_CAUSE[x.role](ctx));
        else this.leaf(at, x, y, ROLE_CAUSE[x.role](ctx));
        return;
    }
    if (this.items.length === before) this.fallback(at, x.bytes, y.bytes, x.offset, y.offset, ROLE_CAUSE[x.role](ctx), 'same entries, encoded differently');
  }

  /** A difference explained by where it is, with the first differing bytes as context. */
  private leaf(path: string, x: Entry, y: Entry, cause: DifferenceCause): void {
    const p = commonPrefix(x.bytes, y.bytes);
    const item: DiffItem = {
      path,
      change: 'changed',
      cause,
      detail: x.bytes.length === y.bytes.length ? `${x.bytes.length} bytes, differing from byte ${p}` : `${x.bytes.length} → ${y.bytes.length} bytes, differing from byte ${p}`,
      a: span(x.offset, x.bytes),
      b: span(y.offset, y.bytes),
      firstDifference: { a: x.offset + p, b: y.offset + p },
      context: { space: 'file', a: context(x.bytes, p, x.offset), b: context(y.bytes, p, y.offset) },
    };
    if (x.role === 'field') item.text = { a: producerText(x), b: producerText(y) };
    this.items.push(item);
  }

  /** Bytes differ while every entry matched: report the first differing byte. */
  fallback(path: string, a: Uint8Array, b: Uint8Array, offA: number, offB: number, cause: DifferenceCause, detail: string): void {
    const p = commonPrefix(a, b);
    this.items.push({
      path,
      change: 'changed',
      cause,
      detail,
      a: span(offA, a),
      b: span(offB, b),
      firstDifference: { a: offA + p, b: offB + p },
      context: { space: 'file', a: context(a, p, offA), b: context(b, p, offB) },
    });
  }

  /** A custom section: a string pool as a multiset of strings, else region by region. */
  private custom(path: string, x: Entry, y: Entry, ctx: ModuleContext): void {
    const pool = ctx.pools.has(x.section!) ? ctx.pools.get(x.section!) : this.poolDiff(x.section!, y.section!);
    if (pool?.kind === 'reordered') {
      this.items.push({ path, change: 'reordered', cause: 'ordering-only', detail: `string pool: the same ${pool.strings} strings in a different order`, a: span(x.offset, x.bytes), b: span(y.offset, y.bytes) });
    } else if (pool) {
      const { a, b, text } = pool.first;
      const places = pool.pairs === 1 ? '' : ` (${pool.pairs} strings; the first shown)`;
      this.items.push({
        path,
        change: 'changed',
        cause: 'build-path',
        detail: `string pool differs only in embedded paths: "${text.a}" vs "${text.b}"${places}`,
        a: span(x.offset, x.bytes),
        b: span(y.offset, y.bytes),
        firstDifference: { a: x.offset + a.offset, b: y.offset + b.offset },
        context: { space: 'file', a: context(x.bytes, a.offset, x.offset), b: context(y.bytes, b.offset, y.offset) },
        text,
        count: pool.pairs,
      });
    } else if (ctx.debugDerived && x.key!.startsWith('.debug_')) {
      this.regions(path, x, y, 'layout', PATHS_ONLY);
    } else {
      this.regions(path, x, y, ROLE_CAUSE.custom(ctx));
    }
  }

  /** A data or custom section, or a data segment, explained region by region. */
  private regions(path: string, x: Entry, y: Entry, unexplained: DifferenceCause, explained = EVERY_CLASS): void {
    const scan = new RegionScan(x.bytes, y.bytes, unexplained, { aligned: false, maxSkewSeconds: this.skew }, explained);
    itemRegions(x.bytes, y.bytes, (r) => scan.add(r));
    for (const found of scan.found()) {
      const { r, classified, count } = found;
      this.items.push({
        path,
        change: 'changed',
        cause: found.cause,
        detail: describe(found.cause, classified, count, found.bytes),
        a: span(x.offset, x.bytes),
        b: span(y.offset, y.bytes),
        firstDifference: { a: x.offset + r.startA, b: y.offset + r.startB },
        context: { space: 'file', a: context(x.bytes, r.startA, x.offset), b: context(y.bytes, r.startB, y.offset) },
        ...(classified.text ? { text: classified.text } : {}),
        count,
      });
    }
  }

  /** Data sections: the initial memory they lay out, compared address by address; passive segments by index. */
  private data(x: Entry, y: Entry, path: string, ctx: ModuleContext, ma: WasmBinary, mb: WasmBinary): void {
    const la = memoryLayout(x.section!.items!);
    const lb = memoryLayout(y.section!.items!);
    if (!la || !lb) {
      this.entries(segmentEntries(x.section!.items!), segmentEntries(y.section!.items!), path, ctx, ma, mb);
      return;
    }
    this.entries(segmentEntries(la.passive), segmentEntries(lb.passive), path, ctx, ma, mb);
    const before = this.items.length;
    for (const memory of new Set([...la.memories.keys(), ...lb.memories.keys()])) {
      const sa = la.memories.get(memory);
      const sb = lb.memories.get(memory);
      const length = Math.max(imageLength(sa), imageLength(sb));
      const ia = buildImage(sa, length);
      const ib = buildImage(sb, length);
      if (!sameBytes(ia, ib)) this.memory(path, memory, ia, ib, segmentFinder(sa), segmentFinder(sb), ROLE_CAUSE.data(ctx));
    }
    if (this.items.length > before) return;
    // Same initial memory: the segments moved or were cut differently.
    const active = (l: typeof la) => [...l.memories.values()].flat().map((s) => s.item);
    const ea = segmentEntries(active(la));
    const eb = segmentEntries(active(lb));
    const { pairs, onlyA, onlyB } = align(ea, eb);
    if (onlyA.length === 0 && onlyB.length === 0 && pairs.every(([i, j]) => sameBytes(ea[i]!.bytes, eb[j]!.bytes))) {
      this.entries(ea, eb, path, ctx, ma, mb);
    } else {
      this.items.push({
        path: `${path}/data section`,
        change: 'changed',
        cause: 'ordering-only',
        detail: `same initial memory, split into data segments differently (${ea.length} vs ${eb.length} segments)`,
        a: span(x.offset, x.bytes),
        b: span(y.offset, y.bytes),
      });
    }
  }

  private memory(
    path: string,
    memory: number,
    ia: Uint8Array,
    ib: Uint8Array,
    findA: (address: number) => Segment | undefined,
    findB: (address: number) => Segment | undefined,
    unexplained: DifferenceCause,
  ): void {
    const scan = new RegionScan(ia, ib, unexplained, { aligned: true, maxSkewSeconds: this.skew });
    alignedRegions(ia, ib, (s, e) => scan.add({ startA: s, endA: e, startB: s, endB: e }));
    const mem = memory === 0 ? '' : ` of memory ${memory}`;
    for (const found of scan.found()) {
      const { r, classified, count } = found;
      const address = r.startA;
      const sa = findA(address);
      const sb = findB(address);
      const where = sa ? `data[${sa.item.index}]` : sb ? `data[${sb.item.index}] (only in b)` : 'data';
      const fileOffset = (s: Segment | undefined) => (s ? s.item.offset + s.start + (address - s.address) : undefined);
      const first: { a?: number; b?: number } = {};
      const fa = fileOffset(sa);
      const fb = fileOffset(sb);
      if (fa !== undefined) first.a = fa;
      if (fb !== undefined) first.b = fb;
      this.items.push({
        path: `${path}/${where}${sb && sa && sb.item.index !== sa.item.index ? ` (b: data[${sb.item.index}])` : ''}`,
        change: 'changed',
        cause: found.cause,
        detail: describe(found.cause, classified, count, found.bytes, ` in initial memory${mem}, first at 0x${address.toString(16)}`),
        ...(sa ? { a: span(sa.item.offset, sa.item.bytes) } : {}),
        ...(sb ? { b: span(sb.item.offset, sb.item.bytes) } : {}),
        firstDifference: first,
        context: { space: 'memory', a: context(ia, address, 0), b: context(ib, address, 0) },
        ...(classified.text ? { text: classified.text } : {}),
        address,
        count,
      });
    }
  }
}

interface Found {
  cause: DifferenceCause;
  r: Region;
  classified: Classified;
  count: number;
  bytes: number;
}

/** Classifies every differing region and keeps, per class, the first one and the totals. */
class RegionScan {
  private readonly va: DataView;
  private readonly vb: DataView;
  private readonly byClass = new Map<RegionClass, Found>();

  constructor(
    readonly a: Uint8Array,
    readonly b: Uint8Array,
    readonly unexplained: DifferenceCause,
    readonly opts: ClassifyOptions,
    /** Classes reported as their own cause; any other region counts as unexplained. */
    readonly explained = EVERY_CLASS,
  ) {
    this.va = dataView(a);
    this.vb = dataView(b);
  }

  add(r: Region): void {
    const found = classifyRegion(this.a, this.b, this.va, this.vb, r, this.opts);
    const classified: Classified = this.explained.has(found.cls) ? found : { cls: 'other' };
    const size = Math.max(r.endA - r.startA, r.endB - r.startB);
    const f = this.byClass.get(classified.cls);
    if (f) {
      f.count++;
      f.bytes += size;
    } else {
      const cause = classified.cls === 'other' ? this.unexplained : classified.cls;
      this.byClass.set(classified.cls, { cause, r, classified, count: 1, bytes: size });
    }
  }

  found(): Found[] {
    return [...this.byClass.values()];
  }
}

function describe(cause: DifferenceCause, c: Classified, count: number, bytes: number, where = ''): string {
  const places = count === 1 ? '' : ` (${count} places; the first shown)`;
  if (c.cls === 'build-path') return `embedded path differs${where}: "${c.text!.a}" vs "${c.text!.b}"${places}`;
  if (c.cls === 'timestamp') return `timestamp-like value differs${where}: ${c.text!.a} vs ${c.text!.b}${places}`;
  return `${bytes} bytes differ in ${count} place${count === 1 ? '' : 's'}${where}${cause === 'snapshot-data' ? ' (no path or timestamp)' : cause === 'layout' ? ' (offsets into a string pool whose strings moved)' : ''}`;
}

function span(offset: number, bytes: Uint8Array): Span {
  return { offset, size: bytes.length };
}

function context(bytes: Uint8Array, at: number, base: number): HexContext {
  const start = Math.max(0, at - CONTEXT);
  return { start: base + start, at: base + at, hex: hex(bytes.subarray(start, Math.min(bytes.length, at + CONTEXT))) };
}

function producerText(e: Entry): string {
  return producerValues(e.item!)
    .map(([name, version]) => (version ? `${name} ${version}` : name))
    .join(', ');
}
