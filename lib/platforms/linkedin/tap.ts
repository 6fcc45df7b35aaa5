import type { PlatformTap } from '../../tap/allow-list';

/**
 * Voyager (NOTES-linkedin-youtube.md §4, §6, §8): a profile's networkinfo / profileView and the
 * dash profile lookup (followers, connections), a company's lookup (followers), profile and feed
 * updates and social counts (per-post reactions, comments, reposts). Never /voyager/api/me (the
 * viewer), messaging, notifications, search, settings.
 */
export const linkedinTap: PlatformTap = {
  domains: ['linkedin.com'],
  rules: [
    {
      path: /^\/voyager\/api\/(identity\/(profiles\/[^/]+\/(networkinfo|profileView)|dash\/profiles|profileUpdatesV2)|organization\/companies|feed\/(updatesV2|updates|dash\/)|socialActions\/)/,
    },
    {
      path: /^\/voyager\/api\/graphql\/?$/,
      query: /^voyager(FeedDash|IdentityDashProfile|SocialDash|OrganizationDashCompan)/,
    },
  ],
};
