import { useLiveQuery } from 'dexie-react-hooks';
import type { ScoutDb } from '@/lib/db/database';
import { HiddenSites, type LayoutApi } from './hidden-sites';
import { RateCardForm, type RateCardApi } from './rate-card-form';

/** Settings: what Scout keeps, where it keeps it. */
export function OptionsApp({
  db,
  rateCard,
  layout,
}: {
  db: ScoutDb;
  rateCard: RateCardApi;
  layout: LayoutApi;
}) {
  const counts = useLiveQuery(
    async () => ({
      creators: await db.creators.count(),
      snapshots: await db.snapshots.count(),
      lists: await db.shortlists.count(),
      entries: await db.shortlistEntries.count(),
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
      <section aria-labelledby="data-heading">
        <h2 id="data-heading">Your data</h2>
        <p>
          Everything Scout reads and saves stays in this browser. There is no account and no server.
        </p>
        {counts && (
          <ul>
            <li>{counts.creators} creators seen</li>
            <li>{counts.snapshots} snapshots in their history</li>
            <li>
              {counts.lists} shortlists with {counts.entries} entries
            </li>
          </ul>
        )}
      </section>
    </main>
  );
}
