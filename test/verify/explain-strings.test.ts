import { describe, expect, it } from 'vitest';
import { DEFAULT_SKEW_SECONDS } from '../../src/core/verify/explain-classify.js';
import { comparePools, poolStrings, type PoolString } from '../../src/core/verify/explain-strings.js';

const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
const pool = (...strings: string[]) => poolStrings(bytes(strings.map((s) => `${s}\0`).join('')))!;
const compare = (a: PoolString[], b: PoolString[]) => comparePools(a, b, { aligned: false, maxSkewSeconds: DEFAULT_SKEW_SECONDS });

describe('poolStrings', () => {
  it('reads NUL-terminated text with each string offset', () => {
    expect(poolStrings(bytes('int\0\0/tmp/x\0'))).toEqual([
      { text: 'int', offset: 0 },
      { text: '', offset: 4 },
      { text: '/tmp/x', offset: 5 },
    ]);
  });

  it('is not fooled by binary data, unterminated text or zeros', () => {
    expect(poolStrings(bytes('int\0\x01\x02\0'))).toBeUndefined();
    expect(poolStrings(bytes('cwd=/tmp/x;'))).toBeUndefined();
    expect(poolStrings(bytes('\0\0\0\0'))).toBeUndefined();
    expect(poolStrings(new Uint8Array())).toBeUndefined();
  });
});

describe('comparePools', () => {
  it('sees the same strings in another order', () => {
    expect(compare(pool('a', 'b', 'a'), pool('a', 'a', 'b'))).toEqual({ kind: 'reordered', strings: 3 });
  });

  it('pairs the strings found on one side only as paths, whatever their order and length', () => {
    const d = compare(pool('int', '/tmp/fixture-c-AAAAAA', 'main.c', '/tmp/fixture-c-AAAAAA/inc'), pool('/home/ci/w/inc', 'main.c', 'int', '/home/ci/w'));
    expect(d).toMatchObject({ kind: 'paths', strings: 4, pairs: 2, first: { a: { text: '/tmp/fixture-c-AAAAAA', offset: 4 }, b: { text: '/home/ci/w', offset: 26 } } });
    expect(d!.kind === 'paths' && d!.first.text).toEqual({ a: '/tmp/fixture-c-AAAAAA', b: '/home/ci/w' });
  });

  it('sets aside a string the linker merged into the tail of a path on one side only', () => {
    // Seen from real clang builds: in /tmp/fixture-c-FjEQGu the string "u" is the tail of the
    // directory; in /tmp/fixture-c-joms0Y it has to stand alone.
    const d = compare(pool('int', '/tmp/fixture-c-FjEQGu', 'main.c'), pool('u', 'int', '/tmp/fixture-c-joms0Y', 'main.c'));
    expect(d).toMatchObject({ kind: 'paths', pairs: 1, first: { text: { a: '/tmp/fixture-c-FjEQGu', b: '/tmp/fixture-c-joms0Y' } } });
    expect(compare(pool('nu', 'menu'), pool('menu', 'nu', 'u'))).toMatchObject({ kind: 'reordered' });
  });

  it('declines other differences: a changed name, a string more, a path next to other text that changed', () => {
    expect(compare(pool('int', '/tmp/a'), pool('long', '/tmp/a'))).toBeUndefined();
    expect(compare(pool('int', '/tmp/a'), pool('int', '/tmp/a', '/tmp/b'))).toBeUndefined();
    expect(compare(pool('clang 19 /tmp/a/x'), pool('clang 20 /tmp/b/x'))).toBeUndefined();
  });
});
