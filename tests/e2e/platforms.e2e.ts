import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_ROUTES } from '../fixtures/pages/routes';
import { creatorOfTab, sidebarFrame, tabIdFor, useScout, type CreatorView } from './helpers';
import { requestsByScout } from './server';

const env = useScout();
const PAGES = resolve(import.meta.dirname, '../fixtures/pages');

/** Opens a demo page and waits until the background's snapshot passes `ready`. */
async function snapshotOf(path: string, key: string, ready: (c: CreatorView) => boolean) {
  const route = DEMO_ROUTES.find((r) => r.path === path)!;
  const page = await env.scout.context.newPage();
  await page.goto(env.server.url(route));
  await sidebarFrame(page);
  const tabId = await tabIdFor(env.scout, page, key);
  let creator: CreatorView | undefined;
  await expect
    .poll(async () => ready((creator = await creatorOfTab(env.scout, tabId))), { timeout: 15_000 })
    .toBe(true);
  await page.close();
  return creator!;
}

describe('what the background receives from each platform', () => {
  it('Instagram: per-post likes, comments and plays from the timeline the page fetches', async () => {
    const body = JSON.parse(
      readFileSync(resolve(PAGES, 'instagram/api-web-profile-info-lena-trails.json'), 'utf8'),
    ) as {
      data: {
        user: {
          edge_owner_to_timeline_media: {
            edges: {
              node: {
                shortcode: string;
                is_video: boolean;
                edge_liked_by: { count: number };
                edge_media_to_comment: { count: number };
                video_view_count?: number;
              };
            }[];
          };
        };
      };
    };
    const nodes = body.data.user.edge_owner_to_timeline_media.edges.map((e) => e.node);
    const creator = await snapshotOf(
      '/lena.trails/',
      'instagram:lena.trails',
      (c) => c.snapshot.recentPosts.length > 0,
    );
    const posts = creator.snapshot.recentPosts as {
      id: string;
      likes?: number;
      comments?: number;
      views?: number;
    }[];
    expect(posts).toHaveLength(nodes.length);
    for (const node of nodes) {
      const post = posts.find((p) => p.id === node.shortcode);
      expect(post, node.shortcode).toMatchObject({
        likes: node.edge_liked_by.count,
        comments: node.edge_media_to_comment.count,
        ...(node.is_video ? { views: node.video_view_count } : {}),
      });
    }
    expect(creator.snapshot.followers).toBe(38_214);
  });

  for (const path of ['/in/jonas-weber-b2b/', '/in/jonas-weber-b2b/recent-activity/all/']) {
    it(`LinkedIn ${path}: followers, connections and per-post counts`, async () => {
      const creator = await snapshotOf(
        path,
        'linkedin:jonas-weber-b2b',
        (c) => c.snapshot.recentPosts.length > 0 && c.snapshot.followers !== undefined,
      );
      const snapshot = creator.snapshot as CreatorView['snapshot'] & {
        connections?: number;
        precision: Record<string, string>;
        recentPosts: { likes?: number; comments?: number; shares?: number }[];
      };
      expect(snapshot.followers).toBe(12_345);
      expect(snapshot.connections).toBe(500);
      expect(snapshot.precision.connections).toBe('lower-bound');
      // Jonas's eight posts; the post he reposted from someone else is not his.
      expect(snapshot.recentPosts).toHaveLength(8);
      for (const post of snapshot.recentPosts) {
        expect(post.likes).toBeGreaterThan(0);
        expect(post.comments).toBeGreaterThan(0);
        expect(post.shares).toBeGreaterThan(0);
      }
      expect(snapshot.recentPosts.some((p) => p.likes === 2_480)).toBe(false);
    });
  }

  it('made no request of its own to any platform host', () => {
    expect(requestsByScout(env.server.requests)).toEqual([]);
  });
});
