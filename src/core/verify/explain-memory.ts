/**
 * The initial contents of linear memory, as the active data segments of a module lay them out.
 * Snapshot tools (wizer) cut memory into segments at runs of zeros, so when the heap drifts the
 * segment boundaries move too and segment N of one build is not segment N of the other; comparing
 * the memory the segments produce, address by address, is what stays meaningful.
 */
import { Cursor, WasmFormatError } from '../wasm/cursor.js';
import type { Item } from '../wasm/reader.js';

export interface Segment {
  item: Item;
  memory: number;
  address: number;
  /** Where the segment's bytes start within `item.bytes`. */
  start: number;
  length: number;
}

/** Larger images are not built (a segment far out in a 64-bit memory); segments are then compared as items. */
const MAX_IMAGE_BYTES = 256 * 1024 * 1024;

/** The active segment at `item`, or undefined when passive or placed by a non-constant offset (global.get). */
function activeSegment(item: Item): Segment | undefined {
  const c = new Cursor(item.bytes, item.offset);
  try {
    const mode = c.u32();
    if (mode === 1) return undefined;
    const memory = mode === 2 ? c.u32() : 0;
    const op = c.u8();
    if (op !== 0x41 && op !== 0x42) return undefined;
    const value = c.sleb();
    if (c.u8() !== 0x0b) return undefined;
    const address = op === 0x41 ? value >>> 0 : value;
    const length = c.u32();
    return address < 0 ? undefined : { item, memory, address, start: c.pos, length };
  } catch (err) {
    if (err instanceof WasmFormatError) return undefined;
    throw err;
  }
}

export interface MemoryLayout {
  /** Active segments by memory index, in section order (later segments overwrite earlier ones). */
  memories: Map<number, Segment[]>;
  passive: Item[];
}

/** The layout of a data section, or undefined when some active segment has a non-constant offset. */
export function memoryLayout(items: Item[]): MemoryLayout | undefined {
  const memories = new Map<number, Segment[]>();
  const passive: Item[] = [];
  for (const item of items) {
    if (item.name !== undefined) {
      passive.push(item);
      continue;
    }
    const seg = activeSegment(item);
    if (!seg || seg.address + seg.length > MAX_IMAGE_BYTES) return undefined;
    let list = memories.get(seg.memory);
    if (!list) memories.set(seg.memory, (list = []));
    list.push(seg);
  }
  return { memories, passive };
}

export function imageLength(segments: Segment[] | undefined): number {
  let end = 0;
  for (const s of segments ?? []) end = Math.max(end, s.address + s.length);
  return end;
}

/** Initial memory [0, length) as the segments write it; uncovered bytes stay zero, as in a fresh memory. */
export function buildImage(segments: Segment[] | undefined, length: number): Uint8Array {
  const image = new Uint8Array(length);
  for (const s of segments ?? []) image.set(s.item.bytes.subarray(s.start, s.start + s.length), s.address);
  return image;
}

/** Finds, for an address, the segment that last wrote it (binary search over segments sorted by address). */
export function segmentFinder(segments: Segment[] | undefined): (address: number) => Segment | undefined {
  const sorted = [...(segments ?? [])].sort((x, y) => x.address - y.address || x.item.index - y.item.index);
  return (address) => {
    let lo = 0;
    let hi = sorted.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]!.address <= address) lo = mid + 1;
      else hi = mid - 1;
    }
    // Overlaps are rare; walk back past segments that end before the address, keeping the last writer.
    let found: Segment | undefined;
    for (let i = hi; i >= 0 && i > hi - 64; i--) {
      const s = sorted[i]!;
      if (address < s.address + s.length && (!found || s.item.index > found.item.index)) found = s;
    }
    return found;
  };
}
