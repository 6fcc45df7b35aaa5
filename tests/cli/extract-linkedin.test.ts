import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScout, type CliRun } from './run';
import { ProfileSnapshotSchema, type ProfileSnapshot } from '../../lib/model';
import { OWN_LINKEDIN, SHARED_LINKEDIN } from '../platforms/linkedin/load';
import { describeCaptures } from '../captures';

// `scout extract` on LinkedIn pages and bodies, in-process through runCli: the URL picks LinkedIn
// through the registry, each file is recognised by shape, and the readings merge into one snapshot.

const own = (file: string) => join(OWN_LINKEDIN, file);
const shared = (file: string) => join(SHARED_LINKEDIN, file);

const scout = runScout;

/** The snapshot a successful run prints: valid, alone on stdout, nothing on stderr. */
function printed(run: CliRun): ProfileSnapshot {
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const snapshot = JSON.parse(run.stdout) as ProfileSnapshot;
  expect(ProfileSnapshotSchema.safeParse(snapshot).success).toBe(true);
  return snapshot;
}

const AT = '2025-06-14T12:00:00Z';
const MARA = 'https://www.linkedin.com/in/mara-lindqvist/';

describe('scout extract on LinkedIn files', () => {
  it('prints a guest profile: exact JSON-LD followers, "500+" connections, the --at clock', async () => {
    const run = await scout([
      'extract',
      '--url',
      'https://se.linkedin.com/in/mara-lindqvist',
      '--at',
      AT,
      own('guest-profile.html'),
    ]);
    expect(printed(run)).toMatchObject({
      platform: 'linkedin',
      handle: 'mara-lindqvist',
      url: MARA,
      followers: 12_480,
      connections: 500,
      precision: { followers: 'exact', connections: 'lower-bound' },
      capturedAt: Date.parse(AT),
    });
  });

  it('merges an activity page with a tapped body: her posts only, exact over rounded', async () => {
    const run = await scout([
      'extract',
      '--url',
      `${MARA}recent-activity/all/`,
      '--at',
      AT,
      own('activity-all.html'),
      own('voyager-profile-updates.json'),
      own('voyager-networkinfo.json'),
    ]);
    const snapshot = printed(run);
    expect(snapshot).toMatchObject({
      handle: 'mara-lindqvist',
      followers: 12_480,
      connections: 387,
    });
    expect(snapshot.recentPosts.map((p) => p.id)).toEqual([
      '7338860111463007639',
      '7338478849231516506',
      '7336084321076465414',
    ]);
    expect(snapshot.recentPosts[2]).toMatchObject({ likes: 1187, precision: { likes: 'exact' } });
    expect(snapshot.sources).toEqual(expect.arrayContaining(['dom', 'linkedin/voyager']));
  });

  it('prints the author of a company post page as company/<slug>', async () => {
    const run = await scout([
      'extract',
      '--url',
      'https://www.linkedin.com/posts/nordlys-analytics_pricing-index-activity-7336773864653286530-Zz9q',
      own('post-company.html'),
    ]);
    expect(printed(run)).toMatchObject({
      handle: 'company/nordlys-analytics',
      url: 'https://www.linkedin.com/company/nordlys-analytics/',
      followers: 3412,
    });
  });

  it('refuses a login wall with one reason line and no numbers', async () => {
    const run = await scout(['extract', '--url', MARA, own('authwall.html')]);
    expect(run).toEqual({ code: 1, stdout: '', stderr: 'scout: sign-in required\n' });
  });

  it('refuses a page that names nobody the URL asks for', async () => {
    const run = await scout([
      'extract',
      '--url',
      'https://www.linkedin.com/in/jon-berg/',
      own('loggedin-profile-hashed.html'),
    ]);
    expect(run).toEqual({ code: 1, stdout: '', stderr: 'scout: no profile data found\n' });
  });

  it('refuses the feed: not a creator page', async () => {
    const run = await scout([
      'extract',
      '--url',
      'https://www.linkedin.com/feed/',
      own('activity-all.html'),
    ]);
    expect(run).toEqual({ code: 1, stdout: '', stderr: 'scout: not a LinkedIn creator page\n' });
  });
});

describeCaptures('scout extract on real LinkedIn captures', SHARED_LINKEDIN, () => {
  it('reads the guest profile capture (5740 exact over "6K", 500+ connections)', async () => {
    const run = await scout([
      'extract',
      '--url',
      'https://sg.linkedin.com/in/dulithawijewantha',
      shared('public-profile_2023-04_dulithawijewantha_public_profile_v3_excerpt.html'),
    ]);
    expect(printed(run)).toMatchObject({
      handle: 'dulithawijewantha',
      followers: 5740,
      connections: 500,
      precision: { followers: 'exact', connections: 'lower-bound' },
      recentPosts: [],
    });
  });

  it('reads the JSON-LD-only capture (800 followers)', async () => {
    const run = await scout([
      'extract',
      '--url',
      'https://www.linkedin.com/in/jasonagxie',
      shared('public-profile_2025_jasonagxie_jsonld-only.html'),
    ]);
    expect(printed(run)).toMatchObject({ handle: 'jasonagxie', followers: 800 });
  });

  it('reads the guest post capture (4263 followers; 310 reactions, 72 comments)', async () => {
    const run = await scout([
      'extract',
      '--url',
      'https://cz.linkedin.com/posts/honzajavorek_p%C5%AFl-rok-samostudia-programov%C3%A1n%C3%AD-a-%C4%8Dlov%C4%9Bk-activity-7300443605666545664-S7yp',
      shared('public-post_2025-03_honzajavorek_d_public_post_excerpt.html'),
    ]);
    const snapshot = printed(run);
    expect(snapshot).toMatchObject({ handle: 'honzajavorek', followers: 4263 });
    expect(snapshot.recentPosts).toMatchObject([
      { id: '7300443605666545664', likes: 310, comments: 72 },
    ]);
  });

  it('reads the logged-in 2021 capture (948 followers, 500+ connections), not the viewer', async () => {
    const run = await scout([
      'extract',
      '--url',
      'https://www.linkedin.com/in/alexandr-tretiakov-ba831051/',
      shared(
        'profile-loggedin_2021-07_ru-locale_alexandr-tretiakov_bpr-guid-codeblocks_excerpt.html',
      ),
    ]);
    const snapshot = printed(run);
    expect(snapshot).toMatchObject({
      handle: 'alexandr-tretiakov-ba831051',
      followers: 948,
      connections: 500,
      precision: { connections: 'lower-bound' },
    });
    expect(run.stdout).not.toContain('Derzhanivska');
  });

  it("gives Pablo's comments tab no post of Nihad's (no data for Pablo)", async () => {
    const run = await scout([
      'extract',
      '--url',
      'https://www.linkedin.com/in/pabloborda/recent-activity/comments/',
      shared('activity-loggedin_2024-09_comments-tab_fragment.html'),
    ]);
    expect(run).toEqual({ code: 1, stdout: '', stderr: 'scout: no profile data found\n' });
  });

  it("adds no post of the viewer's main feed to a creator's snapshot", async () => {
    const run = await scout([
      'extract',
      '--url',
      'https://sg.linkedin.com/in/dulithawijewantha',
      shared('public-profile_2023-04_dulithawijewantha_public_profile_v3_excerpt.html'),
      shared('voyager-feed-updatesV2_2023-05_normalized-json_excerpt.json'),
    ]);
    expect(printed(run).recentPosts).toEqual([]);
  });

  it('says the search-engine result is no LinkedIn payload', async () => {
    const run = await scout([
      'extract',
      '--url',
      'https://www.linkedin.com/company/24i/',
      shared('company-page-guest_c2021_24i_metatags-via-google-cse.json'),
    ]);
    expect(run).toEqual({ code: 1, stdout: '', stderr: 'scout: no profile data found\n' });
  });
});
