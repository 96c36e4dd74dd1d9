/**
 * examples/hello-c with Debian's clang + wasi-libc: a command and a reactor with typed exports,
 * valid components with their exports in meta.toml, byte-identical when built again elsewhere.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { needTool } from '../support/toolchain.js';
import { build, call, copyExample, otherHost, runCommand, type Built } from './helpers.js';

const missing = needTool('clang', ['--version']);

describe.skipIf(missing)('examples/hello-c', () => {
  let a: Built;
  let b: Built;
  beforeAll(async () => {
    a = await build(copyExample('hello-c'));
    b = await build(copyExample('hello-c', 'elsewhere/with-a-longer-path'), { env: otherHost });
  });

  it('builds the command and the reactor with clang and the preview1 adapters', () => {
    expect(a.result.built.map((c) => [c.name, c.builder, c.language])).toEqual([
      ['hello', 'c/clang', 'c'],
      ['calc', 'c/clang', 'c'],
    ]);
    expect(a.log.text()).toContain('-ffile-prefix-map=');
    expect(a.log.text()).toContain('-mexec-model=reactor');
    expect(a.log.text()).toMatch(/core module → component with the preview1 command adapter/);
    expect(a.meta('hello')).toMatch(/^exports = \[\n {4}"wasi:cli\/run@0\.2\.\d+",\n\]$/m);
    expect(a.meta('calc')).toContain('exports = [\n    "example:calc/math@0.1.0",\n]');
    expect(a.meta('calc')).toMatch(/^language = "c"\nexports/m);
  });

  it('rebuilds byte-identical in another directory, from another host environment', () => {
    for (const name of ['hello', 'calc']) expect(b.bytes(name)).toEqual(a.bytes(name));
    expect(b.meta('calc')).toBe(a.meta('calc'));
  });

  it('runs: the command prints, the reactor adds and wraps, under the strict policy', async () => {
    const hello = await runCommand(a.bytes('hello'));
    expect([hello.class, hello.out]).toEqual(['ok', 'Hello from C! 2 + 3 = 5\n']);
    expect((await call(a.bytes('calc'), 'example:calc/math@0.1.0#add', [3, 4])).value).toBe(7);
    expect((await call(a.bytes('calc'), 'example:calc/math@0.1.0#add', [2147483647, 1])).value).toBe(-2147483648);
    expect((await call(a.bytes('calc'), 'example:calc/math@0.1.0#fib', [50])).value).toBe(12586269025n);
  });
});
