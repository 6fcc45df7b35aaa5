import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { ScoutDb } from '@/lib/db/database';
import { DEFAULT_LIST } from '@/lib/db/shortlists';
import { platformNames, withArticle } from '@/lib/format';
import type { Reply, RequestOf, ResponseOf } from '@/lib/messaging/protocol';
import { describeSaveConflicts, useSaveDraft } from './card/save-menu';
import { CreatorSummary } from './creator-summary';
import { downloadFile, listCsvFile } from './shortlists/download';
import { errorMessage } from './shortlists/errors';
import { INVALID_RATE_CARD, useRateCard } from './shortlists/use-rate-card';

type TabView = ResponseOf<'creator/for-tab'>;

export interface PopupApi {
  db: ScoutDb;
  /** The creator of a tab, or (no tab) the last creator seen. */
  creatorForTab(tabId: number | undefined): Promise<Reply<TabView>>;
  save(request: RequestOf<'shortlist/save'>): Promise<Reply<ResponseOf<'shortlist/save'>>>;
  openShortlists(): void;
  /** The clock export file names are dated with (Date.now when absent). */
  now?: () => number;
}

const NEW_LIST = '__new__';

/**
 * The toolbar popup: the current tab's creator (or the last seen) with their price under the rate
 * card in force, saved to a list in one click; the form shows the note and tags stored on the
 * chosen list and saves only what the user changed.
 */
export function PopupApp({ api, tabId }: { api: PopupApi; tabId: number | undefined }) {
  const [view, setView] = useState<TabView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [listId, setListId] = useState<string>(DEFAULT_LIST.id);
  const [newName, setNewName] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const rateCard = useRateCard();
  const [exported, setExported] = useState<string | null>(null);
  const lists = useLiveQuery(async () => {
    const [rows, entries] = await Promise.all([
      api.db.shortlists.orderBy('updatedAt').reverse().toArray(),
      api.db.shortlistEntries.toArray(),
    ]);
    const counts = new Map<string, number>();
    for (const e of entries) counts.set(e.listId, (counts.get(e.listId) ?? 0) + 1);
    return rows.map((l) => ({ id: l.id, name: l.name, entries: counts.get(l.id) ?? 0 }));
  }, [api.db]);

  useEffect(() => {
    void (async () => {
      let reply = await api.creatorForTab(tabId);
      if (reply.ok && !reply.data.creator && tabId !== undefined)
        reply = await api.creatorForTab(undefined);
      if (reply.ok) setView(reply.data);
      else setError(reply.error.message);
    })();
  }, [api, tabId]);

  const creator = view?.creator;
  const current = view?.page?.creatorKey === creator?.key && view?.tabId === tabId;
  // What this creator has on each list, live: the form shows the chosen list's note and tags.
  const creatorKey = creator?.key;
  const stored = useLiveQuery(
    async () =>
      creatorKey
        ? await api.db.shortlistEntries.where('creatorKey').equals(creatorKey).toArray()
        : [],
    [api.db, creatorKey],
  );
  const entry = listId === NEW_LIST ? undefined : stored?.find((e) => e.listId === listId);
  const draft = useSaveDraft(entry && { note: entry.note, tags: entry.tags });

  const onSave = async () => {
    if (!creator) return;
    setError(null);
    setSaved(null);
    const request: RequestOf<'shortlist/save'> = {
      ...(listId === NEW_LIST
        ? { creatorKey: creator.key, newListName: newName }
        : { creatorKey: creator.key, listId }),
      ...draft.changes(),
    };
    const reply = await api.save(request);
    if (reply.ok) {
      setSaved(reply.data.listName);
      setListId(reply.data.listId);
      setNewName('');
      draft.reset();
      const conflicts = describeSaveConflicts(reply.data.conflicts);
      if (conflicts) setError(`Not saved: ${conflicts}.`);
    } else setError(reply.error.message);
  };

  // The list the export button exports: the one picked for saving, else the newest list.
  const exportList = lists?.find((l) => l.id === listId) ?? lists?.[0];
  const onExport = async () => {
    if (!exportList) return;
    setError(null);
    setExported(null);
    try {
      if (!rateCard) throw new Error('The rate card is still loading; try again.');
      const file = await listCsvFile(
        api.db,
        exportList.id,
        ',',
        (api.now ?? Date.now)(),
        rateCard.card,
      );
      if (!file) throw new Error('That list no longer exists');
      downloadFile(file);
      setExported(file.name);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const options = lists?.length ? lists : [{ id: DEFAULT_LIST.id, name: DEFAULT_LIST.name }];
  return (
    <main className="popup">
      {creator ? (
        <>
          {!current && <p className="muted">Last creator seen</p>}
          <CreatorSummary creator={creator} rateCard={rateCard?.card ?? null} />
          {rateCard?.source === 'invalid' && <p className="muted small">{INVALID_RATE_CARD}</p>}
          <div className="row">
            <label>
              List{' '}
              <select
                value={listId}
                onChange={(e) => {
                  // Another list has its own note and tags: the form shows those.
                  setListId(e.target.value);
                  draft.reset();
                }}
              >
                {options.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.name}
                  </option>
                ))}
                <option value={NEW_LIST}>New list…</option>
              </select>
            </label>
            {listId === NEW_LIST && (
              <input
                aria-label="New list name"
                value={newName}
                onChange={(e) => setNewName(e.target.value)}
              />
            )}
          </div>
          <label className="stacked">
            Note
            <textarea
              rows={2}
              value={draft.note}
              maxLength={5000}
              onChange={(e) => draft.setNote(e.target.value)}
            />
          </label>
          <label className="stacked">
            Tags (comma-separated)
            <input value={draft.tags} onChange={(e) => draft.setTags(e.target.value)} />
          </label>
          <p>
            <button
              type="button"
              onClick={onSave}
              disabled={listId === NEW_LIST && !newName.trim()}
            >
              Save
            </button>
          </p>
          {saved && <p role="status">Saved to {saved}</p>}
        </>
      ) : (
        view && (
          <section role="status">
            <h2>No creator yet</h2>
            <p className="muted">
              {`Open ${withArticle(platformNames('or'))} creator page and Scout reads it.`}
            </p>
          </section>
        )
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {lists && lists.length > 0 && (
        <section aria-labelledby="popup-lists">
          <h2 id="popup-lists">Your lists</h2>
          <ul className="plain popup-lists">
            {lists.map((l) => (
              <li key={l.id} aria-current={l.id === exportList?.id ? 'true' : undefined}>
                {l.name}{' '}
                <span className="muted">
                  ({l.entries} {l.entries === 1 ? 'creator' : 'creators'})
                </span>
              </li>
            ))}
          </ul>
          {exportList && (
            <p className="row">
              <button
                type="button"
                className="secondary"
                aria-describedby="popup-export-list"
                onClick={() => void onExport()}
              >
                Export CSV
              </button>
              <span id="popup-export-list" className="muted">
                of {exportList.name}
              </span>
            </p>
          )}
          {exported && <p role="status">Exported {exported}</p>}
        </section>
      )}
      <p>
        <button type="button" className="secondary" onClick={api.openShortlists}>
          Open shortlists
        </button>
      </p>
    </main>
  );
}
