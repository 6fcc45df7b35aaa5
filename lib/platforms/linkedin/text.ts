import type { CountReading } from '../../extract/reading';
import { MAX_AUDIENCE, parseCount } from '../../parsing/count';

/**
 * LinkedIn's visible texts: counts with their labels ("6K followers", "500+ connections",
 * "2,948 reactions"), in the UI languages Scout reads, and relative post times ("2d", "3w").
 * Pure; the page's locale decides what a separator means (parseCount).
 */

/** What a labelled count is about: profile fields, and per post likes (= reactions) … shares. */
export type LabelField = 'followers' | 'connections' | 'likes' | 'comments' | 'shares';

/**
 * Labels by field, in English, German, French, Spanish, Portuguese and Russian. The English ones
 * are in the captures (public-profile_2023-04_*, activity-loggedin_2024-09_*); the others
 * [unverified] follow LinkedIn's UI strings as scrapers in the index match them (NOTES §7) and
 * each language's plural forms ("подписчик / подписчика / подписчиков").
 */
const LABELS: readonly (readonly [LabelField, string])[] = [
  [
    'followers',
    'followers?|follower(?::innen|innen|n)?|abonn[ée]e?s?|seguidor(?:e?s|as?)?|подписчик(?:ов|а|и)?',
  ],
  [
    'connections',
    'connections?|kontakte?|relations?|contactos?|conex(?:ão|ões)|контакт(?:ов|а|ы)?',
  ],
  [
    'likes',
    'reactions?|likes?|reaktion(?:en)?|réactions?|reacci(?:ón|ones)|rea(?:ção|ções)|реакци[яий]',
  ],
  [
    'comments',
    'comments?|kommentare?|commentaires?|comentários?|comentarios?|комментари(?:й|я|ев)',
  ],
  [
    'shares',
    'reposts?|shares?|republications?|partages?|republicaci(?:ón|ones)|compartilhamentos?|republicaç(?:ão|ões)|veces compartido|репост(?:а|ов|ы)?',
  ],
];

const LABEL_AT_END = LABELS.map(
  ([field, alt]) => [field, new RegExp(`^(.+?) ?(?:${alt})\\.?$`, 'iu')] as const,
);
const LABEL_AT_START = LABELS.map(
  ([field, alt]) => [field, new RegExp(`^(?:${alt}) ?:? ?(.+)$`, 'iu')] as const,
);

/** "more than 500": a floor, as "500+" is ("Mehr als 500 Kontakte", "Более 500 контактов"). */
const MORE_THAN =
  /^(?:\+ ?(?:de )?|more than |over |mehr als |über |plus de |más de |mais de |более |больше )/i;
/**
 * What may stand beside the label: one number (plain digits, or groups of three after separators;
 * a short fraction before a compact suffix: "6K", "1.2K", "2,948", "12 345", "1,2 Mio.", "500+").
 * Two numbers side by side ("58 4 Comments", two counts whose markup merged) are not one count.
 */
const COUNT_ONLY = /^(?:\d+|\d{1,3}(?:[.,' ]\d{3})+)(?:[.,]\d{1,2})?(?: ?[\p{L}.]{1,6})?\+?$/u;

/** The longest text read as one labelled count; anything longer is prose, not a count. */
const MAX_LABEL_TEXT = 60;

/** The longest text read as a list of labelled counts ("12,345 followers · 500+ connections"). */
export const MAX_LABELS_TEXT = 240;

/** Whitespace (no-break and narrow no-break spaces included) collapsed to single spaces. */
export function squash(text: string | null | undefined): string {
  return (text ?? '').replace(/[\s\u00a0\u202f]+/gu, ' ').trim();
}

export interface LabelledCount {
  field: LabelField;
  count: CountReading;
}

/**
 * A text that is exactly one labelled count ("6K followers", "Follower: 1.234", "500+ connections",
 * "2,948 reactions"), or undefined. Anything else in the text (a headline that mentions
 * "10K followers", a sentence) makes it no count: only a whole label-and-number is trusted.
 */
export function readLabelledCount(raw: string, locale: string): LabelledCount | undefined {
  const text = squash(raw);
  if (text.length > MAX_LABEL_TEXT || !/\d/.test(text)) return undefined;
  for (let i = 0; i < LABELS.length; i++) {
    const [field, atEnd] = LABEL_AT_END[i]!;
    const rest = atEnd.exec(text)?.[1] ?? LABEL_AT_START[i]![1].exec(text)?.[1];
    if (rest === undefined) continue;
    const more = MORE_THAN.exec(rest);
    const number = more ? rest.slice(more[0].length) : rest;
    if (!COUNT_ONLY.test(number)) return undefined;
    const audience = field === 'followers' || field === 'connections';
    const parsed = parseCount(number, audience ? { locale, max: MAX_AUDIENCE } : { locale });
    if (!parsed) return undefined;
    return { field, count: more ? { value: parsed.value, precision: 'lower-bound' } : parsed };
  }
  return undefined;
}

/**
 * A label that is a labelled count, or starts with one and says what it counts after it: the
 * logged-in feed's "3 comments on Jane Doe’s post", "12 reposts of …" (the count's first two or
 * three words: "1.2K reactions", "12 345 commentaires"). Undefined otherwise ("Mara and 2,947
 * others" is not a total).
 */
export function readLeadingCount(raw: string, locale: string): LabelledCount | undefined {
  const whole = readLabelledCount(raw, locale);
  if (whole) return whole;
  const words = squash(raw).split(' ', 4);
  if (!/^\d/.test(words[0] ?? '')) return undefined;
  for (let n = 2; n < words.length; n++) {
    const count = readLabelledCount(words.slice(0, n).join(' '), locale);
    if (count) return count;
  }
  return undefined;
}

/**
 * Every labelled count in a short text that lists several ("12,345 followers · 500+ connections"),
 * each part read on its own; [] when any part is not a labelled count, or the text is longer than
 * MAX_LABELS_TEXT.
 */
export function readLabelledCounts(raw: string, locale: string): LabelledCount[] {
  const text = squash(raw);
  if (text.length > MAX_LABELS_TEXT) return [];
  const parts = text.split(/ ?[·•|] ?/u);
  const counts: LabelledCount[] = [];
  for (const part of parts) {
    const c = readLabelledCount(part, locale);
    if (!c) return [];
    counts.push(c);
  }
  return counts;
}

/** A connections count from an API: LinkedIn caps it at 500 ("500+"), so 500 is a floor. */
export function connectionsCount(value: number): CountReading {
  return { value, precision: value >= 500 ? 'lower-bound' : 'exact' };
}

const UNIT_MS: Readonly<Record<string, number>> = {
  s: 1_000,
  m: 60_000,
  min: 60_000,
  h: 3_600_000,
  hr: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
  mo: 2_592_000_000,
  y: 31_536_000_000,
  yr: 31_536_000_000,
};

/**
 * A relative post time as LinkedIn prints it ("2d •", "3w", "5mo", "1yr", "Now"), resolved against
 * the capture clock; undefined for anything else. Coarse (a "3w" post is 3–4 weeks old): an id's
 * own timestamp is preferred wherever there is one (`timeFromId`).
 */
export function relativeTime(raw: string, now: number): number | undefined {
  const text = squash(raw).toLowerCase();
  if (/^now\b/.test(text)) return now;
  const m = /^(\d{1,3}) ?(mo|min|yr|[smhdwy])\b/.exec(text);
  const unit = m ? UNIT_MS[m[2] ?? ''] : undefined;
  return m && unit ? now - Number(m[1]) * unit : undefined;
}

/** LinkedIn's own start (2003): an id decoding to an earlier time is not a LinkedIn id. */
const EARLIEST = Date.UTC(2003, 0, 1);

/**
 * The creation time in a LinkedIn activity, ugcPost or share id: its first 41 bits are epoch ms
 * (NOTES §2: 7300443605666545664 >> 22 = 2025-02-26T09:16:31.274Z, 31 ms after the post page's
 * datePublished). Undefined for anything that does not decode to a time before `now` (+1 day of
 * clock skew).
 */
export function timeFromId(id: string, now: number): number | undefined {
  if (!/^\d{13,20}$/.test(id)) return undefined;
  const ms = Number(BigInt(id) >> 22n);
  return ms >= EARLIEST && ms <= now + 86_400_000 ? ms : undefined;
}

/** The kind and number of a post URN ("urn:li:activity:7242285086220460033"). */
export function postUrn(urn: unknown): { type: string; id: string } | undefined {
  const m =
    typeof urn === 'string' ? /^urn:li:(activity|ugcPost|share):(\d{6,25})$/.exec(urn) : null;
  return m ? { type: m[1] ?? 'activity', id: m[2] ?? '' } : undefined;
}

/** A post's canonical URL on www (works for every URN kind). */
export function postUrl(type: string, id: string): string {
  return `https://www.linkedin.com/feed/update/urn:li:${type}:${id}/`;
}

/**
 * The creator a LinkedIn URL points to: `<slug>` for `/in/<slug>`, `company/<slug>` for
 * `/company/<slug>` (any subdomain, any tail), resolved against `base` for relative links.
 */
export function handleFromHref(href: string | null | undefined, base?: string): string | undefined {
  if (!href) return undefined;
  let url: URL;
  try {
    url = new URL(href, base ?? 'https://www.linkedin.com/');
  } catch {
    return undefined;
  }
  if (!/(?:^|\.)linkedin\.com$/i.test(url.hostname)) return undefined;
  const m = /^\/(in|company)\/([^/?#]{2,100})/.exec(url.pathname);
  if (!m) return undefined;
  let slug: string;
  try {
    slug = decodeURIComponent(m[2] ?? '').toLowerCase();
  } catch {
    return undefined;
  }
  const ok = m[1] === 'in' ? /^[\p{L}\p{M}\p{N}_-]+$/u : /^[\p{L}\p{M}\p{N}._-]+$/u;
  return ok.test(slug) ? (m[1] === 'in' ? slug : `company/${slug}`) : undefined;
}

/**
 * Whether a handle read from a link's path is a member id (`acoaab…`, as `/in/ACoAAB…` reads) or a
 * numeric company id (`company/1035`) rather than a vanity name.
 */
export function isAccountId(handle: string): boolean {
  return /^(?:acoa[\w-]{20,}|company\/\d+)$/.test(handle);
}

/**
 * The handle a link names as Scout spells it (`handleFromHref`), or undefined when the path names
 * the account by its member or company id (`/in/ACoAAB…`, `/company/1035/`): an id is no handle, and
 * would file the account apart from its vanity name.
 */
export function vanityFromHref(href: string | null | undefined, base?: string): string | undefined {
  const handle = handleFromHref(href, base);
  return handle && !isAccountId(handle) ? handle : undefined;
}

/**
 * What a mention in a comment reads as: LinkedIn prints a mentioned person or company by name, with
 * no "@", so the name alone would read as words (and name someone). Every reader of comment text
 * (markup and Voyager alike) writes this instead, so that a comment that only tags people reads as
 * mention-only and the same comment read twice reads alike.
 */
export const MENTION_MARK = '@mention';
