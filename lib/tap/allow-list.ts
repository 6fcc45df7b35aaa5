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
    { path: /^\/api\/v1\/users\/web_profile_info\/?$/ },
    { path: /^\/api\/v1\/feed\/user\/[^/]+\/?/ },
    {
      path: /^\/(api\/)?graphql(\/query)?\/?$/,
      query: /Profile|UserTimeline|user_timeline|PostPage|Reels?Page/,
    },
  ],
  'linkedin.com': [
    { path: /^\/voyager\/api\/(feed\/updates|identity\/|feed\/dash|socialActions)/ },
    { path: /^\/voyager\/api\/graphql\/?$/, query: /voyager(FeedDash|IdentityDash|SocialDash)/ },
  ],
};

/** The rules for a hostname (any subdomain of a platform), or none. */
export function rulesForHost(hostname: string): readonly TapRule[] {
  for (const domain in TAP_RULES) {
    if (hostname === domain || hostname.endsWith(`.${domain}`)) return TAP_RULES[domain] ?? [];
  }
  return [];
}

/** True when a response of this URL (and query name, if any) may be read. */
export function isAllowed(url: URL, queryName: string | null, rules: readonly TapRule[]): boolean {
  return rules.some(
    (rule) =>
      rule.path.test(url.pathname) &&
      (!rule.query || rule.query.test(queryName ?? url.searchParams.get('queryId') ?? '')),
  );
}

/** A copied body larger than this is dropped: no profile payload comes near it. */
export const TAP_MAX_BODY = 4 * 1024 * 1024;
/** Bodies kept while the isolated side is not listening yet. */
export const TAP_MAX_BUFFER = 16;
/** The events the two worlds speak with (DOM events cross worlds; their string details do too). */
export const TAP_EVENT = 'scout:tap';
export const TAP_READY_EVENT = 'scout:tap-ready';
export const TAP_HELLO_EVENT = 'scout:tap-hello';
