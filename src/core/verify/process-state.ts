/**
 * Process-wide state that every tool a build starts inherits — umask, CPU affinity, TZ — read
 * from the running process, set around one build and restored afterwards, whatever happens.
 * Only one build may run under changed state at a time (verify builds its variants in sequence).
 */
import { execFile } from 'node:child_process';
import type { BuildConditions } from './variations.js';

/** This process's umask, or undefined where it cannot be changed (worker threads). */
export function currentUmask(): number | undefined {
  try {
    const mask = process.umask(0o022); // reading alone is deprecated: set, then put back
    process.umask(mask);
    return mask;
  } catch {
    return undefined;
  }
}

/** The CPU list this process may run on (`0,1`), or undefined without taskset (not Linux). */
export async function cpuAffinity(): Promise<string | undefined> {
  const out = await taskset(['-c', '-p', String(process.pid)]).catch(() => undefined);
  return out === undefined ? undefined : /list:\s*(\S+)/.exec(out)?.[1];
}

/** `-a`: every thread of this process, so children spawned from any of them inherit it. */
function setAffinity(list: string): Promise<string> {
  return taskset(['-a', '-c', '-p', list, String(process.pid)]);
}

function taskset(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => execFile('taskset', args, { timeout: 10_000 }, (err, stdout) => (err ? reject(err) : resolve(stdout))));
}

export async function withProcessState<T>(c: BuildConditions, fn: () => Promise<T>): Promise<T> {
  const restore: Array<() => unknown> = [];
  try {
    if (c.umask !== undefined) {
      const old = process.umask(c.umask);
      restore.push(() => process.umask(old));
    }
    if (c.processTz !== undefined) {
      const old = process.env.TZ;
      process.env.TZ = c.processTz;
      restore.push(() => (old === undefined ? delete process.env.TZ : (process.env.TZ = old)));
    }
    if (c.cpuList !== undefined) {
      const old = await cpuAffinity();
      await setAffinity(c.cpuList);
      if (old) restore.push(() => setAffinity(old));
    }
    return await fn();
  } finally {
    for (const r of restore.reverse()) await r();
  }
}
