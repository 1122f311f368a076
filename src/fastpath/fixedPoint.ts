/**
 * Integer money for the fast kernel. Amounts are whole fen (0.01 yuan) held in plain JS
 * numbers, which are exact integers up to 2^53. Rates are integers scaled by 10^4, so a
 * rate × an amount in fen is an exact integer in "units" of 10^-4 fen; rounding to the fen
 * (half up, ruling 1) is done on those integers with `%`, which is exact for doubles.
 *
 * Every value that does not fit (a rate with more than 4 decimals, an amount with part of a
 * fen, a number too large) is refused here, and the caller sends the person through the
 * decimal engine instead: exactness is never traded for speed.
 */
import type { Dec } from '../engine/money';

/** Rates are held as integers × RATE_SCALE (4 decimals: 0.65 → 6500, 0.0125 → 125). */
export const RATE_SCALE = 10000;

/**
 * The largest cumulative amount in fen a person-year may reach in the kernel: 10^11 fen
 * (10亿元). With rates ≤ MAX_RATE_SCALED, amount × rate stays below 2^51, so sums of a few
 * such products are still exact integers. Anything larger goes to the decimal engine.
 */
export const MAX_FEN = 1e11;
/** Rates up to 2.0 (a policy rate above 100% is possible for top-up targets, never above 200%). */
export const MAX_RATE_SCALED = 2 * RATE_SCALE;

/** An amount in yuan (Dec) as whole fen, or undefined when it has part of a fen or is out of range. */
export function decToFen(x: Dec): number | undefined {
  const f = x.times(100);
  if (!f.isInteger() || f.isNegative() || f.greaterThan(MAX_FEN)) return undefined;
  return f.toNumber();
}

/** A rate (Dec) scaled by 10^4, or undefined when it has more than 4 decimals or is out of range. */
export function decToRate(x: Dec): number | undefined {
  const r = x.times(RATE_SCALE);
  if (!r.isInteger() || r.isNegative() || r.greaterThan(MAX_RATE_SCALED)) return undefined;
  return r.toNumber();
}

/** Whether a number is a whole, non-negative fen amount the kernel can take. */
export function isKernelFen(x: number): boolean {
  return x >= 0 && x <= MAX_FEN && Math.floor(x) === x;
}

/**
 * Units (10^-4 fen, a non-negative integer) to fen, rounded half up — the engine's round2 on
 * a non-negative amount. Exact: `%` and the division of a multiple of 10^4 are exact.
 */
export function unitsToFenHalfUp(u: number): number {
  const r = u % RATE_SCALE;
  return (u - r) / RATE_SCALE + (r >= RATE_SCALE / 2 ? 1 : 0);
}

/** Fen to yuan text with two decimals, without going through a float ("123456" → "1234.56"). */
export function fenToText(fen: number): string {
  const neg = fen < 0;
  const s = String(Math.abs(fen)).padStart(3, '0');
  return `${neg ? '-' : ''}${s.slice(0, -2)}.${s.slice(-2)}`;
}
