import { COLLAPSED_HEIGHT, type Layout } from '../settings/layout';

/** The message the background sends a tab when the user presses Scout's keyboard shortcut. */
export const TOGGLE_MESSAGE = 'scout/toggle-card';
/** The message the card sends its tab when Escape is pressed in a card opened from a chip. */
export const CLOSE_FEED_MESSAGE = 'scout/close-feed-card';
/** The manifest command behind that shortcut. */
export const TOGGLE_COMMAND = 'toggle-card';

export const CARD_WIDTH = 340;
export const CARD_MARGIN = 16;
export const CARD_TOP = 72;
export const CARD_MAX_HEIGHT = 520;
const MIN_HEIGHT = 220;

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Placement {
  side: 'left' | 'right';
  top: number;
  height: number;
}

const overlaps = (a: Rect, b: Rect) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

function cardRect(side: 'left' | 'right', top: number, height: number, width: number): Rect {
  const left = side === 'right' ? width - CARD_MARGIN - CARD_WIDTH : CARD_MARGIN;
  return { left, top, right: left + CARD_WIDTH, bottom: top + height };
}

/**
 * Where the card goes so that it never covers the profile's own buttons (`avoid`): the user's side
 * if it is clear, else the other side, else below the buttons while the card still fits.
 */
export function placeCard(
  layout: Pick<Layout, 'side' | 'collapsed'>,
  viewport: { width: number; height: number },
  avoid: readonly Rect[],
): Placement {
  const height = layout.collapsed
    ? COLLAPSED_HEIGHT
    : Math.max(Math.min(CARD_MAX_HEIGHT, viewport.height - CARD_TOP - 24), MIN_HEIGHT);
  const clear = (side: 'left' | 'right', top: number, h: number) =>
    !avoid.some((r) => overlaps(cardRect(side, top, h, viewport.width), r));
  const other = layout.side === 'right' ? 'left' : 'right';
  for (const side of [layout.side, other] as const) {
    if (clear(side, CARD_TOP, height)) return { side, top: CARD_TOP, height };
  }
  const below = Math.max(...avoid.map((r) => r.bottom)) + 12;
  const room = viewport.height - below - 16;
  if (room >= MIN_HEIGHT || (layout.collapsed && room >= COLLAPSED_HEIGHT)) {
    return {
      side: layout.side,
      top: below,
      height: layout.collapsed ? COLLAPSED_HEIGHT : Math.min(height, room),
    };
  }
  return { side: layout.side, top: CARD_TOP, height };
}

/** A profile's own follow / connect buttons, found by stable attributes and visible text. */
export function findProfileButtons(doc: Document): Element[] {
  const labels =
    /^(follow|following|folgen|suivre|seguir|segui|volgen|obserwuj|takip et|подписаться|ikuti|theo dõi|connect|vernetzen|se connecter|conectar|collegati|message)(\s|$)/i;
  const found = [...doc.querySelectorAll('[data-e2e="follow-button"]')];
  for (const button of doc.querySelectorAll('button, a[role="button"]')) {
    const text = (button.getAttribute('aria-label') ?? button.textContent ?? '').trim();
    if (text.length <= 60 && labels.test(text) && !found.includes(button)) found.push(button);
    if (found.length >= 12) break;
  }
  return found;
}
