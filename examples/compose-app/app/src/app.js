// The app: every result goes through the calculator component, whichever way it is linked
// (at run time by run-action, or inside app.composed.wasm).
import { add, greet } from 'example:calculator/math@0.1.0';

export function run() {
  return `${greet('composer')} 40+2=${add(40, 2)}`;
}

export function total(values) {
  return values.reduce((sum, v) => add(sum, v), 0);
}

export function announce(name) {
  console.log(greet(name));
}
