import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMENT_POSTS_PER_CREATOR, COMMENTS_PER_POST, commentsOf } from '@/lib/db/comments';
import { getCreator, recordComments, recordSnapshot, type Vet } from '@/lib/db/creators';
import { ScoutDb } from '@/lib/db/database';
import { forgetCreator, wipeAll } from '@/lib/db/privacy';
import type { CommentList } from '@/lib/extract/comments';
import { CommentRowSchema, type CreatorKey } from '@/lib/model';
import { T0, tiktokSnapshot } from './fixtures';

const JANE = 'tiktok:jane' as CreatorKey;

let db: ScoutDb;
beforeEach(() => {
  db = new ScoutDb(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

const list = (postId: string, ...texts: string[]): CommentList => ({
  source: 'tiktok/comment-list',
  postId,
  comments: texts.map((text, i) => ({ text, likes: i })),
});

/** A vetting whose warnings say how many comments it was given, to see what the store hands over. */
const countingVet: Vet = (snapshot, _history, comments) => ({
  tier: 'micro',
  engagement: {
    rate: null,
    basis: 'views',
    sampleSize: 0,
    band: null,
    grade: null,
    formula: '',
    confidence: 'low',
  },
  rates: [],
  addOns: [],
  flags: [
    {
      code: 'generic-comments',
      severity: 'warn',
      message: snapshot.handle,
      evidence: `${comments.reduce((n, p) => n + p.comments.length, 0)} comments`,
    },
  ],
  computedAt: T0,
});

describe('the comments store', () => {
  it('joins a next page of a post’s comments, and adds nothing when the same page is read again', async () => {
    await recordSnapshot(db, tiktokSnapshot('jane'), T0, countingVet);
    await recordComments(db, JANE, [list('7001', 'love the crumb', '🔥')], T0, countingVet);
    await recordComments(db, JANE, [list('7001', 'love the crumb', '🔥')], T0 + 1, countingVet);
    await recordComments(db, JANE, [list('7001', 'recipe please?', '🔥')], T0 + 2, countingVet);
    const [post] = await commentsOf(db, JANE);
    expect(post?.comments.map((c) => c.text)).toEqual(['love the crumb', '🔥', 'recipe please?']);
  });

  it('vets the stored creator again with the comments, and only when they add something', async () => {
    await recordSnapshot(db, tiktokSnapshot('jane'), T0, countingVet);
    expect((await getCreator(db, JANE))?.vetting?.flags[0]?.evidence).toBe('0 comments');
    expect(await recordComments(db, JANE, [list('7001', 'a', 'b', 'c')], T0, countingVet)).toBe(
      true,
    );
    expect((await getCreator(db, JANE))?.vetting?.flags[0]?.evidence).toBe('3 comments');
    expect(await recordComments(db, JANE, [list('7001', 'a')], T0 + 1, countingVet)).toBe(false);
    // A later snapshot's vetting reads them too.
    await recordSnapshot(db, tiktokSnapshot('jane', { capturedAt: T0 + 5 }), T0 + 5, countingVet);
    expect((await getCreator(db, JANE))?.vetting?.flags[0]?.evidence).toBe('3 comments');
  });

  it('keeps the most recently read posts per creator and a bounded number per post', async () => {
    const many = Array.from({ length: COMMENTS_PER_POST + 30 }, (_, i) => `comment ${i}`);
    await recordComments(db, JANE, [list('p0', ...many)], T0, countingVet);
    for (let i = 1; i <= COMMENT_POSTS_PER_CREATOR + 2; i++) {
      await recordComments(db, JANE, [list(`p${i}`, 'nice')], T0 + i, countingVet);
    }
    const posts = await commentsOf(db, JANE);
    expect(posts).toHaveLength(COMMENT_POSTS_PER_CREATOR);
    expect(posts[0]?.postId).toBe(`p${COMMENT_POSTS_PER_CREATOR + 2}`);
    expect(posts.some((p) => p.postId === 'p0')).toBe(false);
    await recordComments(db, 'tiktok:sam' as CreatorKey, [list('s', ...many)], T0, countingVet);
    expect((await commentsOf(db, 'tiktok:sam'))[0]?.comments).toHaveLength(COMMENTS_PER_POST);
  });

  it('stores texts and likes only, and forgets them with the creator or a wipe', async () => {
    await recordComments(db, JANE, [list('7001', 'so good')], T0, countingVet);
    const rows = await db.comments.toArray();
    for (const row of rows) expect(CommentRowSchema.parse(row)).toEqual(row);
    expect(Object.keys(rows[0]!.comments[0]!).sort()).toEqual(['likes', 'text']);
    expect((await forgetCreator(db, JANE)).commentPosts).toBe(1);
    expect(await db.comments.count()).toBe(0);
    await recordComments(db, JANE, [list('7001', 'so good')], T0, countingVet);
    await wipeAll(db);
    expect(await db.comments.count()).toBe(0);
  });
});
