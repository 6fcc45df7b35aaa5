import { browser } from 'wxt/browser';
import { commentsOf } from '../db/comments';
import { getCreator, historyOf, recordComments, recordSnapshot, type Vet } from '../db/creators';
import { computeVetting } from '../metrics/vet';
import type { RateCard } from '../metrics/rates';
import type { ScoutDb } from '../db/database';
import { listsForSaving, listsOf, MissingError, saveToShortlist } from '../db/shortlists';
import { fail, type Reply, type ResponseOf, type TabRecord } from '../messaging/protocol';
import {
  creatorKey,
  ProfileSnapshotSchema,
  type CreatorKey,
  type ProfileSnapshot,
} from '../model/snapshot';
import { RESEND_MESSAGE } from '../messaging/client';
import { errorReply, type Handlers } from '../messaging/server';
import { mayFile, type NamedBy } from '../extract/authorship';
import { matchPage, platformById, platformForUrl } from '../platforms';
import { recordSightings } from '../db/sightings';
import type { Reading } from '../extract/reading';
import { sightingsFrom } from '../extract/sightings';
import { createFeedHandlers, feedCreator } from './feed';
import type { PageComments, PageRead, PageReader } from './page-reader';
import type { TabRecords } from './tab-records';

/** The vetting stored with a creator, by the user's rate card and the clock. */
const vetWith =
  (card: RateCard, now: () => number): Vet =>
  (latest, history, comments) =>
    computeVetting(latest, { now: now(), history, rateCard: card, comments }).vetting;

/** What the card says on a post page whose own URL and document name no author. */
const UNNAMED_AUTHOR = 'the page does not say who posted this';

/** Both URLs on the same platform: a content script on one platform cannot file another's page. */
function samePlatform(claimed: string, senderUrl: string): boolean {
  const platform = platformForUrl(new URL(claimed));
  return platform !== null && platform === platformForUrl(new URL(senderUrl));
}

export interface BackgroundDeps {
  db: ScoutDb;
  tabs: TabRecords;
  now: () => number;
  /** The user's rate card (defaults when none or invalid). */
  rateCard: () => Promise<RateCard>;
  /**
   * Reads what content scripts send about their pages; a promise while the platforms' worker
   * sides load (the background's listeners are registered before they have).
   */
  reader: PageReader | Promise<PageReader>;
  /**
   * Asks a tab's content script to send everything it holds again; rejects when nobody there
   * answers. Defaults to a runtime message to the tab's top frame.
   */
  resendTab?: (tabId: number) => Promise<unknown>;
}

const resendByMessage = (tabId: number) =>
  browser.tabs.sendMessage(tabId, { type: RESEND_MESSAGE }, { frameId: 0 });

/**
 * How the background files what pages tell it: a snapshot (stored with its vetting, the tab filed
 * under its creator) or a page without one. Both respect the tab's latest visit.
 */
export function createFiling({ db, tabs, now, rateCard }: Omit<BackgroundDeps, 'reader'>) {
  /**
   * A message from a visit older than the one the tab record describes: a slow read of the previous
   * creator, arriving after the page moved on. Its snapshot is kept; the tab's record is not touched.
   */
  async function isStale(tabId: number, visitAt: number | undefined): Promise<boolean> {
    if (visitAt === undefined) return false;
    const current = (await tabs.get(tabId))?.visitAt;
    return current !== undefined && visitAt < current;
  }

  /** Files a page that has no snapshot to give (reading, private, sign-in required, ...). */
  async function fileStatus(
    tabId: number,
    { url, state, reason, failure, visitAt }: Omit<TabRecord, 'updatedAt'>,
  ): Promise<void> {
    if (await isStale(tabId, visitAt)) return;
    await tabs.set(tabId, {
      url,
      state,
      ...(reason ? { reason } : {}),
      ...(failure ? { failure } : {}),
      updatedAt: now(),
      ...(visitAt === undefined ? {} : { visitAt }),
    });
  }

  /** Stores a page's snapshot with its vetting, and files the tab under its creator. */
  async function fileSnapshot(
    tabId: number,
    url: string,
    snapshot: ProfileSnapshot,
    visitAt: number | undefined,
    namedBy?: NamedBy,
  ): Promise<Reply<{ key: string }>> {
    const page = matchPage(url);
    // A snapshot must describe the page that sent it: a late result from the previous creator of a
    // single-page app must never land under the new URL.
    if (!page || page.platform !== snapshot.platform) {
      return fail('stale-page', 'the snapshot is not about the sending page');
    }
    // Filed under a creator only when the URL names them or, on a video or post page, the page's
    // own document does (lib/extract/authorship.ts): a body the page fetched never decides.
    if (!mayFile(page, snapshot.handle, namedBy)) {
      if (page.handle) {
        return fail('stale-page', `the page shows ${page.handle}, not ${snapshot.handle}`);
      }
      // A post page that does not name its author: said on the card, not "reading" forever.
      await fileStatus(tabId, { url, visitAt, state: 'no-data', reason: UNNAMED_AUTHOR });
      return fail('stale-page', `the page does not name ${snapshot.handle} as its author`);
    }
    // Vetting is pure and under a millisecond: stored with the creator, in the snapshot's own
    // transaction, so every page and export reads the same numbers and no row lacks them. The
    // rate card is read first: a transaction cannot wait on anything but the database.
    const card = await rateCard();
    const row = await recordSnapshot(db, snapshot, now(), vetWith(card, now));
    if (await isStale(tabId, visitAt)) return { ok: true, data: { key: row.key } };
    await tabs.set(tabId, {
      url,
      state: 'ready',
      creatorKey: row.key,
      updatedAt: now(),
      ...(visitAt === undefined ? {} : { visitAt }),
    });
    return { ok: true, data: { key: row.key } };
  }

  /**
   * Files the comments read on the page creator's own posts, under the creator the page's answer
   * names, with the same check as the answer's own filing; the card is told when they changed
   * the creator's vetting. They are extras: a failure is logged, and the page's filing goes on.
   */
  async function fileComments(tabId: number, url: string, found: PageComments | null) {
    if (!found) return;
    const page = matchPage(url);
    if (!page || page.platform !== found.platform) return;
    if (!mayFile(page, found.handle, found.namedBy)) return;
    try {
      const key = creatorKey(found);
      const changed = await recordComments(
        db,
        key,
        found.lists,
        now(),
        vetWith(await rateCard(), now),
      );
      const record = changed ? await tabs.get(tabId) : null;
      if (record?.creatorKey === key) await tabs.set(tabId, { ...record, updatedAt: now() });
    } catch (error) {
      console.debug('[scout] comments not filed', error);
    }
  }

  return { fileSnapshot, fileStatus, fileComments };
}

/** The background's answers to every message; senders and data are already validated by dispatch. */
export function createHandlers(deps: BackgroundDeps): Handlers {
  const { db, tabs, now, rateCard, reader, resendTab = resendByMessage } = deps;
  const { fileSnapshot, fileStatus, fileComments } = createFiling(deps);

  /**
   * Reads a page's message and files its answer; the reader remembers the answer as filed only
   * once it is stored, so a read whose filing failed is filed again when it is sent again.
   */
  async function readPage(
    tabId: number,
    message: PageRead,
  ): Promise<Reply<ResponseOf<'page/read'>>> {
    const outcome = (await reader).read(tabId, message, now());
    if (outcome.resend)
      return { ok: true, data: { resend: true, docDone: false, hasPosts: false } };
    const { result, docDone, hasPosts } = outcome;
    const data = { resend: false, docDone, hasPosts };
    await fileOthers(message.url, outcome.readings, result?.ok ? result.snapshot.handle : null);
    if (!result) {
      await fileComments(tabId, message.url, outcome.comments);
      return { ok: true, data };
    }
    const { url, visitAt } = message;
    if (!result.ok) {
      await fileStatus(tabId, { url, visitAt, state: result.problem, reason: result.reason });
      outcome.filed();
      return { ok: true, data };
    }
    const snapshot = ProfileSnapshotSchema.safeParse(result.snapshot);
    if (!snapshot.success) {
      // A reader produced something the model refuses: shown as unreadable, never stored.
      console.debug('[scout] snapshot refused', snapshot.error.issues[0]);
      await fileStatus(tabId, {
        url,
        visitAt,
        state: 'no-data',
        reason: 'the page gave numbers Scout cannot use',
      });
      outcome.filed();
      return { ok: true, data };
    }
    const filed = await fileSnapshot(tabId, url, snapshot.data, visitAt, result.namedBy);
    if (!filed.ok) return filed;
    outcome.filed();
    await fileComments(tabId, url, outcome.comments);
    return { ok: true, data };
  }

  /**
   * Files the sightings of the accounts a creator page shows besides its creator (suggested
   * accounts, a related rail). They are extras: a failure to file them is logged, and the page's
   * own filing goes on.
   */
  async function fileOthers(url: string, readings: Reading[], creator: string | null) {
    const platform = platformForUrl(new URL(url));
    if (!platform || !readings.length) return;
    const others = sightingsFrom(platform, readings, now()).filter(
      (s) => s.handle !== creator && matchPage(url)?.handle !== s.handle,
    );
    await recordSightings(db, others, now()).catch((error: unknown) =>
      console.debug('[scout] sightings not filed', error),
    );
  }

  /**
   * The creator the tab's card shows: the one whose chip was activated there, else the one the
   * tab's page was filed under; with, from the feed, when feeds showed them and whether Scout has
   * read their profile.
   */
  async function tabCreator(page: TabRecord | null) {
    if (page?.feed) {
      const found = await feedCreator(deps, page.feed.creatorKey as CreatorKey);
      if (found) {
        const { row, seenAt, visited } = found;
        const { platform, handle } = row.snapshot;
        const feed = { seenAt, visited, profileUrl: platformById(platform).profileUrl(handle) };
        return { creator: row, feed };
      }
    }
    const key = page?.creatorKey;
    return { creator: key ? ((await getCreator(db, key)) ?? null) : null };
  }

  return {
    ...createFeedHandlers(deps),

    async 'page/read'(message, sender) {
      if (sender.kind !== 'content') return fail('forbidden-sender', 'only a page can report');
      if (!samePlatform(message.url, sender.url))
        return fail('forbidden-sender', 'a page reports on its own site only');
      const { url, visitAt } = message;
      try {
        return await readPage(sender.tabId, message as PageRead);
      } catch (error) {
        // The tab's record says so (the card shows it with a retry), not "reading" forever.
        const reply = errorReply('page/read', error);
        const { code: failure, message: reason } = reply.error;
        await fileStatus(sender.tabId, { url, visitAt, state: 'failed', failure, reason }).catch(
          (recordError: unknown) => console.error('[scout] failure not filed', recordError),
        );
        return reply;
      }
    },

    async 'page/status'({ url, state, reason, visitAt }, sender) {
      if (sender.kind !== 'content') return fail('forbidden-sender', 'only a page can report');
      if (!samePlatform(url, sender.url))
        return fail('forbidden-sender', 'a page reports on its own site only');
      if (state === 'ready')
        return fail('invalid-message', 'a ready page is filed from what it sends (page/read)');
      if (state === 'failed')
        return fail('invalid-message', 'a failed filing is recorded by the background itself');
      await fileStatus(sender.tabId, { url, state, reason, visitAt });
      return { ok: true, data: {} };
    },

    async 'page/retry'(_request, sender) {
      if (sender.kind !== 'sidebar') return fail('forbidden-sender', 'only the card can retry');
      const page = await tabs.get(sender.tabId);
      if (!page) return fail('not-found', 'Scout has no page to read again in this tab');
      // Said before asking: the content script's answer may file the page before this resumes.
      if (page.state === 'failed') {
        const { url, visitAt } = page;
        await fileStatus(sender.tabId, { url, visitAt, state: 'reading' });
      }
      try {
        await resendTab(sender.tabId);
        return { ok: true, data: {} };
      } catch {
        // Nobody in the tab to send the page again: the failure stays on the card.
        const now = await tabs.get(sender.tabId);
        if (page.state === 'failed' && now?.state === 'reading' && now.visitAt === page.visitAt)
          await tabs.set(sender.tabId, page);
        return fail('unreachable', 'The page did not answer. Reload it to read it again.');
      }
    },

    async 'creator/for-tab'({ tabId: requested }, sender) {
      // The sidebar is answered about its own tab only, whatever it asks.
      const tabId = sender.kind === 'sidebar' ? sender.tabId : (requested ?? null);
      const page = tabId == null ? null : await tabs.get(tabId);
      const shown = await tabCreator(page);
      let { creator } = shown;
      // The popup without a tab to describe shows the last creator seen in any tab.
      if (!creator && !page?.creatorKey && sender.kind === 'page' && requested == null) {
        const key = (await tabs.lastSeen())?.creatorKey;
        creator = key ? ((await getCreator(db, key)) ?? null) : null;
      }
      const lists = creator ? await listsOf(db, creator.key) : [];
      const card = await rateCard();
      // The detail is recomputed, not stored: it is pure, fast, and follows rate-card edits.
      const vetted = creator
        ? computeVetting(creator.snapshot, {
            now: now(),
            history: await historyOf(db, creator.key, creator.snapshot.capturedAt),
            rateCard: card,
            comments: await commentsOf(db, creator.key),
          })
        : null;
      // A creator only feeds have shown has no stored vetting: the card shows the one made now.
      if (creator && vetted && !creator.vetting) creator = { ...creator, vetting: vetted.vetting };
      const detail = vetted?.detail ?? null;
      // With the creator's note and tags on each: the save form shows (and merges into) them.
      const allLists = await listsForSaving(db, creator?.key);
      const data = { tabId, page, creator, lists, allLists, detail, rateCard: card };
      return { ok: true, data: shown.feed ? { ...data, feed: shown.feed } : data };
    },

    async 'data/removed'({ creatorKey }) {
      await tabs.forget(creatorKey);
      return { ok: true, data: {} };
    },

    async 'shortlist/save'(req) {
      try {
        // A creator only feeds have shown joins the creators visited when the user saves them.
        if (!(await getCreator(db, req.creatorKey))) {
          const found = await feedCreator(deps, req.creatorKey as CreatorKey);
          if (found && !found.visited) {
            const card = await rateCard();
            await recordSnapshot(db, found.row.snapshot, now(), vetWith(card, now));
          }
        }
        const saved = await saveToShortlist(db, req, now());
        await tabs.listsChanged(now());
        return { ok: true, data: saved };
      } catch (error) {
        if (error instanceof MissingError) return fail('not-found', error.message);
        throw error;
      }
    },
  };
}
