/**
 * The shape of the imports object against what jco really reads: a component that imports every
 * WASI 0.2.12 interface a host may be asked for (wasm-tools' dummy module over jco's bundled WIT) is
 * transpiled and instantiated with our imports; jco's bindings throw on any import they look up
 * and do not find.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createHost } from '../../src/core/engine/host/index.js';
import { loader } from '../support/instantiate.js';
import { hostConfig } from './harness.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const wasiWit = join(root, 'node_modules', '@bytecodealliance', 'jco', 'lib', 'wit', 'builtin', '0.2.12');

const everyInterface = `package test:all;
world all {
  include wasi:cli/imports@0.2.12;
  import wasi:random/insecure@0.2.12;
  import wasi:random/insecure-seed@0.2.12;
  import wasi:http/types@0.2.12;
  import wasi:http/outgoing-handler@0.2.12;
}
`;

async function everyImportComponent(): Promise<Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), 'host-wit-'));
  try {
    writeFileSync(join(dir, 'world.wit'), everyInterface);
    for (const pkg of ['cli', 'clocks', 'filesystem', 'http', 'io', 'random', 'sockets']) {
      cpSync(join(wasiWit, `wasi-${pkg}`), join(dir, 'deps', pkg), { recursive: true });
    }
    const wt = await import('@bytecodealliance/jco-transpile/wasm-tools');
    const core = await wt.componentEmbed({ dummy: true, witPath: dir, world: 'all', stringEncoding: 'utf8' } as never);
    return await wt.componentNew(core);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('imports object', () => {
  it('provides every WASI 0.2.12 import jco looks up (instantiation succeeds)', async () => {
    const make = await loader(await everyImportComponent());
    const host = createHost(hostConfig());
    await expect(make(host.imports)).resolves.toBeTypeOf('object');
  });

  it('has unversioned and 0.2.0 … 0.2.12 keys sharing one object per interface', () => {
    const { imports } = createHost(hostConfig());
    const names = Object.keys(imports).filter((k) => !k.includes('@'));
    expect(names).toContain('wasi:cli/stdout');
    expect(names).toContain('wasi:sockets/tcp-create-socket');
    for (const name of names) {
      for (let patch = 0; patch <= 12; patch++) expect(imports[`${name}@0.2.${patch}`]).toBe(imports[name]);
    }
    expect(Object.keys(imports)).toHaveLength(names.length * 14);
  });
});
