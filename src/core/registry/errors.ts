/**
 * One error class per way talking to a Run registry, publishing or installing can fail, so the CLI,
 * the action and the tests can tell them apart without parsing messages. None of them ever carries
 * the auth token: messages are built from names, versions, URLs and digests only.
 */
import { RunActionError, type Location } from '../errors.js';
import { NetworkError } from '../net/errors.js';
import { isRetryableStatus } from '../net/retry.js';

type Opts = { location?: Location; hint?: string; cause?: unknown };

/** The POST went silent for the configured time (a NetworkError, so it is retried like one). */
export class UploadTimeoutError extends NetworkError {}

/** A publish answer we have no specific meaning for (5xx, 429, other 4xx). 408, 429 and 5xx are retried. */
export class RegistryHttpError extends RunActionError {
  readonly retryable: boolean;
  constructor(
    readonly url: string,
    readonly status: number,
    /** The answer's Retry-After, in milliseconds. */
    readonly retryAfterMs?: number,
  ) {
    super(`the registry answered ${status} to POST ${url}`);
    this.retryable = isRetryableStatus(status);
  }
}

/** The registry's answer is not what its API promises (bad JSON, missing fields, too large). */
export class RegistryProtocolError extends RunActionError {}

/** 401: no token, an unknown token or a revoked one. */
export class AuthError extends RunActionError {
  constructor(readonly url: string) {
    super(`the registry at ${url} rejected the auth token (401)`, {
      hint: 'pass a valid token with --token, the `token` input or RUN_AUTH_TOKEN',
    });
  }
}

/** Publishing needs a token, and we know before any request that there is none. */
export class MissingTokenError extends RunActionError {
  constructor() {
    super('publishing needs an auth token and none was given', {
      hint: 'pass --token, set the `token` input or the RUN_AUTH_TOKEN environment variable',
    });
  }
}

/** 403: the token is valid but scoped to another namespace. */
export class ForbiddenNamespaceError extends RunActionError {
  constructor(readonly url: string, readonly packageName: string) {
    const ns = packageName.split(':')[0];
    super(`the token may not publish to namespace '${ns}' (403 from ${url} for ${packageName})`, {
      hint: `use a token issued for namespace '${ns}' (or the registry's admin token)`,
    });
  }
}

/** 400 on publish. Upstream answers with an empty body, so the possible causes are listed. */
export class PublishRejectedError extends RunActionError {
  constructor(readonly url: string, readonly packageName: string, readonly version: string) {
    super(`the registry at ${url} rejected ${packageName}@${version} as a bad request (400)`, {
      hint:
        'upstream registries answer 400 for a missing field, a name without exactly one ":", a version that is ' +
        'not semver (or is latest/dev/stable), a sha256 that does not match the bytes, or an upload over ' +
        'REGISTRY_MAX_UPLOAD_MB',
    });
  }
}

/** 413 from a registry that reports oversize uploads properly (upstream says 400 instead). */
export class PayloadTooLargeError extends RunActionError {
  constructor(readonly url: string, readonly packageName: string, readonly size: number) {
    super(`the registry at ${url} refused ${packageName} (${size} bytes) as too large (413)`, {
      hint: "raise the registry's REGISTRY_MAX_UPLOAD_MB or make the component smaller",
    });
  }
}

/** 409 on publish: name@version already exists. The publish flow turns it into success or a conflict. */
export class VersionExistsError extends RunActionError {
  constructor(readonly packageName: string, readonly version: string) {
    super(`${packageName}@${version} already exists in the registry (409)`);
  }
}

/** name@version is published with other bytes: versions are immutable, so this is final. */
export class PublishConflictError extends RunActionError {
  constructor(
    readonly packageName: string,
    readonly version: string,
    readonly publishedSha256: string,
    readonly localSha256: string,
    readonly diff?: string,
  ) {
    super(
      `${packageName}@${version} is already published with different bytes\n` +
        `  published sha256: ${publishedSha256}\n` +
        `  local     sha256: ${localSha256}` +
        (diff ? `\n  difference (a = published, b = local):\n${diff.replace(/^/gm, '    ')}` : ''),
      { hint: 'registry versions are immutable: bump [project].version and tag again, or rebuild reproducibly' },
    );
  }
}

/** After an upload, the bytes served back are not the bytes we sent. */
export class PostPublishMismatchError extends RunActionError {
  constructor(readonly packageName: string, readonly version: string, readonly expected: string, readonly actual: string) {
    super(`${packageName}@${version} was uploaded but the registry serves other bytes\n  sent:   ${expected}\n  served: ${actual}`, {
      hint: 'the registry or a proxy altered the artifact; do not use this version and contact the registry operator',
    });
  }
}

/** Downloaded bytes do not hash to the digest the registry (or run.lock) promised. */
export class HashMismatchError extends RunActionError {
  constructor(readonly packageName: string, readonly expected: string, readonly actual: string, opts: Opts = {}) {
    super(`hash mismatch for ${packageName}: expected ${expected}, got ${actual}`, opts);
  }
}

/** The registry's digest for a locked version differs from the one in run.lock. */
export class LockedDigestMismatchError extends RunActionError {
  constructor(readonly packageName: string, readonly version: string, readonly locked: string, readonly registry: string, lockFile: string) {
    super(`${packageName}@${version} changed in the registry since it was locked\n  run.lock: ${locked}\n  registry: ${registry}`, {
      location: { file: lockFile },
      hint: 'a published version must never change; if you trust the new bytes, delete its entry from run.lock and install again',
    });
  }
}

export class PackageNotFoundError extends RunActionError {
  constructor(readonly packageName: string, readonly version: string | undefined, url: string) {
    super(`package ${packageName}${version ? `@${version}` : ''} not found in the registry at ${url}`);
  }
}

export class NoMatchingVersionError extends RunActionError {
  constructor(readonly packageName: string, readonly requirement: string, readonly available: string[], location?: Location) {
    super(
      `no version of ${packageName} satisfies '${requirement}' (available: ${available.length ? available.join(', ') : 'none'})`,
      { location, hint: 'change the requirement in run.toml [dependencies]' },
    );
  }
}

/** Two packages need incompatible versions of a third; resolution does not backtrack. */
export class DependencyConflictError extends RunActionError {
  constructor(readonly packageName: string, readonly chosen: string, readonly requirement: string, readonly requiredBy: string) {
    super(`${requiredBy} needs ${packageName} '${requirement}' but ${packageName}@${chosen} was already chosen`, {
      hint: 'align the version requirements in run.toml [dependencies]',
    });
  }
}

export class InvalidPackageNameError extends RunActionError {
  constructor(readonly packageName: string, location?: Location) {
    super(`invalid package name '${packageName}': it must be <namespace>:<name> with exactly one ':'`, { location });
  }
}

export class InvalidVersionError extends RunActionError {
  constructor(readonly version: string, location?: Location) {
    super(`invalid version '${version}': it must be semver 2.0 (e.g. 1.2.3), not latest/dev/stable`, { location });
  }
}

export class InvalidRequirementError extends RunActionError {
  constructor(readonly requirement: string, location?: Location, why = 'not a valid semver requirement') {
    super(`invalid version requirement '${requirement}': ${why}`, {
      location,
      hint: "use Cargo-style requirements: '1.2.3' (= ^1.2.3), '=1.2.3', '~1.2', '>=1.2, <2', '*'",
    });
  }
}

/** The artifact to publish is not a WebAssembly component (a core module, or not wasm at all). */
export class NotAComponentError extends RunActionError {}

/** A component lacks one of the proofs publishing requires (built, tested, verified in this run). */
export class UnprovenComponentError extends RunActionError {
  constructor(readonly failures: Array<{ component: string; check: 'build' | 'tests' | 'verification' }>) {
    const what = { build: 'was not built', tests: 'did not pass its tests', verification: 'was not verified' };
    super(`refusing to publish: ${failures.map((f) => `${f.component} ${what[f.check]} in this run`).join('; ')}`, {
      hint: 'only components built, tested and verified in the same run are published; fix the failing check first',
    });
  }
}

/** Publishing runs only on a `refs/tags/v<semver>` ref. */
export class NotOnTagError extends RunActionError {}

/** Publishing never runs for pull requests (their code is not yet reviewed and tokens must not reach it). */
export class PublishOnPullRequestError extends RunActionError {}

export class TagVersionMismatchError extends RunActionError {
  constructor(readonly tag: string, readonly projectVersion: string, runToml: string) {
    super(`tag ${tag} says version ${tag.replace(/^v/, '')} but run.toml says version ${projectVersion}`, {
      location: { file: runToml },
      hint: `set [project].version = "${tag.replace(/^v/, '')}" in run.toml, or tag v${projectVersion}`,
    });
  }
}

/** run.lock exists but cannot be read (permissions, a directory in its place). */
export class LockfileReadError extends RunActionError {}

/** run.lock is not in upstream's format. */
export class LockfileSyntaxError extends RunActionError {}

/** run.lock's checksum does not match its content: it was edited by hand or damaged. */
export class LockfileChecksumError extends RunActionError {
  constructor(readonly expected: string, readonly actual: string, location: Location) {
    super(`run.lock checksum mismatch: the file says ${expected} but its content hashes to ${actual}`, {
      location,
      hint: 'run.lock must not be edited by hand; delete it and run `run-action install` to write it again',
    });
  }
}
