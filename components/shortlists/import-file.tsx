import { useId, useState } from 'react';
import type { ScoutDb } from '@/lib/db/database';
import { importData } from '@/lib/db/transfer';
import { MAX_IMPORT_BYTES, parseImport, type ImportSummary } from '@/lib/export/json';
import type { Notice } from './entry-row';
import { errorMessage } from './errors';

/** "2 added, 1 updated, 0 kept, 0 skipped as older, 1 conflict". */
export function describeImport(summary: ImportSummary): string {
  const conflicts = summary.conflicts.length;
  return (
    `Imported: ${summary.added} added, ${summary.updated} updated, ${summary.kept} kept, ` +
    `${summary.skippedOlder} skipped as older, ${conflicts} ${conflicts === 1 ? 'conflict' : 'conflicts'}` +
    (conflicts > 0 ? ' (the data here was kept where it is newer or as new).' : '.')
  );
}

/** Imports a Scout JSON export: validated first, never overwriting newer data here. */
export function ImportFile({ db, now }: { db: ScoutDb; now: () => number }) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setNotice(null);
    setBusy(true);
    try {
      if (file.size > MAX_IMPORT_BYTES) {
        setNotice({
          kind: 'alert',
          text: `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB, the most Scout imports at once.`,
        });
        return;
      }
      const parsed = parseImport(await file.text());
      if (!parsed.ok) {
        setNotice({ kind: 'alert', text: `Not imported: ${parsed.error.message}` });
        return;
      }
      setNotice({ kind: 'status', text: describeImport(await importData(db, parsed.data, now())) });
    } catch (error) {
      setNotice({ kind: 'alert', text: errorMessage(error) });
    } finally {
      setBusy(false);
      // The same file can be chosen again (after fixing it, or to retry).
      input.value = '';
    }
  };

  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Import</h2>
      <p className="muted">
        A JSON file exported from Scout. Rows newer here are kept; nothing is overwritten silently.
      </p>
      <label>
        Import a JSON export{' '}
        <input
          type="file"
          accept="application/json,.json"
          disabled={busy}
          onChange={(e) => void onFile(e.currentTarget)}
        />
      </label>
      {notice && (
        <p role={notice.kind} className={notice.kind === 'alert' ? 'error' : undefined}>
          {notice.text}
        </p>
      )}
    </section>
  );
}
