/**
 * Names accepted for a component's `language` (case-insensitive): upstream's aliases (§4.1) plus
 * our `c` and `wat`.
 */
import type { Language } from './model.js';

export const LANGUAGE_ALIASES: Readonly<Record<string, Language>> = {
  rust: 'rust',
  rs: 'rust',
  go: 'go',
  golang: 'go',
  python: 'python',
  py: 'python',
  javascript: 'javascript',
  js: 'javascript',
  typescript: 'typescript',
  ts: 'typescript',
  zig: 'zig',
  c: 'c',
  wat: 'wat',
  wasm: 'wasm',
  wasm32: 'wasm',
};

export function languageFromName(name: string): Language | undefined {
  return Object.hasOwn(LANGUAGE_ALIASES, name.toLowerCase()) ? LANGUAGE_ALIASES[name.toLowerCase()] : undefined;
}
