import { isRecord } from '../../extract/lenient';
import { newReading, normalizeHandle, type Reading } from '../../extract/reading';
import type { ProfileCountField } from '../../model/snapshot';
import { MAX_AUDIENCE, parseCount } from '../../parsing/count';
import { exact } from './map';
import { INSTAGRAM_SOURCES } from './read-body';

/**
 * The page's summaries, read when no JSON says more: the meta description and JSON-LD.
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
  return parseCount(text, max ? { locale, max } : { locale }) ?? undefined;
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

/**
 * JSON-LD about a person (2021 capture: `Person` with `alternateName` "@_tanshio_" and, oddly,
 * `mainEntityofPage.interactionStatistic` FollowAction "22"; schema.org's `ProfilePage` puts the
 * Person in `mainEntity`). interactionStatistic FollowAction = followers; agentInteractionStatistic
 * FollowAction = following, WriteAction = posts. Only integer counts are read (exact).
 */
export function readJsonLd(value: unknown, deep = true): Reading[] {
  const readings: Reading[] = [];
  const nodes = Array.isArray(value) ? value : [value];
  for (const node of nodes.slice(0, 20)) {
    if (!isRecord(node)) continue;
    const graph = node['@graph'];
    if (Array.isArray(graph) && deep) readings.push(...readJsonLd(graph, false));
    const person = node['@type'] === 'Person' ? node : node['mainEntity'];
    if (!isRecord(person)) continue;
    const handle = normalizeHandle(person['alternateName']);
    if (!handle) continue;
    const reading = newReading(INSTAGRAM_SOURCES.jsonLd, { handle });
    if (typeof person['name'] === 'string' && person['name']) reading.displayName = person['name'];
    const page = person['mainEntityofPage'] ?? person['mainEntityOfPage'];
    const stats = (key: string, where: unknown = person) => {
      const s = isRecord(where) ? where[key] : undefined;
      return (Array.isArray(s) ? s : [s]).filter(isRecord);
    };
    const put = (field: ProfileCountField, stat: Record<string, unknown>) => {
      const c = exact(stat['userInteractionCount']);
      if (c) reading.counts[field] ??= c;
    };
    const type = (stat: Record<string, unknown>) => {
      const t = stat['interactionType'];
      return String(isRecord(t) ? t['@type'] : t);
    };
    for (const stat of [...stats('interactionStatistic'), ...stats('interactionStatistic', page)]) {
      if (/FollowAction$/.test(type(stat))) put('followers', stat);
    }
    for (const stat of stats('agentInteractionStatistic')) {
      if (/FollowAction$/.test(type(stat))) put('following', stat);
      if (/WriteAction$/.test(type(stat))) put('posts', stat);
    }
    readings.push(reading);
  }
  return readings;
}
