/**
 * The core never prints: it reports through a Logger that the CLI maps to the terminal and the
 * action maps to @actions/core (groups, annotations, masking).
 */
export interface Logger {
  info(message: string): void;
  warn(message: string, location?: import('./errors.js').Location): void;
  error(message: string, location?: import('./errors.js').Location): void;
  debug(message: string): void;
  /** Runs `fn` inside a collapsible group (a log group on GitHub, a heading in the terminal). */
  group<T>(title: string, fn: () => Promise<T>): Promise<T>;
  /** Registers a secret so that no later line shows it. */
  mask(secret: string): void;
}

export const silentLogger: Logger = {
  info() {},
  warn() {},
  error() {},
  debug() {},
  group: (_title, fn) => fn(),
  mask() {},
};
