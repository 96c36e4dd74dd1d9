/**
 * wasi:http — types and outgoing-handler. A guest can build a request (headers, method, URL parts,
 * body) exactly as with a real client, because `fetch()` in a JS component does all of that before
 * sending; `outgoing-handler.handle` then answers the WIT error `HTTP-request-denied` (a returned
 * error, never a throw) and records a denied ledger entry. No response ever exists, so the incoming
 * and future resources are never created by this host.
 */
import { err, OutputStream, type Err } from './io.js';
import type { Gate } from './policy.js';

type HeaderError = { tag: 'invalid-syntax' } | { tag: 'forbidden' } | { tag: 'immutable' };
type Method = { tag: string; val?: string };
type Scheme = { tag: string; val?: string };
/** The members of wasi:http/types.error-code this host produces. */
type ErrorCode = { tag: 'HTTP-request-denied' };

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** Hop-by-hop headers a guest may not set (the connection is the host's business). */
const FORBIDDEN = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'http2-settings']);

const invalidSyntax: Err<HeaderError> = err({ tag: 'invalid-syntax' });

function badValue(value: Uint8Array): boolean {
  return value.some((b) => b === 0 || b === 0x0a || b === 0x0d);
}

/** Checks a header name; returns the canonical (lowercase) name or the error. */
function headerName(name: string): string | Err<HeaderError> {
  if (!TOKEN.test(name)) return invalidSyntax;
  const lower = name.toLowerCase();
  return FORBIDDEN.has(lower) ? err({ tag: 'forbidden' }) : lower;
}

class Fields {
  #entries: Array<[string, Uint8Array]> = [];
  #immutable = false;

  static fromList(entries: Array<[string, Uint8Array]>): Fields | Err<HeaderError> {
    const fields = new Fields();
    for (const [name, value] of entries) {
      const e = fields.append(name, value);
      if (e) return e;
    }
    return fields;
  }

  /** A read-only view sharing these entries (the headers of a request or response). */
  static frozen(of: Fields): Fields {
    const view = new Fields();
    view.#entries = of.#entries;
    view.#immutable = true;
    return view;
  }

  get(name: string): Uint8Array[] {
    const lower = name.toLowerCase();
    return this.#entries.filter(([n]) => n === lower).map(([, v]) => v.slice());
  }

  has(name: string): boolean {
    const lower = name.toLowerCase();
    return this.#entries.some(([n]) => n === lower);
  }

  set(name: string, values: Uint8Array[]): undefined | Err<HeaderError> {
    if (this.#immutable) return err({ tag: 'immutable' });
    const lower = headerName(name);
    if (typeof lower !== 'string') return lower;
    if (values.some(badValue)) return invalidSyntax;
    this.#removeAll(lower);
    for (const v of values) this.#entries.push([lower, v.slice()]);
    return undefined;
  }

  delete(name: string): undefined | Err<HeaderError> {
    if (this.#immutable) return err({ tag: 'immutable' });
    const lower = headerName(name);
    if (typeof lower !== 'string') return lower;
    this.#removeAll(lower);
    return undefined;
  }

  append(name: string, value: Uint8Array): undefined | Err<HeaderError> {
    if (this.#immutable) return err({ tag: 'immutable' });
    const lower = headerName(name);
    if (typeof lower !== 'string') return lower;
    if (badValue(value)) return invalidSyntax;
    this.#entries.push([lower, value.slice()]);
    return undefined;
  }

  entries(): Array<[string, Uint8Array]> {
    return this.#entries.map(([n, v]) => [n, v.slice()]);
  }

  clone(): Fields {
    const copy = new Fields();
    copy.#entries = this.entries();
    return copy;
  }

  #removeAll(lower: string): void {
    this.#entries = this.#entries.filter(([n]) => n !== lower);
  }
}

/** A body whose bytes are discarded: requests are never sent. */
class OutgoingBody {
  #taken = false;

  write(): OutputStream | Err<undefined> {
    if (this.#taken) return err(undefined);
    this.#taken = true;
    return new OutputStream({ write: () => {} });
  }

  static finish(_body: OutgoingBody, _trailers: Fields | undefined): undefined {
    return undefined;
  }
}

/** The parts of a request or response a guest can set, with the single-body rule. */
class Message {
  readonly #headers: Fields;
  #body: OutgoingBody | undefined;

  constructor(headers: Fields) {
    this.#headers = headers.clone();
  }

  headers(): Fields {
    return Fields.frozen(this.#headers);
  }

  body(): OutgoingBody | Err<undefined> {
    if (this.#body) return err(undefined);
    this.#body = new OutgoingBody();
    return this.#body;
  }
}

const validMethod = (m: Method) => m.tag !== 'other' || TOKEN.test(m.val ?? '');
const validScheme = (s: Scheme | undefined) => s === undefined || s.tag !== 'other' || /^[A-Za-z][A-Za-z0-9+.-]*$/.test(s.val ?? '');

class OutgoingRequest extends Message {
  #method: Method = { tag: 'get' };
  #pathWithQuery: string | undefined;
  #scheme: Scheme | undefined;
  #authority: string | undefined;

  method(): Method {
    return this.#method;
  }
  setMethod(method: Method): undefined | Err<undefined> {
    if (!validMethod(method)) return err(undefined);
    this.#method = method;
    return undefined;
  }
  pathWithQuery(): string | undefined {
    return this.#pathWithQuery;
  }
  setPathWithQuery(path: string | undefined): undefined | Err<undefined> {
    if (path !== undefined && /[\s]/.test(path)) return err(undefined);
    this.#pathWithQuery = path;
    return undefined;
  }
  scheme(): Scheme | undefined {
    return this.#scheme;
  }
  setScheme(scheme: Scheme | undefined): undefined | Err<undefined> {
    if (!validScheme(scheme)) return err(undefined);
    this.#scheme = scheme;
    return undefined;
  }
  authority(): string | undefined {
    return this.#authority;
  }
  setAuthority(authority: string | undefined): undefined | Err<undefined> {
    if (authority !== undefined && /[\s/?#@]/.test(authority)) return err(undefined);
    this.#authority = authority;
    return undefined;
  }
}

class OutgoingResponse extends Message {
  #status = 200;

  statusCode(): number {
    return this.#status;
  }
  setStatusCode(status: number): undefined | Err<undefined> {
    if (status < 100 || status > 999) return err(undefined);
    this.#status = status;
    return undefined;
  }
}

type Duration = bigint | undefined;

class RequestOptions {
  #connect: Duration;
  #firstByte: Duration;
  #betweenBytes: Duration;

  connectTimeout(): Duration {
    return this.#connect;
  }
  setConnectTimeout(d: Duration): undefined {
    this.#connect = d;
  }
  firstByteTimeout(): Duration {
    return this.#firstByte;
  }
  setFirstByteTimeout(d: Duration): undefined {
    this.#firstByte = d;
  }
  betweenBytesTimeout(): Duration {
    return this.#betweenBytes;
  }
  setBetweenBytesTimeout(d: Duration): undefined {
    this.#betweenBytes = d;
  }
}

// Resources only an incoming request or a response would create; this host creates neither.
class IncomingRequest {}
class IncomingResponse {}
class IncomingBody {}
class FutureTrailers {}
class FutureIncomingResponse {}
class ResponseOutparam {}

export function createHttp(gate: Gate) {
  return {
    'wasi:http/types': {
      Fields,
      OutgoingRequest,
      OutgoingResponse,
      OutgoingBody,
      RequestOptions,
      IncomingRequest,
      IncomingResponse,
      IncomingBody,
      FutureTrailers,
      FutureIncomingResponse,
      ResponseOutparam,
      // No stream error in this host comes from HTTP.
      httpErrorCode: (): undefined => undefined,
    },
    'wasi:http/outgoing-handler': {
      handle(_request: OutgoingRequest, _options: RequestOptions | undefined): Err<ErrorCode> {
        gate.use('wasi:http/outgoing-handler#handle', 'network');
        return err({ tag: 'HTTP-request-denied' });
      },
    },
  };
}
