/**
 * Float text as Rust prints it, because upstream's outputs come from Rust: `Display` (used by the
 * `[exec] return:` line and by WAVE) never uses an exponent and drops `.0` (1.0 → `1`, 1e21 →
 * `1000000000000000000000`); serde_json (upstream `--json`) uses ryu: `1.0`, `1e21`, `1.5e-7`.
 * Both start from the shortest digits that read back to the same value, at f32 precision for f32.
 */

interface Decimal {
  negative: boolean;
  /** Significant digits without leading/trailing zeros, e.g. "15" for 1.5 or 150. */
  digits: string;
  /** Position of the decimal point relative to the start of `digits` (1.5 → 1, 150 → 3). */
  point: number;
}

/** Shortest round-trip decimal of a finite value (f32: shortest that rounds back in single precision). */
function shortest(value: number, single: boolean): Decimal {
  let text = value.toExponential();
  if (single) {
    for (let p = 0; p < 9; p++) {
      const candidate = value.toExponential(p);
      if (Math.fround(Number(candidate)) === value) {
        text = candidate;
        break;
      }
    }
  }
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text)!;
  const digits = (m[2]! + (m[3] ?? '')).replace(/0+$/, '') || '0';
  return { negative: m[1] === '-' || Object.is(value, -0), digits, point: Number(m[4]) + 1 };
}

/** Rust `Display` for f32/f64: `3.5`, `1`, `-0`, `0.0001`, `NaN`, `inf`, `-inf`. */
export function rustDisplayFloat(value: number, single: boolean): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';
  const { negative, digits, point } = shortest(value, single);
  let body: string;
  if (point <= 0) body = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) body = digits + '0'.repeat(point - digits.length);
  else body = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return negative ? `-${body}` : body;
}

/**
 * serde_json/ryu formatting of a finite float: integers keep `.0` up to 16 digits, then an
 * exponent (`1e16` style without `+`); small numbers switch to an exponent below 1e-5.
 * Non-finite values have no JSON form (serde_json writes null).
 */
export function jsonFloat(value: number, single: boolean): string {
  if (!Number.isFinite(value)) return 'null';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const { negative, digits, point } = shortest(value, single);
  const n = digits.length;
  let body: string;
  if (point >= n && point <= 16) body = `${digits}${'0'.repeat(point - n)}.0`;
  else if (point > 0 && point <= 16) body = `${digits.slice(0, point)}.${digits.slice(point)}`;
  else if (point > -5 && point <= 0) body = `0.${'0'.repeat(-point)}${digits}`;
  else body = `${digits[0]}${n > 1 ? `.${digits.slice(1)}` : ''}e${point - 1}`;
  return negative ? `-${body}` : body;
}
