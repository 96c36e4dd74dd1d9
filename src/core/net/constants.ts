/** Download defaults: generous enough for a slow runner, bounded so a dead host fails a job in minutes. */
export const DEFAULT_HTTP = {
  attempts: 4,
  backoffMs: 1_000,
  maxBackoffMs: 30_000,
  maxRetryAfterMs: 120_000,
  connectTimeoutMs: 30_000,
  readTimeoutMs: 60_000,
  maxRedirects: 10,
} as const;
