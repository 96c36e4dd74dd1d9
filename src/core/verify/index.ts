/** The verify stage's public API: prove a project's builds and behaviour reproducible, and explain every difference. */
export { verifyProject, DEFAULT_RUNS, VerifyOptionsError, type VerifyOptions } from './verify-project.js';
export { formatVerifyReport } from './format.js';
export type { CaseReport, ComponentReport, Verdict, VerifyReport } from './report.js';
export { EXPECT_FILE, ExpectationsExistError, ExpectationsFileError, type ExpectationsMode } from './expectations.js';
export { explainDifference, type Explanation } from './explain.js';
export { formatExplanation } from './explain-format.js';
