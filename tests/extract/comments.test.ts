import { describe, expect, it } from 'vitest';
import {
  COMMENT_MAX_CHARS,
  COMMENTS_PER_LIST,
  commentLikes,
  commentList,
  commentText,
  joinByPost,
  joinComments,
} from '@/lib/extract/comments';

const texts = (...t: string[]) => t.map((text) => ({ text }));

describe('a comment as kept', () => {
  it('is its text with whitespace made plain, cut without a trailing space', () => {
    expect(commentText('  so\n\n good\t!  ')).toBe('so good !');
    expect(commentText(`${'a'.repeat(COMMENT_MAX_CHARS - 1)} tail`)).toBe(
      'a'.repeat(COMMENT_MAX_CHARS - 1),
    );
    for (const raw of [' \n ', '', 7, null, { text: 'x' }]) expect(commentText(raw)).toBeNull();
  });

  it('has likes only when they are a whole count: unknown otherwise, never 0', () => {
    expect(commentLikes(12)).toBe(12);
    expect(commentLikes('17')).toBe(17);
    expect(commentLikes(0)).toBe(0);
    for (const raw of [-3, 2.5, '12K', 2 ** 60, null, undefined]) {
      expect(commentLikes(raw)).toBeUndefined();
    }
  });

  it('makes a bounded list for a post, and none without a post or a text', () => {
    const many = Array.from({ length: COMMENTS_PER_LIST + 5 }, (_, i) => ({ text: `c${i}` }));
    expect(commentList('tiktok/comment-list', '7001', many)?.comments).toHaveLength(
      COMMENTS_PER_LIST,
    );
    expect(commentList('tiktok/comment-list', '', many)).toBeNull();
    expect(commentList('tiktok/comment-list', '7001', [{ text: ' ' }])).toBeNull();
  });
});

describe('joining pages of one post’s comments', () => {
  it('adds a next page, and nothing when the same page comes again', () => {
    const page1 = texts('🔥', '🔥', 'how long did it take?');
    expect(joinComments(page1, page1)).toEqual(page1);
    expect(joinComments(page1, texts('🔥', 'recipe?')).map((c) => c.text)).toEqual([
      '🔥',
      '🔥',
      'how long did it take?',
      'recipe?',
    ]);
  });

  it('groups lists by post', () => {
    const lists = [
      { source: 's', postId: 'a', comments: texts('x', 'y') },
      { source: 's', postId: 'b', comments: texts('z') },
      { source: 's', postId: 'a', comments: texts('x', 'w') },
    ];
    expect(joinByPost(lists).map((p) => [p.postId, p.comments.length])).toEqual([
      ['a', 3],
      ['b', 1],
    ]);
  });
});
