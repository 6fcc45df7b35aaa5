/**
 * The page's own API responses Scout may read, by host and path (and, where one path serves many
 * queries, by the query's name). Each platform keeps its rules in its folder
 * (lib/platforms/<id>/tap.ts); the MAIN-world tap receives them all at build time as pattern
 * sources (`tapSources`, handed over by wxt.config.ts), and the isolated content script accepts
 * what its own platform's rules name. Kept tiny: it ships in every host page.
 */
export interface TapRule {
  /** Matches the URL path. */
  path: RegExp;
  /** For paths that serve many queries: the query name (GraphQL friendly name or queryId) must match. */
  query?: RegExp;
  /**
   * The responses list creators other than the page's own (feeds, search, suggested accounts): the
   * content script sends them to the background as sightings, on any page of the platform.
   */
  lists?: true;
  /** The largest body of this kind that is copied, in characters (TAP_MAX_BODY without it). */
  cap?: number;
}

/** A platform's part of the allow-list: the domains it serves from and the responses read there. */
export interface PlatformTap {
  /** Registrable domains; the rules apply to each and to any subdomain of it. */
  domains: readonly string[];
  rules: readonly TapRule[];
}

/** The allow-list as the tap bundle receives it: per domain, each rule's `[path, query?]` sources. */
export type TapSources = Readonly<Record<string, readonly TapRuleSource[]>>;

/**
 * One rule's pattern sources: the path's, then the query name's (null where the rule has none),
 * then its size cap where it has one.
 */
export type TapRuleSource = readonly [path: string, query?: string | null, cap?: number];

/**
 * The platforms' tap rules as pattern sources, for the tap bundle (a build-time constant: the tap
 * imports no platform). Patterns carry no flags: a source is all the tap compiles.
 */
export function tapSources(platforms: readonly { tap: PlatformTap }[]): TapSources {
  const sources: Record<string, TapRuleSource[]> = {};
  for (const { tap } of platforms) {
    const rules = tap.rules.map((rule): TapRuleSource => {
      const query = rule.query ? sourceOf(rule.query) : null;
      if (rule.cap !== undefined) return [sourceOf(rule.path), query, rule.cap];
      return query === null ? [sourceOf(rule.path)] : [sourceOf(rule.path), query];
    });
    for (const domain of tap.domains) sources[domain] = [...(sources[domain] ?? []), ...rules];
  }
  return sources;
}

/** A flag-free pattern's source, with `\/` written as the plain `/` it means outside a literal. */
function sourceOf(pattern: RegExp): string {
  if (pattern.flags) throw new Error(`tap pattern ${pattern} has flags; the tap compiles sources`);
  return pattern.source.replace(/\\(.)/g, (escape, char: string) => (char === '/' ? '/' : escape));
}

/** The rules for a hostname (any subdomain of a domain the sources name), compiled; or none. */
export function rulesForHost(hostname: string, sources: TapSources): TapRule[] {
  for (const domain in sources) {
    if (hostname === domain || hostname.endsWith(`.${domain}`)) {
      return (sources[domain] ?? []).map(([path, query, cap]) => ({
        path: RegExp(path),
        query: query == null ? undefined : RegExp(query),
        ...(cap === undefined ? {} : { cap }),
      }));
    }
  }
  return [];
}

/** Whether a pattern matches a text (the tap passes the engine's own `exec`, which a page cannot swap). */
export type Matcher = (pattern: RegExp, text: string) => boolean;

const test: Matcher = (pattern, text) => pattern.test(text);

/**
 * The largest body of this path that may be read (the first matching rule's cap, else
 * TAP_MAX_BODY), or 0 when none may; `queryName` is asked only where the path's rule needs a query
 * name. Plain indexed loops: in the page's world, array methods are the page's.
 */
export function allowance(
  rules: readonly TapRule[],
  path: string,
  queryName: () => string | null,
  match: Matcher = test,
): number {
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i]!;
    if (match(rule.path, path) && (!rule.query || match(rule.query, queryName() ?? '')))
      return rule.cap ?? TAP_MAX_BODY;
  }
  return 0;
}

/** True when a response of this path may be read (see `allowance`). */
export function allows(
  rules: readonly TapRule[],
  path: string,
  queryName: () => string | null,
  match: Matcher = test,
): boolean {
  return allowance(rules, path, queryName, match) > 0;
}

/** True when a response of this URL (and query name, if any) may be read. */
export function isAllowed(url: URL, queryName: string | null, rules: readonly TapRule[]): boolean {
  return allows(rules, url.pathname, () => queryName ?? url.searchParams.get('queryId'));
}

/** A copied body larger than this is dropped: no profile payload comes near it. */
export const TAP_MAX_BODY = 4 * 1024 * 1024;
/** A page of comments larger than this is dropped (a page of 50 with every commenter's profile is ~150 KB). */
export const TAP_MAX_COMMENTS_BODY = 512 * 1024;
/** Bodies kept while the isolated side is not listening yet. */
export const TAP_MAX_BUFFER = 16;
