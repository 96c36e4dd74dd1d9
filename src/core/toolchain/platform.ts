/** The platform keys of run.lock.toml, and which one this process runs on. */
import type { PlatformKey } from '../config/model.js';
import { PLATFORM_KEYS } from '../config/lock-toml.js';
import { UnsupportedPlatformError } from './errors.js';

export function isPlatformKey(value: string): value is PlatformKey {
  return (PLATFORM_KEYS as readonly string[]).includes(value);
}

export function currentPlatform(platform: NodeJS.Platform = process.platform, arch: string = process.arch): PlatformKey {
  const os = platform === 'linux' ? 'linux' : platform === 'darwin' ? 'macos' : platform === 'win32' ? 'windows' : undefined;
  const cpu = arch === 'x64' || arch === 'arm64' ? arch : undefined;
  if (!os || !cpu) {
    throw new UnsupportedPlatformError(`toolchains are installed on linux, macos and windows (x64, arm64), not ${platform}-${arch}`, {
      hint: 'run on a supported runner, or install the tools yourself and leave run.lock.toml out of setup',
    });
  }
  return `${os}-${cpu}`;
}

export const exeSuffix = (platform: PlatformKey): string => (platform.startsWith('windows') ? '.exe' : '');
