/**
 * wasi:clocks — monotonic-clock and wall-clock.
 *
 * Virtual time (strict, virtual): the monotonic clock is a counter that starts at 0 and moves 1 µs
 * per read (so a guest polling it in a loop still sees time pass); a timer pollable becomes ready
 * by jumping the counter to its deadline, so sleeps are instant and deterministic. The wall clock
 * stays at the configured epoch. Dev: the real clocks, and timers really sleep the thread.
 */
import type { HostConfig } from '../types.js';
import { Pollable, type Waitable } from './io.js';
import type { Gate } from './policy.js';

export interface Datetime {
  seconds: bigint;
  nanoseconds: number;
}

const TICK_NS = 1000n;
const MONOTONIC = 'wasi:clocks/monotonic-clock';

/** Blocks the thread for about `ns` nanoseconds (dev-mode timers). Allowed in workers and the main thread. */
function sleepNs(ns: bigint): void {
  const ms = Number((ns + 999_999n) / 1_000_000n);
  if (ms > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** The monotonic time source: virtual counter or the host's clock. */
interface TimeSource {
  /** Current time without advancing it (for readiness checks). */
  peek(): bigint;
  /** A guest read. */
  read(): bigint;
  /** Waits until `deadline`. */
  waitUntil(deadline: bigint): void;
}

function virtualTime(): TimeSource {
  let now = 0n;
  return {
    peek: () => now,
    read: () => {
      const t = now;
      now += TICK_NS;
      return t;
    },
    waitUntil: (deadline) => {
      if (deadline > now) now = deadline;
    },
  };
}

function hostTime(): TimeSource {
  const start = process.hrtime.bigint();
  const peek = () => process.hrtime.bigint() - start;
  return {
    peek,
    read: peek,
    waitUntil: (deadline) => {
      for (let left = deadline - peek(); left > 0n; left = deadline - peek()) sleepNs(left);
    },
  };
}

export function createClocks(gate: Gate, config: HostConfig) {
  const time = gate.answer('monotonic-clock') === 'host' ? hostTime() : virtualTime();
  const epoch: Datetime = { seconds: BigInt(config.epochSeconds), nanoseconds: 0 };

  const timer = (deadline: bigint): Pollable => {
    const waitable: Waitable = {
      ready: () => time.peek() >= deadline,
      block: () => time.waitUntil(deadline),
      wakeAt: deadline,
    };
    return new Pollable(waitable);
  };

  /** The wall time the policy gives, without a ledger entry (for file timestamps). */
  const wallTime = (): Datetime => {
    if (gate.answer('wall-clock') !== 'host') return { ...epoch };
    const ms = Date.now();
    return { seconds: BigInt(Math.floor(ms / 1000)), nanoseconds: (ms % 1000) * 1_000_000 };
  };

  const monotonicClock = {
    now(): bigint {
      gate.use(`${MONOTONIC}#now`, 'monotonic-clock');
      return time.read();
    },
    resolution(): bigint {
      return TICK_NS;
    },
    subscribeInstant(when: bigint): Pollable {
      gate.use(`${MONOTONIC}#subscribe-instant`, 'monotonic-clock');
      return timer(when);
    },
    subscribeDuration(duration: bigint): Pollable {
      gate.use(`${MONOTONIC}#subscribe-duration`, 'monotonic-clock');
      return timer(time.peek() + duration);
    },
  };

  const wallClock = {
    now(): Datetime {
      gate.use('wasi:clocks/wall-clock#now', 'wall-clock');
      return wallTime();
    },
    resolution(): Datetime {
      // Date.now() has millisecond steps; the virtual clock does not move at all.
      return { seconds: 0n, nanoseconds: gate.answer('wall-clock') === 'host' ? 1_000_000 : Number(TICK_NS) };
    },
  };

  return {
    wallTime,
    interfaces: {
      'wasi:clocks/monotonic-clock': monotonicClock,
      'wasi:clocks/wall-clock': wallClock,
    },
  };
}
