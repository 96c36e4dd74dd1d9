/**
 * examples/hello-rust with what these machines have (Debian's rustc 1.63 + libstd-rust-dev-wasm32,
 * no cargo-component): the rustc is chosen by its wasm target, not by PATH order, and the log says
 * why; a command and a reactor with typed string exports; byte-identical when built elsewhere.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { build, call, copyExample, needRustWasm, otherHost, runCommand, type Built } from './helpers.js';

const missing = needRustWasm();

describe.skipIf(missing)('examples/hello-rust', () => {
  let a: Built;
  let b: Built;
  beforeAll(async () => {
    a = await build(copyExample('hello-rust'));
    b = await build(copyExample('hello-rust', 'elsewhere/with-a-longer-path'), { env: otherHost });
  });

  it('builds both crates with cargo for a WASI target, remapping paths, and says which rustc', () => {
    expect(a.result.built.map((c) => [c.name, c.builder])).toEqual([
      ['hello', 'rust/cargo'],
      ['greeter', 'rust/cargo'],
    ]);
    const log = a.log.text();
    expect(log).toMatch(/^rustc: \S+ \(.*sysroot .*, target wasm32-wasip?1?\); cargo: \S+$/m);
    expect(log).toMatch(/^toolchain: rustc \d+\.\d+\.\d+$/m);
    expect(log).toMatch(/--remap-path-prefix=\/\S+=\./);
    expect(log).toContain('--message-format=json-render-diagnostics --release');
    expect(a.meta('greeter')).toContain('exports = [\n    "example:greeter/hello@0.1.0",\n]');
    expect(a.meta('greeter')).toMatch(/^toolchain = \[\n {4}"rustc \d+\.\d+\.\d+",\n\]$/m);
  });

  it('rebuilds byte-identical in another directory, from another host environment', () => {
    for (const name of ['hello', 'greeter']) expect(b.bytes(name)).toEqual(a.bytes(name));
  });

  it('runs: the command prints; greet and add work under the strict policy (no random needed)', async () => {
    const hello = await runCommand(a.bytes('hello'));
    expect([hello.class, hello.out]).toEqual(['ok', 'Hello from Rust!\n']);
    const greet = await call(a.bytes('greeter'), 'example:greeter/hello@0.1.0#greet', ['WASI']);
    expect([greet.class, greet.value, greet.ledger]).toEqual(['ok', 'Hello, WASI!', []]);
    expect((await call(a.bytes('greeter'), 'example:greeter/hello@0.1.0#add', [40, 2])).value).toBe(42);
  });
});
