import { describe, expect, it } from 'vitest';
import {
  MAX_AUDIENCE,
  MAX_COUNT,
  NOUN_WINDOW,
  parseCount,
  type CountPrecision,
  type ParsedCount,
} from '../../lib/parsing/count';
import { countLocaleData } from '../../lib/parsing/count-locale';
import { COUNT_NOUNS, PROFILE_NOUNS } from '../../lib/parsing/count-nouns';
import { COUNT_LOCALES, UNKNOWN_UNITS, type CountLocale } from '../platforms/damage';

/** The 22 languages issue 3 names; the expected readings below come from Node's own Intl. */
const LOCALES = COUNT_LOCALES;

const NUMBERS = [987, 1234, 45678, 123456, 1234567, 23400000, 987654321] as const;

const show = (n: number): string => n.toLocaleString('en');

type Case = readonly [
  text: string,
  locale: string | undefined,
  value: number,
  precision: CountPrecision,
];

function expectCount(
  text: string,
  locale: string | undefined,
  value: number,
  precision: CountPrecision,
): void {
  const nouns = COUNT_NOUNS;
  expect(
    parseCount(text, locale === undefined ? { nouns } : { locale, nouns }),
  ).toEqual<ParsedCount>({
    value,
    precision,
  });
}

/** What a compact print should read as: the exact number when Intl added no suffix ("987"). */
function compactCase(format: Intl.NumberFormat, n: number): { text: string; suffixed: boolean } {
  const parts = format.formatToParts(n);
  return {
    text: parts.map((p) => p.value).join(''),
    suffixed: parts.some((p) => p.type === 'compact'),
  };
}

function expectCompact(text: string, locale: string, n: number, suffixed: boolean): void {
  const parsed = parseCount(text, { locale });
  if (!suffixed) {
    expect(parsed).toEqual({ value: n, precision: 'exact' });
    return;
  }
  expect(parsed?.precision).toBe('rounded');
  expect(Math.abs((parsed?.value ?? 0) - n) / n).toBeLessThanOrEqual(0.05);
}

function compactName(text: string, form: string, locale: string, n: number, suffixed: boolean) {
  return suffixed
    ? `"${text}" (${form}) in ${locale} reads as about ${show(n)} (rounded)`
    : `"${text}" (${form}) in ${locale} reads as ${show(n)} (exact)`;
}

describe('parseCount reads every number as Intl prints it in the 22 languages', () => {
  for (const locale of LOCALES) {
    const standard = new Intl.NumberFormat(locale);
    const short = new Intl.NumberFormat(locale, { notation: 'compact' });
    const long = new Intl.NumberFormat(locale, { notation: 'compact', compactDisplay: 'long' });
    describe(locale, () => {
      for (const n of NUMBERS) {
        const full = standard.format(n);
        it(`"${full}" in ${locale} reads as ${show(n)} (exact)`, () => {
          expectCount(full, locale, n, 'exact');
        });
        const compact = compactCase(short, n);
        it(compactName(compact.text, 'compact', locale, n, compact.suffixed), () => {
          expectCompact(compact.text, locale, n, compact.suffixed);
        });
        const spelled = compactCase(long, n);
        it(compactName(spelled.text, 'compact long', locale, n, spelled.suffixed), () => {
          expectCompact(spelled.text, locale, n, spelled.suffixed);
        });
      }
    });
  }

  it('a compact print without a suffix ("987") is the exact number', () => {
    expectCount(
      new Intl.NumberFormat('en', { notation: 'compact' }).format(987),
      'en',
      987,
      'exact',
    );
    expectCount('45.678', 'de', 45678, 'exact');
  });
});

describe('parseCount reads the forms people see on pages', () => {
  const cases: Case[] = [
    ['1,2 Mio.', 'de', 1_200_000, 'rounded'],
    ['1,2 Mio', 'de', 1_200_000, 'rounded'],
    ['6,2 Mio. Follower', 'de', 6_200_000, 'rounded'],
    ['1,2 тыс.', 'ru', 1_200, 'rounded'],
    ['12 тыс. подписчиков', 'ru', 12_000, 'rounded'],
    ['4.6万', 'zh-CN', 46_000, 'rounded'],
    ['4.6万', 'ja', 46_000, 'rounded'],
    ['フォロワー4.6万人', 'ja', 46_000, 'rounded'],
    ['粉丝 9.9亿', 'zh-CN', 990_000_000, 'rounded'],
    ['1.2만 팔로워', 'ko', 12_000, 'rounded'],
    ['12L', 'en-IN', 1_200_000, 'rounded'],
    ['2.3Cr', 'en-IN', 23_000_000, 'rounded'],
    ['12 लाख', 'hi', 1_200_000, 'rounded'],
    ['12L', 'hi', 1_200_000, 'rounded'],
    ['2.3 करोड़', 'hi', 23_000_000, 'rounded'],
    ['12 lakh', 'en-IN', 1_200_000, 'rounded'],
    ['12,34,567', 'hi', 1_234_567, 'exact'],
    ['12,34,567', 'en-IN', 1_234_567, 'exact'],
    ['1,2 B', 'tr', 1_200, 'rounded'],
    ['1,2 b', 'tr', 1_200, 'rounded'],
    ['1,2 Mn', 'tr', 1_200_000, 'rounded'],
    ['9,9 mil', 'es', 9_900, 'rounded'],
    ['9,9 mil seguidores', 'es', 9_900, 'rounded'],
    ['9,9 mil millones', 'es', 9_900_000_000, 'rounded'],
    ['9,9 mil.', 'cs', 9_900_000, 'rounded'],
    ['9,9 mil', 'cs', 9_900_000, 'rounded'],
    ['1,2 mil', 'pt-BR', 1_200, 'rounded'],
    ['1,2 mi', 'pt-BR', 1_200_000, 'rounded'],
    ['1,2 jt', 'id', 1_200_000, 'rounded'],
    ['1,2 Tr', 'vi', 1_200_000, 'rounded'],
    ['1,2 tr', 'vi', 1_200_000, 'rounded'],
    ['1,2 k abonnés', 'fr', 1_200, 'rounded'],
    ['12\u202f345 abonnés', 'fr', 12_345, 'exact'],
    ['12 345 abonnés', 'fr', 12_345, 'exact'],
    ['1\u00a0234\u00a0567', 'ru', 1_234_567, 'exact'],
    ['46 tysięcy', 'pl', 46_000, 'rounded'],
    ['1,2 tn', 'sv', 1_200, 'rounded'],
    ['1.234', 'de', 1_234, 'exact'],
    ['1234', 'es', 1_234, 'exact'],
    ['1.234', 'es', 1_234, 'exact'],
  ];
  for (const [text, locale, value, precision] of cases) {
    it(`"${text}" in ${locale} reads as ${show(value)} (${precision})`, () => {
      expectCount(text, locale, value, precision);
    });
  }
});

describe("parseCount reads the platforms' own forms in any locale", () => {
  const cases: Case[] = [
    ['1.2M', undefined, 1_200_000, 'rounded'],
    ['12.3K', undefined, 12_300, 'rounded'],
    ['6.2M Fans', undefined, 6_200_000, 'rounded'],
    ['500+ connections', undefined, 500, 'lower-bound'],
    ['1,234 followers', undefined, 1_234, 'exact'],
    ['12,345 abonnés', undefined, 12_345, 'exact'],
    ['1.2m', undefined, 1_200_000, 'rounded'],
    ['1.2B', undefined, 1_200_000_000, 'rounded'],
    ['1.2b', undefined, 1_200_000_000, 'rounded'],
    ['12k', undefined, 12_000, 'rounded'],
    ['1.2 M', undefined, 1_200_000, 'rounded'],
    ['10K+', undefined, 10_000, 'lower-bound'],
    ['999+ Follower', 'de', 999, 'lower-bound'],
    ['0 followers', undefined, 0, 'exact'],
    ['Followers: 1,234', undefined, 1_234, 'exact'],
    ['1.2 million', undefined, 1_200_000, 'rounded'],
    ['1.2M', 'de', 1_200_000, 'rounded'],
    ['12.3K', 'fr', 12_300, 'rounded'],
    ['6.2M Fans', 'ru', 6_200_000, 'rounded'],
    ['1.2M', 'tr', 1_200_000, 'rounded'],
    ['1.2K', 'ja', 1_200, 'rounded'],
    ['1,234,567', 'de', 1_234_567, 'exact'],
    ['1.234.567', 'en', 1_234_567, 'exact'],
    ['1 234', 'en', 1_234, 'exact'],
  ];
  for (const [text, locale, value, precision] of cases) {
    it(`"${text}" in ${locale ?? 'the default locale'} reads as ${show(value)} (${precision})`, () => {
      expectCount(text, locale, value, precision);
    });
  }
});

describe('parseCount lets the locale decide what an ambiguous form means', () => {
  it('"1.234" in en is the decimal 1.234, which is no count', () => {
    expect(parseCount('1.234', { locale: 'en' })).toBeNull();
  });

  it('"1,234" in de is the decimal 1,234, which is no count', () => {
    expect(parseCount('1,234', { locale: 'de' })).toBeNull();
  });

  it('"12,345 abonnés" in fr is a decimal, which is no count', () => {
    expect(parseCount('12,345 abonnés', { locale: 'fr' })).toBeNull();
  });

  it('"1,2 B" in tr is 1,200 (bin), but "1.2B" in en is 1.2 billion', () => {
    expect(parseCount('1,2 B', { locale: 'tr' })?.value).toBe(1_200);
    expect(parseCount('1.2B', { locale: 'en' })?.value).toBe(1_200_000_000);
  });

  it('"1,2 M" in id is 1.2 billion (miliar), not 1.2 million', () => {
    expect(parseCount('1,2 M', { locale: 'id' })?.value).toBe(1_200_000_000);
  });

  it('"1,2 B" in es is 1.2 trillion (billón), so above the default ceiling', () => {
    expect(parseCount('1,2 B', { locale: 'es' })).toBeNull();
    expect(parseCount('1,2 B', { locale: 'es', max: 1e13 })?.value).toBe(1_200_000_000_000);
  });

  it('"6,2 Mio." is unreadable in en, where "Mio." means nothing', () => {
    expect(parseCount('6,2 Mio.', { locale: 'en' })).toBeNull();
  });

  it('"1,2K" in en is neither an English decimal nor a grouping, so no count', () => {
    expect(parseCount('1,2K', { locale: 'en' })).toBeNull();
  });

  it('an unknown or malformed locale reads as en instead of throwing', () => {
    expect(parseCount('1.2K', { locale: 'xx-bogus' })?.value).toBe(1_200);
    expect(parseCount('1.234', { locale: 'xx-bogus' })).toBeNull();
    expect(parseCount('1.2K', { locale: 'not a locale!' })?.value).toBe(1_200);
    expect(parseCount('1.2K', { locale: '' })?.value).toBe(1_200);
  });

  it('reading one locale does not change how another reads', () => {
    expect(parseCount('1,2 B', { locale: 'tr' })?.value).toBe(1_200);
    expect(parseCount('1.2B')?.value).toBe(1_200_000_000);
    expect(parseCount('1,2 B', { locale: 'tr' })?.value).toBe(1_200);
  });
});

describe('parseCount reads native digits and the invisible marks Intl prints', () => {
  it('Arabic-Indic digits and separators read as 1,234 and 1.2 thousand', () => {
    expectCount('١٬٢٣٤', 'ar', 1_234, 'exact');
    expectCount('١٫٢ ألف', 'ar', 1_200, 'rounded');
  });

  const arabicDigits = ['ar-EG', 'ar-u-nu-arab'] as const;
  for (const locale of arabicDigits) {
    for (const n of NUMBERS) {
      const full = new Intl.NumberFormat(locale).format(n);
      it(`"${full}" in ${locale} reads as ${show(n)} (exact)`, () => {
        expectCount(full, locale, n, 'exact');
      });
      const compact = compactCase(new Intl.NumberFormat(locale, { notation: 'compact' }), n);
      it(compactName(compact.text, 'compact', locale, n, compact.suffixed), () => {
        expectCompact(compact.text, locale, n, compact.suffixed);
      });
    }
  }

  it('Devanagari digits read as 12 lakh', () => {
    expectCount('१२ लाख', 'hi', 1_200_000, 'rounded');
  });

  it('right-to-left and left-to-right marks around the number are ignored', () => {
    expectCount('\u200f1.2 ألف', 'ar', 1_200, 'rounded');
    expectCount('\u061c1,234\u200e', 'ar', 1_234, 'exact');
    expectCount('\u200e12.3K\u200e', 'en', 12_300, 'rounded');
  });

  it('fullwidth digits read as ordinary ones', () => {
    expectCount('１２３４', 'ja', 1_234, 'exact');
  });
});

describe('parseCount refuses what is not a count', () => {
  const notCounts = ['', ' ', 'followers', 'abc', '1.5', '--', 'NaN', 'Infinity', '∞', '1e6'];
  for (const text of notCounts) {
    it(`"${text}" is no count (null, never 0)`, () => {
      expect(parseCount(text)).toBeNull();
    });
  }

  it('"1,5" in de is a decimal, so no count', () => {
    expect(parseCount('1,5', { locale: 'de' })).toBeNull();
  });

  it('a number glued to letters ("12abc", "v2") is no count', () => {
    expect(parseCount('12abc')).toBeNull();
    expect(parseCount('v2')).toBeNull();
    expect(parseCount('v2 has 5 followers', { nouns: COUNT_NOUNS })).toEqual({
      value: 5,
      precision: 'exact',
    });
  });

  it('a word that merely starts like a suffix is not one ("5 Mitglieder" is 5, not 5M)', () => {
    expectCount('5 Mitglieder', 'de', 5, 'exact');
    // Not 5 mi(lhões) either; and minutes are not a count's noun, so no count at all.
    expect(parseCount('5 minutos', { locale: 'pt-BR', nouns: COUNT_NOUNS })).toBeNull();
  });

  it('".5K" is a fraction without its integer, so no count', () => {
    expect(parseCount('.5K')).toBeNull();
  });

  const negatives = ['-5', '−1.2K', '-1,234 followers', '\u061c-5'];
  for (const text of negatives) {
    it(`the negative "${text}" is no count`, () => {
      expect(parseCount(text, { locale: 'ar' })).toBeNull();
      expect(parseCount(text)).toBeNull();
    });
  }

  it('a range like "500-1K" reads its first number', () => {
    expectCount('500-1K', 'en', 500, 'exact');
  });
});

describe('parseCount refuses absurd values', () => {
  it('"12B followers" is more people than there are on Earth', () => {
    expect(parseCount('12B followers', { max: MAX_AUDIENCE })).toBeNull();
    expect(parseCount('12B views', { nouns: COUNT_NOUNS })?.value).toBe(12_000_000_000);
  });

  it('"99999999999" followers is absurd', () => {
    expect(parseCount('99999999999', { max: MAX_AUDIENCE })).toBeNull();
  });

  it('anything above a trillion is absurd for any count by default', () => {
    expect(MAX_COUNT).toBe(1e12);
    expect(parseCount('1.5T')).toBeNull();
    expect(parseCount('9,999,999,999,999')).toBeNull();
    expect(parseCount('1,000,000,000,000')?.value).toBe(1e12);
  });

  it('8.1B followers is still believable', () => {
    expect(parseCount('8.1B', { max: MAX_AUDIENCE })).toEqual({
      value: 8_100_000_000,
      precision: 'rounded',
    });
  });
});

/** A count and the label each language's pages print after it, to be read as exactly 1,234. */
const LABELLED: Readonly<Record<CountLocale, string>> = {
  en: '1,234 followers',
  de: '1.234 Follower',
  fr: '1 234 abonnés',
  es: '1.234 seguidores',
  'pt-BR': '1.234 seguidores',
  it: '1.234 follower',
  nl: '1.234 volgers',
  pl: '1 234 obserwujących',
  ru: '1 234 подписчика',
  tr: '1.234 takipçi',
  id: '1.234 pengikut',
  vi: '1.234 người theo dõi',
  ja: '1,234人',
  ko: '1,234명',
  'zh-CN': '1,234 粉丝',
  'zh-TW': '1,234 位粉絲',
  ar: '1,234 متابع',
  hi: '1,234 फ़ॉलोअर्स',
  'en-IN': '1,234 followers',
  sv: '1 234 följare',
  cs: '1 234 sledujících',
  uk: '1 234 підписники',
};

/** The label alone ("followers", "人"). */
const labelOf = (locale: CountLocale) => LABELLED[locale].replace(/^[\d,. ]+/, '');

describe('parseCount never reads a unit it does not know as the bare number', () => {
  it('"6 xyz", "6 Mio." in en and "12abc" are no counts, nor is "6 Tsd." in en', () => {
    for (const text of ['6 xyz', '6 Mio.', '12abc', '6 Tsd.', '6 Tsd. followers', '46万']) {
      expect(parseCount(text, { nouns: COUNT_NOUNS }), text).toBeNull();
      expect(parseCount(text, { locale: 'en', max: MAX_AUDIENCE }), text).toBeNull();
    }
  });

  for (const locale of LOCALES) {
    for (const unit of UNKNOWN_UNITS[locale]) {
      const gap = /^[\p{Script=Han}\p{Script=Hangul}]/u.test(unit) ? '' : ' ';
      const text = `6${gap}${unit}`;
      const labelled = `${text}${gap}${labelOf(locale)}`;
      it(`"${text}" and "${labelled}" in ${locale} are no counts, labels known or not`, () => {
        for (const t of [text, labelled]) {
          expect(parseCount(t, { locale }), t).toBeNull();
          expect(parseCount(t, { locale, nouns: COUNT_NOUNS }), t).toBeNull();
        }
      });
    }
  }

  it('a word after a known unit that is no label makes no count either ("1,2 Mio. xyz")', () => {
    expect(parseCount('1,2 Mio. xyz', { locale: 'de', nouns: COUNT_NOUNS })).toBeNull();
    expect(parseCount('6K xyz', { nouns: COUNT_NOUNS })).toBeNull();
    expect(parseCount('500+ xyz', { nouns: COUNT_NOUNS })).toBeNull();
  });
});

describe('parseCount reads the units pages print as rounded, in each language', () => {
  const cases: Case[] = [
    ['6 Tsd.', 'de', 6_000, 'rounded'],
    ['6 Tsd', 'de', 6_000, 'rounded'],
    ['6 tsd.', 'de', 6_000, 'rounded'],
    ['6 Tsd. Follower', 'de', 6_000, 'rounded'],
    ['6 Mio.', 'de', 6_000_000, 'rounded'],
    ['6 Mrd.', 'de', 6_000_000_000, 'rounded'],
    ['6k', 'en', 6_000, 'rounded'],
    ['6K followers', 'en', 6_000, 'rounded'],
    ['6 mil', 'es', 6_000, 'rounded'],
    ['6万', 'ja', 60_000, 'rounded'],
    ['6億', 'ja', 600_000_000, 'rounded'],
    ['1.2千', 'ja', 1_200, 'rounded'],
    ['1.2千', 'zh-CN', 1_200, 'rounded'],
    ['1.2千', 'zh-TW', 1_200, 'rounded'],
    ['4.6萬', 'zh-CN', 46_000, 'rounded'],
    ['4.6万', 'zh-TW', 46_000, 'rounded'],
    ['6 тыс.', 'ru', 6_000, 'rounded'],
    ['6 млн', 'ru', 6_000_000, 'rounded'],
    ['6 B', 'tr', 6_000, 'rounded'],
    ['1,2 ngàn', 'vi', 1_200, 'rounded'],
  ];
  for (const [text, locale, value, precision] of cases) {
    it(`"${text}" in ${locale} reads as ${show(value)} (${precision})`, () => {
      expectCount(text, locale, value, precision);
    });
  }

  for (const locale of LOCALES) {
    it(`every unit ${locale} prints reads as its size, rounded, before a label or nothing`, () => {
      const label = labelOf(locale);
      for (const { text: unit, exponent } of countLocaleData(locale).suffixes.entries) {
        for (const text of [`1 ${unit}`, `1 ${unit} ${label}`]) {
          const parsed = parseCount(text, { locale, max: 1e14, nouns: COUNT_NOUNS });
          expect(parsed, `${text} in ${locale}`).toEqual({
            value: 10 ** exponent,
            precision: 'rounded',
          });
        }
      }
    });
  }
});

describe("parseCount reads the platforms' labels after a count in the 22 languages", () => {
  for (const locale of LOCALES) {
    const text = LABELLED[locale];
    it(`"${text}" in ${locale} is exactly 1,234 with the labels, and no count without`, () => {
      expectCount(text, locale, 1_234, 'exact');
      const exact = { value: 1_234, precision: 'exact' };
      expect(parseCount(text, { locale, nouns: PROFILE_NOUNS })).toEqual(exact);
      expect(parseCount(text, { locale })).toBeNull();
    });
  }

  it('keeps every label stem lower-case NFKC and shorter than the window it is compared in', () => {
    expect(COUNT_NOUNS.length).toBeGreaterThan(100);
    expect(COUNT_NOUNS).toEqual(expect.arrayContaining([...PROFILE_NOUNS]));
    for (const stem of COUNT_NOUNS) {
      expect(stem, stem).toBe(stem.normalize('NFKC').toLowerCase());
      expect(stem.length, stem).toBeLessThan(NOUN_WINDOW);
      expect(stem.trim().length, `empty stem in ${JSON.stringify(COUNT_NOUNS)}`).toBeGreaterThan(0);
    }
  });

  it('starts no unit word of any locale with a label stem, so no unit passes for a label', () => {
    const units = new Set(LOCALES.flatMap((l) => Object.values(UNKNOWN_UNITS[l])));
    for (const locale of LOCALES) {
      for (const entry of countLocaleData(locale).suffixes.entries) units.add(entry.text);
    }
    for (const unit of units) {
      const word = unit.normalize('NFKC').toLowerCase();
      const stem = COUNT_NOUNS.find((s) => word.startsWith(s));
      expect(stem, `${unit} starts with the label stem ${stem}`).toBeUndefined();
    }
  });
});
