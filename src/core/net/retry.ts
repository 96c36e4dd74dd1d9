/**
 * The one retry policy of every HTTP call: bounded attempts, exponential backoff with jitter, and
 * Retry-After honoured up to a limit (a longer one fails the call rather than stall the job).
 * GETs (download.ts) and the registry's POST (registry/publish.ts) both run through `withRetries`.
 */
export interface RetryPolicy {
  /** Total tries, the first included. */
  attempts: number;
  /** First backoff delay; doubled each retry, with up to 25 % jitter, capped by maxBackoffMs. */
  backoffMs: number;
  maxBackoffMs: number;
  /** Longest Retry-After we honour; a longer one ends the retries. */
  maxRetryAfterMs: number;
}

/** HTTP answers after which another try may succeed: 408, 429 and 5xx. Other 4xx are final. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** A Retry-After header (seconds, or an HTTP date) in milliseconds from now; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * How long to wait after failed try number `attempt` (1-based): the backoff, or the server's
 * Retry-After when that is longer. Undefined when the Retry-After is beyond the policy's limit.
 */
export function retryDelay(attempt: number, policy: RetryPolicy, retryAfterMs?: number): number | undefined {
  const backoff = Math.min(policy.maxBackoffMs, policy.backoffMs * 2 ** (attempt - 1));
  const delay = backoff + Math.floor(Math.random() * backoff * 0.25);
  if (retryAfterMs === undefined) return delay;
  return retryAfterMs > policy.maxRetryAfterMs ? undefined : Math.max(delay, retryAfterMs);
}

export interface RetryRules<T> {
  /** Whether another try may succeed after `err`. */
  retryable(err: unknown): boolean;
  /** The server's Retry-After carried by `err`, in milliseconds. */
  retryAfterMs?(err: unknown): number | undefined;
  /** Told before each wait (for the log line): the error, the wait, and the number of the next try. */
  onRetry?(err: unknown, delayMs: number, nextAttempt: number): void;
  /**
   * Runs after the wait, before the next try; a value ends the retries with it. The registry asks
   * here whether a POST that failed on the way landed after all. Its errors are not retried.
   */
  beforeRetry?(err: unknown): Promise<T | undefined>;
}

/** Runs `attempt(n)` for n = 1, 2, … until it succeeds, fails for good, or the policy's attempts are spent. */
export async function withRetries<T>(attempt: (n: number) => Promise<T>, policy: RetryPolicy, rules: RetryRules<T>): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (err) {
      if (!rules.retryable(err) || n >= policy.attempts) throw err;
      const delay = retryDelay(n, policy, rules.retryAfterMs?.(err));
      if (delay === undefined) throw err;
      rules.onRetry?.(err, delay, n + 1);
      await new Promise((r) => setTimeout(r, delay));
      const settled = await rules.beforeRetry?.(err);
      if (settled !== undefined) return settled;
    }
  }
}
