import { PLATFORM_IDS } from '../platforms';
import { z } from './zod';

/** Platforms Scout reads: the registry's (lib/platforms/index.ts). */
export { PLATFORM_IDS };
export const PlatformSchema = z.enum(PLATFORM_IDS);
export type Platform = z.infer<typeof PlatformSchema>;

/** How far a count can be trusted: read exactly, rounded on screen ("1.2M"), or a floor ("500+"). */
export const PrecisionSchema = z.enum(['exact', 'rounded', 'lower-bound']);
export type Precision = z.infer<typeof PrecisionSchema>;

/** More than the people on Earth: no follower count can be this large. */
export const MAX_AUDIENCE = 9_000_000_000;
/** Views and hearts add up across people and time; beyond this a count is a parsing error. */
export const MAX_COUNT = 1_000_000_000_000;

const EPOCH_MS_MIN = 946_684_800_000;
const EPOCH_MS_END = 4_102_444_800_000;

/** Epoch milliseconds between 2000 and 2100: anything else is a unit or parsing error. */
export const EpochMsSchema = z.number().check(z.int(), z.gte(EPOCH_MS_MIN), z.lt(EPOCH_MS_END));

/** True exactly when EpochMsSchema accepts the value: the same bounds, without a parse. */
export function isEpochMs(value: unknown): value is number {
  return (
    typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= EPOCH_MS_MIN &&
    value < EPOCH_MS_END
  );
}

const count = (max: number) => z.number().check(z.int(), z.gte(0), z.lte(max));
export const CountSchema = count(MAX_COUNT);
export const AudienceCountSchema = count(MAX_AUDIENCE);

const text = (max: number) => z.string().check(z.maxLength(max));

export const POST_KINDS = ['video', 'image', 'carousel', 'text'] as const;
export const POST_COUNT_FIELDS = ['likes', 'comments', 'shares', 'views', 'saves'] as const;
export type PostCountField = (typeof POST_COUNT_FIELDS)[number];

export const PostSchema = z.object({
  id: text(200).check(z.minLength(1)),
  url: z.optional(text(2000)),
  postedAt: z.optional(EpochMsSchema),
  kind: z.optional(z.enum(POST_KINDS)),
  likes: z.optional(CountSchema),
  comments: z.optional(CountSchema),
  shares: z.optional(CountSchema),
  views: z.optional(CountSchema),
  saves: z.optional(CountSchema),
  pinned: z.optional(z.boolean()),
  sponsored: z.optional(z.boolean()),
  likesHidden: z.optional(z.boolean()),
  caption: z.optional(text(5000)),
  precision: z.optional(z.partialRecord(z.enum(POST_COUNT_FIELDS), PrecisionSchema)),
});
export type Post = z.infer<typeof PostSchema>;

export const PROFILE_COUNT_FIELDS = [
  'followers',
  'following',
  'posts',
  'likes',
  'connections',
] as const;
export type ProfileCountField = (typeof PROFILE_COUNT_FIELDS)[number];

const HANDLE_PATTERN = /^(?:company\/)?[\p{L}\p{M}\p{N}._-]+$/u;

/** Lower-case handle, no '@'; a company page's is `company/<slug>`. */
export const HandleSchema = z.string().check(
  z.minLength(1),
  z.maxLength(120),
  z.regex(HANDLE_PATTERN),
  z.refine((h) => h === h.toLowerCase(), 'handles are lower-case'),
);

/** What extraction produces: one creator as one page showed them at one moment. */
export const ProfileSnapshotSchema = z.object({
  platform: PlatformSchema,
  handle: HandleSchema,
  platformId: z.optional(text(200)),
  url: z.url({ protocol: /^https$/ }),
  displayName: z.optional(text(300)),
  bio: z.optional(text(5000)),
  verified: z.optional(z.boolean()),
  isPrivate: z.optional(z.boolean()),
  followers: z.optional(AudienceCountSchema),
  following: z.optional(AudienceCountSchema),
  posts: z.optional(CountSchema),
  likes: z.optional(CountSchema),
  connections: z.optional(AudienceCountSchema),
  precision: z.partialRecord(z.enum(PROFILE_COUNT_FIELDS), PrecisionSchema),
  recentPosts: z.array(PostSchema).check(z.maxLength(500)),
  capturedAt: EpochMsSchema,
  sources: z.array(text(100)).check(z.maxLength(50)),
});
export type ProfileSnapshot = z.infer<typeof ProfileSnapshotSchema>;

/** ASCII handles: the common case, which HandleSchema accepts whenever its length fits. */
const PLAIN_HANDLE = /^(?:company\/)?[a-z0-9._-]+$/;
/**
 * https on a host of letter-ended labels without "--" (no IP address, no punycode to decode),
 * then printable ASCII: a string the URL parser always accepts, with the https protocol.
 */
const PLAIN_HTTPS_URL = /^https:\/\/(?:[a-z0-9]+(?:-[a-z0-9]+)*\.)+[a-z]+(?:\/[!-~]*)?$/;
const PRECISIONS: readonly unknown[] = PrecisionSchema.options;
const KINDS: readonly unknown[] = POST_KINDS;
const PLATFORMS: readonly unknown[] = PLATFORM_IDS;

// Absent or valid, as `z.optional` reads it. Plain functions, no closure per call: the check runs
// once per snapshot merged.
const optText = (v: unknown, max: number) =>
  v === undefined || (typeof v === 'string' && v.length <= max);
const optCount = (v: unknown, max: number) =>
  v === undefined || (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && v <= max);
const optBool = (v: unknown) => v === undefined || typeof v === 'boolean';
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A plain object whose every own key is one of `keys` and every value a precision. */
function isPrecisions(v: unknown, keys: readonly string[]): boolean {
  if (!isObject(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return false;
  // The schema reads the own enumerable keys and refuses any symbol key.
  for (const key of Object.keys(v)) {
    if (!keys.includes(key) || !PRECISIONS.includes(v[key])) return false;
  }
  return Object.getOwnPropertySymbols(v).length === 0;
}

function isPlainValidPost(p: unknown): boolean {
  if (!isObject(p)) return false;
  const id = p['id'];
  if (typeof id !== 'string' || id.length < 1 || id.length > 200) return false;
  for (const field of POST_COUNT_FIELDS) if (!optCount(p[field], MAX_COUNT)) return false;
  const postedAt = p['postedAt'];
  const kind = p['kind'];
  const precision = p['precision'];
  return (
    optText(p['url'], 2000) &&
    (postedAt === undefined || isEpochMs(postedAt)) &&
    (kind === undefined || KINDS.includes(kind)) &&
    optBool(p['pinned']) &&
    optBool(p['sponsored']) &&
    optBool(p['likesHidden']) &&
    optText(p['caption'], 5000) &&
    (precision === undefined || isPrecisions(precision, POST_COUNT_FIELDS))
  );
}

/**
 * A fast stand-in for `ProfileSnapshotSchema.safeParse(value).success` on the snapshots Scout
 * builds: true only for a value the schema accepts. False means "ask the schema" (which also says
 * what is wrong), not "invalid": ASCII handles, plain https URLs and plain objects are all it
 * knows. Merging validates every snapshot it makes, one per creator in a feed body.
 */
export function isPlainValidSnapshot(value: unknown): boolean {
  if (!isObject(value)) return false;
  const s = value;
  const { handle, url, recentPosts: posts, sources } = s;
  if (
    !PLATFORMS.includes(s['platform']) ||
    typeof handle !== 'string' ||
    handle.length > 120 ||
    !PLAIN_HANDLE.test(handle) ||
    typeof url !== 'string' ||
    !PLAIN_HTTPS_URL.test(url) ||
    !optText(s['platformId'], 200) ||
    !optText(s['displayName'], 300) ||
    !optText(s['bio'], 5000) ||
    !optBool(s['verified']) ||
    !optBool(s['isPrivate']) ||
    !optCount(s['followers'], MAX_AUDIENCE) ||
    !optCount(s['following'], MAX_AUDIENCE) ||
    !optCount(s['posts'], MAX_COUNT) ||
    !optCount(s['likes'], MAX_COUNT) ||
    !optCount(s['connections'], MAX_AUDIENCE) ||
    !isPrecisions(s['precision'], PROFILE_COUNT_FIELDS) ||
    !isEpochMs(s['capturedAt']) ||
    !Array.isArray(posts) ||
    posts.length > 500 ||
    !Array.isArray(sources) ||
    sources.length > 50
  ) {
    return false;
  }
  // Index loops, not `every`: a hole in an array is an entry the schema refuses.
  for (let i = 0; i < posts.length; i++) if (!isPlainValidPost(posts[i])) return false;
  for (let i = 0; i < sources.length; i++) {
    const source: unknown = sources[i];
    if (typeof source !== 'string' || source.length > 100) return false;
  }
  return true;
}

/** The key of a creator everywhere in Scout: `platform:handle`. */
export type CreatorKey = `${Platform}:${string}`;
export const creatorKey = (s: Pick<ProfileSnapshot, 'platform' | 'handle'>): CreatorKey =>
  `${s.platform}:${s.handle}`;

export const CreatorKeySchema = z.string().check(
  z.maxLength(140),
  z.refine((key) => {
    const at = key.indexOf(':');
    return (
      PLATFORM_IDS.includes(key.slice(0, at) as Platform) &&
      HANDLE_PATTERN.test(key.slice(at + 1)) &&
      key === key.toLowerCase()
    );
  }, 'not a creator key (platform:handle)'),
);
