/**
 * Errors about value text (arguments, expectations, call expressions) and about values crossing
 * into or out of jco's JS representation. Every one says what was wrong, at which column of the
 * input (1-based), what was expected there, and (hint) what to write instead.
 */
import { RunActionError, type Location } from '../errors.js';

export interface ValueErrorDetails {
  /** What is wrong, e.g. `unterminated string`. */
  problem: string;
  /** The whole text being parsed. */
  input: string;
  /** 1-based column in `input` where the problem starts. */
  column: number;
  /** What would have been valid there, e.g. `a s32 (an integer from -2147483648 to 2147483647)`. */
  expected: string;
  /** What to write instead. */
  hint: string;
  /** The file/line the text came from (run.toml), when the caller knows it. */
  location?: Location;
}

function render(d: ValueErrorDetails): string {
  const input = d.input.length > 60 ? `${d.input.slice(0, 57)}...` : d.input;
  return `${d.problem} (column ${d.column} of '${input}'); expected ${d.expected}`;
}

export abstract class ValueInputError extends RunActionError {
  readonly problem: string;
  readonly input: string;
  readonly column: number;
  readonly expected: string;

  constructor(d: ValueErrorDetails) {
    super(render(d), { hint: d.hint, ...(d.location ? { location: d.location } : {}) });
    this.problem = d.problem;
    this.input = d.input;
    this.column = d.column;
    this.expected = d.expected;
  }

  /**
   * The same error placed in a file: `location` is where the value text starts (e.g. the string in
   * run.toml), and the column is moved by this error's column within the text.
   */
  at(location: Location): this {
    const col = location.col === undefined ? undefined : location.col + this.column - 1;
    const Ctor = this.constructor as new (d: ValueErrorDetails) => this;
    return new Ctor({
      problem: this.problem,
      input: this.input,
      column: this.column,
      expected: this.expected,
      hint: this.hint ?? '',
      location: { ...location, ...(col === undefined ? {} : { col }) },
    });
  }
}

/** The text is not well-formed (bad escape, unterminated string, stray characters). */
export class ValueSyntaxError extends ValueInputError {}

/** Well-formed, but not a value of the WIT type (wrong kind, out of range, unknown case or field). */
export class ValueTypeError extends ValueInputError {}

/** Upstream's typed syntax with a prefix it does not know: `Unknown value type '<t>'`. */
export class UnknownValueTypeError extends ValueInputError {}

/** A `name(arg, …)` call expression that does not parse or does not fit the function. */
export class CallSyntaxError extends ValueInputError {}

/** Too many or too few arguments for a function. */
export class ArgumentCountError extends RunActionError {}

/** A value that cannot cross into or out of jco's JS representation (e.g. a resource from text). */
export class JsValueError extends RunActionError {}
