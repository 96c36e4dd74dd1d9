/**
 * A VerifyReport as terminal text: which variations ran, the table of components (digest,
 * verdict, cause), what changed a case's output, the second engine, the expectations diff, and the
 * structural explanation of every digest that differed.
 */
import path from 'node:path';
import { PERTURBATION_LABELS } from './behaviour.js';
import { formatExpectationDiffs } from './expectations.js';
import { formatExplanation } from './explain-format.js';
import type { FieldChange } from './observation.js';
import type { CaseReport, VerifyReport } from './report.js';

const MAX_TEXT = 72;

/** A value as one short line: escapes visible, long text cut in the middle. */
function excerpt(s: string): string {
  const j = JSON.stringify(s);
  return j.length <= MAX_TEXT ? j : `${j.slice(0, MAX_TEXT / 2)}…${j.slice(-MAX_TEXT / 2 + 1)}`;
}

function changeLines(changes: readonly FieldChange[], indent: string, a = 'a', b = 'b'): string[] {
  return changes.map((c) => `${indent}${c.field}: ${a} ${excerpt(c.a)} → ${b} ${excerpt(c.b)}`);
}

function table(rows: string[][], indent = '  '): string[] {
  if (rows.length === 0) return [];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => indent + r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ').trimEnd());
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function formatVerifyReport(r: VerifyReport): string {
  const out: string[] = [`verify ${r.project.name} (policy ${r.policy}, ${r.runs} run${r.runs === 1 ? '' : 's'} per case)`, ''];

  const b = r.build;
  out.push(`Build reproducibility: a second build ${b.reference === 'this run' ? "of this run's components " : ''}with ${b.variations.length} condition${b.variations.length === 1 ? '' : 's'} varied at once`);
  out.push(...table(b.variations.map((v) => [v.title, `${v.reference} → ${v.variant}`]), '    '));
  for (const s of b.skipped) out.push(`    ${s.title}: not varied — ${s.reason}`);
  out.push(`    compiler caches: empty for every rebuild (${b.freshCaches.join(', ')}), so nothing compiled by the reference build is reused`);
  out.push(`    never varied here: ${b.notVaried.map((n) => n.title).join(', ')}`);
  if (b.variantError) out.push(`  the variant build failed: ${b.variantError}`);
  if (b.culpritBuilds) out.push(`  culprit search: ${b.culpritBuilds} more build${b.culpritBuilds === 1 ? '' : 's'}, one condition at a time${b.culpritError ? ` (stopped: ${b.culpritError})` : ''}`);
  out.push('');
  out.push(...table([['component', 'sha256', 'verdict', 'cause'], ...r.components.map((c) => [c.name, c.digest.slice(0, 12) + (c.variantDigest ? ` ≠ ${c.variantDigest.slice(0, 12)}` : ''), c.verdict, c.cause])]));
  out.push('');

  const perturbations = [...new Set(r.cases.flatMap((c) => c.checks.filter((x) => x.perturbation !== 'repeat').map((x) => PERTURBATION_LABELS[x.perturbation])))];
  out.push(
    r.cases.length === 0
      ? 'Behaviour: no test or exec case to run (declare [tests] in run.toml)'
      : `Behaviour: ${r.cases.length} case${r.cases.length === 1 ? '' : 's'}, each run ${r.runs} time${r.runs === 1 ? '' : 's'}${perturbations.length ? ` and with perturbed ${perturbations.join(', ')}` : ''}`,
  );
  out.push(...table(r.cases.map((c) => [c.name, `(${c.component})`, c.call, verdictOf(c)]), '    '));
  for (const c of r.cases) {
    for (const x of c.checks) {
      if (x.status === 'changed') out.push(`    ${c.name}: ${x.label} (${x.detail}):`, ...changeLines(x.changes!, '      ', 'first run', 'this run'));
    }
    if (c.variantBuild?.status === 'changed') out.push(`    ${c.name} on the variant build:`, ...changeLines(c.variantBuild.changes!, '      ', 'reference', 'variant'));
  }
  // The same reason for many cases is said once.
  const skipped = new Map<string, string[]>();
  for (const c of r.cases) for (const x of c.checks) if (x.status === 'skipped') skipped.set(`${x.label}\0${x.reason}`, [...(skipped.get(`${x.label}\0${x.reason}`) ?? []), c.name]);
  for (const [key, names] of skipped) {
    const [label, reason] = key.split('\0');
    out.push(`    ${label} not perturbed for ${names.length === r.cases.length && names.length > 1 ? 'any case' : names.join(', ')}: ${reason}`);
  }
  out.push('');

  const e = r.secondEngine;
  if (e.status === 'skipped') out.push(`Second engine: not run — ${e.reason}`);
  else {
    out.push(`Second engine: ${e.engine} — ${e.agree} agree, ${e.differ} differ, ${e.skipped} skipped`);
    for (const c of r.cases) {
      const s = c.secondEngine;
      if (s?.status === 'differ') out.push(`    ${c.name}: differs`, ...changeLines(s.changes!, '      ', 'run-action', 'wasmtime'));
      if (s?.status === 'skipped') out.push(`    ${c.name}: skipped — ${s.reason}`);
    }
    // Which cases ran as an app composed with its providers, said once per app.
    const composed = new Map<string, string[]>();
    for (const c of r.cases) {
      const s = c.secondEngine;
      if (!s?.composedWith || s.status === 'skipped') continue;
      const what = `${c.component} composed with ${s.composedWith.join(', ')}`;
      composed.set(what, [...(composed.get(what) ?? []), c.name]);
    }
    for (const [what, names] of composed) out.push(`    ${names.join(', ')}: ${what} by run-action's composer to run on wasmtime`);
  }
  out.push('');

  const x = r.expectations;
  const status = { absent: 'none recorded (record them with --record)', matched: 'matched', differs: 'DIFFER', recorded: 'recorded', updated: 'updated' }[x.status];
  out.push(`Expectations (${path.relative(r.project.dir, x.file) || x.file}): ${status}`);
  if (x.differences.length) {
    if (x.status === 'updated') out.push('  changes written:');
    out.push(...formatExpectationDiffs(x.differences));
    if (x.status === 'differs') out.push('  (if the change is intended: run-action verify --update)');
  }

  for (const c of r.components) {
    if (!c.explanation) continue;
    out.push('', `Why ${c.name} differs between the builds:`, ...formatExplanation(c.explanation).split('\n').map((l) => `  ${l}`));
  }

  const counts = (['reproducible', 'behaviour-only', 'not reproducible'] as const).map((v) => [v, r.components.filter((c) => c.verdict === v).length] as const).filter(([, n]) => n > 0);
  const problems = [...(x.status === 'differs' ? ['expectations differ'] : []), ...(e.differ ? [`wasmtime differs in ${e.differ} case${e.differ === 1 ? '' : 's'}`] : [])];
  out.push(
    '',
    `${r.ok ? 'verify passed' : 'verify FAILED'}: ${counts.map(([v, n]) => `${n} ${v}`).join(', ') || 'no components'}${problems.length ? `; ${problems.join('; ')}` : ''} (${seconds(r.ms.total)}: build ${seconds(r.ms.build)}, behaviour ${seconds(r.ms.behaviour)}${r.ms.culprit ? `, culprit search ${seconds(r.ms.culprit)}` : ''}${r.secondEngine.status === 'ran' ? `, wasmtime ${seconds(r.ms.secondEngine)}` : ''})`,
  );
  return out.join('\n');
}

function verdictOf(c: CaseReport): string {
  if (!c.deterministic) return c.changedBy.join('; ');
  const ran = c.checks.filter((x) => x.status !== 'skipped').length + 1;
  return `deterministic (${ran} run${ran === 1 ? '' : 's'} alike)${c.baseline.outcome === 'ok' ? '' : `, ends ${c.baseline.outcome}`}`;
}
