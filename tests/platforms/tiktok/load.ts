import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import type { Reading } from '../../../lib/extract/reading';
import { parseJson } from '../../../lib/parsing/json-islands';
import { content } from '../../../lib/platforms/tiktok/content';
import { tiktok as definition } from '../../../lib/platforms/tiktok';
import * as worker from '../../../lib/platforms/tiktok/worker';
import type { ExtractResult } from '../../../lib/platforms/types';
import { offline } from '../offline';

/** TikTok's parts as one reader of saved pages (tests/platforms/offline.ts). */
export const tiktok = offline(definition, content, worker);

const ROOT = resolve(import.meta.dirname, '../../..');

/** The real captures (PROVENANCE.md), beside the project; SCOUT_FIXTURES overrides the folder. */
export const SHARED_TIKTOK = join(
  process.env.SCOUT_FIXTURES ?? resolve(ROOT, '../shared/fixtures'),
  'tiktok',
);
export const SHARED_PRESENT = existsSync(SHARED_TIKTOK);

/** Scout's own invented TikTok pages and bodies. */
export const OWN_TIKTOK = join(ROOT, 'tests/fixtures/tiktok');

/** A fixed clock for tests: 2026-01-01. */
export const NOW = Date.UTC(2026, 0, 1);

/** The .json and .html files of a folder ([] when it is absent). */
export function fixtureFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') || f.endsWith('.html'))
    .sort();
}

export function readText(dir: string, file: string): string {
  return readFileSync(join(dir, file), 'utf8');
}

export function parseDoc(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/** What one file says, read as the CLI reads it: by shape, JSON or HTML. */
export function readingsOf(text: string, url: URL): Reading[] {
  const json = text.trimStart().startsWith('{') ? parseJson(text, Infinity) : undefined;
  if (json !== undefined) return tiktok.readBody!(json, url, NOW);
  return tiktok.readDocument!(parseDoc(text), url, NOW);
}

/** The page's answer for files read together, at `url`. */
export function extractTexts(texts: readonly string[], href: string, at?: number): ExtractResult {
  const url = new URL(href);
  const readings = texts.flatMap((text) => readingsOf(text, url));
  return tiktok.settle!(readings, at === undefined ? { url, now: NOW } : { url, now: NOW, at });
}

/** The profile URL of the account a file is mostly about (its first reading with counts). */
export function guessProfileUrl(text: string): string {
  const readings = readingsOf(text, new URL('https://www.tiktok.com/'));
  const handle =
    readings.find((r) => r.handle && Object.keys(r.counts).length)?.handle ??
    readings.find((r) => r.handle)?.handle ??
    'nobody';
  return `https://www.tiktok.com/@${handle}`;
}
