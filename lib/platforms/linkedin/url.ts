import type { PageMatch, PlatformUrlRules } from '../types';
import { decodeSegment, isHostOf, pathSegments } from '../url-helpers';

// Public profile slugs: letters (any script, often percent-encoded), digits and hyphens.
const SLUG = /^[\p{L}\p{M}\p{N}_-]{2,100}$/u;
// Company slugs may also hold dots: `/company/urban.lk` in the JSON-LD of
// public-profile_2023-04_dulithawijewantha_public_profile_v3_excerpt.html.
const COMPANY_SLUG = /^[\p{L}\p{M}\p{N}._-]{2,100}$/u;
const ACTIVITY_URN = /^urn:li:(?:activity|share|ugcPost):(\d{10,25})$/;

function slug(segment: string | undefined, pattern = SLUG): string | null {
  if (!segment) return null;
  const decoded = decodeSegment(segment);
  return decoded && pattern.test(decoded) ? decoded.toLowerCase() : null;
}

export const linkedinUrls: PlatformUrlRules<'linkedin'> = {
  id: 'linkedin',
  matches: ['https://*.linkedin.com/*'],
  ownsHost: (hostname) => isHostOf(hostname, 'linkedin.com'),
  match(url): PageMatch | null {
    const [first, second, third, fourth] = pathSegments(url);
    if (first === 'in') {
      const handle = slug(second);
      if (!handle) return null;
      if (third === undefined) return { platform: 'linkedin', kind: 'profile', handle };
      if (third === 'recent-activity') return { platform: 'linkedin', kind: 'activity', handle };
      return null;
    }
    if (first === 'company') {
      const company = slug(second, COMPANY_SLUG);
      if (!company) return null;
      if (third === undefined || third === 'about' || third === 'posts') {
        return { platform: 'linkedin', kind: 'company', handle: `company/${company}` };
      }
      return null;
    }
    if (first === 'posts' && second && third === undefined) {
      const decoded = decodeSegment(second);
      const id = decoded?.match(/(?:activity|share|ugcPost)-(\d{10,25})/)?.[1];
      return id ? { platform: 'linkedin', kind: 'post', postId: id } : null;
    }
    if (first === 'feed' && second === 'update' && third && fourth === undefined) {
      const id = decodeSegment(third)?.match(ACTIVITY_URN)?.[1];
      return id ? { platform: 'linkedin', kind: 'post', postId: id } : null;
    }
    return null;
  },
  profileUrl: (handle) =>
    handle.startsWith('company/')
      ? `https://www.linkedin.com/${handle}/`
      : `https://www.linkedin.com/in/${handle}/`,
};
