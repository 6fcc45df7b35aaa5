import { CreatorKeySchema, EpochMsSchema } from './snapshot';
import { z } from './zod';

/** One comment as stored: its words and likes, nothing about who wrote it. */
export const CommentTextSchema = z.object({
  text: z.string().check(z.minLength(1), z.maxLength(500)),
  likes: z.optional(z.number().check(z.int(), z.gte(0), z.lte(Number.MAX_SAFE_INTEGER))),
});

/**
 * The comments Scout read on one of a creator's own posts (DESIGN: the generic-comment checks),
 * kept apart from snapshots: texts and likes only, bounded per post and per creator.
 */
export const CommentRowSchema = z.object({
  creatorKey: CreatorKeySchema,
  /** The post, in the platform's post-id terms (a `Post.id` of that creator). */
  postId: z.string().check(z.minLength(1), z.maxLength(100)),
  comments: z.array(CommentTextSchema).check(z.maxLength(200)),
  seenAt: EpochMsSchema,
  createdAt: EpochMsSchema,
  updatedAt: EpochMsSchema,
});
export type CommentRow = z.infer<typeof CommentRowSchema>;
