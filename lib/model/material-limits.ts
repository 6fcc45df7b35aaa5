/**
 * What one message of page material may hold (lib/model/material.ts checks it). The content script
 * trims to these counts before sending, so a page with absurdly many islands or readings still
 * sends its first ones; sizes are bounded loosely, and the merge drops values the snapshot refuses.
 */
export const MATERIAL_LIMITS = {
  texts: 1000,
  readings: 200,
  bodies: 100,
  /** Characters of an embedded text or a body. */
  textChars: 8_000_000,
  /** Characters of a text's name, or of any field of a reading. */
  fieldChars: 100_000,
  postsPerReading: 2000,
} as const;
