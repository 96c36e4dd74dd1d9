/**
 * Declarative tests of run.toml in either dialect — `[tests.<name>]` (upstream's code) or `[[test]]`
 * (upstream's docs, where `expected` spells `expect`). Arguments and expectations stay text, parsed
 * against the WIT later; an unquoted TOML number or boolean becomes the text it was written as, so
 * `expect = 43` reads like upstream's bare `43`.
 */
import { componentDeclaration, knownComponentsNote } from './components.js';
import type { TestCase } from './model.js';
import type { KeyPath } from './toml-positions.js';
import { floatText, isTable, type Section, type TomlReader, type TomlTable } from './toml-reader.js';

const TEST_KEYS = ['component', 'function', 'args', 'expect', 'expected', 'expect_error', 'expect_exit', 'expect_stdout'];
const VALUE_HINT = 'write a typed value such as "s32:5", "string:hello" or a WAVE value like "[1, 2]"';

function valueText(reader: TomlReader, path: KeyPath, v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return floatText(v);
  throw reader.typeError(path, 'a value written as a string', v, VALUE_HINT);
}

function readTest(s: Section, name: string, dialect: 'code' | 'documented'): TestCase {
  s.warnUnknownKeys(dialect === 'documented' ? [...TEST_KEYS, 'name'] : TEST_KEYS);
  const test: TestCase = {
    name,
    component: s.requiredString('component', '"calc"'),
    function: s.requiredString('function', '"add"'),
    args: [],
    get location() {
      return s.location(undefined, 'key');
    },
    get argsLocation() {
      return s.location('args');
    },
    get expectLocation() {
      return s.location(s.table.expect !== undefined ? 'expect' : 'expected');
    },
  };
  const args = s.table.args;
  if (args !== undefined) {
    if (!Array.isArray(args)) throw s.reader.typeError(s.at('args'), 'an array', args, 'write args = ["s32:2", "s32:3"] (one item per parameter)');
    test.args = args.map((a, n) => valueText(s.reader, s.at('args').concat(n), a));
  }
  if (s.table.expect !== undefined && s.table.expected !== undefined) {
    throw s.reader.valueError(s.at('expected'), 'both `expect` and `expected` are set', 'keep one: `expected` is the documented spelling of `expect`', 'key');
  }
  const expectKey = s.table.expect !== undefined ? 'expect' : 'expected';
  if (s.table[expectKey] !== undefined) test.expect = valueText(s.reader, s.at(expectKey), s.table[expectKey]);
  const expectError = s.string('expect_error', '"division by zero"');
  const expectExit = s.integer('expect_exit', -(2 ** 31), 2 ** 31 - 1, '0');
  const expectStdout = s.string('expect_stdout', '"hello\\n"');
  if (expectError !== undefined) test.expectError = expectError;
  if (expectExit !== undefined) test.expectExit = expectExit;
  if (expectStdout !== undefined) test.expectStdout = expectStdout;
  return test;
}

export function readTests(reader: TomlReader, root: TomlTable, components: readonly string[], dialect: 'code' | 'documented'): TestCase[] {
  const tests: Array<{ test: TestCase; path: KeyPath }> = [];
  const code = root.tests;
  if (code !== undefined) {
    if (!isTable(code)) throw reader.typeError(['tests'], 'a table of tests', code, 'write one [tests.<name>] section per test');
    for (const [name, value] of Object.entries(code)) {
      // Upstream accepts keys directly under a bare [tests] header and ignores them.
      if (!isTable(value)) reader.warn(['tests', name], `\`tests.${name}\` is not a test table; it is ignored (write [tests.<name>] with component, function, args, expect)`);
      else tests.push({ test: readTest(reader.section(['tests', name], value), name, 'code'), path: ['tests', name] });
    }
  }
  const documented = root.test;
  if (documented !== undefined) {
    if (!Array.isArray(documented)) throw reader.typeError(['test'], 'an array of tables [[test]]', documented, 'write each test as [[test]] with name = "…" (or as [tests.<name>])');
    documented.forEach((value, i) => {
      if (!isTable(value)) throw reader.typeError(['test', i], 'a table', value, 'write each test as [[test]] with component, function, args, expected');
      const s = reader.section(['test', i], value);
      const name = s.string('name', '"adds-small-numbers"');
      if (name !== undefined && tests.some((t) => t.test.name === name)) {
        throw reader.valueError(s.at('name'), `test "${name}" is defined twice`, 'give each test its own name');
      }
      tests.push({ test: readTest(s, name ?? '', 'documented'), path: s.path });
    });
  }
  for (const { test, path } of tests) {
    if (!test.name) test.name = uniqueName(test.function, tests.map((t) => t.test.name));
    if (!components.includes(test.component)) {
      throw reader.valueError([...path, 'component'], `test "${test.name}" names component "${test.component}", which is not defined`, `${knownComponentsNote(test.component, components)}; or add ${componentDeclaration(test.component, dialect)}`);
    }
  }
  return tests.map((t) => t.test);
}

/** Unnamed [[test]] entries are named after their function: `add`, then `add-2`, `add-3`. */
function uniqueName(base: string, taken: readonly string[]): string {
  if (!taken.includes(base)) return base;
  for (let n = 2; ; n++) if (!taken.includes(`${base}-${n}`)) return `${base}-${n}`;
}
