import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigNotFoundError } from '../../src/core/config/errors.js';
import type { RunConfig } from '../../src/core/config/model.js';
import { loadRunConfig, parseRunConfig } from '../../src/core/config/run-toml.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'config');
const fixture = (name: string) => readFileSync(join(fixtures, name), 'utf8');

describe('upstream compatibility cases (spec §10)', () => {
  it('case 1: project, simple dependency, component with capabilities, [dev]', () => {
    const cfg = parseRunConfig(
      `[project]
name = "my-app"
version = "1.0.0"

[dependencies]
"wasi:http" = "0.2.0"

[components.api]
path = "api.wasm"
capabilities = ["net:listen:8080"]

[dev]
hot_reload = true
port = 3000
`,
      'run.toml',
    );
    expect(cfg.project).toMatchObject({ name: 'my-app', version: '1.0.0' });
    expect(cfg.dependencies).toEqual([{ name: 'wasi:http', version: '0.2.0', optional: false, features: [] }]);
    expect(cfg.components.map((c) => c.name)).toEqual(['api']);
    expect(cfg.components[0]!.path).toBe('api.wasm');
    expect(cfg.components[0]!.capabilities).toEqual([{ kind: 'net', action: 'listen', port: 8080, text: 'net:listen:8080' }]);
    // [dev] is upstream's dev server, outside our scope: accepted without a warning.
    expect(cfg.warnings).toEqual([]);
  });

  it('case 2: test fields round-trip; [plugins] and [deploy] are accepted quietly', () => {
    const cfg = parseRunConfig(
      `[components.api]
path = "api.wasm"

[tests.sample]
component = "api"
function = "health"
args = ["bool:true"]
expect = "bool:true"

[plugins.audit]
path = "plugins/audit.wasm"
enabled = true
hooks = ["on_build"]

[deploy.local]
target = "local"
output_dir = "dist/deploy"
`,
      'run.toml',
    );
    expect(cfg.tests).toHaveLength(1);
    expect(cfg.tests[0]).toMatchObject({ name: 'sample', component: 'api', function: 'health', args: ['bool:true'], expect: 'bool:true' });
    expect(cfg.tests[0]!.location).toEqual({ file: 'run.toml', line: 4, col: 1 });
    expect(cfg.warnings).toEqual([]);
  });

  it('case 3: an empty file gives upstream defaults (and ours for [run])', () => {
    const cfg = parseRunConfig('', '/p/run.toml');
    expect(cfg.file).toBe('/p/run.toml');
    expect(cfg.dir).toBe('/p');
    expect(cfg.dialect).toBe('code');
    expect(cfg.project).toEqual({ name: 'unnamed', version: '0.1.0', authors: [] });
    expect(cfg.build).toEqual({ outputDir: 'target/wasm', target: 'wasm32-wasip2', optLevel: 'release', debug: false, reproducible: false });
    expect(cfg.registry).toEqual({ url: 'https://registry.esubalew.dev', mirrors: [] });
    expect(cfg.run).toEqual({ policy: 'strict', memoryMiB: 256, timeoutMs: 30_000, outputCapBytes: 1024 * 1024 });
    expect([cfg.components, cfg.tests, cfg.dependencies, cfg.devDependencies, cfg.warnings]).toEqual([[], [], [], [], []]);
  });

  it('case 5: the documented dialect ([package] + [[component]]) is accepted, not dropped as upstream does', () => {
    const cfg = parseRunConfig(
      `[package]
name = "docs-app"
version = "2.0.0"

[[component]]
name = "hello"
path = "hello.wasm"
wit = "wit"

[[component]]
name = "world"
source = "world.py"
`,
      'run.toml',
    );
    expect(cfg.dialect).toBe('documented');
    expect(cfg.project).toMatchObject({ name: 'docs-app', version: '2.0.0' });
    expect(cfg.components.map((c) => [c.name, c.path, c.source, c.wit])).toEqual([
      ['hello', 'hello.wasm', undefined, 'wit'],
      ['world', undefined, 'world.py', undefined],
    ]);
    expect(cfg.components[1]!.location).toEqual({ file: 'run.toml', line: 10, col: 1 });
  });
});

describe('complete files', () => {
  it('reads the upstream example of spec §1.4 in full', () => {
    const cfg = parseRunConfig(fixture('upstream-example.run.toml'), 'run.toml');
    expect(cfg.project).toEqual({
      name: 'acme',
      version: '1.2.0',
      description: 'Calculator demo',
      authors: ['Jane Doe <jane@example.org>'],
      license: 'Apache-2.0',
      repository: 'https://example.org/acme/calc',
    });
    expect(cfg.dependencies).toEqual([
      { name: 'wasi:logging', version: '0.1.0', optional: false, features: [] },
      { name: 'acme:mathlib', version: '=2.0.1', optional: false, features: ['fast'] },
    ]);
    expect(cfg.devDependencies).toEqual([{ name: 'acme:mock', version: '1.0.0', optional: false, features: [] }]);
    expect(cfg.components.map((c) => c.name)).toEqual(['calc', 'greeter', 'py-worker']);
    const [calc, , worker] = cfg.components;
    expect(calc).toMatchObject({ source: 'calc', language: 'rust', env: { LOG_LEVEL: 'debug' } });
    expect(calc!.capabilities.map((c) => c.kind)).toEqual(['stdout', 'stderr', 'clock']);
    expect(worker).toMatchObject({ language: 'python', dependencies: ['calc'] });
    expect(cfg.tests.map((t) => [t.name, t.args, t.expect, t.expectError])).toEqual([
      ['add_small', ['s32:2', 's32:3'], 's32:5', undefined],
      ['div_by_zero', ['s32:1', 's32:0'], undefined, 'execution failed'],
    ]);
    expect(cfg.build).toEqual({ outputDir: 'target/wasm', target: 'wasm32-wasip2', optLevel: 'release', debug: false, reproducible: true, sourceDateEpoch: 1700000000 });
    expect(cfg.registry).toEqual({ url: 'https://registry.example.org', mirrors: ['https://mirror.example.org'] });
    expect(cfg.warnings).toEqual([]);
  });

  it('normalises both dialects of the same project to the same model', () => {
    const strip = (c: RunConfig) => ({
      ...c,
      file: undefined,
      dir: undefined,
      dialect: undefined,
      components: c.components.map(({ location: _l, ...rest }) => rest),
      tests: c.tests.map(({ location: _l, argsLocation: _a, expectLocation: _e, ...rest }) => rest),
    });
    const code = parseRunConfig(fixture('code-dialect.run.toml'), 'code/run.toml');
    const documented = parseRunConfig(fixture('documented-dialect.run.toml'), 'documented/run.toml');
    expect(code.dialect).toBe('code');
    expect(documented.dialect).toBe('documented');
    expect(code.warnings).toEqual([]);
    expect(documented.warnings).toEqual([]);
    expect(strip(documented)).toEqual(strip(code));
    // And the content is what was written, not two identical empty models.
    expect(code.components[1]).toMatchObject({
      name: 'app',
      language: 'javascript',
      wit: 'wit/app.wit',
      world: 'app',
      imports: { 'example:calculator/math': 'math' },
      dependencies: ['math'],
      env: { LOG_LEVEL: 'debug' },
    });
    expect(code.tests[1]).toMatchObject({ name: 'app_runs', expectExit: 0, expectStdout: '5\n' });
    expect(code.run).toEqual({ policy: 'virtual', memoryMiB: 128, timeoutMs: 10_000, outputCapBytes: 1024 * 1024 });
  });
});

describe('values and aliases', () => {
  it('keeps unquoted TOML numbers and booleans in tests as the text they were written as', () => {
    const cfg = parseRunConfig(
      `[components.c]
path = "c.wasm"
[tests.t]
component = "c"
function = "f"
args = [42, -7, 2.0, 1.5, true, "s32:3", 0x10]
expect = 43
`,
      'run.toml',
    );
    expect(cfg.tests[0]!.args).toEqual(['42', '-7', '2.0', '1.5', 'true', 's32:3', '16']);
    expect(cfg.tests[0]!.expect).toBe('43');
  });

  it('accepts the language aliases of upstream §4.1 plus c and wat, case-insensitively', () => {
    const aliases: Record<string, string> = {
      rs: 'rust', RUST: 'rust', py: 'python', js: 'javascript', ts: 'typescript', golang: 'go', Go: 'go',
      wasm32: 'wasm', zig: 'zig', c: 'c', C: 'c', wat: 'wat',
    };
    for (const [written, lang] of Object.entries(aliases)) {
      const cfg = parseRunConfig(`[components.x]\nsource = "x"\nlanguage = "${written}"\n`, 'run.toml');
      expect(cfg.components[0]!.language, written).toBe(lang);
    }
  });

  it('reads [run] quantities as integers or strings with units', () => {
    const read = (body: string) => parseRunConfig(`[run]\n${body}\n`, 'run.toml').run;
    expect(read('memory = 64\ntimeout = 500\noutput_cap = 4096')).toEqual({ policy: 'strict', memoryMiB: 64, timeoutMs: 500, outputCapBytes: 4096 });
    expect(read('memory = "1GiB"\ntimeout = "1.5s"\noutput_cap = "64KiB"\npolicy = "dev"')).toEqual({ policy: 'dev', memoryMiB: 1024, timeoutMs: 1500, outputCapBytes: 65536 });
    expect(read('timeout = "2m"').timeoutMs).toBe(120_000);
    expect(read('memory = "512 MiB"').memoryMiB).toBe(512);
  });

  it('merges [dev-dependencies] and [dev_dependencies], and reads table-form dependencies', () => {
    const cfg = parseRunConfig(
      `[dev-dependencies]
"acme:mock" = "1.0.0"
[dev_dependencies]
"acme:fake" = { version = "2", optional = true, git = "https://example.org/fake.git" }
[dependencies."acme:lib"]
path = "../lib"
`,
      'run.toml',
    );
    expect(cfg.devDependencies).toEqual([
      { name: 'acme:mock', version: '1.0.0', optional: false, features: [] },
      { name: 'acme:fake', version: '2', optional: true, features: [], git: 'https://example.org/fake.git' },
    ]);
    expect(cfg.dependencies).toEqual([{ name: 'acme:lib', version: '', optional: false, features: [], path: '../lib' }]);
  });

  it('names unnamed [[test]] entries after their function, uniquely', () => {
    const cfg = parseRunConfig(
      `[[component]]
name = "c"
[[test]]
component = "c"
function = "add"
[[test]]
component = "c"
function = "add"
[[test]]
name = "explicit"
component = "c"
function = "sub"
`,
      'run.toml',
    );
    expect(cfg.tests.map((t) => t.name)).toEqual(['add', 'add-2', 'explicit']);
  });
});

describe('warnings', () => {
  it('warns about unknown sections and keys with their line, suggesting near misses', () => {
    const cfg = parseRunConfig(
      `name = "stray"

[project]
name = "x"
verison = "1.0.0"

[componets.calc]
path = "calc.wasm"

[components.calc]
path = "calc.wasm"
enabled = true
capabilites = ["stdout"]

[tests.t]
component = "calc"
function = "f"
expcet = "s32:1"

[bridge.http]
port = 80
`,
      'run.toml',
    );
    expect(cfg.warnings.map((w) => `${w.location?.line}:${w.location?.col} ${w.message}`)).toEqual([
      '1:1 `name` outside any section is ignored; move it under [project]',
      '7:1 unknown section [componets] is ignored (did you mean [components]?)',
      '20:1 unknown section [bridge] is ignored',
      '5:1 unknown key `verison` in [project]; it is ignored (did you mean `version`?)',
      '12:1 unknown key `enabled` in [components.calc]; it is ignored',
      '13:1 unknown key `capabilites` in [components.calc]; it is ignored (did you mean `capabilities`?)',
      '18:1 unknown key `expcet` in [tests.t]; it is ignored (did you mean `expect`?)',
    ]);
    expect(cfg.warnings.every((w) => w.location?.file === 'run.toml')).toBe(true);
  });

  it('places warnings correctly in files with a byte-order mark and CRLF line ends', () => {
    const cfg = parseRunConfig('\uFEFF[project]\r\nnmae = "x"\r\n', 'run.toml');
    expect(cfg.warnings).toEqual([
      { message: 'unknown key `nmae` in [project]; it is ignored (did you mean `name`?)', location: { file: 'run.toml', line: 2, col: 1 } },
    ]);
  });

  it('warns when a component depends on a name that is not a component of the project', () => {
    const cfg = parseRunConfig(`[components.a]\npath = "a.wasm"\ndependencies = ["b", "acme:lib"]\n[components.b]\npath = "b.wasm"\n`, 'run.toml');
    expect(cfg.warnings).toEqual([
      {
        message: 'component "a" depends on "acme:lib", which is not a component of this project (defined components: a, b)',
        location: { file: 'run.toml', line: 3, col: 22 },
      },
    ]);
  });

  it('warns about keys directly under a bare [tests] header (upstream ignores them)', () => {
    const cfg = parseRunConfig(`[tests]\ncomponent = "x"\n`, 'run.toml');
    expect(cfg.tests).toEqual([]);
    expect(cfg.warnings.map((w) => w.location?.line)).toEqual([2]);
  });
});

describe('loadRunConfig', () => {
  const dir = mkdtempSync(join(tmpdir(), 'run-action-config-'));

  it('finds run.toml in a directory and accepts a file path', async () => {
    const project = join(dir, 'proj');
    mkdirSync(project);
    writeFileSync(join(project, 'run.toml'), '[project]\nname = "from-disk"\n');
    const fromDir = await loadRunConfig(project);
    expect(fromDir.project.name).toBe('from-disk');
    expect(fromDir.file).toBe(join(project, 'run.toml'));
    expect(fromDir.dir).toBe(project);
    expect((await loadRunConfig(join(project, 'run.toml'))).project.name).toBe('from-disk');
  });

  it('says where run.toml was looked for and how to get one', async () => {
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    const err = await loadRunConfig(empty).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigNotFoundError);
    expect((err as ConfigNotFoundError).message).toBe(`no run.toml in ${empty}`);
    expect((err as ConfigNotFoundError).location).toEqual({ file: join(empty, 'run.toml') });
    expect((err as ConfigNotFoundError).hint).toMatch(/run-action init.*-C <dir>/);
    const missing = await loadRunConfig(join(dir, 'nope')).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(ConfigNotFoundError);
    expect((missing as Error).message).toBe(`${join(dir, 'nope')} does not exist`);
  });
});
