import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLATFORM_IDS } from '@/lib/model';
import {
  matchPage,
  PLATFORMS,
  platformById,
  platformForUrl,
  type PageMatch,
} from '@/lib/platforms';
import { HOST_MATCHES } from '@/lib/platforms/hosts';

const ROOT = join(import.meta.dirname, '..', '..');
const PLATFORMS_DIR = join(ROOT, 'lib', 'platforms');

/** Platform folders as the file system has them: any folder under lib/platforms with a url.ts. */
const platformFolders = readdirSync(PLATFORMS_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(PLATFORMS_DIR, entry.name, 'url.ts')))
  .map((entry) => entry.name)
  .sort();

const registeredIds = PLATFORMS.map((p) => p.id);

describe('the platform registry', () => {
  it('finds at least the three platforms of this wave on disk', () => {
    expect(platformFolders).toEqual(expect.arrayContaining(['instagram', 'linkedin', 'tiktok']));
  });

  it.each(platformFolders)('registers the platform folder %s', (folder) => {
    expect(registeredIds).toContain(folder);
  });

  it('registers each platform once', () => {
    expect(new Set(registeredIds).size).toBe(registeredIds.length);
  });

  it('registers exactly the platforms the model knows', () => {
    expect([...registeredIds].sort()).toEqual([...PLATFORM_IDS].sort());
  });

  it.each(registeredIds)('looks up %s by id', (id) => {
    expect(platformById(id).id).toBe(id);
  });

  it.each(registeredIds)('has a content-script entrypoint for %s', (id) => {
    expect(existsSync(join(ROOT, 'entrypoints', `${id}.content.ts`))).toBe(true);
  });

  it.each(registeredIds)('has demo pages in tests/fixtures/pages/%s', (id) => {
    const dir = join(ROOT, 'tests', 'fixtures', 'pages', id);
    const html = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.html')) : [];
    expect(html, `no .html fixture in tests/fixtures/pages/${id}/`).not.toEqual([]);
  });

  it.each(PLATFORMS.map((p) => [p.id, p] as const))(
    'asks %s host access only through the shared host list',
    (_id, platform) => {
      for (const pattern of platform.matches) expect(HOST_MATCHES).toContain(pattern);
    },
  );
});

type Expected = Pick<PageMatch, 'platform' | 'kind'> & { handle?: string; postId?: string };

const TT = 'https://www.tiktok.com';
const IG = 'https://www.instagram.com';
const LI = 'https://www.linkedin.com';

/** URL → what a user on that page should get: a creator page kind, or no sidebar (null). */
const PAGES: [string, Expected | null][] = [
  // TikTok
  [`${TT}/@jane`, { platform: 'tiktok', kind: 'profile', handle: 'jane' }],
  [`${TT}/@jane/`, { platform: 'tiktok', kind: 'profile', handle: 'jane' }],
  [`${TT}/@Some.User_1/`, { platform: 'tiktok', kind: 'profile', handle: 'some.user_1' }],
  [`${TT}/@jane?lang=en&is_from_webapp=1`, { platform: 'tiktok', kind: 'profile', handle: 'jane' }],
  ['https://tiktok.com/@jane', { platform: 'tiktok', kind: 'profile', handle: 'jane' }],
  ['https://m.tiktok.com/@jane', { platform: 'tiktok', kind: 'profile', handle: 'jane' }],
  [
    `${TT}/@h/video/7234567890123456789`,
    { platform: 'tiktok', kind: 'video', handle: 'h', postId: '7234567890123456789' },
  ],
  [
    `${TT}/@h/video/7234567890123456789?is_from_webapp=1`,
    { platform: 'tiktok', kind: 'video', handle: 'h', postId: '7234567890123456789' },
  ],
  [`${TT}/foryou`, null],
  [`${TT}/`, null],
  [`${TT}/explore`, null],
  [`${TT}/search?q=x`, null],
  [`${TT}/@h/live`, null],
  [`${TT}/tag/x`, null],
  [`${TT}/@`, null],
  [`${TT}/@h/video/notanid`, null],
  [`${TT}/@h/video/7234567890123456789/extra`, null],
  [`${TT}/@bad-handle`, null],

  // Instagram
  [`${IG}/jane/`, { platform: 'instagram', kind: 'profile', handle: 'jane' }],
  [`${IG}/jane`, { platform: 'instagram', kind: 'profile', handle: 'jane' }],
  [`${IG}/Jane.Doe_1/`, { platform: 'instagram', kind: 'profile', handle: 'jane.doe_1' }],
  [`${IG}/jane/reels/`, { platform: 'instagram', kind: 'profile', handle: 'jane' }],
  [`${IG}/jane/tagged/`, { platform: 'instagram', kind: 'profile', handle: 'jane' }],
  ['https://instagram.com/jane/', { platform: 'instagram', kind: 'profile', handle: 'jane' }],
  [`${IG}/p/CODE123/`, { platform: 'instagram', kind: 'post', postId: 'CODE123' }],
  [`${IG}/p/CODE123/?img_index=2`, { platform: 'instagram', kind: 'post', postId: 'CODE123' }],
  [`${IG}/reel/CODE123/`, { platform: 'instagram', kind: 'reel', postId: 'CODE123' }],
  [
    `${IG}/jane/p/CODE123/`,
    { platform: 'instagram', kind: 'post', handle: 'jane', postId: 'CODE123' },
  ],
  [
    `${IG}/jane/reel/CODE123/`,
    { platform: 'instagram', kind: 'reel', handle: 'jane', postId: 'CODE123' },
  ],
  [`${IG}/`, null],
  [`${IG}/explore/`, null],
  [`${IG}/explore/tags/cats/`, null],
  [`${IG}/direct/inbox/`, null],
  [`${IG}/accounts/edit/`, null],
  [`${IG}/stories/h/123/`, null],
  [`${IG}/reels/`, null],
  [`${IG}/p/`, null],
  [`${IG}/about/`, null],
  [`${IG}/Explore/`, null],
  [`${IG}/jane/unknown-tab/`, null],
  [`${IG}/${'a'.repeat(31)}/`, null],

  // LinkedIn
  [`${LI}/in/jane-doe/`, { platform: 'linkedin', kind: 'profile', handle: 'jane-doe' }],
  [
    'https://lk.linkedin.com/in/jane-doe/',
    { platform: 'linkedin', kind: 'profile', handle: 'jane-doe' },
  ],
  [
    'https://cz.linkedin.com/in/jane-doe/',
    { platform: 'linkedin', kind: 'profile', handle: 'jane-doe' },
  ],
  [`${LI}/in/Jane-Doe`, { platform: 'linkedin', kind: 'profile', handle: 'jane-doe' }],
  [
    `${LI}/in/j%C3%9CRGEN-m%C3%BCller/`,
    { platform: 'linkedin', kind: 'profile', handle: 'jürgen-müller' },
  ],
  [`${LI}/in/%E7%8E%8B%E4%BC%9F/`, { platform: 'linkedin', kind: 'profile', handle: '王伟' }],
  [
    `${LI}/in/jane/recent-activity/all/`,
    { platform: 'linkedin', kind: 'activity', handle: 'jane' },
  ],
  [`${LI}/company/acme/`, { platform: 'linkedin', kind: 'company', handle: 'company/acme' }],
  [`${LI}/company/acme/about/`, { platform: 'linkedin', kind: 'company', handle: 'company/acme' }],
  [`${LI}/company/Acme/posts/`, { platform: 'linkedin', kind: 'company', handle: 'company/acme' }],
  [
    `${LI}/posts/jane-doe_title-activity-7234567890123456789-abcd`,
    { platform: 'linkedin', kind: 'post', postId: '7234567890123456789' },
  ],
  [
    `${LI}/feed/update/urn:li:activity:7234567890123456789/`,
    { platform: 'linkedin', kind: 'post', postId: '7234567890123456789' },
  ],
  [
    `${LI}/feed/update/urn%3Ali%3Aactivity%3A7234567890123456789/`,
    { platform: 'linkedin', kind: 'post', postId: '7234567890123456789' },
  ],
  [`${LI}/feed/`, null],
  [`${LI}/search/results/people/?keywords=x`, null],
  [`${LI}/messaging/`, null],
  [`${LI}/mynetwork/`, null],
  [`${LI}/jobs/`, null],
  [`${LI}/in/`, null],
  [`${LI}/in/jane/details/experience/`, null],
  [`${LI}/in/%E0%A4%A/`, null],
  [`${LI}/posts/no-activity-id`, null],
];

/** Pages a user can reach on plain http or on hosts Scout never reads: never a sidebar. */
const NOT_PLATFORM_PAGES = [
  'http://www.tiktok.com/@jane',
  'http://www.instagram.com/jane/',
  'http://www.linkedin.com/in/jane-doe/',
  'https://example.com/@jane',
  'https://www.youtube.com/@jane',
  'https://tiktok.com.evil.example/@jane',
  'https://evil-tiktok.com/@jane',
  'https://notinstagram.com/jane/',
  'https://linkedin.com.example.org/in/jane-doe/',
  'chrome-extension://abcdefghijklmnop/sidebar.html',
  'file:///home/u/tiktok.com/@jane',
];

const GARBAGE = [
  '',
  'not a url',
  '://',
  'www.tiktok.com/@jane',
  '@jane',
  'https://',
  'javascript:alert(1)',
  '\u0000',
];

/** Drops undefined keys so toEqual compares what a caller sees. */
const shape = (m: PageMatch | null) =>
  m && Object.fromEntries(Object.entries(m).filter(([, v]) => v !== undefined));

describe('matchPage', () => {
  it.each(PAGES)('reads %s', (url, expected) => {
    expect(shape(matchPage(url))).toEqual(expected);
  });

  it('accepts a URL object as well as a string', () => {
    expect(matchPage(new URL(`${TT}/@jane`))).toMatchObject({ platform: 'tiktok', handle: 'jane' });
  });

  it('gives the same handle for a LinkedIn profile on any country subdomain', () => {
    const handles = ['www', 'lk', 'cz', 'de'].map(
      (sub) => matchPage(`https://${sub}.linkedin.com/in/jane-doe/`)?.handle,
    );
    expect(new Set(handles)).toEqual(new Set(['jane-doe']));
  });

  it.each(NOT_PLATFORM_PAGES)('gives nothing for %s', (url) => {
    expect(matchPage(url)).toBeNull();
  });

  it.each(GARBAGE.map((g) => [JSON.stringify(g), g]))(
    'gives nothing for the garbage string %s',
    (_label, input) => {
      expect(() => matchPage(input)).not.toThrow();
      expect(matchPage(input)).toBeNull();
    },
  );
});

describe('URL rules are exclusive between platforms', () => {
  const urls = [...PAGES.map(([url]) => url), ...NOT_PLATFORM_PAGES];

  it('has a table of at least 60 URLs', () => {
    expect(urls.length).toBeGreaterThanOrEqual(60);
  });

  it.each(urls)('at most one platform claims %s', (href) => {
    const url = new URL(href);
    const claimants = PLATFORMS.filter((p) => p.match(url) !== null).map((p) => p.id);
    expect(claimants.length).toBeLessThanOrEqual(1);
  });

  it.each(urls)('at most one platform owns the host of %s', (href) => {
    const { hostname } = new URL(href);
    const owners = PLATFORMS.filter((p) => p.ownsHost(hostname)).map((p) => p.id);
    expect(owners.length).toBeLessThanOrEqual(1);
  });

  it.each(PAGES.filter(([, e]) => e !== null))(
    'the platform owning %s is the one that matches it',
    (href, expected) => {
      expect(platformForUrl(new URL(href))?.id).toBe(expected?.platform);
    },
  );
});

describe('profileUrl', () => {
  const CASES: [string, string, string][] = [
    ['tiktok', 'jane', 'https://www.tiktok.com/@jane'],
    ['instagram', 'jane.doe', 'https://www.instagram.com/jane.doe/'],
    ['linkedin', 'jane-doe', 'https://www.linkedin.com/in/jane-doe/'],
    ['linkedin', 'company/acme', 'https://www.linkedin.com/company/acme/'],
  ];

  it.each(CASES)('gives %s %s the canonical URL %s', (id, handle, url) => {
    expect(platformById(id as (typeof PLATFORM_IDS)[number]).profileUrl(handle)).toBe(url);
  });

  it.each(CASES)('leads %s %s back to the same creator', (id, handle) => {
    const url = platformById(id as (typeof PLATFORM_IDS)[number]).profileUrl(handle);
    expect(matchPage(url)).toMatchObject({ platform: id, handle });
  });
});
