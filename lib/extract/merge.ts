import {
  isEpochMs,
  isPlainValidSnapshot,
  POST_COUNT_FIELDS,
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
export const MAX_RECENT_POSTS = 500;
const MAX_SOURCES = 50;

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
  const ranked = about.length === 1 ? about : rank(about);
  const used = new Set<Reading>();

  const snapshot: ProfileSnapshot = {
    platform: target.platform,
    handle: target.handle,
    url: target.url,
    precision: {},
    recentPosts: [],
    capturedAt: now,
    sources: [],
  };
  const platformId = pick(ranked, 'platformId', used);
  if (platformId !== undefined) snapshot.platformId = platformId;
  const displayName = pick(ranked, 'displayName', used);
  if (displayName !== undefined) snapshot.displayName = displayName;
  const bio = pick(ranked, 'bio', used);
  if (bio !== undefined) snapshot.bio = bio;
  const verified = pick(ranked, 'verified', used);
  if (verified !== undefined) snapshot.verified = verified;
  const isPrivate = pick(ranked, 'isPrivate', used);
  if (isPrivate !== undefined) snapshot.isPrivate = isPrivate;

  for (const field of PROFILE_COUNT_FIELDS) {
    const best = bestProfileCount(ranked, field, used);
    if (best) {
      snapshot[field] = best.value;
      snapshot.precision[field] = best.precision;
    }
  }

  // Decision: a private account is still a snapshot (its profile counts are public) with
  // isPrivate true and no posts, even when a follower's session shows some: vetting a creator on
  // posts only some viewers can see would not hold for the marketer's audience.
  if (snapshot.isPrivate !== true) snapshot.recentPosts = mergePosts(ranked, used);

  let newest = -Infinity;
  for (const r of used) {
    const clock = validClock(r.clock);
    if (clock !== undefined && clock > newest) newest = clock;
  }
  snapshot.capturedAt = options.capturedAt ?? (Number.isFinite(newest) ? newest : now);
  const sources = new Set<string>();
  for (const r of about) if (used.has(r)) sources.add(r.source);
  snapshot.sources = [...sources].slice(0, MAX_SOURCES);
  return validate(snapshot, now);
}

function idsOf(r: Reading): string[] {
  const ids = r.altIds ? [...r.altIds] : [];
  if (r.platformId !== undefined) ids.push(r.platformId);
  return ids;
}

function validClock(clock: number | undefined): number | undefined {
  return isEpochMs(clock) ? clock : undefined;
}

/** The newest clock first, then the caller's order (unknown clocks count as oldest). */
function rank(readings: readonly Reading[]): Reading[] {
  return readings
    .map((reading, index) => ({ reading, index, clock: validClock(reading.clock) }))
    .sort((a, b) => (b.clock ?? -Infinity) - (a.clock ?? -Infinity) || a.index - b.index)
    .map((entry) => entry.reading);
}

type ProfileField = 'platformId' | 'displayName' | 'bio' | 'verified' | 'isPrivate';

/** The first ranked reading's value of `key` (that reading is used), or undefined. */
function pick<K extends ProfileField>(
  ranked: readonly Reading[],
  key: K,
  used: Set<Reading>,
): Reading[K] | undefined {
  for (const r of ranked) {
    const value = r[key];
    if (value !== undefined) {
      used.add(r);
      return value;
    }
  }
  return undefined;
}

/** Does `c` beat `best`: a valid count of a higher precision (the first of equals wins). */
function beats(c: CountReading | undefined, best: CountReading | undefined): c is CountReading {
  return (
    c !== undefined &&
    isCount(c) &&
    (best === undefined || PRECISION_RANK[c.precision] > PRECISION_RANK[best.precision])
  );
}

/** Highest precision first; `ranked` is in clock-then-trust order, so the first such wins. */
function bestProfileCount(
  ranked: readonly Reading[],
  field: ProfileCountField,
  used: Set<Reading>,
): CountReading | undefined {
  let best: CountReading | undefined;
  let from: Reading | undefined;
  for (const r of ranked) {
    const c = r.counts[field];
    if (beats(c, best)) {
      best = c;
      from = r;
    }
  }
  if (from !== undefined) used.add(from);
  return best;
}

function isCount(c: CountReading): boolean {
  return Number.isSafeInteger(c.value) && c.value >= 0 && PRECISION_RANK[c.precision] !== undefined;
}

/** One post as payloads show it: the newest (or most trusted) payload's version first. */
interface Version {
  reading: Reading;
  post: PostReading;
}

type PostField = 'url' | 'postedAt' | 'kind' | 'pinned' | 'sponsored' | 'likesHidden' | 'caption';

/** The first version's value of `key` (its payload is used), or undefined. */
function firstOf<K extends PostField>(
  versions: readonly Version[],
  key: K,
  used: Set<Reading>,
): PostReading[K] | undefined {
  for (const v of versions) {
    const value = v.post[key];
    if (value !== undefined) {
      used.add(v.reading);
      return value;
    }
  }
  return undefined;
}

function mergePosts(ranked: readonly Reading[], used: Set<Reading>): Post[] {
  const byId = new Map<string, Version[]>();
  for (const reading of ranked) {
    for (const post of reading.posts) {
      if (typeof post.id !== 'string' || post.id === '') continue;
      const list = byId.get(post.id);
      if (list) list.push({ reading, post });
      else byId.set(post.id, [{ reading, post }]);
    }
  }
  const posts: Post[] = [];
  for (const [id, versions] of byId) posts.push(mergePost(id, versions, used));
  // Newest first by time; pinned posts take their place by date (they keep the pinned flag).
  // Posts without a date keep their payload order, after the dated ones (the sort is stable).
  return posts
    .sort((a, b) => (b.postedAt ?? -Infinity) - (a.postedAt ?? -Infinity) || 0)
    .slice(0, MAX_RECENT_POSTS);
}

/**
 * The newest (or most trusted) payload showing the post contributes it, and each field comes from
 * the first version that has it; only payloads that gave something count as sources.
 */
function mergePost(id: string, versions: readonly Version[], used: Set<Reading>): Post {
  used.add((versions[0] as Version).reading);
  const post: Post = { id };
  const url = firstOf(versions, 'url', used);
  if (url !== undefined) post.url = url;
  // An implausible date would sort the post wrongly before validation could drop it.
  const postedAt = validClock(firstOf(versions, 'postedAt', used));
  if (postedAt !== undefined) post.postedAt = postedAt;
  const kind = firstOf(versions, 'kind', used);
  if (kind !== undefined) post.kind = kind;
  for (const field of POST_COUNT_FIELDS) {
    let best: CountReading | undefined;
    let from: Version | undefined;
    for (const v of versions) {
      const c = v.post.counts[field];
      if (beats(c, best)) {
        best = c;
        from = v;
      }
    }
    if (best && from) {
      used.add(from.reading);
      post[field] = best.value;
      if (post.precision) post.precision[field] = best.precision;
      else post.precision = { [field]: best.precision };
    }
  }
  const pinned = firstOf(versions, 'pinned', used);
  if (pinned !== undefined) post.pinned = pinned;
  const sponsored = firstOf(versions, 'sponsored', used);
  if (sponsored !== undefined) post.sponsored = sponsored;
  const likesHidden = firstOf(versions, 'likesHidden', used);
  if (likesHidden !== undefined) post.likesHidden = likesHidden;
  const caption = firstOf(versions, 'caption', used);
  if (caption !== undefined) post.caption = caption;
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
  // The snapshots merging builds pass a hand-written check that implies the schema's success, at a
  // fraction of its cost (a feed body makes one per creator); the schema sees the rest.
  if (isPlainValidSnapshot(snapshot)) return { snapshot, dropped };
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
