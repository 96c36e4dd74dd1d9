/**
 * multipart/form-data built by hand so the file part streams from disk and the total length is
 * known before sending (a Content-Length upload that a retry can replay from the start).
 */
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { RequestBody } from './upload.js';

/** The file part's content: bytes in memory, or a file read in chunks each time the body is sent. */
export type FileSource = { bytes: Uint8Array } | { path: string; size: number };

export interface FilePart {
  field: string;
  filename: string;
  contentType: string;
  source: FileSource;
}

const enc = new TextEncoder();

/** Quotes a header parameter the way browsers do (RFC 7578 §4.2): '"' and line breaks are escaped. */
function quote(value: string): string {
  return value.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function multipartBody(fields: Array<[string, string]>, file: FilePart): RequestBody {
  const boundary = `----run-action-${randomBytes(12).toString('hex')}`;
  const head = enc.encode(
    fields.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${quote(k)}"\r\n\r\n${v}\r\n`).join('') +
      `--${boundary}\r\nContent-Disposition: form-data; name="${quote(file.field)}"; filename="${quote(file.filename)}"\r\n` +
      `Content-Type: ${file.contentType}\r\n\r\n`,
  );
  const tail = enc.encode(`\r\n--${boundary}--\r\n`);
  const src = file.source;
  const fileLength = 'bytes' in src ? src.bytes.length : src.size;
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    length: head.length + fileLength + tail.length,
    async *chunks() {
      yield head;
      if ('bytes' in src) yield src.bytes;
      else for await (const chunk of createReadStream(src.path, { highWaterMark: 256 * 1024 })) yield chunk as Buffer;
      yield tail;
    },
  };
}
