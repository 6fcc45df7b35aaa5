import { isRecord } from '../../extract/lenient';
import { newReading, type Reading } from '../../extract/reading';
import { PROBLEM_REASONS, settleReadings } from '../../extract/settle';
import type { ProfileCountField } from '../../model/snapshot';
import type { ExtractInput, ExtractResult, PageKind, PageMaterial } from '../types';
import { collectLinkedinDocument } from './collect';
import { readJsonLdTexts } from './json-ld';
import { LINKEDIN_SOURCES, type MaterialText } from './sources';
import { linkedinUrls } from './url';
import { readCodeIslands, readVoyager } from './voyager';

/** The counts each page kind normally shows; the ones a page lacks are reported as missing. */
const EXPECTED: Partial<Record<PageKind, readonly ProfileCountField[]>> = {
  profile: ['followers', 'connections'],
};
const FOLLOWERS_ONLY: readonly ProfileCountField[] = ['followers'];

/**
 * Everything a LinkedIn document says, in order of trust: JSON-LD, the Voyager responses the
 * logged-in app embeds, the meta summary, then the visible page (the top card on profile and
 * company pages; post cards on every page), then a login wall. Readings about other accounts (the
 * viewer, people a post mentions, authors of posts the creator only reposted) are kept here and
 * discarded when merging. The document's material, read: the same path as a content script's
 * material read in the background. Pure; never throws.
 */
export function readLinkedinDocument(doc: Document, url: URL, now: number): Reading[] {
  return readLinkedinMaterial(collectLinkedinDocument(doc, url, now), url, now);
}

/**
 * What a document's material (`collectLinkedinDocument`) says: its JSON-LD texts and its Voyager
 * `<code>` blocks, parsed and read, then the readings made on the page. The material may come from
 * a content script: texts that are not strings are skipped, and nothing in it makes this throw.
 */
export function readLinkedinMaterial(material: PageMaterial, _url: URL, now: number): Reading[] {
  const readings: Reading[] = [];
  const texts = isRecord(material) && Array.isArray(material.texts) ? material.texts : [];
  const valid = texts.filter(isMaterialText);
  for (const read of [
    () => readJsonLdTexts(valid),
    () => readCodeIslands(valid, now),
    () => (isRecord(material) && Array.isArray(material.readings) ? material.readings : []),
  ]) {
    try {
      readings.push(...read());
    } catch {
      // Nothing in the readers throws on page content; a bug must still not stop the others.
    }
  }
  return readings;
}

function isMaterialText(t: unknown): t is MaterialText {
  return (
    isRecord(t) &&
    typeof t['name'] === 'string' &&
    typeof t['kind'] === 'string' &&
    typeof t['text'] === 'string'
  );
}

/**
 * What one JSON body says: a Voyager response (REST or GraphQL, normalized JSON), recognised by
 * its `data` / `included` shape; `url` is the request it answered (the page URL when unknown).
 * Unknown shapes give []. Pure; never throws.
 */
export function readLinkedinBody(json: unknown, url: URL, now: number): Reading[] {
  try {
    return readVoyager(json, url, LINKEDIN_SOURCES.voyager, now);
  } catch {
    return [];
  }
}

/**
 * The page's answer from readings gathered anywhere. The creator is the URL's person or company,
 * except on a post page, where it is the author of the post the URL names (or, when the URL's id
 * is another URN of the same post, the author the page's JSON-LD gives). Post counts that came
 * without an author (a tapped SocialActivityCounts) join posts another payload made the
 * creator's; nothing else without an author is taken.
 */
export function settleLinkedin(readings: readonly Reading[], input: ExtractInput): ExtractResult {
  const page = linkedinUrls.match(input.url);
  if (!page) return { ok: false, problem: 'not-creator', reason: 'not a LinkedIn creator page' };
  const handle = page.handle ?? postAuthor(readings, page.postId);
  if (!handle) {
    const problem = readings.some((r) => r.problem === 'sign-in-required' && !r.handle)
      ? 'sign-in-required'
      : 'no-data';
    return { ok: false, problem, reason: PROBLEM_REASONS[problem] };
  }
  const own = new Set(
    readings.filter((r) => r.handle === handle).flatMap((r) => r.posts.map((p) => p.id)),
  );
  const adopted: Reading[] = [];
  for (const r of readings) {
    const posts = r.handle ? [] : r.posts.filter((p) => own.has(p.id));
    if (posts.length) adopted.push({ ...newReading(r.source, { handle }), posts });
  }
  return settleReadings(
    { platform: 'linkedin', handle, url: linkedinUrls.profileUrl(handle) },
    [...readings, ...adopted],
    input.now,
    {
      expected: EXPECTED[page.kind] ?? FOLLOWERS_ONLY,
      ...(input.at === undefined ? {} : { capturedAt: input.at }),
    },
  );
}

/** `linkedin.extract`: the document and any bodies the page received, merged into one answer. */
export function extractLinkedin(input: ExtractInput): ExtractResult {
  const readings = input.doc ? readLinkedinDocument(input.doc, input.url, input.now) : [];
  for (const body of input.bodies ?? []) {
    readings.push(...readLinkedinBody(body.json, body.url, input.now));
  }
  return settleLinkedin(readings, input);
}

/**
 * The author of the post a post page's URL names: the one account the readings give it to (the
 * JSON-LD posting's author, the card's actor), else the author of the page's JSON-LD posting (the
 * URL may name the post's other URN, `ugcPost-…` for `activity:…`). Payloads that disagree name
 * nobody: a post page is about one author, and picking one could pick the wrong one.
 */
function postAuthor(readings: readonly Reading[], postId: string | undefined): string | undefined {
  const authors = (test: (r: Reading) => boolean) => [
    ...new Set(readings.filter((r) => r.handle && test(r)).map((r) => r.handle)),
  ];
  let found = authors((r) => r.posts.some((p) => p.id === postId));
  if (!found.length)
    found = authors((r) => r.source === LINKEDIN_SOURCES.jsonLd && !!r.posts.length);
  return found.length === 1 ? found[0] : undefined;
}
