import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BAND_BOUNDS,
  BAND_IDS,
  DEFAULT_RATE_CARD,
  ER_BENCHMARKS,
  MONTHLY_GROWTH_NORMS,
  TYPICAL_CPM_USD,
  bandFor,
} from '@/lib/metrics';

// DESIGN.md, "Metrics", copied verbatim: the benchmark numbers must match it exactly.
const DESIGN_TABLE = `
| 1–5K | 3.4–4.4 (1.72 / 7.97) | 12.1–14.0 (9.49 / 18.51) | 0.8–1.2 (0.4 / 2.4) |
| 5–10K | 1.25–1.62 (0.62 / 3.54) | 10.5–11.8 (7.79 / 14.59) | 0.7–1.0 (0.35 / 2.0) |
| 10–50K | 0.84–1.11 (0.39 / 2.61) | 8.4–9.4 (6.28 / 11.38) | 0.6–0.9 (0.3 / 1.8) |
| 50–100K | 0.75–1.01 (0.32 / 2.47) | 7.2–8.0 (5.47 / 10.45) | 0.5–0.8 (0.25 / 1.6) |
| 100–500K | 0.87–1.14 (0.41 / 2.63) | 6.7–7.4 (5.07 / 9.56) | 0.4–0.7 (0.2 / 1.4) |
| 500K–1M | 0.88–1.13 (0.46 / 2.46) | 6.2–6.9 (4.73 / 8.12) | 0.3–0.6 (0.15 / 1.2) |
| 1M+ | 1.02–1.27 (0.57 / 2.60) | 6.2–6.8 (4.75 / 8.69) | 0.3–0.5 (0.15 / 1.0) |
`;

const cell = (text: string) => {
  const m = /^([\d.]+)–([\d.]+) \(([\d.]+) \/ ([\d.]+)\)$/.exec(text.trim());
  if (!m) throw new Error(`bad cell ${text}`);
  const [from, to, low, high] = m.slice(1).map(Number) as [number, number, number, number];
  return { avg: [from, to], low, high };
};

const rows = DESIGN_TABLE.trim()
  .split('\n')
  .map((line) => line.split('|').slice(1, -1));

describe('benchmark bands', () => {
  it.each(rows.map((r, i) => [BAND_IDS[i], r] as const))(
    'the %s band carries DESIGN.md numbers for Instagram, TikTok and LinkedIn',
    (id, [, ig, tt, li]) => {
      expect(ER_BENCHMARKS.instagram.bands[id!]).toEqual(cell(ig!));
      expect(ER_BENCHMARKS.tiktok.bands[id!]).toEqual(cell(tt!));
      expect(ER_BENCHMARKS.linkedin.bands[id!]).toEqual(cell(li!));
    },
  );

  it('labels bands with an en dash the way the card prints them', () => {
    expect(BAND_IDS.map((id) => BAND_BOUNDS[id].label)).toEqual([
      '1K–5K',
      '5K–10K',
      '10K–50K',
      '50K–100K',
      '100K–500K',
      '500K–1M',
      '1M+',
    ]);
  });

  it('names a source and a year beside every table', () => {
    for (const table of Object.values(ER_BENCHMARKS)) {
      expect(table.sources.length).toBeGreaterThan(0);
      for (const s of table.sources) expect(s.year).toBeGreaterThanOrEqual(2025);
    }
  });

  it('the band median the rate model uses is the midpoint of the typical range', () => {
    expect(bandFor('tiktok', 38_200)?.median).toBe(8.9);
    expect(bandFor('instagram', 38_000)?.median).toBe(0.975);
    expect(bandFor('linkedin', 5_740)?.median).toBe(0.85);
  });

  it('keeps growth norms, typical CPM and rate-card defaults as DESIGN.md states them', () => {
    expect(MONTHLY_GROWTH_NORMS).toMatchObject({
      nano: { from: 2, to: 5 },
      micro: { from: 1, to: 3 },
      macro: { from: 0.5, to: 1.5 },
      mega: { from: 0.5, to: 1.5 },
    });
    expect(TYPICAL_CPM_USD).toEqual({ from: 5, to: 15 });
    expect(DEFAULT_RATE_CARD.base).toEqual({
      instagram: { per1kFollowers: 10, post: 1, carousel: 1.25, reel: 1.5, story: 0.5 },
      tiktok: { per1kFollowers: 6, video: 1 },
      linkedin: { per1kFollowers: 8, post: 1 },
    });
    expect(DEFAULT_RATE_CARD.addOns).toEqual({
      'usage-rights': 50,
      exclusivity: 30,
      whitelisting: 30,
      rush: 25,
    });
  });
});

describe('lib/metrics stays pure', () => {
  const dir = join(import.meta.dirname, '../../lib/metrics');
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));

  it.each(files)(
    "%s imports only lib/model, the platforms' facts and its siblings (runs in Node and the browser)",
    (f) => {
      const source = readFileSync(join(dir, f), 'utf8');
      const imports = [...source.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      // Each platform's facts (lib/platforms/<id>/facts.ts) are pure data, handed out by the light
      // registry (lib/platforms/index.ts, whose imports reach no reader: tests/platforms/registry.test.ts).
      for (const spec of imports) {
        expect(spec).toMatch(/^(\.\/[\w-]+|\.\.\/model(\/zod)?|\.\.\/platforms(\/facts)?)$/);
      }
      expect(source).not.toMatch(
        /Date\.now|new Date\(\)|\bwindow\b|\bbrowser\.|\bchrome\.|Math\.random/,
      );
    },
  );
});
