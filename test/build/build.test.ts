/**
 * How `build` behaves around the toolchains: prebuilt and custom builds (upstream §4.4, §10 case 25),
 * the scrubbed reproducible environment, dependency order, core modules made components, and the
 * errors users meet — each with the place, the tool's own words and what to do.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from '@bytecodealliance/jco-transpile/wasm-tools';
import { BuildPlanError, BuildSourceError, BuildWitError, InvalidComponentError, ToolFailedError, ToolNotFoundError } from '../../src/core/build/index.js';
import { needTool } from '../support/toolchain.js';
import { build, call, failure, project } from './helpers.js';
import { WatSyntaxError } from '../../src/core/wasm/wat.js';
import { sha256Hex } from '../../src/core/sha256.js';

const HELLO_WAT = readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'hello-wat', 'components', 'hello.wat'), 'utf8');
const CALC_WIT = 'package example:calc@0.1.0;\n\ninterface math {\n  add: func(a: s32, b: s32) -> s32;\n}\n\nworld calc {\n  export math;\n}\n';
const CORE_ADD = '(module (func (export "example:calc/math@0.1.0#add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add))';

let component: Uint8Array;
beforeAll(async () => {
  component = await parse(HELLO_WAT);
});

describe('prebuilt components (language wasm)', () => {
  it('copies a `path` component into the output with metadata; built_at is [build].source_date_epoch (§10 case 25)', async () => {
    const dir = project({ 'run.toml': '[components.hello]\npath = "hello.wasm"\n\n[build]\nreproducible = true\nsource_date_epoch = 42\n', 'hello.wasm': component });
    const b = await build(dir);
    expect(b.bytes('hello')).toEqual(component);
    expect(b.meta('hello')).toMatch(new RegExp(`^sha256 = "${b.result.built[0]!.sha256}"\n.*\nlanguage = "wasm"\n[\\s\\S]*^built_at = 42$`, 'm'));
  });

  it('fails with upstream\'s message when the file is missing, and writes nothing', async () => {
    const dir = project({ 'run.toml': '[components.hello]\npath = "missing.wasm"\n' });
    await expect(build(dir)).rejects.toThrow(/WASM source not found at .*missing\.wasm/);
    expect(existsSync(join(dir, 'target', 'wasm', 'hello.wasm'))).toBe(false);
  });

  it('leaves a component already at <output_dir>/<name>.wasm intact (upstream truncated it, §9.3 item 21)', async () => {
    const dir = project({ 'run.toml': '[components.hello]\npath = "target/wasm/hello.wasm"\n', 'target/wasm/hello.wasm': component });
    const b = await build(dir);
    expect(b.bytes('hello')).toEqual(component);
  });

  it('turns a prebuilt core module into a component, embedding the WIT world for typed exports', async () => {
    const dir = project({ 'run.toml': '[components.calc]\npath = "calc.core.wasm"\nwit = "wit"\nworld = "calc"\n', 'calc.core.wasm': await parse(CORE_ADD), 'wit/calc.wit': CALC_WIT });
    const b = await build(dir);
    expect(b.log.text()).toContain("no adapter (no WASI imports), WIT world 'calc' embedded");
    expect((await call(b.bytes('calc'), 'example:calc/math@0.1.0#add', [2, 3])).value).toBe(5);
  });

  it('rejects bytes that are not WebAssembly, and invalid code inside a component', async () => {
    const bad = project({ 'run.toml': '[components.x]\npath = "x.wasm"\n', 'x.wasm': 'not wasm' });
    await expect(build(bad)).rejects.toThrow(/Invalid component: .*x\.wasm - Output is not a valid WASM binary/);
    const broken = await parse('(component (core module (func (export "f") (result i32) i32.const 1)))');
    // Corrupt the nested module's function body: i32.const 1 → i64.const 1 (a type error V8 rejects).
    const at = broken.findIndex((v, i) => v === 0x41 && broken[i + 1] === 0x01 && broken[i + 2] === 0x0b);
    broken[at] = 0x42;
    const dir = project({ 'run.toml': '[components.x]\npath = "x.wasm"\n', 'x.wasm': broken });
    await expect(build(dir)).rejects.toThrow(/component\/module\[0\] does not validate: .*Compiling function/);
  });
});

describe('WAT', () => {
  it('builds a core-module WAT against its WIT world', async () => {
    const dir = project({ 'run.toml': '[components.calc]\nsource = "calc.wat"\nwit = "wit/calc.wit"\n', 'calc.wat': CORE_ADD, 'wit/calc.wit': CALC_WIT });
    const b = await build(dir);
    expect(b.meta('calc')).toContain('"example:calc/math@0.1.0"');
    expect((await call(b.bytes('calc'), 'example:calc/math@0.1.0#add', [20, 22])).value).toBe(42);
  });

  it('reports a WAT syntax error at its line and column', async () => {
    const dir = project({ 'run.toml': '[components.bad]\nsource = "bad.wat"\n', 'bad.wat': '(component\n  (core module (func (bogus))))\n' });
    const err = await failure(build(dir), WatSyntaxError);
    expect(err.message).toBe(`cannot compile ${join(dir, 'bad.wat')}: unknown operator or unexpected token at line 2, column 23: (core module (func (bogus))))`);
    expect(err.location).toEqual({ file: join(dir, 'bad.wat'), line: 2, col: 23 });
  });

  it('checks the output against the declared world', async () => {
    const wit = CALC_WIT.replace('add: func(a: s32, b: s32) -> s32;', 'add: func(a: s32, b: s32) -> s32;\n  sub: func(a: s32, b: s32) -> s32;');
    const dir = project({ 'run.toml': '[components.calc]\nsource = "calc.wat"\nwit = "wit"\n', 'calc.wat': CORE_ADD, 'wit/calc.wit': wit });
    const err = await failure(build(dir), InvalidComponentError);
    expect(err.message).toContain('failed to find export of interface `example:calc/math@0.1.0` function `sub`');
    expect(err.hint).toContain("world 'calc'");
  });
});

describe('custom build commands', () => {
  it('run in the project with the scrubbed, reproducible environment; then `path` is validated and copied', async () => {
    const dir = project({
      'run.toml': '[components.app]\nbuild = "env > build-env.txt && cp prebuilt.wasm out.wasm"\npath = "out.wasm"\n\n[build]\nsource_date_epoch = 42\n',
      'run.lock.toml': 'version = "1"\n\n[build]\nSOURCE_DATE_EPOCH = 1700000000\nTZ = "UTC"\nLC_ALL = "C"\nRUSTFLAGS = ""\nMY_PINNED = "yes"\n',
      'prebuilt.wasm': component,
    });
    const env = { ...process.env, GITHUB_TOKEN: 'ghs_secret', NPM_TOKEN: 'npm_secret', HTTPS_PROXY: 'http://user:pw@proxy:3128', LANG: 'de_DE.UTF-8', TZ: 'Europe/Berlin' };
    const b = await build(dir, { env });
    const seen = readFileSync(join(dir, 'build-env.txt'), 'utf8');
    for (const line of ['SOURCE_DATE_EPOCH=1700000000', 'TZ=UTC', 'LC_ALL=C', 'PYTHONHASHSEED=0', 'MY_PINNED=yes']) expect(seen).toContain(`${line}\n`);
    for (const secret of ['ghs_secret', 'npm_secret', 'user:pw', 'LANG=', 'Europe/Berlin']) expect(seen).not.toContain(secret);
    const log = b.log.text();
    expect(log).toContain('SOURCE_DATE_EPOCH=1700000000 (from run.lock.toml [build])');
    expect(log).toMatch(/removed from the environment: \d+ variables \(.*GITHUB_TOKEN.*NPM_TOKEN/);
    expect(log).toContain('warning: HTTPS_PROXY holds a URL with credentials');
    expect(log).toContain('source_date_epoch = 42 differs from run.lock.toml SOURCE_DATE_EPOCH = 1700000000; the lock wins');
    expect(log).not.toContain('ghs_secret');
    expect(b.meta('app')).toMatch(/^built_at = 1700000000$/m);
  });

  it('needs `path` (upstream\'s message), and a failing command fails with the shell\'s own words', async () => {
    const noPath = project({ 'run.toml': '[components.app]\nbuild = "true"\n' });
    await expect(build(noPath)).rejects.toThrow("Custom build for 'app' requires a .wasm path in component.path");
    const failing = project({ 'run.toml': '[components.app]\nbuild = "echo nope >&2; exit 3"\npath = "out.wasm"\n' });
    const err = await failure(build(failing), ToolFailedError);
    expect(err.message).toMatch(/building 'app': shell failed \(exit code 3\):\nnope\n\$ cd .* && \/bin\/sh -c 'echo nope >&2; exit 3'/);
    expect(err.location).toMatchObject({ file: join(failing, 'run.toml'), line: 1 });
  });
});

describe('order and selection', () => {
  it('builds dependencies first (dependencies and imports), independent components alongside', async () => {
    const step = (name: string, wait: number) => `build = "sleep ${wait} && echo ${name} >> order.txt && cp c.wasm ${name}.wasm"\npath = "${name}.wasm"\n`;
    const dir = project({
      'run.toml': [
        '[components.app]',
        step('app', 0),
        'dependencies = ["lib"]',
        '[components.lib]',
        step('lib', 0.3),
        'imports = { "example:calc/math" = "base" }',
        '[components.base]',
        step('base', 0.6),
        '[components.other]',
        step('other', 0),
      ].join('\n'),
      'c.wasm': component,
    });
    const b = await build(dir, { jobs: 4 });
    const order = readFileSync(join(dir, 'order.txt'), 'utf8').trim().split('\n');
    expect(order.indexOf('base')).toBeLessThan(order.indexOf('lib'));
    expect(order.indexOf('lib')).toBeLessThan(order.indexOf('app'));
    expect(order[0]).toBe('other'); // not held back by the chain
    expect(b.result.built.map((c) => c.name)).toEqual(['app', 'lib', 'base', 'other']);
  });

  it('refuses a dependency cycle, naming it', async () => {
    const dir = project({ 'run.toml': '[components.a]\npath = "a.wasm"\ndependencies = ["b"]\n\n[components.b]\npath = "b.wasm"\ndependencies = ["a"]\n' });
    const err = await failure(build(dir), BuildPlanError);
    expect(err.message).toBe('components depend on each other in a cycle: a → b → a');
  });

  it('builds only the named components; an unknown name is upstream\'s error with a suggestion', async () => {
    const dir = project({ 'run.toml': '[components.hello]\npath = "h.wasm"\n\n[components.other]\npath = "missing.wasm"\n\n[components.docs]\n', 'h.wasm': component });
    const b = await build(dir, { components: ['hello'] });
    expect(b.result.built.map((c) => c.name)).toEqual(['hello']);
    expect((await build(dir, { components: ['docs'] })).result.skipped).toEqual(['docs']);
    const err = await failure(build(dir, { components: ['helo'] }), BuildPlanError);
    expect(err.message).toBe('Component not found: helo');
    expect(err.hint).toContain('did you mean `hello`?');
  });
});

describe('source and language detection (upstream §4.2)', () => {
  it('cannot detect a folder without markers: upstream\'s message, located at the component', async () => {
    const dir = project({ 'run.toml': '[project]\nname = "x"\n\n[components.thing]\nsource = "thing"\n', 'thing/readme.txt': 'hi' });
    const err = await failure(build(dir), BuildSourceError);
    expect(err.message).toBe(`Cannot detect language for ${join(dir, 'thing')}. No project markers found.`);
    expect(err.location).toMatchObject({ file: join(dir, 'run.toml'), line: 4 });
    expect(err.hint).toContain('Cargo.toml');
  });

  it('needs a WIT world for Python and JavaScript, and names the worlds when `world` is wrong', async () => {
    const noWit = project({ 'run.toml': '[components.py]\nsource = "app.py"\n', 'app.py': 'x = 1\n' });
    await expect(build(noWit)).rejects.toThrow(BuildWitError);
    await expect(build(noWit)).rejects.toThrow("component 'py': WIT directory not found near .");
    const twoWorlds = project({ 'run.toml': '[components.js]\nsource = "app.js"\nworld = "nope"\n', 'app.js': '', 'wit/w.wit': 'package a:b;\nworld one {}\nworld two {}\n' });
    const err = await failure(build(twoWorlds), BuildWitError);
    expect(err.message).toBe("component 'js': world 'nope' is not defined in wit");
    expect(err.hint).toBe('set world = one of: "one", "two"');
  });
});

const noClang = needTool('clang', ['--version']);

describe.skipIf(noClang)('toolchain failures', () => {
  it('show the compiler\'s own message and the command line, and leave no output behind', async () => {
    const dir = project({ 'run.toml': '[components.broken]\nsource = "main.c"\n', 'main.c': 'int main(void) { return oops; }\n' });
    const err = await failure(build(dir), ToolFailedError);
    expect(err.message).toMatch(/^building 'broken': clang failed \(exit code 1\):\nmain\.c:1:25: error: use of undeclared identifier 'oops'/);
    expect(err.message).toMatch(/\n\$ cd .* && \S*clang --target=wasm32-wasi -O2 -ffile-prefix-map=\S+=\. main\.c -o \S+broken\.module\.wasm$/);
    expect(err.hint).toContain('clang');
    expect(readdirSync(join(dir, 'target', 'wasm'), { recursive: true })).toEqual(['.build']);
  });

  it('leave <name>.wasm, <name>.meta.toml and upstream\'s <name>.module.wasm in the output directory, and replace an earlier build whole', async () => {
    const dir = project({ 'run.toml': '[components.hello]\nsource = "main.c"\n', 'main.c': '#include <stdio.h>\nint main(void) { puts("one"); return 0; }\n' });
    const first = await build(dir);
    const files = () => readdirSync(join(dir, 'target', 'wasm'), { recursive: true }).sort();
    expect(files()).toEqual(['.build', 'hello.meta.toml', 'hello.module.wasm', 'hello.wasm']);
    writeFileSync(join(dir, 'main.c'), '#include <stdio.h>\nint main(void) { puts("two, a longer line"); return 0; }\n');
    const second = await build(dir);
    expect(second.result.built[0]!.sha256).not.toBe(first.result.built[0]!.sha256);
    expect(sha256Hex(second.bytes('hello'))).toBe(second.result.built[0]!.sha256);
    expect(second.meta('hello')).toContain(`sha256 = "${second.result.built[0]!.sha256}"`);
    expect(files()).toEqual(['.build', 'hello.meta.toml', 'hello.module.wasm', 'hello.wasm']);
  });

  it('keep the last good component and meta.toml when a rebuild fails, and drop its stale core module', async () => {
    const dir = project({ 'run.toml': '[components.hello]\nsource = "main.c"\n', 'main.c': '#include <stdio.h>\nint main(void) { puts("one"); return 0; }\n' });
    const good = await build(dir);
    const kept = { wasm: good.bytes('hello'), meta: good.meta('hello') };
    writeFileSync(join(dir, 'main.c'), 'int main(void) { return oops; }\n');
    await failure(build(dir), ToolFailedError);
    expect(readdirSync(join(dir, 'target', 'wasm'), { recursive: true }).sort()).toEqual(['.build', 'hello.meta.toml', 'hello.wasm']);
    expect(readFileSync(join(dir, 'target', 'wasm', 'hello.wasm'))).toEqual(Buffer.from(kept.wasm));
    expect(readFileSync(join(dir, 'target', 'wasm', 'hello.meta.toml'), 'utf8')).toBe(kept.meta);
  });

  it('name the run.lock.toml entry that installs a missing tool', async () => {
    const dir = project({ 'run.toml': '[components.py]\nsource = "app.py"\nwit = "wit"\n', 'app.py': '', 'wit/w.wit': 'package a:b;\nworld w {}\n' });
    const err = await failure(build(dir, { env: { PATH: join(dir, 'no-such-bin'), HOME: dir } }), ToolNotFoundError);
    expect(err.message).toContain('componentize-py is needed but not installed');
    expect(err.hint).toContain('pip install componentize-py==');
    expect(err.hint).toContain('[toolchains.componentize-py]\n    version = "0.25.1"\n    source = "pypi:componentize-py==0.25.1"');
  });
});
