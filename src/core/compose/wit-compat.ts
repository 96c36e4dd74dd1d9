/**
 * Whether what a provider exports can stand in for what a consumer imports: every function the
 * consumer imports exists in the provider with the same parameter names and structurally equal
 * types, and every type it imports exists with the same structure. Resources compare by name (each
 * component defines its own). Type names do not matter, field, case and flag names do, as in the
 * component model's own check. A type or function that differs only through named types already
 * reported says which it uses, rather than printing two signatures that read the same.
 */
import { formatFunctionType, formatType, typeName, type WitFunction, type WitInterface, type WitType } from '../wit/model.js';

/** One line per difference, empty when the provider's interface satisfies the import. */
export function interfaceMismatches(imported: WitInterface, exported: WitInterface): string[] {
  const problems: string[] = [];
  const differing = new Set<string>();
  /** `uses point, which differs` when the two read the same, printed with their own types named. */
  const through = (label: string, types: WitType[], want: string, have: string): string => {
    const used = [...new Set(types.flatMap(namedIn))].filter((n) => differing.has(n) && n !== label);
    if (want !== have || used.length === 0) return `${label}: imported as ${want}, exported as ${have}`;
    return `${label} uses ${used.join(', ')}, which ${used.length === 1 ? 'differs' : 'differ'}`;
  };
  for (const [name, want] of imported.types) {
    const have = exported.types.get(name);
    if (!have) problems.push(`type ${name} is missing`);
    else if (!sameType(want, have)) differing.add(name);
  }
  for (const [name, want] of imported.types) {
    const have = exported.types.get(name);
    if (have && differing.has(name)) problems.push(`type ${through(name, [expanded(want)], formatType(want, true), formatType(have, true))}`);
  }
  for (const [name, want] of imported.functions) {
    const have = exported.functions.get(name);
    if (!have) problems.push(`function ${name} is missing`);
    else if (!sameFunction(want, have)) problems.push(through(name, [...want.params.map((p) => p.type), ...(want.result ? [want.result] : [])], formatFunctionType(want), formatFunctionType(have)));
  }
  return problems;
}

/** A named type's structure, so that namedIn looks inside it rather than stopping at its name. */
function expanded(t: WitType): WitType {
  return t.kind === 'own' || !('name' in t) ? t : { ...t, name: undefined } as WitType;
}

/** The named types `t` is written with, outermost first (not looking inside a named one). */
function namedIn(t: WitType): string[] {
  const name = typeName(t);
  if (name !== undefined) return [name];
  switch (t.kind) {
    case 'list':
      return namedIn(t.element);
    case 'tuple':
      return t.types.flatMap(namedIn);
    case 'record':
      return t.fields.flatMap((f) => namedIn(f.type));
    case 'variant':
      return t.cases.flatMap((c) => (c.type ? namedIn(c.type) : []));
    case 'option':
      return namedIn(t.inner);
    case 'result':
      return [...(t.ok ? namedIn(t.ok) : []), ...(t.err ? namedIn(t.err) : [])];
    case 'borrow':
      return [t.resource.name];
    case 'stream':
    case 'future':
      return t.element ? namedIn(t.element) : [];
    case 'map':
      return [...namedIn(t.key), ...namedIn(t.value)];
    default:
      return [];
  }
}

function sameFunction(a: WitFunction, b: WitFunction): boolean {
  return (
    a.async === b.async &&
    a.params.length === b.params.length &&
    a.params.every((p, i) => p.name === b.params[i]!.name && sameType(p.type, b.params[i]!.type)) &&
    sameOptional(a.result, b.result)
  );
}

function sameOptional(a: WitType | undefined, b: WitType | undefined): boolean {
  return a === undefined || b === undefined ? a === b : sameType(a, b);
}

const sameNames = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export function sameType(a: WitType, b: WitType): boolean {
  if (a === b) return true;
  switch (a.kind) {
    case 'list':
      return b.kind === 'list' && a.length === b.length && sameType(a.element, b.element);
    case 'tuple':
      return b.kind === 'tuple' && a.types.length === b.types.length && a.types.every((t, i) => sameType(t, b.types[i]!));
    case 'record':
      return b.kind === 'record' && sameNames(a.fields.map((f) => f.name), b.fields.map((f) => f.name)) && a.fields.every((f, i) => sameType(f.type, b.fields[i]!.type));
    case 'variant':
      return (
        b.kind === 'variant' &&
        sameNames(a.cases.map((c) => c.name), b.cases.map((c) => c.name)) &&
        a.cases.every((c, i) => sameOptional(c.type, b.cases[i]!.type))
      );
    case 'enum':
      return b.kind === 'enum' && sameNames(a.cases, b.cases);
    case 'flags':
      return b.kind === 'flags' && sameNames(a.flags, b.flags);
    case 'option':
      return b.kind === 'option' && sameType(a.inner, b.inner);
    case 'result':
      return b.kind === 'result' && sameOptional(a.ok, b.ok) && sameOptional(a.err, b.err);
    case 'own':
    case 'borrow':
      return b.kind === a.kind && a.resource.name === b.resource.name;
    case 'stream':
    case 'future':
      return b.kind === a.kind && sameOptional(a.element, b.element);
    case 'map':
      return b.kind === 'map' && sameType(a.key, b.key) && sameType(a.value, b.value);
    default:
      return a.kind === b.kind;
  }
}
