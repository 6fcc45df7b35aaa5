/**
 * LinkedIn's worker side (`PlatformWorker`): what runs in the background service worker and the
 * CLI. Its content script only collects the material these read.
 */
import { commentList, type CommentList } from '../../extract/comments';
import { isRecord } from '../../extract/lenient';
import { newReading, withOrigin, type Reading } from '../../extract/reading';
import { settlePage } from '../../extract/settle';
import { parseJson } from '../../parsing/json-islands';
import type { ProfileCountField } from '../../model/snapshot';
import type { ExtractResult, PageKind, PageMaterial, SettleInput } from '../types';
import { readLinkedinComments } from './comments';
import { readJsonLdTexts } from './json-ld';
import { LINKEDIN_SOURCES, LINKEDIN_TEXTS, type MaterialText } from './sources';
import { linkedinUrls } from './url';
import { readCodeIslands, readVoyager } from './voyager';

/** The counts each page kind normally shows; the ones a page lacks are reported as missing. */
const EXPECTED: Partial<Record<PageKind, readonly ProfileCountField[]>> = {
  profile: ['followers', 'connections'],
};
const FOLLOWERS_ONLY: readonly ProfileCountField[] = ['followers'];

/**
 * What a LinkedIn document says, in order of trust: JSON-LD, the Voyager responses the logged-in
 * app embeds, the meta summary, then the visible page (the top card on profile and company pages;
 * post cards on every page), then a login wall. Readings about other accounts (the viewer, people
 * a post mentions, authors of posts the creator only reposted) are kept here and discarded when
 * merging. The material (`collectLinkedinDocument`) has its JSON-LD texts and Voyager `<code>`
 * blocks parsed and read, then the readings made on the page. The material may come from a
 * content script: texts that are not strings are skipped, and nothing in it makes this throw.
 */
export function readMaterial(material: PageMaterial, _url: URL, now: number): Reading[] {
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
  // The DOM readings come from the content script: marked here, as the document's like the rest.
  return withOrigin(readings, 'document');
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
export function readBody(json: unknown, url: URL, now: number): Reading[] {
  try {
    return withOrigin(readVoyager(json, url, LINKEDIN_SOURCES.voyager, now), 'body');
  } catch {
    return [];
  }
}

/**
 * The page's answer from readings gathered anywhere, under the authorship rule
 * (lib/extract/authorship.ts). The creator is the URL's person or company; on a post page, the
 * author the page's own document gives the post the URL names (or, when the URL's id is another
 * URN of the same post, the author of the page's JSON-LD posting), else the one author every
 * reading of the post agrees on. Post counts that came without an author (a tapped
 * SocialActivityCounts) join posts another payload made the creator's; nothing else without an
 * author is taken.
 */
export function settle(readings: readonly Reading[], input: SettleInput): ExtractResult {
  const page = linkedinUrls.match(input.url);
  if (!page) return { ok: false, problem: 'not-creator', reason: 'not a LinkedIn creator page' };
  return settlePage(page, readings, input.now, {
    platform: 'linkedin',
    profileUrl: linkedinUrls.profileUrl,
    expected: EXPECTED[page.kind] ?? FOLLOWERS_ONLY,
    ...(input.at === undefined ? {} : { capturedAt: input.at }),
    isPagePost: (r) => r.source === LINKEDIN_SOURCES.jsonLd && r.posts.length > 0,
    adopt: adoptCounts,
  });
}

/** The author-less post counts that belong to posts the readings already give `handle`. */
function adoptCounts(handle: string, readings: readonly Reading[]): Reading[] {
  const own = new Set(
    readings.filter((r) => r.handle === handle).flatMap((r) => r.posts.map((p) => p.id)),
  );
  const adopted: Reading[] = [];
  for (const r of readings) {
    const posts = r.handle ? [] : r.posts.filter((p) => own.has(p.id));
    if (posts.length) adopted.push({ ...newReading(r.source, { handle }), posts });
  }
  return adopted;
}

/**
 * The comments one JSON value shows (`PlatformWorker.readComments`): a Voyager comments body, a
 * feed body with comments under its posts, or a post page's JSON-LD. Unknown shapes give [].
 */
export function readComments(json: unknown, _url: URL): CommentList[] {
  try {
    return readLinkedinComments(json);
  } catch {
    return [];
  }
}

/**
 * The comments a document's material shows (`PlatformWorker.readMaterialComments`): its JSON-LD
 * and Voyager `<code>` texts that hold any (a string check before parsing), and the lists the
 * content script read from the markup, each taken again through `commentList` (a content script's
 * message is input like any other). Never throws.
 */
export function readMaterialComments(material: PageMaterial, url: URL): CommentList[] {
  const lists: CommentList[] = [];
  const texts = isRecord(material) && Array.isArray(material.texts) ? material.texts : [];
  for (const t of texts.filter(isMaterialText)) {
    const mayHold =
      t.kind === LINKEDIN_TEXTS.jsonLd
        ? t.text.includes('"comment"')
        : t.kind === LINKEDIN_TEXTS.code &&
          /urn:li:(?:comment|fsd_comment|fs_objectComment):/.test(t.text);
    if (mayHold) lists.push(...readComments(parseJson(t.text), url));
  }
  const marked = isRecord(material) && Array.isArray(material.comments) ? material.comments : [];
  for (const m of marked) {
    if (!isRecord(m) || typeof m.postId !== 'string' || !/^\d{6,25}$/.test(m.postId)) continue;
    const raw = Array.isArray(m.comments) ? m.comments : [];
    const list = commentList(
      LINKEDIN_SOURCES.dom,
      m.postId,
      raw.map((c: unknown) =>
        isRecord(c) ? { text: c['text'], likes: c['likes'] } : { text: null },
      ),
    );
    if (list) lists.push(list);
  }
  return lists;
}
