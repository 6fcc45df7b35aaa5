import { TAP_MAX_COMMENTS_BODY, type PlatformTap } from '../../tap/allow-list';

/**
 * The Voyager responses the tap copies (NOTES-linkedin-youtube.md §4, §6, §8; NOTES-feeds-youtube
 * §3). A profile's own: its networkinfo / profileView and the dash profile lookup (followers,
 * connections), a company's lookup (followers), profile and feed updates and social counts
 * (per-post reactions, comments, reposts). Lists of other accounts (`lists`, read as sightings on
 * any LinkedIn page): the feed's updates (each actor, a company's "N followers"), people search
 * results, and `/voyager/api/me`, read only to know the viewer, who is never a sighting or a chip.
 * The feed's updates are both: a profile's activity loads them too. Never messaging,
 * notifications, settings.
 * A post's comments (comments.ts): the classic `feed/comments` (q=comments, updateId=activity:N)
 * and the dash GraphQL `voyagerSocialDashComments.<hash>` queries (a post's comments, replies by
 * cursor), copied up to TAP_MAX_COMMENTS_BODY. They come first: the first rule that matches sets
 * the cap, and the broader SocialDash rule below matches them too.
 */
export const linkedinTap: PlatformTap = {
  domains: ['linkedin.com'],
  rules: [
    {
      path: /^\/voyager\/api\/(feed\/comments|voyagerSocialDashComments)\/?$/,
      cap: TAP_MAX_COMMENTS_BODY,
    },
    {
      path: /^\/voyager\/api\/graphql\/?$/,
      query: /^voyagerSocialDashComments(\.|$)/,
      cap: TAP_MAX_COMMENTS_BODY,
    },
    {
      path: /^\/voyager\/api\/(identity\/(profiles\/[^/]+\/(networkinfo|profileView)|dash\/profiles|profileUpdatesV2)|organization\/companies|feed\/(updatesV2|updates|dash\/)|socialActions\/)/,
    },
    {
      path: /^\/voyager\/api\/graphql\/?$/,
      query: /^voyager(FeedDash|IdentityDashProfile|SocialDash|OrganizationDashCompan)/,
    },
    {
      path: /^\/voyager\/api\/(feed\/(updatesV2|updates|dash\/)|search\/(dash\/clusters|blended)\/?$|me\/?$)/,
      lists: true,
    },
    {
      path: /^\/voyager\/api\/graphql\/?$/,
      query: /^voyager(FeedDash|SearchDashClusters)/,
      lists: true,
    },
  ],
};
