/**
 * What `verify` found, as plain JSON-serialisable data: the terminal text (format.ts), `--json` and
 * the action's job summary are all made from it.
 */
import type { PolicyName } from '../config/model.js';
import type { RunCheck, VerifyCase } from './behaviour.js';
import type { Culprit } from './culprit.js';
import type { ExpectationsReport } from './expectations.js';
import type { Explanation } from './explain.js';
import type { FieldChange, Observation } from './observation.js';
import type { EngineCheck, SecondEngineReport } from './second-engine.js';
import type { SnapshotToolchain } from './snapshot-toolchains.js';
import type { SkippedVariation, VariationReport } from './variations.js';

export type Verdict = 'reproducible' | 'behaviour-only' | 'not reproducible';

export interface ComponentReport {
  name: string;
  language?: string;
  builder?: string;
  /** sha256 of the reference build. */
  digest: string;
  /** sha256 of the variant build, when it differs. */
  variantDigest?: string;
  verdict: Verdict;
  /** One line: why this verdict. */
  cause: string;
  /** The toolchain whose snapshots are never byte-identical, when it built this component. */
  snapshot?: SnapshotToolchain;
  /** Why the two builds differ, from their structure (the first few differences). */
  explanation?: Explanation;
  culprit?: Culprit;
  /** Names of the cases that exercise it. */
  cases: string[];
}

export interface CaseReport extends VerifyCase {
  baseline: Observation;
  checks: RunCheck[];
  deterministic: boolean;
  /** `wall clock (virtual epoch) perturbed: output changed (value)`, one per run that changed an output. */
  changedBy: string[];
  /** The same case on the variant build (components whose digest differed). */
  variantBuild?: { status: 'same' | 'changed'; changes?: FieldChange[] };
  secondEngine?: EngineCheck;
}

export interface VerifyReport {
  project: { name: string; dir: string };
  policy: PolicyName;
  runs: number;
  build: {
    /** `this run`: the caller's build was the reference; `verify`: verify built it first. */
    reference: 'this run' | 'verify';
    variantDir: string;
    variations: VariationReport[];
    skipped: SkippedVariation[];
    /** Compiler cache variables every rebuild gets new and empty (so it compiles everything again). */
    freshCaches: string[];
    notVaried: ReadonlyArray<{ title: string; why: string }>;
    variantError?: string;
    /** Builds the culprit search ran (0 when every digest matched). */
    culpritBuilds: number;
    culpritError?: string;
  };
  components: ComponentReport[];
  cases: CaseReport[];
  secondEngine: SecondEngineReport;
  expectations: ExpectationsReport;
  ok: boolean;
  /** Wall time per phase, in ms. */
  ms: { build: number; behaviour: number; explain: number; culprit: number; secondEngine: number; total: number };
}
