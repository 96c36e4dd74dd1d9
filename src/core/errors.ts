/**
 * Every failure the core reports is a RunActionError: a message a user can act on, the place it is
 * about (file, line, column) when there is one, and a hint saying what to do. Adapters print these
 * without a stack trace; anything else that escapes is a bug and is printed with its stack.
 */
export interface Location {
  file: string;
  line?: number;
  col?: number;
}

export class RunActionError extends Error {
  readonly location: Location | undefined;
  readonly hint: string | undefined;

  constructor(message: string, options: { location?: Location; hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.location = options.location;
    this.hint = options.hint;
  }
}

/** `file:line:col`, with as much of the place as is known. */
export function formatLocation(loc: Location): string {
  return `${loc.file}${loc.line ? `:${loc.line}${loc.col ? `:${loc.col}` : ''}` : ''}`;
}

/** `file:line:col: message` followed by `  hint: …`, the shape editors and GitHub annotations understand. */
export function formatError(err: RunActionError): string {
  const where = err.location ? `${formatLocation(err.location)}: ` : '';
  return `${where}${err.message}${err.hint ? `\n  hint: ${err.hint}` : ''}`;
}

/** A problem worth telling the user about that does not stop the run (unknown keys, ignored sections). */
export interface Warning {
  message: string;
  location?: Location;
}
