/**
 * Finds what a builder produced, per its Output rule: a file at a known path, the .wasm cargo
 * names in its JSON messages, the one .wasm under an install prefix, or a prebuilt .wasm — or the
 * bytes of WAT text compiled in process. A file is not read here: a core module handed to the
 * native wasm-tools never needs to be read whole, and a component the build wrote is renamed into
 * place rather than written again.
 */
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BuilderSpec, Output } from './builders.js';
import { compileWat } from '../wasm/wat.js';
import { BuildSourceError, ToolFailedError } from './errors.js';
import type { ComponentPlan } from './plan.js';
import type { ToolOutput } from './run-tool.js';

/** The build's output: a file, or bytes made in process. */
export type Collected = { file: string } | { bytes: Uint8Array };

export async function collectOutput(plan: ComponentPlan, builder: BuilderSpec, o: Output, vars: Record<string, string>, last: ToolOutput | undefined): Promise<Collected> {
  const expand = (s: string) => s.replace(/\{(\w+)\}/g, (_w, k: string) => vars[k] ?? '');
  const found = (file: string, what: string): Collected => {
    if (!existsSync(file)) {
      throw new BuildSourceError(`${what} not found at ${file}`, {
        location: plan.component.location,
        hint: plan.builder.id === 'custom' ? 'the build command must write the file named by `path`' : 'the tool reported success but wrote nothing there; see its output above',
      });
    }
    return { file };
  };
  switch (o.kind) {
    case 'file':
      return found(expand(o.path), `the output of ${builder.steps.at(-1)?.tool ?? builder.id}`);
    case 'prebuilt':
      return found(expand(o.path), 'WASM source');
    case 'search': {
      const files = wasmFiles(expand(o.dir));
      if (files.length !== 1) {
        throw new BuildSourceError(`component '${plan.component.name}': expected one .wasm under ${expand(o.dir)}, found ${files.length}${files.length ? `: ${files.join(', ')}` : ''}`, {
          location: plan.component.location,
          hint: 'install exactly one wasm artifact (for zig build: one addExecutable with the wasm32-wasi target)',
        });
      }
      return found(files[0]!, 'build output');
    }
    case 'cargo':
      return found(cargoArtifact(plan, last?.stdout ?? ''), 'cargo artifact');
    case 'wat':
      return { bytes: await compileWat(await readFile(expand(o.path), 'utf8'), plan.source) };
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

