import { isRecord } from '../../extract/lenient';
import {
  newReading,
  type CountReading,
  type PostReading,
  type Reading,
} from '../../extract/reading';
import { parseJson } from '../../parsing/json-islands';
import { LINKEDIN_SOURCES, LINKEDIN_TEXTS, type MaterialText } from './sources';
import {
  connectionsCount,
  handleFromHref,
  postUrl,
  postUrn,
  readLabelledCount,
  squash,
  timeFromId,
  vanityFromHref,
} from './text';

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
 * - search results (`EntityResultViewModel`): the account each links, its name and followers.
 * `/voyager/api/me` is the viewer (Mariia in the 2021 capture), never the profile: read only as
 * the viewer.
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
 * `/in/<slug>` stands in for it when the request is unknown (a body saved beside its page). The
 * viewer's `/voyager/api/me` is known by its path or, without one, by its `Me` shape.
 */
export function readVoyager(json: unknown, url: URL, source: string, now: number): Reading[] {
  if (!isRecord(json)) return [];
  if (/\/voyager\/api\/me\b/.test(url.pathname) || isMe(json)) return readViewer(json, source);
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
    if (/EntityResultViewModel$/.test(str(e['$type']) ?? '')) {
      readSearchResult(e, about);
      continue;
    }
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

/** A `/voyager/api/me` body by its shape (`data` is a `…common.Me`), for a body saved without its request. */
function isMe(json: Record<string, unknown>): boolean {
  const data = json['data'];
  return isRecord(data) && /\.common\.Me$/.test(str(data['$type']) ?? '');
}

/**
 * `/voyager/api/me`: the signed-in viewer (Mariia in profile-loggedin_2021-07_*), never the page's
 * creator. Only who they are is read, marked `viewer`, so that no payload's reading of the same
 * account becomes a sighting or a chip (lib/extract/sightings.ts).
 */
function readViewer(json: Record<string, unknown>, source: string): Reading[] {
  const data = isRecord(json['data']) ? json['data'] : json;
  const urn = str(data['*miniProfile']) ?? str(data['*profile']);
  const included = Array.isArray(json['included']) ? json['included'] : [];
  const profile =
    (isRecord(data['miniProfile']) ? data['miniProfile'] : undefined) ??
    included.find((e): e is Entity => isRecord(e) && !!urn && e['entityUrn'] === urn);
  const slug = profile ? str(profile['publicIdentifier']) : undefined;
  const handle = slug ? handleFromHref(`/in/${slug}`) : undefined;
  if (!handle) return [];
  const viewer = newReading(source, { handle });
  const member = tail(profile?.['objectUrn']) ?? String(num(data['plainId']) ?? '');
  if (/^\d+$/.test(member)) viewer.platformId = member;
  viewer.viewer = true;
  return [viewer];
}

/**
 * A search result (`EntityResultViewModel` of `search/dash/clusters` and `voyagerSearchDashClusters`
 * [unverified: Scout's own bodies, after the shape other tools read]): the account its
 * `navigationUrl` links (out-of-network results link a search page or a member id, and are
 * nobody), its `title` as the name, `primarySubtitle` as a person's headline, and a follower count
 * where a subtitle or insight says exactly "N followers" (in English: `englishFollowers`).
 */
function readSearchResult(e: Entity, about: (handle: string) => Reading): void {
  const handle = vanityFromHref(str(e['navigationUrl']));
  if (!handle) return;
  const r = about(handle);
  const text = (v: unknown) => (isRecord(v) ? squash(str(v['text'])) : '');
  const name = text(e['title']);
  if (name) r.displayName = name;
  const member = /^urn:li:(?:member|company):(\d+)$/.exec(str(e['trackingUrn']) ?? '')?.[1];
  if (member) r.platformId = member;
  const insights = Array.isArray(e['insightsResolutionResults'])
    ? e['insightsResolutionResults']
    : [];
  const headline = text(e['primarySubtitle']);
  const lines = [
    headline,
    text(e['secondarySubtitle']),
    ...insights.map((i) =>
      isRecord(i) && isRecord(i['simpleInsight']) ? text(i['simpleInsight']['title']) : '',
    ),
  ];
  const followers = lines.map(englishFollowers).find(Boolean);
  if (followers) r.counts.followers = followers;
  // A person's headline is their primary subtitle; a company's is its industry and place.
  if (headline && !handle.startsWith('company/') && !englishFollowers(headline)) {
    r.bio = headline;
  }
}

/**
 * A follower count in a body's text, in English only: "12,345 followers", "1.2K followers". The
 * worker does not know the UI language a body's texts are in, and a count in another ("12.345
 * follower" in Italian) read as English would be a wrong number; those stay unknown.
 */
function englishFollowers(text: unknown): CountReading | undefined {
  const line = typeof text === 'string' ? squash(text) : '';
  if (!/^(?:\d{1,3}(?:,\d{3})*|\d{1,3}(?:\.\d)?[KMB]) followers?$/.test(line)) return undefined;
  const count = readLabelledCount(line, 'en');
  return count?.field === 'followers' ? count.count : undefined;
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
    if (!actor) continue;
    const target = isRecord(actor['navigationContext'])
      ? actor['navigationContext']['actionTarget']
      : undefined;
    const handle =
      handles.get(tail(actor['urn'] ?? actor['backendUrn']) ?? '') ?? vanityFromHref(str(target));
    if (!handle) continue;
    const reading = () => {
      let r = byAuthor.get(handle);
      if (!r) byAuthor.set(handle, (r = newReading(source, { handle })));
      return r;
    };
    // The actor line's own count ("12,345 followers" under a company's name; a person's headline
    // there is no count): the actor's, whatever the update is (a header's or a reshare's too).
    const described = isRecord(actor['description']) ? actor['description']['text'] : undefined;
    const followers = englishFollowers(described);
    if (followers) reading().counts.followers ??= followers;
    const meta = ref(e, 'updateMetadata') ?? ref(e, 'metadata');
    const urn = meta && postUrn(meta['urn'] ?? meta['backendUrn']);
    if (!urn || e['header'] || e['*resharedUpdate'] || e['resharedUpdate']) continue;
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
    reading().posts.push(post);
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
