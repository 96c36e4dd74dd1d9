/** The toolchain stage's public API: install and verify what run.lock.toml pins, and lock it. */
export { buildEnvFromLock } from './build-env.js';
export { cacheKey, DirectoryCacheBackend, type CacheBackend } from './cache.js';
export { TOOL_CACHE_ENV } from './constants.js';
export { lockToolchains, type LockChange, type LockOptions } from './lock.js';
export { parseMirror, type Mirror } from './mirror.js';
export { currentPlatform, isPlatformKey } from './platform.js';
export { setupToolchains, toolEnvironment, type InstalledTool, type SetupOptions } from './setup.js';
