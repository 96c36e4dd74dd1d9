/**
 * One component's verdict from everything verify learned about it, most serious first:
 * - not reproducible: a case's output changed between runs or under a perturbation; the variant
 *   build failed; the digests differ (with the culprit and the structural explanation); or a
 *   snapshot toolchain's rebuild behaves differently or is exercised by no case;
 * - behaviour-only: a snapshot toolchain's digests differ, as they always do, and every case
 *   behaves the same on both builds;
 * - reproducible: byte-identical under every variation, and every case deterministic.
 */
import type { Culprit } from './culprit.js';
import type { Explanation } from './explain.js';
import type { CaseReport, Verdict } from './report.js';
import type { SnapshotToolchain } from './snapshot-toolchains.js';

export interface VerdictInput {
  digest: string;
  variantDigest?: string;
  variantError?: string;
  variations: number;
  cases: readonly CaseReport[];
  snapshot?: SnapshotToolchain;
  explanation?: Explanation;
  culprit?: Culprit;
}

export function judge(i: VerdictInput): { verdict: Verdict; cause: string } {
  const unstable = i.cases.filter((c) => !c.deterministic);
  if (unstable.length) {
    return { verdict: 'not reproducible', cause: unstable.map((c) => `case ${c.name}: ${c.changedBy.join('; ')}`).join('; ') };
  }
  if (i.variantError !== undefined) return { verdict: 'not reproducible', cause: `the variant build failed: ${i.variantError}` };
  const runs = i.cases.length ? `; ${i.cases.length} case${i.cases.length === 1 ? '' : 's'} deterministic` : '; no case of its own exercises it';
  if (i.variantDigest === undefined) return { verdict: 'reproducible', cause: `byte-identical under ${i.variations} variation${i.variations === 1 ? '' : 's'}${runs}` };
  if (i.snapshot) {
    const never = `${i.snapshot.tool} output is never byte-identical (${i.snapshot.why}; ${i.snapshot.issue})`;
    const moved = i.cases.filter((c) => c.variantBuild?.status === 'changed');
    if (moved.length) {
      const what = moved.map((c) => `${c.name} (${c.variantBuild!.changes!.map((x) => x.field).join(', ')})`).join(', ');
      return { verdict: 'not reproducible', cause: `${never}, and the rebuilt component behaves differently: ${what}` };
    }
    if (i.cases.length === 0) return { verdict: 'not reproducible', cause: `${never}, and no test or exec case exercises it, so its behaviour is unproven: add [tests]` };
    return { verdict: 'behaviour-only', cause: `${never}; behaviour identical on both builds in ${i.cases.length} case${i.cases.length === 1 ? '' : 's'}` };
  }
  const culprit = i.culprit ? `${i.culprit.condition === 'nondeterministic' || i.culprit.condition === 'combination' ? i.culprit.title : `${i.culprit.title} flips the digest`} (${i.culprit.detail}); ` : '';
  return { verdict: 'not reproducible', cause: `${culprit}${i.explanation?.summary ?? 'the digests differ'}` };
}
