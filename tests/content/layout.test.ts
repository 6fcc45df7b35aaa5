// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  CARD_TOP,
  CARD_WIDTH,
  findProfileButtons,
  placeCard,
  type Rect,
} from '@/lib/content/layout';
import { COLLAPSED_HEIGHT, DEFAULT_LAYOUT, readLayout } from '@/lib/settings/layout';

const viewport = { width: 1280, height: 800 };
const rect = (left: number, top: number, width: number, height: number): Rect => ({
  left,
  top,
  right: left + width,
  bottom: top + height,
});

describe('where the card goes', () => {
  it('sits on the user’s side when nothing is in the way', () => {
    expect(placeCard(DEFAULT_LAYOUT, viewport, [rect(24, 214, 126, 34)])).toEqual({
      side: 'right',
      top: CARD_TOP,
      height: 520,
    });
  });

  it('moves to the other side rather than cover the follow button', () => {
    const follow = rect(1000, 120, 110, 36);
    const placed = placeCard(DEFAULT_LAYOUT, viewport, [follow]);
    expect(placed.side).toBe('left');
  });

  it('goes below the buttons when both sides are covered', () => {
    const placed = placeCard(DEFAULT_LAYOUT, { width: 1024, height: 800 }, [
      rect(30, 100, 100, 36),
      rect(900, 100, 100, 36),
    ]);
    expect(placed.top).toBeGreaterThanOrEqual(136);
    expect(placed.top + placed.height).toBeLessThanOrEqual(800);
  });

  it('is a slim bar when collapsed', () => {
    expect(placeCard({ ...DEFAULT_LAYOUT, collapsed: true }, viewport, []).height).toBe(
      COLLAPSED_HEIGHT,
    );
  });

  it('never overlaps what it avoids at 1280 and 1024 px', () => {
    for (const width of [1280, 1024]) {
      const follow = rect(width - 200, 90, 120, 40);
      const placed = placeCard(DEFAULT_LAYOUT, { width, height: 800 }, [follow]);
      const left = placed.side === 'right' ? width - 16 - CARD_WIDTH : 16;
      const overlap =
        left < follow.right &&
        follow.left < left + CARD_WIDTH &&
        placed.top < follow.bottom &&
        follow.top < placed.top + placed.height;
      expect(overlap).toBe(false);
    }
  });
});

describe('the stored layout', () => {
  it.each([
    [undefined, DEFAULT_LAYOUT],
    ['garbage', DEFAULT_LAYOUT],
    [
      { collapsed: 'yes', side: 'top', hiddenHosts: [1, 'www.tiktok.com'] },
      { ...DEFAULT_LAYOUT, hiddenHosts: ['www.tiktok.com'] },
    ],
    [
      { collapsed: true, side: 'left', hiddenHosts: [] },
      { collapsed: true, side: 'left', hiddenHosts: [] },
    ],
  ])('reads %j leniently', (stored, expected) => {
    expect(readLayout(stored)).toEqual(expected);
  });
});

describe('the profile’s own buttons', () => {
  it('finds follow and connect buttons by attribute and text, in several languages', () => {
    document.body.innerHTML = `
      <button data-e2e="follow-button">Folgen</button>
      <button>Follow</button>
      <button aria-label="Follow Jonas Weber">+</button>
      <button>Подписаться</button>
      <button>Share</button>
      <a role="button">Connect</a>`;
    const texts = findProfileButtons(document).map((b) => b.textContent);
    expect(texts).toEqual(['Folgen', 'Follow', '+', 'Подписаться', 'Connect']);
  });
});
