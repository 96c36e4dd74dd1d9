/**
 * Resolving the links of run.toml against the components' WIT: `imports` (versioned or not) and
 * upstream's `dependencies`, and each way it can fail, every error naming the importing component
 * and the provider (or the lack of one). Projects are WAT sources in temp dirs (compiled in process).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  AmbiguousLinkError,
  LinkCycleError,
  LinkTypeMismatchError,
  ProviderExportMissingError,
  ProviderNotBuiltError,
  UnknownLinkError,
  UnsatisfiedImportError,
} from '../../src/core/compose/errors.js';
import { loadLinkedApp, type LinkedApp } from '../../src/core/compose/linked-app.js';
import { loadRunConfig } from '../../src/core/config/run-toml.js';
import { loadComponentArtifact, loadTarget } from '../../src/core/exec/artifact.js';
import { CALC_IFACE, watApp, watCalculator, witOnlyComponent } from './components.js';

const root = mkdtempSync(join(tmpdir(), 'linked-app-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;

/** A project with these WAT files and run.toml body; returns its directory. */
function project(files: Record<string, string | Uint8Array>, toml: string): string {
  const dir = join(root, `p${n++}`);
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  writeFileSync(join(dir, 'run.toml'), `[project]\nname = "p"\nversion = "0.1.0"\n\n${toml}`);
  return dir;
}

async function link(dir: string, name = 'app'): Promise<LinkedApp> {
  const config = await loadRunConfig(dir);
  const component = config.components.find((c) => c.name === name)!;
  return loadLinkedApp(config, { artifact: await loadComponentArtifact(config, component), component });
}

async function failure(p: Promise<unknown>): Promise<Error & { hint?: string }> {
  try {
    await p;
  } catch (err) {
    return err as Error & { hint?: string };
  }
  throw new Error('expected a failure');
}

const calcToml = '[components.calculator]\nsource = "calc.wat"\n';

describe('loadLinkedApp', () => {
  it('links an import declared without a version to the versioned import, providers first', async () => {
    const dir = project({ 'app.wat': watApp(), 'calc.wat': watCalculator() }, `${calcToml}\n[components.app]\nsource = "app.wat"\nimports = { "example:calculator/math" = "calculator" }\n`);
    const app = await link(dir);
    expect(app.components.map((c) => c.name)).toEqual(['calculator', 'app']);
    expect(app.app.links).toEqual([{ importName: CALC_IFACE, provider: 'calculator', exportName: CALC_IFACE }]);
    expect(app.components[0]!.links).toEqual([]);
  });

  it("accepts upstream's dependencies when exactly one of them exports the interface", async () => {
    const dir = project({ 'app.wat': watApp(), 'calc.wat': watCalculator(), 'other.wat': watCalculator('example:other/math@0.1.0') }, `${calcToml}\n[components.other]\nsource = "other.wat"\n\n[components.app]\nsource = "app.wat"\ndependencies = ["other", "calculator"]\n`);
    expect((await link(dir)).app.links).toEqual([{ importName: CALC_IFACE, provider: 'calculator', exportName: CALC_IFACE }]);
  });

  it('matches semver-compatible versions (0.1.0 and 0.1.3) and refuses incompatible ones (0.2.0), naming both sides', async () => {
    const ok = project({ 'app.wat': watApp(), 'calc.wat': watCalculator('example:calculator/math@0.1.3') }, `${calcToml}\n[components.app]\nsource = "app.wat"\nimports = { "example:calculator/math" = "calculator" }\n`);
    expect((await link(ok)).app.links[0]!.exportName).toBe('example:calculator/math@0.1.3');
    const bad = project({ 'app.wat': watApp(), 'calc.wat': watCalculator('example:calculator/math@0.2.0') }, `${calcToml}\n[components.app]\nsource = "app.wat"\nimports = { "example:calculator/math" = "calculator" }\n`);
    const err = await failure(link(bad));
    expect(err).toBeInstanceOf(ProviderExportMissingError);
    expect(err.message).toBe("component 'app' imports example:calculator/math@0.1.0 from 'calculator', but 'calculator' exports version 0.2.0, which is not compatible");
  });

  it('refuses a type-mismatched link, naming both components and both signatures', async () => {
    const dir = project({ 'app.wat': watApp(), 'calc.wat': watCalculator(CALC_IFACE, 's64') }, `${calcToml}\n[components.app]\nsource = "app.wat"\nimports = { "example:calculator/math" = "calculator" }\n`);
    const err = await failure(link(dir));
    expect(err).toBeInstanceOf(LinkTypeMismatchError);
    expect(err.message).toBe(
      "component 'app' imports example:calculator/math@0.1.0 from 'calculator', but the interfaces differ: add: imported as func(a: s32, b: s32) -> s32, exported as func(a: s64, b: s64) -> s64",
    );
    expect(err.hint).toContain("build 'app' and 'calculator' against the same WIT");
  });

  it('refuses a provider that is not built, naming it, the interface and the app', async () => {
    const dir = project({ 'app.wat': watApp() }, `[components.calculator]\npath = "missing/calc.wasm"\n\n[components.app]\nsource = "app.wat"\nimports = { "example:calculator/math" = "calculator" }\n`);
    const err = await failure(link(dir));
    expect(err).toBeInstanceOf(ProviderNotBuiltError);
    expect(err.message).toMatch(/^component 'calculator', which provides example:calculator\/math@0\.1\.0 to 'app', has not been built: none of .*missing\/calc\.wasm/);
  });

  it('refuses an import nothing provides, and names the component that could', async () => {
    const dir = project({ 'app.wat': watApp(), 'calc.wat': watCalculator() }, `${calcToml}\n[components.app]\nsource = "app.wat"\n`);
    const err = await failure(link(dir));
    expect(err).toBeInstanceOf(UnsatisfiedImportError);
    expect(err.message).toBe("component 'app' imports example:calculator/math@0.1.0, but no component is linked to provide it");
    expect(err.hint).toBe(`'calculator' exports it: add imports = { "example:calculator/math" = "calculator" } to app's table`);
  });

  it('refuses a provider that does not export the interface', async () => {
    const dir = project({ 'app.wat': watApp(), 'calc.wat': watCalculator('example:other/math@0.1.0') }, `${calcToml}\n[components.app]\nsource = "app.wat"\nimports = { "example:calculator/math" = "calculator" }\n`);
    const err = await failure(link(dir));
    expect(err).toBeInstanceOf(ProviderExportMissingError);
    expect(err.message).toBe("component 'app' imports example:calculator/math@0.1.0 from 'calculator', but 'calculator' does not export it");
    expect(err.hint).toBe("'calculator' exports: example:other/math@0.1.0");
  });

  it('refuses dependencies that both export the interface', async () => {
    const dir = project({ 'app.wat': watApp(), 'calc.wat': watCalculator() }, `${calcToml}\n[components.calc2]\nsource = "calc.wat"\n\n[components.app]\nsource = "app.wat"\ndependencies = ["calculator", "calc2"]\n`);
    const err = await failure(link(dir));
    expect(err).toBeInstanceOf(AmbiguousLinkError);
    expect(err.message).toBe("component 'app' imports example:calculator/math@0.1.0, which its dependencies 'calculator' and 'calc2' all export");
  });

  it('refuses a link for an interface the component does not import', async () => {
    const dir = project({ 'app.wat': watApp(), 'calc.wat': watCalculator() }, `${calcToml}\n[components.app]\nsource = "app.wat"\nimports = { "example:calculator/math" = "calculator", "example:logger/log" = "calculator" }\n`);
    const err = await failure(link(dir));
    expect(err).toBeInstanceOf(UnknownLinkError);
    expect(err.message).toBe("component 'app' links example:logger/log to 'calculator', but 'app' does not import example:logger/log");
  });

  it('refuses components that import from each other', async () => {
    // a imports example:b/api from b; b imports example:a/api from a.
    const a = watApp('example:b/api@0.1.0').replace('(export "run" (func $run))', '(export "run" (func $run))\n  (instance $api (export "add" (func $sum)))\n  (export "example:a/api@0.1.0" (instance $api))');
    const b = watApp('example:a/api@0.1.0').replace('(export "run" (func $run))', '(export "run" (func $run))\n  (instance $api (export "add" (func $sum)))\n  (export "example:b/api@0.1.0" (instance $api))');
    const dir = project({ 'a.wat': a, 'b.wat': b }, `[components.a]\nsource = "a.wat"\nimports = { "example:b/api" = "b" }\n\n[components.b]\nsource = "b.wat"\nimports = { "example:a/api" = "a" }\n`);
    const err = await failure(link(dir, 'a'));
    expect(err).toBeInstanceOf(LinkCycleError);
    expect(err.message).toBe('components import from each other in a cycle: a → b → a');
  });

  it('refuses a file run on its own when it has non-WASI imports', async () => {
    const dir = project({ 'app.wat': watApp() }, '');
    const { artifact } = await loadTarget('app.wat', dir, undefined);
    const err = await failure(loadLinkedApp(undefined, { artifact }));
    expect(err).toBeInstanceOf(UnsatisfiedImportError);
    expect(err.message).toBe('app imports example:calculator/math@0.1.0, and a component run on its own has nothing to provide it');
  });
});

/** An interface with one type of every named kind, used by functions so each reaches the link check. */
const SHAPES = `interface api {
  record point { x: s32, y: s32 }
  variant shape { circle(u32), square(u32), dot(point) }
  enum color { red, green }
  flags perms { read, write }
  resource canvas {
    constructor();
    draw: func(s: shape, c: color) -> u32;
  }
  norm: func(p: point) -> s32;
  allowed: func(p: perms) -> bool;
  fresh: func() -> canvas;
}`;

/** The app importing SHAPES and a provider exporting `provided` (SHAPES, or SHAPES edited), built from WIT alone. */
async function shapesProject(provided: string): Promise<string> {
  const wit = (iface: string, world: string) => `package example:shapes@0.1.0;\n${iface}\nworld ${world};\n`;
  const app = await witOnlyComponent(wit(SHAPES, 'app { import api; export run: func() -> s32; }').replace(/world (app) \{([^}]*)\};/, 'world $1 {$2}'), 'app');
  const provider = await witOnlyComponent(wit(provided, 'provider { export api; }').replace(/world (provider) \{([^}]*)\};/, 'world $1 {$2}'), 'provider');
  return project({ 'app.wasm': app, 'shapes.wasm': provider }, `[components.shapes]\npath = "shapes.wasm"\n\n[components.app]\npath = "app.wasm"\nimports = { "example:shapes/api" = "shapes" }\n`);
}

async function shapesMismatch(edit: (wit: string) => string): Promise<string> {
  const provided = edit(SHAPES);
  expect(provided).not.toBe(SHAPES);
  const err = await failure(link(await shapesProject(provided)));
  expect(err).toBeInstanceOf(LinkTypeMismatchError);
  const prefix = "component 'app' imports example:shapes/api@0.1.0 from 'shapes', but the interfaces differ: ";
  expect(err.message.startsWith(prefix)).toBe(true);
  return err.message.slice(prefix.length);
}

describe('loadLinkedApp: WIT types must match for a link', () => {
  it('links a provider of the same interface', async () => {
    expect((await link(await shapesProject(SHAPES))).app.links).toEqual([{ importName: 'example:shapes/api@0.1.0', provider: 'shapes', exportName: 'example:shapes/api@0.1.0' }]);
  });

  it('refuses a renamed record field, and names what uses the record rather than printing look-alike signatures', async () => {
    expect(await shapesMismatch((w) => w.replace('x: s32, y: s32', 'x: s32, z: s32'))).toBe(
      'type point: imported as record { x: s32, y: s32 }, exported as record { x: s32, z: s32 }; type shape uses point, which differs; [method]canvas.draw uses shape, which differs; norm uses point, which differs',
    );
  });

  it('refuses an extra variant case', async () => {
    expect(await shapesMismatch((w) => w.replace('dot(point) }', 'dot(point), triangle(u32) }'))).toBe(
      'type shape: imported as variant { circle(u32), square(u32), dot(point) }, exported as variant { circle(u32), square(u32), dot(point), triangle(u32) }; [method]canvas.draw uses shape, which differs',
    );
  });

  it('refuses a changed enum', async () => {
    expect(await shapesMismatch((w) => w.replace('enum color { red, green }', 'enum color { red, blue }'))).toBe(
      'type color: imported as enum { red, green }, exported as enum { red, blue }; [method]canvas.draw uses color, which differs',
    );
  });

  it('refuses changed flags', async () => {
    expect(await shapesMismatch((w) => w.replace('flags perms { read, write }', 'flags perms { read, write, exec }'))).toBe(
      'type perms: imported as flags { read, write }, exported as flags { read, write, exec }; allowed uses perms, which differs',
    );
  });

  it('refuses a resource whose method differs', async () => {
    expect(await shapesMismatch((w) => w.replace('draw: func(s: shape, c: color) -> u32;', 'draw: func(s: shape) -> u32;'))).toBe(
      '[method]canvas.draw: imported as func(self: borrow<canvas>, s: shape, c: color) -> u32, exported as func(self: borrow<canvas>, s: shape) -> u32',
    );
  });

  it('refuses a resource of another name, and a function returning it', async () => {
    expect(await shapesMismatch((w) => w.replaceAll('canvas', 'board'))).toBe(
      'type canvas is missing; function [constructor]canvas is missing; function [method]canvas.draw is missing; fresh: imported as func() -> canvas, exported as func() -> board',
    );
  });
});
