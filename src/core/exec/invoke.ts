/**
 * One component, ready to call by name with typed values: its WIT world (read from the binary),
 * an engine session (transpiled, compiled once; every call a fresh instance, together with the
 * components it is linked to), and the conversions between typed values and jco's JS values.
 * `exec` and `test` both go through here.
 */
import { openComponent, type ComponentSession } from '../engine/index.js';
import type { CallOutcome, HostConfig, Limits } from '../engine/types.js';
import { RunActionError } from '../errors.js';
import { fromJs, toJs } from '../values/jco-values.js';
import type { Val } from '../values/model.js';
import type { World } from '../wit/model.js';
import { resolveFunction, type ResolvedFunction } from '../wit/resolve-function.js';
import type { LinkedApp } from '../compose/linked-app.js';
import type { Artifact } from './artifact.js';

export class UnsupportedCallError extends RunActionError {}
export class NoEntryPointError extends RunActionError {}

export interface InvokeResult {
  outcome: CallOutcome;
  /** The typed return value when the call succeeded (unit for a function without a result). */
  value?: Val;
}

const CLI_RUN = /^wasi:cli\/run(@[^#]*)?$/;

export class ComponentRunner {
  private constructor(
    readonly artifact: Artifact,
    readonly world: World,
    private readonly session: ComponentSession,
  ) {}

  /** Opens the app's last component, with the components it links to instantiated first for every call. */
  static async open(app: LinkedApp, options: { cacheDir: string; limits?: Partial<Limits> }): Promise<ComponentRunner> {
    const { artifact, world, links, name } = app.app;
    const session = await openComponent({
      bytes: artifact.bytes,
      file: artifact.file,
      name,
      links,
      providers: app.components.slice(0, -1).map((c) => ({ name: c.name, bytes: c.artifact.bytes, file: c.artifact.file, links: c.links })),
      cacheDir: options.cacheDir,
      limits: options.limits ?? {},
    });
    return new ComponentRunner(artifact, world, session);
  }

  resolve(name: string): ResolvedFunction {
    const resolved = resolveFunction(this.world, name);
    if (resolved.func.kind !== 'freestanding' || resolved.jcoPath.length > 2) {
      throw new UnsupportedCallError(`${resolved.qualifiedName} is a resource function; only freestanding functions can be called`, {
        hint: 'export a freestanding wrapper function for it',
      });
    }
    return resolved;
  }

  /** True when the component is a command (exports wasi:cli/run). */
  get isCommand(): boolean {
    return this.world.exports.some((e) => e.kind === 'interface' && CLI_RUN.test(e.name));
  }

  async call(fn: ResolvedFunction, args: Val[], host: HostConfig, timeoutMs?: number): Promise<InvokeResult> {
    const jsArgs = fn.func.params.map((p, i) => toJs(args[i]!, p.type));
    const outcome = await this.session.call({
      path: fn.jcoPath as [string] | [string, string],
      args: jsArgs,
      host,
      resultIsResult: fn.func.result?.kind === 'result',
      ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    });
    if (outcome.class !== 'ok' || outcome.exited) return { outcome };
    const value: Val = fn.func.result ? (fromJs(outcome.value, fn.func.result) ?? { kind: 'unit' }) : { kind: 'unit' };
    return { outcome, value };
  }

  /** Runs a command's `wasi:cli/run#run`. */
  async run(host: HostConfig, timeoutMs?: number): Promise<CallOutcome> {
    if (!this.isCommand) {
      const fns = this.world.exports.map((e) => e.name);
      throw new NoEntryPointError(`${this.artifact.file} has no CLI entry point (wasi:cli/run)`, {
        hint: fns.length ? `call one of its exports with --call '<fn>(…)' or --function: ${fns.join(', ')}` : 'the component exports nothing',
      });
    }
    return this.session.run({ host, ...(timeoutMs !== undefined ? { timeoutMs } : {}) });
  }

  close(): Promise<void> {
    return this.session.close();
  }
}
