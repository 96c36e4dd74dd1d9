/**
 * The CLI's Logger: diagnostics on stderr (so stdout stays parseable), colours only on a TTY,
 * secrets replaced by *** in every line once masked.
 */
import type { Location } from '../core/errors.js';
import type { Logger } from '../core/log.js';

export function terminalLogger(options: { verbose: boolean; stream?: NodeJS.WriteStream } = { verbose: false }): Logger {
  const stream = options.stream ?? process.stderr;
  const colour = stream.isTTY === true && !process.env.NO_COLOR;
  const secrets: string[] = [];
  const paint = (code: string, s: string) => (colour ? `\x1b[${code}m${s}\x1b[0m` : s);
  const write = (line: string) => {
    let text = line;
    for (const s of secrets) text = text.split(s).join('***');
    stream.write(`${text}\n`);
  };
  const where = (loc?: Location) => (loc ? `${loc.file}${loc.line ? `:${loc.line}${loc.col ? `:${loc.col}` : ''}` : ''}: ` : '');
  return {
    info: (m) => write(m),
    warn: (m, loc) => write(`${paint('33', 'warning')}: ${where(loc)}${m}`),
    error: (m, loc) => write(`${paint('31', 'error')}: ${where(loc)}${m}`),
    debug: (m) => {
      if (options.verbose) write(paint('2', m));
    },
    async group(title, fn) {
      write(paint('1', `▸ ${title}`));
      return fn();
    },
    mask(secret) {
      if (secret) secrets.push(secret);
    },
  };
}
