import { describe, expect, it } from 'vitest';
import { mayFile } from '../../../lib/extract/authorship';
import type { ProfileSnapshot } from '../../../lib/model';
import type { ExtractResult } from '../../../lib/platforms/types';
import { extractTexts, IG, instagram, NOW, OWN_INSTAGRAM, parseDoc, readText } from './load';

// Whose page an Instagram page is (lib/extract/authorship.ts), on Scout's own invented pages and
// bodies: a body about someone else never becomes the page's creator, a collab's other owner never
// gets the page's post, and counts stay with the account object they sit on.
const own = (file: string) => readText(OWN_INSTAGRAM, file);
const json = (file: string) => JSON.parse(own(file)) as Record<string, unknown>;
const REEL = 'C9bReelX7k2';
const MEDIA_INFO = `${IG}/api/v1/media/3401122334455667788/info/`;

function snapshotOf(result: ExtractResult): ProfileSnapshot {
  if (!result.ok) throw new Error(`expected a snapshot, got ${result.problem}: ${result.reason}`);
  return result.snapshot;
}

/** The page's answer for its document (when any) plus bodies the page fetched. */
function withBodies(href: string, html: string | null, bodies: readonly [unknown, string][]) {
  const url = new URL(href);
  const readings = html === null ? [] : instagram.readDocument!(parseDoc(html), url, NOW);
  for (const [body, request] of bodies) {
    readings.push(...instagram.readBody!(body, new URL(request), NOW));
  }
  return instagram.settle!(readings, { url, now: NOW });
}

const PLANTED = ['cora.copies', '4412345', '777777', '7777777', "not mira's reel"];

describe('a post page whose page fetched a body about another creator with the post’s code', () => {
  const other: [unknown, string] = [json('api-media-info-other-creator.json'), MEDIA_INFO];

  it.each([`${IG}/reel/${REEL}/`, `${IG}/p/${REEL}/`, `${IG}/mira.loops/reel/${REEL}/`])(
    '%s stays the author the document names, with her own numbers',
    (href) => {
      const alone = snapshotOf(withBodies(href, own('reel-page-2024.html'), []));
      const result = withBodies(href, own('reel-page-2024.html'), [other]);
      expect(result).toMatchObject({ ok: true, snapshot: { handle: 'mira.loops' } });
      expect(snapshotOf(result).recentPosts).toEqual(alone.recentPosts);
      const text = JSON.stringify(snapshotOf(result));
      for (const planted of PLANTED) expect(text).not.toContain(planted);
      expect(
        mayFile(
          instagram.match(new URL(href))!,
          'mira.loops',
          result.ok ? result.namedBy : undefined,
        ),
      ).toBe(true);
    },
  );

  it('changed from “first reading with the code wins”: the body came first and still loses', () => {
    const url = new URL(`${IG}/reel/${REEL}/`);
    const body = instagram.readBody!(other[0], new URL(MEDIA_INFO), NOW);
    const doc = instagram.readDocument!(parseDoc(own('reel-page-2024.html')), url, NOW);
    expect(snapshotOf(instagram.settle!([...body, ...doc], { url, now: NOW })).handle).toBe(
      'mira.loops',
    );
  });

  it('without a document naming anyone, the body’s author is read but never filed', () => {
    const href = `${IG}/reel/${REEL}/`;
    const result = withBodies(href, null, [other]);
    // Read (the CLI shows a saved body's author) and marked as named by the readings alone...
    expect(result).toMatchObject({ ok: true, namedBy: 'readings' });
    // ...which the background never files under that creator.
    expect(mayFile(instagram.match(new URL(href))!, 'cora.copies', 'readings')).toBe(false);
  });

  it('two bodies that give the code to two accounts give no creator', () => {
    const mine = json('api-media-info-other-creator.json');
    const copy = JSON.parse(JSON.stringify(mine).replaceAll('cora.copies', 'mira.loops'));
    expect(
      withBodies(`${IG}/reel/${REEL}/`, null, [
        [mine, MEDIA_INFO],
        [copy, MEDIA_INFO],
      ]),
    ).toEqual({
      ok: false,
      problem: 'no-data',
      reason: 'no profile data found',
    });
  });
});

describe('a collab post (coauthor_producers)', () => {
  const page = own('post-page-collab.html');

  it.each([`${IG}/p/C9cCollab01/`, `${IG}/hut.hopper/p/C9cCollab01/`])(
    '%s is the owner’s post, with the owner’s counts',
    (href) => {
      const result = extractTexts([page], href);
      const s = snapshotOf(result);
      expect(s).toMatchObject({ handle: 'mira.loops', followers: 38_214, posts: 214 });
      expect(s.recentPosts).toMatchObject([{ id: 'C9cCollab01', likes: 5120, comments: 140 }]);
      expect(JSON.stringify(s)).not.toContain('52000');
      expect(result).toMatchObject({ namedBy: 'document' });
    },
  );

  it('the collab’s other owner never gets the page’s post, on its page or on theirs', () => {
    const readings = instagram.readDocument!(parseDoc(page), new URL(`${IG}/p/C9cCollab01/`), NOW);
    // The coauthor is an account of its own (a sighting): its own object's counts, not the post.
    const coauthor = readings.filter((r) => r.handle === 'hut.hopper');
    expect(coauthor).toMatchObject([{ counts: { followers: { value: 52_000 } }, posts: [] }]);
    // The coauthor's own profile, whose timeline shows the collab (owned by mira.loops).
    const profile = json('web-profile-info-mira-loops.json');
    const text = JSON.stringify(profile)
      .replaceAll('"mira.loops"', '"hut.hopper"')
      .replaceAll('"48213377120"', '"5550001"');
    const theirs = JSON.parse(text) as { data: { user: Record<string, unknown> } };
    const collab = {
      node: { shortcode: 'C9cCollab01', owner: { id: '48213377120', username: 'mira.loops' } },
    };
    const timeline = theirs.data.user['edge_owner_to_timeline_media'] as { edges: unknown[] };
    timeline.edges.push(collab);
    const s = snapshotOf(extractTexts([JSON.stringify(theirs)], `${IG}/hut.hopper/`));
    expect(s.recentPosts.map((p) => p.id)).not.toContain('C9cCollab01');
    expect(s.recentPosts.length).toBeGreaterThan(0);
  });

  it('a post whose user and owner name two accounts is nobody’s post; each keeps its counts', () => {
    const media = {
      code: 'C9dTwoOwn01',
      like_count: 900,
      user: { pk: '48213377120', username: 'mira.loops', follower_count: 38_214 },
      owner: { pk: '5550001', username: 'hut.hopper', follower_count: 52_000 },
    };
    const body = { items: [media], status: 'ok' };
    const readings = instagram.readBody!(body, new URL(MEDIA_INFO), NOW);
    expect(readings.flatMap((r) => r.posts)).toEqual([]);
    const followers = Object.fromEntries(
      readings.map((r) => [r.handle, r.counts.followers?.value]),
    );
    expect(followers).toEqual({ 'mira.loops': 38_214, 'hut.hopper': 52_000 });
    expect(withBodies(`${IG}/p/C9dTwoOwn01/`, null, [[body, MEDIA_INFO]])).toMatchObject({
      ok: false,
      problem: 'no-data',
    });
  });
});

describe('reposts and suggested accounts on a profile', () => {
  it('a reposted post in the profile’s feed stays its author’s', () => {
    const feed = json('feed-user-mira-loops.json') as { items: Record<string, unknown>[] };
    feed.items.push({
      code: 'C9eRepost01',
      taken_at: 1718950000,
      like_count: 64_000,
      user: { pk: 5550001, username: 'hut.hopper', follower_count: 52_000 },
    });
    const request = `${IG}/api/v1/feed/user/48213377120/`;
    const result = withBodies(`${IG}/mira.loops/`, null, [[feed, request]]);
    const s = snapshotOf(result);
    expect(s.handle).toBe('mira.loops');
    expect(s.recentPosts.map((p) => p.id)).not.toContain('C9eRepost01');
    expect(JSON.stringify(s)).not.toContain('52000');
  });

  it('suggested (related) profiles are never merged into the profile', () => {
    const body = json('web-profile-info-mira-loops.json') as {
      data: { user: { edge_related_profiles: { edges: { node: Record<string, unknown> }[] } } };
    };
    const related = body.data.user.edge_related_profiles.edges;
    related.push({
      node: { id: '5550002', username: 'alp.andi', edge_followed_by: { count: 910_000 } },
    });
    const s = snapshotOf(extractTexts([JSON.stringify(body)], `${IG}/mira.loops/`));
    expect(s.followers).toBe(38_214);
    const text = JSON.stringify(s);
    for (const other of ['hut.hopper', 'alp.andi', '910000', '5550001']) {
      expect(text).not.toContain(other);
    }
  });
});
