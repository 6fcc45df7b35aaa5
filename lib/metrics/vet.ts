import type { AddOn, Engagement, Flag, ProfileSnapshot, Rate, Tier, Vetting } from '../model';
import { computeCadence, computeFlags, type Cadence } from './authenticity';
import { summarizeComments, type CommentSummary, type PostComments } from './comments';
import { computeEngagement, type EngagementResult } from './engagement';
import { computeGrowth, type GrowthResult } from './growth';
import {
  computeRates,
  DEFAULT_RATE_CARD,
  RateCardSchema,
  type RateCard,
  type RateEstimate,
} from './rates';
import { computeTier } from './tier';

export interface VetOptions {
  /** The clock, epoch ms: becomes `computedAt` (ages are measured against `capturedAt`). */
  now: number;
  /** Scout's own earlier snapshots of this creator, for growth warnings. */
  history?: readonly ProfileSnapshot[];
  /** The user's rate card; an invalid one falls back to the default (said in `detail.notes`). */
  rateCard?: RateCard;
  /** The comments read on this creator's own posts, for the comment warnings. */
  comments?: readonly PostComments[];
}

/** Everything the expanded card shows beyond the `Vetting` that is stored and exported. */
export interface VetDetail {
  engagement: EngagementResult;
  rates: RateEstimate;
  cadence: Cadence;
  growth: GrowthResult;
  /** The comments read on the creator's posts, counted; null when none were read. */
  comments: CommentSummary | null;
  notes: string[];
}

export interface VetResult {
  vetting: Vetting;
  detail: VetDetail;
}

/** The whole vetting of one snapshot: tier, engagement, rates, add-ons and warnings. */
export function computeVetting(snapshot: ProfileSnapshot, options: VetOptions): VetResult {
  const notes: string[] = [];
  let card = DEFAULT_RATE_CARD;
  if (options.rateCard) {
    const parsed = RateCardSchema.safeParse(options.rateCard);
    if (parsed.success) card = parsed.data;
    else notes.push('the saved rate card is invalid: the default rate card was used');
  }
  const history = options.history ?? [];
  const engagement = computeEngagement(snapshot);
  const rates = computeRates(
    {
      platform: snapshot.platform,
      followers: snapshot.followers,
      followersPrecision: snapshot.precision.followers,
      er: engagement.engagement.rate,
      basis: engagement.engagement.basis,
      band: engagement.band,
      medianViews: engagement.medianViews,
    },
    card,
  );
  const read = options.comments ? summarizeComments(options.comments) : null;
  const comments = read && read.comments > 0 ? read : null;
  const flags = computeFlags(snapshot, { history, engagement, commentSummary: comments });
  if (engagement.gradeNote) notes.push(engagement.gradeNote);
  notes.push(rates.adjustment.note);
  return {
    vetting: {
      tier: computeTier(snapshot.followers),
      engagement: engagement.engagement,
      rates: rates.rates.map(toRate),
      addOns: rates.addOns.map(({ id, percent }) => ({ id, percent })),
      flags,
      computedAt: options.now,
    },
    detail: {
      engagement,
      rates,
      cadence: computeCadence(snapshot),
      growth: computeGrowth(snapshot, history),
      comments,
      notes,
    },
  };
}

const toRate = ({ deliverable, low, mid, high, currency }: Rate): Rate => ({
  deliverable,
  low,
  mid,
  high,
  currency,
});

/** What `scout vet` prints; unknown parts are null. */
export interface VetOutput {
  snapshot: ProfileSnapshot;
  tier: Tier | null;
  engagement: Pick<
    Engagement,
    'rate' | 'basis' | 'sampleSize' | 'band' | 'grade' | 'formula' | 'confidence'
  >;
  /** null when no rate can be estimated (followers unknown). */
  rates: Rate[] | null;
  addOns: AddOn[];
  flags: Flag[];
}

/** The `scout vet` output for a snapshot and its vetting (fields in DESIGN.md's order). */
export function toVetOutput(
  snapshot: ProfileSnapshot,
  result: Pick<VetResult, 'vetting'>,
): VetOutput {
  const { tier, engagement: e, rates, addOns, flags } = result.vetting;
  return {
    snapshot,
    tier,
    engagement: {
      rate: e.rate,
      basis: e.basis,
      sampleSize: e.sampleSize,
      band: e.band,
      grade: e.grade,
      formula: e.formula,
      confidence: e.confidence,
    },
    rates: rates.length === 0 ? null : rates.map(toRate),
    addOns: addOns.map(({ id, percent }) => ({ id, percent })),
    flags: flags.map(({ code, severity, message, evidence }) => ({
      code,
      severity,
      message,
      evidence,
    })),
  };
}
