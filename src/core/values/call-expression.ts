/**
 * `--call 'add(3, 4)'`: a function name followed by a parenthesised, comma-separated argument
 * list (the WAVE function-call form, `wasmtime run --invoke`). The name is anything up to `(`
 * (so `math#add`, `example:calc/math@1.0.0#add` and `math.add` all work, resolved later by
 * resolveFunction). Arguments are split at top-level commas, respecting brackets, strings and
 * chars, so each may be WAVE or upstream-typed (`add(s32:3, 4)`); they are parsed against the
 * parameter types with the rules of value-text.ts.
 */
import { formatFunctionType, type WitFunction } from '../wit/model.js';
import { CallSyntaxError } from './errors.js';
import type { Val } from './model.js';
import { parseArguments } from './value-text.js';

export interface CallExpression {
  input: string;
  name: string;
  /** Each argument's span in `input` (trimmed), for parsing and error columns. */
  args: Array<{ from: number; to: number }>;
}

const CLOSERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

function fail(input: string, at: number, problem: string, expected: string, hint: string): never {
  throw new CallSyntaxError({ problem, input, column: at + 1, expected, hint });
}

/** Splits `name(a, b)` into the name and the argument spans; throws CallSyntaxError. */
export function parseCallExpression(input: string): CallExpression {
  const open = input.indexOf('(');
  const name = (open === -1 ? input : input.slice(0, open)).trim();
  const nameStart = input.length - input.trimStart().length;
  if (name === '') fail(input, nameStart, 'missing function name', 'a function name before (', 'write add(3, 4)');
  if (/\s/.test(name)) {
    const gap = nameStart + name.search(/\s/);
    fail(input, gap, `unexpected space in the function name '${name}'`, "'(' right after the function name", `write ${name.split(/\s+/)[0]}(…)`);
  }
  if (open === -1) fail(input, input.trimEnd().length, `missing argument list after '${name}'`, "'(' after the function name", `write ${name}() for no arguments, or ${name}(1, 2)`);

  const segments: Array<{ from: number; to: number }> = [];
  const stack: string[] = [];
  let segStart = open + 1;
  for (let i = open + 1; i < input.length; i++) {
    const c = input[i]!;
    if (c === '"' || c === "'") {
      const start = i;
      for (i++; i < input.length && input[i] !== c; i++) if (input[i] === '\\') i++;
      if (i >= input.length) fail(input, start, `unterminated ${c === '"' ? 'string' : 'char'} in the arguments`, `a closing ${c}`, `close it with ${c}`);
    } else if (c === '(' || c === '[' || c === '{') {
      stack.push(CLOSERS[c]!);
    } else if (c === ')' || c === ']' || c === '}') {
      if (stack.length > 0) {
        const want = stack.pop();
        if (c !== want) fail(input, i, `'${c}' does not match the open bracket`, `'${want}'`, 'check the brackets of the arguments');
        continue;
      }
      if (c !== ')') fail(input, i, `unexpected '${c}'`, "',' or ')'", 'check the brackets of the arguments');
      segments.push({ from: segStart, to: i });
      const rest = input.slice(i + 1);
      if (rest.trim() !== '') fail(input, i + 1 + (rest.length - rest.trimStart().length), `trailing characters '${rest.trim()}' after the call`, 'the end of the input', `write just ${name}(…)`);
      return { input, name, args: argumentSpans(input, name, segments) };
    } else if (c === ',' && stack.length === 0) {
      segments.push({ from: segStart, to: i });
      segStart = i + 1;
    }
  }
  const afterComma = segments.length > 0 && input.slice(segStart).trim() === '';
  return fail(
    input,
    input.length,
    'unexpected end of input',
    stack.length ? `'${stack[stack.length - 1]}' to close the open bracket` : afterComma ? "another argument after ',' and then ')'" : "')' to close the argument list",
    `write ${name}(1, 2)`,
  );
}

/** Trimmed argument spans; `f()` has none, a trailing comma is allowed, an empty argument is not. */
function argumentSpans(input: string, name: string, segments: Array<{ from: number; to: number }>): CallExpression['args'] {
  const spans = segments.map(({ from, to }) => {
    const raw = input.slice(from, to);
    return { from: from + (raw.length - raw.trimStart().length), to: from + raw.trimEnd().length };
  });
  const last = spans[spans.length - 1]!;
  if (last.from >= last.to) spans.pop();
  for (const s of spans) if (s.from >= s.to) fail(input, s.from, 'missing argument', 'an argument value before the comma', `write ${name}(1, 2)`);
  return spans;
}

/** The call's argument values typed by `func`'s parameters (trailing options may be left out). */
export function callArguments(call: CallExpression, func: WitFunction): Val[] {
  const extra = call.args[func.params.length];
  if (extra) {
    throw new CallSyntaxError({
      problem: `${func.name} takes ${func.params.length} argument${func.params.length === 1 ? '' : 's'}, ${call.args.length} given`,
      input: call.input,
      column: extra.from + 1,
      expected: "')'",
      hint: `the function is ${func.name}: ${formatFunctionType(func)}`,
    });
  }
  return parseArguments(func, call.args.map((span) => ({ input: call.input, span })));
}
