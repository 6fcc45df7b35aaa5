import {
  isCountUpTo,
  isEpochMs,
  isPlainHandle,
  isPlainHttpsUrl,
  isPlatform,
  isPostKind,
  isPrecision,
  isTextUpTo,
  LIMITS,
  MAX_COUNT,
  POST_COUNT_FIELDS,
  PROFILE_COUNT_MAX,
  PROFILE_COUNT_FIELDS,
  ProfileSnapshotSchema,
  type Platform,
  type Post,
  type ProfileCountField,
  type Precision,
  type ProfileSnapshot,
} from '../model/snapshot';
import type { CountReading, PostReading, Reading } from './reading';
import { hasContent } from './reading';

/** Whose snapshot is being built: the creator the page is about. */
export interface MergeTarget {
  platform: Platform;
  /** Lower-case handle: from the URL, or on a video page from the video's author. */
  handle: string;
  /** Canonical profile URL for the handle. */
  url: string;
}

/** How to merge: a fixed clock, when the caller has one. */
export interface MergeOptions {
  /** A fixed capture time (the CLI's `--at`) that overrides the payloads' own clocks. */
  capturedAt?: number;
}

/** The merged snapshot and what validation had to drop from it. */
export interface MergeResult {
  snapshot: ProfileSnapshot;
  /** Parts validation refused and dropped (e.g. 'bio', 'recentPosts.3.likes'): never shown wrong. */
  dropped: string[];
}

/** The most posts a snapshot keeps (ProfileSnapshotSchema's limit). */
export const MAX_RECENT_POSTS = LIMITS.recentPosts;
const MAX_SOURCES = LIMITS.sources;

const PRECISION_RANK: Readonly<Record<Precision, number>> = {
  exact: 3,
  rounded: 2,
  'lower-bound': 1,
};

/**
 * The readings about the target: those naming its handle, plus handle-less ones that carry an id
 * one of those readings gave (a body that knows the account only by another id). Every other reading — the
 * viewer's own account, a recommended creator, someone else's post — is discarded.
 */
export function readingsAbout(handle: string, readings: readonly Reading[]): Reading[] {
  const named = readings.filter((r) => r.handle === handle);
  const ids = new Set<string>();
  for (const r of named) for (const id of idsOf(r)) ids.add(id);
  const byId = readings.filter((r) => r.handle === undefined && idsOf(r).some((id) => ids.has(id)));
  return [...named, ...byId];
}

/**
 * Merges the readings about `target` into one validated ProfileSnapshot, or null when none of them
 * says anything about it. An exact count beats a rounded one (and a rounded one a lower bound); among
 * equals, and for every other field, the payload with the newer clock wins, then the earlier reading
 * (callers list readings in their order of trust). Posts are merged by id, newest first; a private
 * account keeps its counts and gets no posts. The snapshot's clock is `options.capturedAt`, else the
 * newest clock of the payloads used, else `now`.
 */
export function mergeReadings(
  target: MergeTarget,
  readings: readonly Reading[],
  now: number,
  options: MergeOptions = {},
): MergeResult | null {
  return mergeReadingsAbout(target, readingsAbout(target.handle, readings), now, options);
}

/**
 * `mergeReadings` for readings already known to be about the target (`readingsAbout`'s answer, in
 * its order): what a caller that sorts many accounts' readings at once (sightings) uses.
 */
export function mergeReadingsAbout(
  target: MergeTarget,
  aboutTarget: readonly Reading[],
  now: number,
  options: MergeOptions = {},
): MergeResult | null {
  const about = aboutTarget.filter(hasContent);
  if (about.length === 0) return null;
  // Rank once: the newest clock first, then the caller's order. Unknown clocks count as oldest.
  // `order` holds positions in `about`; `used` marks, by position, the readings that gave
  // something (only those are sources): flags, not a set of objects, as merging runs once per
  // creator in a feed body.
  const order = about.length === 1 ? [0] : rank(about);
  const used = new Array<boolean>(about.length).fill(false);
  // Whether every value taken is one the schema accepts as it stands (the common case): then
  // validation need not run the schema, whose parse costs more than the merge. Each value is
  // checked as it is taken (lib/model/snapshot.ts's checks imply the schema's).
  const state = {
    plain:
      isPlatform(target.platform) && isPlainHandle(target.handle) && isPlainHttpsUrl(target.url),
  };

  const snapshot: ProfileSnapshot = {
    platform: target.platform,
    handle: target.handle,
    url: target.url,
    precision: {},
    recentPosts: [],
    capturedAt: now,
    sources: [],
  };
  // The first ranked reading that has a field gives it: one pass, each field by its own name.
  let platformId: string | undefined;
  let displayName: string | undefined;
  let bio: string | undefined;
  let verified: boolean | undefined;
  let isPrivate: boolean | undefined;
  for (const i of order) {
    const r = about[i] as Reading;
    if (platformId === undefined && r.platformId !== undefined) {
      platformId = r.platformId;
      used[i] = true;
    }
    if (displayName === undefined && r.displayName !== undefined) {
      displayName = r.displayName;
      used[i] = true;
    }
    if (bio === undefined && r.bio !== undefined) {
      bio = r.bio;
      used[i] = true;
    }
    if (verified === undefined && r.verified !== undefined) {
      verified = r.verified;
      used[i] = true;
    }
    if (isPrivate === undefined && r.isPrivate !== undefined) {
      isPrivate = r.isPrivate;
      used[i] = true;
    }
  }
  let plain = state.plain;
  if (platformId !== undefined) {
    snapshot.platformId = platformId;
    plain &&= isTextUpTo(platformId, LIMITS.platformId);
  }
  if (displayName !== undefined) {
    snapshot.displayName = displayName;
    plain &&= isTextUpTo(displayName, LIMITS.displayName);
  }
  if (bio !== undefined) {
    snapshot.bio = bio;
    plain &&= isTextUpTo(bio, LIMITS.bio);
  }
  if (verified !== undefined) {
    snapshot.verified = verified;
    plain &&= typeof verified === 'boolean';
  }
  if (isPrivate !== undefined) {
    snapshot.isPrivate = isPrivate;
    plain &&= typeof isPrivate === 'boolean';
  }

  for (const field of PROFILE_COUNT_FIELDS) {
    const best = bestProfileCount(about, order, field, used);
    if (best) {
      snapshot[field] = best.value;
      snapshot.precision[field] = best.precision;
      plain &&= isCountUpTo(best.value, PROFILE_COUNT_MAX[field]) && isPrecision(best.precision);
    }
  }
  state.plain = plain;

  // Decision: a private account is still a snapshot (its profile counts are public) with
  // isPrivate true and no posts, even when a follower's session shows some: vetting a creator on
  // posts only some viewers can see would not hold for the marketer's audience.
  if (snapshot.isPrivate !== true) snapshot.recentPosts = mergePosts(about, order, used, state);

  let newest = -Infinity;
  const sources: string[] = [];
  for (let i = 0; i < about.length; i++) {
    if (!used[i]) continue;
    const r = about[i] as Reading;
    const clock = validClock(r.clock);
    if (clock !== undefined && clock > newest) newest = clock;
    if (!sources.includes(r.source)) sources.push(r.source);
  }
  snapshot.capturedAt = options.capturedAt ?? (Number.isFinite(newest) ? newest : now);
  snapshot.sources = sources.slice(0, MAX_SOURCES);
  plain = state.plain && isEpochMs(snapshot.capturedAt);
  for (const source of snapshot.sources) plain &&= isTextUpTo(source, LIMITS.source);
  return plain ? { snapshot, dropped: [] } : validate(snapshot, now);
}

/** Whether every value merging has taken so far is one the schema accepts as it stands. */
interface MergeState {
  plain: boolean;
}

function idsOf(r: Reading): string[] {
  const ids = r.altIds ? [...r.altIds] : [];
  if (r.platformId !== undefined) ids.push(r.platformId);
  return ids;
}

function validClock(clock: number | undefined): number | undefined {
  return isEpochMs(clock) ? clock : undefined;
}

/** Positions in `readings`: the newest clock first, then theirs (unknown clocks count as oldest). */
function rank(readings: readonly Reading[]): number[] {
  return readings
    .map((reading, index) => ({ index, clock: validClock(reading.clock) }))
    .sort((a, b) => (b.clock ?? -Infinity) - (a.clock ?? -Infinity) || a.index - b.index)
    .map((entry) => entry.index);
}

/** Does `c` beat `best`: a valid count of a higher precision (the first of equals wins). */
function beats(c: CountReading | undefined, best: CountReading | undefined): c is CountReading {
  return (
    c !== undefined &&
    isCount(c) &&
    (best === undefined || PRECISION_RANK[c.precision] > PRECISION_RANK[best.precision])
  );
}

/** Highest precision first; `order` is clock-then-trust, so the first such wins. */
function bestProfileCount(
  about: readonly Reading[],
  order: readonly number[],
  field: ProfileCountField,
  used: boolean[],
): CountReading | undefined {
  let best: CountReading | undefined;
  let from = -1;
  for (const i of order) {
    const c = (about[i] as Reading).counts[field];
    if (beats(c, best)) {
      best = c;
      from = i;
    }
  }
  if (from >= 0) used[from] = true;
  return best;
}

function isCount(c: CountReading): boolean {
  return Number.isSafeInteger(c.value) && c.value >= 0 && PRECISION_RANK[c.precision] !== undefined;
}

/** One post as one payload shows it, and that reading's position: newest (or most trusted) first. */
interface Version {
  at: number;
  post: PostReading;
}

type PostField = 'url' | 'postedAt' | 'kind' | 'pinned' | 'sponsored' | 'likesHidden' | 'caption';

/** The first version's value of `key` (its payload is used), or undefined. */
function firstOf<K extends PostField>(
  versions: readonly Version[],
  key: K,
  used: boolean[],
): PostReading[K] | undefined {
  for (const v of versions) {
    const value = v.post[key];
    if (value !== undefined) {
      used[v.at] = true;
      return value;
    }
  }
  return undefined;
}

function mergePosts(
  about: readonly Reading[],
  order: readonly number[],
  used: boolean[],
  state: MergeState,
): Post[] {
  const byId = new Map<string, Version[]>();
  for (const at of order) {
    for (const post of (about[at] as Reading).posts) {
      if (typeof post.id !== 'string' || post.id === '') continue;
      const list = byId.get(post.id);
      if (list) list.push({ at, post });
      else byId.set(post.id, [{ at, post }]);
    }
  }
  const posts: Post[] = [];
  for (const [id, versions] of byId) posts.push(mergePost(id, versions, used, state));
  // Newest first by time; pinned posts take their place by date (they keep the pinned flag).
  // Posts without a date keep their payload order, after the dated ones (the sort is stable).
  return posts.sort(byNewest).slice(0, MAX_RECENT_POSTS);
}

function byNewest(a: Post, b: Post): number {
  return (b.postedAt ?? -Infinity) - (a.postedAt ?? -Infinity) || 0;
}

/**
 * The newest (or most trusted) payload showing the post contributes it, and each field comes from
 * the first version that has it; only payloads that gave something count as sources.
 */
function mergePost(
  id: string,
  versions: readonly Version[],
  used: boolean[],
  state: MergeState,
): Post {
  used[(versions[0] as Version).at] = true;
  const post: Post = { id };
  let plain = state.plain && id.length <= LIMITS.postId;
  const url = firstOf(versions, 'url', used);
  if (url !== undefined) {
    post.url = url;
    plain &&= isTextUpTo(url, LIMITS.postUrl);
  }
  // An implausible date would sort the post wrongly before validation could drop it.
  const postedAt = validClock(firstOf(versions, 'postedAt', used));
  if (postedAt !== undefined) post.postedAt = postedAt;
  const kind = firstOf(versions, 'kind', used);
  if (kind !== undefined) {
    post.kind = kind;
    plain &&= isPostKind(kind);
  }
  for (const field of POST_COUNT_FIELDS) {
    let best: CountReading | undefined;
    let from = -1;
    for (const v of versions) {
      const c = v.post.counts[field];
      if (beats(c, best)) {
        best = c;
        from = v.at;
      }
    }
    if (best) {
      used[from] = true;
      post[field] = best.value;
      if (post.precision) post.precision[field] = best.precision;
      else post.precision = { [field]: best.precision };
      plain &&= isCountUpTo(best.value, MAX_COUNT) && isPrecision(best.precision);
    }
  }
  const pinned = firstOf(versions, 'pinned', used);
  if (pinned !== undefined) {
    post.pinned = pinned;
    plain &&= typeof pinned === 'boolean';
  }
  const sponsored = firstOf(versions, 'sponsored', used);
  if (sponsored !== undefined) {
    post.sponsored = sponsored;
    plain &&= typeof sponsored === 'boolean';
  }
  const likesHidden = firstOf(versions, 'likesHidden', used);
  if (likesHidden !== undefined) {
    post.likesHidden = likesHidden;
    plain &&= typeof likesHidden === 'boolean';
  }
  const caption = firstOf(versions, 'caption', used);
  if (caption !== undefined) {
    post.caption = caption;
    plain &&= isTextUpTo(caption, LIMITS.caption);
  }
  state.plain = plain;
  return post;
}

/**
 * Validates against ProfileSnapshotSchema; a part that fails is dropped (a
 * count with its precision, a post field, a post without a valid id) and the check runs again, so
 * a wrong value is never shown. Null when the identity itself (platform, handle, URL) is invalid.
 */
function validate(snapshot: ProfileSnapshot, now: number): MergeResult | null {
  const dropped: string[] = [];
  // Each round drops at least one part, so the loop ends; the bound guards against an issue at a
  // path this function cannot remove.
  for (let round = 0; round < 20; round++) {
    const checked = ProfileSnapshotSchema.safeParse(snapshot);
    if (checked.success) return { snapshot, dropped };
    const issues = checked.error.issues.map((issue) => issue.path);
    const removePosts = new Set<number>();
    let progress = false;
    for (const path of issues) {
      const [head, index, field, sub] = path;
      if (head === 'recentPosts' && typeof index === 'number') {
        const post = snapshot.recentPosts[index];
        if (!post) continue;
        if (field === undefined || field === 'id') {
          removePosts.add(index);
        } else if (field === 'precision') {
          if (typeof sub === 'string') dropPostField(post, sub);
          else delete post.precision;
        } else if (typeof field === 'string') {
          dropPostField(post, field);
        }
      } else if (head === 'recentPosts') {
        snapshot.recentPosts = snapshot.recentPosts.slice(0, MAX_RECENT_POSTS);
      } else if (head === 'sources') {
        snapshot.sources = snapshot.sources.filter((s) => s.length <= 100).slice(0, MAX_SOURCES);
      } else if (head === 'capturedAt') {
        if (snapshot.capturedAt === now) return null;
        snapshot.capturedAt = now;
      } else if (head === 'precision' && typeof index === 'string') {
        dropProfileField(snapshot, index);
      } else if (typeof head === 'string' && OPTIONAL_PROFILE_FIELDS.has(head)) {
        dropProfileField(snapshot, head);
      } else {
        continue;
      }
      dropped.push(path.join('.'));
      progress = true;
    }
    if (removePosts.size) {
      snapshot.recentPosts = snapshot.recentPosts.filter((_, i) => !removePosts.has(i));
    }
    if (!progress) return null;
  }
  return null;
}

const OPTIONAL_PROFILE_FIELDS = new Set<string>([
  'platformId',
  'displayName',
  'bio',
  'verified',
  'isPrivate',
  ...PROFILE_COUNT_FIELDS,
]);

function dropProfileField(snapshot: ProfileSnapshot, field: string): void {
  delete (snapshot as unknown as Record<string, unknown>)[field];
  delete (snapshot.precision as Record<string, unknown>)[field];
}

function dropPostField(post: Post, field: string): void {
  delete (post as unknown as Record<string, unknown>)[field];
  if (post.precision) {
    delete (post.precision as Record<string, unknown>)[field];
    if (Object.keys(post.precision).length === 0) delete post.precision;
  }
}
