/** The failures of reading WIT (text or component binary) and of finding a function in a world. */
import { RunActionError, type Location } from '../errors.js';

/** WIT text that does not parse: file, line and column of the offending token. */
export class WitSyntaxError extends RunActionError {
  constructor(message: string, location: Location, hint?: string) {
    super(message, { location, ...(hint === undefined ? {} : { hint }) });
  }
}

/** WIT text that parses but names something that is not defined (a type, an interface, a package). */
export class WitResolveError extends RunActionError {
  constructor(message: string, location: Location | undefined, hint?: string) {
    super(message, { ...(location ? { location } : {}), ...(hint === undefined ? {} : { hint }) });
  }
}

/** Bytes that are not a component, are truncated, or use an encoding this reader does not know. */
export class ComponentFormatError extends RunActionError {
  readonly offset: number | undefined;
  constructor(message: string, offset: number | undefined, hint?: string) {
    super(offset === undefined ? message : `${message} (at byte ${offset})`, hint === undefined ? {} : { hint });
    this.offset = offset;
  }
}

export class FunctionNotFoundError extends RunActionError {
  readonly available: string[];
  constructor(message: string, available: string[], hint: string) {
    super(message, { hint });
    this.available = available;
  }
}

export class AmbiguousFunctionError extends RunActionError {
  readonly candidates: string[];
  constructor(message: string, candidates: string[], hint: string) {
    super(message, { hint });
    this.candidates = candidates;
  }
}

/** A resource constructor/method/static: jco exposes these on classes, not as callable exports. */
export class UnsupportedFunctionError extends RunActionError {}
