import { useEffect, useState } from 'react';
import {
  loadRateCard,
  rateCardItem,
  readRateCard,
  type LoadedRateCard,
} from '@/lib/settings/rate-card';

/**
 * The rate card in force, as stored now and after every change (the options page may be open in
 * another tab): prices on this page are computed with it, never taken from a capture. Null until it
 * is read, so no price is drawn with a card that is not the user's.
 */
export function useRateCard(): LoadedRateCard | null {
  const [loaded, setLoaded] = useState<LoadedRateCard | null>(null);
  useEffect(() => {
    let live = true;
    const stop = rateCardItem.watch((value) => {
      if (live) setLoaded(readRateCard(value));
    });
    void loadRateCard().then(
      (card) => live && setLoaded((seen) => seen ?? card),
      // Storage that cannot be read is a broken card: the defaults, said as such.
      () => live && setLoaded((seen) => seen ?? readRateCard('unreadable')),
    );
    return () => {
      live = false;
      stop();
    };
  }, []);
  return loaded;
}

/** What the page says when the saved rate card could not be used. */
export const INVALID_RATE_CARD =
  'Your saved rate card could not be read: prices use the default rate card. Fix it in Scout settings.';
