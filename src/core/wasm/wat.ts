/**
 * WAT text → binary with jco-transpile's in-process wasm-tools (loaded on first use). A syntax error
 * becomes a WatSyntaxError located at the file, line and column wast reports.
 */
import { RunActionError } from '../errors.js';

export class WatSyntaxError extends RunActionError {}

type WasmTools = typeof import('@bytecodealliance/jco-transpile/wasm-tools');
let tools: Promise<WasmTools> | undefined;

/** jco's wasm-tools, imported once per process (it compiles ~2.4 MB of wasm). */
export function wasmTools(): Promise<WasmTools> {
  tools ??= import('@bytecodealliance/jco-transpile/wasm-tools');
  return tools;
}

/** jco's wasm-tools throws a ComponentError whose `payload` is the Rust error chain. */
export function jcoMessage(err: unknown): string {
  const e = err as { payload?: unknown; message?: string };
  return String(typeof e.payload === 'string' ? e.payload : (e.message ?? err)).trim();
}

export async function compileWat(text: string, file: string): Promise<Uint8Array> {
  try {
    return await (await wasmTools()).parse(text);
  } catch (err) {
    const { message, line, col } = watError(jcoMessage(err));
    throw new WatSyntaxError(`cannot compile ${file}: ${message}`, {
      location: { file, ...(line ? { line, col } : {}) },
      hint: 'fix the WAT text (a core module or a component)',
    });
  }
}

/**
 * jco's parse reports wast's error in Rust debug form: `Text { line: 1, col: 22, snippet: "…" }`
 * (0-based) and `kind: Custom("unknown operator …")`; made readable, 1-based.
 */
function watError(raw: string): { message: string; line?: number; col?: number } {
  const pos = /line: (\d+), col: (\d+), snippet: "((?:[^"\\]|\\.)*)"/.exec(raw);
  const kind = /kind: \w+\("((?:[^"\\]|\\.)*)"\)/.exec(raw);
  if (!pos) return { message: raw };
  const line = Number(pos[1]) + 1;
  const col = Number(pos[2]) + 1;
  const unescape = (s: string) => s.replace(/\\(.)/g, '$1');
  return { message: `${kind ? unescape(kind[1]!) : raw} at line ${line}, column ${col}: ${unescape(pos[3]!).trim()}`, line, col };
}
