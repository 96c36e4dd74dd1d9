/**
 * Zig (no example project; the builder is checked on inline sources): a command from one .zig
 * file, a library exporting a typed function, byte-identical when built elsewhere. Zig comes from
 * PATH or from PyPI's `ziglang` wheel (pip install ziglang==0.13.0), whose binary is put on PATH.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { needTool, probe } from '../support/toolchain.js';
import { build, call, project, runCommand, type Built } from './helpers.js';

/** zig on PATH, else the one inside the ziglang Python package. */
function zigDir(): string | undefined {
  if (probe('zig', ['version']) === null) return undefined;
  try {
    const dir = execFileSync('python3', ['-c', 'import ziglang, os; print(os.path.dirname(ziglang.__file__))'], { stdio: 'pipe' }).toString().trim();
    return existsSync(join(dir, 'zig')) ? dir : undefined;
  } catch {
    return undefined;
  }
}
const dir = zigDir();
const missing = dir ? needTool(join(dir, 'zig'), ['version']) : needTool('zig', ['version']);
const env = dir ? { ...process.env, PATH: `${dir}${delimiter}${process.env.PATH}` } : process.env;

const HELLO = 'const std = @import("std");\n\npub fn main() !void {\n    try std.io.getStdOut().writer().print("Hello from Zig!\\n", .{});\n}\n';
const CALC = 'fn add(a: i32, b: i32) callconv(.C) i32 {\n    return a +% b;\n}\n\ncomptime {\n    @export(add, .{ .name = "example:calc/math@0.1.0#add" });\n}\n';
const WIT = 'package example:calc@0.1.0;\ninterface math { add: func(a: s32, b: s32) -> s32; }\nworld calc { export math; }\n';
const files = { 'run.toml': '[components.hello]\nsource = "hello.zig"\n\n[components.calc]\nsource = "calc.zig"\nwit = "wit"\n', 'hello.zig': HELLO, 'calc.zig': CALC, 'wit/calc.wit': WIT };

describe.skipIf(missing)('zig', () => {
  let a: Built;
  let b: Built;
  beforeAll(async () => {
    a = await build(project(files), { env });
    b = await build(project(files, 'elsewhere/with-a-longer-path'), { env });
  });

  it('builds a command and a typed library for wasm32-wasi, stripped, byte-identical elsewhere', async () => {
    expect(a.log.text()).toMatch(/zig build-exe \S+hello\.zig -target wasm32-wasi -O ReleaseSmall -fstrip -femit-bin=\S+hello\.module\.wasm/);
    expect(a.log.text()).toContain('-fno-entry -rdynamic');
    for (const name of ['hello', 'calc']) expect(b.bytes(name)).toEqual(a.bytes(name));
    expect(dirname(a.result.built[0]!.file)).toBe(join(a.dir, 'target', 'wasm'));
  });

  it('runs', async () => {
    expect((await runCommand(a.bytes('hello'))).out).toBe('Hello from Zig!\n');
    expect((await call(a.bytes('calc'), 'example:calc/math@0.1.0#add', [2147483647, 1])).value).toBe(-2147483648);
  });
});
