/** examples/hello-wat: a component written in WAT, compiled in process; byte-identical anywhere. */
import { beforeAll, describe, expect, it } from 'vitest';
import { build, call, copyExample, type Built } from './helpers.js';

describe('examples/hello-wat', () => {
  let a: Built;
  let b: Built;
  beforeAll(async () => {
    a = await build(copyExample('hello-wat'));
    b = await build(copyExample('hello-wat', 'elsewhere/with-a-longer-path'));
  });

  it('writes the component and upstream-shaped metadata', () => {
    const sha = a.result.built[0]!.sha256;
    expect(a.meta('hello')).toBe(
      [
        'name = "hello"',
        `sha256 = "${sha}"`,
        `size = ${a.bytes('hello').length}`,
        'language = "wat"',
        'exports = [',
        '    "greet: func(n: s32) -> s32",',
        ']',
        'imports = []',
        'built_at = 0',
        'builder = "wat/jco"',
        'toolchain = []',
        '',
      ].join('\n'),
    );
  });

  it('rebuilds byte-identical in another directory, and runs', async () => {
    expect(b.bytes('hello')).toEqual(a.bytes('hello'));
    expect((await call(a.bytes('hello'), 'greet', [42])).value).toBe(43);
  });
});
