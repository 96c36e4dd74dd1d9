/**
 * The WIT text parser and resolver: the real WIT jco ships (WASI 0.2.10/0.2.12/0.3.0, jco's Node
 * builtins, wasi-tls) must all resolve; each WIT feature resolves to the expected types; syntax
 * and name errors point at file:line:col and say what to write.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WitResolveError, WitSyntaxError } from '../../src/core/wit/errors.js';
import { formatFunctionType, formatType, type World } from '../../src/core/wit/model.js';
import { parseWit, worldFromWit, type WitSource } from '../../src/core/wit/wit-resolve.js';

const builtin = join(process.cwd(), 'node_modules/@bytecodealliance/jco/lib/wit/builtin');
const jcoStd = join(process.cwd(), 'node_modules/@bytecodealliance/jco-std/wit');

function witFiles(dir: string): WitSource[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) return witFiles(p);
      return p.endsWith('.wit') ? [{ file: p, text: readFileSync(p, 'utf8') }] : [];
    });
}

/** A world importing every interface of the sources, so that resolving it resolves all of them. */
function everything(sources: WitSource[]): World {
  const names: string[] = [];
  for (const pkg of parseWit(sources).packages) {
    const v = pkg.name?.version ? `@${pkg.name.version}` : '';
    for (const i of pkg.interfaces.keys()) names.push(`${pkg.name!.namespace}:${pkg.name!.name}/${i}${v}`);
  }
  const all = `package test:all;\nworld all {\n${names.map((n) => `  import ${n};`).join('\n')}\n}\n`;
  return worldFromWit(parseWit([{ file: 'all.wit', text: all }, ...sources]));
}

const fn = (world: World, item: string, name: string): string => {
  const it = world.exports.find((x) => x.name === item) ?? world.imports.find((x) => x.name === item);
  if (!it) throw new Error(`no ${item}`);
  const f = it.kind === 'function' ? it.func : it.iface.functions.get(name);
  if (!f) throw new Error(`no ${item}#${name}`);
  return formatFunctionType(f);
};

describe('the WIT jco ships resolves completely', () => {
  const wasi0212 = witFiles(join(builtin, '0.2.12'));
  const tls = witFiles(join(builtin, 'wasi-tls-0.2.0-draft')).filter((s) => !s.file.includes('/deps/'));
  it.each([
    ['WASI 0.2.10', witFiles(join(builtin, '0.2.10')), 81],
    ['WASI 0.2.12', wasi0212, 177],
    ['WASI 0.3.0 (async func, stream, future)', witFiles(join(builtin, '0.3.0')), 127],
    ['jco Node builtins (a 21-file package)', [...witFiles(join(builtin, 'jco-node-0.1.0')), ...wasi0212, ...tls], 514],
    ['jco-std wasi-tls with its deps folder', witFiles(join(jcoStd, 'tls-0.2.0-draft')), 25],
  ])('%s', (_name, sources, functions) => {
    const world = everything(sources);
    const count = world.imports.reduce((n, i) => n + (i.kind === 'interface' ? i.iface.functions.size : 0), 0);
    expect(count).toBe(functions);
  });

  it('resolves worlds by full name, with include and implicit imports', () => {
    const world = worldFromWit(parseWit(wasi0212), 'wasi:cli/command@0.2.12');
    expect(world.exports.map((e) => e.name)).toEqual(['wasi:cli/run@0.2.12']);
    const imports = world.imports.map((i) => i.name);
    expect(imports).toContain('wasi:filesystem/preopens@0.2.12'); // via include wasi:filesystem/imports
    expect(imports).toContain('wasi:io/error@0.2.12'); // used by wasi:io/streams, imported implicitly
    expect(fn(world, 'wasi:io/streams@0.2.12', '[method]output-stream.write')).toBe('func(self: borrow<output-stream>, contents: list<u8>) -> result<_, stream-error>');
    expect(fn(world, 'wasi:filesystem/types@0.2.12', '[method]descriptor.read')).toBe('func(self: borrow<descriptor>, length: filesize, offset: filesize) -> result<tuple<list<u8>, bool>, error-code>'.replace(/filesize/g, 'u64'));
  });
});

describe('WIT features', () => {
  const world = (text: string, name?: string, extra: WitSource[] = []) => worldFromWit(parseWit([{ file: 'main.wit', text }, ...extra]), name);

  it('types, aliases, use … as, %-escaped names, gates and comments', () => {
    const w = world(`
      // line comment
      /* block /* nested */ comment */
      package a:b@1.2.3;
      interface types {
        /// doc comment
        @since(version = 1.0.0)
        record point { x: s32, %type: float64, }
        type points = list<point>;
        type bytes4 = list<u8, 4>;
        variant v { none, some(point), %ok(result<_, string>) }
        enum e { %true, b-c }
        flags f { read, HTTP3 }
        @unstable(feature = later)
        record hidden { x: u8 }
      }
      interface api {
        use types.{point as pt, points, bytes4, v, e, f};
        %list: func(%record: pt, ps: points, b: bytes4) -> tuple<v, e, f, option<result<u8>>>;
        async-one: async func() -> future<stream<u8>>;
      }
      world w { export api; }`);
    expect(fn(w, 'a:b/api@1.2.3', 'list')).toBe('func(record: point, ps: points, b: bytes4) -> tuple<v, e, f, option<result<u8>>>');
    expect(fn(w, 'a:b/api@1.2.3', 'async-one')).toBe('async func() -> future<stream<u8>>');
    const api = w.exports[0]!;
    expect(api.kind === 'interface' && formatType(api.iface.types.get('pt')!, true)).toBe('record { x: s32, type: f64 }');
    expect(api.kind === 'interface' && formatType(api.iface.types.get('bytes4')!, true)).toBe('list<u8, 4>');
    // the used interface is imported implicitly, without its @unstable record
    const types = w.imports.find((i) => i.name === 'a:b/types@1.2.3');
    expect(types?.kind === 'interface' && [...types.iface.types.keys()]).toEqual(['point', 'points', 'bytes4', 'v', 'e', 'f']);
  });

  it('resources become [constructor]/[method]/[static] functions', () => {
    const w = world(`package r:s;
      interface store {
        resource blob {
          constructor(init: list<u8>) -> result<blob, string>;
          size: func() -> u64;
          merge: static func(a: own<blob>, b: borrow<blob>) -> blob;
        }
        open: func() -> blob;
      }
      world w { export store; }`);
    expect(fn(w, 'r:s/store', '[constructor]blob')).toBe('func(init: list<u8>) -> result<blob, string>');
    expect(fn(w, 'r:s/store', '[method]blob.size')).toBe('func(self: borrow<blob>) -> u64');
    expect(fn(w, 'r:s/store', '[static]blob.merge')).toBe('func(a: blob, b: borrow<blob>) -> blob');
    expect(fn(w, 'r:s/store', 'open')).toBe('func() -> blob');
  });

  it('nested packages, file-level use aliases, include with renames, inline interfaces and world types', () => {
    const w = world(`package root:component;
      use dep:lib/api@2.0.0 as lib-api;
      world base { import helper: func(x: u32) -> u32; export version: func() -> string; }
      world root {
        include base with { helper as assist }
        record opts { verbose: bool }
        import lib-api;
        export run: func(o: opts) -> result<u32, string>;
        export local: interface { ping: func() -> bool; }
      }
      package dep:lib@2.0.0 {
        interface api { hello: func(name: string) -> string; }
      }`, 'root');
    expect(w.imports.map((i) => i.name)).toEqual(['assist', 'dep:lib/api@2.0.0']);
    expect(fn(w, 'assist', 'assist')).toBe('func(x: u32) -> u32');
    expect(fn(w, 'dep:lib/api@2.0.0', 'hello')).toBe('func(name: string) -> string');
    expect(fn(w, 'run', 'run')).toBe('func(o: opts) -> result<u32, string>');
    expect(fn(w, 'local', 'ping')).toBe('func() -> bool');
    expect(w.exports.map((e) => e.name)).toEqual(['version', 'run', 'local']);
  });
});

describe('WIT errors name the place and what to write', () => {
  const attempt = (text: string, extra: WitSource[] = []): Error => {
    try {
      worldFromWit(parseWit([{ file: 'wit/main.wit', text }, ...extra]));
    } catch (e) {
      return e as Error;
    }
    throw new Error('no error');
  };

  it.each([
    ['package a:b;\ninterface i {\n  f: func(x u32);\n}\nworld w { export i; }', WitSyntaxError, 3, 13, /expected ':' after parameter 'x'/],
    ['package a:b;\ninterface i {\n  record r { a: u8 }\n', WitSyntaxError, 4, 1, /interface is not closed/],
    ['package a:b;\n/* unterminated', WitSyntaxError, 2, 1, /unterminated block comment/],
    ['package a:b;\ninterface i { f: func() -> my--type; }', WitSyntaxError, 2, 28, /not a valid WIT identifier/],
    ['package a:b;\n@beta(x = 1)\ninterface i {}', WitSyntaxError, 2, 6, /unknown attribute '@beta'/],
    ['package a:b;\ninterface i { f: func(); }\nworld w { export i }', WitSyntaxError, 3, 20, /expected ';' after export i/],
    ['package a:b;\ninterface i {\n  f: func() -> pointt;\n  record point { x: u8 }\n}\nworld w { export i; }', WitResolveError, 3, 16, /type 'pointt' is not defined in interface i/],
    ['package a:b;\ninterface i { use missing.{t}; }\nworld w { export i; }', WitResolveError, 2, 19, /interface 'missing' is not defined in package a:b/],
    ['package a:b;\ninterface i { use wasi:io/streams@0.2.0.{error}; }\nworld w { export i; }', WitResolveError, 2, 19, /package wasi:io@0.2.0 is not among the WIT sources/],
    ['package a:b;\ninterface i { record r { next: r } }\nworld w { export i; }', WitResolveError, 2, 22, /type 'r' refers to itself/],
    ['package a:b;\ninterface i { record r { x: u8 } f: func(x: borrow<r>); }\nworld w { export i; }', WitResolveError, 2, 52, /'r' is not a resource/],
  ])('%#: %s', (text, kind, line, col, message) => {
    const err = attempt(text);
    expect(err).toBeInstanceOf(kind);
    expect(err.message).toMatch(message);
    expect((err as WitSyntaxError).location).toEqual({ file: 'wit/main.wit', line, col });
    expect((err as WitSyntaxError).hint).toBeTruthy();
  });

  it('lists the versions it has when a version is missing', () => {
    const io = { file: 'deps/io/package.wit', text: 'package wasi:io@0.2.12;\ninterface streams { resource s; }' };
    const err = attempt('package a:b;\ninterface i { use wasi:io/streams@0.2.0.{s}; }\nworld w { export i; }', [io]);
    expect((err as WitResolveError).hint).toBe('versions available: wasi:io@0.2.12');
  });

  it('says which worlds there are when the choice is ambiguous', () => {
    expect(() => worldFromWit(parseWit('package a:b;\nworld one {}\nworld two {}'))).toThrow(/2 worlds \(one, two\); say which one/);
    expect(() => worldFromWit(parseWit('package a:b;\nworld one {}'), 'three')).toThrow(/world 'three' is not defined/);
  });
});
