/**
 * Which condition flips a digest: run only when the variant build differed, and only for the
 * components that differed. Two control builds in one fresh directory first (if they differ from
 * each other, no condition is to blame: the build is nondeterministic); a control that differs from
 * the reference blames the build path; then one build per remaining variation, each alone in the
 * control's directory, until every component has its culprit. Each build starts from a fresh copy.
 */
import path from 'node:path';
import { RunActionError } from '../errors.js';
import type { Logger } from '../log.js';
import type { RunConfig } from '../config/model.js';
import { rebuildCopy, type RebuildOptions } from './rebuild.js';
import { conditionsWith, type HostFacts, type Variation, type VariationName } from './variations.js';

export interface Culprit {
  /** The variation that flips the digest on its own; `nondeterministic`: two identical builds differ; `combination`: none alone does. */
  condition: VariationName | 'nondeterministic' | 'combination';
  title: string;
  detail: string;
}

export interface CulpritSearch {
  culprits: Record<string, Culprit>;
  /** Builds this search ran (each of only the differing components). */
  builds: number;
  /** A build that failed, which ends the search. */
  error?: string;
}

const short = (d: string | undefined) => (d ? `${d.slice(0, 12)}…` : 'no output');

export async function findCulprits(
  config: RunConfig,
  names: string[],
  reference: Record<string, string>,
  h: HostFacts,
  variations: readonly Variation[],
  o: RebuildOptions & { scratch: string },
  logger: Logger,
): Promise<CulpritSearch> {
  const dir = path.join(o.scratch, 'culprit', path.basename(config.dir));
  const search: CulpritSearch = { culprits: {}, builds: 0 };
  const open = () => names.filter((n) => !search.culprits[n]);
  const build = async (label: string, only: Variation[]): Promise<Record<string, string>> => {
    search.builds++;
    const r = await logger.group(`verify: culprit search, ${label}`, () => rebuildCopy(config, conditionsWith(h, dir, only), { ...o, components: open() }, logger));
    return Object.fromEntries(r.result.built.map((b) => [b.name, b.sha256]));
  };
  try {
    const first = await build('control build', []);
    const again = await build('control build again', []);
    for (const n of open()) {
      if (first[n] !== again[n]) {
        search.culprits[n] = { condition: 'nondeterministic', title: 'no condition: the build is nondeterministic', detail: `two builds in ${dir} under identical conditions gave ${short(first[n])} and ${short(again[n])}` };
      } else if (first[n] !== reference[n]) {
        search.culprits[n] = { condition: 'build-path', title: 'build path', detail: `built in ${dir} with nothing else changed it is ${short(first[n])}; in ${config.dir} ${short(reference[n])}` };
      }
    }
    for (const v of variations) {
      if (v.name === 'build-path' || open().length === 0) continue;
      const got = await build(`${v.title} alone`, [v]);
      for (const n of open()) {
        if (got[n] !== first[n]) search.culprits[n] = { condition: v.name, title: v.title, detail: `${v.title} ${v.reference} → ${v.variant} alone changes it from ${short(first[n])} to ${short(got[n])}` };
      }
    }
    for (const n of open()) search.culprits[n] = { condition: 'combination', title: 'no single condition', detail: 'each variation alone leaves the digest as it is: they act only together' };
  } catch (err) {
    if (!(err instanceof RunActionError)) throw err;
    search.error = err.message;
  }
  return search;
}
