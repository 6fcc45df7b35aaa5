import type { Post, PostCountField, Precision, ProfileCountField } from '../model/snapshot';

/**
 * A reading: what one payload (an embedded JSON island, an API body, the meta description, the
 * visible DOM) says about one account. Platform readers produce readings; `mergeReadings` turns the
 * readings about the page's creator into one ProfileSnapshot and discards the rest.
 */

/** A count and how far it can be trusted. */
export interface CountReading {
  value: number;
  precision: Precision;
}

/** One post as one payload shows it; counts carry their own precision. */
export interface PostReading {
  /** The platform's post id, as a string (a platform's ids can exceed 2^53). */
  id: string;
  url?: string;
  postedAt?: number;
  kind?: Post['kind'];
  counts: Partial<Record<PostCountField, CountReading>>;
  pinned?: boolean;
  sponsored?: boolean;
  likesHidden?: boolean;
  caption?: string;
}

/** Why a payload says there is no profile to read (expected page variance, not an error). */
export type ReadingProblem = 'sign-in-required' | 'private' | 'not-found';

/** What one payload says about one account (see the module comment). */
export interface Reading {
  /** Which payload this came from: `<platform>/<payload>` (each platform's sources.ts), or 'dom'. */
  source: string;
  /** Whom the payload is about: lower-case handle without '@'; absent when the payload does not say. */
  handle?: string;
  /** The platform's own user id (a string). */
  platformId?: string;
  /** Other ids of the same account (a platform's internal user id), to recognise handle-less payloads. */
  altIds?: string[];
  displayName?: string;
  bio?: string;
  verified?: boolean;
  isPrivate?: boolean;
  counts: Partial<Record<ProfileCountField, CountReading>>;
  posts: PostReading[];
  /** The payload's own clock (epoch ms), when it carries one (an API response's server time). */
  clock?: number;
  /** The payload's statement that there is no profile to show (login wall, private, not found). */
  problem?: ReadingProblem;
  /**
   * Where the payload came from: the page's own document (embedded JSON, meta tags, the DOM) or a
   * response the page fetched. Only the URL and the document name a post's author
   * (lib/extract/authorship.ts); the platform readers set it, and a reading without it is taken
   * as fetched.
   */
  origin?: ReadingOrigin;
  /**
   * The payload says this is the signed-in viewer's own account (`$user`, `appContext.user`, the
   * voyager `me`): never a sighting, never a chip.
   */
  viewer?: true;
}

/** Where a reading's payload came from (see `Reading.origin`). */
export type ReadingOrigin = 'document' | 'body';

/** The readings, each marked as coming from `origin` (copies: the inputs are not changed). */
export function withOrigin(readings: readonly Reading[], origin: ReadingOrigin): Reading[] {
  // Object.assign, not a spread: V8 gives each spread copy from a site that sees a few reading
  // shapes a map of its own, which makes every later read of those readings a slow lookup.
  return readings.map((r) => {
    const copy = Object.assign({}, r);
    copy.origin = origin;
    return copy;
  });
}

/** Whom a reading is about, as far as its payload says. */
export type Identity = Pick<Reading, 'handle' | 'platformId' | 'altIds'>;

/** A reading with nothing in it yet, from `source`, about `who` when known. */
export function newReading(source: string, who?: Identity): Reading {
  const reading: Reading = { source, counts: {}, posts: [] };
  if (who?.handle !== undefined) reading.handle = who.handle;
  if (who?.platformId !== undefined) reading.platformId = who.platformId;
  if (who?.altIds !== undefined) reading.altIds = [...who.altIds];
  return reading;
}

/** True when the reading says anything about the account beyond who it is or a problem. */
export function hasContent(reading: Reading): boolean {
  return (
    reading.displayName !== undefined ||
    reading.bio !== undefined ||
    reading.verified !== undefined ||
    reading.isPrivate !== undefined ||
    Object.keys(reading.counts).length > 0 ||
    reading.posts.length > 0
  );
}

const ASCII_HANDLE = /^(?:company\/)?[a-z0-9._-]{1,120}$/;
const ASCII_ONLY = /^[ -~]*$/;
const ANY_HANDLE = /^(?:company\/)?[\p{L}\p{M}\p{N}._-]{1,120}$/u;

/**
 * A plausible handle: letters of any script, digits, '.', '_' and '-'. ASCII handles are checked
 * first: a Unicode property class loads ICU data on its first use, which costs the host page.
 */
export function isHandle(handle: string): boolean {
  return ASCII_HANDLE.test(handle) || (!ASCII_ONLY.test(handle) && ANY_HANDLE.test(handle));
}

/** Lower-cases a handle and strips '@'; undefined for anything that is not a plausible handle. */
export function normalizeHandle(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const handle = raw.trim().replace(/^@/, '').toLowerCase();
  return isHandle(handle) && handle.length <= 128 ? handle : undefined;
}
