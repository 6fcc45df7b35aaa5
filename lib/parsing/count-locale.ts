/**
 * Per-locale count-reading data, derived at runtime from what `Intl.NumberFormat` prints for the
 * locale (separators, compact suffixes in short and long display, every plural form), so that the
 * parser reads exactly the forms a page built with the same data shows, with no hand-typed tables.
 * Derived lazily on first use of a locale and cached: importing this module costs nothing.
 */

/** One compact affix and the power of ten it stands for ("Mio." → 6, "万" → 4, "लाख" → 5). */
export interface CountAffix {
  text: string;
  lower: string;
  exponent: number;
}

/** The affixes of one position, longest first ("mil millones" before "mil", "万亿" before "万"). */
export interface CountAffixTable {
  entries: readonly CountAffix[];
  /** Lower-cased affix → exponent, without keys that two affixes of different size share. */
  byLower: ReadonlyMap<string, number>;
}

/** What the count parser needs to know about one locale. */
export interface CountLocaleData {
  /** The resolved BCP 47 tag the data was derived from ('en' when the asked-for one is unknown). */
  locale: string;
  /** Decimal separator after normalisation (e.g. ',' in de). */
  decimal: string;
  /** Group separator after normalisation (a no-break space prints, and is kept, as ' '). */
  group: string;
  /** Compact affixes after the number ("1,2 Mio.", "4.6万"). */
  suffixes: CountAffixTable;
  /** Compact affixes before the number, as in Swahili ("elfu 46"). */
  prefixes: CountAffixTable;
}

const FALLBACK_LOCALE = 'en';

/** The powers of ten whose compact forms are sampled; the issue asks for 10^3 … 10^12. */
const MIN_EXPONENT = 3;
const MAX_EXPONENT = 12;

/**
 * Multipliers sampled at each power of ten so that every plural form the locale prints is seen
 * (zero, one, two, few, many, other and the fraction forms: "1 Million", "2 miliony",
 * "5 milionů", "1,2 milionu", "21 тысяча", "22 тысячи", "25 тысяч", "3 آلاف", Filipino
 * "46 na libo"). Each has at most three significant digits, so compact notation prints it without
 * rounding and the affix's size can be read back.
 */
const SAMPLE_MULTIPLIERS = [1, 1.2, 1.4, 2, 3, 4, 5, 6, 7, 9, 11, 12, 15, 21, 22, 25, 100] as const;

/**
 * The platforms' own English abbreviations ("6.2M", "12K"), accepted in every
 * locale unless the locale's data gives the same letter another size (Turkish "B" is bin = 10^3,
 * Indonesian "M" is miliar = 10^9, Spanish "B" is billón = 10^12).
 */
const PLATFORM_SUFFIXES: readonly (readonly [string, number])[] = [
  ['K', 3],
  ['M', 6],
  ['B', 9],
];

/**
 * Abbreviations the platforms print that Intl does not, by language: German "6 Tsd.", Vietnamese
 * "ngàn" beside ICU's "nghìn", 千 in Japanese and Chinese (ICU prints 1,200), and both scripts'
 * 万 / 萬 in Chinese. Added unless the locale's own data gives the same
 * letters another size.
 */
const EXTRA_SUFFIXES: Readonly<Record<string, readonly (readonly [string, number])[]>> = {
  de: [['Tsd.', 3]],
  vi: [['ngàn', 3]],
  ja: [['千', 3]],
  zh: [
    ['千', 3],
    ['万', 4],
    ['萬', 4],
  ],
};

/**
 * Locales whose pages mix Latin and Devanagari lakh/crore forms ("12L", "2.3Cr", "12 लाख"): a
 * locale that groups digits the Indian way (12,34,567) also reads these locales' suffixes.
 */
const INDIAN_COMPANIONS = ['en-IN', 'hi'] as const;

/** Zero of each decimal-digit script a page may print counts in (Arabic-Indic, Devanagari …). */
const DIGIT_ZEROS = [
  0x0660, 0x06f0, 0x07c0, 0x0966, 0x09e6, 0x0a66, 0x0ae6, 0x0b66, 0x0be6, 0x0c66, 0x0ce6, 0x0d66,
  0x0e50, 0x0ed0, 0x0f20, 0x1040, 0x17e0, 0x1810,
] as const;

/**
 * Invisible marks Intl and RTL pages insert around numbers (LRM, RLM, ALM, bidi embeddings and
 * isolates, zero-width space, BOM, soft hyphen); they carry no meaning for the value.
 */
const INVISIBLE_MARKS = /[\u00ad\u061c\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

const ANY_SPACE = /\s+/gu;

/**
 * Brings page text and Intl output to one form: NFKC (fullwidth digits, no-break and narrow
 * no-break spaces become ASCII), invisible marks removed, every decimal digit as ASCII, runs of
 * whitespace as one ' '.
 */
export function normalizeCountText(text: string): string {
  const folded = text.normalize('NFKC').replace(INVISIBLE_MARKS, '').replace(ANY_SPACE, ' ');
  let out = '';
  for (const ch of folded) {
    const code = ch.codePointAt(0) ?? 0;
    const zero = code >= 0x0660 ? DIGIT_ZEROS.find((z) => code >= z && code <= z + 9) : undefined;
    out += zero === undefined ? ch : String(code - zero);
  }
  return out;
}

const cache = new Map<string, CountLocaleData>();
const resolved = new Map<string, string>();

/** The count-reading data for a locale; unknown or malformed tags get the 'en' data. */
export function countLocaleData(locale: string | undefined): CountLocaleData {
  const tag = resolveLocale(locale ?? FALLBACK_LOCALE);
  let data = cache.get(tag);
  if (!data) {
    data = deriveLocaleData(tag);
    cache.set(tag, data);
  }
  return data;
}

function resolveLocale(locale: string): string {
  const known = resolved.get(locale);
  if (known !== undefined) return known;
  let tag = FALLBACK_LOCALE;
  try {
    // Without this check Intl silently formats an unknown tag with the runtime's default locale,
    // which differs between a developer's machine, CI and the user's browser.
    tag = Intl.NumberFormat.supportedLocalesOf([locale])[0] ?? FALLBACK_LOCALE;
  } catch {
    // A malformed tag (RangeError) reads as the fallback, as the parser promises never to throw.
  }
  resolved.set(locale, tag);
  return tag;
}

interface Separators {
  decimal: string;
  group: string;
  indianGrouping: boolean;
}

function deriveSeparators(locale: string): Separators {
  const parts = new Intl.NumberFormat(locale).formatToParts(1234567.5);
  const norm = (type: Intl.NumberFormatPartTypes, fallback: string): string => {
    const value = parts.find((p) => p.type === type)?.value;
    return value === undefined ? fallback : normalizeCountText(value) || ' ';
  };
  const integers = parts.filter((p) => p.type === 'integer');
  // 12,34,567: a middle group of two digits is the Indian (lakh/crore) grouping.
  const indianGrouping = integers.length > 2 && integers[1]?.value.length === 2;
  return { decimal: norm('decimal', '.'), group: norm('group', ','), indianGrouping };
}

type AffixPosition = 'prefix' | 'suffix';

/** Exponent votes per affix text, per position. */
type AffixVotes = Record<AffixPosition, Map<string, Map<number, number>>>;

/**
 * Affix → exponent as the locale prints them. An affix seen at several sizes keeps the size most
 * samples agree on: ICU's bn data prints 10^11 as "১কো" although "কো" is crore (10^7) at every
 * other size; a tie means the affix is truly ambiguous and it is dropped.
 */
function deriveLocaleAffixes(locale: string): Record<AffixPosition, Map<string, number>> {
  const votes: AffixVotes = { prefix: new Map(), suffix: new Map() };
  for (const compactDisplay of ['short', 'long'] as const) {
    const format = new Intl.NumberFormat(locale, { notation: 'compact', compactDisplay });
    for (let k = MIN_EXPONENT; k <= MAX_EXPONENT; k++) {
      for (const multiplier of SAMPLE_MULTIPLIERS) {
        const n = multiplier * 10 ** k;
        const sample = readCompactSample(format.formatToParts(n), n);
        if (!sample) continue;
        const byText = votes[sample.position];
        const counts = byText.get(sample.affix) ?? new Map<number, number>();
        counts.set(sample.exponent, (counts.get(sample.exponent) ?? 0) + 1);
        byText.set(sample.affix, counts);
      }
    }
  }
  return { prefix: tallyVotes(votes.prefix), suffix: tallyVotes(votes.suffix) };
}

function tallyVotes(byText: Map<string, Map<number, number>>): Map<string, number> {
  const table = new Map<string, number>();
  for (const [affix, counts] of byText) {
    const ranked = [...counts].sort((a, b) => b[1] - a[1]);
    const [best, runnerUp] = ranked;
    if (best && (!runnerUp || runnerUp[1] < best[1])) table.set(affix, best[0]);
  }
  return table;
}

function readCompactSample(
  parts: Intl.NumberFormatPart[],
  n: number,
): { affix: string; position: AffixPosition; exponent: number } | null {
  const compactAt = parts.findIndex((p) => p.type === 'compact');
  const compact = parts[compactAt];
  if (!compact) return null;
  const numberAt = parts.findIndex((p) => p.type === 'integer');
  const affix = normalizeCountText(compact.value).trim();
  if (!affix) return null;
  let digits = '';
  for (const p of parts) {
    if (p.type === 'integer' || p.type === 'fraction') digits += normalizeCountText(p.value);
    else if (p.type === 'decimal') digits += '.';
  }
  // French and Italian print 1000 in long display as the bare word ("mille").
  const shown = digits ? Number(digits) : 1;
  if (!(shown > 0)) return null;
  const exponent = Math.round(Math.log10(n / shown));
  // Only an affix that stands for an exact power of ten is usable for reading back.
  if (Math.abs(shown * 10 ** exponent - n) > n * 1e-9) return null;
  const position = numberAt !== -1 && compactAt < numberAt ? 'prefix' : 'suffix';
  return { affix, position, exponent };
}

function deriveLocaleData(locale: string): CountLocaleData {
  let separators: Separators = { decimal: '.', group: ',', indianGrouping: false };
  const suffixes = new Map<string, number>();
  const prefixes = new Map<string, number>();
  try {
    separators = deriveSeparators(locale);
    const own = deriveLocaleAffixes(locale);
    for (const [affix, exponent] of own.suffix) suffixes.set(affix, exponent);
    for (const [affix, exponent] of own.prefix) prefixes.set(affix, exponent);
    if (separators.indianGrouping) {
      for (const companion of INDIAN_COMPANIONS) {
        if (companion === locale) continue;
        for (const [affix, exponent] of deriveLocaleAffixes(companion).suffix) {
          addUnlessConflicting(suffixes, affix, exponent);
        }
      }
    }
  } catch {
    // An engine without compact notation (or formatToParts) still reads plain and platform counts.
  }
  for (const [affix, exponent] of EXTRA_SUFFIXES[locale.toLowerCase().split('-')[0] ?? ''] ?? []) {
    addUnlessConflicting(suffixes, affix, exponent);
  }
  // Pages drop the abbreviation dot ("1,2 Mio", "12 tys") as often as they keep it.
  for (const [affix, exponent] of [...suffixes]) {
    if (affix.length > 1 && affix.endsWith('.')) {
      addUnlessConflicting(suffixes, affix.slice(0, -1), exponent);
    }
  }
  for (const [affix, exponent] of PLATFORM_SUFFIXES)
    addUnlessConflicting(suffixes, affix, exponent);
  const { decimal, group } = separators;
  return {
    locale,
    decimal,
    group,
    suffixes: toAffixTable(suffixes),
    prefixes: toAffixTable(prefixes),
  };
}

function toAffixTable(table: Map<string, number>): CountAffixTable {
  const entries = [...table]
    .map(([text, exponent]) => ({ text, lower: text.toLowerCase(), exponent }))
    .sort((a, b) => b.text.length - a.text.length || a.text.localeCompare(b.text));
  const byLower = new Map<string, number>();
  const ambiguous = new Set<string>();
  for (const entry of entries) {
    const seen = byLower.get(entry.lower);
    if (seen !== undefined && seen !== entry.exponent) ambiguous.add(entry.lower);
    byLower.set(entry.lower, entry.exponent);
  }
  for (const key of ambiguous) byLower.delete(key);
  return { entries, byLower };
}

/** Adds an affix unless the table already gives the same letters (in any case) another size. */
function addUnlessConflicting(table: Map<string, number>, affix: string, exponent: number): void {
  const lower = affix.toLowerCase();
  for (const [existing, size] of table) {
    if (existing.toLowerCase() === lower && size !== exponent) return;
  }
  if (!table.has(affix)) table.set(affix, exponent);
}
