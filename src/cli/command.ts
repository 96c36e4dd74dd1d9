/**
 * One file per subcommand under src/cli/commands/, each exporting a Command. The CLI adapter parses
 * argv against the command's flag spec, builds a terminal Logger, and turns RunActionErrors into
 * `Error: …` lines (exit 1) without stack traces.
 */
import type { Logger } from '../core/log.js';

export type FlagSpec = Record<
  string,
  {
    type: 'boolean' | 'string' | 'strings'; // strings = repeatable
    short?: string;
    description: string;
  }
>;

export interface ParsedArgs {
  positionals: string[];
  flags: Record<string, boolean | string | string[] | undefined>;
}

export interface CommandContext {
  /** Project directory (-C / --dir, default cwd), absolute. */
  cwd: string;
  logger: Logger;
  /** Where command output that scripts parse goes (stdout). */
  out: (line: string) => void;
  env: NodeJS.ProcessEnv;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  flags: FlagSpec;
  /** Returns the process exit code. */
  run(args: ParsedArgs, ctx: CommandContext): Promise<number>;
}
