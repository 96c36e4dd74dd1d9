/**
 * argv → ParsedArgs against a command's FlagSpec. Unlike upstream (which silently ignores unknown
 * flags), an unknown flag is an error with the closest known one suggested: a typo must not turn
 * a check into a no-op.
 */
import { RunActionError } from '../core/errors.js';
import type { FlagSpec, ParsedArgs } from './command.js';
import { closest } from '../core/text/suggest.js';

export class UsageError extends RunActionError {}

/** Flags every command understands. */
export const commonFlags: FlagSpec = {
  dir: { type: 'string', short: 'C', description: 'project directory (default: current directory)' },
  help: { type: 'boolean', short: 'h', description: 'show this help' },
};

export function parseArgs(argv: string[], spec: FlagSpec, usage: string): ParsedArgs {
  const all = { ...commonFlags, ...spec };
  const byShort = new Map(Object.entries(all).flatMap(([name, s]) => (s.short ? [[s.short, name] as const] : [])));
  const flags: ParsedArgs['flags'] = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    let name: string | undefined;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      inline = eq < 0 ? undefined : arg.slice(eq + 1);
    } else if (arg.startsWith('-') && arg.length > 1 && !/^-\d/.test(arg)) {
      name = byShort.get(arg.slice(1, 2));
      if (name === undefined) throw unknownFlag(arg, all, usage);
      inline = arg.length > 2 ? arg.slice(2) : undefined;
    } else {
      positionals.push(arg);
      continue;
    }
    const s = all[name];
    if (!s) throw unknownFlag(arg, all, usage);
    if (s.type === 'boolean') {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`, { hint: usage });
      flags[name] = true;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new UsageError(`--${name} needs a value`, { hint: usage });
    if (s.type === 'strings') flags[name] = [...((flags[name] as string[] | undefined) ?? []), value];
    else flags[name] = value;
  }
  return { positionals, flags };
}

function unknownFlag(arg: string, spec: FlagSpec, usage: string): UsageError {
  const guess = closest(arg.replace(/^-+/, '').split('=')[0]!, Object.keys(spec));
  return new UsageError(`unknown option ${arg}`, { hint: guess ? `did you mean --${guess}? (${usage})` : usage });
}

export function flagString(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags[name];
  return typeof v === 'string' ? v : undefined;
}

export function flagStrings(args: ParsedArgs, name: string): string[] {
  const v = args.flags[name];
  return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
}

export function flagBool(args: ParsedArgs, name: string): boolean {
  return args.flags[name] === true;
}
