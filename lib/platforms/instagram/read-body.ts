import { isRecord } from '../../extract/lenient';
import {
  newReading,
  normalizeHandle,
  withOrigin,
  type Identity,
  type Reading,
} from '../../extract/reading';
import type { ReadingProblem } from '../../extract/reading';
import { idString } from '../../extract/values';
import { addAccount, addMedias, type Accounts } from './map';
import { ConnectionSchema, MediaSchema, NodeSchema, UserSchema } from './schemas';
import { INSTAGRAM_SOURCES } from './sources';

export { INSTAGRAM_SOURCES } from './sources';

/** Most documents read from one body (a batch, or several documents back to back). */
const MAX_DOCUMENTS = 64;

/**
 * What an Instagram JSON payload says, recognised by shape (NOTES §2.1):
 * - `window._sharedData` (`entry_data.ProfilePage[0].graphql.user`, `PostPage[0]…shortcode_media`;
 *   2021 capture), and `?__a=1` bodies (`graphql.user`, `graphql.shortcode_media`);
 * - `web_profile_info` and the profile GraphQL (`data.user`, edge or flat counts: the adrianhorning
 *   and crawlinsta captures);
 * - the logged-in GraphQL connections (`data.xdt_api__v1__…` with `edges[].node`: the xdt capture),
 *   post pages' `data.xdt_shortcode_media`, and streamed parts of them (`{ path, data: edge }`);
 * - private-API lists (`items[]`: `api/v1/feed/user/`, media info) and `{ user }` bodies.
 * An array is read as several documents. The viewer (`config.viewer`, `data.xdt_viewer`) is never
 * read. Unknown shapes give []. Pure; never throws.
 */
export function readInstagramBody(json: unknown, url: URL): Reading[] {
  try {
    return withOrigin(readInstagramJson(json, url), 'body');
  } catch {
    // The schemas never throw on data; this guards the host page against a bug, not the input.
    return [];
  }
}

/** The same, with the carrier's source id when the caller knows it (an embedded document). */
export function readInstagramJson(json: unknown, url: URL, source?: string): Reading[] {
  const book: Accounts = new Map();
  const problems: Reading[] = [];
  const src = (fallback: string) => source ?? fallback;
  const problem = (p: ReadingProblem) =>
    problems.push(Object.assign(newReading(src(INSTAGRAM_SOURCES.profileInfo)), { problem: p }));
  const user = (raw: unknown, from: string) => {
    const u = UserSchema(raw);
    const r = addAccount(book, from, u);
    const timelines = [u?.edge_owner_to_timeline_media?.edges, u?.edge_felix_video_timeline?.edges];
    for (const edges of [...timelines, u?.edges]) {
      // A profile's timeline holds its own posts: nodes without an owner are the profile's.
      addMedias(
        book,
        from,
        edges?.map((e) => e.node),
        r && who(r),
        u?.hide_like_and_view_counts,
      );
    }
  };
  const graphql = (g: unknown, from: string) => {
    if (!isRecord(g)) return;
    if (g['user']) user(g['user'], from);
    if (g['shortcode_media']) addMedias(book, from, [MediaSchema(g['shortcode_media'])]);
  };
  const connection = (raw: unknown, from: string) => {
    const c = ConnectionSchema(raw);
    const medias = [...(c?.edges?.map((e) => e.node) ?? []), ...(c?.items ?? [])];
    addMedias(book, from, medias, feedOwner(url));
  };

  const read = (doc: unknown, depth: number) => {
    if (Array.isArray(doc) && depth === 0) {
      for (const d of doc.slice(0, MAX_DOCUMENTS)) read(d, 1);
      return;
    }
    if (!isRecord(doc)) return;
    const message = doc['message'];
    if (
      doc['status'] === 'fail' &&
      (doc['require_login'] === true ||
        (typeof message === 'string' && /login|checkpoint/i.test(message)))
    ) {
      problem('sign-in-required');
    }
    const entry = doc['entry_data'];
    if (isRecord(entry)) {
      // _sharedData: the page's own entry only; `config.viewer` is the logged-in viewer.
      const from = src(INSTAGRAM_SOURCES.sharedData);
      for (const key of ['ProfilePage', 'PostPage']) {
        const page: unknown = (entry[key] as unknown[] | undefined)?.[0];
        if (isRecord(page)) graphql(page['graphql'], from);
      }
      if (entry['LoginAndSignupPage']) problem('sign-in-required');
      if (entry['HttpErrorPage']) problem('not-found');
    }
    graphql(doc['graphql'], src(INSTAGRAM_SOURCES.legacy));
    const data = doc['data'];
    if (isRecord(data)) {
      if (Array.isArray(doc['path'])) {
        // A streamed part of a connection (`extensions.is_final` marks the last one): one edge.
        addMedias(book, src(INSTAGRAM_SOURCES.timeline), [NodeSchema(data['node'])]);
      }
      if (data['user'] === null) problem('not-found');
      else if (data['user']) user(data['user'], src(INSTAGRAM_SOURCES.profileInfo));
      const media = data['xdt_shortcode_media'] ?? data['shortcode_media'];
      if (media) addMedias(book, src(INSTAGRAM_SOURCES.post), [MediaSchema(media)]);
      for (const key in data) {
        if (key.startsWith('xdt_api__v1__')) connection(data[key], src(INSTAGRAM_SOURCES.timeline));
      }
    }
    if (Array.isArray(doc['items'])) connection(doc, src(INSTAGRAM_SOURCES.feed));
    // `users/<pk>/info` and `feed/user/<name>/username/` bodies name their account at the top.
    if (isRecord(doc['user'])) user(doc['user'], src(INSTAGRAM_SOURCES.profileInfo));
  };
  read(json, 0);
  return [...book.values(), ...problems];
}

function who(r: Reading): Identity {
  const id: Identity = {};
  if (r.handle) id.handle = r.handle;
  if (r.platformId) id.platformId = r.platformId;
  return id;
}

/**
 * The account a private-API feed request names (`/api/v1/feed/user/<pk>/`, or
 * `/api/v1/feed/user/<username>/username/`): the owner of items that do not name one.
 */
function feedOwner(url: URL): Identity | undefined {
  const m = /^\/api\/v1\/feed\/user\/([^/]+)\/(username\/)?/.exec(url.pathname);
  if (!m) return undefined;
  const handle = m[2] ? normalizeHandle(m[1]) : undefined;
  const id = m[2] ? undefined : idString(m[1]);
  return handle ? { handle } : id ? { platformId: id } : undefined;
}
