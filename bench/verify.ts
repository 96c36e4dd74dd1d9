/**
 * What `verify` costs on examples/hello-wat and examples/hello-c, against the baseline of one plain
 * `build` of the same project in the same process: verify adds a second (varied) build and the
 * behaviour runs, so the ratio says how much of a CI job proving reproducibility takes.
 *
 *   npx tsx bench/verify.ts
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildProject } from '../src/core/build/index.js';
import { loadRunConfig } from '../src/core/config/run-toml.js';
import { silentLogger } from '../src/core/log.js';
import { verifyProject } from '../src/core/verify/index.js';

const RUNS = 3;
const root = join(import.meta.dirname, '..');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

for (const example of ['hello-wat', 'hello-c']) {
  const builds: number[] = [];
  const verifies: number[] = [];
  let phases = '';
  for (let i = 0; i < RUNS; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'bench-verify-'));
    cpSync(join(root, 'examples', example), dir, { recursive: true, filter: (src) => !/[\\/](target|\.run)$/.test(src) });
    try {
      const config = await loadRunConfig(dir);
      builds.push(await time(() => buildProject(config, { env: process.env }, silentLogger)));
      let report;
      verifies.push(await time(async () => (report = await verifyProject(config, { env: process.env }, silentLogger))));
      const r = report!;
      if (!r.ok) throw new Error(`${example}: verify failed`);
      phases = `builds ${r.ms.build.toFixed(0)} ms, behaviour ${r.ms.behaviour.toFixed(0)} ms (${r.cases.length} cases × ${r.cases[0]!.checks.length + 1} runs), explain ${r.ms.explain.toFixed(0)} ms`;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const b = median(builds);
  const v = median(verifies);
  console.log(`${example}: build ${b.toFixed(0)} ms; verify ${v.toFixed(0)} ms = ${(v / b).toFixed(2)}× build (median of ${RUNS}; last: ${phases})`);
}
