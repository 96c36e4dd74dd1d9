/**
 * `source` strings as users write them in run.lock.toml, read into one of five kinds, and for
 * release kinds resolved to the asset URL, archive format and binary path of a platform.
 */
import semver from 'semver';
import type { LockedToolchain, PlatformKey } from '../config/model.js';
import type { ArchiveFormat } from '../archive/entry.js';
import { formatOf } from '../archive/entry.js';
import { ToolSourceError, UnsupportedPlatformError } from './errors.js';
import { exeSuffix } from './platform.js';
import { expand, toolInfo, type AssetRule, type ToolInfo } from './tools.js';

export type ToolSource =
  /** A release directory (GitHub `releases/tag/vX` or `releases/download/vX`, or a download dir): the asset name comes from tool knowledge. */
  | { kind: 'release'; base: string }
  /** One asset URL, used as written for every platform. */
  | { kind: 'url'; url: string }
  | { kind: 'npm'; name: string; version: string }
  | { kind: 'pypi'; name: string; version: string }
  | { kind: 'cargo'; name: string; version: string };

export interface ResolvedAsset {
  url: string;
  /** File name of the asset (also the name it is downloaded under). */
  name: string;
  format: ArchiveFormat;
  /** Path of the executable inside the extracted asset; undefined = find it by name. */
  bin: string | undefined;
}

export function parseSource(tool: LockedToolchain): ToolSource {
  const info = toolInfo(tool.tool);
  const written = tool.source?.trim() || info.defaultSource;
  if (!written) {
    throw new ToolSourceError(`[toolchains.${tool.tool}] has no source, and ${tool.tool} is not a tool run-action knows`, {
      location: tool.location,
      hint: 'add source = "<asset URL>", "npm:<pkg>@<version>", "pypi:<pkg>==<version>" or "cargo:<crate>@<version>"',
    });
  }
  const text = expand(written, versionWords(tool.version));
  const bad = (why: string): never => {
    throw new ToolSourceError(`[toolchains.${tool.tool}] source ${JSON.stringify(written)}: ${why}`, {
      location: tool.location,
      hint: info.defaultSource
        ? `for example source = ${JSON.stringify(expand(info.defaultSource, versionWords(tool.version)))}`
        : 'write a release asset URL, npm:<pkg>@<version>, pypi:<pkg>==<version> or cargo:<crate>@<version>',
    });
  };
  let m: RegExpMatchArray | null;
  if ((m = text.match(/^npm:((?:@[^/@\s]+\/)?[^@\s]+)@(\S+)$/))) return { kind: 'npm', name: m[1]!, version: m[2]! };
  if ((m = text.match(/^pypi:([A-Za-z0-9._-]+)==(\S+)$/))) return { kind: 'pypi', name: m[1]!, version: m[2]! };
  if ((m = text.match(/^cargo:([A-Za-z0-9_-]+)@(\S+)$/))) return { kind: 'cargo', name: m[1]!, version: m[2]! };
  if (/^(npm|pypi|cargo):/.test(text)) bad('expected npm:<pkg>@<version>, pypi:<pkg>==<version> or cargo:<crate>@<version>');
  if (text.startsWith('local:')) bad('a local path (written by upstream `toolchain sync`) cannot be installed on another machine');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return bad('not a URL nor a registry package');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') bad('only http(s) URLs can be downloaded');
  const gh = url.pathname.match(/^(\/[^/]+\/[^/]+\/releases\/)(?:tag|download)\/([^/]+)\/?$/);
  if (gh) return { kind: 'release', base: `${url.origin}${gh[1]}download/${gh[2]}/` };
  if (url.pathname.endsWith('/')) return { kind: 'release', base: url.href };
  return { kind: 'url', url: url.href };
}

/** Whether one hash can serve every platform (registry packages and single URLs) or each needs its own. */
export function isPlatformSpecific(source: ToolSource): boolean {
  return source.kind === 'release' || source.kind === 'pypi';
}

export function ruleFor(info: ToolInfo, version: string, platform: PlatformKey): AssetRule | undefined {
  const v = semver.coerce(version, { loose: true });
  return info.release?.rules.find(
    (r) => (!r.versions || (v !== null && semver.satisfies(v, r.versions))) && (r.platforms ?? []).includes(platform),
  );
}

/** The words every template sees for a version: itself and its major number ("25.0" → "25", for tags like `wasi-sdk-25`). */
function versionWords(version: string): Record<string, string> {
  return { version, major: String(semver.coerce(version, { loose: true })?.major ?? version) };
}

/** Template words for a platform: the tool's vocabulary plus version, major, exe and cmd. */
function wordsFor(info: ToolInfo, version: string, platform: PlatformKey): Record<string, string> {
  return {
    ...(info.release?.words[platform] ?? {}),
    ...versionWords(version),
    exe: exeSuffix(platform),
    cmd: platform.startsWith('windows') ? '.cmd' : '',
  };
}

export function expandFor(template: string, info: ToolInfo, version: string, platform: PlatformKey): string {
  return expand(template, wordsFor(info, version, platform));
}

/** The asset a release or URL source means on `platform`. */
export function resolveAsset(tool: LockedToolchain, source: ToolSource, platform: PlatformKey): ResolvedAsset {
  const info = toolInfo(tool.tool);
  const rule = ruleFor(info, tool.version, platform);
  const words = wordsFor(info, tool.version, platform);
  const template = (r: AssetRule) => ({
    asset: expand(r.override?.[platform]?.asset ?? r.asset, words),
    bin: expand(r.override?.[platform]?.bin ?? r.bin, words),
  });
  if (source.kind === 'url') {
    const name = decodeURIComponent(new URL(source.url).pathname.split('/').pop() ?? '');
    const known = rule && template(rule);
    const format = formatOf(name);
    const bin = known?.asset === name ? known.bin : format === 'binary' ? info.binName + exeSuffix(platform) : undefined;
    return { url: source.url, name, format, bin };
  }
  if (source.kind !== 'release') throw new Error(`resolveAsset called for a ${source.kind} source`);
  if (!info.release) {
    throw new ToolSourceError(`[toolchains.${tool.tool}] points at a release directory, but run-action does not know ${tool.tool}'s asset names`, {
      location: tool.location,
      hint: 'give the full asset URL as source instead',
    });
  }
  if (!rule) {
    throw new UnsupportedPlatformError(`${tool.tool} ${tool.version} publishes no release asset for ${platform}`, {
      location: tool.location,
      hint: 'use another runner platform, or a source that provides this platform',
    });
  }
  const { asset, bin } = template(rule);
  return { url: source.base + asset, name: asset, format: formatOf(asset), bin };
}
