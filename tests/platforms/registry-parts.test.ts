import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchPage, PLATFORMS, platformForUrl } from '@/lib/platforms';
import type { PlatformContent, PlatformDefinition } from '@/lib/platforms/types';

// What adding a platform takes (README, "Adding a platform"): every registered platform brings
// each of its parts, and a failure says what to add and where.

const ROOT = join(import.meta.dirname, '..', '..');
const at = (...parts: string[]) => join(ROOT, ...parts);
const each = PLATFORMS.map((p) => [p.id, p] as const);

/** The files of a platform's folder the registry, its content script and the worker load. */
const PARTS: Record<string, string> = {
  'index.ts': 'its registry definition (id, URL rules, facts, tap, demo, worker)',
  'url.ts': 'its URL rules and page kinds',
  'facts.ts': 'its names, words, benchmark bands and rate-card rows',
  'tap.ts': 'its domains and the API responses the tap may copy',
  'demo.ts': "its demo pages' routes",
  'content.ts': 'what its content script runs on the page (`export const content`)',
  'worker.ts': 'what the background runs (`readBody`, `readMaterial`, `settle`)',
};

/** The project files a module imports at run time (type-only imports left out), transitively. */
function runtimeImports(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(
      /^(?:import|export)\s+(type\s+)?(?:[^;']*?from\s+)?'([^']+)'/gm,
    )) {
      if (m[1] || !m[2]?.startsWith('.')) continue;
      const target = resolve(dirname(file), m[2]);
      visit(existsSync(`${target}.ts`) ? `${target}.ts` : join(target, 'index.ts'));
    }
  };
  visit(entry);
  return [...seen].map((f) => relative(ROOT, f));
}

/** The page side of a platform, as its content script imports it. */
async function contentOf(id: string): Promise<PlatformContent | undefined> {
  const file = at('lib', 'platforms', id, 'content.ts');
  if (!existsSync(file)) return undefined;
  return ((await import(file)) as { content?: PlatformContent }).content;
}

/** Every https URL a text names. */
const urlsIn = (text: string) =>
  [...text.matchAll(/https:\/\/[A-Za-z0-9.-]+(?::\d+)?(?:\/[^\s"'<>\\)`]*)?/g)].flatMap((m) => {
    try {
      return [new URL(m[0])];
    } catch {
      return [];
    }
  });

/**
 * How the registry reads a URL: the platform owning its host, then that platform's page kinds.
 * Another platform claims a URL when it owns the host too, or when the registry gives it the URL.
 */
const claimants = (self: PlatformDefinition, url: URL) =>
  PLATFORMS.filter(
    (p) => p !== self && (p.ownsHost(url.hostname) || matchPage(url)?.platform === p.id),
  ).map((p) => p.id);

/** The files of a folder, recursively ([] when it is absent). */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

describe('every registered platform has its parts', () => {
  it.each(each.flatMap(([id]) => Object.keys(PARTS).map((file) => [id, file] as const)))(
    '%s has its %s',
    (id, file) => {
      expect(
        existsSync(at('lib', 'platforms', id, file)),
        `add lib/platforms/${id}/${file}: ${PARTS[file]}`,
      ).toBe(true);
    },
  );

  it.each(each)('%s keeps its registry definition light (no reader, no DOM)', (id) => {
    // lib/tap/allow-list.ts: the tap rules' types and size caps (no imports; the tap ships it).
    const allowed =
      /^lib\/(platforms\/([^/]+\.ts|[^/]+\/(index|url|facts|tap|demo)\.ts)|tap\/allow-list\.ts)$/;
    for (const file of runtimeImports(at('lib', 'platforms', id, 'index.ts'))) {
      expect(
        file,
        `lib/platforms/${id}/index.ts reaches ${file} at run time: the registry is imported by ` +
          'the model, the metrics, extension pages and wxt.config.ts, so it holds data and URL ' +
          "rules only; readers belong in worker.ts (loaded with `worker: () => import('./worker')`)",
      ).toMatch(allowed);
    }
  });

  it.each(each)('%s has a worker side with readBody, readMaterial and settle', async (id, p) => {
    const worker = await p.worker();
    for (const name of ['readBody', 'readMaterial', 'settle'] as const) {
      expect(
        typeof worker[name],
        `export function ${name} from lib/platforms/${id}/worker.ts`,
      ).toBe('function');
    }
  });

  it.each(each)("%s has a page side with the registry's URL rules and tap rules", async (id, p) => {
    const content = await contentOf(id);
    const where = `lib/platforms/${id}/content.ts`;
    expect(content, `export const content: PlatformContent<'${id}'> from ${where}`).toBeDefined();
    expect(content?.id, `${where}: spread ${id}Urls into content`).toBe(id);
    expect(content?.matches, `${where}: spread ${id}Urls into content`).toEqual(p.matches);
    expect(typeof content?.collectDocument, `${where}: set collectDocument`).toBe('function');
    expect(content?.tap, `${where}: set \`tap: ${id}Tap\` (from ./tap)`).toBe(p.tap);
  });

  it.each(each)('%s has a content script that runs its page side', (id) => {
    const file = at('entrypoints', `${id}.content.ts`);
    const add =
      `add entrypoints/${id}.content.ts: import { content } from '@/lib/platforms/${id}/content' ` +
      'and export defineContentScript({ matches: [...content.matches], ..., main: (ctx) => ' +
      'startContentScript(ctx, content) }) (copy another platform’s)';
    expect(existsSync(file), add).toBe(true);
    const source = existsSync(file) ? readFileSync(file, 'utf8') : '';
    expect(source, add).toContain(`from '@/lib/platforms/${id}/content'`);
    expect(source, add).toContain('content.matches');
  });

  it.each(each)('%s has tap rules for its own domains', (id, p) => {
    const where = `in lib/platforms/${id}/tap.ts`;
    expect(p.tap.domains.length, `add the platform's domains ${where}`).toBeGreaterThan(0);
    expect(p.tap.rules.length, `add the API responses the tap may copy ${where}`).toBeGreaterThan(
      0,
    );
    for (const domain of p.tap.domains) {
      expect(
        p.ownsHost(domain),
        `${domain} ${where} is not a host lib/platforms/${id}/url.ts owns`,
      ).toBe(true);
      expect(
        p.matches,
        `add https://*.${domain}/* to the matches of lib/platforms/${id}/url.ts`,
      ).toContain(`https://*.${domain}/*`);
    }
  });

  it.each(each)('%s has URL tests beside its tap rules', (id) => {
    const file = at('tests', 'platforms', id, 'tap.test.ts');
    expect(
      existsSync(file),
      `add tests/platforms/${id}/tap.test.ts: URLs the tap copies and URLs it leaves alone`,
    ).toBe(true);
    const source = existsSync(file) ? readFileSync(file, 'utf8') : '';
    expect(source, `tests/platforms/${id}/tap.test.ts: test what it copies`).toMatch(/copies/);
    expect(source, `tests/platforms/${id}/tap.test.ts: test what it leaves`).toMatch(/leaves/);
  });

  it.each(each)('%s has its own fixtures', (id) => {
    expect(
      filesUnder(at('tests', 'fixtures', id)).length,
      `add invented pages and bodies in the platform's shapes to tests/fixtures/${id}/ (never ` +
        'real captures: those stay in ../shared/fixtures)',
    ).toBeGreaterThan(0);
  });

  it.each(each)('%s has demo pages whose files exist', (id, p) => {
    const where = `lib/platforms/${id}/demo.ts`;
    expect(p.demo.length, `list the demo pages' routes in ${where}`).toBeGreaterThan(0);
    expect(
      p.demo.some((r) => r.creator?.platform === id),
      `add a creator page (with \`creator: { platform: '${id}', ... }\`) to ${where}`,
    ).toBe(true);
    for (const route of p.demo) {
      expect(
        route.file.startsWith(`${id}/`),
        `${where}: keep ${route.file} under tests/fixtures/pages/${id}/`,
      ).toBe(true);
      expect(
        existsSync(at('tests', 'fixtures', 'pages', route.file)),
        `add tests/fixtures/pages/${route.file} (${where} serves it at ${route.host}${route.path})`,
      ).toBe(true);
    }
  });
});

describe("no platform claims another's URLs", () => {
  it.each(each)("%s's demo routes are its own", (id, p) => {
    for (const route of p.demo) {
      const url = new URL(`https://${route.host}${route.path}`);
      const where = `${url.href} (lib/platforms/${id}/demo.ts)`;
      expect(p.ownsHost(url.hostname), `${where}: a host ${id} does not own`).toBe(true);
      expect(claimants(p, url), `${where} is claimed by another platform's url.ts`).toEqual([]);
      expect(platformForUrl(url)?.id, `${where}: the registry must give it to ${id}`).toBe(id);
      if (route.creator) {
        expect(
          p.match(url)?.handle,
          `${where}: lib/platforms/${id}/url.ts must read it as ${route.creator.handle}'s page`,
        ).toBe(route.creator.handle);
      }
    }
  });

  it.each(each)("the URLs of %s's own fixtures on its hosts are its alone", (id, p) => {
    const files = [
      ...filesUnder(at('tests', 'fixtures', id)),
      ...filesUnder(at('tests', 'fixtures', 'pages', id)),
    ];
    const own = files.flatMap((f) =>
      urlsIn(readFileSync(f, 'utf8'))
        .filter((url) => p.ownsHost(url.hostname))
        .map((url) => [relative(ROOT, f), url] as const),
    );
    expect(own.length, `no URL on a ${id} host in tests/fixtures/${id}/`).toBeGreaterThan(0);
    for (const [file, url] of own) {
      expect(
        claimants(p, url),
        `${url.href} in ${file} is claimed by another platform's url.ts: narrow its ownsHost/match`,
      ).toEqual([]);
    }
  });
});
