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
import { addAccount, addMedias, identify, type Accounts } from './map';
import {
  ConnectionSchema,
  ListsSchema,
  MediaSchema,
  NodeSchema,
  OwnerSchema,
  UserSchema,
} from './schemas';
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
 * - private-API lists (`items[]`: `api/v1/feed/user/`, `clips/home`, media info) and `{ user }`
 *   bodies (`users/<pk>/info/`: exact counts);
 * - the lists feeds and search show (NOTES-feeds-youtube.md §2), one reading per account object
 *   with that account's media as its posts: the home feed
 *   (`xdt_api__v1__feed__timeline__connection`), top search (`list[]` / `users[]` of
 *   `{ position, user }`, follower counts as rounded text), Explore-style grids
 *   (`media_grid.sections[]`, `sectional_items[]`: `media.user` without counts), and a profile's
 *   reels (`xdt_user_clips_graphql`), whose deferred parts (`{ path, label, data: media }`) each
 *   carry one reel with its owner's `user` (on a collab, the collaborator: the count stays theirs).
 * The first part of the streamed reels holds only `pk` and `play_count` per reel: no code, so no
 * post (each document is read alone, and a post without its code cannot join its later part).
 * An array is read as several documents. The viewer (`config.viewer` / `config.viewerId`,
 * `data.xdt_viewer`, `viewer`) is read as an identity marked `viewer`, never with counts or posts:
 * the sightings drop every reading about it. Unknown shapes give []. Pure; never throws.
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
  const viewers: Reading[] = [];
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
  const lists = (raw: unknown) => {
    const l = ListsSchema(raw);
    if (!l) return;
    for (const entry of [...(l.list ?? []), ...(l.users ?? [])]) {
      addAccount(book, src(INSTAGRAM_SOURCES.search), entry.user);
    }
    for (const section of [...(l.media_grid?.sections ?? []), ...(l.sectional_items ?? [])]) {
      const cell = section.layout_content;
      const medias = [
        ...(cell?.medias ?? []),
        ...(cell?.fill_items ?? []),
        ...(cell?.one_by_two_item?.clips?.items ?? []),
      ];
      addMedias(book, src(INSTAGRAM_SOURCES.grid), medias);
    }
  };
  // The viewer's identity alone: what its object says about it is never a sighting's.
  const viewer = (raw: unknown) => {
    const who = identify(OwnerSchema(isRecord(raw) && isRecord(raw['user']) ? raw['user'] : raw));
    if (who.handle || who.platformId) {
      viewers.push({ ...newReading(INSTAGRAM_SOURCES.viewer, who), viewer: true });
    }
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
    const config = doc['config'];
    if (isRecord(config)) {
      viewer(isRecord(config['viewer']) ? config['viewer'] : { id: config['viewerId'] });
    }
    viewer(doc['viewer']);
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
      viewer(data['xdt_viewer']);
      viewer(data['viewer']);
      const path: unknown = doc['path'];
      if (Array.isArray(path)) {
        // A streamed part (`extensions.is_final` marks the last one): one edge of a connection,
        // or one media of a list (the reels' `ClipsViewerGraphQLFragment`), with its owner.
        if (data['node'] !== undefined) {
          addMedias(book, src(INSTAGRAM_SOURCES.timeline), [NodeSchema(data['node'])]);
        } else if (typeof data['code'] === 'string') {
          const reels = String(path[0]).includes(CLIPS);
          const from = src(reels ? INSTAGRAM_SOURCES.reels : INSTAGRAM_SOURCES.timeline);
          addMedias(book, from, [MediaSchema(data)]);
          return;
        }
      }
      if (data['user'] === null) problem('not-found');
      else if (data['user']) user(data['user'], src(INSTAGRAM_SOURCES.profileInfo));
      const media = data['xdt_shortcode_media'] ?? data['shortcode_media'];
      if (media) addMedias(book, src(INSTAGRAM_SOURCES.post), [MediaSchema(media)]);
      for (const key in data) {
        // A comment connection's nodes are comments, their `user` a commenter: no media, and no
        // account Scout keeps (comments.ts reads their texts).
        if (key.startsWith('xdt_api__v1__') && !key.endsWith('comments__connection')) {
          connection(data[key], src(INSTAGRAM_SOURCES.timeline));
          lists(data[key]);
        } else if (key.includes(CLIPS)) {
          connection(data[key], src(INSTAGRAM_SOURCES.reels));
        }
      }
    }
    lists(doc);
    if (Array.isArray(doc['items'])) connection(doc, src(INSTAGRAM_SOURCES.feed));
    // `users/<pk>/info` and `feed/user/<name>/username/` bodies name their account at the top.
    if (isRecord(doc['user'])) user(doc['user'], src(INSTAGRAM_SOURCES.profileInfo));
  };
  read(json, 0);
  return [...book.values(), ...problems, ...viewers];
}

/** A profile's reels GraphQL field (`xdt_user_clips_graphql`, written with its arguments in some). */
const CLIPS = 'xdt_user_clips_graphql';

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
