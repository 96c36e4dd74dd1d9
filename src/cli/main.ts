#!/usr/bin/env node
/**
 * `run-action <command>`: argv → core → terminal. Errors the core anticipated (RunActionError) are
 * printed as `Error: file:line:col: message` plus a hint, exit 1; anything else is a bug and keeps
 * its stack.
 */
import { resolve } from 'node:path';
import { RunActionError, formatError } from '../core/errors.js';
import { parseArgs, flagString, commonFlags } from './args.js';
import { commands } from './commands/index.js';
import { terminalLogger } from './terminal-logger.js';
import type { Command } from './command.js';
import { closest } from '../core/text/suggest.js';
import { VERSION } from '../core/version.js';

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `run-action ${VERSION} — build, test, prove reproducible and publish WebAssembly components (run.toml)`,
    '',
    'Usage: run-action <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `run-action <command> --help` for a command\'s options.',
  ].join('\n');
}

function commandHelp(cmd: Command): string {
  const spec = { ...cmd.flags, ...commonFlags };
  const lines = Object.entries(spec).map(([name, s]) => {
    const flag = `${s.short ? `-${s.short}, ` : '    '}--${name}${s.type === 'boolean' ? '' : ' <value>'}`;
    return `  ${flag.padEnd(30)} ${s.description}${s.type === 'strings' ? ' (repeatable)' : ''}`;
  });
  return [`Usage: ${cmd.usage}`, '', cmd.summary, '', 'Options:', ...lines].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(`${help()}\n`);
    return 0;
  }
  if (name === 'version' || name === '--version' || name === '-V') {
    process.stdout.write(`run-action ${VERSION}\n`);
    return 0;
  }
  const cmd = commands.find((c) => c.name === name);
  const logger = terminalLogger({ verbose: process.env.RUN_ACTION_DEBUG === '1' });
  if (!cmd) {
    const guess = closest(name, commands.map((c) => c.name));
    logger.error(`unknown command '${name}'${guess ? ` — did you mean '${guess}'?` : ''}`);
    process.stderr.write(`${help()}\n`);
    return 1;
  }
  try {
    const args = parseArgs(rest, cmd.flags, cmd.usage);
    if (args.flags.help) {
      process.stdout.write(`${commandHelp(cmd)}\n`);
      return 0;
    }
    const cwd = resolve(flagString(args, 'dir') ?? '.');
    return await cmd.run(args, { cwd, logger, out: (line) => process.stdout.write(`${line}\n`), env: process.env });
  } catch (err) {
    if (err instanceof RunActionError) {
      process.stderr.write(`Error: ${formatError(err)}\n`);
      return 1;
    }
    throw err;
  }
}

process.exitCode = await main(process.argv.slice(2));
