/**
 * Where and how the card is shown, kept in `browser.storage.local` under LAYOUT_KEY. The card page
 * writes it (collapse, move, hide on a site); the content script owns the iframe and follows it.
 * Pure and free of zod: it ships in every host page.
 */
export const LAYOUT_KEY = 'layout';

export const SIDES = ['left', 'right'] as const;
export type Side = (typeof SIDES)[number];

export interface Layout {
  /** Collapsed: the card is one slim header row (name, ER, price). */
  collapsed: boolean;
  side: Side;
  /** Sites ("example.com") where Scout shows no card; a site covers its subdomains. */
  hiddenHosts: string[];
}

export const DEFAULT_LAYOUT: Layout = { collapsed: false, side: 'right', hiddenHosts: [] };

/** The height, in CSS px, of the collapsed card. */
export const COLLAPSED_HEIGHT = 48;

const SITE_PATTERN = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/;

/**
 * A stored value as a layout, field by field: a broken field falls back to its default without
 * taking the others with it (anything can be in storage after an older or newer version).
 */
export function readLayout(value: unknown): Layout {
  const v = (value && typeof value === 'object' ? value : {}) as Partial<
    Record<keyof Layout, unknown>
  >;
  return {
    collapsed: typeof v.collapsed === 'boolean' ? v.collapsed : DEFAULT_LAYOUT.collapsed,
    side: v.side === 'left' || v.side === 'right' ? v.side : DEFAULT_LAYOUT.side,
    hiddenHosts: Array.isArray(v.hiddenHosts)
      ? [
          ...new Set(
            v.hiddenHosts.filter(
              (h): h is string => typeof h === 'string' && h.length <= 253 && SITE_PATTERN.test(h),
            ),
          ),
        ].slice(0, 200)
      : [],
  };
}

/**
 * The site a page belongs to, as "hide on this site" means it: the last two labels of its host
 * ("cz.example.com" → "example.com"), so hiding a platform hides every country subdomain. Scout's
 * hosts are all `<name>.com`; null for a URL that does not parse.
 */
export function siteOf(url: string): string | null {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
  const labels = host.split('.').filter(Boolean);
  if (labels.length < 2) return null;
  const site = labels.slice(-2).join('.');
  return SITE_PATTERN.test(site) ? site : null;
}

/** The layout with one more hidden site (no duplicates). */
export function withHiddenSite(layout: Layout, site: string): Layout {
  return layout.hiddenHosts.includes(site)
    ? layout
    : { ...layout, hiddenHosts: [...layout.hiddenHosts, site] };
}

/** The layout with a site shown again. */
export function withShownSite(layout: Layout, site: string): Layout {
  return { ...layout, hiddenHosts: layout.hiddenHosts.filter((h) => h !== site) };
}

/** Whether the card stays hidden on a page of this hostname ("www.example.com"). */
export function isHiddenOn(layout: Layout, hostname: string): boolean {
  const host = hostname.toLowerCase();
  return layout.hiddenHosts.some((site) => host === site || host.endsWith(`.${site}`));
}
