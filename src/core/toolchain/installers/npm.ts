/**
 * `npm:<pkg>@<version>`: the package tarball is downloaded by our downloader and checked against
 * the pinned sha256 and the registry's integrity; npm then installs it with its dependencies into
 * the tool directory (checking each dependency's registry integrity), and the package-lock it
 * writes is the resolved tree we record.
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PlatformKey } from '../../config/model.js';
import { DEFAULT_HTTP } from '../../net/constants.js';
import { fetchJson } from '../../net/download.js';
import { redactUrl } from '../../net/redact.js';
import { DEFAULT_REGISTRIES } from '../constants.js';
import { HashMismatchError, ToolSourceError } from '../errors.js';
import { Installer, type Artifact, type InstalledLayout } from './base.js';

interface Packument {
  versions?: Record<string, { dist?: { tarball?: string; integrity?: string; shasum?: string } }>;
}

export class NpmInstaller extends Installer {
  private get pkg(): { name: string; version: string } {
    if (this.source.kind !== 'npm') throw new Error('NpmInstaller needs an npm source');
    return this.source;
  }

  async fetch(_platform: PlatformKey): Promise<Artifact> {
    const { name, version } = this.pkg;
    const registry = this.ctx.mirror.npm;
    const doc = await fetchJson<Packument>(registry + name.replace('/', '%2f'), { logger: this.ctx.logger, ...this.ctx.http });
    const dist = doc.versions?.[version]?.dist;
    if (!dist?.tarball) {
      throw new ToolSourceError(`npm package ${name}@${version} is not in the registry ${redactUrl(registry)}`, {
        location: this.tool.location,
        hint: 'check the package name and version in `source` (or that the npm mirror has it)',
      });
    }
    // Packuments name the public registry; behind a mirror the tarball comes from the mirror too.
    const tarball = dist.tarball.startsWith(DEFAULT_REGISTRIES.npm) ? registry + dist.tarball.slice(DEFAULT_REGISTRIES.npm.length) : dist.tarball;
    const got = await this.download(tarball, `${name.replace('/', '-')}-${version}.tgz`, true);
    const [algo, want] = (dist.integrity ?? '').split('-', 2);
    const actual = algo === 'sha512' ? got.sha512 : algo ? createHash(algo).update(await readFile(got.file)).digest('base64') : undefined;
    if (want && actual !== want) {
      throw new HashMismatchError(`npm package ${name}@${version}: the tarball does not match the registry integrity ${dist.integrity}`, {
        location: this.tool.location,
        hint: 'the registry or mirror served other bytes than it lists; do not use this download',
      });
    }
    return { file: got.file, name: path.basename(got.file), url: dist.tarball, sha256: got.sha256 };
  }

  async install(artifact: Artifact, dir: string, platform: PlatformKey): Promise<InstalledLayout> {
    await writeFile(path.join(dir, 'package.json'), `${JSON.stringify({ private: true, description: `${this.tool.tool} installed by run-action` })}\n`);
    // npm fetches the dependencies itself: give it our retry and timeout settings.
    const http = { ...DEFAULT_HTTP, ...this.ctx.http };
    await this.run(
      'npm',
      [
        'install',
        '--prefix',
        dir,
        '--no-audit',
        '--no-fund',
        '--ignore-scripts',
        '--no-update-notifier',
        '--registry',
        this.ctx.mirror.npm,
        `--fetch-retries=${http.attempts - 1}`,
        `--fetch-retry-mintimeout=${http.backoffMs}`,
        `--fetch-retry-maxtimeout=${http.maxBackoffMs}`,
        `--fetch-timeout=${http.readTimeoutMs}`,
        artifact.file,
      ],
      dir,
    );
    const bin = await this.requireBin(dir, this.expand(this.info.npmBin ?? `node_modules/.bin/${this.info.binName}{cmd}`, platform));
    const lock = JSON.parse(await readFile(path.join(dir, 'package-lock.json'), 'utf8')) as {
      packages?: Record<string, { version?: string; integrity?: string; resolved?: string }>;
    };
    const resolved: Record<string, string> = {};
    for (const [where, p] of Object.entries(lock.packages ?? {})) {
      if (where === '') continue;
      resolved[`${where.replace(/^.*node_modules\//, '')}@${p.version ?? '?'}`] = p.integrity ?? `sha256-${artifact.sha256}`;
    }
    return { bin, env: {}, resolved };
  }
}
