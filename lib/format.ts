import type { Precision } from './model';

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

export const PLATFORM_NAMES = {
  tiktok: 'TikTok',
  instagram: 'Instagram',
  linkedin: 'LinkedIn',
} as const;

/** "@handle" where the platform uses at-handles; LinkedIn slugs stay bare. */
export function displayHandle(platform: keyof typeof PLATFORM_NAMES, handle: string): string {
  return platform === 'linkedin' ? handle : `@${handle}`;
}
