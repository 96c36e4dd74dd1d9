/**
 * Our deterministic WASI 0.2 host: the imports object for jco's `--instantiation async` bindings
 * (`instantiate(getCoreModule, host.imports)`), built fresh for each component instance.
 *
 * jco's generated code reads `imports['wasi:cli/stdout']` (unversioned); its .d.ts declares the
 * versioned names (`'wasi:cli/stdout@0.2.12'`), so both are provided, for every 0.2.x a component
 * may have been built against. Functions are camelCase, resources are classes named as jco
 * expects, and each host-created resource is an instance of those very classes (jco checks
 * `instanceof`).
 */
import type { HostConfig, LedgerEntry } from '../types.js';
import { createCli } from './cli.js';
import { createClocks } from './clocks.js';
import { createFilesystem } from './filesystem.js';
import { createHttp } from './http.js';
import { ioInterfaces } from './io.js';
import { Ledger } from './ledger.js';
import { Gate } from './policy.js';
import { createRandom } from './random.js';
import { createSockets } from './sockets.js';

export { ComponentExit } from './cli.js';
export { GrantedDirectoryError } from './filesystem.js';

export interface Host {
  /** Pass as the second argument of the generated `instantiate()`. */
  imports: Record<string, object>;
  /** Captured guest output, at most `outputCapBytes` per stream. */
  stdout(): Uint8Array;
  stderr(): Uint8Array;
  /** Bytes written past the cap and dropped, per stream. */
  truncated(): { stdout: number; stderr: number };
  /** Nondeterministic and denied imports used so far, in first-use order. */
  ledger(): LedgerEntry[];
  /** The ledger entries the policy forbids: when non-empty, the call fails with policy-violation. */
  violations(): LedgerEntry[];
  /** Records a call from one component of a linked app into another (`provider`). */
  linkedCall(call: string, provider: string): void;
  /** The code passed to wasi:cli/exit, once the guest has called it. */
  exitCode(): number | undefined;
  /** Closes the host files the guest left open. Call once the instance is discarded. */
  dispose(): void;
}

/** The WASI 0.2 patch releases a component may import (0.2.0 … 0.2.12). */
const WASI_PATCHES = 12;

/** Adds `name@0.2.N` keys, all sharing the unversioned interface object. */
function withVersions(interfaces: Record<string, object>): Record<string, object> {
  const out: Record<string, object> = {};
  for (const [name, iface] of Object.entries(interfaces)) {
    out[name] = iface;
    for (let patch = 0; patch <= WASI_PATCHES; patch++) out[`${name}@0.2.${patch}`] = iface;
  }
  return out;
}

export function createHost(config: HostConfig): Host {
  const ledger = new Ledger();
  const gate = new Gate(config, ledger);
  const clocks = createClocks(gate, config);
  const cli = createCli(config.grants, config.outputCapBytes);
  const filesystem = createFilesystem(gate, config.grants, clocks.wallTime);
  return {
    imports: withVersions({
      ...ioInterfaces,
      ...cli.interfaces,
      ...clocks.interfaces,
      ...createRandom(gate, config),
      ...filesystem.interfaces,
      ...createSockets(gate),
      ...createHttp(gate),
    }),
    stdout: () => cli.stdout.bytes(),
    stderr: () => cli.stderr.bytes(),
    truncated: () => ({ stdout: cli.stdout.dropped(), stderr: cli.stderr.dropped() }),
    ledger: () => ledger.entries(),
    violations: () => ledger.violations(),
    linkedCall: (call, provider) => ledger.record(call, 'component', false, 0, provider),
    exitCode: cli.exitCode,
    dispose: filesystem.closeAll,
  };
}
