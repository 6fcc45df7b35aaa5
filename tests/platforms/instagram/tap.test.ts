import { describe, expect, it } from 'vitest';
import { instagramTap } from '../../../lib/platforms/instagram/tap';
import { tapCopies } from '../../tap/rules';

// The tap copies only the Instagram responses Scout reads (NOTES-tiktok-instagram.md §2.1), by
// path and, for GraphQL, by the query's friendly name.

const IG = 'https://www.instagram.com';

/**
 * Responses that list creators other than the page's own (NOTES-feeds-youtube.md §2): the content
 * script sends them as sightings on any Instagram page.
 */
const LISTS: [string, string | null][] = [
  [`${IG}/api/v1/users/48213377120/info/`, null],
  ['https://i.instagram.com/api/v1/users/787132/info/', null],
  [`${IG}/api/v1/web/search/topsearch/?context=blended&query=hiking`, null],
  [`${IG}/web/search/topsearch/?query=hiking`, null],
  ['https://i.instagram.com/api/v1/fbsearch/topsearch_flat/?query=hiking', null],
  [`${IG}/api/v1/fbsearch/topsearch/?query=hiking`, null],
  [`${IG}/api/v1/fbsearch/web/top_serp/?query=hiking`, null],
  [`${IG}/api/v1/discover/web/explore_grid/?is_nonpersonalized_explore=false`, null],
  ['https://i.instagram.com/api/v1/clips/home/', null],
  [`${IG}/graphql/query`, 'PolarisFeedRootPaginationCachedQuery_subscribe'],
  [`${IG}/graphql/query`, 'PolarisFeedTimelineRootV2Query'],
  [`${IG}/graphql/query`, 'PolarisClipsTabDesktopPaginationQuery'],
  [`${IG}/graphql/query`, 'PolarisSearchBoxRefetchableQuery'],
  [`${IG}/graphql/query`, 'PolarisProfileReelsTabContentQuery'],
  [`${IG}/api/graphql`, 'ClipsProfileQuery'],
];

/** True when a lists rule (`lists: true`) names the response. */
function listed(href: string, query: string | null): boolean {
  const { pathname } = new URL(href);
  return instagramTap.rules.some(
    (rule) =>
      rule.lists === true &&
      rule.path.test(pathname) &&
      (!rule.query || rule.query.test(query ?? '')),
  );
}

describe('the Instagram tap rules', () => {
  it.each([
    [`${IG}/api/v1/users/web_profile_info/?username=x`, null],
    [`${IG}/api/v1/feed/user/123/?count=12`, null],
    [`${IG}/api/v1/users/web_profile_info/?username=mira.loops`, null],
    [`${IG}/api/v1/feed/user/48213377120/?count=12`, null],
    [`${IG}/api/v1/feed/user/mira.loops/username/?count=12`, null],
    [`${IG}/api/v1/clips/user/`, null],
    [`${IG}/api/v1/media/3401122334455667788/info/`, null],
    [`${IG}/graphql/query`, 'PolarisProfilePostsQuery'],
    [`${IG}/graphql/query`, 'PolarisProfilePostsTabContentQuery_connection'],
    [`${IG}/graphql/query`, 'PolarisProfilePageContentQuery'],
    [`${IG}/graphql/query`, 'PolarisProfileReelsTabContentQuery'],
    [`${IG}/graphql/query`, 'PolarisPostActionLoadPostQueryQuery'],
    [`${IG}/api/graphql`, 'PolarisPostRootQuery'],
    ['https://i.instagram.com/api/v1/users/web_profile_info/?username=x', null],
    ...LISTS,
  ])('copies %s (%s)', (href, query) => {
    expect(tapCopies(href, query)).toBe(true);
  });

  it.each(LISTS)('sends %s (%s) as a list of other creators', (href, query) => {
    expect(listed(href, query)).toBe(true);
  });

  it.each([
    [`${IG}/api/v1/users/web_profile_info/?username=x`, null],
    [`${IG}/api/v1/feed/user/123/?count=12`, null],
    [`${IG}/graphql/query`, 'PolarisProfilePostsQuery'],
    [`${IG}/graphql/query`, 'PolarisPostActionLoadPostQueryQuery'],
  ])('keeps %s (%s) for the page’s own creator, not as a list', (href, query) => {
    expect(listed(href, query)).toBe(false);
  });

  it.each([
    [`${IG}/graphql/query`, 'PolarisDirectInboxQuery'],
    [`${IG}/graphql/query`, 'PolarisProfileSuggestedUsersWithPreloadableQuery'],
    [`${IG}/graphql/query`, 'PolarisStoriesV3TrayQuery'],
    [`${IG}/graphql/query`, null],
    [`${IG}/api/v1/direct_v2/inbox/`, null],
    [`${IG}/api/v1/feed/timeline/`, null],
    [`${IG}/api/v1/feed/user/1/story/`, null],
    [`${IG}/api/v1/media/1/comments/`, null],
    [`${IG}/api/v1/users/web_profile_info/extra`, null],
    [`${IG}/mira.loops/`, null],
    [`${IG}/api/v1/users/mira.loops/info/`, null],
    [`${IG}/api/v1/users/48213377120/info/extra`, null],
    [`${IG}/api/v1/fbsearch/recent_searches/`, null],
    [`${IG}/api/v1/discover/web/explore_grid/extra/`, null],
    [`${IG}/users/48213377120/info/`, null],
    [`${IG}/explore/`, null],
    [`${IG}/graphql/query`, 'PolarisFeedSuggestedUsersQuery'],
    [`${IG}/graphql/query`, 'NotPolarisFeedRootQuery'],
  ])('leaves %s (%s) alone', (href, query) => {
    expect(tapCopies(href, query)).toBe(false);
  });
});
