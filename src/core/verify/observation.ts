/**
 * What one run of a case showed, as plain text fields (JSON-serialisable, comparable across runs,
 * builds, engines and recorded expectations): how it ended, the returned value in WAVE, the guest's
 * stdout and stderr, and the ledger of nondeterministic imports it used. Timing is left out: it
 * always differs and is never an output.
 */
import type { CallOutcome, LedgerEntry, OutcomeClass } from '../engine/types.js';
import type { Val } from '../values/model.js';
import { printWave } from '../values/wave-print.js';

export interface Observation {
  outcome: OutcomeClass;
  exitCode: number;
  /** Why it did not end `ok` (the engine's message); absent for ok. */
  message?: string;
  /** The returned value in WAVE (absent for a command run). */
  value?: string;
  stdout: string;
  stderr: string;
  /** One line per nondeterministic import used, e.g. `wasi:clocks/wall-clock#now ×1 (virtual)`. */
  ledger: string[];
}

export type ObservedField = 'outcome' | 'value' | 'stdout' | 'stderr' | 'ledger';

export interface FieldChange {
  field: ObservedField;
  a: string;
  b: string;
}

const decoder = new TextDecoder();

export function observe(outcome: CallOutcome, value?: Val): Observation {
  return {
    outcome: outcome.class,
    exitCode: outcome.exitCode,
    ...(outcome.class === 'ok' ? {} : { message: outcome.message }),
    ...(value ? { value: printWave(value) } : {}),
    stdout: decoder.decode(outcome.stdout),
    stderr: decoder.decode(outcome.stderr),
    ledger: outcome.ledger.map(ledgerLine),
  };
}

/** An observation for a case the engine could not even start (not built, function missing, bad arguments). */
export function failedToStart(message: string): Observation {
  return { outcome: 'error', exitCode: 1, message, stdout: '', stderr: '', ledger: [] };
}

export function ledgerLine(e: LedgerEntry): string {
  const bytes = e.bytes ? `, ${e.bytes} bytes` : '';
  const who = e.answer === 'component' ? `component ${e.provider ?? '?'}` : e.answer;
  return `${e.call} ×${e.count}${bytes} (${who}${e.violation ? ', policy violation' : ''})`;
}

/** How an outcome reads in a comparison: `ok`, `exit 3`, `trap: unreachable`. */
export function outcomeText(o: Pick<Observation, 'outcome' | 'exitCode' | 'message'>): string {
  if (o.outcome === 'ok') return 'ok';
  if (o.outcome === 'exit') return `exit ${o.exitCode}`;
  return o.message ? `${o.outcome}: ${o.message}` : o.outcome;
}

/** The fields that differ, in a fixed order; empty when the two runs showed the same. */
export function compareObservations(a: Observation, b: Observation, fields: readonly ObservedField[] = ['outcome', 'value', 'stdout', 'stderr', 'ledger']): FieldChange[] {
  const text: Record<ObservedField, (o: Observation) => string> = {
    outcome: outcomeText,
    value: (o) => o.value ?? '',
    stdout: (o) => o.stdout,
    stderr: (o) => o.stderr,
    ledger: (o) => o.ledger.join('\n'),
  };
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const x = text[field](a);
    const y = text[field](b);
    if (x !== y) changes.push({ field, a: x, b: y });
  }
  return changes;
}
