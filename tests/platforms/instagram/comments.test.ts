import { commenterValues as commentersIn } from '../commenters';
import { describe, expect, it } from 'vitest';
import {
  COMMENT_MAX_CHARS,
  COMMENTS_PER_LIST,
  type CommentList,
} from '../../../lib/extract/comments';
import { parseJsonDocuments } from '../../../lib/parsing/json-documents';
import { mediaCode, mediaPk } from '../../../lib/platforms/instagram/comments';
import {
  readBody,
  readComments,
  readMaterialComments,
} from '../../../lib/platforms/instagram/worker';
import { describeCaptures } from '../../captures';
import { damageJson, seeded, seedOf } from '../damage';
import {
  fixtureFiles,
  IG,
  instagram,
  NOW,
  OWN_INSTAGRAM,
  parseDoc,
  readText,
  SHARED_INSTAGRAM,
} from './load';

// A post's comments as Instagram's pages load them (the private API's comment pages and replies,
// the web GraphQL comment queries, 2019–21 GraphQL), in Scout's own invented bodies: the texts and
// likes the generic-comment checks read, filed under the post's shortcode, never who wrote them.

const MIRA = 'C8tA9bXyZ3w';
const MIRA_PK = '3399377515012791792';
const INES = 'DBq7inesFlw';
const INES_PK = '3488862724949039472';
const OLE = 'CNz1Image21';
const NILS = 'C8uHid0001a';
const NILS_PK = '3399687923523865946';
const HUT_COMMENT = '17900058158526847';

const FILES = {
  mira: 'api-media-comments-mira-loops.json',
  replies: 'api-media-child-comments-mira-loops.json',
  ines: 'graphql-post-comments-ines-bloom.json',
  inesPage: 'post-page-comments-ines-bloom.html',
  ole: 'graphql-comments-ole-bakes-2021.json',
  nils: 'api-media-comments-hidden-likes-nils-still.json',
  hostile: 'api-media-comments-hostile.json',
  truncated: 'api-media-comments-truncated-mira-loops.txt',
} as const;

const URLS = {
  mira: new URL(`${IG}/api/v1/media/${MIRA_PK}/comments/?can_support_threading=true`),
  replies: new URL(`${IG}/api/v1/media/${MIRA_PK}/comments/${HUT_COMMENT}/child_comments/`),
  graphql: new URL(`${IG}/graphql/query`),
  inesPage: new URL(`${IG}/p/${INES}/`),
  ole: new URL(
    `${IG}/graphql/query/?query_hash=0123456789abcdef&variables=` +
      encodeURIComponent(JSON.stringify({ shortcode: OLE, first: 12, after: 'QVFD' })),
  ),
  nils: new URL(`${IG}/api/v1/media/${NILS_PK}/comments/`),
};

const json = (file: string): unknown => JSON.parse(readText(OWN_INSTAGRAM, file));
const textsOf = (list: CommentList | undefined) => list?.comments.map((c) => c.text);

/**
 * Everything a body says about who commented: every value of the accounts in it (`user`, `owner`,
 * `other_preview_users`, `user_id`) and each comment's own id (`pk` / `id` of an object with a
 * `text`), as text; short values (a zero, a type code) say nothing about anyone and are left out.
 */
function commenterValues(value: unknown): string[] {
  return commentersIn(value, ['user', 'owner', 'other_preview_users', 'user_id'], (record) =>
    'text' in record ? [record['pk'], record['id']] : [],
  );
}

/** Every count a JSON value holds anywhere: its numbers, and its strings of digits read as numbers. */
function numbersIn(value: unknown): Set<number> {
  const found = new Set<number>();
  const walk = (v: unknown): void => {
    if (typeof v === 'number') found.add(v);
    else if (typeof v === 'string' && /^\d{1,16}$/.test(v)) found.add(Number(v));
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(value);
  return found;
}

describe('media pks and shortcodes', () => {
  it('writes a pk in the shortcode alphabet, most significant digit first', () => {
    // Worked by hand: 1 = "B", 63 = "_", 64 = "BA", 64^10 = 2^60 = "B" and ten "A"s, and 2^64 − 1
    // (the largest pk) = fifteen 64^10 ("P") plus 63 in every lower digit.
    expect(mediaCode('1')).toBe('B');
    expect(mediaCode('63')).toBe('_');
    expect(mediaCode('64')).toBe('BA');
    expect(mediaCode(String(2n ** 60n))).toBe('BAAAAAAAAAA');
    expect(mediaCode(String(2n ** 64n - 1n))).toBe('P__________');
    expect(mediaPk('BA')).toBe('64');
    expect(mediaPk('BAAAAAAAAAA')).toBe(String(2n ** 60n));
    expect(mediaPk('P__________')).toBe(String(2n ** 64n - 1n));
  });

  it.each(['7', '4096', '987654321', '2100000000000000000', '3141592653589793238', MIRA_PK])(
    'turns pk %s into a code and back',
    (pk) => {
      const code = mediaCode(pk)!;
      expect(code).toMatch(/^[A-Za-z0-9_-]{1,11}$/);
      expect(mediaPk(code)).toBe(pk);
    },
  );

  it.each(['Bq', 'C8tA9bXyZ3w', 'DBq7inesFlw', 'CNz1Image21', 'Dz-_9'])(
    'turns code %s into a pk and back',
    (code) => {
      expect(mediaCode(mediaPk(code)!)).toBe(code);
    },
  );

  it('reads a media id (<pk>_<owner pk>) by its pk, and a pk sent as an exact number', () => {
    expect(mediaCode(`${MIRA_PK}_48213377120`)).toBe(MIRA);
    expect(mediaCode(123456789)).toBe(mediaCode('123456789'));
  });

  it.each([
    ['zero', '0'],
    ['nothing', ''],
    ['letters', 'abc'],
    ['a negative number', '-5'],
    ['a pk beyond 64 bits', String(2n ** 64n)],
    ['a number that lost its digits', Number(MIRA_PK)],
    ['a media id cut short', '123_'],
    ['not a string', { pk: '1' }],
  ])('gives no code for %s', (_name, pk) => {
    expect(mediaCode(pk)).toBeUndefined();
  });

  it.each([
    ['a code longer than a pk', 'CyBB9HvK0Ql4ruWxC3dp1HfaXnxWDY1GmGYAiA0'],
    ['a code beyond 64 bits', 'Q__________'],
    ['a leading zero digit', 'AB'],
    ['a character outside the alphabet', 'C8t.9bXyZ3w'],
    ['nothing', ''],
  ])('gives no pk for %s', (_name, code) => {
    expect(mediaPk(code)).toBeUndefined();
  });
});

describeCaptures('pks and shortcodes in the real captures', SHARED_INSTAGRAM, () => {
  /** Every media in the captures that names both its pk (or id) and its code. */
  function pairs(): [string, string][] {
    const found: [string, string][] = [];
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        const m = v as Record<string, unknown>;
        const code = m['code'] ?? m['shortcode'];
        const pk = m['pk'] ?? m['id'];
        if (typeof code === 'string' && typeof pk === 'string') found.push([pk, code]);
        Object.values(m).forEach(walk);
      }
    };
    for (const file of fixtureFiles(SHARED_INSTAGRAM)) {
      const text = readText(SHARED_INSTAGRAM, file);
      const docs = file.endsWith('.json')
        ? parseJsonDocuments(text)
        : [...text.matchAll(/"id":"(\d+)","shortcode":"([\w-]+)"/g)].map((m) => ({
            id: m[1],
            shortcode: m[2],
          }));
      docs.forEach(walk);
    }
    return found;
  }

  it('has medias that name both', () => {
    expect(pairs().length).toBeGreaterThanOrEqual(2);
  });

  it('gives each media’s own code from its pk, and its pk from its code', () => {
    for (const [pk, code] of pairs()) {
      expect(mediaCode(pk), pk).toBe(code);
      expect(mediaPk(code), code).toBe(pk.split('_')[0]);
    }
  });
});

describe('a post’s comments from the private API (media/<pk>/comments/)', () => {
  const lists = readComments(json(FILES.mira), URLS.mira);

  it('gives one list under the post’s shortcode, the pk in the path turned into it', () => {
    expect(lists.map((l) => [l.source, l.postId, l.comments.length])).toEqual([
      ['instagram/comments', MIRA, 16],
    ]);
  });

  it('keeps the comments in the page’s order, with their likes', () => {
    expect(lists[0]!.comments.slice(0, 4)).toEqual([
      { text: 'Which trail is this? The ridge looks like the one above Lauterbrunnen', likes: 96 },
      {
        text: '5am start is rough but that light makes it worth it, what time did you set off?',
        likes: 41,
      },
      { text: 'Did you camp at the hut or do it as a day hike?', likes: 33 },
      { text: '😍😍', likes: 4 },
    ]);
    expect(textsOf(lists[0])).toEqual(
      expect.arrayContaining([
        'Stunning!',
        'Wie lange habt ihr für den Aufstieg gebraucht? Wir wollen im September hin',
        'Añadido a mi lista para el verano, gracias por poner la ruta en la descripción',
      ]),
    );
  });

  it('leaves a like count the comment does not give unknown, never 0', () => {
    expect(lists[0]!.comments.at(-1)).toEqual({
      text: 'How cold was it at the top? Debating whether to bring the down jacket',
    });
  });

  it('reads neither the caption nor the inline preview of a reply', () => {
    const texts = textsOf(lists[0]);
    expect(texts).not.toContain('Ridge line at sunrise, route in the guide on my page');
    expect(texts).not.toContain('We stayed at the hut, booking a month ahead is a must');
  });

  it('gives no list when neither the comments nor the URL name the post', () => {
    expect(readComments(json(FILES.mira), new URL(`${IG}/api/v1/feed/timeline/`))).toEqual([]);
  });

  it('takes the post from a media id in the path (<pk>_<owner pk>)', () => {
    const url = new URL(`${IG}/api/v1/media/${MIRA_PK}_48213377120/comments/`);
    expect(readComments(json(FILES.mira), url).map((l) => l.postId)).toEqual([MIRA]);
  });
});

describe('the replies under a comment (child_comments)', () => {
  it('gives the replies under the post they name, without their parent', () => {
    expect(readComments(json(FILES.replies), URLS.replies)).toEqual([
      {
        source: 'instagram/child-comments',
        postId: MIRA,
        comments: [
          { text: 'We stayed at the hut, booking a month ahead is a must', likes: 12 },
          { text: 'Same question, the hut looked full in July', likes: 3 },
          { text: 'Day hike is doable if you start before 6, we did it in nine hours', likes: 6 },
        ],
      },
    ]);
  });

  it('files them by their own media_id, whatever post the URL names', () => {
    const elsewhere = new URL(`${IG}/api/v1/media/${NILS_PK}/comments/1/child_comments/`);
    expect(readComments(json(FILES.replies), elsewhere).map((l) => l.postId)).toEqual([MIRA]);
  });
});

describe('a post whose comments are mostly generic (web GraphQL)', () => {
  it('gives no list from the GraphQL endpoint alone: the nodes name no post', () => {
    expect(readComments(json(FILES.ines), URLS.graphql)).toEqual([]);
    expect(readComments(json(FILES.ines), new URL(`${IG}/api/graphql`))).toEqual([]);
  });

  it.each([
    ['its post page', URLS.inesPage],
    ['its post page under the author', new URL(`${IG}/ines.bloom/p/${INES}/`)],
    [
      'a GET request naming its media_id',
      new URL(`${IG}/graphql/query/?variables=${encodeURIComponent(`{"media_id":"${INES_PK}"}`)}`),
    ],
  ])('files them under the post %s names', (_name, url) => {
    const lists = readComments(json(FILES.ines), url);
    expect(lists.map((l) => [l.source, l.postId, l.comments.length])).toEqual([
      ['instagram/comments-graphql', INES, 20],
    ]);
  });

  it('keeps emoji-only, stock praise in six languages and a bare mention exactly as written', () => {
    const [list] = readComments(json(FILES.ines), URLS.inesPage);
    expect(textsOf(list)).toEqual(
      expect.arrayContaining([
        '😍😍😍',
        '❤️❤️❤️',
        '👏🏽👏🏽',
        '❤️‍🔥✨💯',
        'nice pic!',
        'Preciosa!!',
        'Lindo demais',
        'Wunderschön!',
        'Magnifique',
        'Keren banget kak',
        '@noor.petals',
      ]),
    );
    expect(list?.comments).toContainEqual({
      text: 'Do you use chicken wire or a pin frog for the base?',
      likes: 27,
    });
    expect(list?.comments).toContainEqual({ text: '@noor.petals', likes: 0 });
  });
});

describe('a post page that preloads its comments', () => {
  const html = readText(OWN_INSTAGRAM, FILES.inesPage);
  const material = (url: URL) =>
    structuredClone(instagram.collectDocument(parseDoc(html), url, NOW));

  it('gives the preloaded comments under the page’s post, as the same query’s body does', () => {
    const lists = readMaterialComments(material(URLS.inesPage), URLS.inesPage);
    expect(lists).toEqual(readComments(json(FILES.ines), URLS.inesPage));
    expect(lists[0]?.comments).toHaveLength(20);
  });

  it('gives none where the URL names no post', () => {
    const profile = new URL(`${IG}/ines.bloom/`);
    expect(readMaterialComments(material(profile), profile)).toEqual([]);
  });

  it('still reads the post and its author, and no commenter as an account', () => {
    const readings = instagram.readDocument!(parseDoc(html), URLS.inesPage, NOW);
    expect(new Set(readings.flatMap((r) => r.handle ?? []))).toEqual(new Set(['ines.bloom']));
    expect(new Set(readings.flatMap((r) => r.posts.map((p) => p.id)))).toEqual(new Set([INES]));
  });

  it('reads the 2021 post page’s empty comment edges as no list', () => {
    const page = readText(OWN_INSTAGRAM, 'post-page-2021.html');
    const url = new URL(`${IG}/p/${OLE}/`);
    expect(readMaterialComments(instagram.collectDocument(parseDoc(page), url, NOW), url)).toEqual(
      [],
    );
  });
});

describe('2019–21 GraphQL comment pages (shortcode_media.edge_media_to_parent_comment)', () => {
  it('reads the parent comments with the replies inline, by the request’s shortcode', () => {
    expect(readComments(json(FILES.ole), URLS.ole)).toEqual([
      {
        source: 'instagram/comments-legacy',
        postId: OLE,
        comments: [
          { text: 'What hydration is this? The crumb is so open', likes: 14 },
          { text: '78%, with a long cold proof', likes: 9 },
          { text: 'Thanks! Trying it this weekend', likes: 1 },
          { text: '🔥🔥🔥', likes: 2 },
          { text: 'Do you feed the rye starter with rye flour only?', likes: 6 },
          { text: 'Bought a loaf at the Saturday market, the crust is incredible', likes: 11 },
          { text: 'Which banneton size for a 1 kg loaf?' },
          { text: 'Rye never rises like this for me, is it 100% or cut with wheat?', likes: 4 },
        ],
      },
    ]);
  });

  it('gives no list when the request names no post', () => {
    expect(readComments(json(FILES.ole), URLS.graphql)).toEqual([]);
  });

  it('files them under the media’s own shortcode where it names one', () => {
    const body = json(FILES.ole) as { data: { shortcode_media: Record<string, unknown> } };
    body.data.shortcode_media['shortcode'] = 'CNzOtherPst';
    expect(readComments(body, URLS.ole).map((l) => l.postId)).toEqual(['CNzOtherPst']);
    expect(readComments({ graphql: body.data }, URLS.graphql).map((l) => l.postId)).toEqual([
      'CNzOtherPst',
    ]);
    const sharedData = { entry_data: { PostPage: [{ graphql: body.data }] } };
    expect(readComments(sharedData, URLS.graphql).map((l) => l.comments.length)).toEqual([8]);
  });
});

describe('a post whose comment likes are turned off', () => {
  it('leaves every like count unknown, not the 0 the payload still carries', () => {
    const [list] = readComments(json(FILES.nils), URLS.nils);
    expect(list?.postId).toBe(NILS);
    expect(list?.comments).toHaveLength(5);
    for (const c of list!.comments) expect(c).toEqual({ text: c.text });
  });
});

describe('nothing about the commenters', () => {
  const cases = [
    [FILES.mira, URLS.mira],
    [FILES.replies, URLS.replies],
    [FILES.ines, URLS.inesPage],
    [FILES.ole, URLS.ole],
    [FILES.nils, URLS.nils],
  ] as const;

  it.each(cases)(
    '%s: no commenter handle, name, id, avatar or comment id in the lists',
    (file, url) => {
      const body = json(file);
      const out = JSON.stringify(readComments(body, url));
      const values = commenterValues(body);
      expect(values.length).toBeGreaterThan(10);
      for (const value of values) expect(out, value).not.toContain(value);
    },
  );

  it('no commenter in the lists a preloaded post page gives', () => {
    const html = readText(OWN_INSTAGRAM, FILES.inesPage);
    const material = instagram.collectDocument(parseDoc(html), URLS.inesPage, NOW);
    const out = JSON.stringify(readMaterialComments(material, URLS.inesPage));
    for (const value of commenterValues(json(FILES.ines))) expect(out, value).not.toContain(value);
  });

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

  it.each(cases)('%s: the body names no commenter as an account to file', (file, url) => {
    const commenters = new Set(commenterValues(json(file)));
    for (const r of readBody(json(file), url)) {
      expect(commenters.has(r.handle ?? ''), r.handle).toBe(false);
      expect(commenters.has(r.platformId ?? ''), r.platformId).toBe(false);
    }
  });
});

describe('bad comment bodies', () => {
  it('reads what a hostile body holds and nothing more', () => {
    expect(readComments(json(FILES.hostile), URLS.mira)).toEqual([
      {
        source: 'instagram/comments',
        postId: MIRA,
        comments: [
          { text: 'digits as text', likes: 9 },
          { text: 'negative likes' },
          { text: 'fractional likes' },
          { text: 'likes as words' },
          { text: 'null likes' },
          { text: 'a media id that is no number', likes: 3 },
          { text: 'on a media beyond 64 bits', likes: 5 },
          { text: 'beside a __proto__ key' },
          { text: 'Long comment. '.repeat(50).trim().slice(0, COMMENT_MAX_CHARS) },
        ],
      },
      {
        source: 'instagram/comments',
        postId: 'C9bReelX7k2',
        comments: [{ text: 'on a post of its own', likes: 4 }],
      },
      {
        source: 'instagram/comments-graphql',
        postId: MIRA,
        comments: [{ text: 'a reply in a connection', likes: 2 }],
      },
    ]);
  });

  it('reads nothing from a body cut short', () => {
    const docs = parseJsonDocuments(readText(OWN_INSTAGRAM, FILES.truncated));
    expect(docs.flatMap((doc) => readComments(doc, URLS.mira))).toEqual([]);
  });

  it.each([
    ['nothing', undefined],
    ['null', null],
    ['a number', 42],
    ['a string', '{"comments":[]}'],
    ['comments that are no list', { comments: { 0: { text: 'x' } } }],
    [
      'a connection without edges',
      { data: { xdt_api__v1__media__media_id__comments__connection: {} } },
    ],
    ['a profile', json('web-profile-info-mira-loops.json')],
    ['a timeline', json('timeline-xdt-mira-loops.json')],
    ['a media info', json('api-media-info-other-creator.json')],
  ])('gives no list for %s', (_name, value) => {
    expect(readComments(value, URLS.mira)).toEqual([]);
  });

  it('bounds a page of thousands of comments', () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({ text: `comment ${i}` }));
    const lists = readComments({ comments: many }, URLS.mira);
    expect(lists[0]!.comments).toHaveLength(COMMENTS_PER_LIST);
  });

  it('walks a preloaded block of any depth without a stack, and only so far', () => {
    const connection = { edges: [{ node: { text: 'deep down', comment_like_count: 1 } }] };
    const nested = (depth: number) => {
      let v: unknown = { data: { xdt_api__v1__media__media_id__comments__connection: connection } };
      for (let i = 0; i < depth; i++) v = [v];
      return { require: v };
    };
    expect(readComments(nested(20_000), URLS.inesPage)).toEqual([
      {
        source: 'instagram/comments-graphql',
        postId: INES,
        comments: [{ text: 'deep down', likes: 1 }],
      },
    ]);
    expect(readComments(nested(200_000), URLS.inesPage)).toEqual([]);
  });

  it.each(Object.values(FILES).filter((f) => f.endsWith('.json')))(
    '%s damaged many ways: never throws, never a post or like count the body does not give',
    (file) => {
      const original = json(file);
      const truth = [URLS.mira, URLS.ole, URLS.inesPage].flatMap((u) => readComments(original, u));
      const posts = new Set([MIRA, OLE, INES, ...truth.map((l) => l.postId)]);
      const likes = numbersIn(original);
      const rng = seeded(seedOf(`comments ${file}`));
      for (let run = 0; run < 30; run++) {
        const text = damageJson(rng, original as never);
        let lists: CommentList[] = [];
        expect(() => {
          lists = parseJsonDocuments(text).flatMap((doc) => readComments(doc, URLS.mira));
        }, `${file} run ${run}`).not.toThrow();
        for (const list of lists) {
          expect(posts.has(list.postId), `${file} run ${run}: ${list.postId}`).toBe(true);
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
