import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import type { Reading } from '../../../lib/extract/reading';
import { parseJsonDocuments } from '../../../lib/parsing/json-documents';
import { content } from '../../../lib/platforms/instagram/content';
import { instagram as definition } from '../../../lib/platforms/instagram';
import * as worker from '../../../lib/platforms/instagram/worker';
import type { ExtractResult } from '../../../lib/platforms/types';
import { offline } from '../offline';

/** Instagram's parts as one reader of saved pages (tests/platforms/offline.ts). */
export const instagram = offline(definition, content, worker);

const ROOT = resolve(import.meta.dirname, '../../..');

/** The real captures (PROVENANCE.md), beside the project; SCOUT_FIXTURES overrides the folder. */
export const SHARED_INSTAGRAM = join(
  process.env.SCOUT_FIXTURES ?? resolve(ROOT, '../shared/fixtures'),
  'instagram',
);
export const SHARED_PRESENT = existsSync(SHARED_INSTAGRAM);

/** Scout's own invented Instagram pages and bodies. */
export const OWN_INSTAGRAM = join(ROOT, 'tests/fixtures/instagram');

/** A fixed clock for tests: 2026-01-01. */
export const NOW = Date.UTC(2026, 0, 1);

export const IG = 'https://www.instagram.com';

/** The pages and bodies of a folder: .html, .json and .txt (several JSON documents) files. */
export function fixtureFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.(json|html|txt)$/.test(f))
    .sort();
}

export function readText(dir: string, file: string): string {
  return readFileSync(join(dir, file), 'utf8');
}

export function parseDoc(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/**
 * What one file says: an HTML page through readDocument, else its JSON documents (one, or several
 * back to back, as the tap hands them over) each through readBody, from `bodyUrl` when given (the
 * API URL it came from) or the page URL.
 */
export function readingsOf(text: string, url: URL, bodyUrl?: URL): Reading[] {
  const start = text.trimStart()[0];
  if (start === '{' || start === '[') {
    return parseJsonDocuments(text).flatMap((doc) => instagram.readBody!(doc, bodyUrl ?? url, NOW));
  }
  return instagram.readDocument!(parseDoc(text), url, NOW);
}

/** The page's answer for files read together, at `href`. */
export function extractTexts(texts: readonly string[], href: string, at?: number): ExtractResult {
  const url = new URL(href);
  const readings = texts.flatMap((text) => readingsOf(text, url));
  return instagram.settle!(readings, at === undefined ? { url, now: NOW } : { url, now: NOW, at });
}
