import { formatCount } from '@/lib/format';
import type { Precision } from '@/lib/model';

/**
 * The card's own numbers and dates, written the way the user's browser writes them
 * (navigator.language). Formula and evidence sentences from lib/metrics stay English, as the UI is.
 */
export function uiLocale(): string | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.language || undefined;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const locale = uiLocale();
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

/** A count with its precision: "38,214", "≈38K", "500+", "unknown" (never 0 for unknown). */
export function count(value: number | undefined, precision?: Precision): string {
  return formatCount(value, precision, uiLocale());
}

/** A plain number, at most `digits` decimals. */
export function num(value: number, digits = 0): string {
  return numberFormat({ maximumFractionDigits: digits }).format(value);
}

/** A signed number: "+1,200", "−300". */
export function signed(value: number, digits = 0): string {
  const text = num(Math.abs(value), digits);
  return value < 0 ? `−${text}` : `+${text}`;
}

/** Decimals a headline rate deserves: 9.36 → 9.4, but 1.06 → 1.06 (follower-based bands are that fine). */
export const rateDigits = (value: number): number => (value < 2 ? 2 : 1);

/** A rate in percent (9.36 means 9.36%): "9.4%" in en, "9,4 %" in de. */
export function percent(value: number, digits = rateDigits(value)): string {
  return numberFormat({ style: 'percent', maximumFractionDigits: digits }).format(value / 100);
}

/** A percent range: "8.4–9.4%". */
export function percentRange(from: number, to: number, digits = 2): string {
  return `${num(from, digits)}–${percent(to, digits)}`;
}

/** A price: whole units ("$240"); prices are rounded to steps of 5 or more. */
export function money(value: number, currency: string): string {
  return numberFormat({
    style: 'currency',
    currency,
    currencyDisplay: 'narrowSymbol',
    maximumFractionDigits: 0,
  }).format(value);
}

/** A price range: "$180–$300". */
export function moneyRange(range: { low: number; high: number }, currency: string): string {
  return `${money(range.low, currency)}–${money(range.high, currency)}`;
}

/** Money per unit (CPE, CPM): cents, a tenth of a cent below 1 ("$0.043", "$9.20"). */
export function unitMoney(value: number, currency: string): string {
  return numberFormat({
    style: 'currency',
    currency,
    currencyDisplay: 'narrowSymbol',
    minimumFractionDigits: 2,
    maximumFractionDigits: Math.abs(value) < 1 ? 3 : 2,
  }).format(value);
}

export function unitMoneyRange(range: { low: number; high: number }, currency: string): string {
  return `${unitMoney(range.low, currency)}–${unitMoney(range.high, currency)}`;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A calendar date in the user's locale: "Nov 20, 2026". */
export function date(ms: number): string {
  const locale = uiLocale();
  const key = locale ?? '';
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    dateFormats.set(key, format);
  }
  return format.format(ms);
}

/** A date in a list of recent ones: "Nov 20", with the year only when it is not `reference`'s. */
export function shortDate(ms: number, reference: number): string {
  const sameYear = new Date(ms).getFullYear() === new Date(reference).getFullYear();
  const options: Intl.DateTimeFormatOptions = sameYear
    ? { month: 'short', day: 'numeric' }
    : { month: 'short', day: 'numeric', year: 'numeric' };
  const key = `${uiLocale() ?? ''}|${sameYear ? 'md' : 'ymd'}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(uiLocale(), options);
    dateFormats.set(key, format);
  }
  return format.format(ms);
}

/** "1 video", "17 videos" with the count in the user's locale; `many` defaults to `one` + "s". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${num(n)} ${n === 1 ? one : many}`;
}

/** First letter upper-case, for labels built from lower-case words ("video" → "Video"). */
export function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
