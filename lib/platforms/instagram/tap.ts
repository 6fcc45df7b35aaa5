import { TAP_MAX_COMMENTS_BODY, type PlatformTap } from '../../tap/allow-list';

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
    // Lists of other creators (NOTES-feeds-youtube.md §2): a user card (users/<pk>/info/, exact
    // counts), top search (web, also at its older root path, and mobile), the search grid (fbsearch/web/top_serp, media_grid),
    // Explore (discover/web/explore_grid, sectional_items) and the reels feed (clips/home).
    {
      path: /^\/(api\/v1\/(users\/\d+\/info|web\/search\/topsearch|fbsearch\/(topsearch(_flat)?|web\/top_serp)|discover\/web\/explore_grid|clips\/home)|web\/search\/topsearch)\/?$/,
      lists: true,
    },
    // The same in GraphQL: the home feed (xdt_api__v1__feed__timeline__connection), the reels
    // feed, the search box (xdt_api__v1__fbsearch__topsearch_connection) and a profile's reels
    // (xdt_user_clips_graphql, streamed: its collabs' owners are other creators).
    {
      path: /^\/(api\/)?graphql(\/query)?\/?$/,
      query: /^(use)?Polaris(Feed(Root|Timeline)|ClipsTab|SearchBox|ProfileReelsTab)|^ClipsProfile/,
      lists: true,
    },
    // A post's comments (comments.ts: texts and likes, nothing about the commenters), capped: a
    // page of them carries every commenter's profile. The private API's comment pages and their
    // replies (`child_comments`; the app's `inline_child_comments`)…
    {
      path: /^\/api\/v1\/media\/\d+(_\d+)?\/comments(\/\d+\/(inline_)?child_comments)?\/?$/,
      cap: TAP_MAX_COMMENTS_BODY,
    },
    // …and the web's GraphQL comment queries by friendly name: a post's first comments
    // (PolarisPostCommentsContainerQuery) and their pages (PolarisPostCommentsPaginationQuery),
    // the replies (PolarisPostChildCommentsQuery, then PolarisPostCommentsChildrenPaginationtQuery,
    // Instagram's spelling) and a reel's comment popover (PolarisClipsDesktopCommentsPopoverQuery).
    // The name ends in Query: the mutations beside them (posting, liking, deleting) end in Mutation.
    // Their nodes name no post (the request's media_id variable does), so a body read alone gives
    // a list only where its URL names the post.
    {
      path: /^\/(api\/)?graphql(\/query)?\/?$/,
      query: /^Polaris(Post(Child)?Comments|ClipsDesktopComments)\w*Query(_\w+)?$/,
      cap: TAP_MAX_COMMENTS_BODY,
    },
  ],
};
