import { TAP_MAX_COMMENTS_BODY, type PlatformTap } from '../../tap/allow-list';

/**
 * The feeds that answer in a profile item list's shape (NOTES-feeds-youtube.md §1): For You,
 * Explore, a video's related list, hashtag and sound pages, the following feed. Their items are
 * other creators' (never the page's by position).
 */
export const FEED_ITEM_LISTS =
  /^\/api\/(recommend|explore|related|challenge|music|following)\/item_list\/?$/;

/**
 * The TikTok API responses the tap copies: a profile's video list, the user detail and a video's
 * detail (the page's creator), a video's comment pages and their replies (texts and likes are read,
 * nothing about the commenters: comments.ts), and the lists of other creators: the feeds above, the
 * search answers (general, users, videos) and lists of accounts (a profile's following, followers
 * and suggested tabs). Nothing else the web app fetches (messages, settings) is read.
 */
export const tiktokTap: PlatformTap = {
  domains: ['tiktok.com'],
  rules: [
    { path: /^\/api\/(post\/item_list|user\/detail|item\/detail)\/?$/ },
    // A page of comments carries every commenter's profile beside the text: capped smaller.
    { path: /^\/api\/comment\/list(\/reply)?\/?$/, cap: TAP_MAX_COMMENTS_BODY },
    { path: FEED_ITEM_LISTS, lists: true },
    { path: /^\/api\/search\/(general|user|item)\/full\/?$/, lists: true },
    { path: /^\/api\/user\/list\/?$/, lists: true },
  ],
};
