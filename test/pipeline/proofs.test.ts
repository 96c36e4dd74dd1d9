/**
 * What a pipeline run proves of each component, the gate `publish` passes only with every proof:
 * a stage that failed, or never ran because one before it failed, proves nothing.
 */
import { describe, expect, it } from 'vitest';
import { parseRunConfig } from '../../src/core/config/run-toml.js';
import { proofs, type PipelineReport, type StageReport } from '../../src/core/pipeline/ci.js';
import type { TestResult } from '../../src/core/check/run-tests.js';
import type { VerifyReport } from '../../src/core/verify/report.js';

const config = parseRunConfig('[project]\nname = "demo"\nversion = "1.0.0"\n\n[components.a]\npath = "a.wasm"\n\n[components.b]\npath = "b.wasm"\n', '/p/run.toml');

const result = (component: string, passed: boolean): TestResult => ({ name: `t_${component}`, component, passed, stdout: '', stderr: '', ledger: [] });
const stage = (s: StageReport['stage'], status: StageReport['status'], reason?: string): StageReport => ({ stage: s, status, ...(reason ? { reason } : {}), ms: 1 });
const verifyOf = (verdicts: Record<string, string>) => ({ components: Object.entries(verdicts).map(([name, verdict]) => ({ name, verdict })) }) as unknown as VerifyReport;

function report(over: Partial<PipelineReport>): PipelineReport {
  return {
    project: { name: 'demo', version: '1.0.0' },
    stages: [],
    toolchains: [],
    cacheHit: true,
    components: { a: { digest: 'da', size: 1, path: '/p/a.wasm' }, b: { digest: 'db', size: 1, path: '/p/b.wasm' } },
    tests: { passed: 0, failed: 0, results: [] },
    published: [],
    ok: true,
    ...over,
  };
}

const proofOf = (r: PipelineReport, stages: Parameters<typeof proofs>[2]) => Object.fromEntries(proofs(config, r, stages).map((a) => [a.component, a.proof]));

describe('proofs', () => {
  it('proves what a whole run built, tested and verified', () => {
    const r = report({
      stages: [stage('build', 'ok'), stage('test', 'ok'), stage('verify', 'ok')],
      tests: { passed: 2, failed: 0, results: [result('a', true), result('b', true)] },
      verify: verifyOf({ a: 'reproducible', b: 'behaviour-only' }),
    });
    expect(proofOf(r, ['build', 'test', 'verify'])).toEqual({
      a: { built: true, testsPassed: true, verified: true },
      b: { built: true, testsPassed: true, verified: true },
    });
  });

  it('proves nothing past a failed test stage: the stages after it never ran', () => {
    const r = report({
      ok: false,
      stages: [stage('build', 'ok'), stage('test', 'failed', '1 test(s) failed: t_b'), stage('verify', 'skipped', 'an earlier step failed')],
      tests: { passed: 1, failed: 1, results: [result('a', true), result('b', false)] },
    });
    expect(proofOf(r, ['build', 'test', 'verify'])).toEqual({
      a: { built: true, testsPassed: false, verified: false },
      b: { built: true, testsPassed: false, verified: false },
    });
  });

  it('counts a test stage with no tests as run, and verify as skipped only when it was not asked for', () => {
    const r = report({ stages: [stage('build', 'ok'), stage('test', 'skipped', 'no tests declared or discovered')] });
    expect(proofOf(r, ['build', 'test'])).toEqual({
      a: { built: true, testsPassed: true, verified: 'skipped' },
      b: { built: true, testsPassed: true, verified: 'skipped' },
    });
    expect(proofOf(r, ['build'])).toMatchObject({ a: { testsPassed: false } });
  });

  it('refuses a component verify found not reproducible, and one it never saw', () => {
    const r = report({
      stages: [stage('build', 'ok'), stage('test', 'ok'), stage('verify', 'failed', 'not reproducible: a (umask)')],
      verify: verifyOf({ a: 'not reproducible' }),
    });
    expect(proofOf(r, ['build', 'test', 'verify'])).toMatchObject({ a: { verified: false }, b: { verified: false } });
  });

  it('proves no build for a component the run could not describe', () => {
    const r = report({ components: { a: { digest: 'da', size: 1, path: '/p/a.wasm' } }, stages: [stage('test', 'ok')] });
    expect(proofOf(r, ['test'])).toMatchObject({ a: { built: true }, b: { built: false } });
  });
});
