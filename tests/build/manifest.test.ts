import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { HOST_MATCHES } from '@/lib/platforms/hosts';

// SCOUT_EXTENSION_DIR checks another Chrome build (as the E2E suite does), its Firefox build beside it.
const DIST =
  process.env.SCOUT_EXTENSION_DIR ?? resolve(import.meta.dirname, '../../.output/chrome-mv3');
const FIREFOX = resolve(DIST, '../firefox-mv3');

interface Manifest {
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches: string[]; js?: string[]; world?: string }[];
  web_accessible_resources?: {
    resources: string[];
    matches: string[];
    use_dynamic_url?: boolean;
  }[];
  minimum_chrome_version?: string;
  content_security_policy?: unknown;
  externally_connectable?: unknown;
  commands?: Record<string, { suggested_key?: { default?: string } }>;
  browser_specific_settings?: { gecko?: { id?: string; strict_min_version?: string } };
}

const read = (dir: string): Manifest =>
  JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
const chrome = read(DIST);
const KB = 1024;
const gzipKb = (file: string) => gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length / KB;

describe('the Chrome build asks for least privilege', () => {
  it('has host access only to TikTok, Instagram and LinkedIn', () => {
    const patterns = [
      ...(chrome.host_permissions ?? []),
      ...(chrome.optional_host_permissions ?? []),
      ...(chrome.content_scripts ?? []).flatMap((c) => c.matches),
      ...(chrome.web_accessible_resources ?? []).flatMap((w) => w.matches),
    ];
    expect(patterns.length).toBeGreaterThan(0);
    for (const pattern of patterns) expect(HOST_MATCHES).toContain(pattern);
  });

  it('asks for storage and nothing else', () => {
    expect(chrome.permissions ?? []).toEqual(['storage']);
    expect(chrome.optional_permissions ?? []).toEqual([]);
  });

  it('declares the keyboard shortcut that toggles the card', () => {
    expect(chrome.commands?.['toggle-card']?.suggested_key?.default).toBe('Alt+Shift+S');
  });

  it('lets no web page message it', () => {
    expect(chrome.externally_connectable).toBeUndefined();
  });

  it('sets a minimum Chrome version with working dynamic URLs (131+)', () => {
    expect(Number(chrome.minimum_chrome_version)).toBeGreaterThanOrEqual(131);
  });

  it('exposes only the sidebar to host pages, under a per-session URL', () => {
    const exposed = chrome.web_accessible_resources ?? [];
    expect(exposed.flatMap((w) => w.resources)).toEqual(['sidebar.html']);
    for (const entry of exposed) expect(entry.use_dynamic_url).toBe(true);
  });
});

describe('what loads into a host page stays small', () => {
  const scripts = chrome.content_scripts ?? [];

  it.each(scripts.flatMap((c) => c.js ?? []))('%s is at most 20 KB gzip', (file) => {
    expect(gzipKb(file)).toBeLessThanOrEqual(20);
  });

  it.each(HOST_MATCHES)('everything injected into %s is at most 30 KB gzip', (host) => {
    const files = scripts.filter((c) => c.matches.includes(host)).flatMap((c) => c.js ?? []);
    expect(files.length).toBeGreaterThan(0);
    const total = files.reduce((sum, file) => sum + gzipKb(file), 0);
    expect(total).toBeLessThanOrEqual(30);
  });

  it('puts no React into host pages', () => {
    for (const file of scripts.flatMap((c) => c.js ?? [])) {
      const code = readFileSync(join(DIST, file), 'utf8');
      expect(code).not.toMatch(/react\.(production|development)|__SECRET_INTERNALS|createRoot/);
    }
  });
});

describe('what a host page could find of Scout in the content scripts', () => {
  const scripts = (chrome.content_scripts ?? []).flatMap((c) => c.js ?? []);

  it.each(scripts)('%s names no event or element after Scout', (file) => {
    const code = readFileSync(join(DIST, file), 'utf8');
    expect(code).not.toMatch(/["'`]scout[:-]/i);
  });

  it('ends the tap with a source name that any evaluated code has, not the extension URL', () => {
    const tap = readFileSync(join(DIST, 'content-scripts/tap.js'), 'utf8');
    expect(tap.trimEnd().split('\n').at(-1)).toBe('//# sourceURL=<anonymous>');
  });
});

describe('the Firefox MV3 build', () => {
  const firefox = read(FIREFOX);

  it('has a gecko id and a minimum version with MAIN-world content scripts (128+)', () => {
    expect(firefox.browser_specific_settings?.gecko?.id).toMatch(/@/);
    expect(
      parseFloat(firefox.browser_specific_settings?.gecko?.strict_min_version ?? '0'),
    ).toBeGreaterThanOrEqual(128);
  });

  it('asks for the same permissions as the Chrome build', () => {
    expect(firefox.permissions).toEqual(chrome.permissions);
  });
});
