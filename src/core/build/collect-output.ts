/**
 * Reads what a builder produced, per its Output rule: a file at a known path, the .wasm cargo
 * names in its JSON messages, the one .wasm under an install prefix, WAT text compiled in process,
 * or a prebuilt .wasm.
 */
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BuilderSpec, Output } from './builders.js';
import { compileWat } from '../wasm/wat.js';
import { BuildSourceError, ToolFailedError } from './errors.js';
import type { ComponentPlan } from './plan.js';
import type { ToolOutput } from './run-tool.js';

export async function collectOutput(plan: ComponentPlan, builder: BuilderSpec, o: Output, vars: Record<string, string>, last: ToolOutput | undefined): Promise<Uint8Array> {
  const expand = (s: string) => s.replace(/\{(\w+)\}/g, (_w, k: string) => vars[k] ?? '');
  const read = async (file: string, what: string) => {
    if (!existsSync(file)) {
      throw new BuildSourceError(`${what} not found at ${file}`, {
        location: plan.component.location,
        hint: plan.builder.id === 'custom' ? 'the build command must write the file named by `path`' : 'the tool reported success but wrote nothing there; see its output above',
      });
    }
    return new Uint8Array(await readFile(file));
  };
  switch (o.kind) {
    case 'file':
      return read(expand(o.path), `the output of ${builder.steps.at(-1)?.tool ?? builder.id}`);
    case 'prebuilt':
      return read(expand(o.path), 'WASM source');
    case 'search': {
      const found = wasmFiles(expand(o.dir));
      if (found.length !== 1) {
        throw new BuildSourceError(`component '${plan.component.name}': expected one .wasm under ${expand(o.dir)}, found ${found.length}${found.length ? `: ${found.join(', ')}` : ''}`, {
          location: plan.component.location,
          hint: 'install exactly one wasm artifact (for zig build: one addExecutable with the wasm32-wasi target)',
        });
      }
      return read(found[0]!, 'build output');
    }
    case 'cargo':
      return read(cargoArtifact(plan, last?.stdout ?? ''), 'cargo artifact');
    case 'wat':
      return compileWat(await readFile(expand(o.path), 'utf8'), plan.source);
  }
}

/** The .wasm of the crate at the root, from cargo's `compiler-artifact` messages. */
function cargoArtifact(plan: ComponentPlan, stdout: string): string {
  const manifest = path.join(plan.root, 'Cargo.toml');
  const wasm: string[] = [];
  for (const line of stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    const msg = JSON.parse(line) as { reason?: string; manifest_path?: string; filenames?: string[]; target?: { kind?: string[] } };
    if (msg.reason !== 'compiler-artifact' || path.resolve(msg.manifest_path ?? '') !== manifest) continue;
    if (!msg.target?.kind?.some((k) => k === 'bin' || k === 'cdylib')) continue;
    wasm.push(...(msg.filenames ?? []).filter((f) => f.endsWith('.wasm')));
  }
  if (wasm.length !== 1) {
    throw new BuildSourceError(`component '${plan.component.name}': cargo built ${wasm.length} .wasm artifacts for ${manifest}${wasm.length ? ` (${wasm.join(', ')})` : ''}; expected one`, {
      location: plan.component.location,
      hint: wasm.length ? 'a component is one binary: keep one [[bin]] or a [lib] crate-type = ["cdylib"]' : 'give the crate a main.rs (a command) or crate-type = ["cdylib"] (a library with exports)',
    });
  }
  return wasm[0]!;
}

function wasmFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.wasm'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

