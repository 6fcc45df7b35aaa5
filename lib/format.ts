import type { Platform, Precision } from './model';
import { FACTS_IN_ORDER, platformFacts } from './platforms';

/** A count as the user's browser writes numbers; rounded counts get "≈", floors get "+". */
export function formatCount(
  value: number | undefined,
  precision?: Precision,
  locale?: string,
): string {
  if (value === undefined) return 'unknown';
  if (precision === 'lower-bound') return `${new Intl.NumberFormat(locale).format(value)}+`;
  if (precision === 'rounded') {
    return `≈${new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(value)}`;
  }
  return new Intl.NumberFormat(locale).format(value);
}

/** Each platform's name as marketers write it, from its facts. */
export const PLATFORM_NAMES = Object.fromEntries(
  FACTS_IN_ORDER.map(([id, facts]) => [id, facts.name]),
) as Readonly<Record<Platform, string>>;

/** Every registered platform's name, in the registry's order, listed in words: "A, B or C". */
export function platformNames(conjunction: 'and' | 'or'): string {
  const names = FACTS_IN_ORDER.map(([, facts]) => facts.name);
  const last = names.pop() ?? '';
  return names.length ? `${names.join(', ')} ${conjunction} ${last}` : last;
}

/** A name with its indefinite article, by its first letter: "a Blog", "an Atlas". */
export function withArticle(name: string): string {
  return `${/^[AEIOU]/.test(name) ? 'an' : 'a'} ${name}`;
}

/** "@handle" where the platform uses at-handles; bare slugs stay bare. */
export function displayHandle(platform: Platform, handle: string): string {
  return `${platformFacts(platform).handlePrefix}${handle}`;
}
