// Bundles the CLI, the action's entry points and the engine worker into dist/ with esbuild.
// Not ncc: ncc re-encodes jco-transpile's .wasm assets as UTF-8 text and corrupts them
// (shared/reference/jco-feasibility.md §8), and its TypeScript loader does not work with TS 7.
// The output is deterministic, so CI can check that dist/ equals a fresh build.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const nm = join(root, 'node_modules');

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

// jco-transpile imports oxc-minify (a native addon) at top level, only for `minify`, which we never use.
const stubOxc = join(dist, '.oxc-minify-stub.mjs');
writeFileSync(stubOxc, 'export function minify() { throw new Error("minify is not bundled"); }\n');

await build({
  absWorkingDir: root,
  entryPoints: {
    cli: 'src/cli/main.ts',
    action: 'src/action/main.ts',
    'action-post': 'src/action/post.ts',
    worker: 'src/core/engine/worker.ts',
  },
  outdir: dist,
  bundle: true,
  splitting: true,
  chunkNames: 'chunk-[hash]',
  format: 'esm',
  platform: 'node',
  target: 'node20',
  legalComments: 'none',
  alias: { 'oxc-minify': stubOxc },
  // Bundled CommonJS dependencies (semver, @actions/*) still call require().
  banner: { js: "import { createRequire as __runActionRequire } from 'node:module'; const require = __runActionRequire(import.meta.url);" },
  logLevel: 'warning',
});
rmSync(stubOxc);

// Runtime assets that bundled code loads with `new URL('./x', import.meta.url)`; every chunk lives
// directly in dist/, so they go next to it.
const assets = [
  ['@bytecodealliance/jco-transpile/vendor', /\.wasm$/],
  ['@bytecodealliance/preview2-shim/dist/io', /^worker-thread\.bundle\.js$/],
  // The preview1 adapters the build stage wraps core modules with (src/core/build/adapters.ts).
  ['@bytecodealliance/jco/lib', /^wasi_snapshot_preview1\.(command|reactor)\.wasm$/],
];
for (const [dir, pattern] of assets) {
  for (const f of readdirSync(join(nm, dir)).filter((f) => pattern.test(f)).sort()) {
    copyFileSync(join(nm, dir, f), join(dist, f));
  }
}
// package.json marks dist/*.js as ESM even when dist/ is copied away from the repository.
writeFileSync(join(dist, 'package.json'), '{ "type": "module" }\n');
