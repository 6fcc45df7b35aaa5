import type { PageMatch, PlatformUrlRules } from '../types';
import { isHostOf, pathSegments } from '../url-helpers';

// TikTok usernames: letters, digits, '.' and '_' (2–24 chars); we accept 1–64 to survive rule changes.
const HANDLE = /^@([A-Za-z0-9._]{1,64})$/;
const ID = /^\d{5,25}$/;

export const tiktokUrls: PlatformUrlRules<'tiktok'> = {
  id: 'tiktok',
  matches: ['https://*.tiktok.com/*'],
  ownsHost: (hostname) => isHostOf(hostname, 'tiktok.com'),
  match(url): PageMatch | null {
    const [first, second, third, ...rest] = pathSegments(url);
    const handle = first?.match(HANDLE)?.[1]?.toLowerCase();
    if (!handle) return null;
    if (second === undefined) return { platform: 'tiktok', kind: 'profile', handle };
    if (
      (second === 'video' || second === 'photo') &&
      third &&
      ID.test(third) &&
      rest.length === 0
    ) {
      return {
        platform: 'tiktok',
        kind: second === 'video' ? 'video' : 'post',
        handle,
        postId: third,
      };
    }
    return null;
  },
  profileUrl: (handle) => `https://www.tiktok.com/@${handle}`,
};
