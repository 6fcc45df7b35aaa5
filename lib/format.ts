import type { Platform, Precision } from './model';
import { FACTS_IN_ORDER, platformFacts } from './platforms/facts-registry';

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

/** "@handle" where the platform uses at-handles; bare slugs stay bare. */
export function displayHandle(platform: Platform, handle: string): string {
  return `${platformFacts(platform).handlePrefix}${handle}`;
}
