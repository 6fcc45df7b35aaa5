import { FLAG_CODES, type Flag, type FlagCode, type Post, type ProfileSnapshot } from '../model';
import { FLAG_THRESHOLDS as T, MONTHLY_GROWTH_NORMS } from './benchmarks';
import {
  quoteComment,
  summarizeComments,
  type CommentSummary,
  type PostComments,
} from './comments';
import { computeEngagement, type EngagementResult } from './engagement';
import { countError, followerSeries, growthBetween, type GrowthStep } from './growth';
import { platformFacts } from '../platforms';
import {
  DAY_MS,
  fmtInt,
  fmtNum,
  fmtPct,
  isCount,
  isPositive,
  plural,
  roundTo,
  WEEK_MS,
} from './numbers';
import { computeTier } from './tier';

export interface FlagOptions {
  /** Scout's own earlier snapshots of this creator (any order; others are ignored). */
  history?: readonly ProfileSnapshot[];
  /**
   * The comments read on this creator's own posts; the comment warnings are only checked with
   * them.
   */
  comments?: readonly PostComments[];
  /** The summary of `comments` already computed (computed here when absent). */
  commentSummary?: CommentSummary | null;
  /** The engagement already computed for this snapshot (computed here when absent). */
  engagement?: Pick<EngagementResult, 'engagement' | 'band'>;
}

interface Context {
  history: readonly ProfileSnapshot[];
  comments: CommentSummary | null;
  engagement: Pick<EngagementResult, 'engagement' | 'band'>;
}
type Check = (s: ProfileSnapshot, o: Context) => Flag | null;

const flag = (
  code: FlagCode,
  severity: Flag['severity'],
  message: string,
  evidence: string,
): Flag => ({
  code,
  severity,
  message,
  evidence,
});

const share = (part: number, whole: number) => fmtPct(roundTo((part / whole) * 100, 0));
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

// ─── Audience ─────────────────────────────────────────────────────────────────────────────────────

const followRatio: Check = (s) => {
  const { followers, following } = s;
  if (!isCount(followers) || !isCount(following)) return null;
  if (followers < T.followRatioMinFollowers) return null;
  // Rounded counts must differ by more than their rounding to count.
  const slack =
    countError(followers, s.precision.followers) + countError(following, s.precision.following);
  if (!(following - followers > slack)) return null;
  return flag(
    'follow-ratio',
    'warn',
    'Follows more accounts than follow them',
    `follows ${fmtInt(following)} accounts and has ${fmtInt(followers)} followers ` +
      `(${fmtNum(roundTo(following / followers, 2))} followed per follower)`,
  );
};

const followForFollow: Check = (s) => {
  const { following } = s;
  if (!isCount(following)) return null;
  if (following - countError(following, s.precision.following) < T.followForFollowFollowing) {
    return null;
  }
  return flag(
    'follow-for-follow',
    'warn',
    'Follows very many accounts: a follow-for-follow pattern',
    `follows ${fmtInt(following)} accounts, at or above ${fmtInt(T.followForFollowFollowing)}`,
  );
};

// ─── Engagement ───────────────────────────────────────────────────────────────────────────────────

const erLow: Check = (_s, o) => {
  const { engagement: e, band } = o.engagement;
  if (!isCount(e.rate) || !band || e.grade === null || !(e.rate < band.low)) return null;
  return flag(
    'er-low',
    band.lowConfidence ? 'info' : 'warn',
    'Engagement is below the low mark for creators this size',
    `ER ${fmtPct(e.rate)} by ${e.basis} is below ${fmtPct(band.low)}, the low mark of the ` +
      `${platformFacts(band.platform).name} ${band.label} band (typical ${fmtPct(band.avg.from)}–` +
      `${fmtPct(band.avg.to)})${band.lowConfidence ? '; the band is low confidence' : ''}`,
  );
};

const erHigh: Check = (_s, o) => {
  const { engagement: e, band } = o.engagement;
  if (!isCount(e.rate) || !band || e.grade === null) return null;
  const limit = band.high * T.erHighMultiple;
  if (!(e.rate > limit)) return null;
  return flag(
    'er-high',
    band.lowConfidence ? 'warn' : 'risk',
    'Engagement is implausibly high: bought likes or an engagement pod?',
    `ER ${fmtPct(e.rate)} by ${e.basis} is more than ${T.erHighMultiple}× ${fmtPct(band.high)} ` +
      `(${fmtPct(roundTo(limit, 2))}), the high mark of the ${platformFacts(band.platform).name} ` +
      `${band.label} band`,
  );
};

const likesOverViews: Check = (s) => {
  const posts = s.recentPosts.filter(
    (p) => isCount(p.views) && isCount(p.likes) && p.likesHidden !== true,
  );
  const bad = posts.filter((p) => {
    const likes = p.likes as number;
    const views = p.views as number;
    const slack = countError(likes, p.precision?.likes) + countError(views, p.precision?.views);
    return likes > 0 && likes - views >= slack;
  });
  const first = bad[0];
  if (!first) return null;
  return flag(
    'likes-over-views',
    'risk',
    'Some videos have at least as many likes as views',
    `${fmtInt(bad.length)} of ${plural(posts.length, 'video', 'videos')} with views ` +
      `${bad.length === 1 ? 'has' : 'have'} likes ≥ views (e.g. ${describePost(first)}: ` +
      `${plural(first.likes as number, 'like', 'likes')} on ${plural(first.views as number, 'view', 'views')})`,
  );
};

const likesOverFollowers: Check = (s) => {
  const { followers } = s;
  if (!isPositive(followers)) return null;
  const ceiling =
    (followers + countError(followers, s.precision.followers)) * T.likesOverFollowersShare;
  // Image posts measured by followers; a photo post with a view count can go viral past its
  // followers legitimately, and likes-over-views covers it.
  const images = s.recentPosts.filter(
    (p) =>
      (p.kind === 'image' || p.kind === 'carousel') &&
      p.views === undefined &&
      isCount(p.likes) &&
      p.likesHidden !== true,
  );
  const bad = images.filter(
    (p) => (p.likes as number) - countError(p.likes as number, p.precision?.likes) > ceiling,
  );
  const first = bad[0];
  if (!first) return null;
  const likes = first.likes as number;
  return flag(
    'likes-over-followers',
    'warn',
    `Some image posts have likes from more than ${fmtPct(T.likesOverFollowersShare * 100)} of followers`,
    `${fmtInt(bad.length)} of ${plural(images.length, 'image post', 'image posts')} ` +
      `${bad.length === 1 ? 'has' : 'have'} more likes than ${fmtPct(T.likesOverFollowersShare * 100)} ` +
      `of ${fmtInt(followers)} followers (e.g. ${describePost(first)}: ${plural(likes, 'like', 'likes')}, ` +
      `${share(likes, followers)})`,
  );
};

function describePost(p: Post): string {
  return p.postedAt === undefined ? `post ${p.id}` : `post ${p.id} of ${isoDate(p.postedAt)}`;
}

// ─── Growth ───────────────────────────────────────────────────────────────────────────────────────

const growthSpike: Check = (s, o) => {
  const series = followerSeries(s, o.history);
  let worst: { step: GrowthStep; norm: { from: number; to: number } } | null = null;
  for (let i = 1; i < series.length; i += 1) {
    const to = series[i];
    if (!to) continue;
    // Compare with the latest snapshot at least a day older: hourly snapshots are noise.
    let from = null;
    for (let j = i - 1; j >= 0 && from === null; j -= 1) {
      const candidate = series[j];
      if (candidate && to.capturedAt - candidate.capturedAt >= T.growthMinGapDays * DAY_MS) {
        from = candidate;
      }
    }
    if (!from) continue;
    const tier = computeTier(from.followers);
    if (!tier) continue;
    const step = growthBetween(from, to);
    const norm = MONTHLY_GROWTH_NORMS[tier];
    if (step.minPer30Days === null || !(step.minPer30Days > norm.to)) continue;
    if (
      !worst ||
      (worst.step.minPer30Days as number) / worst.norm.to < step.minPer30Days / norm.to
    ) {
      worst = { step, norm };
    }
  }
  if (!worst) return null;
  const { step, norm } = worst;
  const tier = computeTier(step.from.followers) as string;
  return flag(
    'growth-spike',
    (step.minPer30Days as number) > 3 * norm.to ? 'risk' : 'warn',
    'Followers grew much faster than normal for creators this size',
    `+${fmtInt(step.change)} followers (${fmtInt(step.from.followers)} on ${isoDate(step.from.capturedAt)} → ` +
      `${fmtInt(step.to.followers)} on ${isoDate(step.to.capturedAt)}) in ${fmtNum(step.days)} days: ` +
      `${fmtPct(step.percent ?? 0)}, ${fmtPct(step.per30Days ?? 0)} per 30 days; normal for ${tier} ` +
      `is ${fmtNum(norm.from)}–${fmtPct(norm.to)} per month`,
  );
};

const roundJump: Check = (s, o) => {
  const series = followerSeries(s, o.history);
  for (let i = series.length - 1; i >= 1; i -= 1) {
    const to = series[i];
    const from = series[i - 1];
    // Only exact counts: a rounded "38K → 39K" is a round jump by construction.
    if (!to || !from || to.precision !== 'exact' || from.precision !== 'exact') continue;
    if (to.capturedAt - from.capturedAt > T.roundJumpMaxDays * DAY_MS) continue;
    const change = to.followers - from.followers;
    const round = T.roundJumps.find((j) => Math.abs(change - j) <= j * T.roundJumpTolerance);
    if (round === undefined) continue;
    return flag(
      'round-jump',
      'warn',
      `Followers jumped by a round ${fmtInt(round)}, the size follower packages are sold in`,
      `+${fmtInt(change)} followers (${fmtInt(from.followers)} on ${isoDate(from.capturedAt)} → ` +
        `${fmtInt(to.followers)} on ${isoDate(to.capturedAt)}), within ` +
        `${fmtPct(T.roundJumpTolerance * 100)} of ${fmtInt(round)}, exact counts`,
    );
  }
  return null;
};

// ─── Activity and content ─────────────────────────────────────────────────────────────────────────

const inactive: Check = (s) => {
  const cadence = computeCadence(s);
  if (cadence.lastPostAt === null) {
    if (s.posts !== 0 || s.precision.posts === 'lower-bound') return null;
    return flag('inactive', 'warn', 'No posts at all', 'the profile shows 0 posts');
  }
  const days = cadence.daysSinceLastPost as number;
  if (!(days > T.inactiveDays)) return null;
  return flag(
    'inactive',
    'warn',
    `No post for more than ${fmtInt(T.inactiveDays)} days`,
    `last post on ${isoDate(cadence.lastPostAt)}, ${fmtInt(Math.floor(days))} days before this ` +
      `capture (${isoDate(s.capturedAt)})`,
  );
};

const AD_TAG = /(?:^|[^\p{L}\p{N}_])#(?:ad|sponsored)(?![\p{L}\p{N}_])/iu;
const PAID_PARTNERSHIP = /\bpaid partnership\b/i;

/** Marked as an ad: the platform's flag, #ad / #sponsored, or "paid partnership"; null if unknown. */
export function isSponsoredPost(post: Post): boolean | null {
  if (post.sponsored === true) return true;
  const caption = post.caption;
  if (caption !== undefined && (AD_TAG.test(caption) || PAID_PARTNERSHIP.test(caption)))
    return true;
  return post.sponsored === false || caption !== undefined ? false : null;
}

const sponsoredShare: Check = (s) => {
  const known = s.recentPosts
    .map((p) => isSponsoredPost(p))
    .filter((v): v is boolean => v !== null);
  if (known.length < T.sponsoredMinPosts) return null;
  const ads = known.filter(Boolean).length;
  if (!(ads / known.length > T.sponsoredShare)) return null;
  return flag(
    'sponsored-share',
    'info',
    `More than ${fmtPct(T.sponsoredShare * 100)} of recent posts are ads`,
    `${fmtInt(ads)} of ${plural(known.length, 'recent post', 'recent posts')} (${share(ads, known.length)}) ` +
      'are marked as ads (#ad, #sponsored or paid partnership)',
  );
};

// ─── Comments ─────────────────────────────────────────────────────────────────────────────────────

const onPosts = (c: CommentSummary) =>
  `${plural(c.comments, 'comment', 'comments')} on ${plural(c.posts, 'post', 'posts')}`;

const genericComments: Check = (_s, o) => {
  const c = o.comments;
  if (!c || c.comments < T.genericMinComments) return null;
  if (!(c.genericShare >= T.genericCommentShare)) return null;
  const examples = c.genericExamples.slice(0, 2).map(quoteComment).join(', ');
  return flag(
    'generic-comments',
    'warn',
    'Most comments are generic: emoji, one word or only mentions',
    `${fmtInt(c.generic)} of ${onPosts(c)} (${share(c.generic, c.comments)}) are emoji-only, ` +
      `one word or mention-only (e.g. ${examples})`,
  );
};

const repeatedComments: Check = (_s, o) => {
  const c = o.comments;
  if (!c || c.comments < T.repeatedMinComments) return null;
  const top = c.repeated[0];
  if (!top || top.posts < T.repeatedCommentPosts) return null;
  const others = c.repeatedTotal - 1;
  return flag(
    'repeated-comments',
    'warn',
    'The same comments appear word for word on several posts: a comment pod or bought comments?',
    `${quoteComment(top.text)} is written on ${fmtInt(top.posts)} of ${plural(c.posts, 'post', 'posts')} ` +
      `(${plural(top.times, 'time', 'times')} in ${plural(c.comments, 'comment', 'comments')})` +
      (others > 0
        ? `; ${plural(others, 'other comment', 'other comments')} of ${fmtInt(T.repeatedMinWords)} ` +
          `words or more ${others === 1 ? 'is' : 'are'} also on more than one post`
        : ''),
  );
};

const CHECKS: Record<FlagCode, Check> = {
  'follow-ratio': followRatio,
  'follow-for-follow': followForFollow,
  'er-low': erLow,
  'er-high': erHigh,
  'likes-over-views': likesOverViews,
  'likes-over-followers': likesOverFollowers,
  'growth-spike': growthSpike,
  'round-jump': roundJump,
  inactive,
  'sponsored-share': sponsoredShare,
  'generic-comments': genericComments,
  'repeated-comments': repeatedComments,
};

/**
 * Authenticity warnings for a snapshot, in FLAG_CODES order, each with its evidence in words.
 * No opaque score: a warning is raised only on numbers that are known (rounded counts must clear
 * the threshold by more than their rounding).
 */
export function computeFlags(snapshot: ProfileSnapshot, options: FlagOptions = {}): Flag[] {
  const o: Context = {
    comments:
      options.commentSummary !== undefined
        ? options.commentSummary
        : options.comments
          ? summarizeComments(options.comments)
          : null,
    history: options.history ?? [],
    engagement: options.engagement ?? computeEngagement(snapshot),
  };
  return FLAG_CODES.map((code) => CHECKS[code](snapshot, o)).filter((f): f is Flag => f !== null);
}

// ─── Cadence ──────────────────────────────────────────────────────────────────────────────────────

export interface Cadence {
  /** Posts per week over the dated recent posts (pinned left out); null with fewer than two. */
  postsPerWeek: number | null;
  sampleSize: number;
  /** Days from the oldest dated post to the capture. */
  spanDays: number | null;
  /** The newest post's date (pinned included); null when no post is dated. */
  lastPostAt: number | null;
  daysSinceLastPost: number | null;
  formula: string;
}

/** Posting cadence: recent posts per week up to the capture, and the days since the last post. */
export function computeCadence(snapshot: ProfileSnapshot): Cadence {
  const at = snapshot.capturedAt;
  const datedAll = snapshot.recentPosts.filter(
    (p): p is Post & { postedAt: number } => p.postedAt !== undefined && p.postedAt <= at,
  );
  const lastPostAt = datedAll.reduce<number | null>(
    (max, p) => (max === null || p.postedAt > max ? p.postedAt : max),
    null,
  );
  const daysSinceLastPost = lastPostAt === null ? null : roundTo((at - lastPostAt) / DAY_MS, 1);
  // Pinned posts can be years old: they would stretch the span of a "recent" sample.
  const dated = datedAll.filter((p) => p.pinned !== true);
  if (dated.length < 2) {
    return {
      postsPerWeek: null,
      sampleSize: dated.length,
      spanDays: null,
      lastPostAt,
      daysSinceLastPost,
      formula: `unknown: ${dated.length === 0 ? 'no dated posts' : 'only one dated post'} on the page`,
    };
  }
  const oldest = Math.min(...dated.map((p) => p.postedAt));
  const span = Math.max(at - oldest, DAY_MS);
  const postsPerWeek = roundTo(dated.length / (span / WEEK_MS), 1);
  const spanDays = roundTo(span / DAY_MS, 1);
  return {
    postsPerWeek,
    sampleSize: dated.length,
    spanDays,
    lastPostAt,
    daysSinceLastPost,
    formula: `${plural(dated.length, 'post', 'posts')} in ${fmtNum(spanDays)} days up to the capture = ${fmtNum(postsPerWeek)} per week`,
  };
}
