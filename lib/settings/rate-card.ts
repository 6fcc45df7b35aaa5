import { storage } from 'wxt/utils/storage';
import { DEFAULT_RATE_CARD, RateCardSchema, type RateCard } from '../metrics/rates';
import { firstIssue } from '../model/issues';

/** Where the rate card came from: the user's saved card, the defaults, or defaults over a broken card. */
export type RateCardSource = 'saved' | 'default' | 'invalid';

export interface LoadedRateCard {
  card: RateCard;
  source: RateCardSource;
}

/**
 * The user's rate card in extension storage, versioned: a change of shape adds a version and a
 * migration here, never a silent reinterpretation of stored numbers.
 */
export const rateCardItem = storage.defineItem<unknown>('local:rateCard', {
  fallback: null,
  version: 1,
});

/**
 * A stored value as a rate card: the defaults when nothing is stored or it fails its schema. A card
 * saved before a platform (or a deliverable) was registered gets that row's defaults from the
 * platform's facts (RateCardSchema); the user's own numbers stay as stored.
 */
export function readRateCard(stored: unknown): LoadedRateCard {
  if (stored == null) return { card: DEFAULT_RATE_CARD, source: 'default' };
  const parsed = RateCardSchema.safeParse(stored);
  return parsed.success
    ? { card: parsed.data, source: 'saved' }
    : { card: DEFAULT_RATE_CARD, source: 'invalid' };
}

/** The rate card in force. */
export async function loadRateCard(): Promise<LoadedRateCard> {
  return readRateCard(await rateCardItem.getValue());
}

/** Saves a rate card after validating it; returns the error a person can read, or null. */
export async function saveRateCard(card: unknown): Promise<string | null> {
  const parsed = RateCardSchema.safeParse(card);
  if (!parsed.success) {
    const { path, what } = firstIssue(parsed.error);
    return `${path || 'rate card'}: ${what}`;
  }
  await rateCardItem.setValue(parsed.data);
  return null;
}

/** Back to the defaults of DESIGN.md. */
export async function resetRateCard(): Promise<void> {
  await rateCardItem.removeValue();
}
