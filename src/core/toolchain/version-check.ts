/**
 * Runs a tool's version command and reads the version the way upstream's `toolchain sync` does:
 * the first whitespace-separated word that starts with a digit and contains a dot, trailing
 * punctuation removed (`cargo-component 0.13.2 (abc)` → `0.13.2`, `tinygo version 0.32.0 linux/amd64` → `0.32.0`).
 * Tools whose executable reports another version (wasi-sdk's clang prints LLVM's) are read from
 * a file they ship instead.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { VERSION_COMMAND_TIMEOUT_MS } from './constants.js';
import { ToolVersionMismatchError } from './errors.js';
import type { Location } from '../errors.js';
import type { VersionFile } from './tools.js';

export function parseToolVersion(output: string): string | undefined {
  for (const word of output.split(/\s+/)) {
    const w = word.replace(/^v(?=\d)/, '');
    if (/^\d/.test(w) && w.includes('.')) return w.replace(/[^A-Za-z0-9.]+$/, '');
  }
  return undefined;
}

export interface VersionProbe {
  /** Where the version was read, for errors: "`wasmtime --version` printed …", "…/VERSION reads …". */
  evidence: string;
  output: string;
  version: string | undefined;
  /** What to do when no version could be read (default: fix version or source). */
  hint?: string;
}

export function runVersionCommand(binPath: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<VersionProbe> {
  const command = [path.basename(binPath), ...args].join(' ');
  return new Promise((resolve) => {
    execFile(binPath, [...args], { env, timeout: VERSION_COMMAND_TIMEOUT_MS, windowsHide: true, shell: /\.(cmd|bat)$/i.test(binPath) }, (err, stdout, stderr) => {
      const output = (stdout.trim() || stderr.trim()).split('\n')[0] ?? '';
      const failed = err ? ` (failed: ${err.message.split('\n')[0]})` : '';
      resolve({ evidence: `\`${command}\` printed ${JSON.stringify(output + failed)}`, output: output + failed, version: err ? undefined : parseToolVersion(output) });
    });
  });
}

/**
 * Reads the first line of `file` (relative to the executable's directory) as the version. `dir` is
 * the tool's directory: the file must lie inside it (the verified tree), and is named relative to it.
 */
export async function readVersionFile(dir: string, binPath: string, file: VersionFile): Promise<VersionProbe> {
  const full = path.resolve(path.dirname(binPath), ...file.path.split('/'));
  const rel = path.relative(dir, full);
  const shown = rel.split(path.sep).join('/');
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) {
    return { evidence: `the version file ${file.path} beside ${path.basename(binPath)} lies outside the tool's directory`, output: '', version: undefined, hint: 'the source does not have the layout of this tool\'s release archives: point `source` in run.lock.toml at its release asset' };
  }
  let text: string;
  try {
    text = await readFile(full, 'utf8');
  } catch (err) {
    const why = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'is missing' : `cannot be read: ${(err as Error).message}`;
    return { evidence: `${shown} ${why}`, output: '', version: undefined, hint: file.missingHint ?? 'the source is not this tool\'s release archive: check `source` in run.lock.toml' };
  }
  const first = text.split(/\r?\n/, 1)[0]!.trim();
  return { evidence: `${shown} reads ${JSON.stringify(first)}`, output: first, version: first || undefined };
}

const normal = (v: string) => v.trim().replace(/^v/, '');

/** Throws unless the tool reports exactly the locked version. */
export function checkVersion(tool: string, locked: string, probe: VersionProbe, location: Location | undefined): void {
  if (probe.version !== undefined && normal(probe.version) === normal(locked)) return;
  const saw = probe.version === undefined ? `no version could be read` : `it reports ${probe.version}`;
  throw new ToolVersionMismatchError(`${tool}: run.lock.toml locks version ${locked}, but ${saw} (${probe.evidence})`, {
    location,
    hint: (probe.version === undefined && probe.hint) || 'the source does not provide the locked version: fix `version` or `source` in run.lock.toml, then run `run-action lock`',
  });
}
