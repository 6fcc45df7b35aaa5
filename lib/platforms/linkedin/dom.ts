import { commentList, type CommentList } from '../../extract/comments';
import {
  newReading,
  type CountReading,
  type PostReading,
  type Reading,
} from '../../extract/reading';
import { SKIP, STOP, walk } from '../../parsing/dom-lookup';
import { LINKEDIN_SOURCES } from './sources';
import {
  handleFromHref,
  MAX_LABELS_TEXT,
  MENTION_MARK,
  postUrl,
  postUrn,
  readLabelledCounts,
  readLabelledCount,
  readLeadingCount,
  relativeTime,
  squash,
  timeFromId,
  type LabelledCount,
} from './text';
import { linkedinUrls } from './url';

/**
 * The visible LinkedIn page, read by text and structure: since 2024 LinkedIn renders its logged-in
 * UI on the server with hashed class names (profile-loggedin-selfview_2024-11, NOTES §5), so no
 * selector here names a class. What is used: headings (`main h1` is the name on every profile and
 * company page), the `content_collections` anchor id of the logged-in Activity card, LinkedIn's
 * `data-urn` / `data-activity-urn` post ids and `data-num-*` counts, `aria-label`s, link paths
 * (`/in/<slug>`, `/company/<slug>`), and texts that are exactly a labelled count.
 */

/**
 * The page's UI language for counts: LinkedIn's `<meta name="locale">` ("en_US" on guest pages),
 * the i18n bundle the logged-in app loads (`assets/i18n/support_ru_RU.js` in
 * profile-loggedin_2021-07_*), `<html lang>`; 'en' otherwise. The subdomain (sg., cz.) is the
 * edge region, not the language (NOTES §0).
 */
export function pageLocale(doc: Document): string {
  // Each looked for only when the one before says nothing: a search of a large page is not free.
  const meta = doc.querySelector('meta[name="locale"]')?.getAttribute('content');
  const bundle = () =>
    doc
      .querySelector('script[data-fastboot-src*="i18n/"]')
      ?.getAttribute('data-fastboot-src')
      ?.match(/_([a-z]{2}_[A-Z]{2})\.js$/)?.[1];
  const lang = () => doc.documentElement?.getAttribute('lang');
  return squash(meta || bundle() || lang() || 'en').replace('_', '-');
}

/** A post card: the logged-in feed's `data-urn`, the guest post page's `data-activity-urn`. */
const CARD = '[data-urn],[data-activity-urn]';
const isCard = (el: Element) => el.hasAttribute('data-urn') || el.hasAttribute('data-activity-urn');

/** Elements whose contents are never the page's visible text (nor read as if they were). */
export const HIDDEN = 'script,style,code,svg,template';
const HIDDEN_TAGS = new Set(HIDDEN.split(','));
const tagOf = (el: Element) => el.localName;

/**
 * The readers below are single walks of their scope, linear in its size: what an element's
 * ancestors are (a card, hidden, with own text) is carried down the walk, never looked up per
 * element, and texts are read with a bound. On the host page's main thread a page nested
 * thousands deep costs what its size costs, no more.
 */

/** The node budget of one text read: a label spans a few nodes, a post's prose many. */
const MAX_TEXT_NODES = 256;
/** The raw characters of one text read, indentation included, before it counts as prose. */
const MAX_RAW_TEXT = 4096;

/**
 * The element's text, whitespace squashed, when it has at most `max` characters; longer, it is
 * undefined, or with `prefix` its first `max` characters. Reads no more than MAX_TEXT_NODES nodes
 * and MAX_RAW_TEXT characters (then: too long), so that reading every element's text along a
 * deeply nested chain stays linear.
 */
export function boundedText(el: Element, max: number, prefix = false): string | undefined {
  let raw = '';
  let shown = 0;
  let nodes = 0;
  const cut = () => (prefix ? squash(raw).slice(0, max) : undefined);
  let node: Node | null = el.firstChild;
  while (node) {
    if (++nodes > MAX_TEXT_NODES) return cut();
    if (node.nodeType === 3 || node.nodeType === 4) {
      const text = node.nodeValue ?? '';
      raw += text;
      if (raw.length > MAX_RAW_TEXT) return cut();
      // Characters other than whitespace: once there are `max` of them, so many are shown.
      if (prefix && (shown += text.replace(/[\s\u00a0\u202f]+/gu, '').length) >= max) return cut();
    }
    let next: Node | null = node.firstChild;
    while (!next && node && node !== el) {
      next = node.nextSibling;
      if (!next) node = node.parentNode;
    }
    node = next;
  }
  const text = squash(raw);
  return text.length <= max ? text : cut();
}

/**
 * Every labelled count under `root` in document order: `data-num-reactions` / `data-num-comments`
 * (guest post pages), `aria-label`s ("2,948 reactions" on the logged-in feed), and elements whose
 * own text, with their children's, is exactly a labelled count ("6K followers", `<li><span>7</span>
 * connections</li>`; duplicated aria-hidden / visually-hidden copies each read alike). `inCard`:
 * whether the count sits in a post card (the root's own ancestors included).
 */
function findCounts(root: Element, locale: string): (LabelledCount & { inCard: boolean })[] {
  const found: (LabelledCount & { inCard: boolean })[] = [];
  if (root.closest(HIDDEN)) return found;
  const outerCard = !!root.parentElement?.closest(CARD);
  // Per depth: whether the element there is, or is inside, a card.
  const inCard: boolean[] = [];
  walk(root, (el, depth) => {
    if (HIDDEN_TAGS.has(tagOf(el))) return SKIP;
    inCard[depth] = isCard(el) || (depth === 0 ? outerCard : inCard[depth - 1]!);
    for (const c of countsOn(el, locale, hasOwnText(el))) {
      found.push({ ...c, inCard: inCard[depth]! });
    }
  });
  return found;
}

/**
 * The labelled counts one element carries itself: attributes, an aria-label that is or starts with
 * one ("3 comments on Jane Doe’s post"), or its text.
 */
function countsOn(el: Element, locale: string, ownText: boolean): LabelledCount[] {
  const counts: LabelledCount[] = [];
  for (const [attr, field] of [
    ['data-num-reactions', 'likes'],
    ['data-num-comments', 'comments'],
  ] as const) {
    const raw = el.getAttribute(attr)?.trim();
    if (raw && /^\d{1,12}$/.test(raw))
      counts.push({ field, count: { value: Number(raw), precision: 'exact' } });
  }
  const label = el.getAttribute('aria-label');
  const fromLabel = label ? readLeadingCount(label, locale) : undefined;
  if (fromLabel) counts.push(fromLabel);
  else if (ownText) {
    const text = boundedText(el, MAX_LABELS_TEXT);
    if (text) counts.push(...readLabelledCounts(text, locale));
  }
  return counts;
}

/** Whether the element has text of its own (not only its children's). */
export function hasOwnText(el: Element): boolean {
  for (let node = el.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3 && /\S/.test(node.nodeValue ?? '')) return true;
  }
  return false;
}

/** `el`'s ancestor `levels` up, never `stop` itself or above it. */
function ancestor(el: Element, levels: number, stop?: Element): Element {
  let at = el;
  for (let i = 0; i < levels && at.parentElement && at.parentElement !== stop; i++) {
    at = at.parentElement;
  }
  return at;
}

/** The name: the first `h1` inside `main`, else the first `h1` (`main h1`, then `h1`), in one walk. */
function nameHeading(doc: Document): Element | null {
  let first: Element | null = null;
  let named: Element | null = null;
  const inMain: boolean[] = [];
  for (let top = doc.firstElementChild; top && !named; top = top.nextElementSibling) {
    walk(top, (el, depth) => {
      const tag = tagOf(el);
      const under = depth > 0 && inMain[depth - 1]!;
      inMain[depth] = under || tag === 'main';
      if (tag !== 'h1') return;
      if (under) {
        named = el;
        return STOP;
      }
      first ??= el;
    });
  }
  return named ?? first;
}

/** A DOM reading for `handle`, or undefined when the handle is unknown. */
function domReading(handle: string | undefined): Reading | undefined {
  return handle ? newReading(LINKEDIN_SOURCES.dom, { handle }) : undefined;
}

/**
 * Whose profile or company page the document shows: a link of the page's own cards to the
 * owner's sub-pages (`/in/<slug>/overlay/contact-info/` in the logged-in top card,
 * `/in/<slug>/recent-activity/all/` under its Activity card), else `link[rel=canonical]` /
 * `og:url` (`https://sg.linkedin.com/in/dulithawijewantha` on the guest page). Without either, a
 * card left over from the previous SPA page could pass for this one, so nothing is read.
 */
function pageOwner(
  doc: Document,
  scopes: readonly Element[],
  base: string,
  company: boolean,
): string | undefined {
  const fits = (h: string | undefined) =>
    h && h.startsWith('company/') === company ? h : undefined;
  for (const scope of scopes) {
    for (const a of scope.querySelectorAll('a[href]')) {
      const href = a.getAttribute('href') ?? '';
      if (/\/(?:overlay|recent-activity|details|about|posts|people)\//.test(href)) {
        const handle = fits(handleFromHref(href, base));
        if (handle) return handle;
      }
    }
  }
  return fits(
    handleFromHref(
      doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ??
        doc.querySelector('meta[property="og:url"]')?.getAttribute('content'),
      base,
    ),
  );
}

/**
 * A profile's or company's top card: the name in `main h1`, the counts in the section holding it
 * ("6K followers", "500+ connections" on the guest page; "7 connections" on the logged-in one),
 * and in the logged-in Activity card (the section holding `#content_collections`: "N followers",
 * NOTES §5). The guest headline is the `h2` right after the name. Other sections (Interests lists
 * followed pages with their follower counts; "People also viewed" sits in an aside) are not read.
 */
export function readTopCard(
  doc: Document,
  base: string,
  locale: string,
  company: boolean,
): Reading | undefined {
  const h1 = nameHeading(doc);
  const scopes: Element[] = [];
  // Without a section around the name, a few levels up and never the whole of main: main also
  // holds Interests, whose followed pages show their own follower counts.
  if (h1)
    scopes.push(h1.closest('section') ?? ancestor(h1, 3, h1.closest('main,body') ?? undefined));
  const activity = doc.getElementById('content_collections')?.closest('section');
  if (activity && !scopes.includes(activity)) scopes.push(activity);
  const reading = domReading(pageOwner(doc, scopes, base, company));
  if (!reading) return undefined;
  const name = squash(h1?.textContent);
  if (name) reading.displayName = name;
  const next = h1?.nextElementSibling;
  const headline = next?.tagName.toUpperCase() === 'H2' ? squash(next.textContent) : '';
  if (headline && !readLabelledCount(headline, locale)) reading.bio = headline;
  for (const scope of scopes) {
    for (const { field, count, inCard } of findCounts(scope, locale)) {
      // A post card in the Activity section shows its actor's counts, not the owner's.
      if (inCard) continue;
      if ((field === 'followers' || field === 'connections') && !reading.counts[field]) {
        reading.counts[field] = count;
      }
    }
  }
  // A card without a count is not taken on its name alone: a login wall's heading ("Join LinkedIn
  // to see Mara's full profile") is an h1 too.
  return Object.keys(reading.counts).length ? reading : undefined;
}

/**
 * The actor line's time in any UI language: a number, a short unit and the bullet LinkedIn puts
 * after it ("2d •" in activity-loggedin_2024-09_*, "2 Tg. •", "3 sem. •"). Degrees ("• 3rd+")
 * start with the bullet and never match.
 */
export const TIME_MARK = /^\d{1,3} ?\p{L}{1,4}\.? ?•/u;
/** How much of a text the time checks read: TIME_MARK and `relativeTime` look at its start. */
const TIME_PREFIX = 32;

/** One post card as the page shows it; `author` only when the card says who wrote the post. */
export interface CardReading {
  post: PostReading;
  /** The post's author: the account whose actor line carries the post's time. */
  author?: string;
  /** Every account the card links to outside running text before its counts, in order. */
  actors: string[];
  /** A follower count on the actor line ("3,796 followers" under a company name). */
  followers?: CountReading;
  /** The actor's headline on the guest post page. */
  headline?: string;
}

/**
 * One card. The author is the account whose link comes last before the actor line's time (a
 * `<time>` on guest pages, "2d •" on the logged-in feed), within that line: a header above the
 * actor ("X commented on this", "X reposted this" — the first card of activity-loggedin_2024-09_*
 * is Nihad Kerić's post under Pablo's comment header) links X before Y's actor line, so the post
 * is Y's. A card without an actor line and its time has no known author: it is nobody's post, as a
 * guessed author could be the wrong one. Counts: reactions (likes), comments and reposts
 * (shares) from `data-num-*`, `aria-label`s or their visible texts, all from the card's first
 * social-counts bar (comments below it have their own). The date is the id's own timestamp, else
 * the relative time resolved against `now`.
 */
export function readCard(
  card: Element,
  base: string,
  locale: string,
  now: number,
): CardReading | undefined {
  const parent = card.parentElement;
  return readCardIn(card, {
    base,
    locale,
    now,
    hidden: !!card.closest(HIDDEN),
    parentOwnText: !!parent && hasOwnText(parent),
  });
}

/**
 * Where a card is read: the page's base URL, locale and clock, whether the card sits inside a
 * hidden element (its walk then reads nothing) and whether its parent has text of its own (then a
 * link that is the card is a mention).
 */
export interface CardPlace {
  base: string;
  locale: string;
  now: number;
  hidden: boolean;
  parentOwnText: boolean;
}

/** `readCard` at a known place (see CardPlace). */
function readCardIn(card: Element, place: CardPlace): CardReading | undefined {
  // Only post cards are walked: a `data-urn` of anything else (a comment) is not one.
  if (!postUrn(card.getAttribute('data-urn') ?? card.getAttribute('data-activity-urn'))) return;
  const scan = scanCard(card, place);
  const { post, links, countsAt, timeAt, lineStart } = scan;
  if (!post) return undefined;
  const read: CardReading = { post, actors: [] };
  // A Set, as a card may link to many accounts.
  read.actors = [...new Set(links.filter((l) => l.at < countsAt).map((l) => l.handle))];
  // The actor line: the time's block (its link, or the lockup holding name and time). A header
  // link further out never stands in for an actor whose links are missing; the line's subtree is
  // the run of document order from its start through the time.
  read.author = links
    .filter((l) => timeAt >= 0 && l.at <= timeAt && l.at >= lineStart)
    .pop()?.handle;
  // Only the actor line's count, which comes before the time: a post whose text is a count is not.
  if (scan.followers && scan.followersAt <= (timeAt < 0 ? countsAt : timeAt)) {
    read.followers = scan.followers;
  }
  const text = squash(scan.headline?.textContent);
  if (text && !readLabelledCount(text, place.locale)) read.headline = text;
  return read;
}

/** A link to an account in a card, outside running text: whose, where in the walk, which element. */
export interface CardLink {
  handle: string;
  at: number;
  el: Element;
}

/**
 * What one walk of a card finds, before anyone is named its author: positions are indexes in
 * document order (Infinity / -1 when absent).
 */
export interface CardScan {
  /** The post, when the card carries its URN, with the counts of its first social-counts bar. */
  post?: PostReading;
  links: CardLink[];
  /** The first social count (reactions, comments, reposts). */
  countsAt: number;
  /** The post's own time, before its counts; and where the actor line holding it starts. */
  timeAt: number;
  lineStart: number;
  /** The first follower count before the counts ("3,796 followers" under a company's name). */
  followers?: CountReading;
  followersAt: number;
  /** The paragraph of the guest page's actor lockup (the author's headline there). */
  headline?: Element;
}

/**
 * One walk of a card (see readCard). With `nested`, the post containers inside it (a reshared
 * post: another card, LinkedIn's mini-update or update-content wrapper) are not walked but
 * collected there, to be read as cards of their own: what is in them is their author's.
 */
export function scanCard(card: Element, place: CardPlace, nested?: Element[]): CardScan {
  const { base, locale, now, hidden, parentOwnText } = place;
  const urn = postUrn(card.getAttribute('data-urn') ?? card.getAttribute('data-activity-urn'));
  const post: PostReading | undefined = urn
    ? { id: urn.id, url: postUrl(urn.type, urn.id), counts: {} }
    : undefined;
  const scan: CardScan = {
    links: [],
    countsAt: Infinity,
    timeAt: -1,
    lineStart: -Infinity,
    followersAt: Infinity,
  };
  if (post) scan.post = post;
  const { links } = scan;
  // The counts bar (the first count's ancestor three levels up, within the card) and the actor
  // line (the time's, four levels up), as a depth on the walk's path: -1 stands for an ancestor
  // above the card (a count or time on the card element itself), which holds all of it.
  let barDepth: number | undefined;
  let bar: Element | undefined;
  // The walk's path: per depth the element there, its index in document order, whether it has
  // text of its own, and whether it is inside the actor lockup whose paragraph is the headline.
  const path: Element[] = [];
  const indexAt: number[] = [];
  const ownTextAt: boolean[] = [];
  const lockupAt: boolean[] = [];
  // Whether the element is inside a reshared post: its time is that post's, never this one's.
  const nestedAt: boolean[] = [];
  let i = -1;
  if (!hidden) {
    walk(card, (el, depth) => {
      i++;
      const tag = tagOf(el);
      if (HIDDEN_TAGS.has(tag)) return SKIP;
      if (nested && depth > 0 && isNestedPost(el)) {
        nested.push(el);
        return SKIP;
      }
      const ownText = hasOwnText(el);
      path[depth] = el;
      indexAt[depth] = i;
      ownTextAt[depth] = ownText;
      nestedAt[depth] = depth > 0 && (nestedAt[depth - 1]! || isNestedPost(el));
      const inLockup = depth > 0 && lockupAt[depth - 1]!;
      lockupAt[depth] =
        inLockup || el.getAttribute('data-test-id') === 'main-feed-activity-card__entity-lockup';
      if (!scan.headline && inLockup && tag === 'p') scan.headline = el;
      const handle = tag === 'a' ? handleFromHref(el.getAttribute('href'), base) : undefined;
      // A link inside running text (an @mention in a post) is not an actor or header link.
      const mention = depth > 0 ? ownTextAt[depth - 1]! : parentOwnText;
      if (handle && !mention) links.push({ handle, at: i, el });
      for (const { field, count } of countsOn(el, locale, ownText)) {
        if (field === 'followers') {
          if (i < scan.countsAt && !scan.followers) [scan.followers, scan.followersAt] = [count, i];
        } else if (field !== 'connections') {
          if (barDepth === undefined) {
            scan.countsAt = i;
            barDepth = depth === 0 ? -1 : Math.max(depth - 3, 1);
            bar = barDepth < 0 ? undefined : path[barDepth];
          }
          const inBar = barDepth < 0 || (depth >= barDepth && path[barDepth] === bar);
          if (inBar && post) post.counts[field] ??= count;
        }
      }
      // The post's own time comes before its counts; a time below them is a comment's, and one
      // inside a reshared post is that post's (without the actor's own, the post has no author).
      if (scan.timeAt < 0 && i < scan.countsAt && !nestedAt[depth]) {
        const start = ownText ? boundedText(el, TIME_PREFIX, true) : undefined;
        if (tag === 'time' || (start !== undefined && TIME_MARK.test(start))) {
          scan.timeAt = i;
          scan.lineStart = depth === 0 ? -Infinity : indexAt[Math.max(depth - 4, 1)]!;
          // Once per card, so the whole text: a `<time>` may hold its text deep inside.
          const at = urn
            ? (timeFromId(urn.id, now) ?? relativeTime(el.textContent ?? '', now))
            : undefined;
          if (post && at !== undefined) post.postedAt = at;
        }
      }
    });
  }
  if (post && urn) post.postedAt ??= timeFromId(urn.id, now);
  return scan;
}

/**
 * A reshared post inside a card: a card of its own (guest pages' `feed-reshare-content` article
 * carries its activity URN), or the logged-in feed's mini-update / update-content wrapper.
 */
function isNestedPost(el: Element): boolean {
  if (isCard(el) || el.getAttribute('data-test-id') === 'feed-reshare-content') return true;
  const cls = el.getAttribute('class');
  return (
    !!cls &&
    (cls.includes('update-components-mini-update-v2') ||
      cls.includes('feed-shared-update-v2__update-content-wrapper'))
  );
}

/** Posts in every feed card of the page (outermost cards only), one reading per author. */
export function readCards(doc: Document, base: string, locale: string, now: number): Reading[] {
  const byAuthor = new Map<string, Reading>();
  // One walk for the cards and one per outermost card, which skips the cards nested in it.
  const cards: [Element, boolean][] = [];
  const hiddenAt: boolean[] = [];
  for (let top = doc.firstElementChild; top; top = top.nextElementSibling) {
    walk(top, (el, depth) => {
      hiddenAt[depth] = HIDDEN_TAGS.has(tagOf(el)) || (depth > 0 && hiddenAt[depth - 1]!);
      if (!isCard(el)) return;
      cards.push([el, hiddenAt[depth]!]);
      return SKIP;
    });
  }
  // Sibling cards share a parent, whose own text is looked at once.
  const ownText = new Map<Element, boolean>();
  for (const [card, hidden] of cards) {
    const parent = card.parentElement;
    if (parent && !ownText.has(parent)) ownText.set(parent, hasOwnText(parent));
    const parentOwnText = !!parent && ownText.get(parent)!;
    const read = readCardIn(card, { base, locale, now, hidden, parentOwnText });
    if (!read?.author) continue;
    let reading = byAuthor.get(read.author);
    if (!reading) {
      byAuthor.set(
        read.author,
        (reading = newReading(LINKEDIN_SOURCES.dom, { handle: read.author })),
      );
    }
    if (read.followers) reading.counts.followers ??= read.followers;
    if (read.headline) reading.bio ??= read.headline;
    reading.posts.push(read.post);
  }
  return [...byAuthor.values()];
}

/**
 * The summary LinkedIn gives a company (and some profiles) in `og:description`:
 * "24i | 3,796 followers on LinkedIn. …" (company-page-guest_c2021_24i_*; exact), in any UI
 * language ("3.796 Follower auf LinkedIn", "Подписчиков в LinkedIn: 3 796"): name, then the count.
 */
export function readMetaSummary(doc: Document, base: string, locale: string): Reading | undefined {
  const url =
    doc.querySelector('meta[property="og:url"]')?.getAttribute('content') ??
    doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
  const handle = handleFromHref(url, base);
  // Only companies: a person's description is their About text, which may quote any number.
  const reading = domReading(handle?.startsWith('company/') ? handle : undefined);
  if (!reading) return undefined;
  let text: string | null | undefined;
  for (const selector of [
    'meta[property="og:description"]',
    'meta[name="og:description"]',
    'meta[name="description"]',
    'meta[name="twitter:description"]',
  ]) {
    if ((text = doc.querySelector(selector)?.getAttribute('content'))) break;
  }
  if (!text) return undefined;
  reading.source = LINKEDIN_SOURCES.meta;
  const [name = '', summary = ''] = text.split(' | ');
  const m =
    /^(.{1,40}?) ?(?:on |auf |sur |en |no |в |na )?LinkedIn(?::? ?([\d.,\s\u00a0\u202f]*\d))?/u.exec(
      summary,
    );
  const count = m ? readLabelledCount(`${m[1]} ${m[2] ?? ''}`, locale) : undefined;
  if (count?.field !== 'followers') return undefined;
  reading.counts.followers = count.count;
  if (squash(name)) reading.displayName = squash(name);
  return reading;
}

/**
 * A login wall: LinkedIn's authwall / login / signup pages (by `pageKey` and path) or a sign-in
 * form ([unverified]: no capture has one; tests/fixtures/linkedin/authwall.html is Scout's own).
 * It decides only when the page shows no profile data at all (settleReadings).
 */
export function readLoginWall(doc: Document, url: URL): Reading | undefined {
  // One search for the page key and a sign-in form.
  const found = [
    ...doc.querySelectorAll(
      'meta[name="pageKey"], input[name="session_key"], form[action*="login-submit"]',
    ),
  ];
  const key = found.find((el) => el.localName === 'meta')?.getAttribute('content') ?? '';
  const wall =
    /auth_?wall|login|signup|checkpoint/i.test(key + url.pathname) ||
    found.some((el) => el.localName !== 'meta');
  return wall
    ? Object.assign(newReading(LINKEDIN_SOURCES.dom), { problem: 'sign-in-required' as const })
    : undefined;
}

/**
 * A comment in the logged-in app's markup. These are LinkedIn's component class names, not hashed
 * ones (the same since the 2020 app; NOTES §5 on what is hashed): `article.comments-comment-entity`
 * (2024–), `.comments-comment-item` before it, each with `data-id="urn:li:comment:(activity:N,M)"`;
 * the server-driven 2025 markup names the comment in `componentkey` ("replaceableComment_urn:li:
 * comment:(…)"). [unverified: no capture holds rendered comments; Scout's own
 * post-comments-loggedin.html and activity-comments.html have each form.]
 */
const COMMENT =
  '.comments-comment-entity,.comments-comment-item,[data-id^="urn:li:comment:"],[componentkey^="replaceableComment_urn:li:comment:"]';
/** A comment's words: the main content (its `.update-components-text`), or the 2025 text box. */
const COMMENT_TEXT = ['comments-comment-item__main-content', 'update-components-text'];
/** Comments read per page: a post page shows a few dozen at a time, each "load more" adds ten. */
const MAX_COMMENTS = 1000;
/** Posts with a list per page: a feed shows comments under a few of its posts. */
const MAX_COMMENT_POSTS = 100;
/** The post a card carries: `data-urn` on the feed, `data-id` on some, `data-activity-urn` on guest pages. */
const POST_HOLDER = '[data-urn],[data-id],[data-activity-urn]';

const postOf = (el: Element) =>
  postUrn(
    el.getAttribute('data-urn') ??
      el.getAttribute('data-id') ??
      el.getAttribute('data-activity-urn'),
  )?.id;
const hasClass = (el: Element, name: string) =>
  (' ' + (el.getAttribute('class') ?? '') + ' ').includes(` ${name} `);

/**
 * The comments the page shows under its posts (logged-in post and activity pages), one list per
 * post, in the page's order: each comment's words (mentions as MENTION_MARK) and its likes, from
 * its reactions button's label ("3 Reactions on …’s comment": the leading count alone is read).
 * Nothing about the commenter is read. The post is the nearest post card around the comment, else
 * the one the comment's own URN names, else the page URL's; a comment with none is left out.
 * Replies are comments of their own: a comment's words and likes never include its replies'.
 * DOM reads and string work only, linear in the page; never throws on page content.
 */
export function readCommentLists(doc: Document, url: URL, locale: string): CommentList[] {
  const pagePost = linkedinUrls.match(url)?.postId;
  const base = url.href;
  const byPost = new Map<string, { text: string; likes?: number }[]>();
  let read = 0;
  for (const root of doc.querySelectorAll(COMMENT)) {
    if (++read > MAX_COMMENTS) break;
    let post: string | undefined;
    for (let at = root.parentElement?.closest(POST_HOLDER); at && !post;) {
      post = postOf(at);
      at = at.parentElement?.closest(POST_HOLDER);
    }
    const own =
      root.getAttribute('data-id') ??
      root.getAttribute('componentkey')?.replace(/^replaceableComment_/, '') ??
      '';
    post ??= /^urn:li:comment:\((?:urn:li:)?(?:activity|ugcPost|share):(\d{6,25}),/.exec(own)?.[1];
    post ??= pagePost;
    if (!post) continue;
    const comment = readComment(root, base, locale);
    if (!comment) continue;
    const list = byPost.get(post);
    if (list) list.push(comment);
    else if (byPost.size < MAX_COMMENT_POSTS) byPost.set(post, [comment]);
  }
  const lists: CommentList[] = [];
  for (const [post, raw] of byPost) {
    const list = commentList(LINKEDIN_SOURCES.dom, post, raw);
    if (list) lists.push(list);
  }
  return lists;
}

/** One comment's words and likes, from its own part (never a reply's: nested comments are skipped). */
function readComment(
  root: Element,
  base: string,
  locale: string,
): { text: string; likes?: number } | undefined {
  let text: Element | undefined;
  let fallback: Element | undefined;
  let likes: number | undefined;
  walk(root, (el, depth) => {
    if (depth > 0 && el.matches(COMMENT)) return SKIP;
    if (HIDDEN_TAGS.has(tagOf(el))) return SKIP;
    if (!text && hasClass(el, COMMENT_TEXT[0]!)) {
      text = el;
      return SKIP;
    }
    if (
      !text &&
      !fallback &&
      (hasClass(el, COMMENT_TEXT[1]!) || el.getAttribute('data-testid') === 'expandable-text-box')
    ) {
      fallback = el;
      return SKIP;
    }
    if (likes === undefined) {
      const label = el.getAttribute('aria-label');
      const count = label ? readLeadingCount(label, locale) : undefined;
      if (count?.field === 'likes' && count.count.precision === 'exact') likes = count.count.value;
      else if (!label && (el.getAttribute('class') ?? '').includes('social-bar__reactions-count')) {
        const shown = boundedText(el, 12);
        if (shown && /^\d{1,9}$/.test(shown)) likes = Number(shown);
      }
    }
  });
  const words = text ?? fallback;
  const said = words ? commentWords(words, base) : '';
  if (!said) return undefined;
  return likes === undefined ? { text: said } : { text: said, likes };
}

/**
 * The words of a comment's text element, bounded like `boundedText`: a link to a profile or
 * company (a mention) as MENTION_MARK, buttons ("…see more") and hidden elements left out.
 */
function commentWords(el: Element, base: string): string {
  let raw = '';
  let nodes = 0;
  let node: Node | null = el.firstChild;
  while (node && ++nodes <= MAX_TEXT_NODES && raw.length <= MAX_RAW_TEXT) {
    let inside = true;
    if (node.nodeType === 3) raw += node.nodeValue ?? '';
    else if (node.nodeType === 1) {
      const child = node as Element;
      const tag = tagOf(child);
      if (HIDDEN_TAGS.has(tag) || tag === 'button' || hasClass(child, 'visually-hidden')) {
        inside = false;
      } else if (tag === 'a' && handleFromHref(child.getAttribute('href'), base)) {
        raw += MENTION_MARK;
        inside = false;
      }
    }
    let next: Node | null = inside ? node.firstChild : null;
    while (!next && node && node !== el) {
      next = node.nextSibling;
      if (!next) node = node.parentNode;
    }
    node = next;
  }
  return squash(raw);
}
