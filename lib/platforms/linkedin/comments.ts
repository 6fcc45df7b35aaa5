import { commentList, type CommentList } from '../../extract/comments';
import { isRecord } from '../../extract/lenient';
import { postingUrn } from './json-ld';
import { LINKEDIN_SOURCES } from './sources';
import { MENTION_MARK, postUrn } from './text';

/**
 * The comments LinkedIn's payloads show, as lists per post (texts and likes, nothing about who
 * wrote them: no name, profile, headline or picture is read):
 * - the logged-out post page's JSON-LD posting (`DiscussionForumPosting`, a reshare's
 *   `SocialMediaPosting`) embeds up to ten of its comments in `comment[]`, each with `text` and a
 *   LikeAction count (10 in public-post_2025-03_honzajavorek_*, likes 2, 14, 1, 7, 8, 19, 0, 1, 1,
 *   1; none in public-post-reshare_2026-06_*). They are the posting's own: a reshare's
 *   `sharedContent` is the reshared post, whose comments are not this page's;
 * - the logged-in app's Voyager responses (normalized JSON, or the same entities inline):
 *   `/voyager/api/feed/comments?q=comments&updateId=activity:N` gives `feed.Comment` entities
 *   (text in `commentV2`), the dash GraphQL queries `voyagerSocialDashComments.<hash>`
 *   (SocialDashCommentsBySocialDetail, replies by cursor) give `dash.social.Comment` entities (text
 *   in `commentary`). A comment's URN names its post (`urn:li:comment:(activity:N,M)`,
 *   `(urn:li:activity:N,M)`, `urn:li:fsd_comment:(M,urn:li:activity:N)`); its likes are the
 *   `numLikes` of its social detail's SocialActivityCounts (the 2023 feed capture holds two such
 *   counts for comments). [unverified: no comment body is among the captures; the shapes follow
 *   what tools reading these endpoints take from them, tested on Scout's own bodies.]
 * Post ids are LinkedIn's post numbers as the other readers give them (`PostReading.id`).
 */

type Json = Record<string, unknown>;

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** The comment lists in one parsed JSON value (a JSON-LD script, a Voyager body); [] for anything else. */
export function readLinkedinComments(json: unknown): CommentList[] {
  if (!isRecord(json) && !Array.isArray(json)) return [];
  return [...readJsonLdComments(json), ...readVoyagerComments(json)];
}

/** The comments a JSON-LD value's postings embed, one list per posting. */
export function readJsonLdComments(value: unknown): CommentList[] {
  const graph = isRecord(value) && Array.isArray(value['@graph']) ? value['@graph'] : [value];
  const lists: CommentList[] = [];
  for (const node of graph.flat()) {
    if (!isRecord(node)) continue;
    const type = node['@type'];
    if (type !== 'DiscussionForumPosting' && type !== 'SocialMediaPosting') continue;
    const raw = node['comment'];
    const comments = (Array.isArray(raw) ? raw : [raw]).filter(isRecord).map((c) => ({
      text: c['text'],
      likes: likeCount(c['interactionStatistic']),
    }));
    const list = commentList(LINKEDIN_SOURCES.jsonLd, postingUrn(node)?.id, comments);
    if (list) lists.push(list);
  }
  return lists;
}

/** `interactionStatistic` (one object or a list) → its LikeAction count (0 included: it is shown). */
function likeCount(stats: unknown): unknown {
  for (const s of Array.isArray(stats) ? stats : [stats]) {
    if (!isRecord(s)) continue;
    const type = s['interactionType'];
    const name = isRecord(type) ? type['@type'] : type;
    if (typeof name === 'string' && /LikeAction$/.test(name)) return s['userInteractionCount'];
  }
  return undefined;
}

/** How deep a body is searched for comments: entities sit at depth 2, inline replies a few below. */
const MAX_DEPTH = 24;
/** Values looked at per body: a 4 MB feed body holds some 200,000. */
const MAX_VALUES = 1_000_000;
/** Posts per body with a list: a feed page shows a few comments under each of its posts. */
const MAX_LISTS = 100;

/** A comment's own URN: `urn:li:comment:(…)`, `urn:li:fsd_comment:(…)`, `urn:li:fs_objectComment:(…)`. */
const COMMENT_URN = /^urn:li:(?:comment|fsd_comment|fs_objectComment):\(/;
/** A post inside a comment URN, with or without its `urn:li:` prefix. */
const POST_IN_URN = /(?:^|[(,])(?:urn:li:)?(activity|ugcPost|share):(\d{6,25})(?=[,)]|$)/g;
/** SocialActivityCounts' entity URN prefix (classic and dash) before the URN they count. */
const COUNTS_PREFIX = /^urn:li:fsd?_socialActivityCounts:/;

/**
 * The comments in a Voyager body, normalized (entities in `included`, linked by `*field` URNs) or
 * inline, found by their shape wherever the body holds them: an object with a comment URN and a
 * text (`commentary` or `commentV2`). Each comment is read once (by its URN), its mentions written
 * as MENTION_MARK. A comment whose URN names no post is skipped.
 */
export function readVoyagerComments(json: unknown): CommentList[] {
  const comments: Json[] = [];
  const byUrn = new Map<string, Json>();
  /** Comment URN → its likes, from SocialActivityCounts entities. */
  const counted = new Map<string, unknown>();
  // An explicit stack: a body nested thousands deep must not overflow the worker's.
  const stack: [unknown, number][] = [[json, 0]];
  let values = 0;
  while (stack.length && values < MAX_VALUES) {
    const [value, depth] = stack.pop()!;
    values++;
    if (depth > MAX_DEPTH || typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], depth + 1]);
      continue;
    }
    const o = value as Json;
    const entityUrn = str(o['entityUrn']);
    if (entityUrn) byUrn.set(entityUrn, o);
    if (isComment(o)) comments.push(o);
    else if ('numLikes' in o) {
      const urn = str(o['urn']) ?? entityUrn?.replace(COUNTS_PREFIX, '');
      if (urn && COMMENT_URN.test(urn)) counted.set(urn, o['numLikes']);
    }
    // A commenter is a person, never a comment: nothing in it is looked at.
    for (const key in o) if (key !== 'commenter') stack.push([o[key], depth + 1]);
  }

  const ref = (e: Json | undefined, key: string): Json | undefined => {
    if (!e) return undefined;
    const inline = e[key];
    return isRecord(inline) ? inline : byUrn.get(str(e[`*${key}`]) ?? '');
  };
  const byPost = new Map<string, { text: unknown; likes?: unknown }[]>();
  const seen = new Set<string>();
  for (const c of comments) {
    const urn = str(c['urn']) ?? str(c['entityUrn']) ?? '';
    if (seen.has(urn)) continue;
    seen.add(urn);
    const post = commentPost([c['urn'], c['entityUrn'], c['threadUrn']]);
    if (!post) continue;
    const counts = ref(ref(c, 'socialDetail'), 'totalSocialActivityCounts');
    const likes = counts?.['numLikes'] ?? counted.get(urn);
    let raw = byPost.get(post);
    if (!raw) {
      if (byPost.size >= MAX_LISTS) continue;
      byPost.set(post, (raw = []));
    }
    raw.push({ text: commentWords(c['commentary'] ?? c['commentV2']), likes });
  }
  const lists: CommentList[] = [];
  for (const [post, raw] of byPost) {
    const list = commentList(LINKEDIN_SOURCES.voyager, post, raw);
    if (list) lists.push(list);
  }
  return lists;
}

function isComment(o: Json): boolean {
  const text = o['commentary'] ?? o['commentV2'];
  if (text === undefined || text === null) return false;
  const urn = str(o['urn']) ?? str(o['entityUrn']);
  return !!urn && COMMENT_URN.test(urn);
}

/**
 * The post a comment is on, from its URNs (and a plain post `threadUrn`): an activity where one
 * names it (the id the feed's cards and updates give a post), else the ugcPost or share.
 */
function commentPost(urns: readonly unknown[]): string | undefined {
  let other: string | undefined;
  for (const raw of urns) {
    const urn = str(raw);
    if (!urn) continue;
    const plain = postUrn(urn);
    const found = plain
      ? [[plain.type, plain.id]]
      : COMMENT_URN.test(urn)
        ? [...urn.matchAll(POST_IN_URN)].map((m) => [m[1], m[2]])
        : [];
    for (const [type, id] of found) {
      if (type === 'activity') return id;
      other ??= id;
    }
  }
  return other;
}

/**
 * A TextViewModel's words (`{text, attributes | attributesV2}`; a plain string as it is), each
 * mention's range (a profile's or company's name) written as MENTION_MARK. Ranges that do not fit
 * the text are ignored; overlapping ones count once.
 */
function commentWords(model: unknown): unknown {
  if (typeof model === 'string' || !isRecord(model)) return model;
  const text = model['text'];
  if (typeof text !== 'string') return undefined;
  const ranges: [number, number][] = [];
  for (const key of ['attributesV2', 'attributes']) {
    const attrs = model[key];
    if (!Array.isArray(attrs)) continue;
    for (const a of attrs) {
      if (!isRecord(a) || !isMention(a)) continue;
      const start = a['start'];
      const length = a['length'];
      if (!Number.isSafeInteger(start) || !Number.isSafeInteger(length)) continue;
      const [from, to] = [start as number, (start as number) + (length as number)];
      if (from >= 0 && to > from && to <= text.length) ranges.push([from, to]);
    }
  }
  if (!ranges.length) return text;
  ranges.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [from, to] of ranges) {
    if (from < at) continue;
    out += text.slice(at, from) + MENTION_MARK;
    at = to;
  }
  return out + text.slice(at);
}

/** Mentions by kind: a profile's or company's name (dash `detailData`, classic `type`), not a hashtag or link. */
const MENTION_KIND = /mention|profileFullName|companyName|miniProfile|miniCompany/i;

function isMention(a: Json): boolean {
  const type = a['type'];
  const detail = a['detailData'];
  const kinds = [
    typeof type === 'string' ? type : '',
    ...(isRecord(type) ? Object.keys(type) : []),
    ...(isRecord(detail) ? Object.keys(detail) : []),
  ];
  return kinds.some((k) => MENTION_KIND.test(k));
}
