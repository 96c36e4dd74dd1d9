/**
 * Toolchain setup benchmark (`npx tsx bench/setup.ts`): prints figures and ratios against
 * baselines measured in the same process; it asserts nothing. Uses the six linux-x64 release
 * assets of the setup tests (real wasmtime and wasm-tools binaries) on a loopback release host.
 *
 * 1. Cold install (download, sha256 check, extract, version command, file listing) vs a plain
 *    download to a file plus `tar -xf` (or a copy, for a bare binary) of the same assets.
 * 2. Warm setup (every tool already in the tool cache, verified file by file): time and the
 *    number of requests sent to the host, which must be zero.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseToolchainLock } from '../src/core/config/lock-toml.js';
import { silentLogger } from '../src/core/log.js';
import { parseMirror, setupToolchains } from '../src/core/toolchain/index.js';
import { startLoopback } from '../test/support/loopback.js';
import { linuxReleaseAssets, lockText, serveAssets } from '../test/toolchain/support/releases.js';

const ROUNDS = 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

function plainGet(url: string, dest: string): Promise<void> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        pipeline(res, createWriteStream(dest)).then(resolve, reject);
      })
      .on('error', reject);
  });
}

async function main(): Promise<void> {
  const assets = linuxReleaseAssets();
  if (typeof assets === 'string') {
    console.log(`setup benchmark skipped: ${assets}`);
    return;
  }
  const host = await startLoopback();
  serveAssets(host, assets);
  const work = mkdtempSync(join(tmpdir(), 'bench-setup-'));
  const file = join(work, 'run.lock.toml');
  writeFileSync(file, lockText(assets));
  const lock = parseToolchainLock(lockText(assets), file);
  const mirror = parseMirror([host.url]);
  const totalBytes = assets.reduce((n, a) => n + (execFileSync('stat', ['-c', '%s', a.file], { encoding: 'utf8' }).trim() as unknown as number) * 1, 0);
  try {
    const baseline: number[] = [];
    const cold1: number[] = [];
    const cold2: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const dir = join(work, `plain-${round}`);
      mkdirSync(dir);
      baseline.push(
        await time(async () => {
          for (const a of assets) {
            const out = join(dir, a.path.split('/').pop()!);
            await plainGet(host.url + a.path.slice(1), out);
            if (/\.tar\.(gz|xz)$/.test(out)) execFileSync('tar', ['-xf', out, '-C', dir]);
            else {
              copyFileSync(out, join(dir, a.tool));
              chmodSync(join(dir, a.tool), 0o755);
            }
          }
        }),
      );
      cold1.push(await time(() => setupToolchains(lock, { toolCacheDir: join(work, `c1-${round}`), mirror, concurrency: 1 }, silentLogger)));
      cold2.push(await time(() => setupToolchains(lock, { toolCacheDir: join(work, `c2-${round}`), mirror }, silentLogger)));
    }
    const warmDir = join(work, 'c2-0');
    const before = host.requests.length;
    const warm: number[] = [];
    for (let round = 0; round < ROUNDS; round++) warm.push(await time(() => setupToolchains(lock, { toolCacheDir: warmDir, mirror }, silentLogger)));
    const warmRequests = host.requests.length - before;

    const b = median(baseline);
    const mb = (totalBytes / 1e6).toFixed(1);
    console.log(`toolchain setup, ${assets.length} tools (${assets.map((a) => a.tool).join(', ')}), ${mb} MB of archives, median of ${ROUNDS}`);
    console.log(`  baseline: plain download + tar -xf          ${b.toFixed(0)} ms`);
    console.log(`  cold setup, one tool at a time              ${median(cold1).toFixed(0)} ms  (${(median(cold1) / b).toFixed(2)}x baseline; target <= 1.2x)`);
    console.log(`  cold setup, default concurrency (2)         ${median(cold2).toFixed(0)} ms  (${(median(cold2) / b).toFixed(2)}x baseline)`);
    console.log(`  warm setup (tool cache, every file verified) ${median(warm).toFixed(0)} ms  (target <= 1000 ms; ${(median(warm) / median(cold2)).toFixed(2)}x cold), requests to the host: ${warmRequests}`);
  } finally {
    await host.close();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
