import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import type { ScoutDb } from '@/lib/db/database';
import { forgetCreator, wipeAll } from '@/lib/db/privacy';
import { displayHandle, PLATFORM_NAMES } from '@/lib/format';
import { plural } from '../card/format';
import { ConfirmDialog } from './confirm-dialog';
import type { Notice } from './entry-row';
import { errorMessage } from './errors';

/** What was removed, for whoever keeps copies outside the database (the background's tab records). */
export type DataRemoved = { creatorKey: string } | { all: true };

function NoticeLine({ notice }: { notice: Notice | null }) {
  if (!notice) return null;
  return (
    <p role={notice.kind} className={notice.kind === 'alert' ? 'error' : undefined}>
      {notice.text}
    </p>
  );
}

/** Forget one creator Scout has seen: their profile, history and list entries. */
export function ForgetCreator({
  db,
  onDataRemoved,
}: {
  db: ScoutDb;
  onDataRemoved(removed: DataRemoved): void | Promise<void>;
}) {
  const id = useId();
  const creators = useLiveQuery(async () => {
    const rows = await db.creators.toArray();
    return rows
      .map((c) => {
        const handle = displayHandle(c.snapshot.platform, c.snapshot.handle);
        const name = c.snapshot.displayName || handle;
        return {
          key: c.key,
          name,
          label: `${name} (${name === handle ? '' : `${handle}, `}${PLATFORM_NAMES[c.snapshot.platform]})`,
        };
      })
      .sort((a, b) => a.label.localeCompare(b.label));
  }, [db]);
  const [picked, setPicked] = useState('');
  const [confirm, setConfirm] = useState<{
    key: string;
    name: string;
    lists: number;
    snapshots: number;
  } | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  const selected = creators?.find((c) => c.key === picked) ?? creators?.[0];

  const onAsk = async () => {
    if (!selected) return;
    setNotice(null);
    const [lists, snapshots] = await Promise.all([
      db.shortlistEntries.where('creatorKey').equals(selected.key).count(),
      db.snapshots.where('creatorKey').equals(selected.key).count(),
    ]);
    setConfirm({ key: selected.key, name: selected.name, lists, snapshots });
  };

  const onForget = async () => {
    if (!confirm) return;
    const { key, name } = confirm;
    setConfirm(null);
    try {
      const result = await forgetCreator(db, key);
      setPicked('');
      setNotice({
        kind: 'status',
        text:
          `Forgot ${name}: removed ${result.creator ? 'their profile' : 'no profile'}, ` +
          `${plural(result.snapshots, 'snapshot')} of their history and ` +
          `${plural(result.entries, 'list entry', 'list entries')}.`,
      });
      await onDataRemoved({ creatorKey: key });
    } catch (error) {
      setNotice({ kind: 'alert', text: errorMessage(error) });
    }
  };

  return (
    <section aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Forget a creator</h3>
      {creators && creators.length === 0 ? (
        <p className="muted">Scout has not seen any creator yet.</p>
      ) : (
        <div className="row">
          <label>
            Creator{' '}
            <select value={selected?.key ?? ''} onChange={(e) => setPicked(e.target.value)}>
              {creators?.map((c) => (
                <option key={c.key} value={c.key}>
                  {c.label}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="secondary"
            disabled={!selected}
            onClick={() => void onAsk()}
          >
            Forget…
          </button>
        </div>
      )}
      <NoticeLine notice={notice} />
      {confirm && (
        <ConfirmDialog
          title={`Forget ${confirm.name}?`}
          confirmLabel="Forget"
          onConfirm={() => void onForget()}
          onCancel={() => setConfirm(null)}
        >
          <p>
            Scout deletes their profile as last seen, {plural(confirm.snapshots, 'snapshot')} of
            their history and their {plural(confirm.lists, 'entry', 'entries')} on your lists, with
            notes and tags. This cannot be undone.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}

/** Wipe everything Scout keeps in its database, after saying what that is. */
export function WipeData({
  db,
  onDataRemoved,
}: {
  db: ScoutDb;
  onDataRemoved(removed: DataRemoved): void | Promise<void>;
}) {
  const id = useId();
  const [confirm, setConfirm] = useState<{
    creators: number;
    snapshots: number;
    lists: number;
    entries: number;
  } | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  const onAsk = async () => {
    setNotice(null);
    const [creators, snapshots, lists, entries] = await Promise.all([
      db.creators.count(),
      db.snapshots.count(),
      db.shortlists.count(),
      db.shortlistEntries.count(),
    ]);
    setConfirm({ creators, snapshots, lists, entries });
  };

  const onWipe = async () => {
    setConfirm(null);
    try {
      await wipeAll(db);
      setNotice({ kind: 'status', text: 'All Scout data in this browser was wiped.' });
      await onDataRemoved({ all: true });
    } catch (error) {
      setNotice({ kind: 'alert', text: errorMessage(error) });
    }
  };

  return (
    <section aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Wipe all Scout data</h3>
      <p>
        <button type="button" className="danger" onClick={() => void onAsk()}>
          Wipe all Scout data…
        </button>
      </p>
      <NoticeLine notice={notice} />
      {confirm && (
        <ConfirmDialog
          title="Wipe all Scout data?"
          confirmLabel="Wipe everything"
          onConfirm={() => void onWipe()}
          onCancel={() => setConfirm(null)}
        >
          <p>Scout deletes, from this browser:</p>
          <ul>
            <li>{plural(confirm.creators, 'creator')} it has seen</li>
            <li>{plural(confirm.snapshots, 'snapshot')} of their history</li>
            <li>
              {plural(confirm.lists, 'shortlist')} with{' '}
              {plural(confirm.entries, 'entry', 'entries')} (status, notes, tags)
            </li>
          </ul>
          <p>
            Your rate card and card layout settings stay. This cannot be undone: export your lists
            first to keep a copy.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
