// `npm run bench`: medians of Scout's performance measures against their budgets, as a table;
// `npm run --silent bench -- --json` prints `{ "<measure-id>": { median, unit, budget, runs } }`.
// `--runs <n>` changes the number of samples per measure (default 11). Real captures are read from
// ../shared/fixtures (or SCOUT_FIXTURES) when present, Scout's own fixtures always. The browser
// measures (scripts/bench-browser.ts: host-page script cost over min(runs, 15) pairs of loads, card
// latency over min(runs, 7) loads, in-feed chips on the demo For You feed: their latency over
// min(runs, 7) loads, their script cost over min(runs, 5) pairs of appends) run in real Chromium
// after the others; `--no-browser` skips them, and so does a missing build or Chromium (one line
// on stderr says why). `--only <prefix>` runs only the measures whose id starts with it (e.g.
// `--only dom-50k`: the DOM readers on a 50,000-element page per platform), browser measures
// included only if one matches (`--only feed-chips.`: the chips' measures alone).
// stdout carries only the table, or only the JSON.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseHTML } from 'linkedom';
import { formatTable, runMeasures, type Measure } from '../lib/bench/measure';
import { browserMeasures, browserSkipReason } from './bench-browser';
import { domMeasures, type DomBenchPage } from '../lib/bench/dom';
import { sizeMeasures, vetMeasures } from '../lib/bench/product';
import { demoBodies, namedRequest, sightingsMeasures, type FeedBody } from '../lib/bench/sightings';
import { benchFeedPages } from '../lib/bench/feed';
import { benchCommentBody, commentMeasures } from '../lib/bench/comments';
import { tiktokMeasures, type BenchFile } from '../lib/bench/tiktok';
import { loadWorkers, PLATFORMS } from '../lib/platforms';
import { extractFiles } from '../lib/cli/extract';
import { content as instagram } from '../lib/platforms/instagram/content';
import { content as linkedin } from '../lib/platforms/linkedin/content';
import { content as tiktok } from '../lib/platforms/tiktok/content';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(import.meta.dirname, '..');
const SHARED = process.env.SCOUT_FIXTURES ?? resolve(ROOT, '../shared/fixtures');

/** The path of TikTok's comment pages, whose demo body is the template of the 100-comment one. */
const TIKTOK_COMMENTS = '/api/comment/list/';

function files(dir: string, ext: string): BenchFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((f) => ({ name: basename(f, ext), text: readFileSync(join(dir, f), 'utf8') }));
}

/** Snapshots of the demo creators, read the way `scout extract` reads saved pages. */
/**
 * A For You page of 30 items in the shape of the real 2025 item capture (each item ~31 KB, as the
 * app sends them: video, music, author, stats), with an invented author per item: the body size the
 * sightings ratio meets in use. Own fixtures keep only the fields Scout reads, so their bare parse
 * is a fraction of a real page's. Absent without the shared captures.
 */
function realShapeFeeds(platform: string): FeedBody[] {
  const capture = join(
    SHARED,
    'tiktok',
    'tiktok-api-post-item_list-rapidapi45-zg.520-2025-10.json',
  );
  if (platform !== 'tiktok' || !existsSync(capture)) return [];
  const [text] = benchFeedPages(JSON.parse(readFileSync(capture, 'utf8')) as unknown, 1, 30);
  return [
    {
      name: 'for-you-30-real-item-shape',
      text: text as string,
      url: new URL('https://www.tiktok.com/api/recommend/item_list/'),
      from: 'real item shape',
    },
  ];
}

async function demoSnapshots() {
  const pages = join(ROOT, 'tests/fixtures/pages/tiktok');
  const read = (name: string) => ({ path: name, text: readFileSync(join(pages, name), 'utf8') });
  const result = await extractFiles(
    [read('profile-mara-bakes.html'), read('api-item-list-mara-bakes.json')],
    { url: 'https://www.tiktok.com/@mara.bakes' },
    Date.now(),
  );
  return result.ok ? [{ name: 'demo-tiktok-mara-bakes', snapshot: result.snapshot }] : [];
}

/** The ids of the browser measures (scripts/bench-browser.ts) start with these. */
const BROWSER_PREFIXES = ['host-page.', 'card.', 'feed-chips.'];

const parseDocument = (text: string) => parseHTML(text).document as unknown as Document;

/** Each platform's demo creator page, and the reader scope its 50,000-element copy nests. */
function domPages(): DomBenchPage[] {
  const page = (file: string) =>
    parseDocument(readFileSync(join(ROOT, 'tests/fixtures/pages', file), 'utf8'));
  return [
    {
      name: 'tiktok',
      platform: tiktok,
      doc: page('tiktok/profile-mara-bakes.html'),
      url: 'https://www.tiktok.com/@mara.bakes',
      scope: '[data-e2e="user-post-item"]',
    },
    {
      name: 'instagram',
      platform: instagram,
      doc: page('instagram/profile-lena-trails.html'),
      url: 'https://www.instagram.com/lena.trails/',
      scope: 'header',
    },
    {
      name: 'linkedin',
      platform: linkedin,
      doc: page('linkedin/profile-jonas-weber.html'),
      url: 'https://www.linkedin.com/in/jonas-weber-b2b/',
      scope: '[data-urn]',
    },
  ];
}

/** Gzip sizes of the built content scripts per host (after `npm run build`; none before). */
function contentScriptSizes() {
  const dist = join(ROOT, '.output/chrome-mv3');
  if (!existsSync(join(dist, 'manifest.json'))) {
    process.stderr.write('bench: no build in .output/chrome-mv3; content-script sizes skipped\n');
    return [];
  }
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as {
    content_scripts?: { matches: string[]; js?: string[] }[];
  };
  const scripts = manifest.content_scripts ?? [];
  const hosts = [...new Set(scripts.flatMap((c) => c.matches))];
  return hosts.map((host) => ({
    host,
    files: scripts
      .filter((c) => c.matches.includes(host))
      .flatMap((c) => c.js ?? [])
      .map((file) => ({
        name: basename(file, '.js'),
        gzipKb:
          Math.round((gzipSync(readFileSync(join(dist, file)), { level: 9 }).length / 1024) * 100) /
          100,
      })),
  }));
}

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const runsAt = argv.indexOf('--runs');
  const runs = runsAt === -1 ? 11 : Number(argv[runsAt + 1]);
  if (!Number.isInteger(runs) || runs < 1) {
    process.stderr.write('bench: --runs needs a positive integer\n');
    return 2;
  }
  const onlyAt = argv.indexOf('--only');
  const only = onlyAt === -1 ? undefined : argv[onlyAt + 1];
  if (onlyAt !== -1 && !only) {
    process.stderr.write('bench: --only needs a measure id prefix\n');
    return 2;
  }
  const wanted = (id: string) => only === undefined || id.startsWith(only);
  const clock = () => performance.now();
  const dirs = [join(SHARED, 'tiktok'), join(ROOT, 'tests/fixtures/tiktok')];
  const measures: Measure[] = [];
  // Each group is built only when one of its ids can be wanted: building is not free.
  const group = async (prefix: string, build: () => Measure[] | Promise<Measure[]>) => {
    if (only === undefined || prefix.startsWith(only) || only.startsWith(prefix)) {
      measures.push(...(await build()).filter((m) => wanted(m.id)));
    }
  };
  await group('tiktok.', () =>
    tiktokMeasures(
      dirs.flatMap((d) => files(d, '.json')),
      dirs.flatMap((d) => files(d, '.html')),
      parseDocument,
      clock,
    ),
  );
  await group('sightings.', async () => {
    const workers = await loadWorkers();
    const pages = join(ROOT, 'tests/fixtures/pages');
    return PLATFORMS.flatMap((p) => {
      const worker = workers.get(p.id);
      if (!worker) return [];
      // Each body from the request it answered: a demo route's URL, else its file name's endpoint.
      const demo = demoBodies(p).map(({ file, request }) => ({
        name: basename(file, '.json'),
        text: readFileSync(join(pages, file), 'utf8'),
        ...request,
      }));
      const saved = [join(SHARED, p.id), join(ROOT, 'tests/fixtures', p.id)]
        .flatMap((d) => [...files(d, '.json'), ...files(d, '.txt')])
        .flatMap((file) => {
          const request = namedRequest(p, file.name);
          return request ? [{ ...file, ...request }] : [];
        });
      return sightingsMeasures(p, worker, [...demo, ...saved, ...realShapeFeeds(p.id)], clock);
    });
  });
  await group('comments.', async () => {
    const workers = await loadWorkers();
    const pages = join(ROOT, 'tests/fixtures/pages');
    return PLATFORMS.flatMap((p) => {
      const worker = workers.get(p.id);
      if (!worker) return [];
      const demo = demoBodies(p).map(({ file, request }) => ({
        name: basename(file, '.json'),
        text: readFileSync(join(pages, file), 'utf8'),
        url: request.url,
      }));
      // The budget's own case: a page of 100 comments, in the demo body's shape.
      const template = demo.find((b) => b.url.pathname === TIKTOK_COMMENTS);
      const hundred = template
        ? [
            {
              ...template,
              name: '100-comments',
              text: benchCommentBody(JSON.parse(template.text), 100),
            },
          ]
        : [];
      // Own fixtures: read as from the platform's site (their readers need no more of the URL).
      const site = new URL(`https://${p.demo[0]?.host ?? 'localhost'}/`);
      const own = files(join(ROOT, 'tests/fixtures', p.id), '.json').map((file) => ({
        name: file.name,
        text: file.text,
        url: site,
      }));
      return commentMeasures(p.id, worker, [...hundred, ...demo, ...own], clock);
    });
  });
  await group('vet.', async () => vetMeasures(await demoSnapshots(), clock));
  await group('dom-50k.', () => domMeasures(domPages(), clock));
  await group('content-script', () => sizeMeasures(contentScriptSizes()));
  if (!existsSync(SHARED)) {
    process.stderr.write(`bench: ${SHARED} is absent; measuring Scout's own fixtures only\n`);
  }
  const results = runMeasures(measures, runs);
  const labels: Record<string, string> = Object.fromEntries(measures.map((m) => [m.id, m.label]));
  const skip = argv.includes('--no-browser')
    ? '--no-browser was given'
    : only !== undefined && !BROWSER_PREFIXES.some((p) => p.startsWith(only) || only.startsWith(p))
      ? `--only ${only} matches none of them`
      : browserSkipReason();
  if (skip) {
    process.stderr.write(`bench: browser measures skipped: ${skip}\n`);
  } else {
    try {
      const browser = await browserMeasures(runs, only);
      for (const [id, result] of Object.entries(browser.results)) {
        if (wanted(id)) results[id] = result;
      }
      Object.assign(labels, browser.labels);
    } catch (error) {
      const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
      process.stderr.write(`bench: browser measures skipped: they failed (${message})\n`);
    }
  }
  if (json) {
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  } else {
    process.stdout.write(`${formatTable(results, labels)}\n`);
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
