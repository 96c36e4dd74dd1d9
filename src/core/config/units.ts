/**
 * Sizes ("256MiB", "64 KiB", "1GiB", "512B") and durations ("30s", "500ms", "2m", "1.5s") as written
 * in run.toml's [run] section and on the command line. Binary units only: "MB" is ambiguous, so it
 * is refused rather than guessed.
 */

const SIZE_UNITS: Record<string, number> = { b: 1, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3 };
const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

function scaled(text: string, units: Record<string, number>): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([A-Za-z]+)\s*$/.exec(text);
  const factor = m && units[m[2]!.toLowerCase()];
  if (!m || !factor) return undefined;
  const value = Number(m[1]) * factor;
  return Number.isSafeInteger(value) ? value : undefined;
}

/** Bytes, or undefined when the text is not `<number><B|KiB|MiB|GiB>` giving a whole number of bytes. */
export function parseByteSize(text: string): number | undefined {
  return scaled(text, SIZE_UNITS);
}

/** Milliseconds, or undefined when the text is not `<number><ms|s|m|h>` giving whole milliseconds. */
export function parseDuration(text: string): number | undefined {
  return scaled(text, DURATION_UNITS);
}
