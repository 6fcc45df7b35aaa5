/**
 * The page's own API responses Scout may read, by host and path (and, where one path serves many
 * queries, by the query's name). Shared by the MAIN-world tap, which copies only these, and the
 * isolated content script, which accepts only these. Kept tiny: it ships in every host page.
 */
export interface TapRule {
  /** Matches the URL path. */
  path: RegExp;
  /** For paths that serve many queries: the query name (GraphQL friendly name or queryId) must match. */
  query?: RegExp;
}

export const TAP_RULES: Record<string, readonly TapRule[]> = {
  'tiktok.com': [{ path: /^\/api\/(post\/item_list|user\/detail|item\/detail)\/?$/ }],
  'instagram.com': [
    // NOTES-tiktok-instagram.md §2.1: the profile (web_profile_info), the private-API timeline
    // (feed/user/<pk>/ and feed/user/<name>/username/), the reels tab (clips/user) and a post
    // page's media (media/<pk>/info).
    {
      path: /^\/api\/v1\/(users\/web_profile_info|feed\/user\/[^/]+(\/username)?|clips\/user|media\/\d+\/info)\/?$/,
    },
    // Logged-in GraphQL by friendly name: PolarisProfilePostsQuery (the xdt timeline capture) and
    // its pages, the profile header, the reels tab, post pages.
    {
      path: /^\/(api\/)?graphql(\/query)?\/?$/,
      query:
        /^(use)?Polaris(Profile(Posts|PageContent|ReelsTab)|PostActionLoadPost|PostRoot)|UserTimeline|user_timeline/,
    },
  ],
  // Voyager (NOTES-linkedin-youtube.md §4, §6, §8): a profile's networkinfo / profileView and the
  // dash profile lookup (followers, connections), a company's lookup (followers), profile and feed
  // updates and social counts (per-post reactions, comments, reposts). Never /voyager/api/me (the
  // viewer), messaging, notifications, search, settings.
  'linkedin.com': [
    {
      path: /^\/voyager\/api\/(identity\/(profiles\/[^/]+\/(networkinfo|profileView)|dash\/profiles|profileUpdatesV2)|organization\/companies|feed\/(updatesV2|updates|dash\/)|socialActions\/)/,
    },
    {
      path: /^\/voyager\/api\/graphql\/?$/,
      query: /^voyager(FeedDash|IdentityDashProfile|SocialDash|OrganizationDashCompan)/,
    },
  ],
};

/** The rules for a hostname (any subdomain of a platform), or none. */
export function rulesForHost(hostname: string): readonly TapRule[] {
  for (const domain in TAP_RULES) {
    if (hostname === domain || hostname.endsWith(`.${domain}`)) return TAP_RULES[domain] ?? [];
  }
  return [];
}

/** Whether a pattern matches a text (the tap passes the engine's own `exec`, which a page cannot swap). */
export type Matcher = (pattern: RegExp, text: string) => boolean;

const test: Matcher = (pattern, text) => pattern.test(text);

/**
 * True when a response of this path may be read; `queryName` is asked only where the path's rule
 * needs a query name. Plain indexed loops: in the page's world, array methods are the page's.
 */
export function allows(
  rules: readonly TapRule[],
  path: string,
  queryName: () => string | null,
  match: Matcher = test,
): boolean {
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i]!;
    if (match(rule.path, path) && (!rule.query || match(rule.query, queryName() ?? '')))
      return true;
  }
  return false;
}

/** True when a response of this URL (and query name, if any) may be read. */
export function isAllowed(url: URL, queryName: string | null, rules: readonly TapRule[]): boolean {
  return allows(rules, url.pathname, () => queryName ?? url.searchParams.get('queryId'));
}

/** A copied body larger than this is dropped: no profile payload comes near it. */
export const TAP_MAX_BODY = 4 * 1024 * 1024;
/** Bodies kept while the isolated side is not listening yet. */
export const TAP_MAX_BUFFER = 16;
