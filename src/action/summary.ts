/**
 * The job summary: per component its digest, size, language, reproducibility verdict and cause,
 * tests and the nondeterministic imports its tests touched; then the steps and what was published.
 */
import * as core from '@actions/core';
import type { RunConfig } from '../core/config/model.js';
import type { PipelineReport } from '../core/pipeline/ci.js';

const VERDICT_ICON = { reproducible: '✅', 'behaviour-only': '🟡', 'not reproducible': '❌' } as const;

const escapeHtml = (t: string) => t.replace(/[&<>]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[ch]!);

export async function writeSummary(config: RunConfig, report: PipelineReport): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  const header = (cells: string[]) => cells.map((data) => ({ data, header: true }));
  const components = Object.entries(report.components).map(([name, c]) => {
    const tests = report.tests.results.filter((r) => r.component === name);
    const ledger = new Map<string, number>();
    for (const r of tests) for (const l of r.ledger) ledger.set(l.call, (ledger.get(l.call) ?? 0) + l.count);
    const published = report.published.find((p) => p.name.endsWith(`:${name}`));
    const verdict = report.verify?.components.find((v) => v.name === name);
    return [
      name,
      `<code>${c.digest.slice(0, 12)}</code>`,
      `${c.size.toLocaleString('en-US')} B`,
      c.language ?? '',
      verdict ? `${VERDICT_ICON[verdict.verdict]} ${verdict.verdict}<br><sub>${escapeHtml(verdict.cause)}</sub>` : '—',
      tests.length ? `${tests.filter((t) => t.passed).length}/${tests.length}` : '—',
      [...ledger].map(([call, n]) => `${call}×${n}`).join('<br>') || '—',
      published ? published.action : '—',
    ];
  });
  const failures = report.tests.results.filter((r) => !r.passed).map((r) => [r.name, escapeHtml(r.reason ?? '')]);
  const summary = core.summary
    .addHeading(`run-action: ${config.project.name} ${config.project.version} — ${report.ok ? '✅ passed' : '❌ failed'}`, 2)
    .addTable([header(['component', 'sha256', 'size', 'language', 'reproducible', 'tests', 'nondeterministic imports', 'publish']), ...components])
    .addRaw(`<p><b>${report.tests.passed} passed, ${report.tests.failed} failed</b></p>`, true);
  if (failures.length) summary.addHeading('Failed tests', 3).addTable([header(['test', 'why']), ...failures]);
  summary.addHeading('Steps', 3).addTable([header(['step', 'status', 'time']), ...report.stages.map((s) => [s.stage, s.status + (s.reason ? ` — ${s.reason}` : ''), `${(s.ms / 1000).toFixed(1)} s`])]);
  await summary.write();
}
