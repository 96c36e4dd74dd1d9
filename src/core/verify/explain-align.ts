/**
 * Matches the entries of two containers (sections, imports, exports, function bodies, segments):
 * named entries by name; unnamed ones first by equal content wherever they are, then in order
 * within their kind, by position and size. Then finds the entries whose relative order changed.
 */
import { contentKey, sameBytes } from './explain-bytes.js';

export interface Alignable {
  /** Entries only match entries of the same kind. */
  kind: string;
  /** Identity across builds; absent for positional entries. */
  key?: string;
  bytes: Uint8Array;
}

export interface Alignment {
  /** Index pairs [a, b], in the order of a. */
  pairs: Array<[number, number]>;
  onlyA: number[];
  onlyB: number[];
}

export function align(as: readonly Alignable[], bs: readonly Alignable[]): Alignment {
  const matchB = new Array<number>(bs.length).fill(-1);
  const matchA = new Array<number>(as.length).fill(-1);
  const link = (i: number, j: number) => {
    matchA[i] = j;
    matchB[j] = i;
  };

  // Named: the n-th entry of a kind and name matches the n-th of the other side.
  const named = new Map<string, number[]>();
  bs.forEach((e, j) => {
    if (e.key === undefined) return;
    const k = `${e.kind}\0${e.key}`;
    const list = named.get(k);
    if (list) list.push(j);
    else named.set(k, [j]);
  });
  as.forEach((e, i) => {
    if (e.key === undefined) return;
    const j = named.get(`${e.kind}\0${e.key}`)?.shift();
    if (j !== undefined) link(i, j);
  });

  // Unnamed, per kind: the same position with equal bytes (cheap, and the common case), then equal
  // content anywhere (moved entries), then what is left in order, by size.
  const byKind = (list: readonly Alignable[], match: number[]) => {
    const m = new Map<string, number[]>();
    list.forEach((e, i) => {
      if (e.key !== undefined || match[i]! >= 0) return;
      const l = m.get(e.kind);
      if (l) l.push(i);
      else m.set(e.kind, [i]);
    });
    return m;
  };
  const kindsA = byKind(as, matchA);
  const kindsB = byKind(bs, matchB);
  for (const [kind, ia] of kindsA) {
    const ib = kindsB.get(kind);
    if (!ib) continue;
    for (let n = 0; n < Math.min(ia.length, ib.length); n++) {
      if (sameBytes(as[ia[n]!]!.bytes, bs[ib[n]!]!.bytes)) link(ia[n]!, ib[n]!);
    }
    // Only entries whose length occurs on the other side can be equal: hash just those (a 12 MB
    // nested module that changed size is never hashed).
    const lengthsA = new Set(ia.filter((i) => matchA[i]! < 0).map((i) => as[i]!.bytes.length));
    const lengthsB = new Set<number>();
    const byContent = new Map<string, number[]>();
    for (const j of ib) {
      if (matchB[j]! >= 0 || !lengthsA.has(bs[j]!.bytes.length)) continue;
      lengthsB.add(bs[j]!.bytes.length);
      const k = contentKey(bs[j]!.bytes);
      const l = byContent.get(k);
      if (l) l.push(j);
      else byContent.set(k, [j]);
    }
    if (byContent.size > 0) {
      for (const i of ia) {
        if (matchA[i]! >= 0 || !lengthsB.has(as[i]!.bytes.length)) continue;
        const j = byContent.get(contentKey(as[i]!.bytes))?.shift();
        if (j !== undefined) link(i, j);
      }
    }
    const restA = ia.filter((i) => matchA[i]! < 0);
    const restB = ib.filter((j) => matchB[j]! < 0);
    for (const [i, j] of bySizeInOrder(restA.map((i) => as[i]!.bytes.length), restB.map((j) => bs[j]!.bytes.length))) link(restA[i]!, restB[j]!);
  }

  const pairs: Array<[number, number]> = [];
  const onlyA: number[] = [];
  matchA.forEach((j, i) => (j >= 0 ? pairs.push([i, j]) : onlyA.push(i)));
  const onlyB: number[] = [];
  matchB.forEach((i, j) => {
    if (i < 0) onlyB.push(j);
  });
  return { pairs, onlyA, onlyB };
}

/** Beyond this many entries a side, position alone decides (the size alignment is quadratic). */
const SIZE_ALIGN_MAX = 256;
/** Leaving an entry unmatched costs as much as matching two whose sizes differ fourfold. */
const GAP = Math.log(4);

/**
 * Pairs the remaining entries of a kind in order, preferring similar sizes (an edit-distance
 * alignment over log size ratios): when a build adds a nested module, the others still meet their
 * counterparts instead of shifting by one.
 */
function bySizeInOrder(la: number[], lb: number[]): Array<[number, number]> {
  const n = la.length;
  const m = lb.length;
  if (n === m || n > SIZE_ALIGN_MAX || m > SIZE_ALIGN_MAX) return Array.from({ length: Math.min(n, m) }, (_, k) => [k, k]);
  const cost = (i: number, j: number) => Math.abs(Math.log((la[i]! + 1) / (lb[j]! + 1)));
  // d[i][j]: cheapest alignment of the first i entries of a with the first j of b.
  const d = Array.from({ length: n + 1 }, (_, i) => Float64Array.from({ length: m + 1 }, (_, j) => (i + j) * GAP));
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) d[i]![j] = Math.min(d[i - 1]![j - 1]! + cost(i - 1, j - 1), d[i - 1]![j]! + GAP, d[i]![j - 1]! + GAP);
  }
  const pairs: Array<[number, number]> = [];
  for (let i = n, j = m; i > 0 && j > 0; ) {
    if (d[i]![j] === d[i - 1]![j - 1]! + cost(i - 1, j - 1)) pairs.push([--i, --j]);
    else if (d[i]![j] === d[i - 1]![j]! + GAP) i--;
    else j--;
  }
  return pairs.reverse();
}

/**
 * Pairs whose relative order differs between the sides: those outside a longest run kept in order
 * (longest increasing subsequence of the b positions, O(n log n)).
 */
export function movedPairs(pairs: ReadonlyArray<[number, number]>): Array<[number, number]> {
  const tails: number[] = [];
  const prev = new Array<number>(pairs.length).fill(-1);
  for (let k = 0; k < pairs.length; k++) {
    const b = pairs[k]![1];
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]!]![1] < b) lo = mid + 1;
      else hi = mid;
    }
    prev[k] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = k;
  }
  const kept = new Set<number>();
  for (let k = tails.length > 0 ? tails[tails.length - 1]! : -1; k >= 0; k = prev[k]!) kept.add(k);
  return pairs.filter((_, k) => !kept.has(k));
}
