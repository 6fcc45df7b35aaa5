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

/** Epoch milliseconds between 2000 and 2100: anything else is a unit or parsing error. */
export const EpochMsSchema = z
  .number()
  .check(z.int(), z.gte(946_684_800_000), z.lt(4_102_444_800_000));

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
