/** Picks the installer for a source kind. */
import type { LockedToolchain } from '../../config/model.js';
import type { ToolSource } from '../source.js';
import type { InstallContext, Installer } from './base.js';
import { CargoInstaller } from './cargo.js';
import { NpmInstaller } from './npm.js';
import { PypiInstaller } from './pypi.js';
import { ReleaseInstaller } from './release.js';

export function installerFor(tool: LockedToolchain, source: ToolSource, ctx: InstallContext): Installer {
  switch (source.kind) {
    case 'npm':
      return new NpmInstaller(tool, source, ctx);
    case 'pypi':
      return new PypiInstaller(tool, source, ctx);
    case 'cargo':
      return new CargoInstaller(tool, source, ctx);
    default:
      return new ReleaseInstaller(tool, source, ctx);
  }
}
