import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import type { Reading } from '../../../lib/extract/reading';
import { parseJson } from '../../../lib/parsing/json-islands';
import { content } from '../../../lib/platforms/linkedin/content';
import { linkedin as definition } from '../../../lib/platforms/linkedin';
import * as worker from '../../../lib/platforms/linkedin/worker';
import type { ExtractResult } from '../../../lib/platforms/types';
import { offline } from '../offline';

/** LinkedIn's parts as one reader of saved pages (tests/platforms/offline.ts). */
export const linkedin = offline(definition, content, worker);

const ROOT = resolve(import.meta.dirname, '../../..');

/** The real captures (PROVENANCE.md), beside the project; SCOUT_FIXTURES overrides the folder. */
export const SHARED_LINKEDIN = join(
  process.env.SCOUT_FIXTURES ?? resolve(ROOT, '../shared/fixtures'),
  'linkedin',
);
export const SHARED_PRESENT = existsSync(SHARED_LINKEDIN);

/** Scout's own invented LinkedIn pages and bodies. */
export const OWN_LINKEDIN = join(ROOT, 'tests/fixtures/linkedin');

/** The capture clock of the own fixtures: 2025-06-14T12:00:00Z (their relative times count from it). */
export const OWN_NOW = Date.UTC(2025, 5, 14, 12);

/** A fixed clock for the real captures: 2026-01-01. */
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

/**
 * What one file says, read as the CLI reads it (by shape, JSON or HTML). `url` is the page's; a
 * JSON body is read with `bodyUrl`, the request it answered, when given.
 */
export function readingsOf(text: string, url: URL, now = NOW, bodyUrl?: URL): Reading[] {
  const trimmed = text.trimStart();
  const json =
    trimmed.startsWith('{') || trimmed.startsWith('[') ? parseJson(text, Infinity) : undefined;
  if (json !== undefined) return linkedin.readBody!(json, bodyUrl ?? url, now);
  return linkedin.readDocument!(parseDoc(text), url, now);
}

/** The page's answer for files read together at `href` (bodies by their request URL when given). */
export function extractTexts(
  texts: readonly (string | { text: string; request: string })[],
  href: string,
  options: { now?: number; at?: number } = {},
): ExtractResult {
  const url = new URL(href);
  const now = options.now ?? NOW;
  const readings = texts.flatMap((t) =>
    typeof t === 'string'
      ? readingsOf(t, url, now)
      : readingsOf(t.text, url, now, new URL(t.request)),
  );
  return linkedin.settle!(
    readings,
    options.at === undefined ? { url, now } : { url, now, at: options.at },
  );
}
