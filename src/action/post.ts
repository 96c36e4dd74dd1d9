/** The action's post step: save the toolchain cache the main step recorded (never on tag or publish runs). */
import * as core from '@actions/core';
import { savePendingCaches } from './cache.js';

savePendingCaches().then(
  // Pending cache uploads can keep handles open; the step is done once they are saved.
  () => process.exit(0),
  (err: unknown) => {
    // A cache that could not be saved costs the next run time, never correctness.
    core.warning(`saving the toolchain cache failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(0);
  },
);
