import type { PlatformTap } from '../../tap/allow-list';

/**
 * The TikTok API responses the tap copies: a profile's video list, the user detail and a video's
 * detail. Nothing else the web app fetches (messages, the feed, search) is read.
 */
export const tiktokTap: PlatformTap = {
  domains: ['tiktok.com'],
  rules: [{ path: /^\/api\/(post\/item_list|user\/detail|item\/detail)\/?$/ }],
};
