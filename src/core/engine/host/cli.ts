/**
 * wasi:cli — environment, exit, stdin/stdout/stderr and the terminal interfaces.
 *
 * The guest sees only what it was granted: the resolved `grants.env` (never the host's
 * process.env), `grants.args`, no initial cwd, and no terminal. stdin reads end of stream at once
 * (granted or not: no input is wired to it). stdout and stderr are captured into byte buffers up to
 * a cap per stream; past the cap, bytes are counted and dropped, so a flood cannot grow host memory.
 */
import type { Grants } from '../types.js';
import { InputStream, OutputStream, type ByteSink } from './io.js';

/** Thrown by wasi:cli/exit: the runner catches it and reports `exit(code)`. */
export class ComponentExit extends Error {
  readonly code: number;

  constructor(code: number) {
    super(`component exited with code ${code}`);
    this.name = 'ComponentExit';
    this.code = code;
  }
}

/**
 * A capped byte buffer behind stdout or stderr: one contiguous buffer grown by doubling up to the
 * cap (not a list of chunks, whose overhead a guest writing one byte at a time would multiply).
 */
class Capture implements ByteSink {
  readonly #cap: number;
  #buffer = new Uint8Array(0);
  #kept = 0;
  #dropped = 0;

  constructor(cap: number) {
    this.#cap = cap;
  }

  write(bytes: Uint8Array): void {
    const keep = Math.min(this.#cap - this.#kept, bytes.byteLength);
    if (keep > 0) {
      const needed = this.#kept + keep;
      if (needed > this.#buffer.byteLength) {
        const grown = new Uint8Array(Math.min(this.#cap, Math.max(needed, 2 * this.#buffer.byteLength, 4096)));
        grown.set(this.#buffer.subarray(0, this.#kept));
        this.#buffer = grown;
      }
      this.#buffer.set(keep === bytes.byteLength ? bytes : bytes.subarray(0, keep), this.#kept);
      this.#kept = needed;
    }
    this.#dropped += bytes.byteLength - keep;
  }

  bytes(): Uint8Array {
    return this.#buffer.slice(0, this.#kept);
  }

  dropped(): number {
    return this.#dropped;
  }
}

class TerminalInput {}
class TerminalOutput {}

export function createCli(grants: Grants, outputCapBytes: number) {
  const stdout = new Capture(outputCapBytes);
  const stderr = new Capture(outputCapBytes);
  const environment = Object.entries(grants.env).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  let exitCode: number | undefined;

  const exitWith = (code: number): never => {
    exitCode = code;
    throw new ComponentExit(code);
  };

  return {
    stdout,
    stderr,
    exitCode: () => exitCode,
    interfaces: {
      'wasi:cli/environment': {
        getEnvironment: (): Array<[string, string]> => environment.map(([k, v]) => [k, v]),
        getArguments: (): string[] => [...grants.args],
        initialCwd: (): string | undefined => undefined,
      },
      'wasi:cli/exit': {
        exit: (status: { tag: 'ok' | 'err' }): never => exitWith(status.tag === 'ok' ? 0 : 1),
        exitWithCode: (code: number): never => exitWith(code),
      },
      // A fresh handle per call (as wasmtime does): a guest dropping one must not close the stream.
      'wasi:cli/stdin': { getStdin: () => new InputStream({ read: () => null }) },
      'wasi:cli/stdout': { getStdout: () => new OutputStream(stdout) },
      'wasi:cli/stderr': { getStderr: () => new OutputStream(stderr) },
      'wasi:cli/terminal-input': { TerminalInput },
      'wasi:cli/terminal-output': { TerminalOutput },
      'wasi:cli/terminal-stdin': { getTerminalStdin: (): TerminalInput | undefined => undefined },
      'wasi:cli/terminal-stdout': { getTerminalStdout: (): TerminalOutput | undefined => undefined },
      'wasi:cli/terminal-stderr': { getTerminalStderr: (): TerminalOutput | undefined => undefined },
    },
  };
}
