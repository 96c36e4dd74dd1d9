import { describe, expect, it } from 'vitest';
import { pathText, TomlPositions } from '../../src/core/config/toml-positions.js';

const text = `# comment with [brackets] and = signs
title = "a # not a comment"
multi = """
[not.a.header]
x = 1
"""   # trailing
lit = '''
y = 2'''

[components.calc]
language   =   "rust"
caps = [
  "stdout",   # first
  'fs:read:C:/x',
  [1, 2],
]
env = { A = "1", "B.C" = { d = 4 } }
dotted.key."with.dot" = true

[ components . "a.b" ]
path = "x"

[[test]]
name = "first"

[[test]]
name = "second"
[test.extra]
k = 1

[[test.cases]]
v = 1
[[test.cases]]
v = 2
`;

describe('TomlPositions', () => {
  const p = new TomlPositions(text);

  it('finds top-level keys, skipping comments and multi-line strings', () => {
    expect(p.key(['title'])).toEqual({ line: 2, col: 1 });
    expect(p.value(['title'])).toEqual({ line: 2, col: 9 });
    expect(p.key(['multi'])).toEqual({ line: 3, col: 1 });
    expect(p.key(['lit'])).toEqual({ line: 7, col: 1 });
    // The header-looking line inside the string must not have been taken as a header.
    expect(p.key(['not'])).toBeUndefined();
    expect(p.key(['x'])).toBeUndefined();
    expect(p.key(['y'])).toBeUndefined();
  });

  it('finds keys and values in tables, arrays (also across lines) and inline tables', () => {
    expect(p.key(['components', 'calc'])).toEqual({ line: 10, col: 1 });
    expect(p.key(['components', 'calc', 'language'])).toEqual({ line: 11, col: 1 });
    expect(p.value(['components', 'calc', 'language'])).toEqual({ line: 11, col: 16 });
    expect(p.value(['components', 'calc', 'caps', 0])).toEqual({ line: 13, col: 3 });
    expect(p.value(['components', 'calc', 'caps', 1])).toEqual({ line: 14, col: 3 });
    expect(p.value(['components', 'calc', 'caps', 2, 1])).toEqual({ line: 15, col: 7 });
    expect(p.value(['components', 'calc', 'env', 'A'])).toEqual({ line: 17, col: 13 });
    expect(p.key(['components', 'calc', 'env', 'B.C', 'd'])).toEqual({ line: 17, col: 28 });
    expect(p.key(['components', 'calc', 'dotted', 'key', 'with.dot'])).toEqual({ line: 18, col: 1 });
    expect(p.key(['components', 'calc', 'dotted'])).toEqual({ line: 18, col: 1 });
    expect(p.key(['components', 'a.b', 'path'])).toEqual({ line: 21, col: 1 });
    expect(p.key(['components', 'a.b'])).toEqual({ line: 20, col: 1 });
  });

  it('indexes arrays of tables, nested ones included', () => {
    expect(p.key(['test', 0])).toEqual({ line: 23, col: 1 });
    expect(p.value(['test', 0, 'name'])).toEqual({ line: 24, col: 8 });
    expect(p.key(['test', 1, 'name'])).toEqual({ line: 27, col: 1 });
    expect(p.key(['test', 1, 'extra', 'k'])).toEqual({ line: 29, col: 1 });
    expect(p.key(['test', 1, 'cases', 0, 'v'])).toEqual({ line: 32, col: 1 });
    expect(p.key(['test', 1, 'cases', 1, 'v'])).toEqual({ line: 34, col: 1 });
  });

  it('falls back to the nearest ancestor for paths that are not written', () => {
    expect(p.key(['components', 'calc', 'missing'])).toEqual({ line: 10, col: 1 });
    expect(p.value(['test', 1, 'component'])).toEqual({ line: 26, col: 1 });
    expect(p.key(['nowhere'])).toBeUndefined();
  });

  it('handles CRLF line endings', () => {
    const crlf = new TomlPositions('[a]\r\nb = 1\r\n\r\n[c]\r\nd = "x"\r\n');
    expect(crlf.key(['c', 'd'])).toEqual({ line: 5, col: 1 });
    expect(crlf.value(['c', 'd'])).toEqual({ line: 5, col: 5 });
  });

  it('prints paths the way users read them', () => {
    expect(pathText(['components', 'calc', 'language'])).toBe('components.calc.language');
    expect(pathText(['test', 2, 'expect'])).toBe('test[2].expect');
    expect(pathText(['dependencies', 'wasi:http'])).toBe('dependencies."wasi:http"');
  });
});
