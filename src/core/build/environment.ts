/**
 * The environment every toolchain call gets: the caller's environment scrubbed down to an
 * allowlist (so no token or secret reaches a build, and nothing host-specific such as LANG or
 * GOFLAGS changes the output), plus the reproducible settings — SOURCE_DATE_EPOCH, TZ, LC_ALL and
 * RUSTFLAGS from run.lock.toml's [build] (or run.toml, or upstream's defaults), PYTHONHASHSEED=0 —
 * and any further variables the lock pins. Per-language remapping (--remap-path-prefix, -trimpath,
 * -ffile-prefix-map) lives in the builder table; all of it is printed in the build log.
 */
import type { BuildSettings, ToolchainLock } from '../config/model.js';
import { redactUrl } from '../net/redact.js';
import { buildEnvFromLock } from '../toolchain/build-env.js';

/** Passed through from the caller: where tools, their caches and certificates live. */
const PASS_THROUGH = [
  'PATH',
  'HOME',
  'TMPDIR',
  'TMP',
  'TEMP',
  // Windows cannot start processes without these.
  'SystemRoot',
  'SYSTEMROOT',
  'ComSpec',
  'PATHEXT',
  'WINDIR',
  'USERPROFILE',
  'LOCALAPPDATA',
  'APPDATA',
  // Toolchain homes and caches (contents are verified by the tools themselves).
  'CARGO_HOME',
  'RUSTUP_HOME',
  'GOPATH',
  'GOCACHE',
  'GOMODCACHE',
  'GOPROXY',
  'GOPRIVATE',
  'GONOSUMDB',
  'GOINSECURE',
  'XDG_CACHE_HOME',
  'ZIG_GLOBAL_CACHE_DIR',
  'PYENV_ROOT',
  'PYENV_VERSION',
  'npm_config_cache',
  // Dependency downloads behind a corporate proxy or CA.
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  'NODE_EXTRA_CA_CERTS',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
  'http_proxy',
  'https_proxy',
  'no_proxy',
];

/** Upstream's `toolchain sync` defaults, used when there is no run.lock.toml. */
const DEFAULTS = { TZ: 'UTC', LC_ALL: 'C', RUSTFLAGS: '-C debuginfo=0 -C link-arg=-s' };

/** Set for every tool regardless of the lock: hash seeds, bytecode files, user site-packages. */
const FIXED: Record<string, string> = {
  PYTHONHASHSEED: '0',
  PYTHONDONTWRITEBYTECODE: '1',
  PYTHONNOUSERSITE: '1',
};

/** `scheme://user:password@host` carries a credential; such a value is never passed on. */
const CREDENTIAL_URL = /[a-z][a-z0-9+.-]*:\/\/[^/\s@]+@/i;

export interface BuildEnvironment {
  /** The variables every toolchain call starts from. */
  vars: Record<string, string>;
  sourceDateEpoch: number;
  /** The lock's (or default) RUSTFLAGS; the Rust builders append path remapping. */
  rustflags: string;
  /** The log: what is set and why, what passed through, and the names (never values) removed. */
  describe: string[];
  warnings: string[];
}

export function buildEnvironment(caller: NodeJS.ProcessEnv, settings: BuildSettings, lock: ToolchainLock | undefined): BuildEnvironment {
  const warnings: string[] = [];
  const vars: Record<string, string> = {};
  const passed: string[] = [];
  const withheld: string[] = [];
  for (const name of PASS_THROUGH) {
    const value = caller[name];
    if (value === undefined) continue;
    if (CREDENTIAL_URL.test(value)) {
      withheld.push(name);
      warnings.push(`${name} holds a URL with credentials, so it is not passed to builds; pin it in run.lock.toml [build] if a build really needs it`);
      continue;
    }
    vars[name] = value;
    passed.push(`${name}=${/PROXY/i.test(name) ? redactUrl(value) : value}`);
  }
  const removed = Object.keys(caller)
    .filter((k) => caller[k] !== undefined && !(k in vars))
    .sort();

  const pinned = lock ? buildEnvFromLock(lock) : undefined;
  let epoch: number;
  let epochFrom: string;
  if (lock) {
    epoch = lock.build.SOURCE_DATE_EPOCH;
    epochFrom = 'from run.lock.toml [build]';
    if (settings.sourceDateEpoch !== undefined && settings.sourceDateEpoch !== epoch) {
      warnings.push(`run.toml [build] source_date_epoch = ${settings.sourceDateEpoch} differs from run.lock.toml SOURCE_DATE_EPOCH = ${epoch}; the lock wins`);
    }
  } else if (settings.sourceDateEpoch !== undefined) {
    epoch = settings.sourceDateEpoch;
    epochFrom = 'from run.toml [build] source_date_epoch';
  } else if (caller.SOURCE_DATE_EPOCH !== undefined && /^\d+$/.test(caller.SOURCE_DATE_EPOCH)) {
    epoch = Number(caller.SOURCE_DATE_EPOCH);
    epochFrom = 'from the caller\'s SOURCE_DATE_EPOCH';
  } else {
    epoch = 0;
    epochFrom = 'default: neither run.lock.toml [build] nor run.toml source_date_epoch sets it';
  }
  const set: Record<string, string> = {
    ...FIXED,
    ...(pinned ?? { TZ: DEFAULTS.TZ, LC_ALL: DEFAULTS.LC_ALL }),
    SOURCE_DATE_EPOCH: String(epoch),
  };
  const rustflags = pinned?.RUSTFLAGS ?? DEFAULTS.RUSTFLAGS;
  delete set.RUSTFLAGS; // only the Rust builders get it, with remapping appended
  Object.assign(vars, set);

  const describe = [
    `SOURCE_DATE_EPOCH=${epoch} (${epochFrom})`,
    ...Object.entries(set)
      .filter(([k]) => k !== 'SOURCE_DATE_EPOCH')
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${k}=${v}${pinned && k in pinned ? ' (run.lock.toml)' : ''}`),
    `RUSTFLAGS base: ${rustflags} (${pinned ? 'run.lock.toml' : 'default'}; Rust builds append --remap-path-prefix)`,
    `passed through: ${passed.join(' ') || '(nothing)'}`,
    `removed from the environment: ${removed.length} variable${removed.length === 1 ? '' : 's'}${removed.length ? ` (${removed.join(', ')})` : ''}`,
  ];
  if (withheld.length) describe.push(`withheld (credentials in the value): ${withheld.join(', ')}`);
  return { vars, sourceDateEpoch: epoch, rustflags, describe, warnings };
}
