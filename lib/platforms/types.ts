import type { Platform, ProfileSnapshot } from '../model/snapshot';

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
  | { ok: true; snapshot: ProfileSnapshot; missing: string[] }
  | { ok: false; problem: PageProblem; reason: string };

export interface ExtractInput {
  /** The page's document, already parsed; absent when only payloads are available. */
  doc?: Document;
  url: URL;
  /** The capture clock (epoch ms), supplied by the caller: parsers never read the time. */
  now: number;
}

/** One platform: URL rules plus the reader that turns a page into a snapshot. */
export interface PlatformDefinition extends PlatformUrlRules {
  name: string;
  extract(input: ExtractInput): ExtractResult;
}
