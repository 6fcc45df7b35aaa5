import type { PageMatch, PlatformUrlRules } from '../types';
import { isHostOf, pathSegments } from '../url-helpers';

// Instagram usernames: letters, digits, '.' and '_', at most 30 characters.
const HANDLE = /^[A-Za-z0-9._]{1,30}$/;
const CODE = /^[A-Za-z0-9_-]{5,64}$/;

/**
 * First path segments that are Instagram's own sections, never usernames. Instagram does not let
 * users register these names, so a profile can never live at them.
 */
export const INSTAGRAM_RESERVED = new Set([
  'about',
  'accounts',
  'ajax',
  'api',
  'ar',
  'archive',
  'blog',
  'challenge',
  'create',
  'developer',
  'direct',
  'directory',
  'emails',
  'explore',
  'graphql',
  'help',
  'invites',
  'jobs',
  'legal',
  'lite',
  'locations',
  'login',
  'logout',
  'meta',
  'nametag',
  'notifications',
  'oauth',
  'p',
  'popular',
  'press',
  'privacy',
  'reel',
  'reels',
  'saved',
  'session',
  'settings',
  'signup',
  'static',
  'stories',
  'terms',
  'threads',
  'topics',
  'tv',
  'web',
  'your_activity',
]);

/** Profile tabs that still show the profile's header. */
const PROFILE_TABS = new Set(['reels', 'tagged', 'saved', 'followers', 'following', 'guides']);

export const instagramUrls: PlatformUrlRules<'instagram'> = {
  id: 'instagram',
  matches: ['https://*.instagram.com/*'],
  ownsHost: (hostname) => isHostOf(hostname, 'instagram.com'),
  match(url): PageMatch | null {
    const segments = pathSegments(url);
    const [first, second, third] = segments;
    if (!first) return null;
    if ((first === 'p' || first === 'reel' || first === 'tv') && second && CODE.test(second)) {
      if (segments.length > 2) return null;
      return { platform: 'instagram', kind: first === 'reel' ? 'reel' : 'post', postId: second };
    }
    if (!HANDLE.test(first) || INSTAGRAM_RESERVED.has(first.toLowerCase())) return null;
    const handle = first.toLowerCase();
    if (second === undefined) return { platform: 'instagram', kind: 'profile', handle };
    // Newer post links carry the author: /<handle>/p/<code>/ and /<handle>/reel/<code>/.
    if (
      (second === 'p' || second === 'reel') &&
      third &&
      CODE.test(third) &&
      segments.length === 3
    ) {
      return {
        platform: 'instagram',
        kind: second === 'reel' ? 'reel' : 'post',
        handle,
        postId: third,
      };
    }
    if (PROFILE_TABS.has(second) && segments.length === 2) {
      return { platform: 'instagram', kind: 'profile', handle };
    }
    return null;
  },
  profileUrl: (handle) => `https://www.instagram.com/${handle}/`,
};
