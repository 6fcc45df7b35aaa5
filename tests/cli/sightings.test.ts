import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProfileSnapshotSchema } from '../../lib/model';
import { describeCaptures } from '../captures';
import { SHARED_LINKEDIN } from '../platforms/linkedin/load';
import { OWN_TIKTOK } from '../platforms/tiktok/load';
import { runScout } from './run';

const AT = '2025-05-02T12:00:00Z';

async function sightings(url: string, ...files: string[]) {
  const run = await runScout(['sightings', '--url', url, '--at', AT, ...files]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as Record<string, unknown>[];
}

describe('scout sightings', () => {
  it('prints one snapshot-shaped entry per creator a list shows, each with only their posts', async () => {
    const printed = await sightings(
      'https://www.tiktok.com/foryou',
      join(OWN_TIKTOK, 'api-item-list-duet-stitch.json'),
    );
    for (const entry of printed) expect(ProfileSnapshotSchema.safeParse(entry).success).toBe(true);
    const byHandle = Object.fromEntries(printed.map((e) => [e['handle'], e]));
    expect(Object.keys(byHandle).sort()).toEqual(['kit.duets', 'sol.sings']);
    // Each count is the one on that creator's own account object, rounded as TikTok rounds it.
    expect(byHandle['sol.sings']).toMatchObject({
      followers: 1_300_000,
      precision: { followers: 'rounded' },
    });
    expect(byHandle['kit.duets']).toMatchObject({ followers: 6_200 });
    expect((byHandle['kit.duets']!['recentPosts'] as unknown[]).length).toBe(2);
    expect((byHandle['sol.sings']!['recentPosts'] as unknown[]).length).toBe(1);
    expect(byHandle['sol.sings']!['capturedAt']).toBe(Date.parse(AT));
  });

  it('reads any page of the platform (feeds are not creator pages), and refuses other sites', async () => {
    const file = join(OWN_TIKTOK, 'api-item-list-duet-stitch.json');
    expect(await sightings('https://www.tiktok.com/search?q=duet', file)).toHaveLength(2);
    const elsewhere = await runScout(['sightings', '--url', 'https://example.com/', file]);
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.stderr).toMatch(/^scout: /);
  });

  it('says which file it cannot read', async () => {
    const run = await runScout([
      'sightings',
      '--url',
      'https://www.tiktok.com/foryou',
      'package.json.missing',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('package.json.missing');
  });
});

describeCaptures('scout sightings on the real LinkedIn reshare page', SHARED_LINKEDIN, () => {
  it('gives the person and the reshared company each their own follower count', async () => {
    const printed = await sightings(
      'https://www.linkedin.com/feed/',
      join(
        SHARED_LINKEDIN,
        'public-post-reshare_2026-06_tarapowers_resharing-inscape-publishing_d_public_post.html',
      ),
    );
    const byHandle = Object.fromEntries(printed.map((e) => [e['handle'], e]));
    expect(byHandle['tarapowers']).toMatchObject({ followers: 9_143 });
    expect(byHandle['company/inscape-publishing']).toMatchObject({ followers: 29_754 });
  });
});
