/**
 * examples/hello-go with Go's own wasip1 port (no TinyGo pinned): -trimpath -buildvcs=false, a
 * command and a //go:wasmexport reactor; byte-identical when built elsewhere. The Go runtime reads
 * wasi:random at start-up, which the example grants.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { needTool } from '../support/toolchain.js';
import { build, call, copyExample, otherHost, runCommand, strictHost, type Built } from './helpers.js';

const missing = needTool('go', ['version']);

describe.skipIf(missing)('examples/hello-go', () => {
  let a: Built;
  let b: Built;
  beforeAll(async () => {
    a = await build(copyExample('hello-go'));
    b = await build(copyExample('hello-go', 'elsewhere/with-a-longer-path'), { env: otherHost });
  });

  it('builds with GOOS=wasip1, -trimpath and -buildvcs=false; the library with -buildmode=c-shared', () => {
    expect(a.result.built.map((c) => [c.name, c.builder])).toEqual([
      ['hello', 'go/go-wasip1'],
      ['calc', 'go/go-wasip1'],
    ]);
    const log = a.log.text();
    expect(log).toContain('GOOS=wasip1 GOARCH=wasm CGO_ENABLED=0 GOTOOLCHAIN=local');
    expect(log).toContain('build -trimpath -buildvcs=false -buildmode=c-shared -o');
    // Not pinned in run.lock.toml: jco's wasm-tools wraps the modules (native-wasm-tools.test.ts: pinned).
    expect(log).toContain("wasm-tools: jco's in-process copy (not pinned in run.lock.toml)");
    expect(log).toContain("core module → component with the preview1 command adapter, by jco's in-process wasm-tools");
    expect(a.meta('calc')).toContain('exports = [\n    "example:calc/math@0.1.0",\n]');
  });

  it('rebuilds byte-identical in another directory, from another host environment', () => {
    for (const name of ['hello', 'calc']) expect(b.bytes(name)).toEqual(a.bytes(name));
  });

  it('runs with the random grant the Go runtime needs, and fails without it', async () => {
    const hello = await runCommand(a.bytes('hello'), strictHost({ random: true }));
    // Go's runtime calls proc_exit(0) after main: exit code 0.
    expect([hello.exitCode, hello.out]).toEqual([0, 'Hello from Go! 2 + 3 = 5\n']);
    expect((await call(a.bytes('calc'), 'example:calc/math@0.1.0#add', [2147483647, 1], strictHost({ random: true }))).value).toBe(-2147483648);
    const denied = await call(a.bytes('calc'), 'example:calc/math@0.1.0#add', [3, 4]);
    expect([denied.class, denied.message]).toEqual(['policy-violation', expect.stringContaining('wasi:random/random#get-random-bytes')]);
  });
});
