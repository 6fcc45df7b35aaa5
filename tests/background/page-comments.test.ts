import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PageReader, type PageRead } from '@/lib/background/page-reader';
import { loadWorkers } from '@/lib/platforms';
import { NOW, parseDoc, tiktok } from '../platforms/tiktok/load';

// The comments a video page loads reach the page creator's record only when the video is theirs:
// the demo video page of juno.knits and the two comment pages its own script fetches.

const WORKERS = await loadWorkers();
const PAGES = join(import.meta.dirname, '../fixtures/pages/tiktok');
const VIDEO_ID = '7510000000000000001';
const VIDEO = `https://www.tiktok.com/@juno.knits/video/${VIDEO_ID}`;
const page = (file: string) => readFileSync(join(PAGES, file), 'utf8');
const commentBody = (cursor: number, seq: number, video = VIDEO_ID) => ({
  seq,
  url: `https://www.tiktok.com/api/comment/list/?aid=1988&aweme_id=${video}&count=20&cursor=${cursor}`,
  text: page(`api-comment-list-juno-knits-cursor-${cursor}.json`),
});

function message(over: Partial<PageRead> = {}): PageRead {
  const doc = tiktok.collectDocument!(parseDoc(page('video-juno-knits.html')), new URL(VIDEO), NOW);
  return {
    url: VIDEO,
    visitAt: 1,
    session: 's1',
    full: true,
    since: 0,
    doc: structuredClone(doc),
    bodies: [],
    ...over,
  };
}

const commentsOf = (outcome: ReturnType<PageReader['read']>) =>
  outcome.resend ? null : outcome.comments;

describe('comments in the page reader', () => {
  it('gives the comments on the page creator’s video to that creator, once', () => {
    const reader = new PageReader(WORKERS);
    const first = reader.read(3, message({ bodies: [commentBody(0, 1)] }), NOW);
    if (!first.resend) first.filed();
    const found = commentsOf(first);
    expect(found?.handle).toBe('juno.knits');
    expect(found?.lists.map((l) => [l.postId, l.comments.length])).toEqual([[VIDEO_ID, 20]]);
    // The next page arrives in a later message; the first is not given again.
    const next = reader.read(
      3,
      { ...message({ full: false, since: 1, bodies: [commentBody(20, 2)] }), doc: undefined },
      NOW,
    );
    expect(commentsOf(next)?.lists.map((l) => l.comments.length)).toEqual([10]);
  });

  it('keeps comments on a video that is not the creator’s to no one', () => {
    const reader = new PageReader(WORKERS);
    const body = commentBody(0, 1, '7519999999999999999');
    body.text = body.text.replaceAll(VIDEO_ID, '7519999999999999999');
    const outcome = reader.read(3, message({ bodies: [body] }), NOW);
    expect(commentsOf(outcome)).toBeNull();
  });
});
