import { isRecord } from '../../extract/lenient';
import { newReading, normalizeHandle, type Reading } from '../../extract/reading';
import type { ProfileCountField } from '../../model/snapshot';
import { exact } from './map';
import { INSTAGRAM_SOURCES } from './sources';

/**
 * The page's summaries, read when no JSON says more: the meta description (in `description.ts`,
 * re-exported here) and JSON-LD, read here.
 */

export { countIn, readDescription } from './description';

/**
 * JSON-LD about a person (2021 capture: `Person` with `alternateName` "@_tanshio_" and, oddly,
 * `mainEntityofPage.interactionStatistic` FollowAction "22"; schema.org's `ProfilePage` puts the
 * Person in `mainEntity`). interactionStatistic FollowAction = followers; agentInteractionStatistic
 * FollowAction = following, WriteAction = posts. Only integer counts are read (exact).
 */
export function readJsonLd(value: unknown, deep = true): Reading[] {
  const readings: Reading[] = [];
  const nodes = Array.isArray(value) ? value : [value];
  for (const node of nodes.slice(0, 20)) {
    if (!isRecord(node)) continue;
    const graph = node['@graph'];
    if (Array.isArray(graph) && deep) readings.push(...readJsonLd(graph, false));
    const person = node['@type'] === 'Person' ? node : node['mainEntity'];
    if (!isRecord(person)) continue;
    const handle = normalizeHandle(person['alternateName']);
    if (!handle) continue;
    const reading = newReading(INSTAGRAM_SOURCES.jsonLd, { handle });
    if (typeof person['name'] === 'string' && person['name']) reading.displayName = person['name'];
    const page = person['mainEntityofPage'] ?? person['mainEntityOfPage'];
    const stats = (key: string, where: unknown = person) => {
      const s = isRecord(where) ? where[key] : undefined;
      return (Array.isArray(s) ? s : [s]).filter(isRecord);
    };
    const put = (field: ProfileCountField, stat: Record<string, unknown>) => {
      const c = exact(stat['userInteractionCount']);
      if (c) reading.counts[field] ??= c;
    };
    const type = (stat: Record<string, unknown>) => {
      const t = stat['interactionType'];
      return String(isRecord(t) ? t['@type'] : t);
    };
    for (const stat of [...stats('interactionStatistic'), ...stats('interactionStatistic', page)]) {
      if (/FollowAction$/.test(type(stat))) put('followers', stat);
    }
    for (const stat of stats('agentInteractionStatistic')) {
      if (/FollowAction$/.test(type(stat))) put('following', stat);
      if (/WriteAction$/.test(type(stat))) put('posts', stat);
    }
    readings.push(reading);
  }
  return readings;
}
