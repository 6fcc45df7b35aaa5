import { CreatorKeySchema, CreatorRowSchema, z } from '../model';
import type { RateCard } from '../metrics/rates';
import type { VetDetail } from '../metrics/vet';
import { ChipSchema } from '../chips/chip';
import { PageMaterialSchema, ReadingSchema, TappedTextSchema } from '../model/material';
import { MATERIAL_LIMITS } from '../model/material-limits';
import {
  ListNameSchema,
  NoteSchema,
  SaveConflictSchema,
  SavedFieldsSchema,
  TagsSchema,
} from '../model/shortlist';

/**
 * What the tab's page is known to be: what its content script last said, or `failed` when the
 * background could not file what it read (see `failure`).
 */
export const PAGE_STATES = [
  'reading',
  'ready',
  'not-creator',
  'sign-in-required',
  'private',
  'not-found',
  'no-data',
  'failed',
] as const;
export const PageStateSchema = z.enum(PAGE_STATES);
export type PageState = z.infer<typeof PageStateSchema>;

/** Why a page read could not be filed: the storage is full, or something else went wrong. */
export const FailureSchema = z.enum(['storage', 'internal']);
export type Failure = z.infer<typeof FailureSchema>;

const UrlSchema = z.url({ protocol: /^https$/ }).check(z.maxLength(4000));

/** What the background keeps per tab in storage.session (it survives the worker being stopped). */
export const TabRecordSchema = z.object({
  url: z.string(),
  state: PageStateSchema,
  reason: z.optional(z.string()),
  /** With state `failed`: what kept the page from being filed (the card offers a retry). */
  failure: z.optional(FailureSchema),
  creatorKey: z.optional(CreatorKeySchema),
  updatedAt: z.number(),
  /** When the content script's visit to this URL began: a later visit's record is never replaced by an earlier one's. */
  visitAt: z.optional(z.number()),
  /** The creator whose chip was activated in this tab: the card shows them until closed. */
  feed: z.optional(z.object({ creatorKey: CreatorKeySchema, at: z.number() })),
});
export type TabRecord = z.infer<typeof TabRecordSchema>;

const Empty = z.object({});

// Content scripts name the URL they read: inside an SPA navigation the browser's sender.url can
// still be the previous URL. The background accepts it only on the sender's own platform host.

/** Every message Scout's contexts exchange, each with its request and response schema. */
export const protocol = {
  /**
   * Content script → background: what its page carries, to read there (JSON is parsed off the host
   * page). `session` names the content script's life in the page. A `full` message holds everything
   * the content script has and replaces what the background held for the tab; otherwise `since` is
   * the last body `seq` it believes the background holds, and the bodies are the ones after it. The
   * background answers `resend` when it holds something else (the worker restarted, a message was
   * lost): the content script then sends a full one. `doc` is the document's material, sent with a
   * visit's first message and whenever it changes. `docDone` says the document named the page's
   * creator with counts; `hasPosts` that the page's answer has posts.
   */
  'page/read': {
    request: z.object({
      url: UrlSchema,
      visitAt: z.number(),
      session: z.string().check(z.minLength(1), z.maxLength(64)),
      full: z.boolean(),
      since: z.number().check(z.int(), z.gte(0)),
      doc: z.optional(PageMaterialSchema),
      bodies: z.array(TappedTextSchema).check(z.maxLength(MATERIAL_LIMITS.bodies)),
    }),
    response: z.object({ resend: z.boolean(), docDone: z.boolean(), hasPosts: z.boolean() }),
  },
  /** Content script → background: the page has no snapshot to give, and why. */
  'page/status': {
    request: z.object({
      url: UrlSchema,
      visitAt: z.optional(z.number()),
      state: PageStateSchema,
      reason: z.optional(z.string().check(z.maxLength(300))),
    }),
    response: Empty,
  },
  /**
   * Sidebar → background: read its tab's page again (after a failed filing). The background asks
   * the tab's content script to send everything it holds again, which files the page anew.
   */
  'page/retry': { request: Empty, response: Empty },
  /** Sidebar (its own tab) or popup (a tab it names) → background: the creator of that tab. */
  'creator/for-tab': {
    request: z.object({ tabId: z.optional(z.number().check(z.int(), z.gte(0))) }),
    response: z.object({
      tabId: z.nullable(z.number()),
      page: z.nullable(TabRecordSchema),
      creator: z.nullable(CreatorRowSchema),
      lists: z.array(z.object({ id: z.string(), name: z.string() })),
      /** Every list, newest first, for the card's "Save to…" menu (absent when there are none). */
      allLists: z.optional(
        z.array(
          z.object({
            id: z.string(),
            name: z.string(),
            /** The creator's note and tags on this list, when they are on it (the save form shows them). */
            entry: z.optional(SavedFieldsSchema),
          }),
        ),
      ),
      /**
       * When the card shows a creator from the feed (their chip was activated): when feeds last
       * showed them, and whether Scout has read their profile.
       */
      feed: z.optional(
        z.object({ seenAt: z.nullable(z.number()), visited: z.boolean(), profileUrl: z.string() }),
      ),
      /** The expanded card's detail: formulas, exclusions, itemised rates, cadence, growth. */
      detail: z.nullable(z.custom<VetDetail>()),
      /** The rate card the prices were computed with (the card's add-on toggles need it). */
      rateCard: z.custom<RateCard>(),
    }),
  },
  /** Sidebar or popup → background: save a creator Scout has seen to a list. */
  'shortlist/save': {
    request: z.object({
      creatorKey: CreatorKeySchema,
      listId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
      newListName: z.optional(ListNameSchema),
      note: z.optional(NoteSchema),
      tags: z.optional(TagsSchema),
      /** The note and tags the form showed: a field changed elsewhere since then is not overwritten. */
      base: z.optional(z.partial(SavedFieldsSchema)),
    }),
    response: z.object({
      listId: z.string(),
      listName: z.string(),
      entryId: z.string(),
      created: z.boolean(),
      /** Fields left as stored because they changed elsewhere since the form showed them. */
      conflicts: z.optional(z.array(SaveConflictSchema)),
    }),
  },
  /**
   * Content script → background: responses the page received that list creators (feeds, search,
   * suggested accounts) and readings a feed item's markup gave. The background files each
   * creator's sighting and answers with the chips of the creators in them (and the viewer's own
   * handle when a body named it, so the page never chips the viewer).
   */
  'feed/read': {
    request: z.object({
      url: UrlSchema,
      bodies: z.array(TappedTextSchema).check(z.maxLength(MATERIAL_LIMITS.bodies)),
      readings: z.optional(z.array(ReadingSchema).check(z.maxLength(MATERIAL_LIMITS.readings))),
    }),
    response: z.object({ chips: z.array(ChipSchema), viewer: z.optional(z.string()) }),
  },
  /** Content script → background: the chips of creators linked on its page, from Scout's data. */
  'chips/get': {
    request: z.object({
      url: UrlSchema,
      handles: z.array(z.string().check(z.maxLength(128))).check(z.maxLength(500)),
    }),
    response: z.object({ chips: z.array(ChipSchema), viewer: z.optional(z.string()) }),
  },
  /**
   * Content script → background: a chip was activated (the card shows that creator, from the
   * feed) or, with `handle` null, the card for it was closed.
   */
  'feed/open': {
    request: z.object({ url: UrlSchema, handle: z.nullable(z.string().check(z.maxLength(128))) }),
    response: Empty,
  },
  /** An extension page → background: creators were forgotten (or everything wiped): drop tab records. */
  'data/removed': {
    request: z.object({ creatorKey: z.optional(CreatorKeySchema) }),
    response: Empty,
  },
} as const;

export type MessageName = keyof typeof protocol;
export const MESSAGE_NAMES = Object.keys(protocol) as MessageName[];
export type RequestOf<N extends MessageName> = z.input<(typeof protocol)[N]['request']>;
export type ResponseOf<N extends MessageName> = z.output<(typeof protocol)[N]['response']>;

export const ERROR_CODES = [
  'invalid-message',
  'unknown-message',
  'forbidden-sender',
  'not-found',
  'stale-page',
  'storage',
  'unreachable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Every reply: data, or an error a person can read. Handlers never throw across the boundary. */
export type Reply<T> =
  { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string } };

export const fail = (code: ErrorCode, message: string): Reply<never> => ({
  ok: false,
  error: { code, message },
});
