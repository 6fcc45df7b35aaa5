import { newReading, normalizeHandle, type Reading } from '../../extract/reading';
import type { ProfileCountField } from '../../model/snapshot';
import { MAX_AUDIENCE, parseCount } from '../../parsing/count';
import { PROFILE_NOUNS as nouns } from '../../parsing/count-nouns';
import { INSTAGRAM_SOURCES } from './sources';

/**
 * The meta description, read when no JSON says more. Plain text, no JSON: it is read on the page,
 * with the header and the login wall.
 *
 * Meta description (2021 capture, `<meta name="description">` and `og:description`):
 * `22 Followers, 9 Following, 1 Posts - See Instagram photos and videos from tanshio (@_tanshio_)`.
 * Large accounts print `2.5M Followers, 122 Following, 2,328 Posts`; other UI languages translate
 * the labels and the number format (`1,2 Mio. Follower, 305 Gefolgt, 1.234 Beiträge – …`) [NOTES
 * §2.2: unverified]. The three counts always come in this order, before the first spaced dash, so
 * they are read by position whatever the language, and each number with the page's locale: "2,328"
 * is exact, "1.2M" rounded.
 */

/** Profile counts in the order the description (and the header) gives them. */
const ORDER: readonly ProfileCountField[] = ['followers', 'following', 'posts'];

const HANDLE_IN_PARENS = /\(@([\w.]{1,30})\)/;
/** The summary ends at the first spaced dash (hyphen, en or em dash). */
const SUMMARY_END = /\s[-\u2013\u2014]\s/;
/** Items are separated by a comma not followed by a digit ("2,328" is one number), or 、/،. */
const ITEM_SEPARATOR = /[,\uff0c](?!\d)|[\u3001\u060c]/;
const MAX_TEXT = 5_000;

/** A count of `field` from text, with the page's locale; audience counts are capped. */
export function countIn(text: string | undefined, field: ProfileCountField, locale: string) {
  if (!text) return undefined;
  const max = field === 'posts' ? undefined : MAX_AUDIENCE;
  return parseCount(text, max ? { locale, max, nouns } : { locale, nouns }) ?? undefined;
}

/**
 * The meta description's counts as a reading about the handle it names (else `pageHandle`, from
 * the page's own og:url), or undefined unless exactly three counts lead the text.
 */
export function readDescription(
  text: string | undefined,
  locale: string,
  pageHandle: string | undefined,
): Reading | undefined {
  if (!text || text.length > MAX_TEXT) return undefined;
  const items = text.split(SUMMARY_END)[0]?.split(ITEM_SEPARATOR) ?? [];
  if (items.length !== 3) return undefined;
  const handle = normalizeHandle(HANDLE_IN_PARENS.exec(text)?.[1]) ?? pageHandle;
  const reading = newReading(INSTAGRAM_SOURCES.meta, handle ? { handle } : undefined);
  for (const [i, field] of ORDER.entries()) {
    const c = countIn(items[i], field, locale);
    if (!c) return undefined;
    reading.counts[field] = c;
  }
  return reading;
}
