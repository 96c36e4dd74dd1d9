/**
 * Idempotent publishing by digest. Every component is checked before anything is uploaded:
 * its proof (built, tested, verified in this run), then the registry's record of name@version —
 * absent: upload it, download it back and compare bytes; same sha256: nothing to do; other sha256:
 * fail with both digests. An upload that fails on the way is retried only after asking the
 * registry whether it landed, so a cut connection can never leave a duplicate or a half-state.
 */
import { readFile } from 'node:fs/promises';
import type { Logger } from '../log.js';
import { explainDifference } from '../verify/explain.js';
import { formatExplanation } from '../verify/explain-format.js';
import { NetworkError } from '../net/errors.js';
import { withRetries } from '../net/retry.js';
import type { PackageUpload, RegistryClient } from './client.js';
import {
  HashMismatchError,
  MissingTokenError,
  PostPublishMismatchError,
  PublishConflictError,
  RegistryHttpError,
  UnprovenComponentError,
  VersionExistsError,
} from './errors.js';
import type { PackageMetadata } from './metadata.js';
import { checkVersion, namespaceOf } from './naming.js';
import type { PlannedComponent, PublishPlan } from './plan.js';

export type PublishAction =
  | 'published' // uploaded now and read back identical
  | 'unchanged' // already published with the same sha256: nothing uploaded
  | 'would-publish' // dry run: would be uploaded
  | 'would-skip'; // dry run: already published with the same sha256

export interface PublishedComponent {
  component: string;
  name: string;
  version: string;
  sha256: string;
  size: number;
  action: PublishAction;
  /** Where the registry serves it (absent for would-publish). */
  downloadUrl?: string;
}

export interface PublishOptions {
  dryRun?: boolean;
  /**
   * Explains how the published and the local artifact differ; its text is added to the conflict
   * error. Default: the reproducibility check's structural diff (src/core/verify).
   */
  describeDifference?: (published: Uint8Array, local: Uint8Array) => Promise<string | undefined>;
}

export async function publishComponents(
  plan: PublishPlan,
  client: RegistryClient,
  logger: Logger,
  options: PublishOptions = {},
): Promise<PublishedComponent[]> {
  checkProofs(plan.components, logger);
  for (const c of plan.components) {
    namespaceOf(c.name);
    checkVersion(c.version);
  }
  if (!options.dryRun && !client.hasToken) throw new MissingTokenError();

  // Look everything up first: a conflict on the third component must not leave the first two published.
  const existing = new Map<PlannedComponent, PackageMetadata | undefined>();
  for (const c of plan.components) {
    const meta = await client.metadata(c.name, c.version);
    if (meta && meta.sha256 !== c.sha256) throw await conflict(c, meta, client, logger, options);
    existing.set(c, meta);
  }

  const results: PublishedComponent[] = [];
  for (const c of plan.components) {
    const meta = existing.get(c);
    const base = { component: c.component, name: c.name, version: c.version, sha256: c.sha256, size: c.size };
    if (options.dryRun) {
      logger.info(
        meta
          ? `would skip ${c.name}@${c.version}: already published with the same sha256 ${c.sha256}`
          : `would publish ${c.name}@${c.version} to ${plan.registryUrl}: ${c.source} (${c.size} bytes, sha256 ${c.sha256}), ` +
              `description ${JSON.stringify(c.description)}, license ${c.license ?? '(none)'}, repository ${c.repository ?? '(none)'}`,
      );
      results.push({ ...base, action: meta ? 'would-skip' : 'would-publish', downloadUrl: meta?.downloadUrl });
      continue;
    }
    if (meta) {
      logger.info(`${c.name}@${c.version} is already published with the same sha256 ${c.sha256}: nothing to upload`);
      results.push({ ...base, action: 'unchanged', downloadUrl: meta.downloadUrl });
      continue;
    }
    const outcome = await uploadOnce(c, client, logger, options);
    const published = await readBack(c, client);
    logger.info(
      outcome === 'uploaded'
        ? `published ${c.name}@${c.version} (sha256 ${c.sha256}, ${c.size} bytes), read back identical`
        : `${c.name}@${c.version} was published by an interrupted attempt (sha256 ${c.sha256}), read back identical`,
    );
    results.push({ ...base, action: 'published', downloadUrl: published.downloadUrl });
  }
  return results;
}

/** Refuses, naming every failed check of every component, before any network activity. */
function checkProofs(components: PlannedComponent[], logger: Logger): void {
  const failures: ConstructorParameters<typeof UnprovenComponentError>[0] = [];
  for (const c of components) {
    if (!c.proof.built) failures.push({ component: c.component, check: 'build' });
    if (!c.proof.testsPassed) failures.push({ component: c.component, check: 'tests' });
    if (c.proof.verified === false) failures.push({ component: c.component, check: 'verification' });
    if (c.proof.verified === 'skipped') logger.warn(`verification was skipped for ${c.component}: publishing on build and tests alone`);
  }
  if (failures.length) throw new UnprovenComponentError(failures);
}

function uploadOf(c: PlannedComponent): PackageUpload {
  return {
    name: c.name,
    version: c.version,
    description: c.description,
    license: c.license,
    repository: c.repository,
    sha256: c.sha256,
    file: c.file,
  };
}

const retryable = (err: unknown) => err instanceof NetworkError || (err instanceof RegistryHttpError && err.retryable);

/**
 * Uploads c exactly once. After a failure worth retrying, it waits, asks the registry for
 * name@version, and only re-sends when the registry still does not have it. A 409 means some
 * attempt (ours, cut before the answer, or a concurrent job) landed: same digest is success.
 */
async function uploadOnce(
  c: PlannedComponent,
  client: RegistryClient,
  logger: Logger,
  options: PublishOptions,
): Promise<'uploaded' | 'landed'> {
  const attempt = async () => {
    await client.publish(uploadOf(c));
    return 'uploaded' as const;
  };
  try {
    return await withRetries<'uploaded' | 'landed'>(attempt, client.retry, {
      retryable,
      retryAfterMs: (err) => (err instanceof RegistryHttpError ? err.retryAfterMs : undefined),
      onRetry: (err, delay, next) =>
        logger.warn(`${(err as Error).message}; checking whether the upload landed, then retrying in ${(delay / 1000).toFixed(1)} s (attempt ${next} of ${client.retry.attempts})`),
      beforeRetry: async (err) => {
        const meta = await client.metadata(c.name, c.version);
        return meta ? landedOrConflict(c, client, logger, options, meta, err) : undefined;
      },
    });
  } catch (err) {
    if (err instanceof VersionExistsError) return landedOrConflict(c, client, logger, options, await client.metadata(c.name, c.version), err);
    throw err;
  }
}

async function landedOrConflict(
  c: PlannedComponent,
  client: RegistryClient,
  logger: Logger,
  options: PublishOptions,
  meta: PackageMetadata | undefined,
  cause: unknown,
): Promise<'landed'> {
  if (!meta) throw cause; // 409 yet absent: the registry contradicts itself; report what it said
  if (meta.sha256 !== c.sha256) throw await conflict(c, meta, client, logger, options);
  return 'landed';
}

async function conflict(
  c: PlannedComponent,
  meta: PackageMetadata,
  client: RegistryClient,
  logger: Logger,
  options: PublishOptions,
): Promise<PublishConflictError> {
  let diff: string | undefined;
  try {
    diff = await (options.describeDifference ?? structuralDiff)(await client.download(meta), await localBytes(c));
  } catch (err) {
    // The digests alone make the error; the diff is a bonus (the artifact may not be readable wasm).
    logger.debug(`no structural diff for ${c.name}@${c.version}: ${(err as Error).message}`);
  }
  return new PublishConflictError(c.name, c.version, meta.sha256, c.sha256, diff);
}

/** Downloads what the registry now serves for c and compares it byte for byte with what was sent. */
async function readBack(c: PlannedComponent, client: RegistryClient): Promise<PackageMetadata> {
  const meta = await client.metadata(c.name, c.version);
  if (!meta || meta.sha256 !== c.sha256) throw new PostPublishMismatchError(c.name, c.version, c.sha256, meta?.sha256 ?? '(not found after upload)');
  let served: Uint8Array;
  try {
    served = await client.download(meta);
  } catch (err) {
    if (err instanceof HashMismatchError) throw new PostPublishMismatchError(c.name, c.version, c.sha256, err.actual);
    throw err;
  }
  const local = await localBytes(c);
  if (Buffer.compare(Buffer.from(served.buffer, served.byteOffset, served.byteLength), local) !== 0) {
    throw new PostPublishMismatchError(c.name, c.version, c.sha256, `${served.length} bytes that differ from the ${local.length} sent`);
  }
  return meta;
}

async function structuralDiff(published: Uint8Array, local: Uint8Array): Promise<string> {
  return formatExplanation(explainDifference(published, local, { labels: ['published', 'local'], maxItems: 5 }));
}

async function localBytes(c: PlannedComponent): Promise<Buffer> {
  return 'bytes' in c.file ? Buffer.from(c.file.bytes) : readFile(c.file.path);
}
