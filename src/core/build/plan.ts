/**
 * What to build for one component, decided before any tool runs (upstream §4.1–4.2): skip it
 * when it has none of `build`, `source`, `path`; a `build` command is a custom build; otherwise the
 * source is `source`, else `path`, else `<project>/<name>`, its language is `language` or detected
 * from the file extension or the directory's markers, and the first usable builder of that
 * language is chosen. The WIT world is resolved here too, so WIT mistakes surface before a compile.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Component, Language, RunConfig } from '../config/model.js';
import { BuildSourceError } from './errors.js';
import { CUSTOM_BUILDER, LANGUAGES, languageSpec, type BuilderSpec, type LanguageSpec } from './builders.js';
import type { ToolLocator } from './locate.js';
import { resolveWit, type WitTarget } from './wit-target.js';

export interface ComponentPlan {
  component: Component;
  /** `language` of meta.toml: upstream writes `wasm` for custom builds (their output is processed as prebuilt). */
  language: Language;
  builder: BuilderSpec;
  /** Absolute source path (file or directory). */
  source: string;
  sourceIsFile: boolean;
  /** Working directory of the tools: the nearest directory holding the language's root marker, else the source's. */
  root: string;
  /** The prebuilt .wasm (language wasm, custom builds). */
  prebuilt?: string;
  wit: WitTarget | undefined;
  /** How the language was decided, for the log. */
  detectedBy: string;
}

export function isBuildable(c: Component): boolean {
  return c.build !== undefined || c.source !== undefined || c.path !== undefined;
}

export async function planComponent(config: RunConfig, component: Component, locator: ToolLocator): Promise<ComponentPlan> {
  const project = config.dir;
  if (component.build !== undefined) {
    const prebuilt = component.path ?? (component.source && /\.wasm$/i.test(component.source) ? component.source : undefined);
    if (!prebuilt) {
      throw new BuildSourceError(`Custom build for '${component.name}' requires a .wasm path in component.path`, {
        location: component.location,
        hint: 'add path = "<the .wasm your build command writes>" to the component',
      });
    }
    return {
      component,
      language: 'wasm',
      builder: CUSTOM_BUILDER,
      source: project,
      sourceIsFile: false,
      root: project,
      prebuilt: path.resolve(project, prebuilt),
      wit: await resolveWit(project, component, project, false),
      detectedBy: '`build` command',
    };
  }

  const source = path.resolve(project, component.source ?? component.path ?? component.name);
  const exists = existsSync(source);
  const sourceIsFile = exists ? statSync(source).isFile() : path.extname(source) !== '';
  const { language, detectedBy } = component.language ? { language: component.language, detectedBy: '`language` in run.toml' } : detect(source, exists, sourceIsFile, component);
  if (!exists && language !== 'wasm') {
    throw new BuildSourceError(`component '${component.name}': source ${path.relative(project, source) || source} does not exist`, {
      location: component.location,
      hint: 'set `source` to the file or folder with the sources, relative to run.toml',
    });
  }
  const spec = languageSpec(language);
  const sourceDir = sourceIsFile ? path.dirname(source) : source;
  const root = findRoot(spec, sourceDir, project) ?? sourceDir;
  if (spec.rootMarkers?.includes('Cargo.toml') && !existsSync(path.join(root, 'Cargo.toml'))) {
    throw new BuildSourceError(`component '${component.name}': Rust sources build as a cargo crate, but no Cargo.toml is at or above ${path.relative(project, sourceDir) || '.'}`, {
      location: component.location,
      hint: 'point `source` at the crate directory (the one with Cargo.toml)',
    });
  }
  const builder = spec.builders.find((b) => b.preferIf === undefined || locator.available(b.preferIf, root))!;
  const wit = await resolveWit(project, component, sourceDir, builder.needsWit === true);
  return {
    component,
    language,
    builder,
    source,
    sourceIsFile,
    root,
    ...(language === 'wasm' ? { prebuilt: sourceIsFile ? source : path.join(source, `${component.name}.wasm`) } : {}),
    wit,
    detectedBy,
  };
}

/** Upstream §4.2: the file extension first, then directory markers in table order (ours add C). */
function detect(source: string, exists: boolean, isFile: boolean, component: Component): { language: Language; detectedBy: string } {
  const ext = path.extname(source).toLowerCase();
  if (isFile || !exists) {
    const byExt = LANGUAGES.find((l) => l.extensions.includes(ext));
    if (byExt) return { language: byExt.language, detectedBy: `the ${ext} extension` };
  }
  if (exists && !isFile) {
    for (const l of LANGUAGES) {
      const m = l.markers;
      if (!m) continue;
      const all = m.all ?? [];
      const hitAll = all.length > 0 && all.every((f) => existsSync(path.join(source, f)));
      const hitAny = m.any?.find((f) => existsSync(path.join(source, f)));
      if (hitAll) return { language: l.language, detectedBy: `${all.join(' + ')} in the source folder` };
      if (hitAny) return { language: l.language, detectedBy: `${hitAny} in the source folder` };
    }
  }
  throw new BuildSourceError(`Cannot detect language for ${source}. No project markers found.`, {
    location: component.location,
    hint: `set language = "…" on component '${component.name}' (rust, go, python, javascript, typescript, zig, c, wat, wasm), or point \`source\` at a file or folder with markers (${markerList()})`,
  });
}

function markerList(): string {
  return LANGUAGES.flatMap((l) => l.markers?.any ?? l.markers?.all ?? []).join(', ');
}

function findRoot(spec: LanguageSpec, from: string, project: string): string | undefined {
  if (!spec.rootMarkers) return undefined;
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (spec.rootMarkers.some((m) => existsSync(path.join(dir, m)))) return dir;
    if (dir === project || path.dirname(dir) === dir || !dir.startsWith(project)) return undefined;
  }
}
