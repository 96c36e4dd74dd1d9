/**
 * Runs one toolchain command: no shell, the scrubbed environment, output captured. The command
 * line is logged before it runs; the tool's stderr is logged after (compiler warnings belong in a
 * CI log); on failure the error carries the tool's own output, the command line and a hint.
 */
import { spawn } from 'node:child_process';
import type { Logger } from '../log.js';
import type { Location } from '../errors.js';
import { ToolFailedError, ToolNotFoundError } from './errors.js';

export interface ToolCall {
  /** Shown in messages (e.g. `cargo`). */
  tool: string;
  argv: string[];
  cwd: string;
  env: Record<string, string>;
  /** The variables this step sets beyond the shared build environment, for the log. */
  extraEnv: Record<string, string>;
}

export interface ToolOutput {
  stdout: string;
  stderr: string;
}

/** The tail kept of a failing tool's output (the error is what users read first). */
const ERROR_TAIL_LINES = 60;
/** Output beyond this is dropped from memory (the head of a flood is rarely the cause). */
const CAPTURE_LIMIT = 8 * 1024 * 1024;

export function commandLine(argv: string[]): string {
  return argv.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}

export function runTool(call: ToolCall, log: Logger, about: { component: string; location?: Location; hint: string }): Promise<ToolOutput> {
  const line = commandLine(call.argv);
  const env = Object.entries(call.extraEnv)
    .map(([k, v]) => `${k}=${commandLine([v])}`)
    .join(' ');
  log.info(`$ cd ${commandLine([call.cwd])} && ${env ? `${env} ` : ''}${line}`);
  return new Promise((resolve, reject) => {
    const child = spawn(call.argv[0]!, call.argv.slice(1), { cwd: call.cwd, env: call.env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outSize = 0;
    let errSize = 0;
    child.stdout.on('data', (b: Buffer) => {
      if ((outSize += b.length) <= CAPTURE_LIMIT) out.push(b);
    });
    child.stderr.on('data', (b: Buffer) => {
      if ((errSize += b.length) <= CAPTURE_LIMIT) err.push(b);
    });
    child.on('error', (e: NodeJS.ErrnoException) => {
      reject(
        e.code === 'ENOENT'
          ? new ToolNotFoundError(`${call.tool} could not be started: ${call.argv[0]} does not exist`, { ...(about.location ? { location: about.location } : {}), hint: about.hint })
          : new ToolFailedError(`${call.tool} could not be started: ${e.message}\n$ ${line}`, { ...(about.location ? { location: about.location } : {}), hint: about.hint }),
      );
    });
    child.on('close', (code, signal) => {
      const stdout = Buffer.concat(out).toString('utf8');
      const stderr = Buffer.concat(err).toString('utf8');
      for (const l of stderr.trimEnd().split('\n')) if (l) log.info(`  ${l}`);
      if (code === 0) return resolve({ stdout, stderr });
      const own = (stderr.trim() || stdout.trim()).split('\n');
      const tail = own.length > ERROR_TAIL_LINES ? ['…', ...own.slice(-ERROR_TAIL_LINES)] : own;
      reject(
        new ToolFailedError(
          `building '${about.component}': ${call.tool} failed (${signal ? `killed by ${signal}` : `exit code ${code}`}):\n${tail.join('\n')}\n$ cd ${commandLine([call.cwd])} && ${line}`,
          { ...(about.location ? { location: about.location } : {}), hint: about.hint },
        ),
      );
    });
  });
}
