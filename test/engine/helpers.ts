/** Shared bits of the engine tests: a host configuration and a place for the transpile cache. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Grants, HostConfig } from '../../src/core/engine/index.js';

/** Transpiled components persist across test runs here (gitignored), as in a project's .run/cache. */
export const runCache = join(dirname(fileURLToPath(import.meta.url)), '..', '.cache', 'engine-run');

export function hostConfig(grants: Partial<Grants> = {}, rest: Partial<HostConfig> = {}): HostConfig {
  return {
    policy: 'strict',
    grants: { dirs: [], env: {}, clock: false, random: false, stdin: false, args: ['guest'], ...grants },
    epochSeconds: 0,
    seed: 1n,
    outputCapBytes: 64 * 1024,
    ...rest,
  };
}

const decoder = new TextDecoder();
export const text = (bytes: Uint8Array) => decoder.decode(bytes);
