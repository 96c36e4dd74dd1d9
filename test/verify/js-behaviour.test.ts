/**
 * A componentize-js component is never byte-identical across builds: verify compares its
 * behaviour instead and says so. The reference build is a cached componentize-js build of
 * examples/calculator-js (handed in as this run's build, as the pipeline does); the variant is a
 * real build of the same sources by verify, in another directory under the variations.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BuiltComponent } from '../../src/core/build/index.js';
import { formatVerifyReport } from '../../src/core/verify/index.js';
import { sha256Hex } from '../../src/core/sha256.js';
import { jsComponent } from '../support/fixtures.js';
import { copyExample, verify } from './helpers.js';

describe('verify a JavaScript component', () => {
  it('judges it behaviour-only: the digests differ (a wizer snapshot), the behaviour does not', async () => {
    const dir = copyExample('calculator-js');
    const bytes = await jsComponent(readFileSync(join(dir, 'src', 'calculator.js'), 'utf8'), { wit: readFileSync(join(dir, 'wit', 'calculator.wit'), 'utf8'), world: 'calculator' });
    const file = join(dir, 'target', 'wasm', 'calculator.wasm');
    mkdirSync(join(dir, 'target', 'wasm'), { recursive: true });
    writeFileSync(file, bytes);
    const reference: BuiltComponent = {
      name: 'calculator',
      language: 'javascript',
      builder: 'javascript/componentize-js',
      file,
      metaFile: file.replace(/\.wasm$/, '.meta.toml'),
      sha256: sha256Hex(bytes),
      size: bytes.length,
      exports: ['example:calculator/math@0.1.0'],
      imports: [],
      toolchain: [],
    };

    const { report } = await verify(dir, { reference: [reference], runs: 2 });
    const [calculator] = report.components;
    expect(calculator).toMatchObject({ name: 'calculator', digest: reference.sha256, verdict: 'behaviour-only', snapshot: { tool: 'componentize-js', issue: 'bytecodealliance/ComponentizeJS#321' } });
    expect(calculator!.variantDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(calculator!.variantDigest).not.toBe(reference.sha256);
    expect(calculator!.cause).toMatch(/^componentize-js output is never byte-identical \(its wizer snapshot .*\); behaviour identical on both builds in 3 cases$/);
    expect(calculator!.explanation!.cause).toBe('snapshot-data');
    expect(report.build).toMatchObject({ reference: 'this run', culpritBuilds: 0 });
    expect(report.cases.map((c) => [c.name, c.baseline.value, c.deterministic, c.variantBuild])).toEqual([
      ['add', '7', true, { status: 'same' }],
      ['add_wraps', '-2147483648', true, { status: 'same' }],
      ['greet', '"Hello, WASI!"', true, { status: 'same' }],
    ]);
    expect(report.ok).toBe(true);
    const text = formatVerifyReport(report);
    expect(text).toContain(`calculator  ${reference.sha256.slice(0, 12)} ≠ ${calculator!.variantDigest!.slice(0, 12)}  behaviour-only  componentize-js output is never byte-identical`);
    expect(text).toContain('Why calculator differs between the builds:\n  snapshot-data: only initialised data differs, the code is identical');
  });
});
