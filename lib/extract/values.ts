/**
 * Raw payload values as Scout keeps them, shared by every platform's mapper: counts as safe
 * non-negative integers, ids as strings.
 */

/** A safe non-negative integer from a JSON number or a string of digits; undefined otherwise. */
export function toCount(raw: unknown): number | undefined {
  const text = typeof raw === 'string' ? raw.trim() : undefined;
  const n = text !== undefined && /^\d{1,16}$/.test(text) ? Number(text) : raw;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

/**
 * An id as a string: digit strings as they are, numbers only while exact. A number beyond 2^53 has
 * already lost digits in JSON.parse, so it is dropped rather than kept wrong.
 */
export function idString(raw: unknown): string | undefined {
  if (typeof raw === 'string') return /^\d{1,30}$/.test(raw) ? raw : undefined;
  return typeof raw === 'number' && Number.isSafeInteger(raw) && raw > 0 ? String(raw) : undefined;
}
