import { describe, expect, it } from 'vitest';
import { tapCopies } from '../../tap/rules';

// The tap copies only the Instagram responses Scout reads (NOTES-tiktok-instagram.md §2.1), by
// path and, for GraphQL, by the query's friendly name.

const IG = 'https://www.instagram.com';

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
  ])('copies %s (%s)', (href, query) => {
    expect(tapCopies(href, query)).toBe(true);
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
  ])('leaves %s (%s) alone', (href, query) => {
    expect(tapCopies(href, query)).toBe(false);
  });
});
