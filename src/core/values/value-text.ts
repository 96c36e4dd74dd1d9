/**
 * How argument and expectation text (run.toml `args`/`expect`, `--args`, call expressions) becomes
 * a value of a known WIT type:
 *
 * 1. With an upstream type prefix (`s32:42`, `u8:7`, `string:…`, `enum:…`, `flags:…`): parsed
 *    upstream's way (self-typed), then checked against the WIT type. A mismatch is an error for an
 *    argument; for an expectation it is kept, so it simply does not compare equal (upstream §10
 *    case 21: `u32:43` fails against an s32 result). An unknown prefix is upstream's
 *    `Unknown value type '<t>'` (so an unquoted `http://x` is refused, as upstream does).
 * 2. Otherwise WAVE, typed by the WIT type: bare `43` is an s32 where an s32 is expected, a u64
 *    where a u64 is.
 * 3. Two compatibility rules for what upstream accepts and WAVE does not:
 *    - Quoted value (`"43"` against s32): upstream's run.toml reader strips every surrounding `"`
 *      before parsing, so there `expect = "43"` is the bare integer 43 (case 21 passes with it).
 *      When our text still carries the quotes (TOML `'"43"'`, `--args '"43"'`) and the quoted
 *      string is not a valid value of the type, the unquoted content is parsed by these rules.
 *    - Bare words where a string is expected (`--args hello`): upstream makes any unrecognised
 *      text a string; WAVE wants `"hello"`. For a `string` parameter, text that is not valid
 *      WAVE and does not start with a quote is taken verbatim.
 * Without a WIT type (a function with no result, for `expect`), upstream's self-typed syntax.
 */
import { formatFunctionType, formatType, primitives, type WitFunction, type WitType } from '../wit/model.js';
import { describeType, exampleValue, typeMismatch } from './describe.js';
import { ArgumentCountError, ValueInputError, ValueTypeError } from './errors.js';
import type { Val } from './model.js';
import { parseUpstream, upstreamPrefix } from './upstream-syntax.js';
import { parseWave } from './wave-parse.js';

export type ValueRole = 'argument' | 'expectation';

/** The content of `text` if it is exactly one WAVE string literal. */
function quotedContent(text: string): string | undefined {
  if (!text.startsWith('"')) return undefined;
  try {
    const v = parseWave(text, primitives.string);
    return v.kind === 'string' ? v.value : undefined;
  } catch {
    return undefined;
  }
}

/** Parses `input[span]` as a value of `type` (see the rules above). Columns count in `input`. */
export function parseValueText(
  input: string,
  type: WitType | undefined,
  role: ValueRole,
  span: { from: number; to: number } = { from: 0, to: input.length },
): Val {
  const text = input.slice(span.from, span.to);
  const lead = text.length - text.trimStart().length;
  const trimmed = text.trim();
  if (type === undefined) return parseUpstream(text, input, span.from);
  if (upstreamPrefix(trimmed) !== undefined) {
    const val = parseUpstream(text, input, span.from);
    const mismatch = typeMismatch(val, type);
    if (mismatch && role === 'argument') {
      throw new ValueTypeError({
        problem: `'${trimmed}' is ${mismatch}`,
        input,
        column: span.from + lead + 1,
        expected: describeType(type),
        hint: `write ${exampleValue(type)}, or drop the type prefix and let the WIT type decide`,
      });
    }
    return val;
  }
  try {
    return parseWave(input, type, span);
  } catch (err) {
    if (!(err instanceof ValueInputError)) throw err;
    const inner = err instanceof ValueTypeError ? quotedContent(trimmed) : undefined;
    if (inner !== undefined) {
      try {
        return parseValueText(inner, type, role);
      } catch {
        throw err;
      }
    }
    if (type.kind === 'string' && !/^["']/.test(trimmed)) {
      return { kind: 'string', value: trimmed };
    }
    throw err;
  }
}

/** One argument's text: a whole string, or a span of a larger input (a call expression). */
export type ArgumentText = string | { input: string; span: { from: number; to: number } };

/**
 * The argument values for `func`, one text per parameter. Trailing `option` parameters may be
 * left out (they are `none`), as in WAVE function calls.
 */
export function parseArguments(func: WitFunction, texts: ArgumentText[]): Val[] {
  const params = func.params;
  const signature = `${func.name}: ${formatFunctionType(func)}`;
  if (texts.length > params.length) {
    throw new ArgumentCountError(`${func.name} takes ${params.length} argument${params.length === 1 ? '' : 's'}, ${texts.length} given`, {
      hint: `the function is ${signature}`,
    });
  }
  const values = texts.map((t, i) =>
    typeof t === 'string' ? parseValueText(t, params[i]!.type, 'argument') : parseValueText(t.input, params[i]!.type, 'argument', t.span),
  );
  for (let i = texts.length; i < params.length; i++) {
    const p = params[i]!;
    if (p.type.kind !== 'option') {
      throw new ArgumentCountError(`missing argument '${p.name}' (${formatType(p.type)}) for ${func.name}`, {
        hint: `the function is ${signature}; for example pass ${exampleValue(p.type)}`,
      });
    }
    values.push({ kind: 'option' });
  }
  return values;
}
