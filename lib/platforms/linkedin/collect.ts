import { collectIslandTexts, MAX_ISLAND_CHARS } from '../../parsing/json-islands';
import type { CollectScope, PageMaterial } from '../types';
import {
  pageLocale,
  readCards,
  readCommentLists,
  readLoginWall,
  readMetaSummary,
  readTopCard,
} from './dom';
import { LINKEDIN_TEXTS, type MaterialText } from './sources';
import { linkedinUrls } from './url';

/**
 * What a LinkedIn document carries, gathered on the page: its JSON-LD and the logged-in app's
 * Voyager `<code>` blocks as text (read by `readMaterial` in worker.ts), and the readings only
 * the DOM gives, in the order `readMaterial` trusts them: the meta summary, the top card (profile
 * and company pages), the post cards, a login wall (not for `scope: 'texts'`); and the comments
 * the markup shows under posts (`comments`, only when there are any). DOM reads and string copies
 * only: no JSON is parsed here.
 * Never throws: a step that fails leaves what the others gathered.
 */
export function collectLinkedinDocument(
  doc: Document,
  url: URL,
  now: number,
  scope: CollectScope = 'all',
): PageMaterial {
  const material: PageMaterial = { locale: 'en', texts: [], readings: [] };
  const step = (gather: () => void) => {
    try {
      gather();
    } catch {
      // Nothing here throws on page content; a bug must still not reach the host page.
    }
  };
  step(() => (material.locale = pageLocale(doc)));
  step(() => material.texts.push(...collectJsonLd(doc)));
  step(() => material.texts.push(...collectCodeIslands(doc)));
  if (scope === 'texts') return material;
  const { locale, readings } = material;
  const base = url.href;
  step(() => {
    const meta = readMetaSummary(doc, base, locale);
    if (meta) readings.push(meta);
  });
  step(() => {
    const kind = linkedinUrls.match(url)?.kind;
    if (kind !== 'profile' && kind !== 'company') return;
    const top = readTopCard(doc, base, locale, kind === 'company');
    if (top) readings.push(top);
  });
  step(() => readings.push(...readCards(doc, base, locale, now)));
  step(() => {
    const comments = readCommentLists(doc, url, locale);
    if (comments.length) material.comments = comments;
  });
  step(() => {
    const wall = readLoginWall(doc, url);
    if (wall) readings.push(wall);
  });
  return material;
}

/**
 * Longest id kept as a text's name: LinkedIn's are short (`bpr-guid-1229173`), and the material
 * the background accepts bounds names to 200 characters.
 */
const MAX_NAME = 200;

/**
 * The inline `<script type="application/ld+json">` texts, in document order (the scripts
 * `findJsonIslands` reads as 'ld-json'). Only their own text is read: other scripts, which may be
 * large, are not copied.
 */
function collectJsonLd(doc: Document): MaterialText[] {
  return collectIslandTexts(doc, { kinds: ['ld-json'] }).map(({ name, text }) => ({
    name: name.length > MAX_NAME ? '' : name,
    kind: LINKEDIN_TEXTS.jsonLd,
    text,
  }));
}

/**
 * The logged-in app's BigPipe blocks: every `<code id="datalet-…">` (a small JSON text naming a
 * request and the block with its response), then the `<code id="X">` blocks whose id a datalet
 * text mentions as `"X"`: a string check that keeps the page's other code blocks out without
 * parsing the datalets (a datalet names its block in plain `"bpr-guid-N"`; an id JSON would write
 * with escapes is not LinkedIn's). The datalets are paired with their blocks when read. A block
 * over the island cap would read as nothing and is passed on empty.
 */
function collectCodeIslands(doc: Document): MaterialText[] {
  const datalets: MaterialText[] = [];
  const blocks: [string, Element][] = [];
  for (const code of doc.querySelectorAll('code[id]')) {
    const id = code.getAttribute('id') ?? '';
    if (!id || id.length > MAX_NAME) continue;
    if (!id.startsWith('datalet-')) blocks.push([id, code]);
    else {
      const text = code.textContent ?? '';
      if (text.length <= MAX_ISLAND_CHARS)
        datalets.push({ name: id, kind: LINKEDIN_TEXTS.datalet, text });
    }
  }
  if (!datalets.length) return [];
  const texts = [...datalets];
  const named = datalets.map((d) => d.text).join('\n');
  for (const [id, code] of blocks) {
    if (!named.includes(`"${id}"`)) continue;
    const text = code.textContent ?? '';
    texts.push({
      name: id,
      kind: LINKEDIN_TEXTS.code,
      text: text.length > MAX_ISLAND_CHARS ? '' : text,
    });
  }
  return texts;
}
