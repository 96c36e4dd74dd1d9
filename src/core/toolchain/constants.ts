/** Names and defaults of the toolchain stage, in one place. */

/** Bump to orphan every cache entry when the layout of an installed tool changes. */
export const CACHE_KEY_PREFIX = 'run-action-toolchain-v1';

/** Written last into an installed tool directory: its completion mark and its file list. */
export const MANIFEST_FILE = '.run-action-tool.json';

export const DEFAULT_REGISTRIES = {
  npm: 'https://registry.npmjs.org/',
  pypi: 'https://pypi.org/simple/',
  cargo: 'https://static.crates.io/crates/',
} as const;

/** Where the CLI keeps installed tools between runs (the action uses RUNNER_TOOL_CACHE). */
export const TOOL_CACHE_ENV = 'RUN_ACTION_TOOL_CACHE';

/** How long a version command may take before we call the tool broken. */
export const VERSION_COMMAND_TIMEOUT_MS = 60_000;

/** npm, pip and cargo installs can compile or fetch a lot; bound them all the same. */
export const PACKAGE_INSTALL_TIMEOUT_MS = 15 * 60_000;
