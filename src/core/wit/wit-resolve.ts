/**
 * WIT syntax trees → the resolved model: follows `use`, aliases, file-level `use … as`, nested and
 * separate packages, `include … with { }`, resources (constructor/method/static become the
 * `[constructor]r` / `[method]r.m` / `[static]r.m` functions a component exports), and elaborates a
 * world as wit-parser does (interfaces used by its imports/exports are imported implicitly).
 */
import { WitResolveError } from './errors.js';
import {
  parseInterfaceName,
  primitives,
  withName,
  type Param,
  type ResourceType,
  type WitFunction,
  type WitInterface,
  type WitType,
  type World,
  type WorldItem,
} from './model.js';
import {
  formatPackageName,
  location,
  parseWitSource,
  type FuncAst,
  type InterfaceAst,
  type PackageAst,
  type Pos,
  type ScopeAst,
  type TypeAst,
  type TypeDeclAst,
  type UsePath,
  type WitSource,
  type WorldAst,
} from './wit-parser.js';

export type { WitSource } from './wit-parser.js';

export interface WitDocument {
  /** The package of the first source (the one the caller is about), e.g. root:component. */
  main: PackageAst;
  packages: PackageAst[];
}

/**
 * Parses WIT sources: the first one is the main package; the others supply the packages it uses
 * (a wit/deps folder, or WASI's WIT next to the text jco's componentWit() printed). As in a WIT
 * package directory, a file without a `package` line belongs to the package declared by a file in
 * the same directory.
 */
export function parseWit(sources: WitSource | WitSource[] | string): WitDocument {
  const list = typeof sources === 'string' ? [{ file: '<wit>', text: sources }] : Array.isArray(sources) ? sources : [sources];
  const parsed = list.map((source) => ({ dir: dirOf(source.file), packages: parseWitSource(source) }));
  const dirPackage = new Map<string, string>();
  for (const { dir, packages } of parsed) {
    const own = packages[0]?.name;
    if (own && !dirPackage.has(dir)) dirPackage.set(dir, formatPackageName(own));
  }
  const packages: PackageAst[] = [];
  const byKey = new Map<string, PackageAst>();
  let main: PackageAst | undefined;
  for (const { dir, packages: pkgs } of parsed) {
    for (const pkg of pkgs) {
      const key = pkg.name ? formatPackageName(pkg.name) : (dirPackage.get(dir) ?? '');
      const existing = byKey.get(key);
      if (existing) {
        existing.name ??= pkg.name; // the first file of a directory may be the one without `package`
        mergeInto(existing, pkg);
      } else {
        byKey.set(key, pkg);
        packages.push(pkg);
      }
      main ??= byKey.get(key);
    }
  }
  if (!main) throw new WitResolveError('no WIT package found: the sources are empty', list[0] ? { file: list[0].file } : undefined, 'a WIT file needs at least one interface or world');
  return { main, packages };
}

function dirOf(file: string): string {
  const slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return slash === -1 ? '' : file.slice(0, slash);
}

function mergeInto(into: PackageAst, from: PackageAst): void {
  for (const [kind, a, b] of [
    ['interface', into.interfaces, from.interfaces],
    ['world', into.worlds, from.worlds],
  ] as const) {
    for (const [name, item] of b as Map<string, InterfaceAst | WorldAst>) {
      if ((a as Map<string, unknown>).has(name)) {
        throw new WitResolveError(`${kind} '${name}' is defined twice in package ${into.name ? formatPackageName(into.name) : '(unnamed)'}`, location(item.pos), 'rename one of them');
      }
      (a as Map<string, InterfaceAst | WorldAst>).set(name, item);
    }
  }
}

/**
 * A resolved world: `name` in the main package (default: its only world), or a world of any
 * package by its full name `ns:pkg/world@ver`.
 */
export function worldFromWit(doc: WitDocument, name?: string): World {
  const r = new Resolver(doc);
  const id = name === undefined ? undefined : parseInterfaceName(name);
  if (id) {
    const path: UsePath = { kind: 'foreign', pkg: { namespace: id.namespace, name: id.package, ...(id.version ? { version: id.version } : {}) }, name: id.name, pos: queryPos(name!) };
    const found = r.findWorld(doc.main, new Map(), path);
    return r.world(found.pkg, found.world);
  }
  const worlds = [...doc.main.worlds.values()];
  const world = name === undefined ? worlds[0] : doc.main.worlds.get(name);
  if (!world || (name === undefined && worlds.length !== 1)) {
    const known = worlds.map((w) => w.name).join(', ') || 'none';
    throw new WitResolveError(
      name === undefined ? `the main WIT package has ${worlds.length} worlds (${known}); say which one` : `world '${name}' is not defined in the main WIT package`,
      undefined,
      `worlds defined: ${known}`,
    );
  }
  return r.world(doc.main, world);
}

function queryPos(text: string): Pos {
  return { source: { file: '<query>', text }, offset: 0 };
}

interface Resolved {
  iface: WitInterface;
  /** Interfaces this one `use`s, for world elaboration. */
  deps: Array<{ key: string; pkg: PackageAst; ast: InterfaceAst }>;
}

/** The place names are looked up in: an interface or world body and the package it belongs to. */
interface Ctx {
  pkg: PackageAst;
  scope: ScopeAst;
  fileUses: Map<string, UsePath>;
  what: string;
}

class Resolver {
  private readonly byName = new Map<string, PackageAst[]>();
  private readonly ifaces = new Map<InterfaceAst, Resolved>();
  private readonly decls = new Map<TypeDeclAst, WitType>();
  private readonly resources = new Map<TypeDeclAst, ResourceType>();
  private readonly active = new Set<TypeDeclAst>();
  private nextResourceId = 1;

  constructor(doc: WitDocument) {
    for (const pkg of doc.packages) {
      if (!pkg.name) continue;
      const key = `${pkg.name.namespace}:${pkg.name.name}`;
      this.byName.set(key, [...(this.byName.get(key) ?? []), pkg]);
    }
  }

  findInterface(pkg: PackageAst, fileUses: Map<string, UsePath>, path: UsePath): { pkg: PackageAst; iface: InterfaceAst } {
    if (path.kind === 'local') {
      const own = pkg.interfaces.get(path.name);
      if (own) return { pkg, iface: own };
      const alias = fileUses.get(path.name);
      if (alias && alias !== path) return this.findInterface(pkg, fileUses, alias);
      throw new WitResolveError(
        `interface '${path.name}' is not defined in package ${pkg.name ? formatPackageName(pkg.name) : '(unnamed)'}`,
        location(path.pos),
        `interfaces defined there: ${[...pkg.interfaces.keys()].join(', ') || 'none'}`,
      );
    }
    const key = `${path.pkg.namespace}:${path.pkg.name}`;
    const candidates = this.byName.get(key) ?? [];
    const target = path.pkg.version
      ? candidates.find((p) => p.name?.version === path.pkg.version)
      : candidates.length === 1
        ? candidates[0]
        : undefined;
    const wanted = formatPackageName(path.pkg);
    if (!target) {
      const have = candidates.map((p) => formatPackageName(p.name!)).join(', ');
      throw new WitResolveError(
        `package ${wanted} is not among the WIT sources`,
        location(path.pos),
        have ? `versions available: ${have}` : `add the WIT of ${wanted} (for example a wit/deps/<name>/ folder)`,
      );
    }
    const iface = target.interfaces.get(path.name);
    if (!iface) {
      throw new WitResolveError(`interface '${path.name}' is not defined in package ${wanted}`, location(path.pos), `interfaces defined there: ${[...target.interfaces.keys()].join(', ') || 'none'}`);
    }
    return { pkg: target, iface };
  }

  interfaceKey(pkg: PackageAst, iface: InterfaceAst): string {
    if (!pkg.name) return iface.name;
    return `${pkg.name.namespace}:${pkg.name.name}/${iface.name}${pkg.name.version ? `@${pkg.name.version}` : ''}`;
  }

  iface(pkg: PackageAst, ast: InterfaceAst): Resolved {
    const cached = this.ifaces.get(ast);
    if (cached) return cached;
    const ctx: Ctx = { pkg, scope: ast, fileUses: ast.fileUses, what: `interface ${ast.name}` };
    const result: Resolved = { iface: { functions: new Map(), types: new Map() }, deps: [] };
    this.ifaces.set(ast, result);
    for (const use of ast.uses) {
      const target = this.findInterface(pkg, ast.fileUses, use.path);
      if (target.iface !== ast) result.deps.push({ key: this.interfaceKey(target.pkg, target.iface), pkg: target.pkg, ast: target.iface });
      for (const n of use.names) result.iface.types.set(n.as ?? n.name, this.usedType(target.pkg, target.iface, n.name, n.pos));
    }
    this.fillScope(ctx, result.iface);
    return result;
  }

  private fillScope(ctx: Ctx, out: WitInterface): void {
    for (const decl of ctx.scope.types) out.types.set(decl.name, this.decl(ctx, decl));
    // Functions in declaration order, resources' functions where the resource is declared.
    for (const decl of ctx.scope.types) {
      if (decl.k !== 'resource') continue;
      const resource = this.resource(decl);
      const own: WitType = { kind: 'own', resource };
      if (decl.ctor) {
        const f = this.func(ctx, decl.ctor, `[constructor]${decl.name}`);
        out.functions.set(f.name, { ...f, kind: 'constructor', resource: decl.name, result: f.result ?? own });
      }
      for (const { func, isStatic } of decl.methods) {
        const name = `[${isStatic ? 'static' : 'method'}]${decl.name}.${func.name}`;
        const f = this.func(ctx, func, name);
        const params: Param[] = isStatic ? f.params : [{ name: 'self', type: { kind: 'borrow', resource } }, ...f.params];
        out.functions.set(name, { ...f, params, kind: isStatic ? 'static' : 'method', resource: decl.name });
      }
    }
    for (const f of ctx.scope.funcs) out.functions.set(f.name, this.func(ctx, f, f.name));
  }

  private usedType(pkg: PackageAst, ast: InterfaceAst, name: string, pos: Pos): WitType {
    const ctx: Ctx = { pkg, scope: ast, fileUses: ast.fileUses, what: `interface ${ast.name}` };
    return this.named(ctx, name, pos);
  }

  private func(ctx: Ctx, f: FuncAst, name: string): WitFunction {
    return {
      name,
      kind: 'freestanding',
      params: f.params.map((p) => ({ name: p.name, type: this.type(ctx, p.type) })),
      ...(f.result ? { result: this.type(ctx, f.result) } : {}),
      async: f.async,
    };
  }

  private resource(decl: Extract<TypeDeclAst, { k: 'resource' }>): ResourceType {
    let r = this.resources.get(decl);
    if (!r) {
      r = { name: decl.name, id: this.nextResourceId++ };
      this.resources.set(decl, r);
    }
    return r;
  }

  private decl(ctx: Ctx, decl: TypeDeclAst): WitType {
    const done = this.decls.get(decl);
    if (done) return done;
    if (this.active.has(decl)) throw new WitResolveError(`type '${decl.name}' refers to itself`, location(decl.pos), 'WIT types cannot be recursive; use a list or a resource');
    this.active.add(decl);
    let t: WitType;
    switch (decl.k) {
      case 'alias':
        t = withName(this.type(ctx, decl.type), decl.name);
        break;
      case 'record':
        t = { kind: 'record', name: decl.name, fields: decl.fields.map((f) => ({ name: f.name, type: this.type(ctx, f.type) })) };
        break;
      case 'variant':
        t = { kind: 'variant', name: decl.name, cases: decl.cases.map((c) => (c.type ? { name: c.name, type: this.type(ctx, c.type) } : { name: c.name })) };
        break;
      case 'enum':
        t = { kind: 'enum', name: decl.name, cases: decl.cases };
        break;
      case 'flags':
        t = { kind: 'flags', name: decl.name, flags: decl.flags };
        break;
      case 'resource':
        t = { kind: 'own', resource: this.resource(decl) };
        break;
    }
    this.active.delete(decl);
    this.decls.set(decl, t);
    return t;
  }

  /** A type name as seen from `ctx`: its own definitions, then the names its `use`s bring in. */
  private named(ctx: Ctx, name: string, pos: Pos): WitType {
    const decl = ctx.scope.types.find((d) => d.name === name);
    if (decl) return this.decl(ctx, decl);
    for (const use of ctx.scope.uses) {
      const n = use.names.find((u) => (u.as ?? u.name) === name);
      if (!n) continue;
      const target = this.findInterface(ctx.pkg, ctx.fileUses, use.path);
      return this.usedType(target.pkg, target.iface, n.name, n.pos);
    }
    const known = [...ctx.scope.types.map((d) => d.name), ...ctx.scope.uses.flatMap((u) => u.names.map((n) => n.as ?? n.name))];
    throw new WitResolveError(`type '${name}' is not defined in ${ctx.what}`, location(pos), known.length ? `types visible there: ${known.join(', ')}` : 'define it, or bring it in with use <interface>.{name}');
  }

  private type(ctx: Ctx, t: TypeAst): WitType {
    switch (t.k) {
      case 'prim':
        return primitives[t.kind];
      case 'named':
        return this.named(ctx, t.name, t.pos);
      case 'list':
        return { kind: 'list', element: this.type(ctx, t.element), ...(t.length === undefined ? {} : { length: t.length }) };
      case 'option':
        return { kind: 'option', inner: this.type(ctx, t.inner) };
      case 'result':
        return { kind: 'result', ...(t.ok ? { ok: this.type(ctx, t.ok) } : {}), ...(t.err ? { err: this.type(ctx, t.err) } : {}) };
      case 'tuple':
        return { kind: 'tuple', types: t.types.map((x) => this.type(ctx, x)) };
      case 'handle': {
        const target = this.named(ctx, t.name, t.pos);
        if (target.kind !== 'own') throw new WitResolveError(`'${t.name}' is not a resource, so it cannot be used in ${t.borrow ? 'borrow' : 'own'}<…>`, location(t.pos), 'declare it with resource <name>;');
        return t.borrow ? { kind: 'borrow', resource: target.resource } : target;
      }
      case 'stream':
      case 'future':
        return { kind: t.k, ...(t.element ? { element: this.type(ctx, t.element) } : {}) };
      case 'error-context':
        return { kind: 'error-context' };
      case 'map':
        return { kind: 'map', key: this.type(ctx, t.key), value: this.type(ctx, t.value) };
    }
  }

  world(pkg: PackageAst, ast: WorldAst, seen = new Set<WorldAst>()): World {
    if (seen.has(ast)) throw new WitResolveError(`world '${ast.name}' includes itself`, location(ast.pos), 'remove the include cycle');
    seen.add(ast);
    const ctx: Ctx = { pkg, scope: ast, fileUses: ast.fileUses, what: `world ${ast.name}` };
    const world: World = { imports: [], exports: [] };
    const deps: Array<{ dir: 'import' | 'export'; dep: Resolved['deps'][number] }> = [];
    const add = (dir: 'import' | 'export', item: WorldItem): void => {
      const list = dir === 'import' ? world.imports : world.exports;
      if (!list.some((x) => x.name === item.name)) list.push(item);
    };
    for (const item of ast.items) {
      if (item.k === 'func') {
        add(item.dir, { kind: 'function', name: item.name, func: this.func(ctx, item.func, item.name) });
      } else if (item.k === 'inline') {
        const r = this.iface(pkg, item.iface);
        add(item.dir, { kind: 'interface', name: item.name, iface: r.iface });
        deps.push(...r.deps.map((dep) => ({ dir: item.dir, dep })));
      } else if (item.k === 'path') {
        const target = this.findInterface(pkg, ast.fileUses, item.path);
        const r = this.iface(target.pkg, target.iface);
        const key = this.interfaceKey(target.pkg, target.iface);
        const id = parseInterfaceName(key);
        add(item.dir, { kind: 'interface', name: key, ...(id ? { id } : {}), iface: r.iface });
        deps.push(...r.deps.map((dep) => ({ dir: item.dir, dep })));
      } else {
        const target = this.findWorld(pkg, ast.fileUses, item.path);
        const included = this.world(target.pkg, target.world, seen);
        const rename = (i: WorldItem): WorldItem => {
          const to = item.renames.get(i.name);
          if (!to) return i;
          return i.kind === 'function' ? { ...i, name: to, func: { ...i.func, name: to } } : { ...i, name: to };
        };
        for (const i of included.imports) add('import', rename(i));
        for (const i of included.exports) add('export', rename(i));
      }
    }
    // Elaboration: interfaces used by an import or export are imported (unless exported alongside).
    for (let i = 0; i < deps.length; i++) {
      const { dir, dep } = deps[i]!;
      const present = world.imports.some((x) => x.name === dep.key) || (dir === 'export' && world.exports.some((x) => x.name === dep.key));
      if (present) continue;
      const r = this.iface(dep.pkg, dep.ast);
      const id = parseInterfaceName(dep.key);
      world.imports.push({ kind: 'interface', name: dep.key, ...(id ? { id } : {}), iface: r.iface });
      deps.push(...r.deps.map((d) => ({ dir: 'import' as const, dep: d })));
    }
    seen.delete(ast);
    return world;
  }

  findWorld(pkg: PackageAst, fileUses: Map<string, UsePath>, path: UsePath): { pkg: PackageAst; world: WorldAst } {
    let target = pkg;
    if (path.kind === 'foreign') {
      const candidates = this.byName.get(`${path.pkg.namespace}:${path.pkg.name}`) ?? [];
      const found = path.pkg.version ? candidates.find((p) => p.name?.version === path.pkg.version) : candidates.length === 1 ? candidates[0] : undefined;
      if (!found) throw new WitResolveError(`package ${formatPackageName(path.pkg)} is not among the WIT sources`, location(path.pos), `add the WIT of ${formatPackageName(path.pkg)}`);
      target = found;
    } else if (!pkg.worlds.has(path.name) && fileUses.has(path.name)) {
      return this.findWorld(pkg, fileUses, fileUses.get(path.name)!);
    }
    const world = target.worlds.get(path.name);
    if (!world) throw new WitResolveError(`world '${path.name}' is not defined in package ${target.name ? formatPackageName(target.name) : '(unnamed)'}`, location(path.pos), `worlds defined there: ${[...target.worlds.keys()].join(', ') || 'none'}`);
    return { pkg: target, world };
  }
}
