import { describe, expect, it } from 'vitest';
import { tapCopies } from '../../tap/rules';

describe("the tap's LinkedIn allow-list", () => {
  it.each([
    'https://www.linkedin.com/voyager/api/graphql?queryId=voyagerFeedDashProfileUpdates.abc',
    'https://www.linkedin.com/voyager/api/identity/dash/profiles?q=memberIdentity',
    'https://www.linkedin.com/voyager/api/identity/profiles/mara-lindqvist/networkinfo',
    'https://www.linkedin.com/voyager/api/identity/profiles/mara-lindqvist/profileView',
    'https://www.linkedin.com/voyager/api/identity/dash/profiles?q=memberIdentity&memberIdentity=x',
    'https://www.linkedin.com/voyager/api/identity/profileUpdatesV2?q=memberShareFeed',
    'https://www.linkedin.com/voyager/api/feed/updatesV2?q=feed',
    'https://www.linkedin.com/voyager/api/organization/companies?q=universalName&universalName=x',
    'https://www.linkedin.com/voyager/api/graphql?queryId=voyagerFeedDashProfileUpdates.4af00b',
    'https://www.linkedin.com/voyager/api/graphql?queryId=voyagerIdentityDashProfiles.b5c27c',
    'https://www.linkedin.com/voyager/api/graphql?queryId=voyagerSocialDashSocialActivityCounts.1',
    'https://www.linkedin.com/voyager/api/graphql?queryId=voyagerOrganizationDashCompanies.9',
  ])('copies %s', (href) => {
    expect(tapCopies(href)).toBe(true);
  });

  it.each([
    'https://www.linkedin.com/voyager/api/me',
    'https://www.linkedin.com/voyager/api/identity/profiles/x/privacySettings',
    'https://www.linkedin.com/voyager/api/identity/dash/profilePrivacySettings',
    'https://www.linkedin.com/voyager/api/messaging/conversations',
    'https://www.linkedin.com/voyager/api/voyagerNotificationsDashNotificationCards',
    'https://www.linkedin.com/voyager/api/search/dash/clusters',
    'https://www.linkedin.com/voyager/api/graphql?queryId=voyagerMessagingDashConversations.1',
    'https://www.linkedin.com/voyager/api/graphql?queryId=voyagerSearchDashClusters.1',
    'https://www.linkedin.com/voyager/api/graphql?queryId=notvoyagerFeedDashX.1',
  ])('leaves %s alone', (href) => {
    expect(tapCopies(href)).toBe(false);
  });
});
