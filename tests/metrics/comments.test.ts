import { describe, expect, it } from 'vitest';
import {
  computeFlags,
  COMMENT_EXAMPLE_CHARS,
  FLAG_THRESHOLDS as T,
  isGenericComment,
  summarizeComments,
  type PostComments,
} from '@/lib/metrics';
import { FlagSchema } from '@/lib/model';
import { snapshot, videosAtRates } from './builders';

const creator = snapshot({ recentPosts: videosAtRates(Array(12).fill(8.9)) });

/** Post `v<i>` gets the i-th list of texts. */
const posts = (...lists: readonly string[][]): PostComments[] =>
  lists.map((texts, i) => ({ postId: `v${i + 1}`, comments: texts.map((text) => ({ text })) }));

/** A real question or remark about post `p`, different on every post and every time. */
const real = (p: number, i: number) =>
  [
    `Which flour did you use for loaf ${p}-${i}?`,
    `Tried your recipe ${i} times now, the crumb on loaf ${p} is so open`,
    `Could you show the shaping of loaf ${p} slower, step ${i}`,
    `How long did batch ${p}.${i} proof in the fridge?`,
  ][i % 4] as string;

const flagOf = (code: string, comments: PostComments[]) =>
  computeFlags(creator, { comments }).find((f) => f.code === code);

describe('which comments say nothing', () => {
  it.each([
    ['🔥🔥', 'repeated emoji'],
    ['❤️', 'a heart with its variation selector'],
    ['❤❤', 'text hearts'],
    ['👨‍👩‍👧‍👦', 'a ZWJ family'],
    ['👍🏽👍🏿', 'skin tones'],
    ['🇧🇷🇮🇩', 'flags'],
    ['🏴󠁧󠁢󠁥󠁮󠁧󠁿', 'a subdivision flag'],
    ['1️⃣0️⃣0️⃣', 'keycaps'],
    ['!!!', 'punctuation only'],
    ['@bob @amy', 'mentions only'],
    ['@ana.lu @b_b 🔥', 'mentions and an emoji'],
  ])('"%s" (%s) is generic', (text) => {
    expect(isGenericComment(text)).toBe(true);
  });

  it.each([
    [
      'en',
      ['nice pic!', 'wow', 'NICE PIC', 'niiiice!!!', 'so beautiful', 'Love it ❤️', 'well done'],
    ],
    ['es', ['¡Qué bonito!', 'que bonitoooo', 'lindo', 'Me encanta 😍', 'Muy linda']],
    ['pt', ['Muito lindo ❤️', 'top', 'Arrasou!!', 'que linda demais']],
    ['de', ['Super !', 'mega', 'Sehr schön 😍', 'Wunderschön', 'echt toll']],
    ['fr', ['trop beau', "C'est magnifique", 'J’adore', 'trop bien']],
    ['id', ['keren', 'mantap', 'bagus banget', 'Keren bgt kak', 'wkwkwk mantul', 'luar biasa']],
    ['one word in other scripts', ['Класс!', 'かわいい', '대박', 'رائع', 'शानदार', '好看']],
  ])('praise in %s is generic', (_language, texts) => {
    expect(texts.filter((t) => !isGenericComment(t))).toEqual([]);
  });

  it.each([
    'Which serum is that?',
    'Price?',
    '@bob look at this routine',
    'I love the lamp',
    'Could you do one for oily skin please',
    '¿Dónde compraste esa lámpara?',
    'Hice esta receta ayer y salió riquísima',
    'Fiz essa receita ontem e ficou ótima',
    'Wo hast du die Lampe gekauft',
    "J'ai testé ta recette hier soir, un régal",
    'Kak ini beli di mana ya, mau coba juga',
    'Где купить такую лампу',
    'このレシピの分量を教えてください',
    '이 렌즈는 어디서 샀어요',
    'من أين اشتريت هذا الفستان',
    '这个精华在哪里买的',
  ])('"%s" says something: not generic', (text) => {
    expect(isGenericComment(text)).toBe(false);
  });
});

describe('summarizeComments', () => {
  it('counts the comments, the posts and the generic share, with the most frequent examples', () => {
    const summary = summarizeComments(
      posts(
        ['🔥🔥', 'nice pic!', real(1, 0), real(1, 1)],
        ['🔥🔥🔥', '🔥 🔥', real(2, 0)],
        ['wow', real(3, 0), real(3, 1), real(3, 2)],
      ),
    );
    expect(summary).toMatchObject({ comments: 11, posts: 3, generic: 5 });
    expect(summary.genericShare).toBeCloseTo(5 / 11);
    expect(summary.formula).toBe('11 comments on 3 posts read, 45% generic');
    // "🔥🔥", "🔥🔥🔥" and "🔥 🔥" are one comment, shown as first written.
    expect(summary.genericExamples).toEqual(['🔥🔥', 'nice pic!', 'wow']);
  });

  it('shortens long examples without cutting an emoji in half', () => {
    const [example] = summarizeComments(posts(['👍🏽'.repeat(50)])).genericExamples;
    expect([...new Intl.Segmenter().segment(example as string)]).toHaveLength(
      COMMENT_EXAMPLE_CHARS,
    );
    expect(example).toMatch(/^👍🏽.*…$/u);
  });

  it('finds a comment written on several posts, however it is cased, punctuated or tagged', () => {
    const summary = summarizeComments(
      posts(
        ['Great content, keep it up 🔥', real(1, 0)],
        ['great content keep it up!!', '@mia Great content, keep it up', real(2, 0)],
        ['GREAT CONTENT. KEEP IT UP', real(3, 0)],
      ),
    );
    expect(summary.repeated).toEqual([
      { text: 'Great content, keep it up 🔥', posts: 3, times: 4 },
    ]);
    expect(summary.repeatedTotal).toBe(1);
  });

  it('the same comment twice on one post, or a short one on every post, is not "repeated"', () => {
    const summary = summarizeComments(
      posts(
        ['Great content, keep it up', 'Great content, keep it up', 'love this', '🔥'],
        ['love this', '🔥', real(2, 0)],
        ['love this', '🔥', real(3, 0)],
      ),
    );
    expect(summary.repeated).toEqual([]);
    expect(summary.repeatedTotal).toBe(0);
  });

  it('a post given twice counts as one post', () => {
    const summary = summarizeComments([
      { postId: 'v1', comments: [{ text: 'what a view, where is this' }] },
      { postId: 'v1', comments: [{ text: 'what a view, where is this' }] },
    ]);
    expect(summary).toMatchObject({ comments: 2, posts: 1, repeated: [] });
  });

  it('no comments read: nothing counted, nothing said to be generic', () => {
    expect(summarizeComments(posts([], [' ']))).toMatchObject({
      comments: 0,
      posts: 0,
      generic: 0,
      genericShare: 0,
      genericExamples: [],
      repeated: [],
      formula: 'no comments read',
    });
  });
});

describe('the generic-comments warning', () => {
  it('stays quiet for a creator whose comments are mostly genuine', () => {
    // 5 posts × 20 comments, 3 of each 20 generic: the top of normal.
    const lists = [1, 2, 3, 4, 5].map((p) => [
      '🔥',
      'wow',
      'so cute',
      ...Array.from({ length: 17 }, (_, i) => real(p, i)),
    ]);
    expect(computeFlags(creator, { comments: posts(...lists) })).toEqual([]);
  });

  it('warns at 60% generic, with the counts and the most frequent examples', () => {
    // 146 comments on 5 posts, 88 of them generic ("🔥🔥" the most frequent).
    const others = ['@amy @bob', 'wow', 'bagus banget', 'Super !', 'lindo'];
    const genericText = (i: number) =>
      i % 2 === 0 ? '🔥🔥' : i % 4 === 1 ? 'nice pic!' : (others[(i >> 2) % 5] as string);
    const sizes = [30, 30, 30, 30, 26];
    const genericPer = [18, 18, 18, 18, 16];
    const lists = sizes.map((size, p) =>
      Array.from({ length: size }, (_, i) =>
        i < (genericPer[p] as number) ? genericText(i) : real(p, i),
      ),
    );
    const flag = flagOf('generic-comments', posts(...lists));
    expect(FlagSchema.safeParse(flag).success).toBe(true);
    expect(flag).toMatchObject({ severity: 'warn' });
    expect(flag?.evidence).toBe(
      '88 of 146 comments on 5 posts (60%) are emoji-only, one word or mention-only ' +
        '(e.g. "🔥🔥", "nice pic!")',
    );
  });

  it('warns from half of the comments generic, not below', () => {
    const half = (generic: number) =>
      posts(
        Array.from({ length: 20 }, (_, i) => (i < generic ? 'wow' : real(1, i))),
        Array.from({ length: 20 }, (_, i) => (i < generic ? 'top' : real(2, i))),
      );
    expect(flagOf('generic-comments', half(10))?.evidence).toMatch(/^20 of 40 comments .*\(50%\)/);
    expect(flagOf('generic-comments', half(9))).toBeUndefined();
  });

  it(`needs ${T.genericMinComments} comments: fewer say too little, however generic`, () => {
    const all = (n: number) => posts(Array(n).fill('🔥'));
    expect(flagOf('generic-comments', all(T.genericMinComments - 1))).toBeUndefined();
    expect(flagOf('generic-comments', all(T.genericMinComments))?.evidence).toMatch(
      new RegExp(
        `^${T.genericMinComments} of ${T.genericMinComments} comments on 1 post \\(100%\\)`,
      ),
    );
  });
});

describe('the repeated-comments warning', () => {
  /** 10 real comments on each of 5 posts, `pasted` on the first `on` of them. */
  const pastedOn = (on: number, pasted = 'Amazing shot, check my page too') =>
    posts(
      ...[1, 2, 3, 4, 5].map((p) => [
        ...Array.from({ length: 10 }, (_, i) => real(p, i)),
        ...(p <= on ? [pasted] : []),
      ]),
    );

  it('warns when a comment is written word for word on 3 posts, quoting it', () => {
    const flag = flagOf('repeated-comments', pastedOn(4));
    expect(FlagSchema.safeParse(flag).success).toBe(true);
    expect(flag?.evidence).toBe(
      '"Amazing shot, check my page too" is written on 4 of 5 posts (4 times in 54 comments)',
    );
  });

  it('says how many other comments repeat across posts', () => {
    const lists = pastedOn(3).map((p, i) => ({
      ...p,
      comments: i < 2 ? [...p.comments, { text: 'Obsessed with this one!!' }] : p.comments,
    }));
    expect(flagOf('repeated-comments', lists)?.evidence).toBe(
      '"Amazing shot, check my page too" is written on 3 of 5 posts (3 times in 55 comments); ' +
        '1 other comment of 3 words or more is also on more than one post',
    );
  });

  it('stays quiet for a comment on 2 posts, or pasted 5 times on one post', () => {
    expect(flagOf('repeated-comments', pastedOn(2))).toBeUndefined();
    const onOne = posts([
      ...Array(5).fill('Amazing shot, check my page too'),
      ...Array.from({ length: 30 }, (_, i) => real(1, i)),
    ]);
    expect(flagOf('repeated-comments', onOne)).toBeUndefined();
  });

  it(`needs ${T.repeatedMinComments} comments read`, () => {
    const few = posts(
      ...[1, 2, 3].map((p) => [
        'Amazing shot, check my page too',
        ...Array.from({ length: 5 }, (_, i) => real(p, i)),
      ]),
    );
    expect(few.flatMap((p) => p.comments).length).toBeLessThan(T.repeatedMinComments);
    expect(flagOf('repeated-comments', few)).toBeUndefined();
  });
});
