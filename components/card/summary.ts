import {
  computeTier,
  DELIVERABLE_LABELS,
  MAIN_DELIVERABLE,
  type Deliverable,
  type VetDetail,
} from '@/lib/metrics';
import type {
  CreatorRow,
  Engagement,
  ErBasis,
  Flag,
  Platform,
  Precision,
  ProfileSnapshot,
  Rate,
  Tier,
} from '@/lib/model';
import type { Noun } from '@/lib/platforms/facts';
import { platformFacts } from '@/lib/platforms';
import { capitalize, plural } from './format';

/** What the card's headline shows about one creator, derived once from the background's answer. */
export interface CardSummary {
  key: string;
  snapshot: ProfileSnapshot;
  tier: Tier | null;
  /** Followers (in the platform's word), or the count that stands in where none are shown. */
  audience: {
    label: string;
    value: number | undefined;
    precision?: Precision;
  };
  /** The primary engagement rate; null when Scout has not vetted this snapshot. */
  engagement: Engagement | null;
  /** The platform's main deliverable (its facts say which: a video, a post) and its price, if any. */
  main: { deliverable: Deliverable; label: string; rate: Rate | null };
  /** Warnings; null when the snapshot has not been checked. */
  flags: Flag[] | null;
  /** The page showed per-post numbers (or at least posts). */
  postsVisible: boolean;
  /** What is missing, in words ("followers unknown"), most important first. */
  gaps: string[];
}

/** What one item of an engagement sample is called on a platform and basis ("reels" by views). */
export function sampleNoun(platform: Platform, basis: ErBasis | null): Noun {
  const facts = platformFacts(platform);
  const { strategy } = facts.engagement;
  if (basis === 'views' && strategy.by === 'views-or-followers') return strategy.viewsNoun;
  return facts.nouns.post;
}

const SEVERITY_ORDER: Record<Flag['severity'], number> = { risk: 0, warn: 1, info: 2 };

/** Warnings with the gravest first, in their stable code order within a severity. */
export function bySeverity(flags: readonly Flag[]): Flag[] {
  return [...flags].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

/** The headline of a creator: the fresh detail where the background computed it, else the stored vetting. */
export function summarize(creator: CreatorRow, detail: VetDetail | null): CardSummary {
  const { snapshot, vetting } = creator;
  const { platform, precision } = snapshot;
  const facts = platformFacts(platform);
  const engagement = detail?.engagement.engagement ?? vetting?.engagement ?? null;
  const deliverable = MAIN_DELIVERABLE[platform];
  // Prices follow the rate card in force: the detail is recomputed with it, the vetting is stored.
  const rates: readonly Rate[] = detail ? detail.rates.rates : (vetting?.rates ?? []);
  const rate = rates.find((r) => r.deliverable === deliverable) ?? null;
  const fallback = facts.audienceFallback;
  const audience =
    fallback && snapshot.followers === undefined && snapshot[fallback.field] !== undefined
      ? {
          label: capitalize(fallback.word),
          value: snapshot[fallback.field],
          precision: precision[fallback.field],
        }
      : {
          label: capitalize(facts.nouns.audience),
          value: snapshot.followers,
          precision: precision.followers,
        };
  return {
    key: creator.key,
    snapshot,
    tier: computeTier(snapshot.followers),
    audience,
    engagement,
    main: { deliverable, label: DELIVERABLE_LABELS[deliverable], rate },
    flags: vetting ? bySeverity(vetting.flags) : null,
    postsVisible: snapshot.recentPosts.length > 0,
    gaps: gapsOf(snapshot, detail, engagement, vetting !== undefined),
  };
}

function gapsOf(
  snapshot: ProfileSnapshot,
  detail: VetDetail | null,
  engagement: Engagement | null,
  checked: boolean,
): string[] {
  const gaps: string[] = [];
  const facts = platformFacts(snapshot.platform);
  const { likes, audience } = facts.nouns;
  const fallback = facts.audienceFallback;
  if (snapshot.followers === undefined) {
    gaps.push(
      fallback && snapshot[fallback.field] !== undefined
        ? `${audience} unknown (${fallback.word} shown): no tier, benchmark or price`
        : `${audience} unknown: no tier, benchmark or price`,
    );
  }
  if (snapshot.isPrivate === true) gaps.push('private account: posts are hidden');
  if (engagement === null) {
    gaps.push('not vetted yet: engagement and prices unknown');
  } else if (engagement.basis === 'lifetime') {
    gaps.push('no per-post numbers: ER from lifetime totals, low confidence');
  } else if (
    engagement.rate === null &&
    snapshot.recentPosts.length > 0 &&
    snapshot.followers !== undefined
  ) {
    gaps.push(`ER ${engagement.formula}`);
  }
  const hidden = detail?.engagement.excluded.hiddenLikes ?? 0;
  if (hidden > 0) {
    gaps.push(`${plural(hidden, 'post', 'posts')} without a ${likes} count (hidden)`);
  }
  if (
    detail &&
    detail.rates.rates.length === 0 &&
    detail.rates.reason &&
    snapshot.followers !== undefined
  ) {
    gaps.push(detail.rates.reason);
  }
  if (!checked) gaps.push('warnings not checked yet');
  return gaps;
}
