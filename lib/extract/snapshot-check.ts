import { isHandle } from './reading';
import type { ProfileSnapshot } from '../model/snapshot';

/**
 * ProfileSnapshotSchema's rules (lib/model/snapshot.ts), checked without zod, for the content
 * scripts. Why a second copy: zod is ~8 KB gzip of a content script's 20 KB budget (measured for
 * issue 4: tiktok.js 22.4 KB with it, the check failing), and a content script only ever checks
 * snapshots it built itself. The schema stays the one source of truth: every constant below is
 * tested against it (tests/extract/snapshot-check.test.ts agrees with ProfileSnapshotSchema on
 * every fixture's snapshot and thousands of corrupted ones), the background validates each
 * snapshot it receives with the schema itself, and the CLI does too.
 * Only `import type` from lib/model here: a value import would bundle zod back in.
 */

/** Where a snapshot breaks a rule, as a zod issue path (`['recentPosts', 3, 'likes']`). */
export type SnapshotIssuePath = readonly (string | number)[];

const PLATFORMS = ['tiktok', 'instagram', 'linkedin'];
const PRECISIONS = ['exact', 'rounded', 'lower-bound'];
const POST_KINDS = ['video', 'image', 'carousel', 'text'];
/** POST_COUNT_FIELDS of the model. */
export const POST_COUNTS = ['likes', 'comments', 'shares', 'views', 'saves'] as const;
/** PROFILE_COUNT_FIELDS of the model. */
export const PROFILE_COUNTS = ['followers', 'following', 'posts', 'likes', 'connections'] as const;
/** followers, following, connections: MAX_AUDIENCE; posts, likes: MAX_COUNT. */
const AUDIENCE_FIELDS = new Set(['followers', 'following', 'connections']);
const MAX_AUDIENCE = 9_000_000_000;
const MAX_COUNT = 1_000_000_000_000;
const EPOCH_MIN = 946_684_800_000;
const EPOCH_MAX = 4_102_444_800_000;
const MAX_POSTS = 500;
const MAX_SOURCES = 50;

/** String length as zod's maxLength counts it: a surrogate pair is one character. */
function textLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    const hi = s.charCodeAt(i);
    const lo = s.charCodeAt(i + 1);
    if (hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff) {
      n--;
      i++;
    }
  }
  return n;
}

const isText = (v: unknown, max: number): boolean =>
  typeof v === 'string' && (v.length <= max || textLength(v) <= max);
const isCount = (v: unknown, max: number): boolean =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && v <= max;
/** EpochMsSchema: integer epoch milliseconds in [2000, 2100). */
export const isEpochMs = (v: unknown): v is number =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= EPOCH_MIN && v < EPOCH_MAX;

function isHttpsUrl(v: unknown): boolean {
  if (typeof v !== 'string') return false;
  try {
    return new URL(v.trim()).protocol === 'https:';
  } catch {
    return false;
  }
}

/** True when the value is a plain object (what zod's object and record accept). */
function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Checks an optional field: absent is fine, present must pass. */
function optional(
  issues: SnapshotIssuePath[],
  path: SnapshotIssuePath,
  value: unknown,
  ok: (v: unknown) => boolean,
): void {
  if (value !== undefined && !ok(value)) issues.push(path);
}

function checkPrecision(
  issues: SnapshotIssuePath[],
  path: SnapshotIssuePath,
  value: unknown,
  keys: readonly string[],
): void {
  if (!isObject(value)) {
    issues.push(path);
    return;
  }
  for (const [key, precision] of Object.entries(value)) {
    if (!keys.includes(key) || !PRECISIONS.includes(precision as string)) {
      issues.push([...path, key]);
    }
  }
}

function checkPost(issues: SnapshotIssuePath[], post: unknown, index: number): void {
  const at = ['recentPosts', index];
  if (!isObject(post)) {
    issues.push(at);
    return;
  }
  if (!isText(post['id'], 200) || post['id'] === '') issues.push([...at, 'id']);
  optional(issues, [...at, 'url'], post['url'], (v) => isText(v, 2000));
  optional(issues, [...at, 'postedAt'], post['postedAt'], isEpochMs);
  optional(issues, [...at, 'kind'], post['kind'], (v) => POST_KINDS.includes(v as string));
  for (const field of POST_COUNTS) {
    optional(issues, [...at, field], post[field], (v) => isCount(v, MAX_COUNT));
  }
  for (const flag of ['pinned', 'sponsored', 'likesHidden']) {
    optional(issues, [...at, flag], post[flag], (v) => typeof v === 'boolean');
  }
  optional(issues, [...at, 'caption'], post['caption'], (v) => isText(v, 5000));
  if (post['precision'] !== undefined) {
    checkPrecision(issues, [...at, 'precision'], post['precision'], POST_COUNTS);
  }
}

/**
 * The paths where `snapshot` breaks ProfileSnapshotSchema; [] when the schema would accept it.
 * Never throws, whatever the value.
 */
export function checkSnapshot(snapshot: ProfileSnapshot): SnapshotIssuePath[] {
  const issues: SnapshotIssuePath[] = [];
  const s = snapshot as unknown as Record<string, unknown>;
  if (!isObject(s)) return [[]];
  if (!PLATFORMS.includes(s['platform'] as string)) issues.push(['platform']);
  const handle = s['handle'];
  if (
    typeof handle !== 'string' ||
    !isText(handle, 120) ||
    !isHandle(handle) ||
    handle !== handle.toLowerCase()
  ) {
    issues.push(['handle']);
  }
  optional(issues, ['platformId'], s['platformId'], (v) => isText(v, 200));
  if (!isHttpsUrl(s['url'])) issues.push(['url']);
  optional(issues, ['displayName'], s['displayName'], (v) => isText(v, 300));
  optional(issues, ['bio'], s['bio'], (v) => isText(v, 5000));
  optional(issues, ['verified'], s['verified'], (v) => typeof v === 'boolean');
  optional(issues, ['isPrivate'], s['isPrivate'], (v) => typeof v === 'boolean');
  for (const field of PROFILE_COUNTS) {
    const max = AUDIENCE_FIELDS.has(field) ? MAX_AUDIENCE : MAX_COUNT;
    optional(issues, [field], s[field], (v) => isCount(v, max));
  }
  checkPrecision(issues, ['precision'], s['precision'], PROFILE_COUNTS);
  const posts = s['recentPosts'];
  if (!Array.isArray(posts)) issues.push(['recentPosts']);
  else {
    if (posts.length > MAX_POSTS) issues.push(['recentPosts']);
    // An index loop, not forEach: a hole in a sparse array is an invalid entry, not no entry.
    for (let i = 0; i < posts.length; i++) checkPost(issues, posts[i], i);
  }
  if (!isEpochMs(s['capturedAt'])) issues.push(['capturedAt']);
  const sources = s['sources'];
  if (!Array.isArray(sources) || sources.length > MAX_SOURCES) issues.push(['sources']);
  else {
    for (let i = 0; i < sources.length; i++) {
      if (!isText(sources[i], 100)) issues.push(['sources', i]);
    }
  }
  return issues;
}
