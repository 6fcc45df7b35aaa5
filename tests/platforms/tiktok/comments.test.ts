import { commenterValues as commentersIn } from '../commenters';
import { describe, expect, it } from 'vitest';
import {
  COMMENT_MAX_CHARS,
  COMMENTS_PER_LIST,
  type CommentList,
} from '../../../lib/extract/comments';
import { parseJsonDocuments } from '../../../lib/parsing/json-documents';
import { readBody, readComments } from '../../../lib/platforms/tiktok/worker';
import { damageJson, seeded, seedOf } from '../damage';
import { OWN_TIKTOK, readText } from './load';

// A video's comments as TikTok's web app loads them (/api/comment/list/ and its replies), in Scout's
// own invented bodies: the texts and likes the generic-comment checks read, never who wrote them.

const TT = 'https://www.tiktok.com';
const JUNO = '7497343015539092977';
const BEX = '7502870638880308301';
const PARENT = '7497363726326533744';

const LIST_URL = new URL(`${TT}/api/comment/list/?aweme_id=${JUNO}&count=20&cursor=0`);
const REPLY_URL = new URL(
  `${TT}/api/comment/list/reply/?comment_id=${PARENT}&item_id=${JUNO}&count=3&cursor=0`,
);
const BEX_URL = new URL(`${TT}/api/comment/list/?aweme_id=${BEX}&count=20&cursor=0`);

const FILES = {
  juno: 'api-comment-list-juno-sings.json',
  replies: 'api-comment-list-reply-juno-sings.json',
  bex: 'api-comment-list-bex-glow.json',
  hostile: 'api-comment-list-hostile.json',
  truncated: 'api-comment-list-truncated-juno-sings.txt',
} as const;

const json = (file: string): unknown => JSON.parse(readText(OWN_TIKTOK, file));
const textsOf = (list: CommentList | undefined) => list?.comments.map((c) => c.text);

/**
 * Everything a body says about who commented: every value inside each comment's `user`, the
 * comment ids (`cid`) and the accounts a comment mentions (`text_extra`), as text; short values
 * (a region code, a zero) say nothing about anyone and are left out.
 */
function commenterValues(value: unknown): string[] {
  return commentersIn(value, ['user', 'text_extra', 'avatar_thumb', 'cid', 'reply_id']);
}

describe('a video’s comment page (/api/comment/list/)', () => {
  const lists = readComments(json(FILES.juno), LIST_URL);

  it('gives one list for the video, its comments in the page’s order, with their likes', () => {
    expect(lists).toHaveLength(1);
    const [list] = lists;
    expect(list).toMatchObject({ source: 'tiktok/comment-list', postId: JUNO });
    expect(list!.comments.slice(0, 5)).toEqual([
      {
        text: 'The harmony you hit at 0:42 gave me chills. Is that a capo on the 3rd fret?',
        likes: 412,
      },
      {
        text: 'Played this on repeat the whole train ride home, the last chorus is so good',
        likes: 233,
      },
      { text: "Can you post the chords? I want to play this at my sister's wedding", likes: 198 },
      { text: 'Which shanty is this? My grandad used to sing it on the boat', likes: 87 },
      { text: '🔥🔥🔥', likes: 12 },
    ]);
    expect(list!.comments.at(-1)).toEqual({
      text: 'Sending this to my choir, we need to sing this in four parts',
      likes: 5,
    });
  });

  it('reads the 20 comments with text and leaves out the sticker that has none', () => {
    expect(lists[0]!.comments).toHaveLength(20);
    expect(lists[0]!.comments.some((c) => c.text === '')).toBe(false);
  });

  it('keeps the comments in other languages as written', () => {
    expect(textsOf(lists[0])).toEqual(
      expect.arrayContaining([
        'Me encanta cómo cambias de tonalidad al final, ¿es una versión tuya?',
        'Die zweite Strophe klingt fast wie ein Kanon, richtig schön arrangiert',
      ]),
    );
  });

  it('leaves a like count the body does not give (missing, null) unknown, never 0', () => {
    const byText = new Map(lists[0]!.comments.map((c) => [c.text, c]));
    const cat = byText.get('My cat stopped and stared at the phone when the chorus came in 😂');
    const raw = byText.get("Finally someone who doesn't autotune everything. Raw and real");
    expect(cat).toEqual({ text: cat!.text });
    expect(raw).toEqual({ text: raw!.text });
  });

  it('files comments under their own video id, whatever video the request named', () => {
    const elsewhere = new URL(`${TT}/api/comment/list/?aweme_id=7499914841949394567`);
    expect(readComments(json(FILES.juno), elsewhere).map((l) => l.postId)).toEqual([JUNO]);
  });
});

describe('the replies under a comment (/api/comment/list/reply/)', () => {
  it('gives the replies as a list on the video, the one naming no video under the request’s item_id', () => {
    const lists = readComments(json(FILES.replies), REPLY_URL);
    expect(lists).toEqual([
      {
        source: 'tiktok/comment-replies',
        postId: JUNO,
        comments: [
          { text: "Seconding this, I'd pay for a tab", likes: 4 },
          { text: 'Same here, the wedding is in June 🙏', likes: 1 },
          { text: 'Chords going up tomorrow, promise!', likes: 37 },
        ],
      },
    ]);
  });

  it('drops a reply that names no video when the request names none either', () => {
    const lists = readComments(json(FILES.replies), new URL(`${TT}/api/comment/list/reply/`));
    expect(textsOf(lists[0])).toEqual([
      "Seconding this, I'd pay for a tab",
      'Same here, the wedding is in June 🙏',
    ]);
  });
});

describe('a video whose comments are mostly generic', () => {
  const [list] = readComments(json(FILES.bex), BEX_URL);

  it('keeps emoji-only, stock praise in six languages and a bare mention exactly as written', () => {
    expect(list?.postId).toBe(BEX);
    expect(list?.comments).toHaveLength(20);
    expect(textsOf(list)).toEqual(
      expect.arrayContaining([
        '😍😍😍',
        '❤️❤️❤️',
        '👏🏽👏🏽',
        '❤️‍🔥✨💯',
        'nice pic!',
        'Hermosa!!',
        'Perfeita 😍',
        'Wunderschön!',
        'Magnifique',
        'Keren banget kak',
        '@mila.rosen',
      ]),
    );
  });

  it('keeps the genuine questions beside them, with their likes', () => {
    expect(list?.comments).toContainEqual({
      text: 'What shade is the lipstick at the end? It looks amazing with the green jacket',
      likes: 120,
    });
  });
});

describe('nothing about the commenters', () => {
  const cases = [
    [FILES.juno, LIST_URL],
    [FILES.replies, REPLY_URL],
    [FILES.bex, BEX_URL],
  ] as const;

  it.each(cases)(
    '%s: no commenter handle, name, id, avatar or comment id in the lists',
    (file, url) => {
      const body = json(file);
      const out = JSON.stringify(readComments(body, url));
      const values = commenterValues(body);
      expect(values.length).toBeGreaterThan(20);
      for (const value of values) expect(out, value).not.toContain(value);
    },
  );

  it.each(cases)(
    '%s: lists hold a source, a post id and texts with likes, nothing else',
    (file, url) => {
      for (const list of readComments(json(file), url)) {
        expect(Object.keys(list).sort()).toEqual(['comments', 'postId', 'source']);
        for (const c of list.comments) {
          expect(Object.keys(c).every((k) => k === 'text' || k === 'likes')).toBe(true);
        }
      }
    },
  );

  it.each(cases)(
    '%s: the body says nothing about any account (no reading to file)',
    (file, url) => {
      expect(readBody(json(file), url)).toEqual([]);
    },
  );
});

describe('bad comment bodies', () => {
  it('reads what a hostile body holds and nothing more', () => {
    const lists = readComments(json(FILES.hostile), LIST_URL);
    expect(lists).toEqual([
      {
        source: 'tiktok/comment-list',
        postId: JUNO,
        comments: [
          { text: 'line one line two tabbed', likes: 17 },
          { text: 'negative likes' },
          { text: 'fractional likes' },
          { text: 'likes as words' },
          { text: 'likes beyond exact' },
          { text: 'an id that lost its digits', likes: 1 },
          { text: 'not an id', likes: 2 },
          { text: 'A very long comment. '.repeat(40).trim().slice(0, COMMENT_MAX_CHARS) },
          { text: 'beside a __proto__ key' },
          { text: '<img src=x onerror=alert(1)>', likes: 0 },
        ],
      },
      {
        source: 'tiktok/comment-list',
        postId: '7499914841949394567',
        comments: [{ text: 'on another video', likes: 6 }],
      },
    ]);
  });

  it('files no comment whose video neither it nor the request names', () => {
    const lists = readComments(json(FILES.hostile), new URL(`${TT}/api/comment/list/`));
    const texts = lists.flatMap((l) => l.comments.map((c) => c.text));
    expect(texts).not.toContain('an id that lost its digits');
    expect(texts).not.toContain('not an id');
    expect(texts).toContain('line one line two tabbed');
  });

  it('reads nothing from a body cut short', () => {
    const docs = parseJsonDocuments(readText(OWN_TIKTOK, FILES.truncated));
    expect(docs.flatMap((doc) => readComments(doc, LIST_URL))).toEqual([]);
  });

  it('answers an error status with no list, whatever comments it carries', () => {
    const body = { ...(json(FILES.juno) as object), status_code: 10201 };
    expect(readComments(body, LIST_URL)).toEqual([]);
  });

  it.each([
    ['nothing', undefined],
    ['null', null],
    ['a number', 42],
    ['a string', '{"comments":[]}'],
    ['an array of bodies', [json(FILES.juno)]],
    ['comments that are no list', { comments: { 0: { text: 'x', aweme_id: JUNO } } }],
    ['no comments', { comments: null, status_code: 0 }],
    ['a profile’s video list', json('api-item-list-nadia-draws.json')],
    ['a user detail', json('api-user-detail-nadia-draws.json')],
  ])('gives no list for %s', (_name, value) => {
    expect(readComments(value, LIST_URL)).toEqual([]);
  });

  it('bounds a page of thousands of comments', () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({ text: `comment ${i}`, aweme_id: JUNO }));
    const lists = readComments({ comments: many, status_code: 0 }, LIST_URL);
    expect(lists[0]!.comments).toHaveLength(COMMENTS_PER_LIST);
  });

  it.each(Object.values(FILES).filter((f) => f.endsWith('.json')))(
    '%s damaged many ways: never throws, never a video or like count the body does not give',
    (file) => {
      const original = json(file) as { comments: { aweme_id?: unknown; digg_count?: unknown }[] };
      const videos = new Set([JUNO, ...original.comments.map((c) => String(c?.aweme_id))]);
      const likes = new Set(
        original.comments.map((c) =>
          typeof c?.digg_count === 'string' ? Number(c.digg_count) : c?.digg_count,
        ),
      );
      const rng = seeded(seedOf(`comments ${file}`));
      for (let run = 0; run < 30; run++) {
        const text = damageJson(rng, original as never);
        let lists: CommentList[] = [];
        expect(() => {
          lists = parseJsonDocuments(text).flatMap((doc) => readComments(doc, LIST_URL));
        }, `${file} run ${run}`).not.toThrow();
        for (const list of lists) {
          expect(videos.has(list.postId), `${file} run ${run}: ${list.postId}`).toBe(true);
          expect(list.comments.length).toBeLessThanOrEqual(COMMENTS_PER_LIST);
          for (const c of list.comments) {
            expect(c.text.length).toBeLessThanOrEqual(COMMENT_MAX_CHARS);
            if (c.likes !== undefined) expect(likes.has(c.likes), `${file} run ${run}`).toBe(true);
          }
        }
      }
    },
  );
});
