import type { PlatformTap } from '../../tap/allow-list';

/** The Instagram responses the tap copies, by path and, for GraphQL, by the query's friendly name. */
export const instagramTap: PlatformTap = {
  domains: ['instagram.com'],
  rules: [
    // NOTES-tiktok-instagram.md §2.1: the profile (web_profile_info), the private-API timeline
    // (feed/user/<pk>/ and feed/user/<name>/username/), the reels tab (clips/user) and a post
    // page's media (media/<pk>/info).
    {
      path: /^\/api\/v1\/(users\/web_profile_info|feed\/user\/[^/]+(\/username)?|clips\/user|media\/\d+\/info)\/?$/,
    },
    // Logged-in GraphQL by friendly name: PolarisProfilePostsQuery (the xdt timeline capture) and
    // its pages, the profile header, the reels tab, post pages.
    {
      path: /^\/(api\/)?graphql(\/query)?\/?$/,
      query:
        /^(use)?Polaris(Profile(Posts|PageContent|ReelsTab)|PostActionLoadPost|PostRoot)|UserTimeline|user_timeline/,
    },
  ],
};
