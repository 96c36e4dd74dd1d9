/**
 * WIT text → syntax tree (WIT.md grammar: packages with `;` or nested `{ }` blocks, `use`,
 * interfaces, worlds with `include … with { }`, type definitions, resources, gates). It only reads
 * syntax; wit-resolve.ts follows names. A scannerless recursive-descent parser: WIT has contextual
 * pieces (versions after `@`, keywords usable as `%names`) that a separate lexer would complicate.
 */
import { WitSyntaxError } from './errors.js';
import { isPrimitiveKind, type PrimitiveKind } from './model.js';

export interface WitSource {
  /** Shown in error locations. */
  file: string;
  text: string;
}

/** A source position, turned into line/column only when an error needs it. */
export interface Pos {
  source: WitSource;
  offset: number;
}

export interface PackageName {
  namespace: string;
  name: string;
  version?: string;
}

/** `iface` (same package or a file-level `use` alias) or `ns:pkg/iface@ver`. */
export type UsePath =
  | { kind: 'local'; name: string; pos: Pos }
  | { kind: 'foreign'; pkg: PackageName; name: string; pos: Pos };

export type TypeAst =
  | { k: 'prim'; kind: PrimitiveKind }
  | { k: 'named'; name: string; pos: Pos }
  | { k: 'list'; element: TypeAst; length?: number }
  | { k: 'option'; inner: TypeAst }
  | { k: 'result'; ok?: TypeAst; err?: TypeAst }
  | { k: 'tuple'; types: TypeAst[] }
  | { k: 'handle'; borrow: boolean; name: string; pos: Pos }
  | { k: 'stream' | 'future'; element?: TypeAst }
  | { k: 'error-context' }
  | { k: 'map'; key: TypeAst; value: TypeAst };

export interface FuncAst {
  name: string;
  params: Array<{ name: string; type: TypeAst }>;
  result?: TypeAst;
  async: boolean;
  pos: Pos;
}

export type TypeDeclAst =
  | { k: 'alias'; name: string; type: TypeAst; pos: Pos }
  | { k: 'record'; name: string; fields: Array<{ name: string; type: TypeAst }>; pos: Pos }
  | { k: 'variant'; name: string; cases: Array<{ name: string; type?: TypeAst }>; pos: Pos }
  | { k: 'enum'; name: string; cases: string[]; pos: Pos }
  | { k: 'flags'; name: string; flags: string[]; pos: Pos }
  | {
      k: 'resource';
      name: string;
      ctor?: FuncAst;
      methods: Array<{ func: FuncAst; isStatic: boolean }>;
      pos: Pos;
    };

export interface UseAst {
  path: UsePath;
  names: Array<{ name: string; as?: string; pos: Pos }>;
}

/** The body of an interface, a world (for its own types) or an inline `import x: interface { }`. */
export interface ScopeAst {
  uses: UseAst[];
  types: TypeDeclAst[];
  funcs: FuncAst[];
}

export interface InterfaceAst extends ScopeAst {
  name: string;
  pos: Pos;
  /** File-level `use ns:pkg/iface as x;` aliases visible from this interface. */
  fileUses: Map<string, UsePath>;
}

export type WorldItemAst =
  | { k: 'func'; dir: 'import' | 'export'; name: string; func: FuncAst; pos: Pos }
  | { k: 'inline'; dir: 'import' | 'export'; name: string; iface: InterfaceAst; pos: Pos }
  | { k: 'path'; dir: 'import' | 'export'; path: UsePath; pos: Pos }
  | { k: 'include'; path: UsePath; renames: Map<string, string>; pos: Pos };

export interface WorldAst extends ScopeAst {
  name: string;
  items: WorldItemAst[];
  pos: Pos;
  fileUses: Map<string, UsePath>;
}

export interface PackageAst {
  /** Undefined for a file without a `package` line. */
  name?: PackageName;
  interfaces: Map<string, InterfaceAst>;
  worlds: Map<string, WorldAst>;
}

/** Line and column (1-based) of an offset, for error locations. */
export function lineCol(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, col: offset - lineStart + 1 };
}

export function location(pos: Pos): { file: string; line: number; col: number } {
  return { file: pos.source.file, ...lineCol(pos.source.text, pos.offset) };
}

const ITEM_KEYWORDS = new Set(['type', 'record', 'variant', 'enum', 'flags', 'resource', 'use', 'interface', 'world', 'package', 'import', 'export', 'include']);

const SEMVER = /\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?/y;

class Scanner {
  pos = 0;
  constructor(readonly source: WitSource) {}

  get text(): string {
    return this.source.text;
  }

  here(): Pos {
    return { source: this.source, offset: this.pos };
  }

  fail(message: string, hint: string, offset = this.pos): never {
    throw new WitSyntaxError(message, location({ source: this.source, offset }), hint);
  }

  /** Skips whitespace, `//` line comments and nested block comments (doc comments included). */
  trivia(): void {
    const t = this.text;
    for (;;) {
      const c = t.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d) {
        this.pos++;
      } else if (c === 0x2f && t.charCodeAt(this.pos + 1) === 0x2f) {
        const nl = t.indexOf('\n', this.pos);
        this.pos = nl === -1 ? t.length : nl + 1;
      } else if (c === 0x2f && t.charCodeAt(this.pos + 1) === 0x2a) {
        const start = this.pos;
        let depth = 0;
        do {
          if (t.startsWith('/*', this.pos)) {
            depth++;
            this.pos += 2;
          } else if (t.startsWith('*/', this.pos)) {
            depth--;
            this.pos += 2;
          } else if (this.pos >= t.length) {
            this.fail('unterminated block comment', 'close it with */', start);
          } else {
            this.pos++;
          }
        } while (depth > 0);
      } else {
        return;
      }
    }
  }

  atEnd(): boolean {
    this.trivia();
    return this.pos >= this.text.length;
  }

  peekChar(): string {
    this.trivia();
    return this.text[this.pos] ?? '';
  }

  /** Consumes `token` (punctuation such as `{`, `->`) if it comes next. */
  eat(token: string): boolean {
    this.trivia();
    if (this.text.startsWith(token, this.pos)) {
      this.pos += token.length;
      return true;
    }
    return false;
  }

  expect(token: string, what?: string): void {
    if (!this.eat(token)) this.fail(`expected '${token}'${what ? ` ${what}` : ''}, found ${this.describeNext()}`, `insert '${token}' here`);
  }

  describeNext(): string {
    this.trivia();
    if (this.pos >= this.text.length) return 'end of file';
    const m = /^[%A-Za-z0-9-]+|^./.exec(this.text.slice(this.pos, this.pos + 40));
    return `'${m ? m[0] : this.text[this.pos]}'`;
  }

  /** An identifier; `escaped` says it was written `%name` (so never a keyword). */
  ident(what = 'a name'): { name: string; escaped: boolean; pos: Pos } {
    this.trivia();
    const start = this.pos;
    const t = this.text;
    const escaped = t.charCodeAt(this.pos) === 0x25;
    if (escaped) this.pos++;
    const first = t.charCodeAt(this.pos);
    if (!((first >= 0x61 && first <= 0x7a) || (first >= 0x41 && first <= 0x5a))) {
      this.pos = start;
      this.fail(`expected ${what}, found ${this.describeNext()}`, 'WIT names are kebab-case words (my-name); write %name for a name that is a keyword');
    }
    let end = this.pos + 1;
    for (;;) {
      const c = t.charCodeAt(end);
      if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x2d) end++;
      else break;
    }
    const name = t.slice(this.pos, end);
    if (name.endsWith('-') || name.includes('--')) this.fail(`'${name}' is not a valid WIT identifier`, 'identifiers are kebab-case words: my-name', start);
    this.pos = end;
    return { name, escaped, pos: { source: this.source, offset: start } };
  }

  /** Consumes the keyword `kw` if the next token is exactly it (not `%kw`, not a longer name). */
  keyword(kw: string): boolean {
    this.trivia();
    if (!this.text.startsWith(kw, this.pos)) return false;
    const c = this.text.charCodeAt(this.pos + kw.length);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x2d) return false;
    this.pos += kw.length;
    return true;
  }

  /** The keyword at the cursor if an item keyword starts here (and is not used as a `name:`). */
  peekItemKeyword(): string | undefined {
    this.trivia();
    const save = this.pos;
    const c = this.text.charCodeAt(this.pos);
    if (c === 0x25 || !((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a))) return undefined;
    const { name } = this.ident();
    const colon = this.peekChar() === ':' && this.text[this.pos + 1] !== ':';
    this.pos = save;
    return ITEM_KEYWORDS.has(name) && !colon ? name : undefined;
  }

  version(): string {
    this.trivia();
    SEMVER.lastIndex = this.pos;
    const m = SEMVER.exec(this.text);
    if (!m) this.fail(`expected a semver version after '@', found ${this.describeNext()}`, 'write versions as 1.2.3');
    let v = m[0];
    if (v.endsWith('.')) v = v.slice(0, -1); // `@1.0.0.{a}`: the dot belongs to the use path
    this.pos += v.length;
    return v;
  }

  integer(): number {
    this.trivia();
    const m = /\d+/y;
    m.lastIndex = this.pos;
    const r = m.exec(this.text);
    if (!r) this.fail(`expected a number, found ${this.describeNext()}`, 'write a decimal length, as in list<u8, 4>');
    this.pos += r[0].length;
    return Number(r[0]);
  }

  /** `@since(…)`, `@unstable(…)`, `@deprecated(…)`; returns true if an `@unstable` gate was seen. */
  gates(): boolean {
    let unstable = false;
    while (this.peekChar() === '@') {
      this.pos++;
      const { name } = this.ident('a gate name');
      if (name === 'unstable') unstable = true;
      else if (name !== 'since' && name !== 'deprecated') this.fail(`unknown attribute '@${name}'`, 'WIT knows @since, @unstable and @deprecated');
      this.expect('(');
      const close = this.text.indexOf(')', this.pos);
      if (close === -1) this.fail(`unterminated '@${name}(' attribute`, "close it with ')'");
      this.pos = close + 1;
    }
    return unstable;
  }
}

/** Parses one WIT source into the packages it defines (its own, plus nested `package … { }` blocks). */
export function parseWitSource(source: WitSource): PackageAst[] {
  const s = new Scanner(source);
  const packages: PackageAst[] = [];
  const fileUses = new Map<string, UsePath>();
  let main: PackageAst | undefined;
  s.gates();
  if (s.keyword('package')) {
    const name = packageName(s);
    if (s.eat('{')) {
      packages.push(packageBody(s, name, fileUses, true));
    } else {
      s.expect(';', 'after the package name');
      main = { name, interfaces: new Map(), worlds: new Map() };
      packages.push(main);
    }
  }
  while (!s.atEnd()) {
    const unstable = s.gates();
    if (s.keyword('package')) {
      const name = packageName(s);
      s.expect('{', `to open package ${formatPackageName(name)}`);
      packages.push(packageBody(s, name, fileUses, true));
      continue;
    }
    if (!main) {
      main = { interfaces: new Map(), worlds: new Map() };
      packages.unshift(main);
    }
    topLevelItem(s, main, fileUses, unstable);
  }
  return packages;
}

export function formatPackageName(p: PackageName): string {
  return `${p.namespace}:${p.name}${p.version ? `@${p.version}` : ''}`;
}

function packageName(s: Scanner): PackageName {
  const ns = s.ident('a package namespace').name;
  s.expect(':', 'in the package name (namespace:name)');
  let name = s.ident('a package name').name;
  while (s.text[s.pos] === ':') {
    s.pos++;
    name += `:${s.ident('a package name').name}`;
  }
  const version = s.text[s.pos] === '@' ? (s.pos++, s.version()) : undefined;
  return { namespace: ns, name, ...(version ? { version } : {}) };
}

function packageBody(s: Scanner, name: PackageName, fileUses: Map<string, UsePath>, nested: boolean): PackageAst {
  const pkg: PackageAst = { name, interfaces: new Map(), worlds: new Map() };
  while (!(nested && s.eat('}'))) {
    if (s.atEnd()) s.fail(`package ${formatPackageName(name)} is not closed`, "add the missing '}'");
    const unstable = s.gates();
    topLevelItem(s, pkg, fileUses, unstable);
  }
  return pkg;
}

function topLevelItem(s: Scanner, pkg: PackageAst, fileUses: Map<string, UsePath>, unstable: boolean): void {
  const start = s.pos;
  if (s.keyword('interface')) {
    const { name, pos } = s.ident('an interface name');
    s.expect('{', `to open interface ${name}`);
    const iface: InterfaceAst = { name, pos, fileUses, uses: [], types: [], funcs: [] };
    scopeItems(s, iface, 'interface');
    if (!unstable) pkg.interfaces.set(name, iface);
  } else if (s.keyword('world')) {
    const { name, pos } = s.ident('a world name');
    s.expect('{', `to open world ${name}`);
    const world: WorldAst = { name, pos, fileUses, uses: [], types: [], funcs: [], items: [] };
    worldItems(s, world);
    if (!unstable) pkg.worlds.set(name, world);
  } else if (s.keyword('use')) {
    const path = usePath(s);
    const alias = s.keyword('as') ? s.ident('an alias name').name : path.name;
    s.expect(';', 'after the use statement');
    if (!unstable) fileUses.set(alias, path);
  } else {
    s.pos = start;
    s.fail(`expected 'interface', 'world', 'use' or 'package', found ${s.describeNext()}`, 'a WIT file holds interface <name> { … } and world <name> { … } blocks');
  }
}

function usePath(s: Scanner): UsePath {
  const first = s.ident('an interface name or ns:pkg/interface');
  if (s.text[s.pos] !== ':') return { kind: 'local', name: first.name, pos: first.pos };
  s.pos++;
  let name = s.ident('a package name').name;
  while (s.text[s.pos] === ':') {
    s.pos++;
    name += `:${s.ident('a package name').name}`;
  }
  s.expect('/', 'between package and interface (ns:pkg/interface)');
  const iface = s.ident('an interface name').name;
  const version = s.text[s.pos] === '@' ? (s.pos++, s.version()) : undefined;
  return { kind: 'foreign', pkg: { namespace: first.name, name, ...(version ? { version } : {}) }, name: iface, pos: first.pos };
}

/** Items of an interface body (or an inline interface); consumes the closing brace. */
function scopeItems(s: Scanner, scope: ScopeAst, what: string): void {
  while (!s.eat('}')) {
    if (s.atEnd()) s.fail(`${what} is not closed`, "add the missing '}'");
    const unstable = s.gates();
    const kw = s.peekItemKeyword();
    if (kw === 'use') {
      s.keyword('use');
      const use = useItem(s);
      if (!unstable) scope.uses.push(use);
    } else if (kw !== undefined && kw !== 'interface' && kw !== 'world' && kw !== 'package' && kw !== 'import' && kw !== 'export' && kw !== 'include') {
      const decl = typeDecl(s, kw);
      if (!unstable) scope.types.push(decl);
    } else {
      const { name, pos } = s.ident(`a function or type in the ${what}`);
      s.expect(':', `after '${name}' (functions are written name: func(…))`);
      const func = funcType(s, name, pos);
      s.expect(';', 'after the function');
      if (!unstable) scope.funcs.push(func);
    }
  }
}

function useItem(s: Scanner): UseAst {
  const path = usePath(s);
  s.expect('.', 'before the list of used names (use iface.{a, b})');
  s.expect('{');
  const names: UseAst['names'] = [];
  do {
    if (s.peekChar() === '}') break;
    const { name, pos } = s.ident('a type name');
    const as = s.keyword('as') ? s.ident('an alias name').name : undefined;
    names.push({ name, pos, ...(as ? { as } : {}) });
  } while (s.eat(','));
  s.expect('}', 'to close the list of used names');
  s.expect(';', 'after the use statement');
  return { path, names };
}

function typeDecl(s: Scanner, kw: string): TypeDeclAst {
  s.keyword(kw);
  const { name, pos } = s.ident(`a ${kw} name`);
  switch (kw) {
    case 'type': {
      s.expect('=', `after 'type ${name}'`);
      const type = typeRef(s);
      s.expect(';', 'after the type alias');
      return { k: 'alias', name, type, pos };
    }
    case 'record': {
      const fields = braced(s, () => {
        const field = s.ident('a field name').name;
        s.expect(':', `after field '${field}'`);
        return { name: field, type: typeRef(s) };
      });
      return { k: 'record', name, fields, pos };
    }
    case 'variant': {
      const cases = braced(s, () => {
        const c = s.ident('a case name').name;
        if (!s.eat('(')) return { name: c };
        const type = typeRef(s);
        s.expect(')', `to close the payload of case '${c}'`);
        return { name: c, type };
      });
      return { k: 'variant', name, cases, pos };
    }
    case 'enum':
      return { k: 'enum', name, cases: braced(s, () => s.ident('an enum case').name), pos };
    case 'flags':
      return { k: 'flags', name, flags: braced(s, () => s.ident('a flag name').name), pos };
    default: {
      const res: Extract<TypeDeclAst, { k: 'resource' }> = { k: 'resource', name, methods: [], pos };
      if (s.eat(';')) return res;
      s.expect('{', `or ';' after 'resource ${name}'`);
      while (!s.eat('}')) {
        if (s.atEnd()) s.fail(`resource ${name} is not closed`, "add the missing '}'");
        const unstable = s.gates();
        const at = s.here();
        if (s.keyword('constructor')) {
          const ctor = funcParamsAndResult(s, '[constructor]' + name, at, false);
          s.expect(';', 'after the constructor');
          if (!unstable) res.ctor = ctor;
          continue;
        }
        const m = s.ident('a method name');
        s.expect(':', `after '${m.name}'`);
        const isStatic = s.keyword('static');
        const func = funcType(s, m.name, m.pos);
        s.expect(';', 'after the method');
        if (!unstable) res.methods.push({ func, isStatic });
      }
      return res;
    }
  }
}

/** `{ a, b, c }` with an optional trailing comma. */
function braced<T>(s: Scanner, item: () => T): T[] {
  s.expect('{');
  const out: T[] = [];
  while (!s.eat('}')) {
    if (s.atEnd()) s.fail("unclosed '{'", "add the missing '}'");
    s.gates();
    out.push(item());
    if (!s.eat(',')) {
      s.expect('}', "or ','");
      break;
    }
  }
  return out;
}

function funcType(s: Scanner, name: string, pos: Pos): FuncAst {
  const isAsync = s.keyword('async');
  if (!s.keyword('func')) s.fail(`expected 'func' after '${name}:', found ${s.describeNext()}`, `write ${name}: func(…) -> …;`);
  return funcParamsAndResult(s, name, pos, isAsync);
}

function funcParamsAndResult(s: Scanner, name: string, pos: Pos, isAsync: boolean): FuncAst {
  s.expect('(', 'to open the parameter list');
  const params: FuncAst['params'] = [];
  while (!s.eat(')')) {
    const p = s.ident('a parameter name').name;
    s.expect(':', `after parameter '${p}'`);
    params.push({ name: p, type: typeRef(s) });
    if (!s.eat(',')) {
      s.expect(')', "or ',' in the parameter list");
      break;
    }
  }
  let result: TypeAst | undefined;
  if (s.eat('->')) {
    if (s.peekChar() === '(') {
      s.pos++;
      if (!s.eat(')')) s.fail('named multiple results are no longer WIT; return a tuple or record', 'write -> tuple<a, b>');
    } else {
      result = typeRef(s);
    }
  }
  return { name, params, ...(result ? { result } : {}), async: isAsync, pos };
}

function typeRef(s: Scanner): TypeAst {
  const id = s.ident('a type');
  if (id.escaped) return { k: 'named', name: id.name, pos: id.pos };
  const generic = (): boolean => s.eat('<');
  switch (id.name) {
    case 'list': {
      s.expect('<', 'after list');
      const element = typeRef(s);
      const length = s.eat(',') ? s.integer() : undefined;
      s.expect('>', 'to close list<…>');
      return { k: 'list', element, ...(length === undefined ? {} : { length }) };
    }
    case 'option': {
      s.expect('<', 'after option');
      const inner = typeRef(s);
      s.expect('>', 'to close option<…>');
      return { k: 'option', inner };
    }
    case 'result': {
      if (!generic()) return { k: 'result' };
      const ok = s.eat('_') ? undefined : typeRef(s);
      const err = s.eat(',') ? typeRef(s) : undefined;
      s.expect('>', 'to close result<…>');
      return { k: 'result', ...(ok ? { ok } : {}), ...(err ? { err } : {}) };
    }
    case 'tuple': {
      s.expect('<', 'after tuple');
      const types: TypeAst[] = [];
      do {
        if (s.peekChar() === '>') break;
        types.push(typeRef(s));
      } while (s.eat(','));
      s.expect('>', 'to close tuple<…>');
      return { k: 'tuple', types };
    }
    case 'borrow':
    case 'own': {
      s.expect('<', `after ${id.name}`);
      const r = s.ident('a resource name');
      s.expect('>', `to close ${id.name}<…>`);
      return { k: 'handle', borrow: id.name === 'borrow', name: r.name, pos: r.pos };
    }
    case 'stream':
    case 'future': {
      if (!generic()) return { k: id.name };
      const element = typeRef(s);
      s.expect('>', `to close ${id.name}<…>`);
      return { k: id.name, element };
    }
    case 'map': {
      s.expect('<', 'after map');
      const key = typeRef(s);
      s.expect(',', 'between the key and value types of map<k, v>');
      const value = typeRef(s);
      s.expect('>', 'to close map<…>');
      return { k: 'map', key, value };
    }
    case 'error-context':
      return { k: 'error-context' };
    case 'float32':
      return { k: 'prim', kind: 'f32' };
    case 'float64':
      return { k: 'prim', kind: 'f64' };
    default:
      return isPrimitiveKind(id.name) ? { k: 'prim', kind: id.name } : { k: 'named', name: id.name, pos: id.pos };
  }
}

function worldItems(s: Scanner, world: WorldAst): void {
  while (!s.eat('}')) {
    if (s.atEnd()) s.fail(`world ${world.name} is not closed`, "add the missing '}'");
    const unstable = s.gates();
    const kw = s.peekItemKeyword();
    const pos = s.here();
    if (kw === 'import' || kw === 'export') {
      s.keyword(kw);
      const item = externItem(s, kw, world.fileUses);
      if (!unstable) world.items.push(item);
    } else if (kw === 'include') {
      s.keyword('include');
      const path = usePath(s);
      const renames = new Map<string, string>();
      if (s.keyword('with')) {
        braced(s, () => {
          const from = s.ident('a name').name;
          if (!s.keyword('as')) s.fail(`expected 'as' after '${from}' in the include renames`, `write include <world> with { ${from} as new-name }`);
          renames.set(from, s.ident('a name').name);
        });
        s.eat(';'); // WIT has no ';' after the braces; tolerate one
      } else {
        s.expect(';', 'after include');
      }
      if (!unstable) world.items.push({ k: 'include', path, renames, pos });
    } else if (kw === 'use') {
      s.keyword('use');
      const use = useItem(s);
      if (!unstable) world.uses.push(use);
    } else if (kw !== undefined && kw !== 'interface' && kw !== 'world' && kw !== 'package') {
      const decl = typeDecl(s, kw);
      if (!unstable) world.types.push(decl);
    } else {
      s.fail(`expected 'import', 'export', 'include', 'use' or a type definition in world ${world.name}, found ${s.describeNext()}`, 'write import <interface>; or export <name>: func(…);');
    }
  }
}

function externItem(s: Scanner, dir: 'import' | 'export', fileUses: Map<string, UsePath>): WorldItemAst {
  const pos = s.here();
  const save = s.pos;
  const first = s.ident(`an ${dir} name or interface`);
  // `name: func(…)` / `name: interface { … }` (a single ':' — `ns:pkg/…` is a path)
  if (s.peekChar() === ':') {
    const afterColon = s.pos + 1;
    s.pos = afterColon;
    if (s.keyword('interface')) {
      s.expect('{', 'to open the inline interface');
      const iface: InterfaceAst = { name: first.name, pos: first.pos, fileUses, uses: [], types: [], funcs: [] };
      scopeItems(s, iface, `interface ${first.name}`);
      return { k: 'inline', dir, name: first.name, iface, pos };
    }
    if (s.keyword('func') || s.keyword('async')) {
      s.pos = afterColon;
      const func = funcType(s, first.name, first.pos);
      s.expect(';', `after ${dir} ${first.name}`);
      return { k: 'func', dir, name: first.name, func, pos };
    }
  }
  s.pos = save; // a package path such as wasi:io/streams
  const path = usePath(s);
  s.expect(';', `after ${dir} ${path.name}`);
  return { k: 'path', dir, path, pos };
}
