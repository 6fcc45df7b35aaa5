import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { ScoutDb } from '@/lib/db/database';
import { DEFAULT_LIST } from '@/lib/db/shortlists';
import type { Reply, RequestOf, ResponseOf } from '@/lib/messaging/protocol';
import { CreatorSummary } from './creator-summary';

type TabView = ResponseOf<'creator/for-tab'>;

export interface PopupApi {
  db: ScoutDb;
  /** The creator of a tab, or (no tab) the last creator seen. */
  creatorForTab(tabId: number | undefined): Promise<Reply<TabView>>;
  save(request: RequestOf<'shortlist/save'>): Promise<Reply<ResponseOf<'shortlist/save'>>>;
  openShortlists(): void;
}

const NEW_LIST = '__new__';

/** The toolbar popup: the current tab's creator (or the last seen), saved to a list in one click. */
export function PopupApp({ api, tabId }: { api: PopupApi; tabId: number | undefined }) {
  const [view, setView] = useState<TabView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [listId, setListId] = useState<string>(DEFAULT_LIST.id);
  const [newName, setNewName] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const lists = useLiveQuery(
    () => api.db.shortlists.orderBy('updatedAt').reverse().toArray(),
    [api.db],
  );

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

  const onSave = async () => {
    if (!creator) return;
    setError(null);
    const request: RequestOf<'shortlist/save'> =
      listId === NEW_LIST
        ? { creatorKey: creator.key, newListName: newName }
        : { creatorKey: creator.key, listId };
    const reply = await api.save(request);
    if (reply.ok) {
      setSaved(reply.data.listName);
      setListId(reply.data.listId);
      setNewName('');
    } else setError(reply.error.message);
  };

  const options = lists?.length ? lists : [{ id: DEFAULT_LIST.id, name: DEFAULT_LIST.name }];
  return (
    <main className="popup">
      {creator ? (
        <>
          {!current && <p className="muted">Last creator seen</p>}
          <CreatorSummary snapshot={creator.snapshot} />
          <div className="row">
            <label>
              List{' '}
              <select value={listId} onChange={(e) => setListId(e.target.value)}>
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
            <button
              type="button"
              onClick={onSave}
              disabled={listId === NEW_LIST && !newName.trim()}
            >
              Save
            </button>
          </div>
          {saved && <p role="status">Saved to {saved}</p>}
        </>
      ) : (
        view && (
          <section role="status">
            <h2>No creator yet</h2>
            <p className="muted">
              Open a TikTok, Instagram or LinkedIn creator page and Scout reads it.
            </p>
          </section>
        )
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <p>
        <button type="button" className="secondary" onClick={api.openShortlists}>
          Open shortlists
        </button>
      </p>
    </main>
  );
}
