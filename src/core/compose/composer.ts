/**
 * Static composition at the binary level: one outer component that nests the linked components'
 * bytes verbatim (section 4), imports what they import from outside (declarations copied from the
 * components' own import declarations, renumbered, see type-copy.ts), instantiates the providers
 * first and the app last, passing each provider's exported instance as the consumer's import, and
 * re-exports the app's exports. Shape (jco-feasibility Appendix C, without the WAT round trip):
 *
 *   (component
 *     (type …) (import "wasi:…" (instance (type …))) (alias export …) …   ; union of outer imports
 *     (component $calculator …) (component $app …)                        ; nested, byte for byte
 *     (instance $c (instantiate $calculator (with "wasi:…" (instance …))))
 *     (alias export $c "example:calculator/math@0.1.0" (instance $math))
 *     (instance $a (instantiate $app (with "example:calculator/math@0.1.0" (instance $math)) …))
 *     (alias export $a "run" (func $run)) (export "run" (func $run)))
 *
 * The output depends only on the inputs and their order: the same components compose to the same bytes.
 */
import type { ComponentLink } from '../engine/index.js';
import { COMPONENT_LAYER, COMPONENT_VERSION, WASM_MAGIC } from '../wasm/header.js';
import { Cursor } from '../wasm/cursor.js';
import type { World } from '../wit/model.js';
import { ByteWriter, u32Size } from '../wasm/writer.js';
import { ComposeUnsupportedError, ImportConflictError } from './errors.js';
import { readTopLevel, SORT_CODES, type Sort, type TopLevel } from './top-level.js';
import { copyExternDesc, copyTypeDef, type Renumber } from './type-copy.js';

export interface ComposeNode {
  name: string;
  bytes: Uint8Array;
  /** Where the bytes came from, for messages. */
  file?: string;
  /** Its WIT world (readComponentWorld), to merge the imports the nodes share. */
  world: World;
  /** Imports another node satisfies; every other import becomes an import of the outer component. */
  links: ComponentLink[];
}

const SECTION = { component: 4, instance: 5, alias: 6, type: 7, import: 10, export: 11 } as const;
/** A component's 8-byte header: magic, version 0x0d, layer 1. */
const HEADER = [...WASM_MAGIC, COMPONENT_VERSION, 0x00, COMPONENT_LAYER, 0x00];

interface Node {
  spec: ComposeNode;
  top: TopLevel;
  types: Map<number, number>;
  instances: Map<number, number>;
}

/** The outer component being written: sections in order, index spaces counted as items are added. */
class Outer {
  /** A vector section's entries, or a nested component's bytes (kept as a view, copied once at the end). */
  readonly sections: Array<{ id: number; count: number; body: ByteWriter } | { id: number; raw: Uint8Array }> = [];
  readonly next: Record<Sort, number> = { func: 0, value: 0, type: 0, component: 0, instance: 0 };

  /** Appends one entry (consecutive entries of one kind share a section); returns its index in `sort`. */
  add(id: number, entry: Uint8Array, sort: Sort): number {
    let last = this.sections.at(-1);
    if (!last || last.id !== id || !('body' in last)) {
      last = { id, count: 0, body: new ByteWriter(256) };
      this.sections.push(last);
    }
    last.count++;
    last.body.bytes(entry);
    return this.next[sort]++;
  }

  addComponent(bytes: Uint8Array): number {
    this.sections.push({ id: SECTION.component, raw: bytes });
    return this.next.component++;
  }

  /** The whole binary, written once into a buffer of the exact size. */
  encode(): Uint8Array {
    const framed = this.sections.map((s) =>
      'raw' in s ? { id: s.id, count: undefined, payload: s.raw, size: s.raw.length } : { id: s.id, count: s.count, payload: s.body.view(), size: u32Size(s.count) + s.body.length },
    );
    const total = HEADER.length + framed.reduce((n, f) => n + 1 + u32Size(f.size) + f.size, 0);
    const out = new ByteWriter(total);
    out.bytes(new Uint8Array(HEADER));
    for (const f of framed) {
      out.byte(f.id).u32(f.size);
      if (f.count !== undefined) out.u32(f.count);
      out.bytes(f.payload);
    }
    return out.view();
  }
}

/**
 * Composes `nodes` (each after the nodes it links to; the last one is the app whose exports the
 * result exports) into one component. Throws ImportConflictError when two nodes import the same
 * interface with declarations neither of which covers the other, ComposeUnsupportedError for
 * constructs it does not compose (imported core modules, types defined by a component's body).
 */
export function composeComponents(specs: readonly ComposeNode[]): Uint8Array {
  if (specs.length === 0) throw new ComposeUnsupportedError('nothing to compose');
  const nodes: Node[] = specs.map((spec) => ({ spec, top: readTopLevel(spec.bytes, spec.file), types: new Map(), instances: new Map() }));
  const outer = new Outer();
  const declarers = chooseDeclarers(nodes);
  const imported = new Map<string, { sort: Sort; index: number }>();
  const visiting = new Set<string>();

  const importOuter = (name: string): { sort: Sort; index: number } => {
    const done = imported.get(name);
    if (done) return done;
    if (visiting.has(name)) throw new ComposeUnsupportedError(`the import declarations of ${name} refer to each other in a cycle`);
    visiting.add(name);
    const { node, decl } = declarers.get(name)!;
    if (decl.sort === 'core module' || decl.sort === 'value') {
      throw new ComposeUnsupportedError(`component '${node.spec.name}' imports ${name} as a ${decl.sort}; only functions, instances, types and components can be composed`);
    }
    const entry = new ByteWriter(64).bytes(decl.nameBytes);
    copyExternDesc(cursorAt(node, decl.descStart, decl.descEnd), entry, 0, renumber(node));
    const result = { sort: decl.sort, index: outer.add(SECTION.import, entry.view(), decl.sort) };
    imported.set(name, result);
    visiting.delete(name);
    return result;
  };

  const typeOf = (node: Node, index: number): number => {
    const known = node.types.get(index);
    if (known !== undefined) return known;
    const def = node.top.types[index];
    if (!def) throw new ComposeUnsupportedError(`component '${node.spec.name}' refers to type ${index}, which it does not define`);
    let result: number;
    if (def.kind === 'type') {
      const entry = new ByteWriter(64);
      copyTypeDef(cursorAt(node, def.start, def.end), entry, 0, renumber(node));
      result = outer.add(SECTION.type, entry.view(), 'type');
    } else if (def.kind === 'import') {
      result = importOuter(node.top.imports[def.import]!.name).index;
    } else if (def.kind === 'alias') {
      const entry = new ByteWriter(32).byte(SORT_CODES.type).byte(0x00).u32(instanceOf(node, def.instance)).name(def.name);
      result = outer.add(SECTION.alias, entry.view(), 'type');
    } else {
      throw new ComposeUnsupportedError(
        `an import declaration of component '${node.spec.name}' uses a type made by ${def.what} in its body; such a component cannot be composed by run-action`,
      );
    }
    node.types.set(index, result);
    return result;
  };

  const instanceOf = (node: Node, index: number): number => {
    const known = node.instances.get(index);
    if (known !== undefined) return known;
    const def = node.top.instances[index];
    if (def?.kind !== 'import') {
      throw new ComposeUnsupportedError(`an import declaration of component '${node.spec.name}' refers to instance ${index}, which is not one of its imports`);
    }
    const result = importOuter(node.top.imports[def.import]!.name).index;
    node.instances.set(index, result);
    return result;
  };

  const renumber = (node: Node): Renumber => ({
    type: (i) => typeOf(node, i),
    other: (what) => {
      throw new ComposeUnsupportedError(`an import declaration of component '${node.spec.name}' refers to a ${what} of its own; such a component cannot be composed by run-action`);
    },
  });

  // 1. The outer imports, in the order the nodes first import them.
  for (const name of declarers.keys()) importOuter(name);

  // 2. The components themselves, verbatim.
  const componentIndex = new Map(nodes.map((n) => [n, outer.addComponent(n.spec.bytes)]));

  // 3. Instantiate each with its arguments: a provider's exported instance, or an outer import.
  const instanceIndex = new Map<string, number>();
  for (const node of nodes) {
    const links = new Map(node.spec.links.map((l) => [l.importName, l]));
    const args = node.top.imports.map((decl) => {
      const link = links.get(decl.name);
      if (!link) {
        const { sort, index } = importOuter(decl.name);
        return { name: decl.name, sort, index };
      }
      const providerInstance = instanceIndex.get(link.provider);
      if (providerInstance === undefined) {
        throw new ComposeUnsupportedError(`component '${node.spec.name}' is linked to '${link.provider}', which must be composed before it`);
      }
      const alias = new ByteWriter(64).byte(SORT_CODES.instance).byte(0x00).u32(providerInstance).name(link.exportName);
      return { name: decl.name, sort: 'instance' as const, index: outer.add(SECTION.alias, alias.view(), 'instance') };
    });
    const entry = new ByteWriter(64).byte(0x00).u32(componentIndex.get(node)!).u32(args.length);
    for (const a of args) entry.name(a.name).byte(SORT_CODES[a.sort]).u32(a.index);
    instanceIndex.set(node.spec.name, outer.add(SECTION.instance, entry.view(), 'instance'));
  }

  // 4. The app's exports, re-exported under the same names.
  const app = nodes.at(-1)!;
  const appInstance = instanceIndex.get(app.spec.name)!;
  for (const { name, sort } of app.top.exports) {
    if (sort === 'core module') throw new ComposeUnsupportedError(`component '${app.spec.name}' exports the core module ${name}, which cannot be composed`);
    const alias = new ByteWriter(64).byte(SORT_CODES[sort]).byte(0x00).u32(appInstance).name(name);
    const index = outer.add(SECTION.alias, alias.view(), sort);
    outer.add(SECTION.export, new ByteWriter(64).byte(0x00).name(name).byte(SORT_CODES[sort]).u32(index).byte(0x00).view(), sort);
  }
  return outer.encode();
}

function cursorAt(node: Node, start: number, end: number): Cursor {
  return new Cursor(node.top.bytes, 0, start, end, node.spec.file);
}

/**
 * For each import the outer component needs (every import no link satisfies), the node whose
 * declaration it copies: the one that declares the most members, provided it covers every other
 * node's declaration of that name (a component-model instance type may declare more than an
 * importer needs, never less). Keys keep first-import order.
 */
function chooseDeclarers(nodes: Node[]): Map<string, { node: Node; decl: TopLevel['imports'][number] }> {
  const users = new Map<string, Array<{ node: Node; decl: TopLevel['imports'][number]; members: Set<string> }>>();
  for (const node of nodes) {
    const linked = new Set(node.spec.links.map((l) => l.importName));
    for (const decl of node.top.imports) {
      if (linked.has(decl.name)) continue;
      const item = node.spec.world.imports.find((i) => i.name === decl.name);
      const members = new Set(item?.kind === 'interface' ? [...item.iface.functions.keys(), ...item.iface.types.keys()] : []);
      let list = users.get(decl.name);
      if (!list) users.set(decl.name, (list = []));
      list.push({ node, decl, members });
    }
  }
  const chosen = new Map<string, { node: Node; decl: TopLevel['imports'][number] }>();
  for (const [name, list] of users) {
    const best = list.reduce((a, b) => (b.members.size > a.members.size ? b : a));
    for (const other of list) {
      const missing = [...other.members].filter((m) => !best.members.has(m));
      if (missing.length > 0) {
        throw new ImportConflictError(
          `components '${best.node.spec.name}' and '${other.node.spec.name}' both import ${name}, but neither declaration covers the other: '${other.node.spec.name}' also needs ${missing.join(', ')}`,
          { hint: 'build both components against the same version of that interface (the same WASI release)' },
        );
      }
      if (other.decl.sort !== best.decl.sort) {
        throw new ImportConflictError(`component '${best.node.spec.name}' imports ${name} as a ${best.decl.sort} and '${other.node.spec.name}' as a ${other.decl.sort}`);
      }
    }
    chosen.set(name, { node: best.node, decl: best.decl });
  }
  return chosen;
}
