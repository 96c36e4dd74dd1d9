/**
 * The variations really reach the toolchain processes, and a digest they flip is traced to its
 * condition. Custom build commands (run through the shell as real builds are) record what they
 * see, or bake one condition into a clang-built module: the umask, or the build directory.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatVerifyReport } from '../../src/core/verify/index.js';
import { watComponent } from '../support/fixtures.js';
import { needTool } from '../support/toolchain.js';
import { project, tempDir, verify } from './helpers.js';

const noClang = needTool('clang', ['--version']);

const PROBE = `#!/bin/sh
# Records what this build step sees, then "builds" by copying a prebuilt component.
printf 'pwd=%s umask=%s home=%s tz=%s lc_all=%s lang=%s nproc=%s gocache=%s cached=%s\\n' "$PWD" "$(umask)" "$HOME" "$TZ" "$LC_ALL" "$LANG" "$(nproc)" "$GOCACHE" "$(ls -A "$GOCACHE" 2>/dev/null | wc -l)" >> "$1"
# What a compiler would leave in its cache for the next build to reuse.
[ -z "$GOCACHE" ] || { mkdir -p "$GOCACHE" && touch "$GOCACHE/compiled-$$"; }
mkdir -p out && cp prebuilt.wasm out/probe.wasm
`;

describe('verify: the build variations', () => {
  it('apply to the tools of the variant build, while the pinned TZ and LC_ALL keep the host values out', async () => {
    const seen = join(tempDir(), 'seen.txt');
    const dir = project({
      'run.toml': `[project]\nname = "probe"\n\n[components.probe]\nbuild = "sh probe.sh ${seen}"\npath = "out/probe.wasm"\n`,
      'probe.sh': PROBE,
      'prebuilt.wasm': await watComponent('(component)'),
    });
    const { report } = await verify(dir);
    const [reference, variant] = readFileSync(seen, 'utf8').trim().split('\n').map((l) => Object.fromEntries(l.split(' ').map((kv) => kv.split('='))));
    const v = Object.fromEntries(report.build.variations.map((x) => [x.name, x]));
    expect(reference!.pwd).toBe(dir);
    expect(variant!.pwd).toBe(v['build-path']!.variant);
    expect([reference!.umask, variant!.umask]).toEqual([v.umask!.reference, v.umask!.variant]);
    expect([reference!.home, variant!.home]).toEqual([process.env.HOME, v.home!.variant]);
    if (v['cpu-count']?.how.includes('taskset')) expect([reference!.nproc, variant!.nproc]).toEqual([v['cpu-count'].reference, '1']);
    // The host's TZ and locale were varied, but the build environment pins its own.
    expect(v.timezone!.variant).toBe('Pacific/Kiritimati');
    expect([reference!.tz, variant!.tz, reference!.lc_all, variant!.lc_all, variant!.lang]).toEqual(['UTC', 'UTC', 'C', 'C', '']);
    // The variant build gets its own, empty compiler caches, not the reference build's.
    expect(variant!.gocache).toMatch(/\/run-action-verify-\w+\/compiler-caches\/go-build$/);
    expect(variant!.gocache).not.toBe(reference!.gocache);
    expect(variant!.cached).toBe('0');
    expect(report.build.freshCaches).toEqual(['GOCACHE', 'ZIG_GLOBAL_CACHE_DIR']);
    expect(report.components[0]).toMatchObject({ name: 'probe', verdict: 'reproducible' });
    // Process state is restored afterwards.
    expect(process.env.TZ).toBe(undefined);
  });

  it('reports a build that fails under the variations as not reproducible, with the failure', async () => {
    const dir = project({
      'run.toml': `[project]\nname = "homebound"\n\n[components.homebound]\nbuild = "sh build.sh"\npath = "out/homebound.wasm"\n`,
      'build.sh': `#!/bin/sh\n[ "$HOME" = "${process.env.HOME}" ] || { echo "no settings in $HOME" >&2; exit 3; }\nmkdir -p out && cp prebuilt.wasm out/homebound.wasm\n`,
      'prebuilt.wasm': await watComponent('(component)'),
    });
    const { report } = await verify(dir);
    expect(report.build.variantError).toMatch(/^building 'homebound': shell failed \(exit code 3\):\nno settings in \/.*\/home\n/);
    expect(report.components[0]).toMatchObject({ verdict: 'not reproducible', cause: `the variant build failed: ${report.build.variantError}` });
    expect(report.ok).toBe(false);
  });
});

const STAMPED_C = `static const char stamp[] = "built in " STAMP;
__attribute__((export_name("stamp"))) const char *get_stamp(void) { return stamp; }
`;

// STAMP is the build's umask, or its directory: a build that depends on one condition.
const BUILD_SH = `#!/bin/sh
set -e
mkdir -p out
case "$1" in
  umasked) stamp="$(umask)" ;;
  pathed) stamp="$PWD" ;;
esac
clang --target=wasm32-wasi -O2 -mexec-model=reactor "-DSTAMP=\\"$stamp\\"" -o "out/$1.wasm" stamped.c
`;

describe.skipIf(noClang)('verify: the culprit search', () => {
  it('names the condition that flips each digest, one condition at a time, and explains the difference', async () => {
    const dir = project({
      'run.toml': `[project]
name = "stamped"

[components.umasked]
build = "sh build.sh umasked"
path = "out/umasked.wasm"

[components.pathed]
build = "sh build.sh pathed"
path = "out/pathed.wasm"
`,
      'build.sh': BUILD_SH,
      'stamped.c': STAMPED_C,
    });
    const { report, log } = await verify(dir);
    const [umasked, pathed] = report.components;
    expect(umasked).toMatchObject({ verdict: 'not reproducible', culprit: { condition: 'umask', title: 'umask' } });
    expect(umasked!.culprit!.detail).toMatch(/^umask 0022 → 0077 alone changes it from [0-9a-f]{12}… to [0-9a-f]{12}…$/);
    expect(umasked!.cause).toMatch(/^umask flips the digest \(umask 0022 → 0077 alone changes it .*\); snapshot-data: only initialised data differs, the code is identical/);
    expect(pathed).toMatchObject({ verdict: 'not reproducible', culprit: { condition: 'build-path' }, explanation: { cause: 'build-path' } });
    expect(pathed!.explanation!.items[0]!.text).toEqual({ a: dir, b: report.build.variantDir });
    // Two control builds, then umask alone: the build path is settled by the controls.
    expect(report.build.culpritBuilds).toBe(3);
    expect(log.lines.filter((l) => l.startsWith('▸ verify: culprit search'))).toEqual([
      '▸ verify: culprit search, control build',
      '▸ verify: culprit search, control build again',
      '▸ verify: culprit search, umask alone',
    ]);
    expect(report.ok).toBe(false);
    const text = formatVerifyReport(report);
    expect(text).toContain('  culprit search: 3 more builds, one condition at a time');
    expect(text).toContain('Behaviour: no test or exec case to run (declare [tests] in run.toml)');
    expect(text).toContain(`Why pathed differs between the builds:\n  build-path: an embedded build path differs`);
  });

  it('says when a build differs under identical conditions, so no condition is to blame', async () => {
    const dir = project({
      'run.toml': `[project]\nname = "noisy"\n\n[components.noisy]\nbuild = "sh build.sh"\npath = "out/noisy.wasm"\n`,
      'build.sh': `#!/bin/sh\nset -e\nmkdir -p out\nclang --target=wasm32-wasi -O2 -mexec-model=reactor "-DSTAMP=\\"$(od -An -N8 -tx1 /dev/urandom | tr -d ' ')\\"" -o out/noisy.wasm stamped.c\n`,
      'stamped.c': STAMPED_C,
    });
    const { report } = await verify(dir);
    expect(report.components[0]).toMatchObject({ verdict: 'not reproducible', culprit: { condition: 'nondeterministic', title: 'no condition: the build is nondeterministic' } });
    expect(report.build.culpritBuilds).toBe(2);
  });
});
