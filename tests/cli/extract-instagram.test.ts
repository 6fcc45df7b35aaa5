import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScout, type CliRun } from './run';
import { ProfileSnapshotSchema } from '../../lib/model';
import { OWN_INSTAGRAM, SHARED_INSTAGRAM } from '../platforms/instagram/load';
import { describeCaptures } from '../captures';

const IG = 'https://www.instagram.com';
const own = (file: string) => join(OWN_INSTAGRAM, file);
const shared = (file: string) => join(SHARED_INSTAGRAM, file);

const scout = runScout;

/** Exit 0, nothing on stderr, stdout one valid snapshot. */
function snapshotOf(run: CliRun) {
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const snapshot = JSON.parse(run.stdout);
  expect(ProfileSnapshotSchema.safeParse(snapshot).success).toBe(true);
  return snapshot;
}

describe('scout extract on Instagram files', () => {
  it('prints a profile body as a snapshot, at the --at clock', async () => {
    const snapshot = snapshotOf(
      await scout([
        'extract',
        '--url',
        `${IG}/mira.loops/`,
        '--at',
        '2024-06-22T08:00:00Z',
        own('web-profile-info-mira-loops.json'),
      ]),
    );
    expect(snapshot).toMatchObject({
      platform: 'instagram',
      handle: 'mira.loops',
      platformId: '48213377120',
      followers: 38214,
      precision: { followers: 'exact' },
      capturedAt: Date.UTC(2024, 5, 22, 8),
    });
    expect(snapshot.recentPosts).toHaveLength(5);
  });

  it('merges a page and bodies of the same creator, one post per code', async () => {
    const snapshot = snapshotOf(
      await scout([
        'extract',
        '--url',
        `${IG}/mira.loops/`,
        own('header-only-profile.html'),
        own('feed-user-mira-loops.json'),
        own('timeline-xdt-mira-loops.json'),
      ]),
    );
    expect(snapshot).toMatchObject({ followers: 38214, following: 612, posts: 214 });
    const ids: string[] = snapshot.recentPosts.map((p: { id: string }) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['C9aPin0ned1', 'C8tA9bXyZ3w', 'C8sB8cWxY2v']));
    expect(ids).not.toContain('C8zCollab01');
  });

  it('gives a reel page its author’s card', async () => {
    const snapshot = snapshotOf(
      await scout(['extract', '--url', `${IG}/reel/C9bReelX7k2/`, own('reel-page-2024.html')]),
    );
    expect(snapshot).toMatchObject({
      handle: 'mira.loops',
      url: `${IG}/mira.loops/`,
      // play_count, the count reels grids and every reels body carry (ig_play_count is 118,000).
      recentPosts: [{ id: 'C9bReelX7k2', views: 120400 }],
    });
  });

  it('reads a localized meta description with the page’s language', async () => {
    const snapshot = snapshotOf(
      await scout(['extract', '--url', `${IG}/jonas.kaltbach/`, own('meta-de.html')]),
    );
    expect(snapshot).toMatchObject({
      followers: 1_200_000,
      posts: 1234,
      precision: { followers: 'rounded', posts: 'exact' },
    });
  });

  it('prints a private account with its counts and no posts', async () => {
    const snapshot = snapshotOf(
      await scout(['extract', '--url', `${IG}/pia.private/`, own('web-profile-info-private.json')]),
    );
    expect(snapshot).toMatchObject({ isPrivate: true, followers: 1203, recentPosts: [] });
  });

  it.each([
    [
      'the explore feed',
      `${IG}/explore/`,
      'web-profile-info-mira-loops.json',
      'not an Instagram creator page',
    ],
    ['a login wall', `${IG}/mira.loops/`, 'login-wall.html', 'sign-in required'],
    [
      'a login-required body',
      `${IG}/mira.loops/`,
      'web-profile-info-login-required.json',
      'sign-in required',
    ],
    ['a missing account', `${IG}/gone.account/`, 'not-found-2021.html', 'account not found'],
    [
      'the viewer’s own account',
      `${IG}/scout.tester/`,
      'profile-content-viewer-mixed.json',
      'no profile data found',
    ],
  ])('refuses %s and prints no numbers', async (_label, url, file, reason) => {
    expect(await scout(['extract', '--url', url, own(file)])).toEqual({
      code: 1,
      stdout: '',
      stderr: `scout: ${reason}\n`,
    });
  });
});

describeCaptures('scout extract on the real Instagram captures', SHARED_INSTAGRAM, () => {
  it('reads the 2021 logged-out page', async () => {
    const snapshot = snapshotOf(
      await scout([
        'extract',
        '--url',
        `${IG}/_tanshio_/`,
        '--at',
        '2021-04-20T00:00:00Z',
        shared('instagram-profile-sharedData-_tanshio_-2021-04.html'),
      ]),
    );
    expect(snapshot).toMatchObject({
      handle: '_tanshio_',
      followers: 22,
      following: 9,
      posts: 1,
      recentPosts: [{ id: 'Bb6ZRzAHqRX', likes: 0, comments: 0 }],
      capturedAt: Date.UTC(2021, 3, 20),
    });
  });

  it('merges the flattened profile and the timeline GraphQL of the same account', async () => {
    const snapshot = snapshotOf(
      await scout([
        'extract',
        '--url',
        `${IG}/anasaiaofficial/`,
        shared('instagram-web_profile_info-flattened-anasaiaofficial-2024-02.json'),
        shared('instagram-xdt-user-timeline-graphql-anasaiaofficial-2024-02-EXCERPT.json'),
      ]),
    );
    expect(snapshot).toMatchObject({
      followers: 740983,
      following: 508,
      posts: 467,
      recentPosts: [{ id: 'CygtX9ivC0U', likes: 817982, comments: 3000, pinned: true }],
    });
  });

  it('reads the web_profile_info passthrough', async () => {
    const snapshot = snapshotOf(
      await scout([
        'extract',
        '--url',
        `${IG}/adrianhorning/`,
        shared('instagram-web_profile_info-adrianhorning-2025-01.json'),
      ]),
    );
    expect(snapshot).toMatchObject({
      followers: 25116,
      verified: true,
      recentPosts: [{ id: 'DEiyb48AeB9', views: 1318, likes: 126, comments: 12 }],
    });
  });
});
