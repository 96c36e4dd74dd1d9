/**
 * The calculator of jco-feasibility §2 as a componentize-js (StarlingMonkey) component: a real
 * ~12 MB JS component for reader tests and the explain benchmark. `build` only changes a trailing
 * comment, so two builds differ in cache key but not in meaning — and still differ in bytes,
 * because componentize-js output never is byte-identical.
 */
import { jsComponent } from '../support/fixtures.js';

const wit = `package example:calculator@0.1.0;
interface math {
  add: func(a: s32, b: s32) -> s32;
  greet: func(name: string) -> string;
}
world calculator { export math; }
`;

const source = `export const math = {
  add(a, b) { return (a + b) | 0; },
  greet(name) { return \`Hello, \${name}!\`; },
};
`;

export function jsCalculator(build = 1): Promise<Uint8Array> {
  return jsComponent(`${source}// build ${build}\n`, { wit, world: 'calculator' });
}
