import type {
  Confidence,
  Engagement,
  ErBasis,
  Post,
  PostCountField,
  Precision,
  ProfileCountField,
  ProfileSnapshot,
} from '../model';
import type { Noun, PlatformFacts } from '../platforms/facts';
import { platformFacts } from '../platforms';
import { MIN_POST_AGE_HOURS, SAMPLE_HIGH, SAMPLE_MEDIUM } from './benchmarks';
import { gradeWith } from './grade';
import { fmtInt, HOUR_MS, isCount, isPositive, median, plural, roundTo } from './numbers';
import type { Band } from './tier';

/** Posts left out of the primary sample, by reason (each post counted once, first reason wins). */
export interface ExcludedPosts {
  /** Pinned posts: chosen by the creator, not a recent sample. */
  pinned: number;
  /** Younger than 72 hours at capture: still gathering engagement. */
  young: number;
  /** Like count hidden by the creator, or not on the page. */
  hiddenLikes: number;
  /** Comment count not on the page. */
  missingCounts: number;
  /** Views-based rate only: videos with no (or zero) views. */
  noViews: number;
  /** Posts by views only: images and carousels, which are measured by followers beside it. */
  otherKind: number;
}

export interface EngagementResult {
  /** The primary rate, graded against its band: the `Engagement` of lib/model/vetting.ts. */
  engagement: Engagement;
  /** The rate on the other basis, shown beside the primary one (follower-based for views). */
  secondary: Engagement | null;
  excluded: ExcludedPosts;
  /** Median views per post over the views sample; null unless views-based. */
  medianViews: number | null;
  /** The band the primary rate is graded against; null when not graded. */
  band: Band | null;
  /** What a marketer should know about the grade (borrowed table, not graded...). */
  gradeNote: string | null;
}

/** One measurement before grading. */
interface Measure {
  rate: number | null;
  basis: ErBasis;
  sampleSize: number;
  formula: string;
  confidence: Confidence | null;
  medianViews: number | null;
}

type Trust = 'exact' | 'rounded' | 'floor';

const worse = (a: Trust, b: Trust): Trust =>
  a === 'floor' || b === 'floor'
    ? 'floor'
    : a === 'rounded' || b === 'rounded'
      ? 'rounded'
      : 'exact';

const trustOf = (precision: Precision | undefined): Trust =>
  precision === 'rounded' ? 'rounded' : precision === 'lower-bound' ? 'floor' : 'exact';

// A count without a precision entry is read as exact: DESIGN.md has the extractor give a precision
// for every rounded count ("1.2M", stats shown to 3 significant digits).
const postTrust = (post: Post, fields: readonly PostCountField[]): Trust =>
  fields.reduce<Trust>((t, f) => worse(t, trustOf(post.precision?.[f])), 'exact');

const profileTrust = (s: ProfileSnapshot, fields: readonly ProfileCountField[]): Trust =>
  fields.reduce<Trust>((t, f) => worse(t, trustOf(s.precision[f])), 'exact');

/** High with ≥ 10 exact posts, medium with 3–9 or rounded counts, low otherwise or on a floor. */
function sampleConfidence(n: number, trust: Trust): Confidence {
  if (trust === 'floor' || n < SAMPLE_MEDIUM) return 'low';
  if (n >= SAMPLE_HIGH && trust === 'exact') return 'high';
  return 'medium';
}

const lowerOf = (a: Confidence, b: Confidence): Confidence => {
  const order: Confidence[] = ['low', 'medium', 'high'];
  return order[Math.min(order.indexOf(a), order.indexOf(b))] as Confidence;
};

/** Likes + comments (+ shares where the formula counts them and the page shows them). */
interface Numerator {
  values: number[];
  /** The formula's numerator in words. */
  words: string;
  fields: PostCountField[];
  /** Shares missing on some posts of a platform that shows them: the rate is an undercount. */
  partial: boolean;
}

function numerator(facts: PlatformFacts, posts: readonly Post[], withShares: boolean): Numerator {
  const w = facts.nouns;
  const base = (p: Post) => (p.likes ?? 0) + (p.comments ?? 0);
  if (!withShares) {
    return {
      values: posts.map(base),
      words: `(${w.likes} + comments)`,
      fields: ['likes', 'comments'],
      partial: false,
    };
  }
  const shown = posts.filter((p) => isCount(p.shares)).length;
  const values = posts.map((p) => base(p) + (isCount(p.shares) ? p.shares : 0));
  const fields: PostCountField[] = ['likes', 'comments', 'shares'];
  if (shown === posts.length) {
    return { values, words: `(${w.likes} + comments + ${w.shares})`, fields, partial: false };
  }
  // A platform that shows no share counts anywhere: that is the formula, not a gap.
  if (shown === 0 && !facts.showsShares) {
    return { values, words: `(${w.likes} + comments)`, fields, partial: false };
  }
  const words =
    shown === 0
      ? `(${w.likes} + comments; ${w.shares} not shown)`
      : `(${w.likes} + comments + ${w.shares} where shown, ${fmtInt(shown)} of ${fmtInt(posts.length)})`;
  return { values, words, fields, partial: true };
}

function measureViews(facts: PlatformFacts, videos: readonly Post[], noun: Noun): Measure {
  const num = numerator(facts, videos, facts.engagement.sharesCounted.views);
  const rates = videos.map((p, i) => ((num.values[i] as number) / (p.views as number)) * 100);
  const rate = median(rates);
  const trust = videos.reduce<Trust>(
    (t, p) => worse(t, postTrust(p, [...num.fields, 'views'])),
    'exact',
  );
  let confidence = sampleConfidence(videos.length, trust);
  if (num.partial) confidence = lowerOf(confidence, 'medium');
  if (facts.engagement.lowConfidence.includes('views')) confidence = 'low';
  return {
    rate: rate === null ? null : roundTo(rate, 2),
    basis: 'views',
    sampleSize: videos.length,
    formula: `median of ${num.words} / views over ${plural(videos.length, ...noun)}`,
    confidence: rate === null ? null : confidence,
    medianViews: median(videos.map((p) => p.views as number)),
  };
}

function measureFollowers(
  facts: PlatformFacts,
  snapshot: ProfileSnapshot,
  posts: readonly Post[],
  noun: Noun,
): Measure {
  const { followers } = snapshot;
  const audience = facts.nouns.audience;
  const num = numerator(facts, posts, facts.engagement.sharesCounted.followers);
  const sample = plural(posts.length, ...noun);
  if (!isPositive(followers)) {
    return {
      rate: null,
      basis: 'followers',
      sampleSize: posts.length,
      formula: `${audience} ${followers === 0 ? 'are 0' : 'unknown'}: ${num.words} / ${audience} cannot be computed over ${sample}`,
      confidence: null,
      medianViews: null,
    };
  }
  const rate = median(num.values.map((v) => (v / followers) * 100));
  const trust = posts.reduce<Trust>(
    (t, p) => worse(t, postTrust(p, num.fields)),
    profileTrust(snapshot, ['followers']),
  );
  let confidence = sampleConfidence(posts.length, trust);
  if (num.partial) confidence = lowerOf(confidence, 'medium');
  // Where impressions are not public, a follower-based rate is always low confidence.
  if (facts.engagement.lowConfidence.includes('followers')) confidence = 'low';
  return {
    rate: rate === null ? null : roundTo(rate, 2),
    basis: 'followers',
    sampleSize: posts.length,
    formula: `median of ${num.words} / ${fmtInt(followers)} ${audience} over ${sample}`,
    confidence: rate === null ? null : confidence,
    medianViews: null,
  };
}

/** Without per-post data: lifetime likes / posts / followers (low confidence). */
function measureLifetime(
  facts: PlatformFacts,
  snapshot: ProfileSnapshot,
  likesWord: string,
): Measure | null {
  const { likes, posts, followers } = snapshot;
  if (!isCount(likes) || !isPositive(posts) || !isPositive(followers)) return null;
  const rate = (likes / posts / followers) * 100;
  if (!Number.isFinite(rate)) return null;
  return {
    rate: roundTo(rate, 2),
    basis: 'lifetime',
    sampleSize: posts,
    formula: `lifetime ${likesWord} ${fmtInt(likes)} / ${plural(posts, ...facts.nouns.post)} / ${fmtInt(followers)} ${facts.nouns.audience}`,
    confidence: 'low',
    medianViews: null,
  };
}

function describeExcluded(x: ExcludedPosts, facts: PlatformFacts): string {
  const parts = [
    x.pinned && `${fmtInt(x.pinned)} pinned`,
    x.young && `${fmtInt(x.young)} under ${MIN_POST_AGE_HOURS} h old`,
    x.hiddenLikes && `${fmtInt(x.hiddenLikes)} with hidden ${facts.nouns.likes}`,
    x.missingCounts && `${fmtInt(x.missingCounts)} without a comment count`,
    x.noViews && `${fmtInt(x.noViews)} without views`,
    x.otherKind &&
      `${plural(x.otherKind, 'image or carousel', 'images and carousels')} (by followers)`,
  ].filter((p): p is string => typeof p === 'string');
  return parts.join(', ');
}

function split(snapshot: ProfileSnapshot): { usable: Post[]; excluded: ExcludedPosts } {
  const excluded: ExcludedPosts = {
    pinned: 0,
    young: 0,
    hiddenLikes: 0,
    missingCounts: 0,
    noViews: 0,
    otherKind: 0,
  };
  const usable: Post[] = [];
  const minAge = MIN_POST_AGE_HOURS * HOUR_MS;
  for (const post of snapshot.recentPosts) {
    // A post without a date cannot be shown to be young, so it stays in (unknown pinned too).
    if (post.pinned === true) excluded.pinned += 1;
    else if (post.postedAt !== undefined && snapshot.capturedAt - post.postedAt < minAge)
      excluded.young += 1;
    else if (post.likesHidden === true || !isCount(post.likes)) excluded.hiddenLikes += 1;
    else if (!isCount(post.comments)) excluded.missingCounts += 1;
    else usable.push(post);
  }
  return { usable, excluded };
}

const isReel = (p: Post) => p.kind === 'video' || (p.kind === undefined && p.views !== undefined);

/** The primary and secondary measures of a platform's strategy (lib/platforms/facts.ts). */
function measure(
  facts: PlatformFacts,
  snapshot: ProfileSnapshot,
  usable: readonly Post[],
  excluded: ExcludedPosts,
): { primary: Measure | null; secondary: Measure | null } {
  const { strategy } = facts.engagement;
  const noun = facts.nouns.post;
  if (strategy.by === 'views') {
    const videos = usable.filter((p) => isPositive(p.views));
    if (videos.length > 0) {
      excluded.noViews = usable.length - videos.length;
      return {
        primary: measureViews(facts, videos, noun),
        secondary: strategy.followersBeside
          ? measureFollowers(facts, snapshot, videos, noun)
          : null,
      };
    }
    const { fallback } = strategy;
    if (fallback?.by === 'followers') {
      const primary = usable.length > 0 ? measureFollowers(facts, snapshot, usable, noun) : null;
      return { primary, secondary: null };
    }
    excluded.noViews = usable.length;
    const primary =
      fallback?.by === 'lifetime' ? measureLifetime(facts, snapshot, fallback.likes) : null;
    return { primary, secondary: null };
  }
  if (strategy.by === 'views-or-followers') {
    const reels = usable.filter(isReel);
    const viewed = reels.filter((p) => isPositive(p.views));
    const feed = usable.length - reels.length;
    const byViews = viewed.length > 0 ? measureViews(facts, viewed, strategy.viewsNoun) : null;
    // The follower-based rate covers every usable post: that is how follower-based bands are
    // measured (Modash, HypeAuditor). Posts by views win when they are most of the sample.
    const byFollowers = usable.length > 0 ? measureFollowers(facts, snapshot, usable, noun) : null;
    const viewsFirst =
      byViews !== null &&
      (viewed.length > feed || byFollowers === null || byFollowers.rate === null);
    if (viewsFirst) {
      excluded.noViews = reels.length - viewed.length;
      excluded.otherKind = feed;
    }
    return {
      primary: viewsFirst ? byViews : byFollowers,
      secondary: viewsFirst ? byFollowers : byViews,
    };
  }
  return {
    primary: usable.length > 0 ? measureFollowers(facts, snapshot, usable, noun) : null,
    secondary: null,
  };
}

/**
 * The engagement rate of a snapshot (percent, median over the sample) with its basis, formula,
 * sample, band, grade and confidence, plus what was left out and why, measured the way the
 * platform's facts say (the registry's facts by default). Pure: post ages are measured against
 * `snapshot.capturedAt`, so the same snapshot always gives the same answer.
 */
export function computeEngagement(
  snapshot: ProfileSnapshot,
  facts: PlatformFacts = platformFacts(snapshot.platform),
): EngagementResult {
  const { usable, excluded } = split(snapshot);
  const measured = measure(facts, snapshot, usable, excluded);
  let { primary } = measured;
  const { secondary } = measured;

  const dropped = describeExcluded(excluded, facts);
  if (primary === null) {
    primary = {
      rate: null,
      basis: facts.engagement.strategy.by === 'views' ? 'views' : 'followers',
      sampleSize: 0,
      formula: nullReason(facts, snapshot, usable.length, dropped),
      confidence: null,
      medianViews: null,
    };
  } else if (dropped) {
    primary = { ...primary, formula: `${primary.formula}; left out ${dropped}` };
  }

  const graded = gradeWith(facts, primary.basis, primary.rate, snapshot.followers);
  const engagement: Engagement = {
    rate: primary.rate,
    basis: primary.rate === null ? null : primary.basis,
    sampleSize: primary.sampleSize,
    band: graded.band?.label ?? null,
    grade: graded.grade,
    // The CLI and exports show only the formula: what the grade rests on goes with it.
    formula:
      primary.rate !== null && graded.note ? `${primary.formula}; ${graded.note}` : primary.formula,
    confidence:
      primary.confidence === null
        ? null
        : graded.lowConfidence && graded.grade !== null
          ? 'low'
          : primary.confidence,
  };
  return {
    engagement,
    secondary:
      secondary && secondary.rate !== null ? toEngagement(facts, secondary, snapshot) : null,
    excluded,
    medianViews: primary.rate === null ? null : primary.medianViews,
    band: graded.band,
    gradeNote: graded.note,
  };
}

function toEngagement(facts: PlatformFacts, m: Measure, snapshot: ProfileSnapshot): Engagement {
  const graded = gradeWith(facts, m.basis, m.rate, snapshot.followers);
  return {
    rate: m.rate,
    basis: m.basis,
    sampleSize: m.sampleSize,
    band: graded.band?.label ?? null,
    grade: graded.grade,
    formula: graded.note ? `${m.formula} (${graded.note})` : m.formula,
    confidence:
      m.confidence === null ? null : graded.lowConfidence && graded.grade ? 'low' : m.confidence,
  };
}

function nullReason(
  facts: PlatformFacts,
  snapshot: ProfileSnapshot,
  usable: number,
  dropped: string,
): string {
  const { strategy } = facts.engagement;
  const posts = facts.nouns.post[1];
  const tail =
    strategy.by === 'views' && strategy.fallback?.by === 'lifetime'
      ? ` and no lifetime totals (${strategy.fallback.likes}, ${posts}, ${facts.nouns.audience})`
      : '';
  if (snapshot.recentPosts.length === 0) return `unknown: no per-post data on the page${tail}`;
  // A views-based platform's posts without views were left out too: none was usable.
  if (usable === 0 || strategy.by === 'views') {
    return `unknown: no usable ${posts} (left out ${dropped})${tail}`;
  }
  return `unknown: ${dropped}`;
}
