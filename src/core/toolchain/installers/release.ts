/** Release assets (archives or bare binaries) from a release host or a direct URL. */
import { chmod, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { PlatformKey } from '../../config/model.js';
import { extractInto } from '../../archive/extract.js';
import { ToolInstallError } from '../errors.js';
import { applyMirror } from '../mirror.js';
import { exeSuffix } from '../platform.js';
import { resolveAsset } from '../source.js';
import { Installer, type Artifact, type InstalledLayout } from './base.js';

export class ReleaseInstaller extends Installer {
  async fetch(platform: PlatformKey): Promise<Artifact> {
    const asset = resolveAsset(this.tool, this.source, platform);
    const got = await this.download(applyMirror(asset.url, this.ctx.mirror), asset.name);
    return { file: got.file, name: asset.name, url: asset.url, sha256: got.sha256 };
  }

  async install(artifact: Artifact, dir: string, platform: PlatformKey): Promise<InstalledLayout> {
    const asset = resolveAsset(this.tool, this.source, platform);
    const files = await extractInto(artifact.file, asset.format, dir, asset.bin);
    const bin = asset.bin ?? (await this.findBinary(dir, this.info.binName + exeSuffix(platform)));
    await this.requireBin(dir, bin);
    if (!platform.startsWith('windows')) await chmod(path.join(dir, bin), 0o755);
    return { bin, env: {}, files };
  }

  /** For a direct URL whose layout we do not know: the shallowest file (or link, which extraction kept inside) with the tool's name. */
  private async findBinary(dir: string, name: string): Promise<string> {
    let level = [''];
    while (level.length > 0) {
      const deeper: string[] = [];
      for (const rel of level) {
        for (const ent of await readdir(path.join(dir, rel), { withFileTypes: true })) {
          const child = rel ? `${rel}/${ent.name}` : ent.name;
          // A symlink too: release archives link the name to a versioned file (wasi-sdk's clang → clang-19).
          if ((ent.isFile() || ent.isSymbolicLink()) && ent.name === name) return child;
          if (ent.isDirectory()) deeper.push(child);
        }
      }
      level = deeper;
    }
    throw new ToolInstallError(`${this.tool.tool}: the asset contains no file named ${name}`, {
      location: this.tool.location,
      hint: 'check that `source` in run.lock.toml points at this tool\'s release asset',
    });
  }
}
