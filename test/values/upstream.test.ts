/**
 * Upstream compatibility: the typed syntax of §6.5, the renderings of §6.7 (text and JSON), and
 * the expectation comparisons of §7 and §10 cases 20–21.
 */
import { describe, expect, it } from 'vitest';
import { UnknownValueTypeError, ValueTypeError } from '../../src/core/values/errors.js';
import { jsonFloat, rustDisplayFloat } from '../../src/core/values/float-format.js';
import { valEquals, type Val } from '../../src/core/values/model.js';
import { upstreamJson, upstreamText } from '../../src/core/values/upstream-render.js';
import { parseRustFloat, parseUpstream } from '../../src/core/values/upstream-syntax.js';
import { parseValueText } from '../../src/core/values/value-text.js';
import { parseWave } from '../../src/core/values/wave-parse.js';
import { primitives } from '../../src/core/wit/model.js';
import { t } from './types.js';

describe('upstream typed syntax (§6.5)', () => {
  it.each<[string, Val]>([
    ['unit', { kind: 'unit' }],
    ['()', { kind: 'unit' }],
    ['"quoted: no escapes \\n"', { kind: 'string', value: 'quoted: no escapes \\n' }],
    ['true', { kind: 'bool', value: true }],
    ['bool:true', { kind: 'bool', value: true }],
    ['bool:yes', { kind: 'bool', value: false }], // upstream: true iff the value is `true`
    ['s32:42', { kind: 's32', value: 42 }],
    ['s32:+42', { kind: 's32', value: 42 }],
    ['u8:255', { kind: 'u8', value: 255 }],
    ['s64:-9223372036854775808', { kind: 's64', value: -9223372036854775808n }],
    ['u64:18446744073709551615', { kind: 'u64', value: 18446744073709551615n }],
    ['f32:0.1', { kind: 'f32', value: Math.fround(0.1) }],
    ['f64:1.', { kind: 'f64', value: 1 }],
    ['f64:.5e1', { kind: 'f64', value: 5 }],
    ['f64:-Infinity', { kind: 'f64', value: -Infinity }],
    ['char:xyz', { kind: 'char', value: 'x' }],
    ['char:😀!', { kind: 'char', value: '😀' }],
    ['string:http://a:b', { kind: 'string', value: 'http://a:b' }],
    ['string:', { kind: 'string', value: '' }],
    ['enum:green-ish', { kind: 'enum', case: 'green-ish' }],
    ['flags:read|exec-it', { kind: 'flags', flags: ['read', 'exec-it'] }],
    ['flags:read,write', { kind: 'flags', flags: ['read', 'write'] }],
    ['flags:', { kind: 'flags', flags: [] }],
    ['42', { kind: 's32', value: 42 }],
    ['-2147483648', { kind: 's32', value: -2147483648 }],
    ['2147483648', { kind: 's64', value: 2147483648n }],
    ['2.5', { kind: 'f64', value: 2.5 }],
    ['1e3', { kind: 'f64', value: 1000 }],
    ['hello world', { kind: 'string', value: 'hello world' }],
  ])('%s', (text, val) => {
    expect(parseUpstream(text)).toEqual(val);
  });

  it('an unknown prefix is upstream\'s error, so an unquoted URL is refused', () => {
    expect(() => parseUpstream('http://example.com')).toThrow(UnknownValueTypeError);
    expect(() => parseUpstream('http://example.com')).toThrow(/^Unknown value type 'http' \(column 1 of 'http:\/\/example.com'\)/);
  });

  it.each([
    ['u8:256', 'Invalid value: number too large to fit in target type', 4],
    ['s8:-129', 'Invalid value: number too small to fit in target type', 4],
    ['u32:-1', 'Invalid value: invalid digit found in string', 5],
    ['s32:', 'Invalid value: cannot parse integer from empty string', 5],
    ['s32:4.0', 'Invalid value: invalid digit found in string', 5],
    ['f64:one', 'Invalid value: invalid float literal', 5],
    ['char:', 'Invalid value: empty char', 6],
  ])('%s → %s', (text, message, column) => {
    let err: ValueTypeError | undefined;
    try {
      parseUpstream(text);
    } catch (e) {
      err = e as ValueTypeError;
    }
    expect(err).toBeInstanceOf(ValueTypeError);
    expect(err!.problem).toBe(message);
    expect(err!.column).toBe(column);
  });

  it('Rust float parsing', () => {
    expect(parseRustFloat('inf')).toBe(Infinity);
    expect(parseRustFloat('+infinity')).toBe(Infinity);
    expect(parseRustFloat('NaN')).toBeNaN();
    expect(parseRustFloat('1_000')).toBeUndefined();
    expect(parseRustFloat('0x10')).toBeUndefined();
  });
});

describe('expectations compared as upstream does (§10 case 21), typed by the WIT', () => {
  const result43: Val = { kind: 's32', value: 43 };
  const expectOk = (text: string) => valEquals(parseValueText(text, primitives.s32, 'expectation'), result43);
  it('s32:43, bare 43 and quoted "43" match an s32 43', () => {
    expect(expectOk('s32:43')).toBe(true);
    expect(expectOk('43')).toBe(true);
    expect(expectOk('"43"')).toBe(true);
  });
  it('s32:44 and u32:43 do not (u32:43 is kept as a u32 and fails the comparison)', () => {
    expect(expectOk('s32:44')).toBe(false);
    expect(parseValueText('u32:43', primitives.s32, 'expectation')).toEqual({ kind: 'u32', value: 43 });
    expect(expectOk('u32:43')).toBe(false);
  });
  it('as an argument, a prefix that contradicts the parameter type is an error', () => {
    expect(() => parseValueText('u32:43', primitives.s32, 'argument')).toThrow("'u32:43' is a u32 value where an s32 is expected");
  });
  it('a function without a result: `unit` and `()` expectations, self-typed', () => {
    expect(parseValueText('unit', undefined, 'expectation')).toEqual({ kind: 'unit' });
    expect(parseValueText('()', undefined, 'expectation')).toEqual({ kind: 'unit' });
  });
  it('bare words where a string is expected, as upstream allows', () => {
    expect(parseValueText('hello', primitives.string, 'argument')).toEqual({ kind: 'string', value: 'hello' });
    expect(parseValueText('"hello"', primitives.string, 'argument')).toEqual({ kind: 'string', value: 'hello' });
    expect(parseValueText('string:a:b', primitives.string, 'argument')).toEqual({ kind: 'string', value: 'a:b' });
  });
  it('floats compare with == except that nan equals nan', () => {
    expect(valEquals(parseWave('nan', primitives.f64), { kind: 'f64', value: NaN })).toBe(true);
    expect(valEquals(parseWave('-0', primitives.f64), { kind: 'f64', value: 0 })).toBe(true);
    expect(valEquals({ kind: 'f32', value: 1 }, { kind: 'f64', value: 1 })).toBe(false);
  });
  it('records compare field by field in order; flags as sets', () => {
    const a = parseWave('{x: 1, y-coord: 2}', t('point'));
    expect(valEquals(a, parseWave('{y-coord: 2, x: 1}', t('point')))).toBe(true);
    expect(valEquals(a, parseWave('{x: 1, y-coord: 3}', t('point')))).toBe(false);
    expect(valEquals(parseWave('{read, write}', t('perms')), { kind: 'flags', flags: ['write', 'read'] })).toBe(true);
  });
});

describe('rendering (§6.7)', () => {
  /** [type, WAVE, upstream text, upstream JSON] */
  it.each<[string, string, string, string]>([
    ['s32', '43', '43', '43'],
    ['bool', 'true', 'true', 'true'],
    ['u64', '18446744073709551615', '18446744073709551615', '18446744073709551615'],
    ['s64', '-9223372036854775808', '-9223372036854775808', '-9223372036854775808'],
    ['f64', '3.5', '3.5', '3.5'],
    ['f64', '1', '1', '1.0'],
    ['f64', '1e21', '1000000000000000000000', '1e21'],
    ['f64', '1e-7', '0.0000001', '1e-7'],
    ['f64', '0.0001', '0.0001', '0.0001'],
    ['f64', '123456789', '123456789', '123456789.0'],
    ['f64', 'nan', 'NaN', 'null'],
    ['f64', '-inf', '-inf', 'null'],
    ['f32', '0.1', '0.1', '0.1'],
    ['char', "'c'", "'c'", '"c"'],
    ['string', '"a \\"q\\"\\n"', 'a "q"\n', '"a \\"q\\"\\n"'],
    ['list<u8>', '[1, 2]', '[1, 2]', '[1,2]'],
    ['list<u8>', '[]', '[]', '[]'],
    ['point', '{y-coord: 2.5, x: 1}', '{x: 1, y-coord: 2.5}', '{"x":1,"y-coord":2.5}'],
    ['tuple<u8, string>', '(1, "a")', '(1, a)', '[1,"a"]'],
    ['shape', 'rect({x: 1, y-coord: 2})', 'rect({x: 1, y-coord: 2})', '{"tag":"rect","value":{"x":1,"y-coord":2.0}}'],
    ['shape', 'empty', 'empty', '{"tag":"empty","value":null}'],
    ['option<u8>', 'some(1)', 'some(1)', '1'],
    ['option<u8>', 'none', 'none', 'null'],
    ['result<u8, string>', 'ok(1)', 'ok(1)', '{"err":null,"ok":1}'],
    ['result<u8, string>', 'err("no")', 'err(no)', '{"err":"no","ok":null}'],
    ['result', 'ok', 'ok', '{"err":null,"ok":null}'],
    ['color', 'green-ish', 'green-ish', '"green-ish"'],
    ['perms', '{read, exec-it}', 'flags(read|exec-it)', '["read","exec-it"]'],
    ['perms', '{}', 'flags()', '[]'],
  ])('%s %s', (type, wave, text, json) => {
    const val = parseWave(wave, t(type));
    expect(upstreamText(val)).toBe(text);
    expect(upstreamJson(val)).toBe(json);
    expect(() => JSON.parse(upstreamJson(val))).not.toThrow();
  });

  it('handles, unit and no value', () => {
    expect(upstreamText({ kind: 'handle', borrow: false, resource: 'file', id: 2 })).toBe('handle(2)');
    expect(upstreamJson({ kind: 'handle', borrow: false, resource: 'file', id: 2 })).toBe('2');
    expect(upstreamText({ kind: 'unit' })).toBe('unit');
    expect(upstreamText(undefined)).toBe('unit');
    expect(upstreamJson(undefined)).toBe('null');
  });

  it('sorts record keys at every level and keeps the JSON valid', () => {
    const val: Val = { kind: 'record', fields: [{ name: 'zeta', value: { kind: 'record', fields: [{ name: 'b', value: { kind: 'f64', value: NaN } }, { name: 'a', value: { kind: 'string', value: '\u0000"\\' } }] } }, { name: 'alpha', value: { kind: 'u64', value: 2n ** 64n - 1n } }] };
    expect(upstreamJson(val)).toBe('{"alpha":18446744073709551615,"zeta":{"a":"\\u0000\\"\\\\","b":null}}');
  });

  it('float formats match Rust Display and serde_json', () => {
    expect(rustDisplayFloat(1e300, false)).toBe(`1${'0'.repeat(300)}`);
    expect(rustDisplayFloat(-0, false)).toBe('-0');
    expect(rustDisplayFloat(Math.fround(3.14), true)).toBe('3.14');
    expect(rustDisplayFloat(5e-324, false)).toBe(`0.${'0'.repeat(323)}5`);
    expect(jsonFloat(1e16, false)).toBe('1e16');
    expect(jsonFloat(1234567890123456, false)).toBe('1234567890123456.0');
    expect(jsonFloat(0.00001, false)).toBe('0.00001');
    expect(jsonFloat(0.000001, false)).toBe('1e-6');
    expect(jsonFloat(-1.5e300, false)).toBe('-1.5e300');
    expect(jsonFloat(-0, false)).toBe('-0.0');
  });
});
