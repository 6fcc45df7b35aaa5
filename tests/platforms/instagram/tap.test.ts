import { describe, expect, it } from 'vitest';
import { instagramTap } from '../../../lib/platforms/instagram/tap';
import {
  allowance,
  rulesForHost,
  TAP_MAX_BODY,
  TAP_MAX_COMMENTS_BODY,
} from '../../../lib/tap/allow-list';
import { TAP_SOURCES, tapCopies } from '../../tap/rules';

// The tap copies only the Instagram responses Scout reads (NOTES-tiktok-instagram.md §2.1), by
// path and, for GraphQL, by the query's friendly name; a post's comments up to a smaller cap
// (lib/tap/allow-list.ts, TAP_MAX_COMMENTS_BODY).

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

/** The largest body the tap built with every platform's rules copies from this response (0: none). */
function capOf(href: string, query: string | null): number {
  const url = new URL(href);
  return allowance(rulesForHost(url.hostname, TAP_SOURCES), url.pathname, () => query);
}

/** A post's comments and their replies: the private API's pages and the web's GraphQL queries. */
const COMMENTS: [string, string | null][] = [
  [`${IG}/api/v1/media/3399377515012791792/comments/?can_support_threading=true`, null],
  [`${IG}/api/v1/media/3399377515012791792_48213377120/comments/`, null],
  [`${IG}/api/v1/media/3399377515012791792/comments/17900058158526847/child_comments/`, null],
  [
    'https://i.instagram.com/api/v1/media/3399377515012791792/comments/17900058158526847/inline_child_comments/',
    null,
  ],
  [`${IG}/graphql/query`, 'PolarisPostCommentsContainerQuery'],
  [`${IG}/graphql/query`, 'PolarisPostCommentsPaginationQuery'],
  [`${IG}/api/graphql`, 'PolarisPostChildCommentsQuery'],
  [`${IG}/api/graphql`, 'PolarisPostCommentsChildrenPaginationtQuery'],
  [`${IG}/graphql/query`, 'PolarisClipsDesktopCommentsPopoverQuery'],
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

  it.each(COMMENTS)('copies %s (%s), a page of comments, up to the comments cap', (href, query) => {
    expect(tapCopies(href, query)).toBe(true);
    expect(listed(href, query)).toBe(false);
    expect(capOf(href, query)).toBe(TAP_MAX_COMMENTS_BODY);
  });

  it('keeps the common cap for the other responses', () => {
    expect(TAP_MAX_COMMENTS_BODY).toBeLessThan(TAP_MAX_BODY);
    expect(capOf(`${IG}/api/v1/media/3401122334455667788/info/`, null)).toBe(TAP_MAX_BODY);
    expect(capOf(`${IG}/graphql/query`, 'PolarisPostRootQuery')).toBe(TAP_MAX_BODY);
    expect(capOf(`${IG}/graphql/query`, 'PolarisFeedTimelineRootV2Query')).toBe(TAP_MAX_BODY);
  });

  it.each([
    [`${IG}/graphql/query`, 'PolarisPostCommentInputRevampedMutation'],
    [`${IG}/graphql/query`, 'usePolarisPostDeleteCommentMutation'],
    [`${IG}/graphql/query`, 'PolarisPostCommentsLikeMutation'],
    [`${IG}/api/v1/web/comments/3399377515012791792/add/`, null],
    [`${IG}/api/v1/media/3399377515012791792/comments/17900058158526847/like/`, null],
    [`${IG}/api/v1/media/3399377515012791792/comment_likers/`, null],
    [`${IG}/api/v1/media/x/comments/`, null],
  ])('leaves %s (%s) alone: posting, liking, no media', (href, query) => {
    expect(tapCopies(href, query)).toBe(false);
  });

  it.each([
    [`${IG}/graphql/query`, 'PolarisDirectInboxQuery'],
    [`${IG}/graphql/query`, 'PolarisProfileSuggestedUsersWithPreloadableQuery'],
    [`${IG}/graphql/query`, 'PolarisStoriesV3TrayQuery'],
    [`${IG}/graphql/query`, null],
    [`${IG}/api/v1/direct_v2/inbox/`, null],
    [`${IG}/api/v1/feed/timeline/`, null],
    [`${IG}/api/v1/feed/user/1/story/`, null],
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
