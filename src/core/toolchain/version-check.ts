/**
 * Runs a tool's version command and reads the version the way upstream's `toolchain sync` does:
 * the first whitespace-separated word that starts with a digit and contains a dot, trailing
 * punctuation removed (`cargo-component 0.13.2 (abc)` → `0.13.2`, `tinygo version 0.32.0 linux/amd64` → `0.32.0`).
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { VERSION_COMMAND_TIMEOUT_MS } from './constants.js';
import { ToolVersionMismatchError } from './errors.js';
import type { Location } from '../errors.js';

export function parseToolVersion(output: string): string | undefined {
  for (const word of output.split(/\s+/)) {
    const w = word.replace(/^v(?=\d)/, '');
    if (/^\d/.test(w) && w.includes('.')) return w.replace(/[^A-Za-z0-9.]+$/, '');
  }
  return undefined;
}

export interface VersionProbe {
  command: string;
  output: string;
  version: string | undefined;
}

export function runVersionCommand(binPath: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<VersionProbe> {
  const command = [path.basename(binPath), ...args].join(' ');
  return new Promise((resolve) => {
    execFile(binPath, [...args], { env, timeout: VERSION_COMMAND_TIMEOUT_MS, windowsHide: true, shell: /\.(cmd|bat)$/i.test(binPath) }, (err, stdout, stderr) => {
      const output = (stdout.trim() || stderr.trim()).split('\n')[0] ?? '';
      const failed = err ? ` (failed: ${err.message.split('\n')[0]})` : '';
      resolve({ command, output: output + failed, version: err ? undefined : parseToolVersion(output) });
    });
  });
}

const normal = (v: string) => v.trim().replace(/^v/, '');

/** Throws unless the tool reports exactly the locked version. */
export function checkVersion(tool: string, locked: string, probe: VersionProbe, location: Location | undefined): void {
  if (probe.version !== undefined && normal(probe.version) === normal(locked)) return;
  const saw = probe.version === undefined ? `no version could be read` : `it reports ${probe.version}`;
  throw new ToolVersionMismatchError(`${tool}: run.lock.toml locks version ${locked}, but ${saw} (\`${probe.command}\` printed ${JSON.stringify(probe.output)})`, {
    location,
    hint: 'the source does not provide the locked version: fix `version` or `source` in run.lock.toml, then run `run-action lock`',
  });
}
