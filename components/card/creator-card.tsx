import { SaveMenu, type SaveList, type SaveOptions } from './save-menu';
import { useId, type ReactNode } from 'react';
import type { RateCard, VetDetail } from '@/lib/metrics';
import { ActivitySection } from './activity-section';
import { DataNotice } from './card-states';
import { CommentsSection } from './comments-section';
import { EngagementSection } from './engagement-section';
import { HeadlineStats } from './headline';
import { PostsSection } from './posts-section';
import { RatesSection } from './rates-section';
import { useSidebar } from './store';
import type { CardSummary } from './summary';
import { WarningsSection } from './warnings-section';

/** Notes the sections above do not already say (an invalid saved rate card, for one). */
function extraNotes(detail: VetDetail): string[] {
  const said = new Set([detail.engagement.gradeNote, detail.rates.adjustment.note]);
  return detail.notes.filter((n) => !said.has(n));
}

/** The expanded card: every number with its math, toggled by "Details". */
function Details({
  id,
  summary,
  detail,
  rateCard,
}: {
  id: string;
  summary: CardSummary;
  detail: VetDetail | null;
  rateCard: RateCard;
}) {
  const { snapshot } = summary;
  const notes = detail ? extraNotes(detail) : [];
  return (
    <div id={id} className="details">
      {detail ? (
        <>
          <EngagementSection result={detail.engagement} platform={snapshot.platform} />
          <RatesSection rates={detail.rates} rateCard={rateCard} platform={snapshot.platform} />
        </>
      ) : (
        <p className="muted small">Scout has not computed the math for this snapshot yet.</p>
      )}
      <WarningsSection flags={summary.flags} />
      <CommentsSection comments={detail?.comments ?? null} platform={snapshot.platform} />
      {detail ? <ActivitySection growth={detail.growth} cadence={detail.cadence} /> : null}
      <PostsSection snapshot={snapshot} />
      {notes.length > 0 ? (
        <section className="detail-section" aria-labelledby="notes-heading">
          <h2 id="notes-heading">Notes</h2>
          <ul className="plain">
            {notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

/** The card body of one creator: the headline without a click, the save button, the details. */
export function CreatorCard({
  summary,
  detail,
  rateCard,
  lists,
  allLists,
  onSave,
  note,
}: {
  /** Said above the numbers: where they come from, when not from the page in the tab. */
  note?: ReactNode;
  summary: CardSummary;
  detail: VetDetail | null;
  rateCard: RateCard;
  /** Names of the lists the creator is on. */
  lists: string[];
  /** Every list, for the "Save to…" menu. */
  allLists: SaveList[];
  onSave: (options?: SaveOptions) => void;
}) {
  const saving = useSidebar((s) => s.saving);
  const saveError = useSidebar((s) => s.saveError);
  const open = useSidebar((s) => s.detailsOpen);
  const set = useSidebar((s) => s.set);
  const detailsId = useId();
  return (
    <div className="card-body">
      {note}
      <HeadlineStats
        summary={summary}
        band={detail?.engagement.band ?? null}
        gradeNote={detail?.engagement.gradeNote ?? null}
        rates={detail?.rates ?? null}
        comments={detail?.comments ?? null}
      />
      <div className="row save-row">
        <button type="button" onClick={() => onSave()} disabled={saving}>
          {lists.length ? 'Save again' : 'Save to shortlist'}
        </button>
        <SaveMenu lists={allLists} disabled={saving} onSave={onSave} />
        {lists.length > 0 && (
          <span role="status" className="on-lists">
            On {lists.join(', ')}
          </span>
        )}
      </div>
      {saveError && (
        <p role="alert" className="error">
          Not saved: {saveError}
        </p>
      )}
      <DataNotice summary={summary} />
      <button
        type="button"
        className="disclosure"
        aria-expanded={open}
        aria-controls={detailsId}
        onClick={() => set({ detailsOpen: !open })}
      >
        <span>Details</span>
        <span className="muted small" aria-hidden="true">
          {open ? 'hide the math' : 'the math behind each number'}
        </span>
      </button>
      {open ? (
        <Details id={detailsId} summary={summary} detail={detail} rateCard={rateCard} />
      ) : null}
    </div>
  );
}
