import { sightingsFrom } from '../extract/sightings';
import type { Platform } from '../model/snapshot';
import { jsonLiteralEnd, parseJsonDocuments } from '../parsing/json-documents';
import type { PlatformDefinition, PlatformWorker } from '../platforms/types';
import { timePerCall, type Measure } from './measure';
import type { BenchFile } from './tiktok';

/** Reading a feed body's sightings vs a bare JSON.parse of it (the issue's budget). */
export const SIGHTINGS_RATIO_BUDGET = 3;
/** Below this a body is a status answer, not a feed: its ratio would measure a function call. */
const MIN_CHARS = 1024;

/** The request a body answered: readers classify a body by its URL, as the background does. */
export interface BodyRequest {
  url: URL;
  /** A GraphQL query's friendly name, which the tap's rules ask for where one path serves many. */
  queryName?: string;
  /**
   * How the URL is known: the demo route serving the file, the endpoint its name says, or a For You
   * page built from a real capture's item (every field the app sends, not only those Scout reads).
   */
  from: 'demo route' | 'file name' | 'real item shape';
}

/** A body to measure: a file with the request it answered. */
export type FeedBody = BenchFile & BodyRequest;

/** The demo routes' JSON bodies (files under tests/fixtures/pages/), each with its request URL. */
export function demoBodies(platform: PlatformDefinition): { file: string; request: BodyRequest }[] {
  return platform.demo
    .filter((route) => route.file.endsWith('.json'))
    .map((route) => {
      const url = new URL(`https://${route.host}${route.path}`);
      for (const [key, value] of Object.entries(route.query ?? {})) {
        url.searchParams.set(key, value);
      }
      return { file: route.file, request: { url, from: 'demo route' as const } };
    });
}

/** An endpoint a saved body's file name names (own fixtures and the real captures alike). */
interface NamedEndpoint {
  name: RegExp;
  /** Path and query of the request, on the platform's own host. */
  path: string;
  queryName?: string;
}

/**
 * What each platform's saved bodies answered, by file name (the fixture READMEs' "read at" and
 * the platforms' tests). A name that is not here has no known request: its body is not measured.
 */
const NAMED_ENDPOINTS: Readonly<Record<Platform, readonly NamedEndpoint[]>> = {
  tiktok: [
    { name: /^api-recommend-item-list/, path: '/api/recommend/item_list/' },
    { name: /^api-search-general/, path: '/api/search/general/full/' },
    { name: /^api-search-user/, path: '/api/search/user/full/' },
    { name: /^api-search-item/, path: '/api/search/item/full/' },
    { name: /^api-user-list/, path: '/api/user/list/' },
    { name: /^(tiktok-)?api-(post-)?item[-_]list-/, path: '/api/post/item_list/' },
    { name: /^(tiktok-)?api-user-detail-/, path: '/api/user/detail/' },
    { name: /^api-item-detail-/, path: '/api/item/detail/' },
  ],
  instagram: [
    { name: /^clips-home/, path: '/api/v1/clips/home/' },
    { name: /^explore-grid-web/, path: '/api/v1/discover/web/explore_grid/' },
    { name: /^topsearch-/, path: '/api/v1/web/search/topsearch/?context=blended' },
    {
      name: /^feed-timeline-home/,
      path: '/graphql/query',
      queryName: 'PolarisFeedTimelineRootV2Query',
    },
    {
      name: /^search-box-graphql/,
      path: '/graphql/query',
      queryName: 'PolarisSearchBoxRefetchableQuery',
    },
    {
      name: /^clips-user-graphql-streamed/,
      path: '/graphql/query',
      queryName: 'PolarisProfileReelsTabContentQuery',
    },
    {
      name: /^(instagram-xdt-user-)?timeline-(xdt|graphql)/,
      path: '/graphql/query',
      queryName: 'PolarisProfilePostsQuery',
    },
    {
      name: /^profile-content-/,
      path: '/graphql/query',
      queryName: 'PolarisProfilePageContentQuery',
    },
    { name: /^(instagram-)?web[-_]profile[-_]info/, path: '/api/v1/users/web_profile_info/' },
  ],
  linkedin: [
    {
      name: /^voyager-profile-updates/,
      path: '/voyager/api/identity/profileUpdatesV2?q=memberShareFeed',
    },
    { name: /^voyager-feed-updatesV2/, path: '/voyager/api/feed/updatesV2?q=feed' },
  ],
};

/** The request a saved body answered, as its file name says; null when the name says none. */
export function namedRequest(platform: PlatformDefinition, name: string): BodyRequest | null {
  const endpoint = NAMED_ENDPOINTS[platform.id].find((e) => e.name.test(name));
  if (!endpoint) return null;
  const url = new URL(endpoint.path, new URL(platform.profileUrl('x')).origin);
  return {
    url,
    ...(endpoint.queryName ? { queryName: endpoint.queryName } : {}),
    from: 'file name',
  };
}

/**
 * The body's JSON documents as texts, for the bare parse: the whole body when it is one document,
 * else each of the documents a streamed body holds back to back.
 */
function documentTexts(text: string): string[] {
  try {
    JSON.parse(text);
    return [text];
  } catch {
    // several documents: cut below
  }
  const texts: string[] = [];
  let i = 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i] as string)) i++;
    const end = i < text.length ? jsonLiteralEnd(text, i) : -1;
    if (end < 0) return texts;
    texts.push(text.slice(i, end));
    i = end;
  }
}

/**
 * Whether the tap copies this request's responses (else the background never reads them), and
 * whether as a list of creators (a rule marked `lists`: sent as sightings from any page).
 */
function tapKind(
  platform: PlatformDefinition,
  request: BodyRequest,
): 'list' | 'creator page' | null {
  const queryName = request.queryName ?? request.url.searchParams.get('queryId') ?? '';
  const rules = platform.tap.rules.filter(
    (rule) => rule.path.test(request.url.pathname) && (!rule.query || rule.query.test(queryName)),
  );
  if (rules.length === 0) return null;
  return rules.some((rule) => rule.lists) ? 'list' : 'creator page';
}

/**
 * One measure per feed body (a JSON body of at least 1 KB that shows two creators or more, read
 * from the request it answered, which the tap copies): the background's whole work on it (parse,
 * the platform's readers, one sighting per creator) against `JSON.parse` alone.
 */
export function sightingsMeasures(
  platform: PlatformDefinition,
  worker: PlatformWorker,
  bodies: readonly FeedBody[],
  clock: () => number,
): Measure[] {
  const now = Date.UTC(2026, 0, 1);
  const read = (body: FeedBody) =>
    sightingsFrom(
      platform,
      parseJsonDocuments(body.text).flatMap((json) => worker.readBody(json, body.url, now)),
      now,
    );
  return bodies.flatMap((body) => {
    const kind = tapKind(platform, body);
    if (!kind || body.text.length < MIN_CHARS || read(body).length < 2) return [];
    const request = `${body.url.pathname}${body.queryName ? ` ${body.queryName}` : ''}`;
    const texts = documentTexts(body.text);
    const bare = () => texts.map((text) => JSON.parse(text) as unknown);
    return [
      {
        id: `sightings.${platform.id}.${body.name}`,
        unit: 'ratio' as const,
        budget: SIGHTINGS_RATIO_BUDGET,
        label: `${kind} body ${request} (URL: ${body.from}): parse, read, sightings vs JSON.parse`,
        sample: () => timePerCall(() => read(body), clock) / timePerCall(bare, clock),
      },
    ];
  });
}
