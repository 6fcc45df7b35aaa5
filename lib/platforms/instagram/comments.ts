import { commentList, type CommentList } from '../../extract/comments';
import { isRecord } from '../../extract/lenient';
import { idString } from '../../extract/values';
import { parseJson } from '../../parsing/json-islands';
import { INSTAGRAM_SOURCES } from './sources';
import { instagramUrls } from './url';

/**
 * Instagram's comment payloads, read for their texts and likes only (nothing of a comment's `user`,
 * nor its `pk`):
 * - the private API: `/api/v1/media/<media pk>/comments/` (`{ comments: [...], comment_count,
 *   caption, comment_likes_enabled }`) and `/api/v1/media/<pk>/comments/<comment pk>/child_comments/`
 *   (`{ parent_comment, child_comments: [...] }`), each comment with `text` and
 *   `comment_like_count` (replies also name their post, `media_id`);
 * - the web GraphQL comment queries (`PolarisPostCommentsContainerQuery` and its pages, the replies'
 *   `PolarisPostChildCommentsQuery`): `data.xdt_api__v1__media__media_id__comments__connection` and
 *   `…__parent_comment_id__child_comments__connection`, `edges[].node` with the same fields. Their
 *   nodes name no post: the request does (its `media_id` variable, in the POST body the tap does
 *   not hand over), so they are read only where the URL names the post (a post page's preloaded
 *   blocks, `/p/<code>/`);
 * - 2019–21 GraphQL, `?__a=1` and `_sharedData` (`shortcode_media.edge_media_to_parent_comment`,
 *   `text` and `edge_liked_by.count`, replies inline in `edge_threaded_comments`), whose media
 *   names its `shortcode`.
 * Scout's post ids are shortcodes (`PostReading.id`, map.ts): a media pk is turned into its code.
 */

/** The shortcode alphabet: a media pk written in base 64, most significant digit first. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** Media pks are 64-bit; a larger number is no media of Instagram's. */
const MAX_PK = (1n << 64n) - 1n;
/** A media pk, or a media id `<pk>_<owner pk>`. */
const MEDIA_ID = /^(\d{1,20})(?:_\d{1,20})?$/;
/** A shortcode that encodes a pk: 64 bits fit 11 digits, and a leading `A` would be a zero. */
const PK_CODE = /^[B-Za-z0-9_-][A-Za-z0-9_-]{0,10}$/;
/** A post code as Instagram prints it in `/p/<code>/` (map.ts keeps the same). */
const CODE = /^[\w-]{5,64}$/;

/** The private API's comment pages: their path names the post's pk. */
const MEDIA_COMMENTS =
  /^\/api\/v1\/media\/(\d{1,20}(?:_\d{1,20})?)\/comments(?:\/\d{1,25}\/(?:inline_)?child_comments)?\/?$/;
/** A GraphQL comment connection (top-level comments, or the replies under one). */
const COMMENT_CONNECTION = /^xdt_api__v1__media__\w*comments__connection$/;
/** Longest `variables` URL parameter read (a GET GraphQL request's; they are a few hundred). */
const MAX_VARIABLES = 4_000;
/** Documents read from one body (a batch, or several back to back). */
const MAX_DOCUMENTS = 64;
/** Objects visited in a preloaded block: bounds the walk a hostile page can ask for. */
const MAX_VISITS = 50_000;
/** Comments read per body: a page holds a few dozen, a preloaded post page about as many. */
const MAX_READ = 2_000;

/** The shortcode of a media pk (or of a media id `<pk>_<owner pk>`); undefined for anything else. */
export function mediaCode(pk: unknown): string | undefined {
  const text = typeof pk === 'number' ? idString(pk) : typeof pk === 'string' ? pk : undefined;
  const digits = text === undefined ? undefined : MEDIA_ID.exec(text)?.[1];
  if (!digits) return undefined;
  let n = BigInt(digits);
  if (n <= 0n || n > MAX_PK) return undefined;
  let code = '';
  for (; n > 0n; n >>= 6n) code = ALPHABET[Number(n & 63n)] + code;
  return code;
}

/** The media pk a shortcode encodes; undefined for text that is no pk's code (a private post's long code). */
export function mediaPk(code: string): string | undefined {
  if (typeof code !== 'string' || !PK_CODE.test(code)) return undefined;
  let n = 0n;
  for (const char of code) n = (n << 6n) | BigInt(ALPHABET.indexOf(char));
  return n <= MAX_PK ? String(n) : undefined;
}

/** A comment as read, before `commentList` keeps it. */
type Raw = { text: unknown; likes: unknown };

/** The comments of one body, by payload and post, in the order met. */
class Found {
  private readonly byList = new Map<string, { source: string; code: string; raw: Raw[] }>();
  private read = 0;

  /** Files one comment under its post; false once the body's bound is reached. */
  add(source: string, code: string | undefined, text: unknown, likes: unknown): boolean {
    if (this.read >= MAX_READ) return false;
    this.read++;
    if (!code) return true;
    const key = `${source} ${code}`;
    let list = this.byList.get(key);
    if (!list) this.byList.set(key, (list = { source, code, raw: [] }));
    list.raw.push({ text, likes });
    return true;
  }

  lists(): CommentList[] {
    const out: CommentList[] = [];
    for (const { source, code, raw } of this.byList.values()) {
      const list = commentList(source, code, raw);
      if (list) out.push(list);
    }
    return out;
  }
}

/**
 * The comments an Instagram body (or an embedded document: `_sharedData`, a preloaded block) shows,
 * one list per post and payload. Each comment's post is the one it names (`media_id`), else the
 * one its payload names (a `shortcode_media`), else the one `url` names: a private-API comment
 * path (`media/<pk>/comments/`), a GET GraphQL request's `variables` (`media_id`, `shortcode`), or
 * a post page (`/p/<code>/`). A payload that names no post, read from a URL that names none,
 * gives no list. Inline previews of comments and replies are not read (their own pages carry
 * them, and a comment read twice would weigh twice).
 * A post whose comment likes are turned off (`comment_likes_enabled: false`) has likes unknown,
 * whatever count the payload still carries. Unknown shapes give []. Pure; never throws.
 */
export function readInstagramComments(json: unknown, url: URL): CommentList[] {
  try {
    const found = new Found();
    const asked = requestedPost(url);
    const docs = Array.isArray(json) ? json.slice(0, MAX_DOCUMENTS) : [json];
    for (const doc of docs) readDocument(doc, asked, found);
    return found.lists();
  } catch {
    // Nothing here throws on data; this guards the worker against a bug, not the input.
    return [];
  }
}

/** The post a request or page URL names, as a shortcode. */
function requestedPost(url: URL): string | undefined {
  const path = MEDIA_COMMENTS.exec(url.pathname);
  if (path) return mediaCode(path[1]);
  const variables = url.searchParams.get('variables');
  if (variables && variables.length <= MAX_VARIABLES) {
    const v = parseJson(variables, MAX_VARIABLES);
    if (isRecord(v)) {
      const named = postCode(v['shortcode']) ?? mediaCode(v['media_id']);
      if (named) return named;
    }
  }
  return instagramUrls.match(url)?.postId;
}

function postCode(raw: unknown): string | undefined {
  return typeof raw === 'string' && CODE.test(raw) ? raw : undefined;
}

function readDocument(doc: unknown, asked: string | undefined, found: Found): void {
  if (!isRecord(doc)) return;
  // Private API: a post's comments, or the replies under one of them.
  const hidden = doc['comment_likes_enabled'] === false;
  readDicts(doc['comments'], INSTAGRAM_SOURCES.comments, asked, hidden, found);
  readDicts(doc['child_comments'], INSTAGRAM_SOURCES.childComments, asked, hidden, found);
  if (isRecord(doc['data'])) readData(doc['data'], asked, found);
  const graphql = doc['graphql'];
  if (isRecord(graphql)) readMedia(graphql['shortcode_media'], asked, found);
  const entry = doc['entry_data'];
  if (isRecord(entry) && Array.isArray(entry['PostPage'])) {
    const page: unknown = entry['PostPage'][0];
    if (isRecord(page) && isRecord(page['graphql'])) {
      readMedia(page['graphql']['shortcode_media'], asked, found);
    }
  }
  // A preloaded block (`{ require: [...] }`): its GraphQL results sit deep inside, under `data`.
  if (Array.isArray(doc['require'])) readPreloaded(doc['require'], asked, found);
}

/** Private-API comment dicts (also the GraphQL nodes, which are the same dicts). */
function readDicts(
  raw: unknown,
  source: string,
  asked: string | undefined,
  hidden: boolean,
  found: Found,
): void {
  if (!Array.isArray(raw)) return;
  for (const c of raw) {
    if (!isRecord(c)) continue;
    const code = mediaCode(c['media_id']) ?? asked;
    if (!found.add(source, code, c['text'], hidden ? undefined : c['comment_like_count'])) return;
  }
}

/** A GraphQL result's `data`: comment connections and a 2019–21 `shortcode_media`. */
function readData(data: Record<string, unknown>, asked: string | undefined, found: Found): void {
  for (const key in data) {
    if (!COMMENT_CONNECTION.test(key)) continue;
    const connection = data[key];
    const edges = isRecord(connection) ? connection['edges'] : undefined;
    if (!Array.isArray(edges)) continue;
    const nodes = edges.map((e: unknown) => (isRecord(e) ? e['node'] : undefined));
    readDicts(nodes, INSTAGRAM_SOURCES.commentsGraphql, asked, false, found);
  }
  readMedia(data['shortcode_media'] ?? data['xdt_shortcode_media'], asked, found);
}

/** A 2019–21 media's parent comments and the replies it carries inline under each. */
function readMedia(media: unknown, asked: string | undefined, found: Found): void {
  if (!isRecord(media)) return;
  const code = postCode(media['shortcode']) ?? postCode(media['code']) ?? asked;
  const source = INSTAGRAM_SOURCES.commentsLegacy;
  const add = (node: unknown) => {
    if (!isRecord(node)) return true;
    const liked = node['edge_liked_by'];
    return found.add(source, code, node['text'], isRecord(liked) ? liked['count'] : undefined);
  };
  // Older media (2018–19) list their comments flat in edge_media_to_comment; the preview edges
  // (edge_media_preview_comment) repeat comments listed in full, and are not read.
  const parents =
    edgesOf(media['edge_media_to_parent_comment']) ?? edgesOf(media['edge_media_to_comment']);
  for (const parent of parents ?? []) {
    if (!add(parent)) return;
    const replies = isRecord(parent) ? edgesOf(parent['edge_threaded_comments']) : undefined;
    for (const reply of replies ?? []) if (!add(reply)) return;
  }
}

/** The nodes of `{ edges: [{ node }] }`, or undefined when it is not one. */
function edgesOf(connection: unknown): unknown[] | undefined {
  const edges = isRecord(connection) ? connection['edges'] : undefined;
  return Array.isArray(edges)
    ? edges.map((e: unknown) => (isRecord(e) ? e['node'] : undefined))
    : undefined;
}

/** Every `data` object inside a preloaded block, read as a GraphQL result; bounded, iterative. */
function readPreloaded(root: unknown, asked: string | undefined, found: Found): void {
  const stack: unknown[] = [root];
  for (let n = 0; stack.length && n < MAX_VISITS; n++) {
    const v = stack.pop();
    if (isRecord(v) && isRecord(v['data'])) {
      readData(v['data'], asked, found);
    } else if (typeof v === 'object' && v) {
      for (const child of Object.values(v))
        if (typeof child === 'object' && child) stack.push(child);
    }
  }
}
