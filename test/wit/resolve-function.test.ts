/**
 * Function names as users write them (upstream §6.4), resolved in the worlds of real components
 * and called through jco at the path resolveFunction gives.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { AmbiguousFunctionError, FunctionNotFoundError, UnsupportedFunctionError } from '../../src/core/wit/errors.js';
import type { World } from '../../src/core/wit/model.js';
import { resolveFunction } from '../../src/core/wit/resolve-function.js';
import { call, loadComponent, type Exports } from '../values/jco-harness.js';
import { calcComponent, twiceComponent } from './components.js';

describe('resolveFunction in a calculator with add inside an interface', () => {
  let world: World;
  let exports: Exports;
  beforeAll(async () => {
    ({ world, exports } = await loadComponent(await calcComponent()));
  });

  it('§10 case 19: the unqualified name `add` finds the interface function, and 1 + 2 = 3', () => {
    const fn = resolveFunction(world, 'add');
    expect(fn.qualifiedName).toBe('example:calc/math@1.0.0#add');
    expect(fn.interfaceName).toBe('example:calc/math@1.0.0');
    expect(fn.jcoPath).toEqual(['example:calc/math@1.0.0', 'add']);
    expect(call(exports, fn, [1, 2])).toBe(3);
  });

  it.each([
    'example:calc/math@1.0.0#sub',
    'example:calc/math#sub',
    'math#sub',
    'math::sub',
    'math.sub',
    'example:calc/math::sub',
    'example:calc/math@1.0.0.sub', // the first '.' is inside the version: the last one splits
  ])('%s', (name) => {
    const fn = resolveFunction(world, name);
    expect(fn.qualifiedName).toBe('example:calc/math@1.0.0#sub');
    expect(call(exports, fn, [10, 4])).toBe(6);
  });

  it('a top-level kebab-case export is reached by its camelCase jco name', () => {
    const fn = resolveFunction(world, 'do-thing');
    expect(fn).toMatchObject({ qualifiedName: 'do-thing', jcoPath: ['doThing'] });
    expect(call(exports, fn, [])).toBe(42);
  });

  it('a kebab-case interface function is reached by its camelCase jco name', () => {
    const fn = resolveFunction(world, 'sum-pair');
    expect(fn.jcoPath).toEqual(['example:calc/math@1.0.0', 'sumPair']);
    expect(call(exports, fn, [{ left: 20, right: 22 }])).toBe(42);
  });

  it('not found: upstream message, then every exported function', () => {
    const err = (() => {
      try {
        resolveFunction(world, 'mul');
      } catch (e) {
        return e as FunctionNotFoundError;
      }
    })()!;
    expect(err).toBeInstanceOf(FunctionNotFoundError);
    expect(err.message).toBe("Function 'mul' not found");
    expect(err.available).toEqual(['do-thing', 'example:calc/math@1.0.0#add', 'example:calc/math@1.0.0#sub', 'example:calc/math@1.0.0#sum-pair', 'example:calc/math@1.0.0#peek']);
    expect(err.hint).toBe(`exported functions: ${err.available.join(', ')}`);
  });

  it('not found inside a named interface, and camelCase names get the kebab-case suggestion', () => {
    expect(() => resolveFunction(world, 'math#mul')).toThrow("Function 'math#mul' not found in interface example:calc/math@1.0.0");
    expect(() => resolveFunction(world, 'sumPair')).toThrow("Function 'sumPair' not found (WIT names are kebab-case: did you mean 'sum-pair'?)");
    expect(() => resolveFunction(world, 'doThing')).toThrow(/did you mean 'do-thing'/);
  });

  it('resource functions are refused with what to do instead', () => {
    expect(() => resolveFunction(world, '[static]counter.make')).toThrow(UnsupportedFunctionError);
    expect(() => resolveFunction(world, 'types#[method]counter.get')).toThrow(/method function of resource counter; only freestanding functions can be called/);
  });
});

describe('resolveFunction with add in two interfaces', () => {
  let world: World;
  let exports: Exports;
  beforeAll(async () => {
    ({ world, exports } = await loadComponent(await twiceComponent()));
  });

  it('an unqualified `add` is ambiguous and the error lists the candidates', () => {
    let err: AmbiguousFunctionError | undefined;
    try {
      resolveFunction(world, 'add');
    } catch (e) {
      err = e as AmbiguousFunctionError;
    }
    expect(err).toBeInstanceOf(AmbiguousFunctionError);
    expect(err!.message).toBe("Function 'add' is ambiguous across exported interfaces: example:calc/math@1.0.0#add, example:calc/other@1.0.0#add");
    expect(err!.candidates).toEqual(['example:calc/math@1.0.0#add', 'example:calc/other@1.0.0#add']);
    expect(err!.hint).toBe("qualify it with its interface, e.g. --function 'example:calc/math@1.0.0#add'");
  });

  it('qualified names pick one', () => {
    expect(call(exports, resolveFunction(world, 'other#add'), [1, 2])).toBe(-1);
    expect(call(exports, resolveFunction(world, 'math#add'), [1, 2])).toBe(3);
  });
});
