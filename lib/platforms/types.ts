import type { NamedBy } from '../extract/authorship';
import type { Reading } from '../extract/reading';
import type { CommentList } from '../extract/comments';
import type { Platform, ProfileSnapshot } from '../model/snapshot';
import type { PlatformTap } from '../tap/allow-list';
import type { PlatformFacts } from './facts';

/** What a URL is on its platform. Feeds, search, messages and settings are not page kinds. */
export type PageKind = 'profile' | 'video' | 'post' | 'reel' | 'activity' | 'company';

export interface PageMatch {
  platform: Platform;
  kind: PageKind;
  /** The creator's handle when the URL names it (normalised); absent on pages that show it only in content. */
  handle?: string;
  /** The post, video or reel id when the URL names one. */
  postId?: string;
}

/** A platform's URL rules: which hosts it owns and what each path means. Pure; no DOM. */
export interface PlatformUrlRules<Id extends string = Platform> {
  id: Id;
  /** Content-script match patterns: the only host access Scout asks for. */
  matches: readonly string[];
  /** True when the hostname belongs to the platform (any subdomain). */
  ownsHost(hostname: string): boolean;
  /** The page kind of a URL on an owned host, or null for feeds, search, settings and the like. */
  match(url: URL): PageMatch | null;
  /** Canonical profile URL for a handle (`https://www.<platform>.com/...`). */
  profileUrl(handle: string): string;
}

/** Why a page gave no snapshot: expected page variance, shown to the user, never an exception. */
export type PageProblem = 'not-creator' | 'sign-in-required' | 'private' | 'not-found' | 'no-data';

export type ExtractResult =
  | {
      ok: true;
      snapshot: ProfileSnapshot;
      missing: string[];
      /** Who named the creator (lib/extract/authorship.ts); absent where nothing checked it. */
      namedBy?: NamedBy;
    }
  | { ok: false; problem: PageProblem; reason: string };

export interface ExtractInput {
  /** The page's document, already parsed; absent when only payloads are available. */
  doc?: Document;
  url: URL;
  /** The capture clock (epoch ms), supplied by the caller: parsers never read the time. */
  now: number;
  /**
   * Optional: a fixed capture time (the CLI's `--at`) that overrides the payloads' own clocks;
   * without it the snapshot takes the payload's clock where it carries one, else `now`.
   */
  at?: number;
  /**
   * Optional: JSON bodies the page received besides its document (tapped API responses, saved
   * bodies in the CLI), each with the URL it came from; read with `readBody` and merged in.
   */
  bodies?: readonly { json: unknown; url: URL }[];
}

/** What settling needs of the page: its URL and clocks (the readings carry the rest). */
export type SettleInput = Pick<ExtractInput, 'url' | 'now' | 'at'>;

/**
 * What a document carries, gathered on the host page by `collectDocument`: the readings only the DOM
 * can give (visible text, meta tags, a login wall), and the embedded JSON as text, unparsed. It is
 * plain data (structured-cloneable), sent to the background, which reads the texts with
 * `readMaterial`: parsing and mapping JSON never runs on the host page's main thread.
 */
export interface PageMaterial {
  /** The page's UI language (`<html lang>`), for counts written as words. */
  locale: string;
  /** Embedded JSON texts; `name` says what each is, in the platform's own terms. */
  texts: { name: string; kind: string; text: string }[];
  /** Readings from the DOM, already made on the page. */
  readings: Reading[];
  /** Comments the page shows in its markup only (LinkedIn's), read on the page: texts and likes. */
  comments?: CommentList[];
}

/** What `collectDocument` gathers: everything, or the embedded JSON texts alone. */
export type CollectScope = 'all' | 'texts';

/**
 * A platform's worker side (lib/platforms/<id>/worker.ts): its JSON readers and the page's answer.
 * It runs in the background service worker, which loads it once through the registry's `worker()`,
 * and in the CLI; it never ships into a host page. Pure; never throws.
 */
export interface PlatformWorker {
  /**
   * What one JSON body says (an API response the page fetched, or a saved embedded payload),
   * recognised by shape, as readings to merge; `url` is where the body came from (the page URL
   * when unknown). An unknown shape gives [].
   */
  readBody(json: unknown, url: URL, now: number): Reading[];
  /** The readings in a document's material (`collectDocument`): parses its texts. */
  readMaterial(material: PageMaterial, url: URL, now: number): Reading[];
  /**
   * The comments a JSON body (a tapped response, or an embedded payload of the material's texts)
   * shows, one list per post: texts and likes only, never who wrote them. An unknown shape gives [].
   */
  readComments(json: unknown, url: URL): CommentList[];
  /**
   * The comments a document's material shows (its embedded JSON, `material.comments` read from
   * the markup), where the platform's documents carry any; absent: none do.
   */
  readMaterialComments?(material: PageMaterial, url: URL): CommentList[];
  /**
   * The page's answer from readings gathered anywhere (a document plus tapped bodies, several
   * saved files in the CLI): a merged snapshot for the page's creator, or the problem.
   */
  settle(readings: readonly Reading[], input: SettleInput): ExtractResult;
}

/**
 * A platform's page side (lib/platforms/<id>/content.ts): what its content script runs on the host
 * page, imported by entrypoints/<id>.content.ts alone and never through the registry. It holds no
 * JSON reader, so none ships into (or runs on) the host page.
 */
export interface PlatformContent<Id extends string = Platform> extends PlatformUrlRules<Id> {
  /**
   * A document's material, gathered with DOM reads and string copies only (no JSON parsing).
   * `scope: 'texts'` gathers the embedded JSON texts alone, without the DOM readers: when those
   * texts already name the page's creator, the DOM is not read at all. Never throws.
   */
  collectDocument(doc: Document, url: URL, now: number, scope?: CollectScope): PageMaterial;
  /** The API responses the content script accepts from the tap (the platform's tap.ts). */
  tap: PlatformTap;
  /** How its feeds, search results and grids link to creators (its chips' anchors). */
  feed?: FeedSide;
}

/**
 * A platform's feeds on the host page: which links are creators' and, where the page shows counts
 * only in its markup (LinkedIn's feed cards), the readings an item's DOM gives. Runs on the host
 * page: DOM reads and string work only, linear in the item, never throws.
 */
export interface FeedSide {
  /**
   * A CSS selector matching every link that may point to a creator's profile (a superset is fine:
   * `creatorOf` decides). The chip layer runs it on added nodes only, never on the whole page.
   */
  links: string;
  /**
   * The creator a link points to (normalised handle), or null for anything that is not a
   * creator's profile (hashtags, sounds, places, the platform's own pages). `page` is the URL the
   * link's href resolves against.
   */
  creatorOf(link: HTMLAnchorElement, page: URL): string | null;
  /**
   * The element that holds one feed item around a link (a video card, a post, a user card): a
   * creator gets one chip per item. Null when the link is in none (then the link alone counts).
   */
  itemOf(link: HTMLAnchorElement): Element | null;
  /**
   * Readings an item's markup gives about the accounts in it (counts written only in the DOM), or
   * none. Only platforms whose feeds carry counts in markup alone have it.
   */
  readItem?(item: Element, page: URL, now: number): Reading[];
}

/** One file of the demo pages `npm start` and the E2E suite serve at the platform's real hosts. */
export interface DemoRoute {
  host: string;
  path: string;
  /** Under tests/fixtures/pages/. */
  file: string;
  /** Query parameters the request must carry (API routes answer per creator). */
  query?: Record<string, string>;
  /** A creator page the card should show, with the handle it must show. */
  creator?: { platform: Platform; handle: string; name: string };
}

/**
 * One platform as the registry (lib/platforms/index.ts) lists it. It is light: plain data and pure
 * functions, importable anywhere (the model, the metrics, extension pages, wxt.config.ts at build
 * time) without loading a reader. Where each part runs:
 * - `id`, the URL rules, `facts`, `tap` and `demo` run wherever they are asked;
 * - `worker()` loads the worker side (worker.ts), in the background service worker and the CLI;
 * - the page side (content.ts) is not here: only the platform's content script imports it.
 * The MAIN-world tap imports no platform; wxt.config.ts writes every `tap` into its bundle.
 */
export interface PlatformDefinition<
  Id extends string = Platform,
  Facts extends PlatformFacts = PlatformFacts,
> extends PlatformUrlRules<Id> {
  /** Its name, words, engagement strategy, benchmarks and rate-card rows (its facts.ts). */
  facts: Facts;
  /** The API responses the tap may copy on its domains (its tap.ts). */
  tap: PlatformTap;
  /** The routes of its demo pages (its demo.ts). */
  demo: readonly DemoRoute[];
  /** Loads its worker side (worker.ts): `() => import('./worker')`. */
  worker(): Promise<PlatformWorker>;
}
