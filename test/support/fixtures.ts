/**
 * Builds test components from source inside the tests (no .wasm is committed without its source).
 * Results are cached by the sha256 of every input under test/.cache/, because a componentize-js
 * build costs ~10 s and 800 MB; a cache miss always rebuilds from the real toolchain.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentKey, storeFileSync } from './content-cache.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cacheDir = join(root, 'test', '.cache', 'fixtures');
const adapterDir = join(root, 'node_modules', '@bytecodealliance', 'jco', 'lib');

async function cached(kind: string, inputs: Array<string | Uint8Array>, build: () => Promise<Uint8Array>): Promise<Uint8Array> {
  const file = join(cacheDir, `${kind}-${contentKey(kind, inputs).slice(0, 24)}.wasm`);
  if (existsSync(file)) return new Uint8Array(readFileSync(file));
  const bytes = await build();
  storeFileSync(file, (tmp) => writeFileSync(tmp, bytes));
  return bytes;
}

const wasmTools = () => import('@bytecodealliance/jco-transpile/wasm-tools');

/** A component written in the component-model text format. */
export function watComponent(wat: string): Promise<Uint8Array> {
  return cached('wat', [wat], async () => (await wasmTools()).parse(wat));
}

/**
 * A core module in WAT plus a WIT world: parse, embed the WIT, then `component new` (as jco's
 * parse → embed → new). `wit` is the text of one WIT file.
 */
export function watWithWit(coreWat: string, wit: string, world: string): Promise<Uint8Array> {
  return cached('watwit', [coreWat, wit, world], async () => {
    const wt = await wasmTools();
    const core = await wt.parse(coreWat);
    const embedded = await wt.componentEmbed({ binary: core, witSource: wit, world, stringEncoding: 'utf8' } as never);
    return wt.componentNew(embedded);
  });
}

export interface CBuildOptions {
  /** Reactor (library with typed exports) instead of a command with `main`. */
  reactor?: boolean;
  /** WIT source and world to embed, for reactors exporting typed functions. */
  wit?: { source: string; world: string };
  cflags?: string[];
}

/** C → wasm32-wasi core module with Debian's clang + wasi-libc → component with jco's preview1 adapter. */
export function cComponent(source: string, opts: CBuildOptions = {}): Promise<Uint8Array> {
  const flags = [...(opts.cflags ?? []), ...(opts.reactor ? ['-mexec-model=reactor'] : [])];
  return cached('c', [source, flags.join(' '), opts.wit?.source ?? '', opts.wit?.world ?? ''], async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fixture-c-'));
    try {
      writeFileSync(join(dir, 'main.c'), source);
      execFileSync('clang', ['--target=wasm32-wasi', '-O2', ...flags, 'main.c', '-o', 'main.wasm'], { cwd: dir, stdio: 'pipe' });
      const wt = await wasmTools();
      let core: Uint8Array = new Uint8Array(readFileSync(join(dir, 'main.wasm')));
      if (opts.wit) {
        core = await wt.componentEmbed({ binary: core, witSource: opts.wit.source, world: opts.wit.world, stringEncoding: 'utf8' } as never);
      }
      const adapter = readFileSync(join(adapterDir, `wasi_snapshot_preview1.${opts.reactor ? 'reactor' : 'command'}.wasm`));
      return wt.componentNew(core, [['wasi_snapshot_preview1', new Uint8Array(adapter)]]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

export interface JsBuildOptions {
  wit: string;
  world: string;
  /** componentize-js features to disable (never 'all': the API ignores it). */
  disableFeatures?: Array<'stdio' | 'random' | 'clocks' | 'http' | 'fetch-event'>;
}

/** JS + WIT → component with componentize-js (StarlingMonkey). Slow: ~10 s, cached. */
export function jsComponent(source: string, opts: JsBuildOptions): Promise<Uint8Array> {
  const disable = opts.disableFeatures ?? [];
  return cached('js', [source, opts.wit, opts.world, disable.join(',')], async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fixture-js-'));
    try {
      writeFileSync(join(dir, 'component.js'), source);
      mkdirSync(join(dir, 'wit'));
      writeFileSync(join(dir, 'wit', 'world.wit'), opts.wit);
      const { componentize } = await import('@bytecodealliance/componentize-js');
      const { component } = await componentize({
        sourcePath: join(dir, 'component.js'),
        witPath: join(dir, 'wit'),
        worldName: opts.world,
        disableFeatures: disable,
      } as never);
      return new Uint8Array(component);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
