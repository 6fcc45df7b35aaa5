import type { NamedBy } from '../extract/authorship';
import type { CommentList } from '../extract/comments';
import type { Reading } from '../extract/reading';
import { parseJsonDocuments } from '../parsing/json-documents';
import { platformForUrl, type Workers } from '../platforms';
import type { ProfileSnapshot } from '../model';
import type {
  ExtractResult,
  PageMaterial,
  PlatformDefinition,
  PlatformWorker,
} from '../platforms/types';

/** Body readings kept per tab for re-merging (bounded: old ones drop first). */
const MAX_BODY_READINGS = 200;
/** Comment lists kept per tab until the page's creator is known to own their post. */
const MAX_PENDING_COMMENTS = 50;

/** What a content script sent about its tab, as `page/read` carries it (already validated). */
export interface PageRead {
  url: string;
  visitAt: number;
  session: string;
  full: boolean;
  since: number;
  doc?: PageMaterial;
  bodies: { seq: number; url: string; text: string }[];
}

export type PageReadOutcome =
  | { resend: true }
  | {
      resend: false;
      /** The page's answer from everything held for the tab; null when it did not change. */
      result: ExtractResult | null;
      /** The document's readings named the URL's creator, with counts. */
      docDone: boolean;
      /** The page's answer has posts (the DOM need not be read for them). */
      hasPosts: boolean;
      /**
       * What this message's document and bodies said, about anyone: the accounts other than the
       * page's creator (suggested accounts, a related rail) are sightings.
       */
      readings: Reading[];
      /**
       * Comment lists on the page creator's own posts (their post is one of the settled snapshot's),
       * each given once; null when there are none.
       */
      comments: PageComments | null;
      /**
       * Call once `result` is stored: an unchanged re-read of the visit then gives no new answer.
       * Until then (the filing failed, or is still under way) the same answer is given again.
       */
      filed(): void;
    };

/** Comment lists matched to the creator of the page's answer. */
export interface PageComments {
  platform: ProfileSnapshot['platform'];
  handle: string;
  /** Who named the creator, as the answer says (the same check as its filing). */
  namedBy?: NamedBy;
  lists: CommentList[];
}

/** One tab's material, as far as this worker has heard it. */
interface TabMaterial {
  session: string;
  /** Comment lists whose post is not (yet) one of the page creator's. */
  comments: CommentList[];
  /** The last body seq received. */
  seq: number;
  bodyReadings: Reading[];
  doc: { visitAt: number; readings: Reading[] } | null;
  /** The last answer filed for a visit, so an unchanged re-read is not filed again. */
  last: { visitAt: number; print: string } | null;
}

/** Nothing to remember as filed. */
const nothingToFile = () => {};

/** Why tapped bodies were refused here, for the debug log. */
export const bodyRejections = { 'not-json': 0 };

/** A result's identity for "did anything change?", ignoring the capture clock. */
const fingerprint = (result: ExtractResult) =>
  result.ok
    ? JSON.stringify({ ...result.snapshot, capturedAt: 0 })
    : `${result.problem}:${result.reason}`;

/**
 * Reads what content scripts send: parses the page's JSON (embedded and fetched) here, in the
 * background, and merges it with the DOM readings into the page's answer. Per tab it keeps the
 * readings of the bodies received so far (a later body merges with earlier ones) and the
 * document's readings of the current visit. It lives in memory: when the worker has been
 * restarted, or a message went missing, it asks the content script to send everything again.
 * `workers` are the platforms' worker sides (`loadWorkers`), already loaded.
 */
export class PageReader {
  private readonly tabs = new Map<number, TabMaterial>();

  constructor(private readonly workers: Workers) {}

  read(tabId: number, message: PageRead, now: number): PageReadOutcome {
    const url = new URL(message.url);
    const platform = platformForUrl(url);
    const worker = platform && this.workers.get(platform.id);
    if (!platform || !worker)
      return {
        resend: false,
        result: null,
        docDone: false,
        hasPosts: false,
        readings: [],
        comments: null,
        filed: nothingToFile,
      };
    let tab = this.tabs.get(tabId);
    if (message.full) {
      tab = {
        session: message.session,
        seq: 0,
        bodyReadings: [],
        comments: [],
        doc: null,
        last: null,
      };
      this.tabs.set(tabId, tab);
    } else if (!tab || tab.session !== message.session || tab.seq !== message.since) {
      return { resend: true };
    }
    const fresh: Reading[] = [];
    if (message.doc) {
      const readings = worker.readMaterial(message.doc, url, now);
      fresh.push(...readings);
      tab.doc = { visitAt: message.visitAt, readings };
      tab.comments.push(...(worker.readMaterialComments?.(message.doc, url) ?? []));
    } else if (tab.doc?.visitAt !== message.visitAt) {
      // A visit's first message carries its document: without it, something was lost.
      return { resend: true };
    }
    for (const body of message.bodies) {
      tab.seq = Math.max(tab.seq, body.seq);
      const { readings, comments } = readBody(platform, worker, body, now);
      fresh.push(...readings);
      tab.bodyReadings.push(...readings);
      tab.comments.push(...comments);
    }
    tab.bodyReadings.splice(0, Math.max(0, tab.bodyReadings.length - MAX_BODY_READINGS));
    tab.comments.splice(0, Math.max(0, tab.comments.length - MAX_PENDING_COMMENTS));

    const docReadings = tab.doc?.readings ?? [];
    const handle = platform.match(url)?.handle;
    const docDone =
      !!handle && docReadings.some((r) => r.handle === handle && Object.keys(r.counts).length > 0);
    const input = { url, now };
    const readings = [...docReadings, ...tab.bodyReadings];
    const result = worker.settle(readings, input);
    // A live page is read now: a payload's own clock can trail the local one (server skew, cached
    // bodies), and a richer re-read must never look older than the read before it.
    if (result.ok) result.snapshot.capturedAt = Math.max(result.snapshot.capturedAt, now);
    const hasPosts = result.ok && result.snapshot.recentPosts.length > 0;
    const comments = result.ok ? ownComments(tab, result.snapshot, result.namedBy) : null;
    const print = fingerprint(result);
    if (tab.last?.visitAt === message.visitAt && tab.last.print === print) {
      return {
        resend: false,
        result: null,
        docDone,
        hasPosts,
        readings: fresh,
        comments,
        filed: nothingToFile,
      };
    }
    const held = tab;
    const markFiled = () => {
      held.last = { visitAt: message.visitAt, print };
    };
    return {
      resend: false,
      result,
      docDone,
      hasPosts,
      readings: fresh,
      comments,
      filed: markFiled,
    };
  }

  /**
   * What bodies listing creators say (feeds, search, suggested accounts), read with the page's
   * platform worker: every reading, about whomever (lib/extract/sightings.ts sorts them out).
   */
  readLists(
    url: URL,
    bodies: readonly { url: string; text: string }[],
    now: number,
  ): { platform: PlatformDefinition; readings: Reading[] } | null {
    const platform = platformForUrl(url);
    const worker = platform && this.workers.get(platform.id);
    if (!platform || !worker) return null;
    const readings = bodies.flatMap(
      (body) => readBody(platform, worker, { seq: 0, ...body }, now).readings,
    );
    return { platform, readings };
  }

  /** Forgets a closed tab. */
  forget(tabId: number): void {
    this.tabs.delete(tabId);
  }
}

/**
 * The comment lists held for the tab whose post is one of the snapshot's (the page creator's own,
 * as the page's answer has it), taken out of the tab's pending lists; null when there are none.
 */
function ownComments(
  tab: TabMaterial,
  snapshot: ProfileSnapshot,
  namedBy: NamedBy | undefined,
): PageComments | null {
  if (!tab.comments.length) return null;
  const posts = new Set(snapshot.recentPosts.map((p) => p.id));
  const lists = tab.comments.filter((list) => posts.has(list.postId));
  if (!lists.length) return null;
  tab.comments = tab.comments.filter((list) => !posts.has(list.postId));
  const { platform, handle } = snapshot;
  return namedBy ? { platform, handle, namedBy, lists } : { platform, handle, lists };
}

const NOTHING_READ = { readings: [], comments: [] };

/** What one tapped body says; a body that is not JSON is counted and says nothing. */
function readBody(
  platform: PlatformDefinition,
  worker: PlatformWorker,
  body: PageRead['bodies'][number],
  now: number,
): { readings: Reading[]; comments: CommentList[] } {
  let url: URL;
  try {
    url = new URL(body.url);
  } catch {
    return NOTHING_READ;
  }
  // The content script checked the body's origin against its page; one from elsewhere says nothing.
  if (url.protocol !== 'https:' || !platform.ownsHost(url.hostname)) return NOTHING_READ;
  const documents = parseJsonDocuments(body.text);
  if (!documents.length) {
    bodyRejections['not-json']++;
    console.debug('[scout] tapped body refused: not-json', bodyRejections);
    return NOTHING_READ;
  }
  return {
    readings: documents.flatMap((json) => worker.readBody(json, url, now)),
    comments: documents.flatMap((json) => worker.readComments(json, url)),
  };
}
