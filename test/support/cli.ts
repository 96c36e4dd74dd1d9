/** Runs the CLI from source the way a user runs it: a separate node process, real argv, real exit code. */
import { execFile, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// Resolved here, not from the child's cwd (a temp project dir has no node_modules).
const tsx = import.meta.resolve('tsx');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

interface CliOptions {
  cwd?: string;
  env?: Record<string, string>;
}

const argv = (args: string[]) => ['--import', tsx, join(repoRoot, 'src', 'cli', 'main.ts'), ...args];
const spawnOptions = (options: CliOptions) => ({
  cwd: options.cwd ?? repoRoot,
  encoding: 'utf8' as const,
  env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...options.env },
  timeout: 120_000,
});

export function runCli(args: string[], options: CliOptions = {}): CliResult {
  const r = spawnSync(process.execPath, argv(args), spawnOptions(options));
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** runCli without blocking this process's event loop: for tests whose loopback servers answer from it. */
export function runCliAsync(args: string[], options: CliOptions = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, argv(args), spawnOptions(options), (err, stdout, stderr) => {
      const code = err ? (err as { code?: unknown }).code : 0;
      resolve({ status: typeof code === 'number' ? code : null, stdout, stderr });
    });
  });
}
