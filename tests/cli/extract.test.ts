import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { extractFiles } from '../../lib/cli/extract';
import { runCli } from '../../lib/cli/main';
import { ProfileSnapshotSchema } from '../../lib/model';
import { OWN_TIKTOK, SHARED_TIKTOK } from '../platforms/tiktok/load';
import { describeCaptures } from '../captures';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const own = (file: string) => join(OWN_TIKTOK, file);
const shared = (file: string) => join(SHARED_TIKTOK, file);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** `scout <argv>` in-process, reading real files from disk. */
async function scout(argv: string[], extra: Record<string, string> = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    readFile: async (path) => extra[path] ?? readFile(path, 'utf8'),
  });
  return { code, stdout, stderr };
}

/** Exit 1 with one reason line and no numbers on stdout. */
function expectRefusal(run: Run, reason: string): void {
  expect(run).toEqual({ code: 1, stdout: '', stderr: `scout: ${reason}\n` });
}

describe('scout extract on TikTok files', () => {
  it('prints the snapshot of a saved profile page as JSON', async () => {
    const run = await scout([
      'extract',
      '--url',
      'https://www.tiktok.com/@nadia.draws',
      '--at',
      '2025-05-04T12:00:00Z',
      own('profile-universal-2025.html'),
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const snapshot = JSON.parse(run.stdout);
    expect(ProfileSnapshotSchema.safeParse(snapshot).success).toBe(true);
    expect(snapshot).toMatchObject({
      platform: 'tiktok',
      handle: 'nadia.draws',
      followers: 23_457,
      precision: { followers: 'exact' },
      capturedAt: Date.UTC(2025, 4, 4, 12),
    });
  });

  it('merges HTML pages and JSON bodies, recognised by shape, into one snapshot', async () => {
    const run = await scout([
      'extract',
      '--url',
      'https://www.tiktok.com/@nadia.draws',
      own('api-item-list-nadia-draws.json'),
      own('profile-universal-2025.html'),
      own('api-user-detail-nadia-draws.json'),
    ]);
    const snapshot = JSON.parse(run.stdout);
    expect(snapshot).toMatchObject({ followers: 23_461, posts: 143, capturedAt: 1746300060000 });
    expect(snapshot.recentPosts).toHaveLength(5);
  });

  it('uses the payload clock without --at', async () => {
    const run = await scout([
      'extract',
      '--url',
      'https://www.tiktok.com/@nadia.draws',
      own('api-user-detail-nadia-draws.json'),
    ]);
    expect(JSON.parse(run.stdout).capturedAt).toBe(1746300000000);
  });

  const refusals: [string, string, string[]][] = [
    [
      'a For You feed URL',
      'not a TikTok creator page',
      ['https://www.tiktok.com/foryou', 'foryou.html'],
    ],
    [
      'a login wall',
      'sign-in required',
      ['https://www.tiktok.com/@nadia.draws', 'login-wall.html'],
    ],
    [
      'a For You page under a profile URL',
      'no profile data found',
      ['https://www.tiktok.com/@nadia.draws', 'foryou.html'],
    ],
    [
      'an account that does not exist',
      'account not found',
      ['https://www.tiktok.com/@gone.account', 'not-found.html'],
    ],
    [
      'a private account known only by status',
      'private account',
      ['https://www.tiktok.com/@pia.private', 'api-item-list-private.json'],
    ],
    [
      'someone else’s page',
      'no profile data found',
      ['https://www.tiktok.com/@quiet.viewer', 'viewer-mixed.html'],
    ],
  ];
  it.each(refusals)(
    'refuses %s with "%s" and prints no numbers',
    async (_label, reason, [url, file]) => {
      expectRefusal(await scout(['extract', '--url', url!, own(file!)]), reason);
    },
  );

  it('refuses a file that is neither HTML nor JSON, naming it', async () => {
    const run = await scout(['extract', '--url', 'https://www.tiktok.com/@a', 'notes.txt'], {
      'notes.txt': 'just some words',
    });
    expectRefusal(run, 'notes.txt: neither an HTML page nor a JSON body');
  });

  it('refuses an --at outside the years a snapshot may carry', async () => {
    const run = await scout([
      'extract',
      '--url',
      'https://www.tiktok.com/@nadia.draws',
      '--at',
      '0',
      own('profile-universal-2025.html'),
    ]);
    expectRefusal(run, '--at must be a time between 2000 and 2100');
  });

  it('refuses a URL outside the platforms Scout reads', async () => {
    const run = await scout(['extract', '--url', 'https://example.com/@a', own('foryou.html')]);
    expectRefusal(run, 'not a page of a platform Scout reads');
  });

  it('refuses a body cut short, naming it, instead of failing', async () => {
    const run = await scout(['extract', '--url', 'https://www.tiktok.com/@a', 'cut.json'], {
      'cut.json': '{"userInfo":{"user":{"uniqueId":"a","nick',
    });
    expectRefusal(run, 'cut.json: not valid JSON (cut short?)');
  });

  it('dispatches through the registry: another platform answers for its own URLs', async () => {
    const page = [{ path: 'p.html', text: '<html><body><p>nothing</p></body></html>' }];
    const now = Date.UTC(2026, 0, 1);
    const instagram = await extractFiles(
      page,
      { url: 'https://www.instagram.com/lena.trails/' },
      now,
    );
    expect(instagram.ok ? instagram.snapshot.platform : instagram.reason).not.toMatch(/tiktok/i);
    const feed = await extractFiles(page, { url: 'https://www.instagram.com/explore/' }, now);
    expect(feed).toMatchObject({ ok: false, reason: 'not an Instagram creator page' });
  });
});

describeCaptures('the real scout command on a real capture', SHARED_TIKTOK, () => {
  it('prints the item_list capture as a snapshot through npx tsx', async () => {
    const { stdout, stderr } = await promisify(execFile)(
      'npx',
      [
        'tsx',
        'scripts/scout.ts',
        'extract',
        '--url',
        'https://www.tiktok.com/@zg.520',
        shared('tiktok-api-post-item_list-rapidapi45-zg.520-2025-10.json'),
      ],
      { cwd: PROJECT_ROOT, timeout: 60_000 },
    );
    expect(stderr).toBe('');
    expect(JSON.parse(stdout)).toMatchObject({
      handle: 'zg.520',
      followers: 427_700,
      precision: { followers: 'rounded', following: 'exact' },
      capturedAt: 1760940141000,
      recentPosts: [{ id: '7513039993741397256', pinned: true, likes: 68_300, comments: 1502 }],
    });
  }, 60_000);

  it('exits 1 with the reason for a capture under another creator’s URL', async () => {
    const run = promisify(execFile)(
      'npx',
      [
        'tsx',
        'scripts/scout.ts',
        'extract',
        '--url',
        'https://www.tiktok.com/@someone.else',
        shared('tiktok-profile-next-data-tiktok-2021-01.html'),
      ],
      { cwd: PROJECT_ROOT, timeout: 60_000 },
    );
    await expect(run).rejects.toMatchObject({
      code: 1,
      stdout: '',
      stderr: 'scout: no profile data found\n',
    });
  }, 60_000);
});
