import { describe, expect, it } from 'vitest';
import { linkedinTap } from '../../../lib/platforms/linkedin/tap';
import {
  allowance,
  rulesForHost,
  TAP_MAX_BODY,
  TAP_MAX_COMMENTS_BODY,
} from '../../../lib/tap/allow-list';
import { TAP_SOURCES, tapCopies } from '../../tap/rules';

// The tap copies only the Voyager responses Scout reads (lib/platforms/linkedin/tap.ts): a
// profile's own, and the lists of other accounts (the feed, people search, the viewer), which the
// content script sends as sightings on any LinkedIn page.

const LI = 'https://www.linkedin.com';

/** The query name the tap reads a GraphQL call by: its `queryId`. */
const queryOf = (href: string) => new URL(href).searchParams.get('queryId');

/** The largest body of this response the tap copies (0: none). */
const capOf = (href: string) => {
  const url = new URL(href);
  return allowance(rulesForHost(url.hostname, TAP_SOURCES), url.pathname, () => queryOf(href));
};

/** True when a lists rule (`lists: true`) names the response. */
function listed(href: string): boolean {
  const { pathname } = new URL(href);
  return linkedinTap.rules.some(
    (rule) =>
      rule.lists === true &&
      rule.path.test(pathname) &&
      (!rule.query || rule.query.test(queryOf(href) ?? '')),
  );
}

/** True when a rule for the page's own creator (no `lists`) names the response. */
function ownPage(href: string): boolean {
  const { pathname } = new URL(href);
  return linkedinTap.rules.some(
    (rule) =>
      !rule.lists &&
      rule.path.test(pathname) &&
      (!rule.query || rule.query.test(queryOf(href) ?? '')),
  );
}

describe("the tap's LinkedIn allow-list", () => {
  it.each([
    `${LI}/voyager/api/identity/dash/profiles?q=memberIdentity`,
    `${LI}/voyager/api/identity/profiles/mara-lindqvist/networkinfo`,
    `${LI}/voyager/api/identity/profiles/mara-lindqvist/profileView`,
    `${LI}/voyager/api/identity/dash/profiles?q=memberIdentity&memberIdentity=x`,
    `${LI}/voyager/api/identity/profileUpdatesV2?q=memberShareFeed`,
    `${LI}/voyager/api/organization/companies?q=universalName&universalName=x`,
    `${LI}/voyager/api/graphql?queryId=voyagerIdentityDashProfiles.b5c27c`,
    `${LI}/voyager/api/graphql?queryId=voyagerSocialDashSocialActivityCounts.1`,
    `${LI}/voyager/api/graphql?queryId=voyagerOrganizationDashCompanies.9`,
  ])('copies %s for the page’s own creator, not as a list', (href) => {
    expect(tapCopies(href)).toBe(true);
    expect(ownPage(href)).toBe(true);
    expect(listed(href)).toBe(false);
  });

  it.each([
    `${LI}/voyager/api/feed/updatesV2?count=5&q=feed&start=0`,
    `${LI}/voyager/api/feed/updates?q=feed`,
    `${LI}/voyager/api/feed/dash/feedUpdates?q=feed`,
    `${LI}/voyager/api/graphql?queryId=voyagerFeedDashMainFeed.923020905727c01516495a0ac90bb475`,
    `${LI}/voyager/api/graphql?queryId=voyagerFeedDashProfileUpdates.4af00b`,
  ])('copies %s as a list of other creators and for a profile’s activity', (href) => {
    expect(tapCopies(href)).toBe(true);
    expect(listed(href)).toBe(true);
    expect(ownPage(href)).toBe(true);
  });

  it.each([
    `${LI}/voyager/api/search/dash/clusters?q=all&query=(keywords:pricing)`,
    `${LI}/voyager/api/search/blended?keywords=pricing&origin=GLOBAL_SEARCH_HEADER`,
    `${LI}/voyager/api/graphql?variables=(start:0)&queryId=voyagerSearchDashClusters.b0928897`,
    `${LI}/voyager/api/me`,
  ])('copies %s as a list only (never the page’s creator)', (href) => {
    expect(tapCopies(href)).toBe(true);
    expect(listed(href)).toBe(true);
    expect(ownPage(href)).toBe(false);
  });

  it.each([
    `${LI}/voyager/api/identity/profiles/x/privacySettings`,
    `${LI}/voyager/api/identity/dash/profilePrivacySettings`,
    `${LI}/voyager/api/messaging/conversations`,
    `${LI}/voyager/api/voyagerNotificationsDashNotificationCards`,
    `${LI}/voyager/api/me/settings`,
    `${LI}/voyager/api/mes`,
    `${LI}/voyager/api/search/history`,
    `${LI}/voyager/api/search/dash/clusters/extra`,
    `${LI}/voyager/api/typeahead/hitsV2?keywords=ma`,
    `${LI}/voyager/api/graphql?queryId=voyagerMessagingDashConversations.1`,
    `${LI}/voyager/api/graphql?queryId=voyagerSearchDashTypeahead.1`,
    `${LI}/voyager/api/graphql?queryId=notvoyagerFeedDashX.1`,
    `${LI}/voyager/api/graphql`,
    `${LI}/search/results/people/?keywords=pricing`,
    'https://www.linkedin.com.evil.example/voyager/api/feed/updatesV2',
  ])('leaves %s alone', (href) => {
    expect(tapCopies(href)).toBe(false);
  });

  it.each([
    `${LI}/voyager/api/feed/comments?count=10&q=comments&sortOrder=RELEVANCE&start=0&updateId=activity:7337863546929806321`,
    `${LI}/voyager/api/graphql?variables=(count:10,start:0)&queryId=voyagerSocialDashComments.afec6d88d7810d45548797a8dac4fb87`,
    `${LI}/voyager/api/graphql?queryId=voyagerSocialDashComments.8ada653d14b465e4f86d3ed7dcbe6695&queryName=SocialDashCommentsByRepliesByCursor`,
  ])('copies the comments of %s, up to the comment-page cap', (href) => {
    expect(tapCopies(href)).toBe(true);
    expect(listed(href)).toBe(false);
    expect(capOf(href)).toBe(TAP_MAX_COMMENTS_BODY);
  });

  it('keeps the common cap for the other responses the same paths serve', () => {
    expect(capOf(`${LI}/voyager/api/graphql?queryId=voyagerSocialDashReactions.41ebf31a`)).toBe(
      TAP_MAX_BODY,
    );
    expect(capOf(`${LI}/voyager/api/feed/updatesV2?q=feed`)).toBe(TAP_MAX_BODY);
    expect(capOf(`${LI}/voyager/api/feed/commentsX?q=comments`)).toBe(0);
  });

  it('keeps its patterns flag-free (the tap compiles their sources)', () => {
    for (const rule of linkedinTap.rules) {
      expect(rule.path.flags).toBe('');
      expect(rule.query?.flags ?? '').toBe('');
    }
  });
});
