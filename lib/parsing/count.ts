import {
  countLocaleData,
  normalizeCountText,
  type CountAffix,
  type CountAffixTable,
  type CountLocaleData,
} from './count-locale';

/**
 * How far the printed count can be trusted: 'exact' for a full integer ("1,234"), 'rounded' for a
 * compact form ("1.2M", "1,2 Mio.", "4.6万"), 'lower-bound' for a capped one ("500+", "10K+").
 */
export type CountPrecision = 'exact' | 'rounded' | 'lower-bound';

export interface ParsedCount {
  value: number;
  precision: CountPrecision;
}

export interface ParseCountOptions {
  /** BCP 47 tag of the page (`<html lang>`, or a locale meta tag); unknown or absent → 'en'. */
  locale?: string;
  /** Largest believable value; anything above it reads as null. Default MAX_COUNT. */
  max?: number;
  /**
   * The words that may follow the count, as lower-case NFKC stems (COUNT_NOUNS: "followers",
   * "abonnés", "人" …). Any other word after the number or its unit makes the text no count: it
   * may be a unit Scout does not know ("6 Tsd." on a page that says it is English), and the bare
   * number read as exact would be a wrong number shown as right. Absent: no word may follow.
   */
  nouns?: readonly string[];
}

/** Default ceiling for generic counts (views, likes, plays): a trillion is already implausible. */
export const MAX_COUNT = 1e12;

/**
 * Ceiling for audience counts (followers, connections, members): more than there are people on
 * Earth is a misread, not a creator. Callers reading followers pass `{ max: MAX_AUDIENCE }`.
 */
export const MAX_AUDIENCE = 9e9;

/** Separators a number token may contain; which of them are decimal is the readings' decision. */
const SEPARATORS = new Set(['.', ',', ' ', "'", '\u2019', '\u066b', '\u066c']);
/** Separators that are never a decimal mark, so a repeated one groups digits in any locale. */
const GROUP_ONLY = new Set(["'", '\u2019', ' ', '\u066c']);
const ARABIC_DECIMAL = '\u066b';
const ARABIC_GROUP = '\u066c';
const FRACTION_MARKS = new Set(['.', ',', ARABIC_DECIMAL]);
/** Hyphen-minus, minus sign, hyphens, en dash and small hyphen-minus, as signs go on the web. */
const MINUS_SIGNS = new Set(['-', '\u2212', '\u2010', '\u2011', '\u2013', '\ufe63']);

const LETTER = /[\p{L}\p{M}]/u;
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
/** Scripts written without spaces: a count may touch their words ("粉丝4.6万人", "팔로워1.2만"). */
const UNSPACED_SCRIPT =
  /[\p{Script_Extensions=Han}\p{Script_Extensions=Hiragana}\p{Script_Extensions=Katakana}\p{Script_Extensions=Hangul}]/u;

interface NumberReading {
  integer: string;
  fraction: string;
}

/** Languages that write "38.2K" with a decimal point and read K, M and B as 10^3, 10^6 and 10^9. */
const POINT_DECIMAL_K_M_B = new Set(['en', 'ja', 'zh', 'ko', 'hi', 'th']);
const PLAIN_INTEGER = /^\s*(\d{1,13})\s*$/;
const PLAIN_ABBREVIATED = /^\s*(\d{1,4})(?:\.(\d{1,3}))?([KkMmBb])\s*$/;
const ABBREVIATION_EXPONENT: Record<string, number> = { k: 3, m: 6, b: 9 };

/**
 * The platforms' commonest forms ("412", "38.2K", "1.2M") read without Intl: the first use of Intl
 * in a fresh page costs tens of milliseconds of the host page's main thread, and these forms mean
 * the same in every locale whose data the full path would build. `undefined` = use the full path.
 */
function parsePlainCount(
  text: string,
  locale: string | undefined,
  max: number,
): ParsedCount | null | undefined {
  const integer = PLAIN_INTEGER.exec(text);
  if (integer) {
    const value = Number(integer[1]);
    return value <= max ? { value, precision: 'exact' } : null;
  }
  const language = (locale ?? 'en').toLowerCase().split(/[-_]/)[0] ?? '';
  if (!POINT_DECIMAL_K_M_B.has(language)) return undefined;
  const short = PLAIN_ABBREVIATED.exec(text);
  if (!short) return undefined;
  const [, whole = '', fraction = '', letter = ''] = short;
  const value = Math.round(
    Number(`${whole}.${fraction || '0'}`) *
      10 ** (ABBREVIATION_EXPONENT[letter.toLowerCase()] ?? 0),
  );
  return value <= max ? { value, precision: 'rounded' } : null;
}

/**
 * Parses a count as the page prints it; null when the text is not a count.
 *
 * Reads the first count-looking token of the text (words before it are fine: "Followers: 1,234";
 * after it only `nouns`: "6.2M Fans", "12,345 abonnés", "500+ connections"), in the locale's own
 * standard and compact forms (short and long, every plural form, derived from Intl at runtime, and
 * the abbreviations pages print beside them: "Tsd."), plus the platforms' English forms ("1.2M",
 * "12.3K", "1.2b"), Arabic-Indic and other native digits, Indian grouping and lakh/crore.
 *
 * Ambiguity: the locale decides. "1.234" is 1234 in de but the decimal 1.234 in en, and "1,234"
 * is 1234 in en but 1.234 in de; a decimal without a compact suffix is not a count, so both of
 * those decimal readings give null (as does "1.5"). Only when the text cannot be read with the
 * locale's separators is it read with the platforms' English ones ("1.2M" in de is 1,200,000) or
 * as a plainly grouped integer ("1.234.567" or "1 234" in en). The locale also decides what a
 * suffix means: Turkish "1,2 B" is 1,200 (bin), Indonesian "1,2 M" is 1.2 billion (miliar).
 *
 * Null, never 0, for a text with no count; null too for negative values ("-5", "−1.2K"), a
 * fraction without a suffix, a number glued to unknown letters ("12abc", "1e6") or followed by a
 * word that is neither a unit of the locale nor one of `nouns` ("6 xyz", "6 Mio." in en),
 * NaN/Infinity and anything above `max` (MAX_COUNT by default; pass MAX_AUDIENCE for followers).
 * Values of compact forms are rounded to an integer. Pure and browser-safe; never throws for a
 * string input.
 */
export function parseCount(text: string, options: ParseCountOptions = {}): ParsedCount | null {
  if (typeof text !== 'string') return null;
  const max = options.max ?? MAX_COUNT;
  const quick = parsePlainCount(text, options.locale, max);
  if (quick !== undefined) return quick;
  const data = countLocaleData(options.locale);
  const s = normalizeCountText(text);

  const start = findTokenStart(s);
  if (start === -1) return null;
  const before = s[start - 1];
  // ".5K" is a fraction that lost its integer part, not 5K.
  if (before !== undefined && FRACTION_MARKS.has(before)) return null;
  if (before !== undefined && MINUS_SIGNS.has(before) && !isWordChar(s[start - 2])) return null;

  const end = findTokenEnd(s, start);
  const reading = readWithLocale(s.slice(start, end), data);
  if (!reading) return null;

  let cursor = end;
  let exponent: number | null = null;
  const suffix = matchSuffix(s, s[end] === ' ' ? end + 1 : end, data.suffixes);
  if (suffix) {
    exponent = suffix.exponent;
    cursor = suffix.end;
  } else {
    if (isGluedLetter(s[end])) return null;
    exponent = matchPrefix(s, before === ' ' ? start - 1 : start, data.prefixes);
  }
  if (exponent === null && reading.fraction) return null;

  const plusAt = s[cursor] === ' ' ? cursor + 1 : cursor;
  const lowerBound = s[plusAt] === '+';
  const after = lowerBound ? plusAt + 1 : cursor;
  if (!isNounOrNothing(s, s[after] === ' ' ? after + 1 : after, options.nouns)) return null;

  const scaled = `${reading.integer}.${reading.fraction || '0'}e${exponent ?? 0}`;
  const value = Math.round(Number(scaled));
  if (!Number.isFinite(value) || value < 0 || value > max) return null;
  const precision: CountPrecision = lowerBound
    ? 'lower-bound'
    : exponent !== null
      ? 'rounded'
      : 'exact';
  return { value, precision };
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD_CHAR.test(ch);
}

/** A letter of a spaced script: touching a number, it makes the token a word ("v2", "12abc"). */
function isGluedLetter(ch: string | undefined): boolean {
  return ch !== undefined && LETTER.test(ch) && !UNSPACED_SCRIPT.test(ch);
}

/** How much of the word after a count is compared with `nouns`; every stem is shorter. */
export const NOUN_WINDOW = 32;

/** Whether the text at `at` starts no word, or a word one of `nouns` starts. */
function isNounOrNothing(s: string, at: number, nouns: readonly string[] | undefined): boolean {
  const ch = s[at];
  if (ch === undefined || !LETTER.test(ch)) return true;
  const word = s.slice(at, at + NOUN_WINDOW).toLowerCase();
  return !!nouns?.some((stem) => word.startsWith(stem));
}

/** Index of the first digit that starts a count-looking token (not part of a word), or -1. */
function findTokenStart(s: string): number {
  let i = 0;
  while (i < s.length) {
    if (!isDigit(s[i])) {
      i++;
      continue;
    }
    if (!isGluedLetter(s[i - 1])) return i;
    // Skip the whole word ("v2.5", "user123") so its digits are not read as a count.
    while (
      i < s.length &&
      (isDigit(s[i]) || isGluedLetter(s[i]) || (SEPARATORS.has(s[i] ?? '') && isDigit(s[i + 1])))
    ) {
      i++;
    }
  }
  return -1;
}

/** End of the number token: digit runs joined by single separators. */
function findTokenEnd(s: string, start: number): number {
  let j = start;
  while (isDigit(s[j])) j++;
  for (;;) {
    const sep = s[j];
    if (sep === undefined || !SEPARATORS.has(sep) || !isDigit(s[j + 1])) return j;
    let k = j + 1;
    while (isDigit(s[k])) k++;
    // A space only continues a number as a three-digit group ("23 400 000"), so that two numbers
    // in a sentence ("top 10 creators") are not glued together.
    if (sep === ' ' && k - (j + 1) !== 3) return j;
    j = k;
  }
}

function readWithLocale(raw: string, data: CountLocaleData): NumberReading | null {
  const localeReading = readNumber(
    raw,
    (c) => c === data.decimal || c === ARABIC_DECIMAL,
    (c) => c === data.group || c === ARABIC_GROUP || (isApostrophe(data.group) && isApostrophe(c)),
  );
  if (localeReading) return localeReading;
  const platformReading = readNumber(
    raw,
    (c) => c === '.',
    (c) => c === ',',
  );
  if (platformReading) return platformReading;
  // A separator used twice, or one that is never a decimal mark, can only group digits.
  const seps = raw.match(/[^0-9]/g) ?? [];
  const first = seps[0];
  if (first === undefined || !seps.every((c) => c === first)) return null;
  if (seps.length < 2 && !GROUP_ONLY.has(first)) return null;
  return readNumber(
    raw,
    () => false,
    (c) => c === first,
  );
}

function isApostrophe(c: string): boolean {
  return c === "'" || c === '\u2019';
}

function readNumber(
  raw: string,
  isDecimal: (c: string) => boolean,
  isGroup: (c: string) => boolean,
): NumberReading | null {
  const runs = raw.split(/[^0-9]/);
  const seps = raw.match(/[^0-9]/g) ?? [];
  const decimalAt = seps.findIndex(isDecimal);
  if (decimalAt !== -1 && decimalAt !== seps.length - 1) return null;
  if (seps.some((c, idx) => idx !== decimalAt && !isGroup(c))) return null;
  const integerRuns = decimalAt === -1 ? runs : runs.slice(0, -1);
  if (!isValidGrouping(integerRuns)) return null;
  return {
    integer: integerRuns.join(''),
    fraction: decimalAt === -1 ? '' : (runs[runs.length - 1] ?? ''),
  };
}

/** Western (1,234,567) or Indian (12,34,567) grouping; a single run is always valid. */
function isValidGrouping(runs: string[]): boolean {
  if (runs.length <= 1) return true;
  const first = runs[0] ?? '';
  const last = runs[runs.length - 1] ?? '';
  const middle = runs.slice(1, -1);
  if (last.length !== 3 || first.length === 0) return false;
  const western = first.length <= 3 && middle.every((r) => r.length === 3);
  const indian = middle.length > 0 && first.length <= 2 && middle.every((r) => r.length === 2);
  return western || indian;
}

/** The compact suffix starting at `at` ("Mio.", "万", "K"), matched exactly first, then in any case. */
function matchSuffix(
  s: string,
  at: number,
  table: CountAffixTable,
): { exponent: number; end: number } | null {
  for (const entry of table.entries) {
    const end = at + entry.text.length;
    const exponent = affixExponent(s.slice(at, end), entry, table);
    if (exponent === undefined) continue;
    // "5 Mitglieder" must not read as 5M, nor "5 minutos" as 5 mi(lhões) in pt-BR.
    if (isGluedLetter(entry.text[entry.text.length - 1]) && isWordChar(s[end])) continue;
    return { exponent, end };
  }
  return null;
}

/** The exponent of a compact prefix ending at `end` (Swahili "elfu 46"), or null. */
function matchPrefix(s: string, end: number, table: CountAffixTable): number | null {
  for (const entry of table.entries) {
    const start = end - entry.text.length;
    if (start < 0) continue;
    const exponent = affixExponent(s.slice(start, end), entry, table);
    if (exponent === undefined) continue;
    if (isGluedLetter(entry.text[0]) && isWordChar(s[start - 1])) continue;
    return exponent;
  }
  return null;
}

function affixExponent(
  candidate: string,
  entry: CountAffix,
  table: CountAffixTable,
): number | undefined {
  if (candidate === entry.text) return entry.exponent;
  return candidate.toLowerCase() === entry.lower ? table.byLower.get(entry.lower) : undefined;
}
