/**
 * The ledger: one entry per distinct `interface#function` the guest used that is nondeterministic
 * (clocks, random) or was denied (network, filesystem escapes), or that another component of a
 * linked app answered, with how often, how many bytes, what
 * the host answered and whether the policy forbids it. The answer for a call is fixed by the policy
 * and grants of the run, so the first use decides it. Entries keep first-use order, so two runs of
 * the same guest produce the same ledger.
 */
import type { LedgerEntry } from '../types.js';

export type Answer = LedgerEntry['answer'];

export class Ledger {
  readonly #entries = new Map<string, LedgerEntry>();

  record(call: string, answer: Answer, violation: boolean, bytes = 0, provider?: string): void {
    const entry = this.#entries.get(call);
    if (entry) {
      entry.count++;
      entry.bytes += bytes;
      return;
    }
    this.#entries.set(call, { call, count: 1, bytes, answer, violation, ...(provider === undefined ? {} : { provider }) });
  }

  entries(): LedgerEntry[] {
    return [...this.#entries.values()].map((e) => ({ ...e }));
  }

  violations(): LedgerEntry[] {
    return this.entries().filter((e) => e.violation);
  }
}
