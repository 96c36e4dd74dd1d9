/**
 * Test-only harness for the host tests: a HostConfig with exec's defaults, and running a
 * wasi:cli command component once with a host's imports (through test/support/instantiate.ts).
 */
import { ComponentExit, createHost, type Host } from '../../src/core/engine/host/index.js';
import type { Grants, HostConfig } from '../../src/core/engine/types.js';
import { instantiate } from '../support/instantiate.js';

/** A HostConfig with the defaults of an exec run (strict, nothing granted), overridden field by field. */
export function hostConfig(over: Partial<Omit<HostConfig, 'grants'>> & { grants?: Partial<Grants> } = {}): HostConfig {
  return {
    policy: 'strict',
    epochSeconds: 1_700_000_000,
    seed: 42n,
    outputCapBytes: 1 << 20,
    ...over,
    grants: { dirs: [], env: {}, clock: false, random: false, stdin: false, args: ['guest'], ...over.grants },
  };
}

export interface CommandRun {
  /** The exit code: 0 when `run` returned ok, else the code given to wasi:cli/exit. */
  code: number;
  stdout: string;
  stderr: string;
  host: Host;
}

const decoder = new TextDecoder();

/** Runs a wasi:cli command component once under `config`. */
export async function runCommand(component: Uint8Array, config: HostConfig): Promise<CommandRun> {
  const host = createHost(config);
  try {
    const instance = await instantiate(component, host.imports);
    let code = 0;
    try {
      instance.run.run();
    } catch (e) {
      if (!(e instanceof ComponentExit)) throw e;
      code = e.code;
    }
    return { code, stdout: decoder.decode(host.stdout()), stderr: decoder.decode(host.stderr()), host };
  } finally {
    host.dispose();
  }
}
