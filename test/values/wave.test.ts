/**
 * WAVE parse and print for every WIT type: each example parses to the expected value, prints in
 * wasm-wave's canonical form, and that form parses back to an equal value.
 */
import { describe, expect, it } from 'vitest';
import { valEquals, type FloatKind, type Val } from '../../src/core/values/model.js';
import { parseWave } from '../../src/core/values/wave-parse.js';
import { printWave } from '../../src/core/values/wave-print.js';
import { ValueSyntaxError, ValueTypeError } from '../../src/core/values/errors.js';
import { t } from './types.js';

/** [type, input, canonical printed form] */
const cases: Array<[string, string, string]> = [
  ['bool', 'true', 'true'],
  ['bool', 'false', 'false'],
  ['s8', '-128', '-128'],
  ['u8', '255', '255'],
  ['s16', '-32768', '-32768'],
  ['u16', '65535', '65535'],
  ['s32', '  42 ', '42'],
  ['u32', '4294967295', '4294967295'],
  ['s64', '-9223372036854775808', '-9223372036854775808'],
  ['u64', '18446744073709551615', '18446744073709551615'],
  ['f32', '0.1', '0.1'],
  ['f32', '16777217', '16777216'],
  ['f64', '3.5', '3.5'],
  ['f64', '1.0', '1'],
  ['f64', '-0', '-0'],
  ['f64', '1e21', '1000000000000000000000'],
  ['f64', '1.5e-7', '0.00000015'],
  ['f64', 'nan', 'nan'],
  ['f64', 'inf', 'inf'],
  ['f64', '-inf', '-inf'],
  ['f64', '42', '42'],
  ['char', "'x'", "'x'"],
  ['char', "'\\''", "'\\''"],
  ['char', "'\"'", "'\\\"'"],
  ['char', "'\\u{1F600}'", "'😀'"],
  ['char', "'😀'", "'😀'"],
  ['char', "'\\u{7}'", "'\\u{7}'"],
  ['string', '"abc\\t123"', '"abc\\t123"'],
  ['string', '"\\n\\r\\\\\\"\\\'"', '"\\n\\r\\\\\\"\\\'"'],
  ['string', '"snow \\u{2603} man"', '"snow ☃ man"'],
  ['string', '""', '""'],
  ['string', '"""\n  two\n    lines\n  """', '"two\\n  lines"'],
  ['list<u8>', '[1, 2, 3,]', '[1, 2, 3]'],
  ['list<u8>', '[]', '[]'],
  ['list<list<string>>', '[["a"], []]', '[["a"], []]'],
  ['list<u8, 2>', '[1, 2]', '[1, 2]'],
  ['tuple<u8, string>', '(1, "a")', '(1, "a")'],
  ['tuple<bool>', '(true,)', '(true)'],
  ['point', '{x: 1, y-coord: 2.5}', '{x: 1, y-coord: 2.5}'],
  ['point', '{ y-coord: -1, %x: 7 }', '{x: 7, y-coord: -1}'],
  ['opts', '{a: 1}', '{a: some(1)}'],
  ['opts', '{:}', '{:}'],
  ['opts', '{}', '{:}'],
  ['opts', '{a: none, b: some("x")}', '{b: some("x")}'],
  ['shape', 'circle(1.5)', 'circle(1.5)'],
  ['shape', 'rect({x: 0, y-coord: 0})', 'rect({x: 0, y-coord: 0})'],
  ['shape', 'empty', 'empty'],
  ['shape', '%none', '%none'],
  ['shape', 'none', '%none'],
  ['shape', 'named-thing("n")', 'named-thing("n")'],
  ['color', 'green-ish', 'green-ish'],
  ['color', '%ok', '%ok'],
  ['perms', '{}', '{}'],
  ['perms', '{exec-it, read,}', '{read, exec-it}'],
  ['option<u8>', 'some(1)', 'some(1)'],
  ['option<u8>', '1', 'some(1)'],
  ['option<u8>', 'none', 'none'],
  ['option<option<u8>>', 'some(none)', 'some(none)'],
  ['option<option<u8>>', 'some(some(3))', 'some(some(3))'],
  ['option<option<u8>>', 'some(3)', 'some(some(3))'],
  ['option<string>', '"flat some"', 'some("flat some")'],
  ['result<u8, string>', 'ok(1)', 'ok(1)'],
  ['result<u8, string>', '1', 'ok(1)'],
  ['result<u8, string>', 'err("oops")', 'err("oops")'],
  ['result<_, string>', 'ok', 'ok'],
  ['result', 'err', 'err'],
  ['result<option<u8>>', 'ok(none)', 'ok(none)'],
  ['list<result<u8, color>>', '[ok(1), err(blue), 2]', '[ok(1), err(blue), ok(2)]'],
  ['u8', '7 // a comment', '7'],
];

describe('WAVE parse and print', () => {
  it.each(cases)('%s: %s → %s', (type, input, printed) => {
    const ty = t(type);
    const val = parseWave(input, ty);
    expect(printWave(val)).toBe(printed);
    const again = parseWave(printed, ty);
    expect(valEquals(again, val)).toBe(true);
  });

  it('keeps kinds: 42 is a u64 where a u64 is expected', () => {
    expect(parseWave('42', t('u64'))).toEqual({ kind: 'u64', value: 42n });
    expect(parseWave('42', t('s8'))).toEqual({ kind: 's8', value: 42 });
    expect(parseWave('42', t('f32'))).toEqual({ kind: 'f32', value: 42 });
  });

  it('rounds f32 to single precision', () => {
    const v = parseWave('0.1', t('f32')) as Extract<Val, { kind: FloatKind }>;
    expect(v.value).toBe(Math.fround(0.1));
  });

  it('prints handles for display (WAVE has no resource syntax)', () => {
    expect(printWave({ kind: 'handle', borrow: false, resource: 'file', id: 3 })).toBe('own<file>(3)');
  });

  it.each([
    ['()', 'tuple<u8>', ValueSyntaxError, 'empty tuple'],
    ['{a: 1, a: 2}', 'opts', ValueSyntaxError, "duplicate field 'a'"],
    ['{read, read}', 'perms', ValueSyntaxError, "duplicate flag 'read'"],
    ['01', 'u8', ValueSyntaxError, "malformed number '01'"],
    ['1.5', 'u8', ValueTypeError, '1.5 is not an integer'],
    ['-1', 'u32', ValueTypeError, 'u32 cannot be negative (-1)'],
    ["'ab'", 'char', ValueSyntaxError, 'more than one character in a char'],
    ["''", 'char', ValueSyntaxError, 'empty char'],
    ['"a', 'string', ValueSyntaxError, 'unterminated string'],
    ['"a\nb"', 'string', ValueSyntaxError, 'line break inside a string'],
    ['3', 'option<option<u8>>', ValueTypeError, 'a nested option cannot be written flat'],
    ['ok', 'result<u8>', ValueTypeError, 'ok needs a payload: ok(42)'],
    ['err(1)', 'result<u8>', ValueTypeError, 'err of a result<u8> (ok(…) or err) takes no payload'],
    ['empty(1)', 'shape', ValueTypeError, "case 'empty' takes no payload"],
    ['circle', 'shape', ValueTypeError, "case 'circle' needs a payload: circle(1.5)"],
    ['{x: 1, y-coord: 2, z: 3}', 'point', ValueTypeError, "record point has no field 'z'"],
    ['(1, 2)', 'tuple<u8>', ValueTypeError, 'the tuple has 2 values but 1 are required'],
    ['[1]', 'list<u8, 2>', ValueTypeError, 'the list has 1 elements but 2 are required'],
    ['{read, all}', 'perms', ValueTypeError, "'all' is not a flag of perms"],
    ['red(1)', 'color', ValueTypeError, "enum case 'red' takes no payload"],
    ['"x"', 'borrow<file>', ValueTypeError, 'a file resource handle cannot be written as text'],
  ])('%s as %s → %s', (input, type, kind, message) => {
    expect(() => parseWave(input, t(type))).toThrow(kind);
    expect(() => parseWave(input, t(type))).toThrow(message);
  });
});
