/**
 * `run-action info <file.wasm|.wat|component>`: upstream's File/Size/Type lines, then the
 * component's WIT world as wasm-tools prints it.
 */
import { loadRunConfig } from '../../core/config/run-toml.js';
import { loadTarget } from '../../core/exec/artifact.js';
import { RunActionError } from '../../core/errors.js';
import { wasmHeader, wasmLayer } from '../../core/wasm/header.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from '../command.js';

export class NotAComponentError extends RunActionError {}

export const info: Command = {
  name: 'info',
  summary: "print a component's size, kind and WIT world (imports and exports)",
  usage: 'run-action info <file.wasm|file.wat|component-name> [-C dir]',
  flags: {},
  async run(args, ctx) {
    const target = args.positionals[0];
    if (!target) throw new RunActionError('missing target', { hint: this.usage });
    const config = existsSync(join(ctx.cwd, 'run.toml')) ? await loadRunConfig(ctx.cwd) : undefined;
    const { artifact } = await loadTarget(target, ctx.cwd, config);
    const bytes = artifact.bytes;
    if (!wasmHeader(bytes)) throw new NotAComponentError(`${artifact.file} is not a WebAssembly binary`, { location: { file: artifact.file }, hint: 'give a .wasm component (or a .wat text)' });
    const isComponent = wasmLayer(bytes) === 'component';
    ctx.out(`File: ${artifact.file}`);
    ctx.out(`Size: ${bytes.length} bytes`);
    ctx.out(`Type: ${isComponent ? 'WASI component' : 'WASM module'}`);
    ctx.out(`SHA-256: ${artifact.sha256}`);
    if (!isComponent) {
      ctx.logger.warn(`${artifact.file} is a core module, not a component; wrap it with \`run-action build\` (language = "wasm") or \`wasm-tools component new\``);
      return 0;
    }
    const { componentWit } = await import('@bytecodealliance/jco-transpile/wasm-tools');
    ctx.out('');
    ctx.out((await componentWit(bytes)).trimEnd());
    return 0;
  },
};
