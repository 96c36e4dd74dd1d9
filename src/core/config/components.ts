/**
 * Components of run.toml in either dialect — `[components.<name>]` (upstream's code) or
 * `[[component]]` with `name` (upstream's docs) — and the links between them (`imports`,
 * `dependencies`), checked once every component is known.
 */
import { parseCapability } from './capability.js';
import { ConfigValueError } from './errors.js';
import { LANGUAGE_ALIASES, languageFromName } from './language.js';
import type { Component } from './model.js';
import { closest } from '../text/suggest.js';
import type { KeyPath } from './toml-positions.js';
import { isTable, type Section, type TomlReader, type TomlTable } from './toml-reader.js';

const COMPONENT_KEYS = ['path', 'source', 'language', 'build', 'wit', 'world', 'capabilities', 'dependencies', 'imports', 'env'];
// Parsed but unused by upstream; accepted without a warning so upstream projects read cleanly.
const UPSTREAM_UNUSED_KEYS = ['restart', 'health_check'];
const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
// `namespace:package/interface` with an optional `@version`, as WIT writes import names.
const INTERFACE = /^[A-Za-z][A-Za-z0-9-]*(?::[A-Za-z][A-Za-z0-9-]*)+(?:\/[A-Za-z][A-Za-z0-9-]*)+(?:@[0-9A-Za-z.+-]+)?$/;

const LANGUAGE_LIST = Object.entries(
  Object.entries(LANGUAGE_ALIASES).reduce<Record<string, string[]>>((acc, [alias, lang]) => {
    (acc[lang] ??= []).push(alias);
    return acc;
  }, {}),
)
  .map(([lang, aliases]) => (aliases.length > 1 ? `${lang} (${aliases.filter((a) => a !== lang).join(', ')})` : lang))
  .join(', ');

/** How to declare a component named `name` in the file's dialect, for hints. */
export function componentDeclaration(name: string, dialect: 'code' | 'documented'): string {
  return dialect === 'code' ? `[components.${name}]` : `[[component]] with name = "${name}"`;
}

/** "did you mean `x`? Defined components: a, b" — or a note that none are defined. */
export function knownComponentsNote(name: string, names: readonly string[]): string {
  if (names.length === 0) return 'no components are defined';
  const near = closest(name, names);
  return `${near ? `did you mean \`${near}\`? ` : ''}defined components: ${names.join(', ')}`;
}

interface Read {
  component: Component;
  path: KeyPath;
}

export function readComponents(reader: TomlReader, root: TomlTable, dialect: 'code' | 'documented'): Component[] {
  const read: Read[] = [];
  const add = (s: Section, name: string, namePath: KeyPath): void => {
    const part = namePath.length === s.path.length ? 'key' : 'value';
    if (!NAME.test(name)) {
      throw reader.valueError(namePath, `component name ${JSON.stringify(name)} is not usable as a file name`, 'use letters, digits, "-", "_" and "." (not first), e.g. "calc" or "py-worker"', part);
    }
    const first = read.find((r) => r.component.name === name);
    if (first) {
      throw reader.valueError(namePath, `component "${name}" is defined twice (first at line ${first.component.location.line ?? '?'})`, 'give each component its own name', part);
    }
    read.push({ component: readComponent(s, name), path: s.path });
  };

  const code = root.components;
  if (code !== undefined) {
    if (!isTable(code)) {
      throw reader.typeError(['components'], 'a table of components', code, 'write one [components.<name>] section per component (or [[component]] with name = "…")');
    }
    for (const [name, value] of Object.entries(code)) {
      if (isTable(value)) add(reader.section(['components', name], value), name, ['components', name]);
      else reader.warn(['components', name], `\`components.${name}\` is not a component table; it is ignored (write [components.${name}] with path = "…" or source = "…")`);
    }
  }
  const documented = root.component;
  if (documented !== undefined) {
    if (!Array.isArray(documented)) {
      throw reader.typeError(['component'], 'an array of tables [[component]]', documented, 'write each component as [[component]] with name = "…" (or as [components.<name>])');
    }
    documented.forEach((value, i) => {
      if (!isTable(value)) throw reader.typeError(['component', i], 'a table', value, 'write each component as [[component]] with name = "…"');
      const s = reader.section(['component', i], value);
      add(s, s.requiredString('name', '"calc"'), ['component', i, 'name']);
    });
  }
  checkLinks(reader, read, dialect);
  return read.map((r) => r.component);
}

function readComponent(s: Section, name: string): Component {
  s.warnUnknownKeys([...COMPONENT_KEYS, ...UPSTREAM_UNUSED_KEYS, ...(s.path[0] === 'component' ? ['name'] : [])]);
  const component: Component = {
    name,
    capabilities: [],
    dependencies: s.stringArray('dependencies', '["other-component"]') ?? [],
    imports: s.stringMap('imports', '{ "example:calculator/math" = "calculator" }') ?? {},
    env: s.stringMap('env', '{ LOG_LEVEL = "debug" }') ?? {},
    // A getter: positions cost a scan of the text, paid only if someone asks.
    get location() {
      return s.location(undefined, 'key');
    },
  };
  for (const key of ['path', 'source', 'build', 'wit', 'world'] as const) {
    const v = s.string(key);
    if (v !== undefined) component[key] = v;
  }
  const language = s.string('language', '"rust"');
  if (language !== undefined) {
    const lang = languageFromName(language);
    if (!lang) {
      const near = closest(language, Object.keys(LANGUAGE_ALIASES));
      throw s.reader.valueError(s.at('language'), `unknown language ${JSON.stringify(language)}${near ? ` (did you mean \`${near}\`?)` : ''}`, `write language = one of: ${LANGUAGE_LIST}; or leave it out to detect it from the source`);
    }
    component.language = lang;
  }
  (s.stringArray('capabilities', '["stdout", "clock"]') ?? []).forEach((text, n) => {
    try {
      component.capabilities.push(parseCapability(text, { file: s.reader.file }));
    } catch (err) {
      // Located only on failure: positions cost a scan of the text.
      if (!(err instanceof ConfigValueError)) throw err;
      throw new ConfigValueError(err.message, { location: s.reader.location(s.at('capabilities').concat(n)), ...(err.hint ? { hint: err.hint } : {}) });
    }
  });
  return component;
}

function checkLinks(reader: TomlReader, read: Read[], dialect: 'code' | 'documented'): void {
  const names = read.map((r) => r.component.name);
  for (const { component, path } of read) {
    for (const [iface, provider] of Object.entries(component.imports)) {
      const at = [...path, 'imports', iface];
      if (!INTERFACE.test(iface)) {
        throw reader.valueError(at, `${JSON.stringify(iface)} is not an interface name`, 'key imports by the imported interface, e.g. imports = { "example:calculator/math" = "calculator" }', 'key');
      }
      if (provider === component.name) {
        throw reader.valueError(at, `component "${component.name}" cannot provide its own import ${JSON.stringify(iface)}`, 'name the component that exports this interface');
      }
      if (!names.includes(provider)) {
        throw reader.valueError(at, `import ${JSON.stringify(iface)} names component "${provider}", which is not defined`, `${knownComponentsNote(provider, names)}; or add ${componentDeclaration(provider, dialect)}`);
      }
    }
    component.dependencies.forEach((dep, n) => {
      // Upstream only checked these when starting `dev`; an unknown name may be an installed package.
      if (!names.includes(dep)) reader.warn([...path, 'dependencies', n], `component "${component.name}" depends on "${dep}", which is not a component of this project (${knownComponentsNote(dep, names)})`);
    });
  }
}
