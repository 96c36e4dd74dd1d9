/**
 * Malformed value input: every error names what is wrong, the column in the input, what was
 * expected there, and what to write. Values go through the same entry points exec and test use
 * (parseValueText for run.toml/--args, parseCallExpression + callArguments for --call).
 */
import { describe, expect, it } from 'vitest';
import { formatError } from '../../src/core/errors.js';
import {
  ArgumentCountError,
  CallSyntaxError,
  UnknownValueTypeError,
  ValueSyntaxError,
  ValueTypeError,
  type ValueInputError,
} from '../../src/core/values/errors.js';
import { callArguments, parseCallExpression } from '../../src/core/values/call-expression.js';
import { parseValueText } from '../../src/core/values/value-text.js';
import type { WitFunction } from '../../src/core/wit/model.js';
import { t } from './types.js';

function caught(fn: () => unknown): ValueInputError {
  try {
    fn();
  } catch (e) {
    return e as ValueInputError;
  }
  throw new Error('expected an error');
}

describe('malformed values (arguments and expectations)', () => {
  /** [input, WIT type, error class, problem, column, expected, hint contains] */
  it.each<[string, string, Function, string, number, string, string]>([
    ['"a\\qb"', 'string', ValueSyntaxError, "invalid escape '\\q'", 3, 'an escape sequence', 'valid escapes are \\n \\t \\r \\\\ \\" \\\' and \\u{1F600}'],
    ['"\\u{D800}"', 'string', ValueSyntaxError, "invalid unicode escape '\\u{D800}'", 2, 'a \\u{…} escape with 1 to 6 hex digits naming a Unicode scalar value', 'write for example \\u{1F600}'],
    ['"abc', 'string', ValueSyntaxError, 'unterminated string', 1, 'a closing "', 'close the string with "'],
    ["'ab'", 'char', ValueSyntaxError, 'more than one character in a char', 1, 'exactly one character between the quotes', 'use a string ("…") for text'],
    ['"text"', 's32', ValueTypeError, 'found a string', 1, 'an s32 (an integer from -2147483648 to 2147483647)', 'write 42 (without quotes)'],
    ['u8:256', 'u8', ValueTypeError, 'Invalid value: number too large to fit in target type', 4, 'a u8 such as u8:42', 'write a whole number from 0 to 255'],
    ['256', 'u8', ValueTypeError, '256 is out of range for u8', 1, 'a u8 (an integer from 0 to 255)', 'write 42'],
    ['-1', 'u64', ValueTypeError, 'u64 cannot be negative (-1)', 1, 'a u64 (an integer from 0 to 18446744073709551615)', 'write 42'],
    ['x8:5', 's32', UnknownValueTypeError, "Unknown value type 'x8'", 1, 'one of bool, u8, u16, u32, u64, s8, s16, s32, s64, f32, f64, char, string, enum, flags before the \':\'', 'write for example s32:42'],
    ['u32:7', 's32', ValueTypeError, "'u32:7' is a u32 value where an s32 is expected", 1, 'an s32 (an integer from -2147483648 to 2147483647)', 'drop the type prefix'],
    ['purple', 'color', ValueTypeError, "'purple' is not a case of enum color", 1, 'a case of enum color (red, green-ish, blue, ok)', 'write red'],
    ['{read, exec}', 'perms', ValueTypeError, "'exec' is not a flag of perms", 8, 'a set of flags of perms ({read, write, exec-it}) in braces', 'write {read, write}'],
    ['{x: 1}', 'point', ValueTypeError, "record point is missing field 'y-coord'", 1, 'record point { x: s32, y-coord: f64 }', 'write {x: 42, y-coord: 1.5}'],
    ['{x: 1, y-coord: "2"}', 'point', ValueTypeError, 'found a string', 17, 'an f64 (a number such as 1.5, or nan, inf, -inf)', 'write 1.5 (without quotes)'],
    ['rect(1)', 'shape', ValueTypeError, 'found a number', 6, 'record point { x: s32, y-coord: f64 }', 'write {x: 42, y-coord: 1.5}'],
    ['[1, 2] 3', 'list<u8>', ValueSyntaxError, "trailing characters '3' after the value", 8, 'the end of the value', 'a list<u8> is written like [42, 42]'],
    ['[1, 2', 'list<u8>', ValueSyntaxError, 'unexpected end of input', 6, "',' or ']' after a list element", 'a list<u8> is written like [42, 42]'],
    ['some(', 'option<u8>', ValueSyntaxError, 'unexpected end of input', 6, 'a value', 'an option<u8> is written like some(42)'],
    ['1.5', 's32', ValueTypeError, '1.5 is not an integer', 1, 'an s32 (an integer from -2147483648 to 2147483647)', 'write 42'],
  ])('%s as %s', (input, type, kind, problem, column, expected, hint) => {
    const err = caught(() => parseValueText(input, t(type), 'argument'));
    expect(err).toBeInstanceOf(kind);
    expect(err.problem).toBe(problem);
    expect(err.column).toBe(column);
    expect(err.expected).toBe(expected);
    expect(err.hint).toContain(hint);
    expect(err.message).toBe(`${problem} (column ${column} of '${input}'); expected ${expected}`);
  });

  it('placed in run.toml: the column moves by where the value starts', () => {
    const err = caught(() => parseValueText('"a\\qb"', t('string'), 'argument')).at({ file: 'run.toml', line: 12, col: 10 });
    expect(err).toBeInstanceOf(ValueSyntaxError);
    expect(err.location).toEqual({ file: 'run.toml', line: 12, col: 12 });
    expect(formatError(err)).toBe(
      `run.toml:12:12: invalid escape '\\q' (column 3 of '"a\\qb"'); expected an escape sequence\n  hint: valid escapes are \\n \\t \\r \\\\ \\" \\' and \\u{1F600}; a string is written like "text"`,
    );
  });
});

describe('malformed calls', () => {
  const add: WitFunction = { name: 'add', kind: 'freestanding', async: false, params: [{ name: 'a', type: t('s32') }, { name: 'b', type: t('s32') }], result: t('s32') };
  const run = (input: string) => callArguments(parseCallExpression(input), add);

  it.each<[string, Function, string, number, string, string]>([
    ['add(3,', CallSyntaxError, 'unexpected end of input', 7, "another argument after ',' and then ')'", 'write add(1, 2)'],
    ['add(3, 4', CallSyntaxError, 'unexpected end of input', 9, "')' to close the argument list", 'write add(1, 2)'],
    ['add 3', CallSyntaxError, "unexpected space in the function name 'add 3'", 4, "'(' right after the function name", 'write add(…)'],
    ['add', CallSyntaxError, "missing argument list after 'add'", 4, "'(' after the function name", 'write add() for no arguments'],
    ['(3, 4)', CallSyntaxError, 'missing function name', 1, 'a function name before (', 'write add(3, 4)'],
    ['add(3,, 4)', CallSyntaxError, 'missing argument', 7, 'an argument value before the comma', 'write add(1, 2)'],
    ['add(3, [1)', CallSyntaxError, "')' does not match the open bracket", 10, "']'", 'check the brackets'],
    ['add(3, "4)', CallSyntaxError, 'unterminated string in the arguments', 8, 'a closing "', 'close it with "'],
    ['add(3, 4) extra', CallSyntaxError, "trailing characters 'extra' after the call", 11, 'the end of the input', 'write just add(…)'],
    ['add(3, 4, 5)', CallSyntaxError, 'add takes 2 arguments, 3 given', 11, "')'", 'the function is add: func(a: s32, b: s32) -> s32'],
    ['add("x", 4)', ValueTypeError, 'found a string', 5, 'an s32 (an integer from -2147483648 to 2147483647)', 'write 42 (without quotes)'],
    ['add(3, u8:300)', ValueTypeError, 'Invalid value: number too large to fit in target type', 11, 'a u8 such as u8:42', 'write a whole number from 0 to 255'],
  ])('%s', (input, kind, problem, column, expected, hint) => {
    const err = caught(() => run(input));
    expect(err).toBeInstanceOf(kind);
    expect(err.problem).toBe(problem);
    expect(err.column).toBe(column);
    expect(err.expected).toBe(expected);
    expect(err.hint).toContain(hint);
  });

  it('a missing argument names the parameter and shows a call that works', () => {
    expect(() => run('add(3)')).toThrow(ArgumentCountError);
    expect(() => run('add(3)')).toThrow("missing argument 'b' (s32) for add");
  });
});
