import { useMemo, useState } from 'react';
import { deleteList, renameList } from '@/lib/db/edits';
import type { ScoutDb } from '@/lib/db/database';
import type { RateCard } from '@/lib/metrics/rates';
import type { CreatorRow, Shortlist, ShortlistEntry } from '@/lib/model';
import { plural } from '../card/format';
import { ConfirmDialog } from './confirm-dialog';
import { copyText, downloadFile, listCsvFile, listJsonFile, listTable } from './download';
import { EntryRow, type Notice } from './entry-row';
import { errorMessage } from './errors';
import { sortRows, toRowView, type Sort, type SortKey } from './row-view';

const COLUMNS: { key: SortKey | null; label: string }[] = [
  { key: 'name', label: 'Creator' },
  { key: 'platform', label: 'Platform' },
  { key: 'tier', label: 'Tier' },
  { key: 'followers', label: 'Followers' },
  { key: 'er', label: 'ER' },
  { key: 'rate', label: 'Rate' },
  { key: 'warnings', label: 'Warnings' },
  { key: 'status', label: 'Status' },
  { key: null, label: 'Note' },
  { key: null, label: 'Tags' },
  { key: null, label: 'Actions' },
];

/**
 * One list: its entries as a sortable table, with rename, delete and the exports; the table and
 * the exports price each creator with `rateCard`, the card in force.
 */
export function ListSection({
  db,
  list,
  entries,
  creators,
  rateCard,
  now,
}: {
  db: ScoutDb;
  list: Shortlist;
  entries: readonly ShortlistEntry[];
  creators: ReadonlyMap<string, CreatorRow>;
  rateCard: RateCard;
  now: () => number;
}) {
  const [sort, setSort] = useState<Sort | null>(null);
  const [renaming, setRenaming] = useState<{ base: string; draft: string } | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [semicolon, setSemicolon] = useState(false);
  const [notices, setNotices] = useState<Notice[]>([]);
  const headingId = `list-${list.id}`;

  const report = (notice: Notice) =>
    setNotices((all) => (notice.kind === 'alert' ? [...all, notice] : [notice]));
  const run = async (fn: () => Promise<void>) => {
    setNotices([]);
    try {
      await fn();
    } catch (error) {
      report({ kind: 'alert', text: errorMessage(error) });
    }
  };

  const onSort = (key: SortKey) =>
    setSort((s) =>
      s?.key === key
        ? { key, direction: s.direction === 'ascending' ? 'descending' : 'ascending' }
        : { key, direction: 'ascending' },
    );

  const onRename = (event: React.FormEvent) => {
    event.preventDefault();
    if (!renaming) return;
    const { base, draft } = renaming;
    void run(async () => {
      const result = await renameList(db, list.id, draft, base, now());
      setRenaming(null);
      for (const conflict of result.conflicts) {
        report({
          kind: 'alert',
          text: `Not saved: the list name was changed in another tab to '${conflict.theirs}'. Yours was '${conflict.yours}'.`,
        });
      }
      if (result.saved.length > 0) report({ kind: 'status', text: `Renamed to ${draft.trim()}.` });
    });
  };

  const onDelete = () => {
    setConfirmDelete(false);
    void run(async () => {
      // The section unmounts with the list; the page-wide status is not needed to see it went.
      await deleteList(db, list.id);
    });
  };

  const onCsv = () =>
    run(async () => {
      const file = await listCsvFile(db, list.id, semicolon ? ';' : ',', now(), rateCard);
      if (!file) throw new Error('That list no longer exists');
      downloadFile(file);
      report({ kind: 'status', text: `Exported ${file.name}.` });
    });
  const onJson = () =>
    run(async () => {
      const file = await listJsonFile(db, list.id, now());
      if (!file) throw new Error('That list no longer exists');
      downloadFile(file);
      report({ kind: 'status', text: `Exported ${file.name}.` });
    });
  const onCopy = () =>
    run(async () => {
      const table = await listTable(db, list.id, rateCard);
      if (!table) throw new Error('That list no longer exists');
      if (await copyText(table.text)) {
        report({
          kind: 'status',
          text: `Copied ${plural(table.rows, 'row')} as a table: paste it into a spreadsheet.`,
        });
      } else {
        report({
          kind: 'alert',
          text: 'Could not copy: the browser refused access to the clipboard.',
        });
      }
    });

  // Vetting every creator again is pure but not free on a 10,000-creator list: once per change of
  // the data or the rate card, not on every sort click or notice.
  const views = useMemo(
    () => entries.map((e) => toRowView(e, creators.get(e.creatorKey), rateCard)),
    [entries, creators, rateCard],
  );
  const rows = sortRows(views, sort);
  return (
    <section aria-labelledby={headingId} className="shortlist">
      <div className="row list-head">
        <h2 id={headingId}>
          {list.name} <span className="muted">({plural(entries.length, 'creator')})</span>
        </h2>
        {!renaming && (
          <>
            <button
              type="button"
              className="secondary"
              aria-label={`Rename ${list.name}`}
              onClick={() => setRenaming({ base: list.name, draft: list.name })}
            >
              Rename
            </button>
            <button
              type="button"
              className="secondary"
              aria-label={`Delete ${list.name}`}
              onClick={() => setConfirmDelete(true)}
            >
              Delete
            </button>
          </>
        )}
      </div>
      {renaming && (
        <form className="row" onSubmit={onRename}>
          <label>
            New name for {list.name}{' '}
            <input
              autoFocus
              value={renaming.draft}
              maxLength={80}
              onChange={(e) => setRenaming({ ...renaming, draft: e.target.value })}
              onKeyDown={(e) => {
                if (e.key === 'Escape') setRenaming(null);
              }}
            />
          </label>
          <button type="submit" disabled={!renaming.draft.trim()}>
            Save name
          </button>
          <button type="button" className="secondary" onClick={() => setRenaming(null)}>
            Cancel
          </button>
        </form>
      )}
      <div className="row export-bar" role="group" aria-label={`Export ${list.name}`}>
        <button type="button" onClick={() => void onCsv()}>
          Export CSV
        </button>
        <label className="check small">
          <input
            type="checkbox"
            checked={semicolon}
            onChange={(e) => setSemicolon(e.target.checked)}
          />
          Semicolons, for Excel with a comma decimal mark
        </label>
        <button type="button" className="secondary" onClick={() => void onJson()}>
          Export JSON
        </button>
        <button type="button" className="secondary" onClick={() => void onCopy()}>
          Copy as table
        </button>
      </div>
      {notices.map((notice, i) =>
        notice.kind === 'alert' ? (
          <p key={i} role="alert" className="error">
            {notice.text}
          </p>
        ) : (
          <p key={i} role="status">
            {notice.text}
          </p>
        ),
      )}
      {entries.length === 0 ? (
        <p className="muted">No creators on this list yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="entries">
            <caption className="visually-hidden">Creators on {list.name}</caption>
            <thead>
              <tr>
                {COLUMNS.map(({ key, label }) => (
                  <th
                    key={label}
                    scope="col"
                    aria-sort={key && sort?.key === key ? sort.direction : undefined}
                  >
                    {key ? (
                      <button type="button" className="sort" onClick={() => onSort(key)}>
                        {label}
                        <span aria-hidden="true" className="sort-mark">
                          {sort?.key === key ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}
                        </span>
                      </button>
                    ) : (
                      label
                    )}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <EntryRow
                  key={row.entry.id}
                  db={db}
                  row={row}
                  listName={list.name}
                  now={now}
                  report={report}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {confirmDelete && (
        <ConfirmDialog
          title={`Delete ${list.name}?`}
          confirmLabel="Delete list"
          onConfirm={onDelete}
          onCancel={() => setConfirmDelete(false)}
        >
          <p>
            The list and its {plural(entries.length, 'entry', 'entries')} (status, notes, tags) are
            deleted. The creators stay in Scout. Export the list first to keep a copy.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
