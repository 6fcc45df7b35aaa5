import { POST_COUNT_FIELDS, POST_KINDS, PrecisionSchema, PROFILE_COUNT_FIELDS } from './snapshot';
import { CommentTextSchema } from './comments';
import { MATERIAL_LIMITS as LIMITS } from './material-limits';
import { z } from './zod';

/**
 * What a content script sends the background about its page: the document's material (DOM
 * readings and embedded JSON as text) and the page's own API responses as text. The background
 * parses and reads them, so JSON work never runs on the host page. These schemas check the shape
 * and bound the size loosely: a reading's values are judged when merged (a bio too long for a
 * snapshot is dropped there, not the whole page), and the snapshot is validated again.
 */

const text = (max: number = LIMITS.fieldChars) => z.string().check(z.maxLength(max));
const finite = z.number().check(z.refine(Number.isFinite));

const CountReadingSchema = z.object({ value: finite, precision: PrecisionSchema });

const PostReadingSchema = z.object({
  id: text(),
  url: z.optional(text()),
  postedAt: z.optional(finite),
  kind: z.optional(z.enum(POST_KINDS)),
  counts: z.partialRecord(z.enum(POST_COUNT_FIELDS), CountReadingSchema),
  pinned: z.optional(z.boolean()),
  sponsored: z.optional(z.boolean()),
  likesHidden: z.optional(z.boolean()),
  caption: z.optional(text()),
});

/** One reading as the DOM readers make it (lib/extract/reading.ts). */
export const ReadingSchema = z.object({
  source: text(),
  handle: z.optional(text()),
  platformId: z.optional(text()),
  altIds: z.optional(z.array(text()).check(z.maxLength(100))),
  displayName: z.optional(text()),
  bio: z.optional(text()),
  verified: z.optional(z.boolean()),
  isPrivate: z.optional(z.boolean()),
  counts: z.partialRecord(z.enum(PROFILE_COUNT_FIELDS), CountReadingSchema),
  posts: z.array(PostReadingSchema).check(z.maxLength(LIMITS.postsPerReading)),
  clock: z.optional(finite),
  problem: z.optional(z.enum(['sign-in-required', 'private', 'not-found'])),
});

export const PageMaterialSchema = z.object({
  locale: text(),
  texts: z
    .array(z.object({ name: text(), kind: text(40), text: text(LIMITS.textChars) }))
    .check(z.maxLength(LIMITS.texts)),
  readings: z.array(ReadingSchema).check(z.maxLength(LIMITS.readings)),
  /** Comments read from the markup (LinkedIn's): at most 100 posts a page, as its reader keeps. */
  comments: z.optional(
    z
      .array(
        z.object({
          source: text(100),
          postId: text(100),
          comments: z.array(CommentTextSchema).check(z.maxLength(200)),
        }),
      )
      .check(z.maxLength(100)),
  ),
});

/** A response body the page received, as the tap copied it, numbered in order of arrival. */
export const TappedTextSchema = z.object({
  seq: z.number().check(z.int(), z.gte(1)),
  url: text(4000),
  text: text(LIMITS.textChars),
});
export type TappedText = z.infer<typeof TappedTextSchema>;
