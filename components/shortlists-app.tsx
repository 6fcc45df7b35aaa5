import { useLiveQuery } from 'dexie-react-hooks';
import type { ScoutDb } from '@/lib/db/database';
import { ImportFile } from './shortlists/import-file';
import { ListSection } from './shortlists/list-section';
import { INVALID_RATE_CARD, useRateCard } from './shortlists/use-rate-card';

/**
 * Every list and what is on it, straight from the database (live across tabs): edits, rename,
 * delete, exports and import. Prices follow the stored rate card as it changes. `now` is the clock
 * edits and exports are stamped with.
 */
export function ShortlistsApp({ db, now = Date.now }: { db: ScoutDb; now?: () => number }) {
  const rateCard = useRateCard();
  const data = useLiveQuery(async () => {
    const [lists, entries, creators] = await Promise.all([
      db.shortlists.orderBy('updatedAt').reverse().toArray(),
      db.shortlistEntries.toArray(),
      db.creators.toArray(),
    ]);
    return { lists, entries, creators: new Map(creators.map((c) => [c.key, c])) };
  }, [db]);

  if (!data || !rateCard)
    return (
      <main className="page">
        <p role="status">Loading…</p>
      </main>
    );
  return (
    <main className="page shortlists-page">
      <h1>Shortlists</h1>
      {rateCard.source === 'invalid' && (
        <p role="alert" className="error">
          {INVALID_RATE_CARD}
        </p>
      )}
      {data.lists.length === 0 && (
        <p className="muted">
          No lists yet. Save a creator from the card on their page, or from the Scout button.
        </p>
      )}
      {data.lists.map((list) => (
        <ListSection
          key={list.id}
          db={db}
          list={list}
          entries={data.entries.filter((e) => e.listId === list.id)}
          creators={data.creators}
          rateCard={rateCard.card}
          now={now}
        />
      ))}
      <ImportFile db={db} now={now} rateCard={rateCard.card} />
    </main>
  );
}
