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
import { CALC_IFACE, watApp, watCalculator } from './components.js';

const root = mkdtempSync(join(tmpdir(), 'linked-app-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;

/** A project with these WAT files and run.toml body; returns its directory. */
function project(files: Record<string, string>, toml: string): string {
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
