/**
 * An app and the components that provide its non-WASI imports, resolved from run.toml and checked
 * before anything runs: every non-WASI import is linked (`imports = { "<iface>" = "<component>" }`,
 * or upstream's `dependencies = [...]` when exactly one of them exports the interface), each provider
 * is built and exports the interface with compatible types, and no component imports from itself
 * through others. Runtime linking (exec, test) and `compose` both start from a LinkedApp.
 */
import type { Component, RunConfig } from '../config/model.js';
import type { ComponentLink } from '../engine/index.js';
import { ComponentNotFoundError, loadComponentArtifact, type Artifact } from '../exec/artifact.js';
import { RunActionError } from '../errors.js';
import { readComponentWorld } from '../wit/component-binary.js';
import type { World, WorldItem } from '../wit/model.js';
import {
  AmbiguousLinkError,
  LinkCycleError,
  LinkTypeMismatchError,
  ProviderExportMissingError,
  ProviderNotBuiltError,
  UnknownLinkError,
  UnsatisfiedImportError,
} from './errors.js';
import { isWasi, sameInterface, unversioned, versionOf } from './interface-names.js';
import { interfaceMismatches } from './wit-compat.js';

export interface LinkedComponent {
  name: string;
  artifact: Artifact;
  world: World;
  /** Its imports that other components of the app satisfy. */
  links: ComponentLink[];
}

export interface LinkedApp {
  /** Every component to instantiate, each after the ones it imports from; the app is last. */
  components: LinkedComponent[];
  app: LinkedComponent;
}

/**
 * Resolves the links of `app` (a component of `config`, or a file run on its own, which then must
 * have no non-WASI import). Throws the errors of ./errors.ts, each naming the importing component,
 * the interface and the provider (or the lack of one).
 */
export async function loadLinkedApp(config: RunConfig | undefined, app: { artifact: Artifact; component?: Component; world?: World }): Promise<LinkedApp> {
  const loaded = new Map<string, LinkedComponent>();
  const order: LinkedComponent[] = [];
  const worlds = new Map<string, Promise<{ artifact: Artifact; world: World }>>();

  const load = (provider: Component, consumer: string, iface: string) => {
    let p = worlds.get(provider.name);
    if (!p) {
      p = loadComponentArtifact(config!, provider).then(
        (artifact) => ({ artifact, world: readComponentWorld(artifact.bytes) }),
        (err: unknown) => {
          if (!(err instanceof ComponentNotFoundError)) throw err;
          throw new ProviderNotBuiltError(`component '${provider.name}', which provides ${iface} to '${consumer}', ${err.message.replace(/^component '[^']*' /, '')}`, {
            location: provider.location,
            ...(err.hint ? { hint: err.hint } : {}),
          });
        },
      );
      worlds.set(provider.name, p);
    }
    return p;
  };

  const visit = async (node: { name: string; artifact: Artifact; world: World; component?: Component }, path: string[]): Promise<LinkedComponent> => {
    const done = loaded.get(node.name);
    if (done) return done;
    if (path.includes(node.name)) {
      throw new LinkCycleError(`components import from each other in a cycle: ${[...path.slice(path.indexOf(node.name)), node.name].join(' → ')}`, {
        ...(node.component ? { location: node.component.location } : {}),
        hint: 'a component cannot (even indirectly) provide an interface to one of its own providers; move the shared part into a separate component',
      });
    }
    const links: ComponentLink[] = [];
    const needed = node.world.imports.filter((i) => !isWasi(i.name));
    checkDeclaredLinks(node, needed);
    for (const item of needed) {
      if (item.kind === 'function') {
        throw new UnsatisfiedImportError(`component '${node.name}' imports the function ${item.name}; only interfaces can be linked between components`, {
          ...(node.component ? { location: node.component.location } : {}),
          hint: `put ${item.name} into an interface that both components' WIT worlds use`,
        });
      }
      const provider = await chooseProvider(config, node, item, load);
      const providerNode = { name: provider.name, component: provider, ...(await load(provider, node.name, item.name)) };
      const exportName = providedExport(node.name, item, providerNode.name, providerNode.world, node.component);
      await visit(providerNode, [...path, node.name]);
      links.push({ importName: item.name, provider: provider.name, exportName });
    }
    const linked: LinkedComponent = { name: node.name, artifact: node.artifact, world: node.world, links };
    loaded.set(node.name, linked);
    order.push(linked);
    return linked;
  };

  const root = await visit(
    { name: app.component?.name ?? app.artifact.name, artifact: app.artifact, world: app.world ?? readComponentWorld(app.artifact.bytes), ...(app.component ? { component: app.component } : {}) },
    [],
  );
  return { components: order, app: root };
}

/** A link in `imports` must name something the component imports. */
function checkDeclaredLinks(node: { name: string; component?: Component }, needed: WorldItem[]): void {
  for (const [key, provider] of Object.entries(node.component?.imports ?? {})) {
    if (needed.some((i) => sameInterface(key, i.name))) continue;
    const names = needed.map((i) => i.name);
    throw new UnknownLinkError(`component '${node.name}' links ${key} to '${provider}', but '${node.name}' does not import ${key}`, {
      location: node.component!.location,
      hint: names.length ? `its non-WASI imports are: ${names.join(', ')}` : `'${node.name}' imports nothing but WASI; remove the link`,
    });
  }
}

type Load = (provider: Component, consumer: string, iface: string) => Promise<{ artifact: Artifact; world: World }>;

/** The component that provides `item` to `node`: its `imports` entry, else the one dependency exporting it. */
async function chooseProvider(config: RunConfig | undefined, node: { name: string; component?: Component }, item: WorldItem, load: Load): Promise<Component> {
  const component = node.component;
  const declared = Object.entries(component?.imports ?? {}).find(([key]) => sameInterface(key, item.name));
  if (declared) return config!.components.find((c) => c.name === declared[1])!; // the config reader checked the name
  const location = component ? { location: component.location } : {};
  if (!config || !component) {
    throw new UnsatisfiedImportError(`${node.name} imports ${item.name}, and a component run on its own has nothing to provide it`, {
      hint: `declare the app and its provider in run.toml, e.g. [components.${node.name}] imports = { "${unversioned(item.name)}" = "<provider>" }, and run it by name`,
    });
  }
  const candidates: Component[] = [];
  for (const dep of component.dependencies) {
    const c = config.components.find((x) => x.name === dep);
    if (!c) continue; // an installed package, not a component (the config reader warned)
    const { world } = await load(c, node.name, item.name);
    if (world.exports.some((e) => sameInterface(e.name, item.name))) candidates.push(c);
  }
  if (candidates.length === 1) return candidates[0]!;
  if (candidates.length > 1) {
    throw new AmbiguousLinkError(`component '${node.name}' imports ${item.name}, which its dependencies ${candidates.map((c) => `'${c.name}'`).join(' and ')} all export`, {
      ...location,
      hint: `say which one: imports = { "${unversioned(item.name)}" = "${candidates[0]!.name}" }`,
    });
  }
  const others = await exportersOf(config, component, item, load);
  throw new UnsatisfiedImportError(`component '${node.name}' imports ${item.name}, but no component is linked to provide it`, {
    ...location,
    hint: others.length
      ? `${others.map((c) => `'${c}'`).join(', ')} ${others.length > 1 ? 'export' : 'exports'} it: add imports = { "${unversioned(item.name)}" = "${others[0]}" } to ${node.name}'s table`
      : `add the component that exports it to run.toml and link it: imports = { "${unversioned(item.name)}" = "<component>" }`,
  });
}

/** Built components of the project that export `item` (for the hint of an unsatisfied import). */
async function exportersOf(config: RunConfig, consumer: Component, item: WorldItem, load: Load): Promise<string[]> {
  const names: string[] = [];
  for (const c of config.components) {
    if (c.name === consumer.name) continue;
    try {
      const { world } = await load(c, consumer.name, item.name);
      if (world.exports.some((e) => sameInterface(e.name, item.name))) names.push(c.name);
    } catch (err) {
      if (!(err instanceof RunActionError)) throw err; // not built or not readable: not a candidate
    }
  }
  return names;
}

/** The provider's export that satisfies `item`, checked against the import's types. */
function providedExport(consumer: string, item: WorldItem, provider: string, world: World, component: Component | undefined): string {
  const location = component ? { location: component.location } : {};
  const sameName = world.exports.filter((e) => unversioned(e.name) === unversioned(item.name));
  const match = sameName.find((e) => sameInterface(e.name, item.name));
  if (!match) {
    const exported = world.exports.map((e) => e.name).join(', ') || 'nothing';
    throw new ProviderExportMissingError(
      sameName.length
        ? `component '${consumer}' imports ${item.name} from '${provider}', but '${provider}' exports version ${versionOf(sameName[0]!.name)}, which is not compatible`
        : `component '${consumer}' imports ${item.name} from '${provider}', but '${provider}' does not export it`,
      { ...location, hint: `'${provider}' exports: ${exported}` },
    );
  }
  if (item.kind !== 'interface' || match.kind !== 'interface') {
    throw new LinkTypeMismatchError(`component '${consumer}' imports the interface ${item.name}, but '${provider}' exports ${match.name} as a function`, location);
  }
  const problems = interfaceMismatches(item.iface, match.iface);
  if (problems.length > 0) {
    throw new LinkTypeMismatchError(
      `component '${consumer}' imports ${item.name} from '${provider}', but the interfaces differ: ${problems.join('; ')}`,
      { ...location, hint: `build '${consumer}' and '${provider}' against the same WIT for ${unversioned(item.name)}` },
    );
  }
  return match.name;
}
