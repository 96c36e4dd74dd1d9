import { describe, expect, it } from 'vitest';
import { itemRegions, type Region } from '../../src/core/verify/explain-bytes.js';
import { classifyRegion, dataView, DEFAULT_SKEW_SECONDS, type ClassifyOptions } from '../../src/core/verify/explain-classify.js';

const enc = (s: string) => new TextEncoder().encode(s);

/** Classifies every differing region of two buffers; returns the classes (and texts) in order. */
function classify(a: Uint8Array, b: Uint8Array, opts: Partial<ClassifyOptions> = {}) {
  const out: Array<{ cls: string; text?: { a: string; b: string } }> = [];
  const o = { aligned: false, maxSkewSeconds: DEFAULT_SKEW_SECONDS, ...opts };
  itemRegions(a, b, (r: Region) => out.push(classifyRegion(a, b, dataView(a), dataView(b), r, o)));
  return out;
}

function withWord(bytes: number[], at: number, size = 16): Uint8Array {
  const buf = new Uint8Array(size);
  buf.set(bytes, at);
  return buf;
}
const f64 = (n: number) => [...new Uint8Array(new Float64Array([n]).buffer)];
const u64 = (n: number) => [...new Uint8Array(new BigUint64Array([BigInt(n)]).buffer)];

describe('classifyRegion', () => {
  it('recognises POSIX and Windows build paths', () => {
    expect(classify(enc('x\0/build/abc/src/main.rs\0'), enc('x\0/build/xyz/src/main.rs\0'))).toEqual([
      { cls: 'build-path', text: { a: '/build/abc/src/main.rs', b: '/build/xyz/src/main.rs' } },
    ]);
    expect(classify(enc('file C:\\Users\\ann\\proj\\lib.rs;'), enc('file C:\\Users\\bob\\proj\\lib.rs;'))[0]).toEqual({
      cls: 'build-path',
      text: { a: 'C:\\Users\\ann\\proj\\lib.rs;', b: 'C:\\Users\\bob\\proj\\lib.rs;' },
    });
  });

  it('does not take URLs, MIME types or single-component paths for build paths', () => {
    expect(classify(enc('see https://example.com/v1/x'), enc('see https://example.org/v1/x'))).toEqual([{ cls: 'other' }]);
    expect(classify(enc('type text/html;'), enc('type text/json;'))).toEqual([{ cls: 'other' }]);
    expect(classify(enc('at /abc here'), enc('at /xyz here'))).toEqual([{ cls: 'other' }]);
  });

  it('recognises textual timestamps: ISO 8601, Unix seconds, C __DATE__ and __TIME__', () => {
    expect(classify(enc('t=2025-03-01T10:00:00Z;'), enc('t=2025-03-01T10:07:30Z;'))[0]).toMatchObject({ cls: 'timestamp' });
    expect(classify(enc('epoch 1712345678 ok'), enc('epoch 1712345999 ok'))[0]).toEqual({ cls: 'timestamp', text: { a: '1712345678', b: '1712345999' } });
    expect(classify(enc('built Nov 26 2026 at'), enc('built Nov 27 2026 at'))[0]).toEqual({ cls: 'timestamp', text: { a: 'Nov 26 2026', b: 'Nov 27 2026' } });
    expect(classify(enc('at 14:03:59.'), enc('at 14:04:12.'))[0]).toEqual({ cls: 'timestamp', text: { a: '14:03:59', b: '14:04:12' } });
    // Ten digits outside 2000–2100 are just a number.
    expect(classify(enc('id 9912345678 ok'), enc('id 9912345999 ok'))[0]).toEqual({ cls: 'other' });
  });

  it('recognises binary timestamps: u64 seconds and milliseconds, f64 milliseconds (a JS Date)', () => {
    expect(classify(withWord(u64(1700000000), 8), withWord(u64(1700000042), 8), { aligned: true })[0]).toMatchObject({ cls: 'timestamp' });
    expect(classify(withWord(u64(1700000000123), 8), withWord(u64(1700000042123), 8), { aligned: true })[0]).toEqual({
      cls: 'timestamp',
      text: { a: '1700000000123 (2023-11-14T22:13:20.123Z)', b: '1700000042123 (2023-11-14T22:14:02.123Z)' },
    });
    expect(classify(withWord(f64(1700000000000), 8), withWord(f64(1700000001500), 8), { aligned: true })[0]).toMatchObject({ cls: 'timestamp' });
  });

  it('rejects binary values that are misaligned in memory, too far apart, or in the future', () => {
    // The same u64 at address 4 is not where a compiler puts an i64.
    expect(classify(withWord(u64(1700000000), 4), withWord(u64(1700000042), 4), { aligned: true })[0]!.cls).toBe('other');
    // Two days apart with the default skew of a day; accepted with a wider one.
    const twoDays = [withWord(u64(1700000000), 8), withWord(u64(1700000000 + 2 * 86400), 8)] as const;
    expect(classify(...twoDays, { aligned: true })[0]!.cls).toBe('other');
    expect(classify(...twoDays, { aligned: true, maxSkewSeconds: 7 * 86400 })[0]!.cls).toBe('timestamp');
    const future = Math.floor(Date.now() / 1000) + 30 * 86400;
    expect(classify(withWord(u64(future), 8), withWord(u64(future + 1), 8), { aligned: true })[0]!.cls).toBe('other');
  });

  it('classifies a path whose length changed by its first differing byte', () => {
    const a = enc('/home/alice/project/lib.rs\0\0\0\0\0\x07\x08');
    const b = enc('/home/bob/project/lib.rs\0\0\0\0\0\0\0\x07\x08');
    expect(classify(a, b)).toEqual([{ cls: 'build-path', text: { a: '/home/alice/project/lib.rs', b: '/home/bob/project/lib.rs' } }]);
  });
});
