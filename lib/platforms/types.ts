import type { NamedBy } from '../extract/authorship';
import type { Reading } from '../extract/reading';
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
export interface PlatformUrlRules {
  id: Platform;
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
}

/** What `collectDocument` gathers: everything, or the embedded JSON texts alone. */
export type CollectScope = 'all' | 'texts';

/** One platform: URL rules, its facts, and the reader that turns a page into a snapshot. */
export interface PlatformDefinition extends PlatformUrlRules {
  name: string;
  /** Its name, words, engagement strategy, benchmarks and rate-card rows (its facts.ts). */
  facts: PlatformFacts;
  /** The API responses the tap may copy on its domains (its tap.ts). */
  tap: PlatformTap;
  extract(input: ExtractInput): ExtractResult;
  /**
   * Optional: what one JSON body says (an API response the page fetched, or a saved embedded
   * payload), recognised by shape, as readings to merge; `url` is where the body came from (the
   * page URL when unknown). Never throws; an unknown shape gives []. Platforms without it read
   * documents only.
   */
  readBody?(json: unknown, url: URL, now: number): Reading[];
  /**
   * Optional: what one document says, as readings (embedded JSON, meta tags, DOM). Never throws.
   * For platforms with `collectDocument`, it is `readMaterial(collectDocument(doc))`.
   */
  readDocument?(doc: Document, url: URL, now: number): Reading[];
  /**
   * Optional: a document's material, gathered on the page with DOM reads and string copies only
   * (no JSON parsing). `scope: 'texts'` gathers the embedded JSON texts alone, without the DOM
   * readers: when those texts already name the page's creator, the DOM is not read at all.
   * Never throws.
   */
  collectDocument?(doc: Document, url: URL, now: number, scope?: CollectScope): PageMaterial;
  /** Optional: the readings in a document's material (parses its texts). Never throws. */
  readMaterial?(material: PageMaterial, url: URL, now: number): Reading[];
  /**
   * Optional: the page's answer from readings gathered anywhere (several saved files in the CLI,
   * a document plus tapped bodies): a merged snapshot for the page's creator, or the problem.
   * `extract` is `settle` over `readDocument` and `readBody` for platforms that have all three.
   */
  settle?(readings: readonly Reading[], input: ExtractInput): ExtractResult;
}

/**
 * What a content script needs of a platform: URL rules and the document collector. The JSON
 * readers stay out of it, so they never ship into (or run on) the host page.
 */
export type PagePlatform = PlatformUrlRules & {
  collectDocument: NonNullable<PlatformDefinition['collectDocument']>;
  tap: PlatformTap;
};
