import { useId, useState } from 'react';

/** Where and how to save beyond one click: another or a new list, a note, tags. */
export interface SaveOptions {
  listId?: string;
  newListName?: string;
  note?: string;
  tags?: string[];
}

const NEW_LIST = '__new__';

/** "Save to…": a small form under the save button; one click still saves to the default list. */
export function SaveMenu({
  lists,
  disabled,
  onSave,
}: {
  lists: { id: string; name: string }[];
  disabled: boolean;
  onSave: (options: SaveOptions) => void;
}) {
  const [open, setOpen] = useState(false);
  const [listId, setListId] = useState(lists[0]?.id ?? NEW_LIST);
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const [tags, setTags] = useState('');
  const formId = useId();
  const isNew = listId === NEW_LIST || lists.length === 0;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const options: SaveOptions = isNew ? { newListName: name.trim() } : { listId };
    if (note.trim()) options.note = note.trim();
    const tagList = tags
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    if (tagList.length) options.tags = tagList;
    onSave(options);
    setOpen(false);
    setName('');
    setNote('');
    setTags('');
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
            <select value={isNew ? NEW_LIST : listId} onChange={(e) => setListId(e.target.value)}>
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
              value={note}
              maxLength={5000}
              onChange={(e) => setNote(e.target.value)}
            />
          </label>
          <label className="stacked">
            Tags (comma-separated)
            <input value={tags} onChange={(e) => setTags(e.target.value)} />
          </label>
          <button type="submit" disabled={disabled || (isNew && !name.trim())}>
            Save
          </button>
        </form>
      )}
    </>
  );
}
