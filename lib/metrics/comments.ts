/**
 * What the comments on a creator's own posts say about the audience (DESIGN.md, "generic-comments"):
 * how many say nothing (emoji, a mention, one word, stock praise) and which are written word for
 * word on several posts (pods, bought comments). Pure: texts in, counts and examples out.
 */
import { FLAG_THRESHOLDS as T } from './benchmarks';
import { fmtPct, plural, roundTo } from './numbers';

/**
 * The comments read on one of the creator's own posts: a `CommentList` (lib/extract/comments.ts)
 * or a stored row, by shape (lib/metrics imports nothing outside lib/model and the facts).
 */
export interface PostComments {
  postId: string;
  comments: readonly { text: string; likes?: number }[];
}

/** A comment seen word for word on more than one post. */
export interface RepeatedComment {
  /** As first written, shortened to COMMENT_EXAMPLE_CHARS. */
  text: string;
  /** Different posts it was seen on (≥ 2). */
  posts: number;
  /** Times it was seen in all, on every post. */
  times: number;
}

/** The comments read on a creator's posts, counted. */
export interface CommentSummary {
  /** Comments read, over every post. */
  comments: number;
  /** Different posts they were read on. */
  posts: number;
  /** Comments that say nothing: emoji or symbols only, mentions only, one word or stock praise. */
  generic: number;
  /** `generic / comments`, 0–1. */
  genericShare: number;
  /** Up to COMMENT_EXAMPLES generic comments as written (shortened), the most frequent first. */
  genericExamples: string[];
  /**
   * Comments of at least `FLAG_THRESHOLDS.repeatedMinWords` words seen word for word on two or more
   * different posts, the most posts first; at most REPEATED_LISTED of them.
   */
  repeated: RepeatedComment[];
  /** How many different comments were seen on two or more posts, listed or not. */
  repeatedTotal: number;
  /** In words, for the card: "146 comments on 5 posts read, 60% generic". */
  formula: string;
}

/** Examples kept per list. */
export const COMMENT_EXAMPLES = 3;
/** Repeated comments listed. */
export const REPEATED_LISTED = 5;
/** Longest example kept, in characters as seen (an emoji is one). */
export const COMMENT_EXAMPLE_CHARS = 40;

// ─── Words ────────────────────────────────────────────────────────────────────────────────────────

/*
 * Stock praise and the words that frame it, in the languages Scout reads most (English, Spanish,
 * Portuguese, German, French, Indonesian), written as people write them; they are compared after
 * the same normalising as comments (lower case, no accents or apostrophes, repeated letters once).
 * A comment made only of PRAISE and FRAME words, with at least one PRAISE, praises without saying
 * anything about the post ("so beautiful", "¡Qué bonito!", "trop beau", "keren banget kak").
 * Entries of two or three words match only in that order. Content words (recipe, lamp, skin…) are
 * never listed, so a real sentence keeps at least one word outside these lists.
 */
const PRAISE = [
  // en
  'nice, wow, woah, whoa, great, love, loved, lovely, beautiful, beauty, gorgeous, stunning, ' +
    'amazing, awesome, cool, cute, pretty, perfect, perfection, fire, lit, goals, goat, best, good, ' +
    'wonderful, fantastic, incredible, excellent, brilliant, epic, dope, sweet, adorable, yummy, ' +
    'delicious, slay, queen, king, legend, iconic, obsessed, bravo, congrats, congratulations, top, ' +
    'super, mega, well done, keep it up, keep going, so true, in love',
  // es
  'bonito, bonita, lindo, linda, hermoso, hermosa, precioso, preciosa, bello, bella, belleza, ' +
    'guapo, guapa, genial, increíble, espectacular, brutal, excelente, maravilloso, maravillosa, ' +
    'divino, divina, perfecto, perfecta, buenísimo, buenísima, chulo, chula, felicidades, ' +
    'enhorabuena, olé, me encanta, me gusta',
  // pt
  'lindos, lindas, belo, bela, maravilhoso, maravilhosa, maravilha, perfeito, perfeita, incrível, ' +
    'demais, show, sensacional, arrasou, arrasando, amei, amo, lacrou, diva, musa, deusa, massa, ' +
    'legal, ótimo, ótima, bom, boa, parabéns, nossa',
  // de
  'schön, wunderschön, toll, klasse, geil, hammer, wunderbar, krass, stark, herrlich, süß, ' +
    'traumhaft, spitze, wahnsinn, perfekt, hübsch, lecker, prima, gut, bombe',
  // fr
  'beau, belle, beaux, belles, magnifique, superbe, sublime, génial, canon, parfait, parfaite, ' +
    'incroyable, joli, jolie, mignon, mignonne, splendide, magique, chouette, ouf, dingue, waouh, ' +
    'ouah, adore, j’adore, bien',
  // id
  'keren, mantap, mantab, mantep, mantul, bagus, cantik, ganteng, cakep, kece, gokil, indah, lucu, ' +
    'imut, gemes, gemas, hebat, luar biasa, sukses, semangat, jos, sip, suka, asik, asyik, enak, ' +
    'ajib, anjay, wah, wih',
];

const FRAME = [
  // en
  'so, very, really, too, such, this, that, that’s, it, it’s, is, are, was, a, an, the, what, how, ' +
    'just, and, you, your, you’re, ur, u, i, i’m, my, me, we, look, looks, looking, pic, pics, ' +
    'picture, photo, photos, shot, post, video, vid, content, one, work, job, as, always, ever, ' +
    'absolutely, totally, literally, omg, oh, ah, yes, yeah, yay, bro, sis, girl, babe, guys, man, ' +
    'dude, much, all, of',
  // es
  'que, muy, tan, más, es, eres, está, estás, te, ves, lo, la, el, los, las, un, una, mi, tu, de, ' +
    'y, todo, siempre, foto, fotos, amiga, amigo, amor, ay, uf, demasiado',
  // pt
  'muito, muita, tão, mais, é, tá, ficou, você, vc, o, os, as, um, uma, da, do, e, meu, minha, ' +
    'isso, essa, esse, sempre, vídeo, mana, mano, cara, gente',
  // de
  'sehr, echt, wirklich, voll, total, richtig, einfach, ganz, das, ist, bist, du, dein, deine, ' +
    'ein, eine, der, die, und, wie, immer, mal, siehst, sieht, aus, bild, ja',
  // fr
  'trop, très, si, vraiment, tellement, c’est, tu, ta, ton, tes, vous, le, les, ma, mon, et, ' +
    'toujours, comme, quel, quelle, juste, grave, vidéo',
  // id
  'banget, bgt, sekali, sangat, amat, bener, kak, kakak, bang, mas, mbak, min, gan, deh, dong, ' +
    'sih, nih, ya, yg, yang, ini, itu, nya, fotonya, videonya, kontennya, selalu, emang, memang, ' +
    'paling, sumpah, aku, kamu, terus, lah',
];

/** Laughter frames praise too: haha, jajaja, hehe, kkkk, rsrs, wkwk, lol, mdr (after normalising). */
const LAUGH = /^(?:(?:[hj][aeiu])+[hj]?|k|(?:wk)+w?|(?:rs)+|lol|lmao|xd|mdr)$/;

/** Stock praise longer than this is not stock any more: longer comments say something. */
const STOCK_MAX_WORDS = 6;
/** Longest PRAISE entry, in words. */
const PHRASE_MAX_WORDS = 3;

const WORDS = new Intl.Segmenter('en', { granularity: 'word' });
const GRAPHEMES = new Intl.Segmenter('en', { granularity: 'grapheme' });

const MENTION = /@[\p{L}\p{N}._]+/gu;
// Keycaps ("1️⃣") carry a digit the word segmenter would count as a word. The segmenter already
// leaves other emoji out of words; they are taken out first all the same, so that no ICU version's
// segmenting can leave one inside a word.
const KEYCAP = /[0-9#*]\uFE0F?\u20E3/gu;
const EMOJI =
  /\p{Extended_Pictographic}|\p{Regional_Indicator}|\p{Emoji_Modifier}|\u200D|\uFE0E|\uFE0F|[\u{E0020}-\u{E007F}]/gu;

/** A word as compared: lower case, no accents or apostrophes, elongation undone ("niiice" = "nice"). */
function normalWord(word: string): string {
  return word
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/['’ʼ]/g, '')
    .replace(/(\p{L})\1+/gu, '$1');
}

const wordSet = (lists: readonly string[]) =>
  new Set(
    lists.flatMap((list) =>
      list.split(/,\s*/).map((entry) => entry.split(' ').map(normalWord).join(' ')),
    ),
  );
const PRAISE_SET = wordSet(PRAISE);
const FRAME_SET = wordSet(FRAME);

interface Reading {
  /** The words, normalised, mentions and emoji left out. */
  words: string[];
  question: boolean;
}

function read(text: string): Reading {
  const rest = text.replace(MENTION, ' ').replace(KEYCAP, ' ').replace(EMOJI, ' ');
  const words: string[] = [];
  for (const seg of WORDS.segment(rest)) if (seg.isWordLike) words.push(normalWord(seg.segment));
  return { words, question: /[?¿？]/.test(rest) };
}

/** Only praise and its framing, with some praise in it ("so beautiful", "bagus banget"). */
function isStockPraise(words: readonly string[]): boolean {
  let praise = false;
  let i = 0;
  next: while (i < words.length) {
    for (let n = Math.min(PHRASE_MAX_WORDS, words.length - i); n >= 1; n -= 1) {
      if (PRAISE_SET.has(words.slice(i, i + n).join(' '))) {
        praise = true;
        i += n;
        continue next;
      }
    }
    const word = words[i] as string;
    if (!FRAME_SET.has(word) && !LAUGH.test(word)) return false;
    i += 1;
  }
  return praise;
}

function genericReading({ words, question }: Reading): boolean {
  if (words.length === 0) return true;
  // A question asks the creator something ("Price?", "Recipe?"), even in one word.
  if (question) return false;
  if (words.length === 1) return true;
  return words.length <= STOCK_MAX_WORDS && isStockPraise(words);
}

/**
 * A comment that says nothing about the post: emoji or symbols only ("🔥🔥", "!!!"), only
 * @mentions (and emoji), one word ("wow", "Super !") or stock praise ("nice pic!", "¡Qué bonito!",
 * "bagus banget"), whatever the case, accents, punctuation or elongation ("niiiice!!!").
 */
export function isGenericComment(text: string): boolean {
  return genericReading(read(text));
}

// ─── Summary ──────────────────────────────────────────────────────────────────────────────────────

function shorten(text: string): string {
  const chars = [...GRAPHEMES.segment(text)];
  if (chars.length <= COMMENT_EXAMPLE_CHARS) return text;
  return `${chars
    .slice(0, COMMENT_EXAMPLE_CHARS - 1)
    .map((c) => c.segment)
    .join('')
    .trimEnd()}…`;
}

/** The same comment however it is cased, accented, punctuated or decorated with emoji. */
function commentKey(text: string, words: readonly string[]): string {
  if (words.length) return words.join(' ');
  // Emoji and symbols: each kind once, in order ("🔥🔥🔥" = "🔥"), variation selectors left out.
  const kinds: string[] = [];
  for (const { segment } of GRAPHEMES.segment(text.replace(/[\s\uFE0E\uFE0F]/gu, ''))) {
    if (kinds[kinds.length - 1] !== segment) kinds.push(segment);
  }
  return kinds.join('');
}

interface Tally {
  text: string;
  words: number;
  times: number;
  posts: Set<string>;
}

function tally(map: Map<string, Tally>, key: string, text: string, words: number, postId: string) {
  let t = map.get(key);
  if (!t) map.set(key, (t = { text, words, times: 0, posts: new Set() }));
  t.times += 1;
  t.posts.add(postId);
}

/**
 * Counts the comments read on one creator's own posts: how many are generic, with examples, and
 * which are written word for word on two or more different posts. A post given twice counts as
 * one post (the store merges what is read again; the comments are counted as given).
 */
export function summarizeComments(posts: readonly PostComments[]): CommentSummary {
  let comments = 0;
  let generic = 0;
  const postIds = new Set<string>();
  const generics = new Map<string, Tally>();
  const longer = new Map<string, Tally>();
  for (const post of posts) {
    for (const { text } of post.comments) {
      if (!text.trim()) continue;
      comments += 1;
      postIds.add(post.postId);
      const reading = read(text);
      const words = reading.words.length;
      const key = commentKey(text, reading.words);
      if (genericReading(reading)) {
        generic += 1;
        tally(generics, key, text, words, post.postId);
      }
      // Identical short comments ("wow", "love this", "🔥") are what different people write
      // independently; only longer ones written word for word on several posts point to copying.
      if (words >= T.repeatedMinWords) tally(longer, key, text, words, post.postId);
    }
  }
  const repeated = [...longer.values()]
    .filter((t) => t.posts.size >= 2)
    .sort((a, b) => b.posts.size - a.posts.size || b.times - a.times || b.words - a.words);
  const genericShare = comments ? generic / comments : 0;
  return {
    comments,
    posts: postIds.size,
    generic,
    genericShare,
    genericExamples: [...generics.values()]
      .sort((a, b) => b.times - a.times)
      .slice(0, COMMENT_EXAMPLES)
      .map((t) => shorten(t.text)),
    repeated: repeated.slice(0, REPEATED_LISTED).map((t) => ({
      text: shorten(t.text),
      posts: t.posts.size,
      times: t.times,
    })),
    repeatedTotal: repeated.length,
    formula: comments
      ? `${plural(comments, 'comment', 'comments')} on ${plural(postIds.size, 'post', 'posts')} ` +
        `read, ${fmtPct(roundTo(genericShare * 100, 0))} generic`
      : 'no comments read',
  };
}

/** A comment in evidence text: quoted and short. */
export function quoteComment(text: string): string {
  return `"${shorten(text)}"`;
}
