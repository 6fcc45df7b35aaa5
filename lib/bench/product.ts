import { computeVetting } from '../metrics/vet';
import type { ProfileSnapshot } from '../model/snapshot';
import { timePerCall, type Measure } from './measure';

/** Vetting one snapshot (budget 1 ms): what the background adds to every page's snapshot. */
export function vetMeasures(
  snapshots: readonly { name: string; snapshot: ProfileSnapshot }[],
  clock: () => number,
): Measure[] {
  return snapshots.map(({ name, snapshot }) => ({
    id: `vet.${name}`,
    unit: 'ms',
    budget: 1,
    label: `vet one snapshot (${snapshot.recentPosts.length} posts): ${name}`,
    sample: () => timePerCall(() => computeVetting(snapshot, { now: snapshot.capturedAt }), clock),
  }));
}

/** Script injected into one host page, gzip KB (budget 20 per script, 30 per page): a fixed size. */
export function sizeMeasures(
  pages: readonly { host: string; files: { name: string; gzipKb: number }[] }[],
): Measure[] {
  return pages.flatMap(({ host, files }) => [
    ...files.map((file) => ({
      id: `content-script.${file.name}`,
      unit: 'KB' as const,
      budget: 20,
      label: `content script ${file.name} (gzip)`,
      sample: () => file.gzipKb,
    })),
    {
      id: `content-scripts-per-page.${host}`,
      unit: 'KB' as const,
      budget: 30,
      label: `everything injected into ${host} (gzip)`,
      sample: () => files.reduce((sum, f) => sum + f.gzipKb, 0),
    },
  ]);
}
