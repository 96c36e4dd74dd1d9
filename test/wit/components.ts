/**
 * Small WAT components for the world-reading and function-resolution tests: a calculator with
 * `add` inside an interface (upstream §10 case 19), a top-level kebab-case function, a resource,
 * and a second interface that makes an unqualified `add` ambiguous.
 */
import { watWithWit } from '../support/fixtures.js';

export const CALC_WIT = `package example:calc@1.0.0;

interface types {
  resource counter {
    constructor(start: u32);
    get: func() -> u32;
    make: static func() -> counter;
  }
  record pair { left: s32, right: s32 }
}

interface math {
  use types.{pair, counter};
  add: func(a: s32, b: s32) -> s32;
  sub: func(a: s32, b: s32) -> s32;
  sum-pair: func(p: pair) -> s32;
  peek: func(c: borrow<counter>) -> u32;
}

interface other {
  add: func(a: s32, b: s32) -> s32;
}

world calc {
  export types;
  export math;
  export do-thing: func() -> s32;
}

world twice {
  export types;
  export math;
  export other;
}
`;

const MATH = `
  (func (export "example:calc/math@1.0.0#add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
  (func (export "example:calc/math@1.0.0#sub") (param i32 i32) (result i32) (i32.sub (local.get 0) (local.get 1)))
  (func (export "example:calc/math@1.0.0#sum-pair") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
  (func (export "example:calc/math@1.0.0#peek") (param i32) (result i32) (i32.const 0))
  (func (export "example:calc/types@1.0.0#[constructor]counter") (param i32) (result i32) (local.get 0))
  (func (export "example:calc/types@1.0.0#[method]counter.get") (param i32) (result i32) (local.get 0))
  (func (export "example:calc/types@1.0.0#[static]counter.make") (result i32) (i32.const 0))
  (func (export "example:calc/types@1.0.0#[dtor]counter") (param i32))`;

export function calcComponent(): Promise<Uint8Array> {
  return watWithWit(`(module
  (memory (export "memory") 1)${MATH}
  (func (export "do-thing") (result i32) (i32.const 42)))`, CALC_WIT, 'calc');
}

export function twiceComponent(): Promise<Uint8Array> {
  return watWithWit(`(module
  (memory (export "memory") 1)${MATH}
  (func (export "example:calc/other@1.0.0#add") (param i32 i32) (result i32) (i32.const -1)))`, CALC_WIT, 'twice');
}
