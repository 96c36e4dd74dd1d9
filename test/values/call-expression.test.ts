/**
 * `--call 'add(3, 4)'` end to end: split the expression, resolve the name in a real component's
 * world, type the arguments by the WIT, convert for jco, call, and read the result back.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { callArguments, parseCallExpression } from '../../src/core/values/call-expression.js';
import { fromJs, toJs } from '../../src/core/values/jco-values.js';
import { parseArguments } from '../../src/core/values/value-text.js';
import { printWave } from '../../src/core/values/wave-print.js';
import type { WitFunction, World } from '../../src/core/wit/model.js';
import { resolveFunction } from '../../src/core/wit/resolve-function.js';
import { calcComponent } from '../wit/components.js';
import { call, loadComponent, type Exports } from './jco-harness.js';
import { t } from './types.js';

describe('parseCallExpression', () => {
  it.each<[string, string, string[]]>([
    ['add(3, 4)', 'add', ['3', '4']],
    ['  add ( 3 ,4 )  ', 'add', ['3', '4']],
    ['f()', 'f', []],
    ['f(1, 2,)', 'f', ['1', '2']],
    ['example:calc/math@1.0.0#add(1, 2)', 'example:calc/math@1.0.0#add', ['1', '2']],
    ['f("a, b)", [1, (2, 3)], {x: "}"}, \'\\\'\')', 'f', ['"a, b)"', '[1, (2, 3)]', '{x: "}"}', "'\\''"]],
    ['f(s32:3, string:a:b)', 'f', ['s32:3', 'string:a:b']],
  ])('%s', (input, name, args) => {
    const c = parseCallExpression(input);
    expect(c.name).toBe(name);
    expect(c.args.map((a) => input.slice(a.from, a.to))).toEqual(args);
  });
});

describe('callArguments', () => {
  const f: WitFunction = {
    name: 'f',
    kind: 'freestanding',
    async: false,
    params: [
      { name: 'a', type: t('u8') },
      { name: 'b', type: t('point') },
      { name: 'c', type: t('option<string>') },
      { name: 'd', type: t('option<u8>') },
    ],
  };
  it('types each argument by its parameter; trailing options may be left out', () => {
    const vals = callArguments(parseCallExpression('f(7, {x: 1, y-coord: 2})'), f);
    expect(vals.map(printWave)).toEqual(['7', '{x: 1, y-coord: 2}', 'none', 'none']);
  });
  it('accepts upstream-typed and flat-option arguments', () => {
    const vals = callArguments(parseCallExpression('f(u8:7, {x: 1, y-coord: 2}, "s", some(3))'), f);
    expect(vals.map(printWave)).toEqual(['7', '{x: 1, y-coord: 2}', 'some("s")', 'some(3)']);
  });
  it('parseArguments does the same for run.toml args', () => {
    expect(parseArguments(f, ['7', '{x: 1, y-coord: 2}']).map(printWave)).toEqual(['7', '{x: 1, y-coord: 2}', 'none', 'none']);
  });
});

describe('a call against a real component', () => {
  let world: World;
  let exports: Exports;
  beforeAll(async () => {
    ({ world, exports } = await loadComponent(await calcComponent()));
  });

  it.each([
    ['add(3, 4)', '7'],
    ['math#sub(10, s32:4)', '6'],
    ['sum-pair({left: 40, right: 2})', '42'],
    ['do-thing()', '42'],
  ])('%s = %s', (expression, result) => {
    const c = parseCallExpression(expression);
    const fn = resolveFunction(world, c.name);
    const args = callArguments(c, fn.func).map((v, i) => toJs(v, fn.func.params[i]!.type));
    expect(printWave(fromJs(call(exports, fn, args), fn.func.result))).toBe(result);
  });
});
