/**
 * Small number helpers shared by the calculators. Every one of them is total: a non-finite input
 * gives `null`, never NaN or Infinity, so nothing unknown leaks out as a number.
 */

/** A usable count: a finite number ≥ 0. */
export function isCount(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/** A usable divisor: a finite number > 0. */
export function isPositive(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

/** `a / b`, or null when b is 0, unknown or the result is not finite. */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  if (!isCount(a) || !isPositive(b)) return null;
  const r = a / b;
  return Number.isFinite(r) ? r : null;
}

/** The median (mean of the middle two for an even count); null for an empty list. */
export function median(values: readonly number[]): number | null {
  const finite = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (finite.length === 0) return null;
  const mid = Math.floor(finite.length / 2);
  const upper = finite[mid] as number;
  return finite.length % 2 === 1 ? upper : ((finite[mid - 1] as number) + upper) / 2;
}

/** Money per unit (CPE, CPM): cents, or a tenth of a cent below 1 ($0.043 is not $0.04). */
export function roundMoney(value: number): number {
  return roundTo(value, Math.abs(value) < 1 ? 3 : 2);
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Round to `digits` decimals without the 1.005 → 1 surprise of `toFixed`. */
export function roundTo(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round((value + Number.EPSILON) * f) / f;
}

const INTEGER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const DECIMAL = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/**
 * Numbers inside formula and evidence strings. These strings are English sentences (the UI is
 * English for now), so they use English digits; the card formats its own numbers in the locale.
 */
export function fmtInt(value: number): string {
  return INTEGER.format(value);
}

export function fmtNum(value: number): string {
  return DECIMAL.format(value);
}

export function fmtPct(value: number): string {
  return `${DECIMAL.format(value)}%`;
}

/** "1 video", "17 videos": a count and its noun, for formula and evidence sentences. */
export function plural(n: number, one: string, many: string): string {
  return `${fmtInt(n)} ${n === 1 ? one : many}`;
}

/** An amount in formula text: "$6" in USD, "5.5 EUR" otherwise (the card formats its own). */
export function fmtMoney(value: number, currency: string): string {
  return currency === 'USD' ? `$${fmtNum(value)}` : `${fmtNum(value)} ${currency}`;
}

export const HOUR_MS = 60 * 60 * 1000;
export const DAY_MS = 24 * HOUR_MS;
export const WEEK_MS = 7 * DAY_MS;
