/**
 * Rewrites the sha256 of one tool in run.lock.toml text, touching only that value: comments, key
 * order and every other line stay as the user wrote them. Handles `sha256 = "…"`,
 * `sha256 = { platform = "…" }`, a `[toolchains.<tool>.sha256]` table, and a missing sha256
 * (inserted after the tool's `version` line).
 */
import { parse } from 'smol-toml';
import { PLATFORM_KEYS } from '../config/lock-toml.js';
import type { PlatformKey } from '../config/model.js';
import { TomlPositions, type Position } from '../config/toml-positions.js';
import { ToolSourceError } from './errors.js';

export type Sha256Value = string | Partial<Record<PlatformKey, string>>;

export function renderSha256(value: Sha256Value): string {
  if (typeof value === 'string') return JSON.stringify(value);
  const parts = PLATFORM_KEYS.filter((p) => value[p] !== undefined).map((p) => `${p} = ${JSON.stringify(value[p])}`);
  return `{ ${parts.join(', ')} }`;
}

export function setSha256(text: string, file: string, tool: string, value: Sha256Value): string {
  // Positions fall back to the nearest ancestor, so what exists is read from the parsed document.
  const tables = parse(text) as { toolchains?: Record<string, { sha256?: unknown; version?: unknown }> };
  const entry = tables.toolchains?.[tool];
  const current = entry?.sha256;
  const positions = new TomlPositions(text);
  const lines = lineStarts(text);
  const offset = (p: Position) => lines[p.line - 1]! + p.col - 1;
  const base = ['toolchains', tool];
  const section = positions.key(base);
  if (!section || !entry) throw new Error(`setSha256: no [toolchains.${tool}] in ${file}`);
  if (text[offset(section)] !== '[') {
    throw new ToolSourceError(`run-action lock edits [toolchains.${tool}] sections, but ${tool} is written inline`, {
      location: { file, line: section.line, col: section.col },
      hint: `rewrite it as a section:\n    [toolchains.${tool}]\n    version = "…"\n    source = "…"`,
    });
  }
  const edits: { at: number; end: number; text: string }[] = [];
  const shaKey = current === undefined ? undefined : positions.key([...base, 'sha256']);
  const shaValue = current === undefined ? undefined : positions.value([...base, 'sha256']);
  if (shaKey && shaValue && text[offset(shaKey)] === '[') {
    // A [toolchains.<tool>.sha256] table: set each platform's line, adding missing ones under the header.
    const entries = typeof value === 'string' ? {} : value;
    const headerEnd = text.indexOf('\n', offset(shaKey));
    for (const p of PLATFORM_KEYS) {
      const hash = entries[p];
      if (hash === undefined) continue;
      const at = p in (current as object) ? positions.value([...base, 'sha256', p]) : undefined;
      if (at) edits.push({ at: offset(at), end: valueEnd(text, offset(at)), text: JSON.stringify(hash) });
      else edits.push({ at: headerEnd + 1, end: headerEnd + 1, text: `${p} = ${JSON.stringify(hash)}\n` });
    }
  } else if (shaValue) {
    edits.push({ at: offset(shaValue), end: valueEnd(text, offset(shaValue)), text: renderSha256(value) });
  } else {
    const after = entry.version === undefined ? section : positions.key([...base, 'version'])!;
    const eol = text.indexOf('\n', offset(after));
    const at = eol === -1 ? text.length : eol + 1;
    edits.push({ at, end: at, text: `${eol === -1 ? '\n' : ''}sha256 = ${renderSha256(value)}\n` });
  }
  let out = text;
  for (const e of edits.sort((a, b) => b.at - a.at)) out = out.slice(0, e.at) + e.text + out.slice(e.end);
  return out;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

/** End offset of the TOML value starting at `at` (a string or an inline table, as sha256 values are). */
function valueEnd(text: string, at: number): number {
  const c = text[at];
  if (c === '"' || c === "'") return stringEnd(text, at);
  if (c === '{') {
    for (let i = at + 1; i < text.length; i++) {
      if (text[i] === '"' || text[i] === "'") i = stringEnd(text, i) - 1;
      else if (text[i] === '}') return i + 1;
    }
    return text.length;
  }
  const m = /[\s#]/.exec(text.slice(at));
  return m ? at + m.index : text.length;
}

function stringEnd(text: string, at: number): number {
  const quote = text[at];
  for (let i = at + 1; i < text.length; i++) {
    if (quote === '"' && text[i] === '\\') i++;
    else if (text[i] === quote) return i + 1;
  }
  return text.length;
}
