/**
 * An Explanation as terminal text: the headline, what to do, then each item with its path and a
 * hex dump of both sides around the first difference (differing bytes marked with ^^).
 */
import type { DiffItem, Explanation, HexContext } from './explain.js';

const CHANGE_MARK: Record<DiffItem['change'], string> = { changed: '~', added: '+', removed: '-', reordered: '↕' };
const ROW = 16;

const offset = (n: number) => `0x${n.toString(16).padStart(8, '0')}`;
const ascii = (bytes: number[]) => bytes.map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
const parseHex = (h: HexContext) => (h.hex ? h.hex.split(' ').map((x) => parseInt(x, 16)) : []);

/** Rows of both sides interleaved; both contexts start the same distance before their first difference. */
function dump(space: string, a: HexContext, b: HexContext): string[] {
  const ba = parseHex(a);
  const bb = parseHex(b);
  const lines: string[] = [];
  const width = ROW * 3 - 1;
  for (let row = 0; row < Math.max(ba.length, bb.length); row += ROW) {
    const ra = ba.slice(row, row + ROW);
    const rb = bb.slice(row, row + ROW);
    const hexRow = (r: number[]) => r.map((x) => x.toString(16).padStart(2, '0')).join(' ').padEnd(width);
    lines.push(`    a ${space} ${offset(a.start + row)}  ${hexRow(ra)}  ${ascii(ra)}`);
    lines.push(`    b ${space} ${offset(b.start + row)}  ${hexRow(rb)}  ${ascii(rb)}`);
    const marks = Array.from({ length: Math.max(ra.length, rb.length) }, (_, i) => (ra[i] === rb[i] ? '  ' : '^^')).join(' ');
    if (marks.trim()) lines.push(`    ${' '.repeat(space.length + 15)}${marks.trimEnd()}`);
  }
  return lines;
}

export function formatExplanation(e: Explanation): string {
  if (e.identical) return 'identical: the two binaries are byte-identical';
  const lines = [e.summary];
  if (e.advice) lines.push(`  advice: ${e.advice}`);
  for (const item of e.items) {
    lines.push(`  ${CHANGE_MARK[item.change]} ${item.path}  [${item.cause}]`, `    ${item.detail}`);
    if (item.text && item.change === 'changed') lines.push(`    a: ${item.text.a}`, `    b: ${item.text.b}`);
    if (item.context) lines.push(...dump(item.context.space === 'memory' ? 'mem ' : 'file', item.context.a, item.context.b));
  }
  if (e.omitted > 0) lines.push(`  … ${e.omitted} more difference${e.omitted === 1 ? '' : 's'} not shown`);
  return lines.join('\n');
}
