/**
 * Bad input must fail with the right error class, at the exact place, with a message and hint that
 * say what to write instead.
 */
import { describe, expect, it } from 'vitest';
import { ConfigMissingKeyError, ConfigSyntaxError, ConfigTypeError, ConfigValueError } from '../../src/core/config/errors.js';
import { parseToolchainLock } from '../../src/core/config/lock-toml.js';
import { parseRunConfig } from '../../src/core/config/run-toml.js';
import { RunActionError } from '../../src/core/errors.js';

type ErrorClass = typeof ConfigSyntaxError;

interface Case {
  name: string;
  file: 'run.toml' | 'run.lock.toml';
  text: string;
  error: ErrorClass;
  /** file[:line[:col]] exactly. */
  at: string;
  message: RegExp;
  hint: RegExp;
}

const LOCK_BUILD = `[build]
SOURCE_DATE_EPOCH = 0
TZ = "UTC"
LC_ALL = "C"
RUSTFLAGS = ""
`;

const cases: Case[] = [
  // ---- run.toml: TOML syntax ----
  {
    name: 'unquoted string value',
    file: 'run.toml',
    text: '[components.calc]\nlanguage = rust\n',
    error: ConfigSyntaxError,
    at: 'run.toml:2:12',
    message: /^invalid TOML: invalid value$/,
    hint: /quote text values \("rust"\)/,
  },
  {
    name: 'the same component table twice',
    file: 'run.toml',
    text: '[components.calc]\npath = "a.wasm"\n\n[components.calc]\npath = "b.wasm"\n',
    error: ConfigSyntaxError,
    at: 'run.toml:4:2',
    message: /redefine/,
    hint: /may appear only once/,
  },
  {
    name: "upstream's unquoted `[dependencies.acme:calc]` header",
    file: 'run.toml',
    text: '[project]\nname = "x"\n[dependencies.acme:calc]\nversion = "1.0.0"\n',
    error: ConfigSyntaxError,
    at: 'run.toml:3:19',
    message: /^invalid TOML: /,
    hint: /quote section names that contain ":" — e\.g\. \[dependencies\."acme:calc"\]/,
  },
  {
    name: 'unterminated string',
    file: 'run.toml',
    text: '[project]\nname = "my-app\n',
    error: ConfigSyntaxError,
    at: 'run.toml:2:15',
    message: /^invalid TOML: control characters are not allowed in strings$/,
    hint: /close the string/,
  },
  // ---- run.toml: wrong types ----
  {
    name: 'language given as a number',
    file: 'run.toml',
    text: '[components.calc]\nsource = "calc"\nlanguage = 42\n',
    error: ConfigTypeError,
    at: 'run.toml:3:12',
    message: /^`components\.calc\.language`: expected a string, found an integer \(42\)$/,
    hint: /^write language = "rust"$/,
  },
  {
    name: 'capabilities given as one string',
    file: 'run.toml',
    text: '[components.api]\npath = "api.wasm"\ncapabilities = "stdout"\n',
    error: ConfigTypeError,
    at: 'run.toml:3:16',
    message: /expected an array of strings, found a string \("stdout"\)/,
    hint: /^write capabilities = \["stdout", "clock"\]$/,
  },
  {
    name: 'a number inside a multi-line capabilities array',
    file: 'run.toml',
    text: '[components.api]\ncapabilities = [\n  "stdout",\n  8080,\n]\n',
    error: ConfigTypeError,
    at: 'run.toml:4:3',
    message: /^`components\.api\.capabilities\[1\]`: expected a string, found an integer \(8080\)$/,
    hint: /quote every item/,
  },
  {
    name: 'boolean written as a string',
    file: 'run.toml',
    text: '[build]\nreproducible = "yes"\n',
    error: ConfigTypeError,
    at: 'run.toml:2:16',
    message: /`build\.reproducible`: expected a boolean, found a string \("yes"\)/,
    hint: /write reproducible = true \(or false, without quotes\)/,
  },
  {
    name: 'source_date_epoch quoted',
    file: 'run.toml',
    text: '[build]\nsource_date_epoch = "1700000000"\n',
    error: ConfigTypeError,
    at: 'run.toml:2:21',
    message: /expected an integer, found a string/,
    hint: /write source_date_epoch = 1700000000 \(a whole number, without quotes\)/,
  },
  {
    name: '[[components]] (array) instead of [components.<name>]',
    file: 'run.toml',
    text: '[project]\nname = "x"\n\n[[components]]\nname = "calc"\n',
    error: ConfigTypeError,
    at: 'run.toml:4:1',
    message: /^`components`: expected a table of components, found an array$/,
    hint: /\[components\.<name>\].*\[\[component\]\]/,
  },
  {
    name: '[component.calc] (table) instead of [[component]]',
    file: 'run.toml',
    text: '[component.calc]\npath = "calc.wasm"\n',
    error: ConfigTypeError,
    at: 'run.toml:1:1',
    message: /^`component`: expected an array of tables \[\[component\]\], found a table$/,
    hint: /\[\[component\]\] with name = .*\[components\.<name>\]/,
  },
  {
    name: 'test args given as one string',
    file: 'run.toml',
    text: '[components.calc]\npath = "c.wasm"\n[tests.t]\ncomponent = "calc"\nfunction = "inc"\nargs = "s32:1"\n',
    error: ConfigTypeError,
    at: 'run.toml:6:8',
    message: /`tests\.t\.args`: expected an array, found a string/,
    hint: /write args = \["s32:2", "s32:3"\]/,
  },
  {
    name: 'a table as a test argument',
    file: 'run.toml',
    text: '[[component]]\nname = "c"\n[[test]]\ncomponent = "c"\nfunction = "f"\nargs = ["s32:1", { x = 1 }]\n',
    error: ConfigTypeError,
    at: 'run.toml:6:18',
    message: /^`test\[0\]\.args\[1\]`: expected a value written as a string, found a table$/,
    hint: /typed value such as "s32:5"/,
  },
  {
    name: 'a number as an environment value',
    file: 'run.toml',
    text: '[components.api]\npath = "api.wasm"\n\n[components.api.env]\nPORT = 8080\n',
    error: ConfigTypeError,
    at: 'run.toml:5:8',
    message: /`components\.api\.env\.PORT`: expected a string, found an integer \(8080\)/,
    hint: /^write PORT = "…"$/,
  },
  {
    name: 'a dependency given as a number',
    file: 'run.toml',
    text: '[dependencies]\n"wasi:http" = 2\n',
    error: ConfigTypeError,
    at: 'run.toml:2:15',
    message: /expected a version string or a table, found an integer \(2\)/,
    hint: /"wasi:http" = "1\.0\.0" or "wasi:http" = \{ version = "1\.0\.0" \}/,
  },
  // ---- run.toml: wrong values ----
  {
    name: 'two [[component]] entries with the same name',
    file: 'run.toml',
    text: '[[component]]\nname = "calc"\npath = "a.wasm"\n\n[[component]]\nname = "calc"\npath = "b.wasm"\n',
    error: ConfigValueError,
    at: 'run.toml:6:8',
    message: /^component "calc" is defined twice \(first at line 1\)$/,
    hint: /give each component its own name/,
  },
  {
    name: 'a test naming an unknown component',
    file: 'run.toml',
    text: '[components.calc]\npath = "c.wasm"\n[components.greeter]\npath = "g.wasm"\n\n[tests.add]\ncomponent = "calcc"\nfunction = "add"\n',
    error: ConfigValueError,
    at: 'run.toml:7:13',
    message: /^test "add" names component "calcc", which is not defined$/,
    hint: /^did you mean `calc`\? defined components: calc, greeter; or add \[components\.calcc\]$/,
  },
  {
    name: 'an unknown language',
    file: 'run.toml',
    text: '[components.calc]\nsource = "calc"\nlanguage = "rusty"\n',
    error: ConfigValueError,
    at: 'run.toml:3:12',
    message: /^unknown language "rusty" \(did you mean `rust`\?\)$/,
    hint: /rust \(rs\), go \(golang\), python \(py\), javascript \(js\), typescript \(ts\), zig, c, wat, wasm \(wasm32\)/,
  },
  {
    name: 'an import provided by an unknown component',
    file: 'run.toml',
    text: '[components.app]\nsource = "app.js"\nimports = { "example:calculator/math" = "calculater" }\n\n[components.calculator]\nsource = "calc"\n',
    error: ConfigValueError,
    at: 'run.toml:3:41',
    message: /^import "example:calculator\/math" names component "calculater", which is not defined$/,
    hint: /did you mean `calculator`\?/,
  },
  {
    name: 'an import keyed by something that is not an interface',
    file: 'run.toml',
    text: '[[component]]\nname = "a"\n[[component]]\nname = "b"\nimports = { math = "a" }\n',
    error: ConfigValueError,
    at: 'run.toml:5:13',
    message: /^"math" is not an interface name$/,
    hint: /imports = \{ "example:calculator\/math" = "calculator" \}/,
  },
  {
    name: 'a project version that is not semver',
    file: 'run.toml',
    text: '[project]\nname = "x"\nversion = "1.0"\n',
    error: ConfigValueError,
    at: 'run.toml:3:11',
    message: /^project version "1\.0" is not a semantic version$/,
    hint: /^write version = "1\.0\.0" \(MAJOR\.MINOR\.PATCH\)$/,
  },
  {
    name: 'a misspelt capability',
    file: 'run.toml',
    text: '[components.api]\npath = "api.wasm"\ncapabilities = ["stdout", "stdrr"]\n',
    error: ConfigValueError,
    at: 'run.toml:3:27',
    message: /^invalid capability "stdrr": unknown capability \(did you mean `stderr`\?\)$/,
    hint: /write one of: stdin, stdout, stderr, .*net:connect:<host>\[:<port>\], all/,
  },
  {
    name: 'an unknown [run] policy',
    file: 'run.toml',
    text: '[run]\npolicy = "strikt"\n',
    error: ConfigValueError,
    at: 'run.toml:2:10',
    message: /^unknown policy "strikt" \(did you mean `strict`\?\)$/,
    hint: /policy = "strict", "virtual" or "dev"/,
  },
  {
    name: 'memory in MB (ambiguous) instead of MiB',
    file: 'run.toml',
    text: '[run]\nmemory = "256MB"\n',
    error: ConfigValueError,
    at: 'run.toml:2:10',
    message: /^`run\.memory` = "256MB" is not a size in B, KiB, MiB or GiB$/,
    hint: /whole number of MiB, from 1 to 65536.*memory = "256MiB"/,
  },
  {
    name: 'memory that is not a whole number of MiB',
    file: 'run.toml',
    text: '[run]\nmemory = "1536KiB"\n',
    error: ConfigValueError,
    at: 'run.toml:2:10',
    message: /^`run\.memory` = "1536KiB" is not a whole number of MiB from 1 to 65536$/,
    hint: /memory = "256MiB"/,
  },
  {
    name: 'a zero timeout',
    file: 'run.toml',
    text: '[run]\ntimeout = 0\n',
    error: ConfigValueError,
    at: 'run.toml:2:11',
    message: /`run\.timeout` = 0 is out of range/,
    hint: /from 1 to 86400000/,
  },
  {
    name: 'a dependency without namespace',
    file: 'run.toml',
    text: '[dependencies]\nlogging = "0.1.0"\n',
    error: ConfigValueError,
    at: 'run.toml:2:1',
    message: /^dependency name "logging" is not "<namespace>:<name>"$/,
    hint: /"wasi:logging" = "0\.1\.0"/,
  },
  {
    name: 'a registry URL without scheme',
    file: 'run.toml',
    text: '[registry]\nurl = "registry.example.org"\n',
    error: ConfigValueError,
    at: 'run.toml:2:7',
    message: /"registry\.example\.org" is not an http\(s\) URL/,
    hint: /url = "https:\/\/registry\.esubalew\.dev"/,
  },
  {
    name: 'a component name that would escape the output directory',
    file: 'run.toml',
    text: '[components."../evil"]\npath = "x.wasm"\n',
    error: ConfigValueError,
    at: 'run.toml:1:1',
    message: /component name "\.\.\/evil" is not usable as a file name/,
    hint: /letters, digits/,
  },
  {
    name: 'both [project] and [package]',
    file: 'run.toml',
    text: '[project]\nname = "a"\n\n[package]\nname = "b"\n',
    error: ConfigValueError,
    at: 'run.toml:4:1',
    message: /both \[project\] and \[package\] are present/,
    hint: /keep one of them/,
  },
  {
    name: 'both expect and expected',
    file: 'run.toml',
    text: '[[component]]\nname = "c"\n[[test]]\ncomponent = "c"\nfunction = "f"\nexpect = "s32:1"\nexpected = "s32:1"\n',
    error: ConfigValueError,
    at: 'run.toml:7:1',
    message: /both `expect` and `expected` are set/,
    hint: /`expected` is the documented spelling of `expect`/,
  },
  // ---- run.toml: missing keys ----
  {
    name: '[[component]] without a name',
    file: 'run.toml',
    text: '[package]\nname = "x"\n\n[[component]]\npath = "a.wasm"\n',
    error: ConfigMissingKeyError,
    at: 'run.toml:4:1',
    message: /^missing `name` in \[component\[0\]\]$/,
    hint: /^add name = "calc"$/,
  },
  {
    name: 'a test without a function',
    file: 'run.toml',
    text: '[components.c]\npath = "c.wasm"\n\n[tests.smoke]\ncomponent = "c"\n',
    error: ConfigMissingKeyError,
    at: 'run.toml:4:1',
    message: /^missing `function` in \[tests\.smoke\]$/,
    hint: /^add function = "add"$/,
  },
  // ---- run.lock.toml ----
  {
    name: 'lockfile without [build] (upstream case 26)',
    file: 'run.lock.toml',
    text: 'version = "1"\n\n[toolchains.wasmtime]\nversion = "25.0.0"\nsha256 = ""\nsource = "x"\n',
    error: ConfigMissingKeyError,
    at: 'run.lock.toml',
    message: /^missing \[build\] section/,
    hint: /^add at the end of run\.lock\.toml:\n {4}\[build\]\n {4}SOURCE_DATE_EPOCH = 0\n {4}TZ = "UTC"\n {4}LC_ALL = "C"\n {4}RUSTFLAGS = "-C debuginfo=0 -C link-arg=-s"$/,
  },
  {
    name: 'an unknown platform in a sha256 table',
    file: 'run.lock.toml',
    text: `version = "1"\n[toolchains.wasmtime]\nversion = "25.0.0"\nsha256 = { linux-x64 = "", linux-x86 = "" }\n${LOCK_BUILD}`,
    error: ConfigValueError,
    at: 'run.lock.toml:4:28',
    message: /^unknown platform `linux-x86` in sha256 \(did you mean `linux-x64`\?\)$/,
    hint: /^key the hashes by platform: linux-x64, linux-arm64, macos-x64, macos-arm64, windows-x64, windows-arm64$/,
  },
  {
    name: 'a sha256 that is a number',
    file: 'run.lock.toml',
    text: `version = "1"\n[toolchains.jco]\nversion = "1.4.0"\nsha256 = 123\n${LOCK_BUILD}`,
    error: ConfigTypeError,
    at: 'run.lock.toml:4:10',
    message: /`toolchains\.jco\.sha256`: expected a string or a table of per-platform hashes, found an integer \(123\)/,
    hint: /sha256 = "<64 hex digits>" or sha256 = \{ linux-x64 = "…"/,
  },
  {
    name: 'a per-platform hash that is not a string',
    file: 'run.lock.toml',
    text: `version = "1"\n[toolchains.jco]\nversion = "1.4.0"\n[toolchains.jco.sha256]\nmacos-arm64 = false\n${LOCK_BUILD}`,
    error: ConfigTypeError,
    at: 'run.lock.toml:5:15',
    message: /`toolchains\.jco\.sha256\.macos-arm64`: expected a string, found a boolean/,
    hint: /write macos-arm64 = "<64 hex digits>"/,
  },
  {
    name: 'a toolchain without version',
    file: 'run.lock.toml',
    text: `version = "1"\n\n[toolchains.tinygo]\nsha256 = ""\n${LOCK_BUILD}`,
    error: ConfigMissingKeyError,
    at: 'run.lock.toml:3:1',
    message: /^missing `version` in \[toolchains\.tinygo\]$/,
    hint: /add version = "1\.0\.0"/,
  },
  {
    name: 'SOURCE_DATE_EPOCH quoted',
    file: 'run.lock.toml',
    text: 'version = "1"\n[build]\nSOURCE_DATE_EPOCH = "0"\nTZ = "UTC"\nLC_ALL = "C"\nRUSTFLAGS = ""\n',
    error: ConfigTypeError,
    at: 'run.lock.toml:3:21',
    message: /`build\.SOURCE_DATE_EPOCH`: expected an integer, found a string \("0"\)/,
    hint: /write SOURCE_DATE_EPOCH = 0 \(a whole number, without quotes\)/,
  },
  {
    name: 'a negative SOURCE_DATE_EPOCH',
    file: 'run.lock.toml',
    text: 'version = "1"\n[build]\nSOURCE_DATE_EPOCH = -1\nTZ = "UTC"\nLC_ALL = "C"\nRUSTFLAGS = ""\n',
    error: ConfigValueError,
    at: 'run.lock.toml:3:21',
    message: /= -1 is out of range/,
    hint: /from 0 to/,
  },
  {
    name: '[build] without TZ',
    file: 'run.lock.toml',
    text: 'version = "1"\n\n[build]\nSOURCE_DATE_EPOCH = 0\nLC_ALL = "C"\nRUSTFLAGS = ""\n',
    error: ConfigMissingKeyError,
    at: 'run.lock.toml:3:1',
    message: /^missing `TZ` in \[build\]$/,
    hint: /^add TZ = "UTC"$/,
  },
  {
    name: 'an unsupported lockfile version',
    file: 'run.lock.toml',
    text: `version = "2"\n${LOCK_BUILD}`,
    error: ConfigValueError,
    at: 'run.lock.toml:1:11',
    message: /unsupported lockfile version "2"/,
    hint: /version = "1"/,
  },
  {
    name: 'no version at all',
    file: 'run.lock.toml',
    text: LOCK_BUILD,
    error: ConfigMissingKeyError,
    at: 'run.lock.toml',
    message: /^missing `version` at the top level$/,
    hint: /add version = "1"/,
  },
  {
    name: 'a toolchain written as a plain string',
    file: 'run.lock.toml',
    text: `version = "1"\n[toolchains]\nwasmtime = "25.0.0"\n${LOCK_BUILD}`,
    error: ConfigTypeError,
    at: 'run.lock.toml:3:12',
    message: /`toolchains\.wasmtime`: expected a table, found a string/,
    hint: /\[toolchains\.wasmtime\] section with version, sha256 and source/,
  },
  {
    name: 'an extra build variable that is not a string',
    file: 'run.lock.toml',
    text: `version = "1"\n${LOCK_BUILD}JOBS = 4\n`,
    error: ConfigTypeError,
    at: 'run.lock.toml:7:8',
    message: /`build\.JOBS`: expected a string, found an integer \(4\)/,
    hint: /write JOBS = "…"/,
  },
  {
    name: 'a lockfile with a syntax error',
    file: 'run.lock.toml',
    text: 'version = "1"\n[toolchains.jco\nversion = "1"\n',
    error: ConfigSyntaxError,
    at: 'run.lock.toml:2:16',
    message: /^invalid TOML: /,
    hint: /close the section header with \]/,
  },
];

function where(err: RunActionError): string {
  const l = err.location;
  return [l?.file, l?.line, l?.col].filter((x) => x !== undefined).join(':');
}

describe('malformed run.toml and run.lock.toml', () => {
  it('covers at least 20 cases across both files', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
    expect(cases.filter((c) => c.file === 'run.lock.toml').length).toBeGreaterThanOrEqual(8);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    let err: unknown;
    try {
      if (c.file === 'run.toml') parseRunConfig(c.text, c.file);
      else parseToolchainLock(c.text, c.file);
    } catch (e) {
      err = e;
    }
    expect(err, 'expected the input to be rejected').toBeInstanceOf(c.error);
    const e = err as RunActionError;
    expect(e).toBeInstanceOf(RunActionError);
    expect(where(e)).toBe(c.at);
    expect(e.message).toMatch(c.message);
    expect(e.hint).toMatch(c.hint);
  });
});
