/** Failure kinds of an HTTP download; the retry loop decides by class which ones are worth another try. */
import { RunActionError } from '../errors.js';
import { redactUrl } from './redact.js';

/** Connection refused or reset, DNS failure, TLS failure: retried. */
export class NetworkError extends RunActionError {}

/** No connection, or no bytes, within the configured time: retried. */
export class DownloadTimeoutError extends RunActionError {}

/** The body ended before Content-Length bytes arrived: retried. */
export class TruncatedBodyError extends RunActionError {}

/** More redirects than allowed (a loop, usually): final. */
export class TooManyRedirectsError extends RunActionError {}

/** A non-2xx answer. 408, 429 and 5xx are retried; other 4xx are final. */
export class HttpStatusError extends RunActionError {
  readonly status: number;
  readonly retryAfterMs: number | undefined;

  constructor(url: string, status: number, retryAfterMs?: number) {
    super(`GET ${redactUrl(url)} answered HTTP ${status}`, { hint: hintFor(status) });
    this.status = status;
    this.retryAfterMs = retryAfterMs;
  }
}

function hintFor(status: number): string | undefined {
  if (status === 404) return 'the release asset is not there: check the version and source in run.lock.toml (or that the mirror holds this file)';
  if (status === 401 || status === 403) return 'the host refused access: check the credentials in the mirror URL, or the rate limit';
  if (status === 429) return 'rate limited by the host; use a mirror or retry later';
  return undefined;
}
