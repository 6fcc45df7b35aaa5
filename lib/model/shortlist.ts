import { CreatorKeySchema, EpochMsSchema, ProfileSnapshotSchema } from './snapshot';
import { VettingSchema } from './vetting';
import { z } from './zod';

/** Every stored row carries these (DESIGN: storage). */
const timestamps = { createdAt: EpochMsSchema, updatedAt: EpochMsSchema };

export const ENTRY_STATUSES = [
  'new',
  'contacted',
  'negotiating',
  'contracted',
  'shipped',
  'posted',
  'declined',
] as const;
export const EntryStatusSchema = z.enum(ENTRY_STATUSES);
export type EntryStatus = z.infer<typeof EntryStatusSchema>;

export const ListNameSchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(80));
export const NoteSchema = z.string().check(z.maxLength(5000));
export const TagsSchema = z
  .array(z.string().check(z.trim(), z.minLength(1), z.maxLength(40)))
  .check(z.maxLength(30));

/** A creator as Scout last saw them: the latest snapshot and its vetting. */
export const CreatorRowSchema = z.object({
  key: CreatorKeySchema,
  snapshot: ProfileSnapshotSchema,
  vetting: z.optional(VettingSchema),
  ...timestamps,
});
export type CreatorRow = z.infer<typeof CreatorRowSchema>;

/** One entry of a creator's history; at most one per creator per hour. */
export const SnapshotRowSchema = z.object({
  id: z.optional(z.number()),
  creatorKey: CreatorKeySchema,
  capturedAt: EpochMsSchema,
  snapshot: ProfileSnapshotSchema,
  ...timestamps,
});
export type SnapshotRow = z.infer<typeof SnapshotRowSchema>;

export const ShortlistSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  name: ListNameSchema,
  ...timestamps,
});
export type Shortlist = z.infer<typeof ShortlistSchema>;

export const ShortlistEntrySchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(220)),
  listId: z.string(),
  creatorKey: CreatorKeySchema,
  status: EntryStatusSchema,
  note: NoteSchema,
  tags: TagsSchema,
  agreedRate: z.optional(z.number().check(z.gte(0))),
  deliverable: z.optional(z.string().check(z.maxLength(120))),
  utmLink: z.optional(z.string().check(z.maxLength(2000))),
  discountCode: z.optional(z.string().check(z.maxLength(120))),
  ...timestamps,
});
export type ShortlistEntry = z.infer<typeof ShortlistEntrySchema>;

/** The id of an entry is derived, so saving the same creator to a list twice cannot duplicate it. */
export const entryId = (listId: string, creatorKey: string) => `${listId}|${creatorKey}`;

export const SettingRowSchema = z.object({
  key: z.string(),
  value: z.unknown(),
  ...timestamps,
});
export type SettingRow = z.infer<typeof SettingRowSchema>;
