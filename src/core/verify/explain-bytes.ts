/**
 * Byte-level primitives for explaining differences: fast equality, the runs of differing bytes
 * between two buffers, and hex/text context around a position.
 */
import { createHash } from 'node:crypto';

function buf(a: Uint8Array): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.length);
}

/** memcmp-speed equality of two views. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && buf(a).equals(buf(b));
}

/** A content key for matching items regardless of position. */
export function contentKey(a: Uint8Array): string {
  return createHash('sha1').update(a).digest('base64');
}

/** Length of the common prefix. */
export function commonPrefix(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  let lo = 0;
  // Skip equal blocks with native compares before the byte loop.
  for (let step = 4096; step >= 16; step >>= 4) {
    while (lo + step <= n && buf(a.subarray(lo, lo + step)).equals(buf(b.subarray(lo, lo + step)))) lo += step;
  }
  while (lo < n && a[lo] === b[lo]) lo++;
  return lo;
}

/** Length of the common suffix, not reaching into the first `floor` bytes of either. */
export function commonSuffix(a: Uint8Array, b: Uint8Array, floor: number): number {
  let n = 0;
  const max = Math.min(a.length, b.length) - floor;
  while (n < max && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/** A region that differs: [startA, endA) in a against [startB, endB) in b. */
export interface Region {
  startA: number;
  endA: number;
  startB: number;
  endB: number;
}

/** Runs closer than this are one region, so one changed value reads as one difference. */
const MERGE_GAP = 4;
const BLOCK = 1024;

/**
 * Differing regions of two buffers of equal length compared position by position (memory images,
 * equal-length items). Equal blocks are skipped natively, so a large mostly-equal buffer is cheap.
 */
export function alignedRegions(a: Uint8Array, b: Uint8Array, visit: (start: number, end: number) => void): void {
  const n = a.length;
  let open = -1;
  let last = -1;
  for (let blk = 0; blk < n; blk += BLOCK) {
    const end = Math.min(n, blk + BLOCK);
    if (buf(a.subarray(blk, end)).equals(buf(b.subarray(blk, end)))) continue;
    for (let i = blk; i < end; i++) {
      if (a[i] === b[i]) continue;
      if (open >= 0 && i - last > MERGE_GAP) {
        visit(open, last + 1);
        open = -1;
      }
      if (open < 0) open = i;
      last = i;
    }
  }
  if (open >= 0) visit(open, last + 1);
}

/**
 * Differing regions of two items: position by position when their lengths are equal, else the one
 * region between the common prefix and the common suffix (an insertion or a length change).
 */
export function itemRegions(a: Uint8Array, b: Uint8Array, visit: (r: Region) => void): void {
  if (a.length === b.length) {
    alignedRegions(a, b, (s, e) => visit({ startA: s, endA: e, startB: s, endB: e }));
    return;
  }
  const p = commonPrefix(a, b);
  const s = commonSuffix(a, b, p);
  visit({ startA: p, endA: a.length - s, startB: p, endB: b.length - s });
}

export const CONTEXT = 16;

export function hex(bytes: Uint8Array): string {
  return buf(bytes).toString('hex').replace(/(..)(?!$)/g, '$1 ');
}

/** Printable ASCII, the alphabet of paths, names and textual timestamps. */
export function printable(c: number): boolean {
  return c >= 0x20 && c < 0x7f;
}

export function allPrintable(a: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!printable(a[i]!)) return false;
  return true;
}

/** The printable run around [start, end), at most `limit` bytes each way, as [from, to). */
export function printableRun(a: Uint8Array, start: number, end: number, limit = 512): [number, number] {
  let from = start;
  while (from > 0 && start - from < limit && printable(a[from - 1]!)) from--;
  let to = end;
  while (to < a.length && to - end < limit && printable(a[to]!)) to++;
  return [from, to];
}

export function latin1(a: Uint8Array, from: number, to: number): string {
  return buf(a).toString('latin1', from, to);
}
