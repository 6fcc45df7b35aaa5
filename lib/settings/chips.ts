/**
 * Whether Scout puts chips beside creators in feeds, per platform, kept in `browser.storage.local`
 * under CHIPS_KEY as `{ [platformId]: boolean }`. On by default. Pure and free of zod: it ships in
 * every host page.
 */
export const CHIPS_KEY = 'chips';

export type ChipSettings = Readonly<Record<string, boolean>>;

/** A stored value as chip settings: anything that is not a boolean per platform is ignored. */
export function readChipSettings(value: unknown): ChipSettings {
  if (!value || typeof value !== 'object') return {};
  const settings: Record<string, boolean> = {};
  for (const [id, on] of Object.entries(value)) if (typeof on === 'boolean') settings[id] = on;
  return settings;
}

/** Chips are on for a platform unless the user turned them off. */
export const chipsOn = (settings: ChipSettings, platform: string): boolean =>
  settings[platform] !== false;
