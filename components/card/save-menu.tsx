import { useId, useState } from 'react';
import { parseTags, type SaveConflict, type SavedFields } from '@/lib/model/shortlist';

/** A list the form offers, with what is stored for this creator on it (absent: not on it). */
export interface SaveList {
  id: string;
  name: string;
  entry?: SavedFields;
}

/** Where and how to save beyond one click: another or a new list, a note, tags. */
export interface SaveOptions {
  listId?: string;
  newListName?: string;
  note?: string;
  tags?: string[];
  /** What the form showed for the fields it sends, so a change made elsewhere meanwhile stays. */
  base?: Partial<SavedFields>;
}

const shown = (value: string | string[]) =>
  Array.isArray(value) ? value.join(', ') || '(none)' : value || '(empty)';

/**
 * What to tell the user about fields a save did not write ("Not saved: …" is said before it), or
 * null when everything was saved.
 */
export function describeSaveConflicts(
  conflicts: readonly SaveConflict[] | undefined,
): string | null {
  if (!conflicts || conflicts.length === 0) return null;
  return conflicts
    .map(
      (c) =>
        `the ${c.field === 'note' ? 'note' : 'tags'} changed elsewhere since this form showed ` +
        `them, to "${shown(c.theirs)}" (kept); yours was "${shown(c.yours)}"`,
    )
    .join('; ');
}

const BLANK: SavedFields = { note: '', tags: [] };

/**
 * The note and tags of a save form: they show what is stored (`stored`, live) until the user
 * edits one; an edited field remembers the stored value it started from, which goes with the save
 * as its base. `reset` drops the edits (after a save, or when the form moves to another list).
 */
export function useSaveDraft(stored: SavedFields | undefined) {
  const current = stored ?? BLANK;
  const [note, setNote] = useState<{ base: string; text: string } | null>(null);
  const [tags, setTags] = useState<{ base: string[]; text: string } | null>(null);
  return {
    note: note ? note.text : current.note,
    tags: tags ? tags.text : current.tags.join(', '),
    setNote: (text: string) => setNote((n) => ({ base: n?.base ?? current.note, text })),
    setTags: (text: string) => setTags((t) => ({ base: t?.base ?? current.tags, text })),
    reset: () => {
      setNote(null);
      setTags(null);
    },
    /** The fields the user changed, with their bases; nothing when nothing changed. */
    changes(): Pick<SaveOptions, 'note' | 'tags' | 'base'> {
      const out: Pick<SaveOptions, 'note' | 'tags'> = {};
      const base: Partial<SavedFields> = {};
      if (note && note.text.trim() !== note.base) {
        out.note = note.text.trim();
        base.note = note.base;
      }
      const tagList = tags ? parseTags(tags.text) : null;
      if (tags && tagList && tagList.join('\n') !== tags.base.join('\n')) {
        out.tags = tagList;
        base.tags = tags.base;
      }
      return Object.keys(base).length > 0 ? { ...out, base } : {};
    },
  };
}

const NEW_LIST = '__new__';

/**
 * "Save to…": a small form under the save button; one click still saves to the default list. It
 * shows the note and tags stored on the chosen list and saves only what the user changed.
 */
export function SaveMenu({
  lists,
  disabled,
  onSave,
}: {
  lists: SaveList[];
  disabled: boolean;
  onSave: (options: SaveOptions) => void;
}) {
  const [open, setOpen] = useState(false);
  const [listId, setListId] = useState(lists[0]?.id ?? NEW_LIST);
  const [name, setName] = useState('');
  const formId = useId();
  const isNew = listId === NEW_LIST || lists.length === 0;
  const stored = isNew ? undefined : lists.find((l) => l.id === listId)?.entry;
  const draft = useSaveDraft(stored);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const target: SaveOptions = isNew ? { newListName: name.trim() } : { listId };
    onSave({ ...target, ...draft.changes() });
    setOpen(false);
    setName('');
    draft.reset();
  };

  return (
    <>
      <button
        type="button"
        className="secondary"
        aria-expanded={open}
        aria-controls={formId}
        onClick={() => setOpen(!open)}
      >
        Save to…
      </button>
      {open && (
        <form id={formId} className="save-menu" onSubmit={submit} aria-label="Save to a list">
          <label className="stacked">
            List
            <select
              value={isNew ? NEW_LIST : listId}
              onChange={(e) => {
                // Another list has its own note and tags: the form shows those.
                setListId(e.target.value);
                draft.reset();
              }}
            >
              {lists.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
              <option value={NEW_LIST}>New list…</option>
            </select>
          </label>
          {isNew && (
            <label className="stacked">
              New list name
              <input
                value={name}
                required
                maxLength={80}
                onChange={(e) => setName(e.target.value)}
              />
            </label>
          )}
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
          <button type="submit" disabled={disabled || (isNew && !name.trim())}>
            Save
          </button>
        </form>
      )}
    </>
  );
}
