import { useState } from 'react';
import { removeEntry, updateEntry, type EntryFields } from '@/lib/db/edits';
import type { ScoutDb } from '@/lib/db/database';
import { PLATFORM_NAMES } from '@/lib/format';
import { ENTRY_STATUSES, parseTags, type EntryStatus, type Platform } from '@/lib/model';
import { count, percent } from '../card/format';
import { errorMessage } from './errors';
import type { RowView } from './row-view';

/** A result for the user: a status line, or an alert for what was not saved. */
export interface Notice {
  kind: 'status' | 'alert';
  text: string;
}

type Editable = 'status' | 'note' | 'tags';

const FIELD_NAMES: Record<Editable, string> = { status: 'status', note: 'note', tags: 'tags' };

const shown = (field: Editable, value: EntryFields[Editable]): string =>
  Array.isArray(value) ? value.join(', ') : String(value ?? '');

/**
 * One entry: the card's numbers, and status, note and tags edited in place. Each edit is saved with
 * the value the user started from, so an edit another tab saved meanwhile is never overwritten:
 * it stays, and the notice says what was not saved.
 */
export function EntryRow({
  db,
  row,
  listName,
  now,
  report,
}: {
  db: ScoutDb;
  row: RowView;
  listName: string;
  now: () => number;
  report(notice: Notice): void;
}) {
  const { entry, creator, name } = row;
  const snapshot = creator?.snapshot;
  const [note, setNote] = useState<{ base: string; draft: string } | null>(null);
  const [tags, setTags] = useState<{ base: string[]; draft: string } | null>(null);

  async function save<K extends Editable>(field: K, yours: EntryFields[K], base: EntryFields[K]) {
    try {
      const result = await updateEntry(
        db,
        entry.id,
        { [field]: yours } as Pick<EntryFields, K>,
        { [field]: base } as Pick<EntryFields, K>,
        now(),
      );
      for (const conflict of result.conflicts) {
        report({
          kind: 'alert',
          text:
            `Not saved: ${FIELD_NAMES[field]} was changed in another tab to ` +
            `'${shown(field, conflict.theirs)}' (${name}). Yours was '${shown(field, conflict.yours)}'.`,
        });
      }
      if (result.saved.length > 0) {
        report({ kind: 'status', text: `Saved the ${FIELD_NAMES[field]} of ${name}.` });
      }
    } catch (error) {
      report({ kind: 'alert', text: errorMessage(error) });
    }
  }

  const onNoteBlur = async () => {
    if (!note) return;
    if (note.draft !== note.base) await save('note', note.draft, note.base);
    setNote(null);
  };
  const onTagsBlur = async () => {
    if (!tags) return;
    const parsed = parseTags(tags.draft);
    if (parsed.join('\n') !== tags.base.join('\n')) await save('tags', parsed, tags.base);
    setTags(null);
  };
  const onRemove = async () => {
    try {
      await removeEntry(db, entry.id);
      report({ kind: 'status', text: `Removed ${name} from ${listName}.` });
    } catch (error) {
      report({ kind: 'alert', text: errorMessage(error) });
    }
  };

  return (
    <tr>
      <th scope="row">
        {snapshot ? (
          <a href={snapshot.url} target="_blank" rel="noreferrer">
            {name}
          </a>
        ) : (
          name
        )}
      </th>
      <td>{PLATFORM_NAMES[row.platform as Platform] ?? row.platform}</td>
      <td>{row.tier ?? <span className="muted">unknown</span>}</td>
      <td className="num">
        {snapshot ? count(snapshot.followers, snapshot.precision.followers) : 'unknown'}
      </td>
      <td className="num">
        {row.er === null ? (
          <span className="muted">unknown</span>
        ) : (
          <>
            {percent(row.er)}
            {row.grade && <span className="muted"> · {row.grade}</span>}
          </>
        )}
      </td>
      <td className="nowrap">{row.rateRange ?? <span className="muted">unknown</span>}</td>
      <td className="num">
        {row.warnings === null ? <span className="muted">unchecked</span> : row.warnings}
      </td>
      <td>
        <select
          aria-label={`Status of ${name}`}
          value={entry.status}
          onChange={(e) => void save('status', e.target.value as EntryStatus, entry.status)}
        >
          {ENTRY_STATUSES.map((status) => (
            <option key={status} value={status}>
              {status}
            </option>
          ))}
        </select>
      </td>
      <td>
        <textarea
          aria-label={`Note on ${name}`}
          rows={2}
          value={note ? note.draft : entry.note}
          onFocus={() => setNote((n) => n ?? { base: entry.note, draft: entry.note })}
          onChange={(e) => setNote((n) => ({ base: n?.base ?? entry.note, draft: e.target.value }))}
          onBlur={() => void onNoteBlur()}
        />
      </td>
      <td>
        <input
          aria-label={`Tags of ${name} (comma-separated)`}
          value={tags ? tags.draft : entry.tags.join(', ')}
          onFocus={() => setTags((t) => t ?? { base: entry.tags, draft: entry.tags.join(', ') })}
          onChange={(e) => setTags((t) => ({ base: t?.base ?? entry.tags, draft: e.target.value }))}
          onBlur={() => void onTagsBlur()}
        />
      </td>
      <td>
        <button
          type="button"
          className="secondary"
          aria-label={`Remove ${name} from ${listName}`}
          onClick={() => void onRemove()}
        >
          Remove
        </button>
      </td>
    </tr>
  );
}
