import { useLiveQuery } from 'dexie-react-hooks';
import type { ScoutDb } from '@/lib/db/database';
import { ChipSettingsForm, type ChipSettingsApi } from './chip-settings';
import { HiddenSites, type LayoutApi } from './hidden-sites';
import { RateCardForm, type RateCardApi } from './rate-card-form';
import { ForgetCreator, WipeData, type DataRemoved } from './shortlists/data-controls';

export type { DataRemoved };

/**
 * Settings: what Scout keeps, where it keeps it, and how to remove it. `onDataRemoved` runs after a
 * creator is forgotten or everything is wiped, for copies kept outside the database.
 */
export function OptionsApp({
  db,
  rateCard,
  layout,
  chips,
  onDataRemoved,
}: {
  db: ScoutDb;
  rateCard: RateCardApi;
  layout: LayoutApi;
  chips: ChipSettingsApi;
  onDataRemoved(removed: DataRemoved): void | Promise<void>;
}) {
  const counts = useLiveQuery(
    async () => ({
      creators: await db.creators.count(),
      snapshots: await db.snapshots.count(),
      lists: await db.shortlists.count(),
      entries: await db.shortlistEntries.count(),
      sightings: await db.sightings.count(),
    }),
    [db],
  );
  return (
    <main className="page">
      <h1>Scout settings</h1>
      <section>
        <RateCardForm api={rateCard} />
      </section>
      <HiddenSites api={layout} />
      <ChipSettingsForm api={chips} />
      <section aria-labelledby="data-heading">
        <h2 id="data-heading">Your data</h2>
        <p>
          Everything Scout reads and saves stays in this browser. There is no account and no server.
        </p>
        {counts &&
        counts.creators + counts.snapshots + counts.lists + counts.entries + counts.sightings ===
          0 ? (
          <p role="status">Scout has no data in this browser.</p>
        ) : (
          counts && (
            <ul>
              <li>{counts.creators} creators seen</li>
              <li>{counts.snapshots} snapshots in their history</li>
              <li>{counts.sightings} creators seen in feeds and search</li>
              <li>
                {counts.lists} shortlists with {counts.entries} entries
              </li>
            </ul>
          )
        )}
        <ForgetCreator db={db} onDataRemoved={onDataRemoved} />
        <WipeData db={db} onDataRemoved={onDataRemoved} />
      </section>
    </main>
  );
}
