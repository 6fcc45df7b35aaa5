import { isRecord } from '../../extract/lenient';
import { newReading, type PostReading, type Reading } from '../../extract/reading';
import { parseJson } from '../../parsing/json-islands';
import { LINKEDIN_SOURCES, LINKEDIN_TEXTS, type MaterialText } from './sources';
import { handleFromHref, postUrl, squash } from './text';

export { LINKEDIN_SOURCES } from './sources';

/** The longest caption kept: ProfileSnapshotSchema allows 5,000 characters. */
const MAX_CAPTION = 5_000;

/**
 * What one parsed JSON-LD value (a `<script type="application/ld+json">`) says; anything that is
 * not JSON-LD (undefined for a script that did not parse) gives []. LinkedIn's public pages carry
 * (NOTES §1–§2):
 * - a profile's `@graph` holds a `Person` (`name`, `url`, `interactionStatistic` FollowAction →
 *   followers: 5740 in public-profile_2023-04_*, 800 in public-profile_2025_jasonagxie_*) beside
 *   Articles whose `author` is the same person (no counts: not read);
 * - a company page's node is an `Organization`;
 * - a post page's `DiscussionForumPosting` carries the post (`@id` URL with its activity id,
 *   `datePublished`, `articleBody`) and its `author` (Person or Organization, with followers:
 *   4263 in public-post_2025-03_honzajavorek_*); a reshare's `SocialMediaPosting` also names the
 *   reshared post's author in `sharedContent.author`, with that account's own followers.
 * A follower count of 0 is never taken: LinkedIn writes 0 for company authors whose page shows
 * thousands (NOTES §2), so 0 here means "not filled in", and the visible count is read instead.
 */
export function readJsonLd(value: unknown): Reading[] {
  const readings: Reading[] = [];
  const graph = isRecord(value) && Array.isArray(value['@graph']) ? value['@graph'] : [value];
  for (const node of graph.flat()) {
    if (!isRecord(node)) continue;
    const type = node['@type'];
    if (type === 'Person' || type === 'Organization') {
      const reading = readEntity(node);
      if (reading) readings.push(reading);
    } else if (type === 'DiscussionForumPosting' || type === 'SocialMediaPosting') {
      const reading = readPosting(node);
      if (reading) readings.push(reading);
      // A reshare: the reshared post's author, with its own follower count (29754 for the company
      // Tara Powers reshared in public-post-reshare_2026-06_*): a reading of its own, never hers.
      const shared = isRecord(node['sharedContent']) ? node['sharedContent']['author'] : undefined;
      const author = isRecord(shared) ? readEntity(shared) : undefined;
      if (author) readings.push(author);
    }
  }
  return readings;
}

/** What the material's `ld-json` texts say, each parsed; one that does not parse gives nothing. */
export function readJsonLdTexts(texts: readonly MaterialText[]): Reading[] {
  return texts
    .filter((t) => t.kind === LINKEDIN_TEXTS.jsonLd)
    .flatMap((t) => readJsonLd(parseJson(t.text)));
}

/** A Person or Organization node: whose it is from its URL, name, followers. */
function readEntity(node: Record<string, unknown>): Reading | undefined {
  const handle = handleFromHref(str(node['url'])) ?? handleFromHref(str(node['sameAs']));
  if (!handle) return undefined;
  const reading = newReading(LINKEDIN_SOURCES.jsonLd, { handle });
  const name = squash(str(node['name']));
  if (name) reading.displayName = name;
  const followers = followCount(node['interactionStatistic']);
  if (followers) reading.counts.followers = { value: followers, precision: 'exact' };
  return reading;
}

/**
 * The post a posting node is: the URN kind and number in its `@id` (else `url`), the canonical post
 * URL `…/posts/<slug>-activity-<id>-xxxx`; undefined when neither names one.
 */
export function postingUrn(
  node: Record<string, unknown>,
): { type: string; id: string } | undefined {
  const where = str(node['@id']) ?? str(node['url']) ?? '';
  const m = /(activity|ugcPost|share)[-:](\d{6,25})/.exec(where);
  return m ? { type: m[1] ?? 'activity', id: m[2] ?? '' } : undefined;
}

/** A post page's posting: the post, attributed to its author. */
function readPosting(node: Record<string, unknown>): Reading | undefined {
  const author = isRecord(node['author']) ? readEntity(node['author']) : undefined;
  const urn = postingUrn(node);
  if (!author || !urn) return author;
  const { type, id } = urn;
  const post: PostReading = { id, url: postUrl(type, id), counts: {} };
  const published = Date.parse(str(node['datePublished']) ?? '');
  if (Number.isFinite(published)) post.postedAt = published;
  const body = str(node['articleBody']);
  if (body) post.caption = body.slice(0, MAX_CAPTION);
  author.posts.push(post);
  return author;
}

/** `interactionStatistic` (one object or a list) → its FollowAction count, when above 0. */
function followCount(stats: unknown): number | undefined {
  for (const s of Array.isArray(stats) ? stats : [stats]) {
    if (!isRecord(s)) continue;
    const type = s['interactionType'];
    const name = isRecord(type) ? type['@type'] : type;
    if (typeof name !== 'string' || !/FollowAction$/.test(name)) continue;
    const raw = s['userInteractionCount'];
    const n = typeof raw === 'string' && /^\d{1,12}$/.test(raw) ? Number(raw) : raw;
    if (typeof n === 'number' && Number.isSafeInteger(n) && n > 0) return n;
  }
  return undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
