import type { ProfileSnapshot } from '../model/snapshot';
import type { ExtractInput, ExtractResult, PlatformUrlRules } from './types';

/**
 * The least a creator page tells: whose page it is, from the URL alone. Platform readers start
 * from this and add what the page's data holds; it carries no counts, so nothing unknown reads as 0.
 */
export function extractFromUrl(rules: PlatformUrlRules, input: ExtractInput): ExtractResult {
  const match = rules.match(input.url);
  if (!match)
    return { ok: false, problem: 'not-creator', reason: `not a ${rules.id} creator page` };
  if (!match.handle) return { ok: false, problem: 'no-data', reason: 'no profile data found' };
  const snapshot: ProfileSnapshot = {
    platform: rules.id,
    handle: match.handle,
    url: rules.profileUrl(match.handle),
    precision: {},
    recentPosts: [],
    capturedAt: input.now,
    sources: ['url'],
  };
  return { ok: true, snapshot, missing: ['followers', 'recentPosts'] };
}
