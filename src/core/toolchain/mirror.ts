/**
 * Mirrors for air-gapped and self-hosted runners. Users give a list of entries:
 *   `https://mirror.example/releases`   replaces the host of every release URL (path kept)
 *   `ziglang.org=https://mirror/zig`    replaces only that host
 *   `npm=URL`, `pypi=URL`, `cargo=URL`  registry base URLs for package sources
 * With a mirror set, no request goes to the original hosts.
 */
import { RunActionError } from '../errors.js';
import { DEFAULT_REGISTRIES } from './constants.js';

export interface Mirror {
  releases?: string;
  hosts: Record<string, string>;
  npm: string;
  pypi: string;
  cargo: string;
}

export class MirrorSyntaxError extends RunActionError {}

const slash = (url: string) => (url.endsWith('/') ? url : `${url}/`);

export function parseMirror(entries: readonly string[] = []): Mirror {
  const mirror: Mirror = { hosts: {}, ...DEFAULT_REGISTRIES };
  for (const raw of entries.flatMap((e) => e.split(/[\n,]/)).map((e) => e.trim()).filter(Boolean)) {
    const eq = raw.indexOf('=');
    const isUrl = /^[a-z]+:\/\//i.test(raw);
    const key = isUrl ? '' : raw.slice(0, eq);
    const url = isUrl ? raw : raw.slice(eq + 1);
    try {
      const u = new URL(url);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('not http(s)');
    } catch {
      throw new MirrorSyntaxError(`mirror entry ${JSON.stringify(raw)} is not a URL or KEY=URL`, {
        hint: 'write a base URL (replaces the release host), or npm=URL, pypi=URL, cargo=URL, <host>=URL',
      });
    }
    if (key === '') mirror.releases = slash(url);
    else if (key === 'npm' || key === 'pypi' || key === 'cargo') mirror[key] = slash(url);
    else mirror.hosts[key.toLowerCase()] = slash(url);
  }
  return mirror;
}

/** The URL to fetch instead of `url`: its host replaced by the mirror's base, its path kept. */
export function applyMirror(url: string, mirror: Mirror | undefined): string {
  if (!mirror) return url;
  const u = new URL(url);
  const base = mirror.hosts[u.host.toLowerCase()] ?? mirror.releases;
  return base ? base + u.pathname.replace(/^\//, '') + u.search : url;
}
