/**
 * Every value a comment body holds about who commented, as text: everything under the keys that
 * name an account (`accountKeys`), and the ids `idsOf` picks from each object (a comment's own id).
 * Short values (a zero, a region code) say nothing about anyone and are left out. The comment
 * readers' tests check that none of these reaches a comment list.
 */
export function commenterValues(
  value: unknown,
  accountKeys: readonly string[],
  idsOf: (record: Record<string, unknown>) => unknown[] = () => [],
): string[] {
  const found = new Set<string>();
  const all = (v: unknown): void => {
    if (typeof v === 'string' || typeof v === 'number') {
      if (String(v).length >= 4) found.add(String(v));
    } else if (v && typeof v === 'object') Object.values(v).forEach(all);
  };
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const record = v as Record<string, unknown>;
      idsOf(record).forEach(all);
      for (const [key, child] of Object.entries(record)) {
        if (accountKeys.includes(key)) all(child);
        else walk(child);
      }
    }
  };
  walk(value);
  return [...found];
}
