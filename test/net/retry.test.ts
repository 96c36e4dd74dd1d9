/** The shared retry policy: backoff, Retry-After, and the loop that downloads and publishing both use. */
import { describe, expect, it } from 'vitest';
import { isRetryableStatus, parseRetryAfter, retryDelay, withRetries, type RetryPolicy } from '../../src/core/net/retry.js';

const policy: RetryPolicy = { attempts: 4, backoffMs: 100, maxBackoffMs: 300, maxRetryAfterMs: 2_000 };
const fast: RetryPolicy = { attempts: 3, backoffMs: 1, maxBackoffMs: 2, maxRetryAfterMs: 50 };

class Flaky extends Error {}
class Fatal extends Error {}

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates, and ignores what it cannot read', () => {
    const now = Date.parse('Wed, 21 Oct 2026 07:28:00 GMT');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 3 ', now)).toBe(3_000);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:27:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});

describe('retryDelay', () => {
  it('doubles the backoff per try, adds at most 25 % jitter, and caps it', () => {
    for (let i = 0; i < 50; i++) {
      const first = retryDelay(1, policy)!;
      const second = retryDelay(2, policy)!;
      const late = retryDelay(6, policy)!;
      expect(first).toBeGreaterThanOrEqual(100);
      expect(first).toBeLessThanOrEqual(125);
      expect(second).toBeGreaterThanOrEqual(200);
      expect(second).toBeLessThanOrEqual(250);
      expect(late).toBeGreaterThanOrEqual(300);
      expect(late).toBeLessThanOrEqual(375);
    }
  });

  it('waits for a longer Retry-After, and gives up on one beyond the limit', () => {
    expect(retryDelay(1, policy, 1_500)).toBe(1_500);
    expect(retryDelay(1, policy, 0)).toBeGreaterThanOrEqual(100);
    expect(retryDelay(1, policy, 2_001)).toBeUndefined();
  });

  it('retries 408, 429 and 5xx, and no other status', () => {
    expect([400, 401, 403, 404, 408, 409, 413, 429, 500, 502, 503].filter(isRetryableStatus)).toEqual([408, 429, 500, 502, 503]);
  });
});

describe('withRetries', () => {
  it('retries what is retryable until it succeeds, telling each next attempt', async () => {
    const told: number[] = [];
    let calls = 0;
    const result = await withRetries(
      async (n) => {
        calls++;
        if (n < 3) throw new Flaky();
        return `ok on ${n}`;
      },
      fast,
      { retryable: (e) => e instanceof Flaky, onRetry: (_e, _d, next) => told.push(next) },
    );
    expect(result).toBe('ok on 3');
    expect(calls).toBe(3);
    expect(told).toEqual([2, 3]);
  });

  it('stops at the attempt limit, and at once on a final error', async () => {
    let calls = 0;
    const always = (err: Error) => async () => {
      calls++;
      throw err;
    };
    await expect(withRetries(always(new Flaky()), fast, { retryable: (e) => e instanceof Flaky })).rejects.toBeInstanceOf(Flaky);
    expect(calls).toBe(3);
    calls = 0;
    await expect(withRetries(always(new Fatal()), fast, { retryable: (e) => e instanceof Flaky })).rejects.toBeInstanceOf(Fatal);
    expect(calls).toBe(1);
  });

  it('gives up when the Retry-After an error carries is beyond the limit', async () => {
    let calls = 0;
    const attempt = async () => {
      calls++;
      throw new Flaky();
    };
    await expect(withRetries(attempt, fast, { retryable: () => true, retryAfterMs: () => 60_000 })).rejects.toBeInstanceOf(Flaky);
    expect(calls).toBe(1);
  });

  it('ends with what beforeRetry finds, and does not retry its errors', async () => {
    let calls = 0;
    const attempt = async (): Promise<string> => {
      calls++;
      throw new Flaky();
    };
    const landed = await withRetries(attempt, fast, { retryable: () => true, beforeRetry: async () => 'landed' });
    expect(landed).toBe('landed');
    expect(calls).toBe(1);
    calls = 0;
    const failing = withRetries(attempt, fast, {
      retryable: () => true,
      beforeRetry: async () => {
        throw new Fatal();
      },
    });
    await expect(failing).rejects.toBeInstanceOf(Fatal);
    expect(calls).toBe(1);
  });
});
