/** WIT types for value tests, written as WIT (so they are the resolver's real output). */
import type { WitType } from '../../src/core/wit/model.js';
import { parseWit, worldFromWit } from '../../src/core/wit/wit-resolve.js';

/** `t('option<u8>')` — the type of a WIT type expression, in a scope with the types below. */
export function t(expr: string): WitType {
  const world = worldFromWit(
    parseWit(`package test:types;
interface types {
  record point { x: s32, y-coord: f64 }
  record opts { a: option<u8>, b: option<string> }
  variant shape { circle(f32), rect(point), empty, %none, named-thing(string) }
  enum color { red, green-ish, blue, %ok }
  flags perms { read, write, exec-it }
  resource file;
  probe: func(v: ${expr});
}
world w { export types; }`),
  );
  const item = world.exports[0]!;
  if (item.kind !== 'interface') throw new Error('unreachable');
  return item.iface.functions.get('probe')!.params[0]!.type;
}
