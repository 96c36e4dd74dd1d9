/**
 * `cargo:<crate>@<version>`: the .crate file is downloaded by our downloader and checked against
 * the pinned sha256 (the same digest crates.io's index lists as `cksum`), extracted by our archive
 * reader, and built with `cargo install --locked`, so dependencies come from the crate's own
 * Cargo.lock with their registry checksums. That lock is the resolved tree we record.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { PlatformKey } from '../../config/model.js';
import { extractInto } from '../../archive/extract.js';
import { Installer, type Artifact, type InstalledLayout } from './base.js';

export class CargoInstaller extends Installer {
  private get crate(): { name: string; version: string } {
    if (this.source.kind !== 'cargo') throw new Error('CargoInstaller needs a cargo source');
    return this.source;
  }

  async fetch(_platform: PlatformKey): Promise<Artifact> {
    const { name, version } = this.crate;
    const fileName = `${name}-${version}.crate`;
    const url = `${this.ctx.mirror.cargo}${name}/${fileName}`;
    const got = await this.download(url, fileName);
    return { file: got.file, name: fileName, url, sha256: got.sha256 };
  }

  async install(artifact: Artifact, dir: string, platform: PlatformKey): Promise<InstalledLayout> {
    const { name, version } = this.crate;
    const src = path.join(this.ctx.workDir, `${name}-src`);
    await mkdir(src, { recursive: true });
    await extractInto(artifact.file, 'tar.gz', src);
    const crateDir = path.join(src, `${name}-${version}`);
    await this.run('cargo', ['install', '--locked', '--path', crateDir, '--root', dir, '--quiet'], crateDir, {
      CARGO_TARGET_DIR: path.join(this.ctx.workDir, `${name}-target`),
    });
    const bin = await this.requireBin(dir, this.expand(`bin/${this.info.binName}{exe}`, platform));
    const resolved: Record<string, string> = { [`${name}@${version}`]: `sha256-${artifact.sha256}` };
    const lock = await readFile(path.join(crateDir, 'Cargo.lock'), 'utf8').catch(() => '');
    for (const m of lock.matchAll(/\[\[package\]\]\s*\nname = "([^"]+)"\s*\nversion = "([^"]+)"(?:\s*\nsource = "[^"]*")?(?:\s*\nchecksum = "([0-9a-f]+)")?/g)) {
      if (m[1] !== name) resolved[`${m[1]}@${m[2]}`] = m[3] ? `sha256-${m[3]}` : 'local';
    }
    return { bin, env: {}, resolved };
  }
}
