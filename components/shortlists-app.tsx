import { useLiveQuery } from 'dexie-react-hooks';
import type { ScoutDb } from '@/lib/db/database';
import { displayHandle, formatCount, PLATFORM_NAMES } from '@/lib/format';

/** Every list and what is on it, straight from the database (live across tabs). */
export function ShortlistsApp({ db }: { db: ScoutDb }) {
  const data = useLiveQuery(async () => {
    const [lists, entries, creators] = await Promise.all([
      db.shortlists.orderBy('updatedAt').reverse().toArray(),
      db.shortlistEntries.toArray(),
      db.creators.toArray(),
    ]);
    return { lists, entries, creators: new Map(creators.map((c) => [c.key, c])) };
  }, [db]);

  if (!data)
    return (
      <main className="page">
        <p role="status">Loading…</p>
      </main>
    );
  return (
    <main className="page">
      <h1>Shortlists</h1>
      {data.lists.length === 0 && (
        <p role="status" className="muted">
          No lists yet. Save a creator from the card on their page, or from the Scout button.
        </p>
      )}
      {data.lists.map((list) => {
        const entries = data.entries.filter((e) => e.listId === list.id);
        return (
          <section key={list.id} aria-labelledby={`list-${list.id}`}>
            <h2 id={`list-${list.id}`}>
              {list.name} <span className="muted">({entries.length})</span>
            </h2>
            <table>
              <thead>
                <tr>
                  <th scope="col">Creator</th>
                  <th scope="col">Platform</th>
                  <th scope="col">Followers</th>
                  <th scope="col">Status</th>
                  <th scope="col">Note</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => {
                  const snapshot = data.creators.get(entry.creatorKey)?.snapshot;
                  return (
                    <tr key={entry.id}>
                      <td>
                        {snapshot ? (
                          <a href={snapshot.url} target="_blank" rel="noreferrer">
                            {snapshot.displayName ??
                              displayHandle(snapshot.platform, snapshot.handle)}
                          </a>
                        ) : (
                          entry.creatorKey
                        )}
                      </td>
                      <td>{snapshot ? PLATFORM_NAMES[snapshot.platform] : ''}</td>
                      <td>
                        {snapshot
                          ? formatCount(snapshot.followers, snapshot.precision.followers)
                          : 'unknown'}
                      </td>
                      <td>{entry.status}</td>
                      <td>{entry.note}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
        );
      })}
    </main>
  );
}
