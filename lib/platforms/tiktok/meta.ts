import { newReading, normalizeHandle, type Reading } from '../../extract/reading';
import type { ProfileCountField } from '../../model/snapshot';
import { MAX_AUDIENCE, parseCount } from '../../parsing/count';

/**
 * TikTok's one-line summaries of a profile, which only ever carry abbreviated counts (NOTES §1.2):
 * - `<meta name="description">` (2022): `Mara Bakes (@mara.bakes) on TikTok | 1.2M Likes. 38.2K Fans. …`
 * - `shareMeta.desc` (2023-12, 2025-03): `@kelly_bove 5.8m Followers, 69 Following, 74.1m Likes - …`
 *   (lowercase `m`: tiktok-api-user-detail-kelly_bove-2023-12.json)
 * - `shareMeta.desc` (2025-10): `@h — 427.7k followers, 176 following, 6.8M likes — …`
 * Every count goes through parseCount, so "38.2K" is 'rounded' and "69" is 'exact'.
 */

const LABELS: Readonly<Record<string, ProfileCountField>> = {
  likes: 'likes',
  fans: 'followers',
  followers: 'followers',
  following: 'following',
  videos: 'posts',
};

/**
 * A count token ("1.2M", "38.2k", "8,912", "1 234") followed by one of TikTok's labels. ASCII
 * only and without the `u` flag: a case-insensitive Unicode regex loads ICU's case data, which
 * costs the host page milliseconds on its first use.
 */
const COUNT_LABEL =
  /(\d[\d.,]*(?:[ \u00a0\u202f]\d{3})*(?:[ \u00a0\u202f]?[kmb])?)[ \u00a0\u202f]*(likes|fans|followers|following|videos)\b/gi;
/** The handle: "(@handle)" in the 2022 meta description, a leading "@handle" in shareMeta. */
const HANDLE_IN_PARENS = /\(@([\w.]{1,64})\)/u;
const LEADING_HANDLE = /^\s*@([\w.]{1,64})/u;

/** The longest summary text read: a meta description is a few hundred characters. */
const MAX_TEXT = 5_000;

/**
 * A reading from a summary text, or undefined when it has no counts. The first count per label
 * wins: a bio quoted after the counts ("join my 100 followers club") cannot override them.
 */
export function readCountText(source: string, text: unknown, locale: string): Reading | undefined {
  if (typeof text !== 'string' || text.length > MAX_TEXT) return undefined;
  const reading = newReading(source);
  const handle = normalizeHandle(
    HANDLE_IN_PARENS.exec(text)?.[1] ?? LEADING_HANDLE.exec(text)?.[1],
  );
  if (handle) reading.handle = handle;
  COUNT_LABEL.lastIndex = 0;
  for (let m = COUNT_LABEL.exec(text); m; m = COUNT_LABEL.exec(text)) {
    const field = LABELS[(m[2] ?? '').toLowerCase()];
    if (!field || reading.counts[field]) continue;
    const max = field === 'followers' || field === 'following' ? MAX_AUDIENCE : undefined;
    const parsed = parseCount(m[1] ?? '', max === undefined ? { locale } : { locale, max });
    if (parsed) reading.counts[field] = parsed;
  }
  return Object.keys(reading.counts).length ? reading : undefined;
}
