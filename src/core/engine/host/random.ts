/**
 * wasi:random — random, insecure, insecure-seed. Every interface draws from one splitmix64 stream
 * seeded with `config.seed` (so a run is reproducible from its seed), except in dev mode where they
 * use the host's crypto generator. Every use is a ledger entry with the bytes produced.
 */
import { randomFillSync } from 'node:crypto';
import type { HostConfig } from '../types.js';
import type { Gate } from './policy.js';

const MASK64 = (1n << 64n) - 1n;
/** More than any guest can take into a capped linear memory; refused rather than allocated. */
const MAX_BYTES = 64 * 1024 * 1024;

/** splitmix64 (Steele, Lea, Flood 2014): tiny state, full 2^64 period, passes BigCrush. */
export function splitmix64(seed: bigint): () => bigint {
  let state = BigInt.asUintN(64, seed);
  return () => {
    state = (state + 0x9e3779b97f4a7c15n) & MASK64;
    let z = state;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
    return z ^ (z >> 31n);
  };
}

export function createRandom(gate: Gate, config: HostConfig) {
  const real = gate.answer('random') === 'host';
  const next = splitmix64(config.seed);

  const bytes = (len: bigint): Uint8Array => {
    if (len > BigInt(MAX_BYTES)) throw new RangeError(`the guest asked for ${len} random bytes (more than ${MAX_BYTES})`);
    const out = new Uint8Array(Number(len));
    if (real) return randomFillSync(out);
    const view = new DataView(out.buffer);
    let i = 0;
    for (; i + 8 <= out.length; i += 8) view.setBigUint64(i, next(), true);
    if (i < out.length) {
      const tail = new Uint8Array(8);
      new DataView(tail.buffer).setBigUint64(0, next(), true);
      out.set(tail.subarray(0, out.length - i), i);
    }
    return out;
  };
  const u64 = (): bigint => (real ? new DataView(randomFillSync(new Uint8Array(8)).buffer).getBigUint64(0, true) : next());

  const use = (iface: string, fn: string, n: number) => gate.use(`wasi:random/${iface}#${fn}`, 'random', n);

  return {
    'wasi:random/random': {
      getRandomBytes(len: bigint): Uint8Array {
        use('random', 'get-random-bytes', Number(len));
        return bytes(len);
      },
      getRandomU64(): bigint {
        use('random', 'get-random-u64', 8);
        return u64();
      },
    },
    'wasi:random/insecure': {
      getInsecureRandomBytes(len: bigint): Uint8Array {
        use('insecure', 'get-insecure-random-bytes', Number(len));
        return bytes(len);
      },
      getInsecureRandomU64(): bigint {
        use('insecure', 'get-insecure-random-u64', 8);
        return u64();
      },
    },
    'wasi:random/insecure-seed': {
      insecureSeed(): [bigint, bigint] {
        use('insecure-seed', 'insecure-seed', 16);
        return [u64(), u64()];
      },
    },
  };
}
