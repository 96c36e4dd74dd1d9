/**
 * `.run/expect.json`: what verify saw, kept with the project — the digest of every byte-reproducible
 * component and the outputs of every case — so a later run that sees something else says what
 * changed, field by field. `--record` writes it once; `--update` rewrites it after a deliberate change.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { PolicyName } from '../config/model.js';
import { RunActionError } from '../errors.js';
import { writeFileAtomic } from '../fs/atomic.js';
import { outcomeText, type Observation } from './observation.js';

export const EXPECT_FILE = path.join('.run', 'expect.json');
const VERSION = 1;

export class ExpectationsFileError extends RunActionError {}
export class ExpectationsExistError extends RunActionError {}

export type ExpectationsMode = 'check' | 'record' | 'update';

export interface ExpectedCase {
  component: string;
  call: string;
  /** `ok`, `exit 3`, `trap: …`. */
  outcome: string;
  value?: string;
  stdout: string;
  stderr: string;
  ledger: string[];
}

export interface Expectations {
  version: number;
  policy: PolicyName;
  /** sha256 per component; null where builds are never byte-identical (judged by behaviour). */
  components: Record<string, { sha256: string | null; note?: string }>;
  cases: Record<string, ExpectedCase>;
}

export interface ExpectationDiff {
  kind: 'component' | 'case' | 'policy';
  name: string;
  /** What differs: `sha256`, a case field; absent when the whole entry is new or gone. */
  field?: string;
  change: 'changed' | 'added' | 'removed';
  expected?: string;
  actual?: string;
}

export interface ExpectationsReport {
  file: string;
  mode: ExpectationsMode;
  /** absent: no file and nothing asked; matched/differs: compared; recorded/updated: written. */
  status: 'absent' | 'matched' | 'differs' | 'recorded' | 'updated';
  differences: ExpectationDiff[];
}

export function expectedCase(component: string, call: string, o: Observation): ExpectedCase {
  return { component, call, outcome: outcomeText(o), ...(o.value !== undefined ? { value: o.value } : {}), stdout: o.stdout, stderr: o.stderr, ledger: o.ledger };
}

export async function readExpectations(file: string): Promise<Expectations | undefined> {
  if (!existsSync(file)) return undefined;
  const text = await readFile(file, 'utf8');
  const hint = 'fix the file, or rewrite it from this run with `run-action verify --update`';
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const location = { file, ...jsonErrorPosition(text, (err as Error).message) };
    throw new ExpectationsFileError(`${EXPECT_FILE} is not valid JSON: ${(err as Error).message}`, { location, hint });
  }
  const e = data as Partial<Expectations>;
  if (typeof e !== 'object' || e === null || e.version !== VERSION || typeof e.components !== 'object' || typeof e.cases !== 'object') {
    throw new ExpectationsFileError(`${EXPECT_FILE} is not a version ${VERSION} expectations file (it needs "version": ${VERSION}, "components" and "cases")`, { location: { file, line: 1 }, hint });
  }
  return e as Expectations;
}

/** Line and column of a JSON.parse error: Node 20 gives a position, newer versions line and column. */
function jsonErrorPosition(text: string, message: string): { line?: number; col?: number } {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: Number(lc[1]), col: Number(lc[2]) };
  const at = /position (\d+)/.exec(message);
  if (!at) return {};
  const offset = Number(at[1]);
  return { line: text.slice(0, offset).split('\n').length, col: offset - text.lastIndexOf('\n', offset - 1) };
}

export async function writeExpectations(file: string, e: Expectations): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(e, null, 2)}\n`);
}

const CASE_FIELDS = ['component', 'call', 'outcome', 'value', 'stdout', 'stderr', 'ledger'] as const;

export function compareExpectations(expected: Expectations, actual: Expectations): ExpectationDiff[] {
  const diffs: ExpectationDiff[] = [];
  if (expected.policy !== actual.policy) diffs.push({ kind: 'policy', name: 'policy', change: 'changed', expected: expected.policy, actual: actual.policy });
  const digest = (d: { sha256: string | null } | undefined) => (d?.sha256 === null ? 'not byte-reproducible (compared by behaviour)' : d?.sha256);
  for (const name of union(Object.keys(expected.components), Object.keys(actual.components))) {
    const e = expected.components[name];
    const a = actual.components[name];
    if (!a) diffs.push({ kind: 'component', name, change: 'removed', expected: digest(e)! });
    else if (!e) diffs.push({ kind: 'component', name, change: 'added', actual: digest(a)! });
    else if (e.sha256 !== a.sha256 && e.sha256 !== null) diffs.push({ kind: 'component', name, field: 'sha256', change: 'changed', expected: digest(e)!, actual: digest(a)! });
  }
  for (const name of union(Object.keys(expected.cases), Object.keys(actual.cases))) {
    const e = expected.cases[name];
    const a = actual.cases[name];
    if (!a) diffs.push({ kind: 'case', name, change: 'removed' });
    else if (!e) diffs.push({ kind: 'case', name, change: 'added' });
    else {
      for (const field of CASE_FIELDS) {
        const x = text(e[field]);
        const y = text(a[field]);
        if (x !== y) diffs.push({ kind: 'case', name, field, change: 'changed', ...(x !== undefined ? { expected: x } : {}), ...(y !== undefined ? { actual: y } : {}) });
      }
    }
  }
  return diffs;
}

function text(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v.join('\n') : v;
}

function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])];
}

/** A readable diff: per entry, the differing lines marked `-` (expected) and `+` (this run). */
export function formatExpectationDiffs(diffs: readonly ExpectationDiff[]): string[] {
  const lines: string[] = [];
  for (const d of diffs) {
    const what = d.kind === 'policy' ? 'policy' : `${d.kind} ${d.name}`;
    if (d.change === 'added') lines.push(`  + ${what}: new in this run${d.actual ? ` (${d.actual})` : ''}`);
    else if (d.change === 'removed') lines.push(`  - ${what}: in the expectations, not in this run`);
    else {
      lines.push(`  ~ ${what}${d.field && d.kind !== 'policy' ? `: ${d.field}` : ''}`);
      lines.push(...lineDiff(d.expected ?? '', d.actual ?? '').map((l) => `      ${l}`));
    }
  }
  return lines;
}

/** Lines of `a` and `b` around the part that differs: common lines at both ends become context. */
export function lineDiff(a: string, b: string, context = 2): string[] {
  const la = a.split('\n');
  const lb = b.split('\n');
  let head = 0;
  while (head < la.length && head < lb.length && la[head] === lb[head]) head++;
  let tail = 0;
  while (tail < la.length - head && tail < lb.length - head && la[la.length - 1 - tail] === lb[lb.length - 1 - tail]) tail++;
  const show = (l: string) => JSON.stringify(l).slice(1, -1); // control characters and trailing spaces visible
  const out: string[] = [];
  if (head > context) out.push(`  … ${head - context} same line${head - context === 1 ? '' : 's'}`);
  for (const l of la.slice(Math.max(0, head - context), head)) out.push(`  ${show(l)}`);
  for (const l of la.slice(head, la.length - tail)) out.push(`- ${show(l)}`);
  for (const l of lb.slice(head, lb.length - tail)) out.push(`+ ${show(l)}`);
  for (const l of la.slice(la.length - tail, la.length - tail + context)) out.push(`  ${show(l)}`);
  if (tail > context) out.push(`  … ${tail - context} same line${tail - context === 1 ? '' : 's'}`);
  return out;
}
