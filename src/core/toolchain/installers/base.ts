/**
 * One installer per source kind behind a shared base (setup-node's base-distribution pattern).
 * `fetch` downloads the pinned artifact for a platform and checks any integrity the registry
 * publishes; `install` turns the verified artifact into a tool directory. Both `setup` and
 * `lock` go through `fetch`, so the hash `lock` writes is the hash `setup` checks.
 */
import { execFile } from 'node:child_process';
import { access } from 'node:fs/promises';
import path from 'node:path';
import type { LockedToolchain, PlatformKey } from '../../config/model.js';
import type { Logger } from '../../log.js';
import { downloadFile, type DownloadResult, type HttpOptions } from '../../net/download.js';
import { redactUrl } from '../../net/redact.js';
import { PACKAGE_INSTALL_TIMEOUT_MS } from '../constants.js';
import { ToolInstallError } from '../errors.js';
import type { Mirror } from '../mirror.js';
import type { ToolSource } from '../source.js';
import { expandFor } from '../source.js';
import { toolInfo, type ToolInfo } from '../tools.js';

export interface InstallContext {
  mirror: Mirror;
  http: HttpOptions;
  logger: Logger;
  /** Scratch directory for downloads; the caller removes it. */
  workDir: string;
  env: NodeJS.ProcessEnv;
}

export interface Artifact {
  file: string;
  name: string;
  url: string;
  sha256: string;
}

export interface InstalledLayout {
  /** Executable, relative to the tool directory. */
  bin: string;
  /** Environment the tool needs, `{dir}` standing for its directory. */
  env: Record<string, string>;
  /** What a package manager resolved (name@version → integrity), recorded beside the tool. */
  resolved?: Record<string, string>;
  /** The file listing, when the installer computed it while writing (else it is read back). */
  files?: Record<string, string>;
}

export abstract class Installer {
  readonly info: ToolInfo;

  constructor(
    readonly tool: LockedToolchain,
    readonly source: ToolSource,
    protected readonly ctx: InstallContext,
  ) {
    this.info = toolInfo(tool.tool);
  }

  abstract fetch(platform: PlatformKey): Promise<Artifact>;
  abstract install(artifact: Artifact, dir: string, platform: PlatformKey): Promise<InstalledLayout>;

  protected async download(url: string, name: string, sha512 = false): Promise<DownloadResult> {
    this.ctx.logger.info(`  downloading ${redactUrl(url)}`);
    const dest = path.join(this.ctx.workDir, `${this.tool.tool}-${Date.now().toString(36)}-${name}`);
    return downloadFile(url, dest, { logger: this.ctx.logger, ...this.ctx.http, sha512 });
  }

  protected expand(template: string, platform: PlatformKey): string {
    return expandFor(template, this.info, this.tool.version, platform);
  }

  /** Runs a package manager; its output goes to debug, and its last lines into the error. */
  protected run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<void> {
    this.ctx.logger.debug(`  $ ${cmd} ${args.join(' ')}`);
    return new Promise((resolve, reject) => {
      execFile(
        cmd,
        args,
        {
          cwd,
          env: { ...this.ctx.env, ...env },
          timeout: PACKAGE_INSTALL_TIMEOUT_MS,
          maxBuffer: 64 << 20,
          windowsHide: true,
          shell: process.platform === 'win32',
        },
        (err, stdout, stderr) => {
          if (stdout.trim()) this.ctx.logger.debug(stdout.trim());
          if (!err) return resolve();
          const tail = `${stderr}\n${stdout}`.trim().split('\n').slice(-12).join('\n');
          reject(
            new ToolInstallError(`installing ${this.tool.tool} ${this.tool.version}: \`${cmd} ${args.slice(0, 2).join(' ')} …\` failed: ${tail || err.message}`, {
              location: this.tool.location,
              hint: `check that ${cmd} is installed and that its registry (or the mirror) is reachable`,
            }),
          );
        },
      );
    });
  }

  protected async requireBin(dir: string, rel: string): Promise<string> {
    try {
      await access(path.join(dir, rel));
      return rel;
    } catch {
      throw new ToolInstallError(`${this.tool.tool}: the installed package has no ${rel}`, {
        location: this.tool.location,
        hint: 'the source is not the package this tool ships in; check `source` in run.lock.toml',
      });
    }
  }
}
