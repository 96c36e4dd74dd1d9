/**
 * The sha256 run.lock.toml pins for a tool on a platform, and the exact line to add when there is
 * none. Missing, empty and placeholder values (see isPlaceholderHash) all fail closed.
 */
import type { LockedToolchain, PlatformKey } from '../config/model.js';
import { isPlaceholderHash } from '../config/lock-toml.js';
import { UnpinnedToolError } from './errors.js';

/** `why` says, for a missing pin, what is wrong with what is written. */
export interface Pin {
  hash: string | undefined;
  why: string;
}


export function pinFor(tool: LockedToolchain, platform: PlatformKey): Pin {
  const value = tool.sha256;
  if (value === undefined) return { hash: undefined, why: 'no sha256' };
  const text = typeof value === 'string' ? value : value[platform];
  const where = typeof value === 'string' ? 'sha256' : `sha256.${platform}`;
  if (text === undefined) return { hash: undefined, why: `no sha256 for ${platform}` };
  if (text.trim() === '') return { hash: undefined, why: `${where} is empty` };
  if (isPlaceholderHash(text.trim())) return { hash: undefined, why: `${where} = ${JSON.stringify(text)} is a placeholder, not a sha256` };
  return { hash: text.trim().toLowerCase(), why: '' };
}

/** The line that pins `hash`, in the form the tool's entry already uses. */
export function pinLine(tool: LockedToolchain, platform: PlatformKey, hash: string, platformSpecific: boolean): string {
  if (typeof tool.sha256 === 'object') return `${platform} = "${hash}"   (in the sha256 table of [toolchains.${tool.tool}])`;
  return platformSpecific ? `sha256 = { ${platform} = "${hash}" }` : `sha256 = "${hash}"`;
}

export function unpinnedError(tool: LockedToolchain, platform: PlatformKey, why: string, computed: string, platformSpecific: boolean): UnpinnedToolError {
  return new UnpinnedToolError(
    `refusing to install ${tool.tool} ${tool.version}: ${why} in run.lock.toml; the downloaded asset has sha256 ${computed}`,
    {
      location: tool.location,
      hint: `if you trust this download, add under [toolchains.${tool.tool}]:\n    ${pinLine(tool, platform, computed, platformSpecific)}\n  or run \`run-action lock\` to fill in every hash (or pass allow-unpinned to install anyway)`,
    },
  );
}
