/**
 * run.toml capabilities (and exec's --allow-* flags) → the host's Grants and HostConfig. The host
 * never reads the process environment itself: `env:VAR` is resolved here, from the environment the
 * adapter passes in, and only for the variables named.
 */
import { resolve } from 'node:path';
import type { Capability, PolicyName } from '../config/model.js';
import { RunActionError } from '../errors.js';
import type { Logger } from '../log.js';
import type { Grants, HostConfig } from '../engine/types.js';

export class CapabilityDeniedError extends RunActionError {}

export interface GrantOptions {
  capabilities: Capability[];
  policy: PolicyName;
  /** Directory that relative `fs:` paths are resolved against (the project dir). */
  dir: string;
  env: Record<string, string | undefined>;
  args: string[];
  allowClock?: boolean;
  allowRandom?: boolean;
  logger: Logger;
}

export function grantsFor(o: GrantOptions): Grants {
  const grants: Grants = { dirs: [], env: {}, clock: !!o.allowClock, random: !!o.allowRandom, stdin: false, args: o.args };
  for (const cap of o.capabilities) {
    switch (cap.kind) {
      case 'all':
        if (o.policy !== 'dev') {
          throw new CapabilityDeniedError(`capability "all" is not allowed under the ${o.policy} policy`, {
            hint: 'grant what the component needs one by one (fs:read:<dir>, env:<VAR>, clock, random), or use --policy dev',
          });
        }
        grants.clock = grants.random = grants.stdin = true;
        grants.dirs.push({ guestPath: '/', hostPath: o.dir, write: true });
        break;
      case 'fs':
        grants.dirs.push({ guestPath: cap.path, hostPath: resolve(o.dir, cap.path), write: cap.access === 'write' });
        break;
      case 'env':
        if (cap.variable === '*') {
          o.logger.warn(`capability "${cap.text}" would expose the whole host environment; only variables named with env:<VAR> are passed`);
          break;
        }
        if (o.env[cap.variable] !== undefined) grants.env[cap.variable] = o.env[cap.variable]!;
        break;
      case 'clock':
        grants.clock = true;
        break;
      case 'random':
        grants.random = true;
        break;
      case 'stdin':
        grants.stdin = true;
        break;
      case 'net':
        o.logger.warn(`capability "${cap.text}" is not granted: components never reach the network here`);
        break;
      case 'stdout':
      case 'stderr':
        break; // always captured
    }
  }
  return grants;
}

/** The random generator's seed unless a caller varies it. */
export const DEFAULT_SEED = 0x5eed_0f_2a11n;

export interface HostSettings {
  policy: PolicyName;
  grants: Grants;
  outputCapBytes: number;
  sourceDateEpoch?: number;
  /** Another seed for the random generator (verify perturbs it to prove an output does not depend on it). */
  seed?: bigint;
}

/** The virtual clock starts at SOURCE_DATE_EPOCH (0 when unset); the random seed is fixed unless given. */
export function hostConfig(s: HostSettings): HostConfig {
  return {
    policy: s.policy,
    grants: s.grants,
    epochSeconds: s.sourceDateEpoch ?? 0,
    seed: s.seed ?? DEFAULT_SEED,
    outputCapBytes: s.outputCapBytes,
  };
}
