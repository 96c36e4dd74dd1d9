/**
 * One POST with a streamed body, for publishing. GETs go through the shared downloader in
 * src/core/net, which has no request body; this is its counterpart for the one non-idempotent
 * call the registry has, so it makes exactly one attempt — the publish flow decides about retries
 * after asking the registry whether the attempt landed.
 */
import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { NetworkError } from '../net/errors.js';
import { redactUrl } from '../net/redact.js';
import { VERSION } from '../version.js';
import { RegistryProtocolError, UploadTimeoutError } from './errors.js';

/** A body that can be produced any number of times, with its exact length known up front. */
export interface RequestBody {
  contentType: string;
  length: number;
  chunks(): AsyncIterable<Uint8Array>;
}

export interface PostResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

const USER_AGENT = `run-action/${VERSION}`;
/** Publish answers are empty or tiny; anything bigger is not the registry talking. */
const MAX_RESPONSE_BYTES = 1024 * 1024;

/** Sends the body and reads the answer; a cut connection or `timeoutMs` of silence is a NetworkError. */
export function post(url: string, headers: Record<string, string>, body: RequestBody, timeoutMs: number): Promise<PostResponse> {
  const shown = `POST ${redactUrl(url)}`;
  return new Promise<PostResponse>((resolve, reject) => {
    const target = new URL(url);
    const transport = target.protocol === 'https:' ? https : target.protocol === 'http:' ? http : undefined;
    if (!transport) {
      reject(new RegistryProtocolError(`unsupported URL scheme in ${redactUrl(url)}`, { hint: 'use an http:// or https:// registry URL' }));
      return;
    }
    let settled = false;
    let responded = false;
    const fail = (err: unknown) => {
      if (settled) return;
      settled = true;
      request.destroy();
      reject(err);
    };
    const lost = (err: NodeJS.ErrnoException | undefined, what: string) =>
      new NetworkError(`${shown}: ${what}${err?.code ? ` (${err.code})` : ''}`, {
        hint: 'the connection to the registry failed; the publish is retried after checking whether it landed',
        cause: err,
      });
    const request = transport.request(target, {
      method: 'POST',
      agent: false,
      headers: { 'user-agent': USER_AGENT, ...headers, 'content-type': body.contentType, 'content-length': String(body.length) },
    });
    request.setTimeout(timeoutMs, () => fail(new UploadTimeoutError(`${shown}: no data for ${timeoutMs} ms`)));
    request.on('error', (err: NodeJS.ErrnoException) => fail(lost(err, 'connection failed')));
    request.on('response', (res) => {
      responded = true;
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_RESPONSE_BYTES) fail(new RegistryProtocolError(`${shown}: answer larger than ${MAX_RESPONSE_BYTES} bytes`));
        else chunks.push(chunk);
      });
      res.on('error', (err: NodeJS.ErrnoException) => fail(lost(err, 'connection lost while reading the answer')));
      res.on('end', () => {
        if (!res.complete) fail(lost(undefined, 'connection lost while reading the answer'));
        if (settled) return;
        settled = true;
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
      });
    });
    pipeline(Readable.from(body.chunks()), request).catch((err: NodeJS.ErrnoException) => {
      // A server may answer (413, 401) before reading the whole body and then close: keep its answer.
      if (!responded) fail(lost(err, 'connection lost during the upload'));
    });
  });
}
