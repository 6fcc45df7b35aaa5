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

/** The schema's limits: lengths in UTF-16 units, and list sizes. */
export const LIMITS = {
  handle: 120,
  platformId: 200,
  displayName: 300,
  bio: 5000,
  postId: 200,
  postUrl: 2000,
  caption: 5000,
  source: 100,
  recentPosts: 500,
  sources: 50,
} as const;

export const POST_KINDS = ['video', 'image', 'carousel', 'text'] as const;
export const POST_COUNT_FIELDS = ['likes', 'comments', 'shares', 'views', 'saves'] as const;
export type PostCountField = (typeof POST_COUNT_FIELDS)[number];

export const PostSchema = z.object({
  id: text(LIMITS.postId).check(z.minLength(1)),
  url: z.optional(text(LIMITS.postUrl)),
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
  caption: z.optional(text(LIMITS.caption)),
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

/** The largest value the schema takes for each profile count (an audience, or a sum over time). */
export const PROFILE_COUNT_MAX: Readonly<Record<ProfileCountField, number>> = {
  followers: MAX_AUDIENCE,
  following: MAX_AUDIENCE,
  posts: MAX_COUNT,
  likes: MAX_COUNT,
  connections: MAX_AUDIENCE,
};

const HANDLE_PATTERN = /^(?:company\/)?[\p{L}\p{M}\p{N}._-]+$/u;

/** Lower-case handle, no '@'; a company page's is `company/<slug>`. */
export const HandleSchema = z.string().check(
  z.minLength(1),
  z.maxLength(LIMITS.handle),
  z.regex(HANDLE_PATTERN),
  z.refine((h) => h === h.toLowerCase(), 'handles are lower-case'),
);

/** What extraction produces: one creator as one page showed them at one moment. */
export const ProfileSnapshotSchema = z.object({
  platform: PlatformSchema,
  handle: HandleSchema,
  platformId: z.optional(text(LIMITS.platformId)),
  url: z.url({ protocol: /^https$/ }),
  displayName: z.optional(text(LIMITS.displayName)),
  bio: z.optional(text(LIMITS.bio)),
  verified: z.optional(z.boolean()),
  isPrivate: z.optional(z.boolean()),
  followers: z.optional(AudienceCountSchema),
  following: z.optional(AudienceCountSchema),
  posts: z.optional(CountSchema),
  likes: z.optional(CountSchema),
  connections: z.optional(AudienceCountSchema),
  precision: z.partialRecord(z.enum(PROFILE_COUNT_FIELDS), PrecisionSchema),
  recentPosts: z.array(PostSchema).check(z.maxLength(LIMITS.recentPosts)),
  capturedAt: EpochMsSchema,
  sources: z.array(text(LIMITS.source)).check(z.maxLength(LIMITS.sources)),
});
export type ProfileSnapshot = z.infer<typeof ProfileSnapshotSchema>;

/** ASCII handles: the common case, which HandleSchema accepts whenever its length fits. */
const PLAIN_HANDLE = /^(?:company\/)?[a-z0-9._-]+$/;
/**
 * https on a host of letter-ended labels without "--" (no IP address, no punycode to decode),
 * then printable ASCII: a string the URL parser always accepts, with the https protocol.
 */
const PLAIN_HTTPS_URL = /^https:\/\/(?:[a-z0-9]+(?:-[a-z0-9]+)*\.)+[a-z]+(?:\/[!-~]*)?$/;
const PLATFORMS: readonly unknown[] = PLATFORM_IDS;
const PRECISIONS: readonly unknown[] = PrecisionSchema.options;
const KINDS: readonly unknown[] = POST_KINDS;

// Checks that imply the schema's own, for merging (lib/extract/merge.ts), which checks each value
// as it takes it and asks the schema only when one fails: true only for what the schema accepts;
// false means "ask the schema", not "invalid".

/** An ASCII handle HandleSchema accepts (a handle in another script: ask the schema). */
export function isPlainHandle(value: unknown): boolean {
  return typeof value === 'string' && value.length <= LIMITS.handle && PLAIN_HANDLE.test(value);
}

/** A profile URL the snapshot's `url` accepts: plain ASCII https on a named host. */
export function isPlainHttpsUrl(value: unknown): boolean {
  return typeof value === 'string' && PLAIN_HTTPS_URL.test(value);
}

/** A platform PlatformSchema accepts. */
export function isPlatform(value: unknown): value is Platform {
  return PLATFORMS.includes(value);
}

/** A precision PrecisionSchema accepts. */
export function isPrecision(value: unknown): value is Precision {
  return PRECISIONS.includes(value);
}

/** A post kind the schema accepts. */
export function isPostKind(value: unknown): value is NonNullable<Post['kind']> {
  return KINDS.includes(value);
}

/** A string of at most `max` UTF-16 units, as `z.string().check(z.maxLength(max))` reads it. */
export function isTextUpTo(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length <= max;
}

/** A count CountSchema (or AudienceCountSchema, with `max` MAX_AUDIENCE) accepts. */
export function isCountUpTo(value: unknown, max: number): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= max;
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
