/**
 * The benchmark harness behind `npm run bench`: named measures, each sampled several times, the
 * median reported against a budget. Node-side only (never imported by extension code); the clock
 * is injected so that the harness itself can be tested without timings.
 */

export type MeasureUnit = 'ratio' | 'ms' | 'KB';

/** One thing to measure: `sample()` returns one observation in `unit`. */
export interface Measure {
  id: string;
  unit: MeasureUnit;
  budget: number;
  /** What the number means, for the table. */
  label: string;
  sample(): number;
}

/** What `npm run --silent bench -- --json` prints per measure. */
export interface MeasureResult {
  median: number;
  unit: MeasureUnit;
  budget: number;
  runs: number;
}

/** The median of a non-empty list (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * Milliseconds per call of `fn`, timed over enough calls to fill `minMs` (so that sub-millisecond
 * work is not lost in timer resolution), after `warmup` untimed calls.
 */
export function timePerCall(
  fn: () => unknown,
  clock: () => number,
  { minMs = 20, warmup = 3 }: { minMs?: number; warmup?: number } = {},
): number {
  for (let i = 0; i < warmup; i++) fn();
  let calls = 0;
  const start = clock();
  let elapsed = 0;
  do {
    fn();
    calls++;
    elapsed = clock() - start;
  } while (elapsed < minMs);
  return elapsed / calls;
}

/** Samples every measure `runs` times and keeps the median. */
export function runMeasures(
  measures: readonly Measure[],
  runs: number,
): Record<string, MeasureResult> {
  const results: Record<string, MeasureResult> = {};
  for (const measure of measures) {
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) samples.push(measure.sample());
    results[measure.id] = {
      median: round(median(samples)),
      unit: measure.unit,
      budget: measure.budget,
      runs,
    };
  }
  return results;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** A plain-text table of the results: measure, median, budget, within budget or not. */
export function formatTable(
  results: Record<string, MeasureResult>,
  labels: Readonly<Record<string, string>> = {},
): string {
  const rows = Object.entries(results).map(([id, r]) => [
    id,
    `${r.median} ${r.unit}`,
    `≤ ${r.budget} ${r.unit}`,
    r.median <= r.budget ? 'ok' : 'OVER',
    String(r.runs),
    labels[id] ?? '',
  ]);
  const header = ['measure', 'median', 'budget', '', 'runs', 'what'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
