/**
 * The proof a publish needs, gathered in this run: each component's artifact exists (built), every
 * test of it passed under the project's policy, and its reproducibility was verified — the last one
 * is reported as 'skipped' until the verify stage runs in the pipeline.
 */
import type { RunConfig } from '../config/model.js';
import type { Logger } from '../log.js';
import { runTests } from '../check/run-tests.js';
import { loadComponentArtifact } from '../exec/artifact.js';
import type { BuiltArtifact } from '../registry/plan.js';
import { RunActionError } from '../errors.js';

export async function proveComponents(config: RunConfig, names: string[], env: Record<string, string | undefined>, logger: Logger): Promise<BuiltArtifact[]> {
  const report = await runTests(config, { env, logger });
  const proofs: BuiltArtifact[] = [];
  for (const name of names) {
    const component = config.components.find((c) => c.name === name)!;
    let path: string;
    let built = true;
    try {
      path = (await loadComponentArtifact(config, component)).file;
    } catch (err) {
      if (!(err instanceof RunActionError)) throw err;
      built = false;
      path = component.path ?? `${config.build.outputDir}/${name}.wasm`;
    }
    const own = report.results.filter((r) => r.component === name);
    const testsPassed = own.every((r) => r.passed);
    logger.info(`${name}: built=${built} tests=${own.filter((r) => r.passed).length}/${own.length} passed`);
    proofs.push({ component: name, path, proof: { built, testsPassed, verified: 'skipped' } });
  }
  return proofs;
}
