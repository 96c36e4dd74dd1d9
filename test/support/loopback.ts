/**
 * HTTP servers on loopback for tests: `listen` puts any server on 127.0.0.1 at a free port, and
 * `startLoopback` is a ready-made one standing in for release hosts and registries: fixed files, or
 * handlers that misbehave on purpose (status codes, truncated or slow bodies, redirect loops). Every
 * request is logged so tests can assert what was (not) downloaded.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Listening {
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  origin: string;
  port: number;
  /** Stops listening and drops open (keep-alive) connections, so the test never waits on them. */
  close(): Promise<void>;
}

export async function listen(server: http.Server): Promise<Listening> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse, hit: number) => void;

export interface Loopback {
  /** The base URL, with a trailing slash. */
  url: string;
  requests: string[];
  /** Serves `body` at `path` (counting hits per path). */
  file(path: string, body: Buffer | string, headers?: Record<string, string>): void;
  route(path: string, handler: Handler): void;
  hits(path: string): number;
  close(): Promise<void>;
}

export async function startLoopback(): Promise<Loopback> {
  const routes = new Map<string, Handler>();
  const counts = new Map<string, number>();
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    requests.push(path);
    const n = (counts.get(path) ?? 0) + 1;
    counts.set(path, n);
    const handler = routes.get(path);
    if (!handler) {
      res.writeHead(404).end('not found');
      return;
    }
    handler(req, res, n);
  });
  const { origin, close } = await listen(server);
  return {
    url: `${origin}/`,
    requests,
    file(path, body, headers = {}) {
      routes.set(path, (_req, res) => res.writeHead(200, { 'content-length': Buffer.byteLength(body), ...headers }).end(body));
    },
    route(path, handler) {
      routes.set(path, handler);
    },
    hits: (path) => counts.get(path) ?? 0,
    close,
  };
}
