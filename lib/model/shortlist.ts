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

/** The note and tags of an entry, as a save form shows and edits them. */
export const SavedFieldsSchema = z.object({ note: NoteSchema, tags: TagsSchema });
export type SavedFields = z.infer<typeof SavedFieldsSchema>;

/** A field a save left as stored, because it changed elsewhere since the form showed it. */
export const SaveConflictSchema = z.union([
  z.object({ field: z.literal('note'), yours: z.string(), theirs: z.string() }),
  z.object({ field: z.literal('tags'), yours: z.array(z.string()), theirs: z.array(z.string()) }),
]);
export type SaveConflict = z.infer<typeof SaveConflictSchema>;

/** "a, b , ,c" → ["a", "b", "c"]: tags as a person types them, without blanks or repeats. */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
}

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

/**
 * When each field of a row last changed (epoch ms). Import merges two copies of a row field by
 * field with these, so a field edited here and another edited in the file are both kept. A row
 * written before they existed has none: its fields are as new as its `updatedAt`.
 */
const fieldTimes = <const F extends readonly [string, ...string[]]>(fields: F) =>
  z.optional(z.partialRecord(z.enum(fields), EpochMsSchema));

export const LIST_FIELDS = ['name'] as const;

export const ShortlistSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  name: ListNameSchema,
  fieldTimes: fieldTimes(LIST_FIELDS),
  ...timestamps,
});
export type Shortlist = z.infer<typeof ShortlistSchema>;

/** The fields of an entry the user edits (everything else is identity or bookkeeping). */
export const ENTRY_FIELDS = [
  'status',
  'note',
  'tags',
  'agreedRate',
  'deliverable',
  'utmLink',
  'discountCode',
] as const;

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
  fieldTimes: fieldTimes(ENTRY_FIELDS),
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

/**
 * A creator as feeds, search and grids showed them (DESIGN "In-feed vetting"): what those payloads
 * said, merged, kept apart from the creators the user visited. `seenAt` is the last sighting.
 */
export const SightingRowSchema = z.object({
  key: CreatorKeySchema,
  snapshot: ProfileSnapshotSchema,
  seenAt: EpochMsSchema,
  ...timestamps,
});
export type SightingRow = z.infer<typeof SightingRowSchema>;
