/**
 * What a publish will send: one entry per component, named `<project>:<component>` as upstream's
 * `publish` names it, with the artifact's digest and the proof the caller gathered in this run.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Project } from '../config/model.js';
import type { FileSource } from './multipart.js';
import { wasmLayer } from '../wasm/reader.js';
import { NotAComponentError } from './errors.js';
import { checkVersion, packageNameFor } from './naming.js';

/** Filled by the build, test and verify stages of the same run; `skipped` = verification was turned off. */
export interface ComponentProof {
  built: boolean;
  testsPassed: boolean;
  verified: boolean | 'skipped';
}

export interface PlannedComponent {
  /** The component's name in run.toml. */
  component: string;
  /** Package name, `<namespace>:<component>`. */
  name: string;
  version: string;
  description: string;
  license?: string;
  repository?: string;
  file: FileSource;
  /** Path shown in messages (the artifact on disk, or a label for in-memory bytes). */
  source: string;
  size: number;
  sha256: string;
  proof: ComponentProof;
}

export interface PublishPlan {
  registryUrl: string;
  components: PlannedComponent[];
}

export interface BuiltArtifact {
  component: string;
  /** Absolute path of the built .wasm. */
  path: string;
  proof: ComponentProof;
}

/** Hashes each artifact (streamed) and names it after the project; nothing is read into memory. */
export async function planPublish(project: Project, registryUrl: string, artifacts: BuiltArtifact[]): Promise<PublishPlan> {
  checkVersion(project.version);
  const components = await Promise.all(
    artifacts.map(async (a): Promise<PlannedComponent> => {
      const hash = createHash('sha256');
      let head: Buffer | undefined;
      for await (const chunk of createReadStream(a.path)) {
        head ??= chunk as Buffer;
        hash.update(chunk as Buffer);
      }
      checkIsComponent(head ?? Buffer.alloc(0), a.path);
      const { size } = await stat(a.path);
      return {
        component: a.component,
        name: packageNameFor(project.name, a.component),
        version: project.version,
        description: project.description ?? '',
        license: project.license,
        repository: project.repository,
        file: { path: a.path, size },
        source: a.path,
        size,
        sha256: hash.digest('hex'),
        proof: a.proof,
      };
    }),
  );
  return { registryUrl, components };
}

/** The registry serves components (targets wasm32-wasip2); a core module or a non-wasm file is a build mix-up. */
function checkIsComponent(head: Uint8Array, path: string): void {
  const layer = wasmLayer(head);
  if (layer === 'component') return;
  throw new NotAComponentError(`${path} is ${layer === 'module' ? 'a core wasm module' : 'not WebAssembly'}, not a component`, {
    location: { file: path },
    hint: 'publish the component the build produced (a core module must first become a component, e.g. with `wasm-tools component new`)',
  });
}
