/**
 * Cold `exec` as a user meets it (`npx tsx bench/cold-exec.ts`): the committed bundle, a new node
 * process per run, `run-action exec hello --call 'greet(41)'` on examples/hello-wat — against a bare
 * `node -e 0` measured in the same loop. The first run fills `.run/cache` (WAT compile + transpile);
 * the figures are for the runs after it. Target: ≤ 400 ms above bare node.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'bench-cold-exec-'));
cpSync(join(root, 'examples', 'hello-wat'), dir, { recursive: true, filter: (s) => !s.includes('.run') });
const cli = join(root, 'dist', 'cli.js');

const time = (args: string[]) => {
  const t0 = performance.now();
  execFileSync(process.execPath, args, { cwd: dir, stdio: 'pipe' });
  return performance.now() - t0;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const first = time([cli, 'exec', 'hello', '--call', 'greet(41)']);
const bare: number[] = [];
const exec: number[] = [];
for (let i = 0; i < 15; i++) {
  bare.push(time(['-e', '0']));
  exec.push(time([cli, 'exec', 'hello', '--call', 'greet(41)']));
}
rmSync(dir, { recursive: true, force: true });
const b = median(bare);
const e = median(exec);
console.log(`first exec (fills .run/cache)   ${first.toFixed(0)} ms`);
console.log(`bare node -e 0 (median of 15)   ${b.toFixed(0)} ms`);
console.log(`cold exec hello-wat (median)    ${e.toFixed(0)} ms   = bare + ${(e - b).toFixed(0)} ms (target ≤ +400 ms), ratio ${(e / b).toFixed(2)}×`);
