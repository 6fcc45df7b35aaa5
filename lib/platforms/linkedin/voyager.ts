import { isRecord } from '../../extract/lenient';
import { newReading, type PostReading, type Reading } from '../../extract/reading';
import { parseJson } from '../../parsing/json-islands';
import { LINKEDIN_SOURCES, LINKEDIN_TEXTS, type MaterialText } from './sources';
import { connectionsCount, handleFromHref, postUrl, postUrn, squash, timeFromId } from './text';

/**
 * LinkedIn's Voyager API bodies (normalized JSON: `data` plus an `included` list of entities,
 * each with `$type` and `entityUrn`, linked by `*field` URN references), as the tap copies them
 * and as the logged-in page embeds them in `<code id="bpr-guid-N">` blocks (NOTES §4, §6):
 * - `ProfileNetworkInfo` (`/identity/profiles/<vanity>/networkinfo`): followersCount,
 *   connectionsCount (500 = "500+"); 948 / 500 in profile-loggedin_2021-07_*;
 * - `FollowingInfo` / `FollowingState`: followerCount of the member or company in their URN;
 * - profiles and companies naming themselves (`publicIdentifier`, `universalName`);
 * - `SocialActivityCounts` (classic and dash): per post numLikes (all reactions), numComments,
 *   numShares (reposts), in voyager-feed-updatesV2_2023-05_*. `numViews` is not read: LinkedIn
 *   shows no views on the page, and Scout's LinkedIn metrics are follower-based;
 * - `UpdateV2` / dash `Update` (feed and profile-update lists) linking a post to its actor and
 *   counts [unverified: the capture kept only the counts entities; tested on Scout's own bodies].
 * `/voyager/api/me` is the viewer (Mariia in the 2021 capture), never the profile: not read.
 */

type Entity = Record<string, unknown>;

const num = (v: unknown) =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : undefined;
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
/** The id at the end of a URN: `urn:li:fs_followingInfo:urn:li:member:ACoAA…` → `ACoAA…`. */
const tail = (urn: unknown) => str(urn)?.match(/:([^:,()]+)\)?$/)?.[1];

/**
 * What one Voyager body says. `url` is the request it answered: its path names the profile of a
 * networkinfo request (`/identity/profiles/<vanity>/…`, `memberIdentity=<vanity>`); a page URL
 * `/in/<slug>` stands in for it when the request is unknown (a body saved beside its page).
 */
export function readVoyager(json: unknown, url: URL, source: string, now: number): Reading[] {
  if (!isRecord(json) || /\/voyager\/api\/me\b/.test(url.pathname)) return [];
  const entities: Entity[] = [];
  if (isRecord(json['data'])) entities.push(json['data']);
  if (Array.isArray(json['included']))
    for (const e of json['included']) if (isRecord(e)) entities.push(e);
  const byUrn = new Map<string, Entity>();
  for (const e of entities) {
    const urn = str(e['entityUrn']);
    if (urn) byUrn.set(urn, e);
  }
  const ref = (e: Entity, key: string): Entity | undefined => {
    const inline = e[key];
    return isRecord(inline) ? inline : byUrn.get(str(e[`*${key}`]) ?? '');
  };

  const readings = new Map<string, Reading>();
  const about = (handle: string) => {
    let r = readings.get(handle);
    if (!r) readings.set(handle, (r = newReading(source, { handle })));
    return r;
  };
  /** Profile and member ids (ACoAA…, member numbers) → handle. */
  const handles = new Map<string, string>();
  const requested =
    /\/identity\/profiles\/([^/]+)\//.exec(url.pathname)?.[1] ??
    url.searchParams.get('memberIdentity') ??
    /^\/in\/([^/]+)/.exec(url.pathname)?.[1];
  const vanity =
    requested && !/^ACoA/.test(requested) ? handleFromHref(`/in/${requested}`) : undefined;

  for (const e of entities) {
    const id = tail(e['entityUrn']);
    const member = tail(e['objectUrn']);
    const slug = str(e['publicIdentifier']);
    const company = str(e['universalName']);
    const handle = slug
      ? handleFromHref(`/in/${slug}`)
      : company
        ? handleFromHref(`/company/${company}`)
        : undefined;
    if (!handle) continue;
    if (id) handles.set(id, handle);
    if (member) handles.set(member, handle);
    const r = about(handle);
    const name = squash(
      company ? str(e['name']) : `${str(e['firstName']) ?? ''} ${str(e['lastName']) ?? ''}`,
    );
    if (name) r.displayName = name;
    const headline = squash(str(e['headline']) ?? str(e['occupation']));
    if (headline) r.bio = headline;
    if (member && /^\d+$/.test(member)) r.platformId = member;
    else if (company && id && /^\d+$/.test(id)) r.platformId = id;
    const followers =
      num(ref(e, 'followingInfo')?.['followerCount']) ??
      num(ref(e, 'followingState')?.['followerCount']);
    if (followers !== undefined) r.counts.followers = { value: followers, precision: 'exact' };
  }

  for (const e of entities) {
    const type = str(e['$type']) ?? '';
    if (/ProfileNetworkInfo$/.test(type)) {
      const handle = handles.get(tail(e['entityUrn']) ?? '') ?? vanity;
      if (!handle) continue;
      const r = about(handle);
      const info = ref(e, 'followingInfo');
      const followers = num(e['followersCount']) ?? num(info?.['followerCount']);
      if (followers !== undefined) r.counts.followers = { value: followers, precision: 'exact' };
      const connections = num(e['connectionsCount']);
      if (connections !== undefined) r.counts.connections = connectionsCount(connections);
      const member = /^urn:li:member:(\d+)$/.exec(str(info?.['trackingUrn']) ?? '')?.[1];
      if (member) r.platformId = member;
    } else if (/Following(Info|State)$/.test(type)) {
      // Only when the URN names an account the body also names: a feed's FollowingInfo of a
      // stranger has no profile entity here, so it says nothing about anyone Scout can name.
      const handle = handles.get(tail(e['entityUrn']) ?? '');
      const followers = num(e['followerCount']);
      if (handle && followers !== undefined) {
        about(handle).counts.followers = { value: followers, precision: 'exact' };
      }
    }
  }

  const out = [...readings.values()];
  out.push(...readPosts(entities, byUrn, ref, handles, source, now));
  return out;
}

/**
 * Posts: each SocialActivityCounts entity is one post's counts. An update that names its actor
 * attributes its post to that actor; an update with a header ("X reposted this", "X commented on
 * this") or resharing another update is not its actor's own post in the creator's list, so it is
 * left unattributed. Unattributed counts go in one handle-less reading: they join a post only
 * where another payload already made that post the creator's (`settle` in worker.ts).
 */
function readPosts(
  entities: readonly Entity[],
  byUrn: ReadonlyMap<string, Entity>,
  ref: (e: Entity, key: string) => Entity | undefined,
  handles: ReadonlyMap<string, string>,
  source: string,
  now: number,
): Reading[] {
  const posts = new Map<string, PostReading>();
  const countsOf = (e: Entity | undefined) => {
    if (!e) return undefined;
    const urn = postUrn(
      e['urn'] ?? str(e['entityUrn'])?.replace(/^urn:li:fsd?_socialActivityCounts:/, ''),
    );
    const likes = num(e['numLikes']);
    if (!urn || likes === undefined) return undefined;
    const post: PostReading = { id: urn.id, url: postUrl(urn.type, urn.id), counts: {} };
    const postedAt = timeFromId(urn.id, now);
    if (postedAt !== undefined) post.postedAt = postedAt;
    post.counts.likes = { value: likes, precision: 'exact' };
    const comments = num(e['numComments']);
    if (comments !== undefined) post.counts.comments = { value: comments, precision: 'exact' };
    const shares = num(e['numShares']);
    if (shares !== undefined) post.counts.shares = { value: shares, precision: 'exact' };
    return post;
  };
  for (const e of entities) {
    if (!/SocialActivityCounts$/.test(str(e['$type']) ?? '')) continue;
    const post = countsOf(e);
    if (post) posts.set(post.id, post);
  }

  const byAuthor = new Map<string, Reading>();
  for (const e of entities) {
    const actor = isRecord(e['actor']) ? e['actor'] : undefined;
    const meta = ref(e, 'updateMetadata') ?? ref(e, 'metadata');
    if (!actor || !meta) continue;
    const urn = postUrn(meta['urn'] ?? meta['backendUrn']);
    if (!urn || e['header'] || e['*resharedUpdate'] || e['resharedUpdate']) continue;
    const target = isRecord(actor['navigationContext'])
      ? actor['navigationContext']['actionTarget']
      : undefined;
    const handle =
      handles.get(tail(actor['urn'] ?? actor['backendUrn']) ?? '') ?? handleFromHref(str(target));
    if (!handle) continue;
    const detail = ref(e, 'socialDetail');
    const counts = countsOf(detail && ref(detail, 'totalSocialActivityCounts'));
    if (counts) posts.delete(counts.id);
    const post: PostReading = {
      ...counts,
      id: urn.id,
      url: postUrl(urn.type, urn.id),
      counts: counts?.counts ?? {},
    };
    const postedAt = timeFromId(urn.id, now);
    if (postedAt !== undefined) post.postedAt = postedAt;
    const commentary = isRecord(e['commentary']) ? e['commentary']['text'] : undefined;
    const text = isRecord(commentary) ? str(commentary['text']) : undefined;
    if (text) post.caption = text.slice(0, 5_000);
    let r = byAuthor.get(handle);
    if (!r) byAuthor.set(handle, (r = newReading(source, { handle })));
    r.posts.push(post);
  }
  const out = [...byAuthor.values()];
  if (posts.size) {
    const loose = newReading(source);
    loose.posts = [...posts.values()];
    out.push(loose);
  }
  return out;
}

/**
 * The Voyager responses the logged-in app (2021, Ember/BigPipe) embeds as
 * `<code id="bpr-guid-N">{json}</code>`, each described by `<code id="datalet-bpr-guid-N">`
 * `{"request":"/voyager/api/…","body":"bpr-guid-N"}` (profile-loggedin_2021-07_*): read like the
 * tapped bodies, with the request they answered. From the material's `datalet` texts and the
 * `code` texts they name (the first with that name, as `getElementById` finds the first element);
 * a datalet or a response that does not parse gives nothing.
 */
export function readCodeIslands(texts: readonly MaterialText[], now: number): Reading[] {
  const bodies = new Map<string, string>();
  for (const t of texts) {
    if (t.kind === LINKEDIN_TEXTS.code && !bodies.has(t.name)) bodies.set(t.name, t.text);
  }
  const readings: Reading[] = [];
  for (const datalet of texts) {
    if (datalet.kind !== LINKEDIN_TEXTS.datalet) continue;
    const meta = parseJson(datalet.text);
    if (!isRecord(meta) || typeof meta['request'] !== 'string' || typeof meta['body'] !== 'string')
      continue;
    const body = bodies.get(meta['body']);
    let url: URL;
    try {
      url = new URL(meta['request'], 'https://www.linkedin.com');
    } catch {
      continue;
    }
    if (body !== undefined)
      readings.push(...readVoyager(parseJson(body), url, LINKEDIN_SOURCES.voyager, now));
  }
  return readings;
}
