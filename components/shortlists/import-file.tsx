import { useId, useState } from 'react';
import type { ScoutDb } from '@/lib/db/database';
import { importData, type ImportConflict, type ImportSummary } from '@/lib/db/transfer';
import { MAX_IMPORT_BYTES, parseImport } from '@/lib/export/json';
import type { RateCard } from '@/lib/metrics/rates';
import { plural } from '../card/format';
import { errorMessage } from './errors';

/** How many conflicts are spelled out; the rest are counted. */
const CONFLICTS_SHOWN = 10;

/** "2 added, 1 updated, 0 kept, 0 skipped as older, 1 conflict". */
export function describeImport(summary: ImportSummary): string {
  const conflicts = summary.conflicts.length;
  return (
    `Imported: ${summary.added} added, ${summary.updated} updated, ${summary.kept} kept, ` +
    `${summary.skippedOlder} skipped as older, ${plural(conflicts, 'conflict')}` +
    (conflicts > 0 ? ' (the data here was kept where it is newer or as new).' : '.')
  );
}

/** One conflict in words: "the note of <platform>:jane on Spring: kept as here, changed here later". */
export function describeConflict(
  conflict: ImportConflict,
  listNames: ReadonlyMap<string, string>,
): string {
  const why =
    conflict.reason === 'local-newer'
      ? 'it was changed here after the file was'
      : 'both were changed at the same time';
  switch (conflict.table) {
    case 'lists':
      return `The name of list "${listNames.get(conflict.id) ?? conflict.id}" was kept as here: ${why}.`;
    case 'entries': {
      const bar = conflict.id.indexOf('|');
      const list = conflict.id.slice(0, bar);
      const creator = conflict.id.slice(bar + 1);
      return `The ${conflict.field} of ${creator} on "${listNames.get(list) ?? list}" was kept as here: ${why}.`;
    }
    case 'creators':
      return `The numbers of ${conflict.id} were kept as here: the file holds another reading of the same capture.`;
  }
}

/** What an import changed beyond the counts: precision read differently, re-vetting. */
function importNotes(summary: ImportSummary): string[] {
  const notes: string[] = [];
  if (summary.notExact > 0) {
    notes.push(
      `${plural(summary.notExact, 'count')} in the file had no precision: Scout reads them as ` +
        'rounded (≈), not exact.',
    );
  }
  if (summary.revetted > 0) {
    notes.push(
      `${plural(summary.revetted, 'creator')} vetted again by Scout with your rate card; the ` +
        "file's own vetting is not used.",
    );
  }
  return notes;
}

/**
 * Imports a Scout JSON export: validated first (a file that is not one, or is dated in the future,
 * writes nothing), merged field by field without overwriting newer data here, its creators vetted
 * again with `rateCard`.
 */
export function ImportFile({
  db,
  now,
  rateCard,
}: {
  db: ScoutDb;
  now: () => number;
  rateCard: RateCard;
}) {
  const [result, setResult] = useState<{
    kind: 'status' | 'alert';
    text: string;
    details?: string[];
  } | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setResult(null);
    setBusy(true);
    try {
      if (file.size > MAX_IMPORT_BYTES) {
        setResult({
          kind: 'alert',
          text: `Not imported: the file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB, the most Scout imports at once.`,
        });
        return;
      }
      const at = now();
      const parsed = parseImport(await file.text(), at);
      if (!parsed.ok) {
        setResult({ kind: 'alert', text: `Not imported: ${parsed.error.message}` });
        return;
      }
      const summary = await importData(db, parsed, at, rateCard);
      const names = new Map(parsed.data.lists.map((l) => [l.id, l.name]));
      const shown = summary.conflicts
        .slice(0, CONFLICTS_SHOWN)
        .map((c) => describeConflict(c, names));
      const more = summary.conflicts.length - shown.length;
      if (more > 0) shown.push(`…and ${plural(more, 'more conflict')}.`);
      setResult({
        kind: 'status',
        text: describeImport(summary),
        details: [...shown, ...importNotes(summary)],
      });
    } catch (error) {
      setResult({ kind: 'alert', text: `Not imported: ${errorMessage(error)}` });
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
        A JSON file exported from Scout. It is merged field by field: what was changed here later is
        kept, and every such conflict is listed. Scout vets imported creators again itself.
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
      {result && (
        <div role={result.kind} className={result.kind === 'alert' ? 'error' : undefined}>
          <p>{result.text}</p>
          {result.details && result.details.length > 0 && (
            <ul>
              {result.details.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
