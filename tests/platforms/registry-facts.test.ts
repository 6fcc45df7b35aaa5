import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RATE_CARD, DELIVERABLE_LABELS, MAIN_DELIVERABLE } from '@/lib/metrics';
import { PLATFORMS, platformById } from '@/lib/platforms';
import { BAND_IDS } from '@/lib/platforms/facts';

const ROOT = join(import.meta.dirname, '..', '..');
const ids = PLATFORMS.map((p) => p.id);
const each = PLATFORMS.map((p) => [p.id, p.facts] as const);
const factsFile = (id: string) => `lib/platforms/${id}/facts.ts`;

describe("every registered platform's facts", () => {
  it.each(ids)('%s has a facts.ts in its folder', (id) => {
    expect(
      existsSync(join(ROOT, factsFile(id))),
      `add ${factsFile(id)}: export const ${id}Facts = { ... } as const satisfies PlatformFacts`,
    ).toBe(true);
  });

  it.each(ids)('%s carries the facts of its own facts.ts', async (id) => {
    const own = (await import(`../../lib/platforms/${id}/facts.ts`)) as Record<string, unknown>;
    expect(
      platformById(id).facts,
      `lib/platforms/${id}/index.ts: set \`facts: ${id}Facts\` (from ./facts)`,
    ).toBe(own[`${id}Facts`]);
  });

  it.each(each)('%s has a name and its words', (id, facts) => {
    const where = `in ${factsFile(id)}`;
    expect(facts.name.trim(), `add a display name ("TikTok") ${where}`).not.toBe('');
    const [one, many] = facts.nouns.post;
    expect(one.trim() && many.trim(), `add nouns.post (["video", "videos"]) ${where}`).toBeTruthy();
    for (const word of ['likes', 'shares', 'audience'] as const) {
      expect(facts.nouns[word].trim(), `add nouns.${word} ${where}`).not.toBe('');
    }
  });

  it.each(each)('%s has deliverables with a main one at the base price', (id, facts) => {
    const where = `in rates of ${factsFile(id)}`;
    const { deliverables, main, per1kFollowers } = facts.rates;
    expect(deliverables.length, `add at least one deliverable ${where}`).toBeGreaterThan(0);
    const dIds = deliverables.map((d) => d.id);
    expect(new Set(dIds).size, `deliverable ids repeat ${where}`).toBe(dIds.length);
    for (const d of deliverables) {
      expect(d.label.trim(), `add a label to deliverable "${d.id}" ${where}`).not.toBe('');
      expect(d.multiple, `give deliverable "${d.id}" a positive multiple ${where}`).toBeGreaterThan(
        0,
      );
    }
    const mainOne = deliverables.find((d) => d.id === main);
    expect(mainOne, `set rates.main to one of ${dIds.join(', ')} ${where}`).toBeDefined();
    expect(mainOne?.multiple, `the main deliverable's multiple is 1 ${where}`).toBe(1);
    expect(MAIN_DELIVERABLE[id]).toBe(main);
    expect(
      Number.isFinite(per1kFollowers) && per1kFollowers > 0,
      `add rates.per1kFollowers (USD per 1K followers) ${where}`,
    ).toBe(true);
    expect(facts.rates.source.name.trim(), `add rates.source (name, year) ${where}`).not.toBe('');
  });

  it.each(each)('%s has its rows in the default rate card', (id, facts) => {
    const row = DEFAULT_RATE_CARD.base[id];
    expect(row.per1kFollowers).toBe(facts.rates.per1kFollowers);
    for (const d of facts.rates.deliverables) expect(row[d.id]).toBe(d.multiple);
  });

  it('a deliverable sold on several platforms has one label', () => {
    for (const [id, facts] of each) {
      for (const d of facts.rates.deliverables) {
        expect(
          DELIVERABLE_LABELS[d.id as keyof typeof DELIVERABLE_LABELS],
          `deliverable "${d.id}" of ${factsFile(id)} is labelled differently elsewhere`,
        ).toBe(d.label);
      }
    }
  });

  it.each(each)(
    '%s has a benchmark table of its own, with every band and a source',
    (id, facts) => {
      const where = `in benchmarks of ${factsFile(id)}`;
      expect(
        facts.benchmarks.some((b) => b.table.platform === id),
        `add a benchmark table measured on ${id} creators (platform: '${id}') ${where}`,
      ).toBe(true);
      const bases = facts.benchmarks.map((b) => b.table.basis);
      expect(new Set(bases).size, `keep at most one table per basis ${where}`).toBe(bases.length);
      for (const { table, borrowed } of facts.benchmarks) {
        const name = `the ${table.platform} by-${table.basis} table`;
        expect(ids, `${name} ${where} names an unregistered platform`).toContain(table.platform);
        if (table.platform !== id) {
          expect(
            borrowed?.trim(),
            `say why ${name} stands in (borrowed: '...') ${where}`,
          ).toBeTruthy();
        }
        expect(
          table.sources.length,
          `add a source (name, year) to ${name} ${where}`,
        ).toBeGreaterThan(0);
        for (const s of table.sources) {
          expect(s.name.trim(), `name each source of ${name} ${where}`).not.toBe('');
        }
        for (const band of BAND_IDS) {
          const rates = table.bands[band];
          expect(rates, `add the ${band} band to ${name} ${where}`).toBeDefined();
          const [from, to] = rates.avg;
          expect(
            rates.low <= from && from <= to && to <= rates.high,
            `the ${band} band of ${name} ${where} needs low ≤ typical range ≤ high`,
          ).toBe(true);
        }
      }
    },
  );

  it.each(ids)('%s keeps its facts pure data (no DOM, no readers)', (id) => {
    const source = readFileSync(join(ROOT, factsFile(id)), 'utf8');
    const imports = [...source.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    for (const spec of imports) {
      expect(spec, `${factsFile(id)} may import only ../facts and other platforms' facts`).toMatch(
        /^\.\.\/(facts|[a-z]+\/facts)$/,
      );
    }
    expect(source).not.toMatch(/\bdocument\b|\bwindow\b|Date\.now|\bfetch\(/);
  });
});
