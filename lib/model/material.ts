import { POST_COUNT_FIELDS, POST_KINDS, PrecisionSchema, PROFILE_COUNT_FIELDS } from './snapshot';
import { z } from './zod';

/**
 * What a content script sends the background about its page: the document's material (DOM
 * readings and embedded JSON as text) and the page's own API responses as text. The background
 * parses and reads them, so JSON work never runs on the host page. These schemas bound the shape
 * and the size; the snapshot made from them is validated again as a ProfileSnapshot.
 */

const text = (max: number) => z.string().check(z.maxLength(max));
const finite = z.number().check(z.refine(Number.isFinite));

/** Largest text accepted: an embedded island or a response body (the tap caps bodies lower). */
export const MAX_MATERIAL_TEXT = 8_000_000;

const CountReadingSchema = z.object({ value: finite, precision: PrecisionSchema });

const PostReadingSchema = z.object({
  id: text(200),
  url: z.optional(text(2000)),
  postedAt: z.optional(finite),
  kind: z.optional(z.enum(POST_KINDS)),
  counts: z.partialRecord(z.enum(POST_COUNT_FIELDS), CountReadingSchema),
  pinned: z.optional(z.boolean()),
  sponsored: z.optional(z.boolean()),
  likesHidden: z.optional(z.boolean()),
  caption: z.optional(text(5000)),
});

/** One reading as the DOM readers make it (lib/extract/reading.ts). */
export const ReadingSchema = z.object({
  source: text(100),
  handle: z.optional(text(200)),
  platformId: z.optional(text(200)),
  altIds: z.optional(z.array(text(400)).check(z.maxLength(10))),
  displayName: z.optional(text(500)),
  bio: z.optional(text(5000)),
  verified: z.optional(z.boolean()),
  isPrivate: z.optional(z.boolean()),
  counts: z.partialRecord(z.enum(PROFILE_COUNT_FIELDS), CountReadingSchema),
  posts: z.array(PostReadingSchema).check(z.maxLength(500)),
  clock: z.optional(finite),
  problem: z.optional(z.enum(['sign-in-required', 'private', 'not-found'])),
});

export const PageMaterialSchema = z.object({
  locale: text(100),
  texts: z
    .array(z.object({ name: text(200), kind: text(40), text: text(MAX_MATERIAL_TEXT) }))
    .check(z.maxLength(1000)),
  readings: z.array(ReadingSchema).check(z.maxLength(200)),
});

/** A response body the page received, as the tap copied it, numbered in order of arrival. */
export const TappedTextSchema = z.object({
  seq: z.number().check(z.int(), z.gte(1)),
  url: text(4000),
  text: text(MAX_MATERIAL_TEXT),
});
export type TappedText = z.infer<typeof TappedTextSchema>;
