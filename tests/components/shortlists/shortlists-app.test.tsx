// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ShortlistsApp } from '@/components/shortlists-app';
import { ScoutDb } from '@/lib/db/database';
import { updateEntry } from '@/lib/db/edits';
import { readExport } from '@/lib/db/transfer';
import { toJson } from '@/lib/export/json';
import { computeVetting, DEFAULT_RATE_CARD, type RateCard } from '@/lib/metrics';
import { rateCardItem, saveRateCard } from '@/lib/settings/rate-card';
import { blobText, captureDownloads, creator, NOW, seedList } from './fixtures';

let db: ScoutDb;

beforeEach(() => {
  fakeBrowser.reset();
  db = new ScoutDb(`test-${crypto.randomUUID()}`);
});

/** Instagram at $20 per 1K followers: twice the default card. */
const PRICIER: RateCard = {
  ...DEFAULT_RATE_CARD,
  base: {
    ...DEFAULT_RATE_CARD.base,
    instagram: { ...DEFAULT_RATE_CARD.base.instagram, per1kFollowers: 20 },
  },
};

/** The post price the card shows for a stored creator under `card`. */
function cardPrice(row: ReturnType<typeof creator>, card: RateCard = DEFAULT_RATE_CARD) {
  const rate = computeVetting(row.snapshot, { now: NOW, rateCard: card }).vetting.rates.find(
    (r) => r.deliverable === 'post',
  )!;
  return {
    low: rate.low,
    high: rate.high,
    text: `$${rate.low.toLocaleString('en-US')}–$${rate.high.toLocaleString('en-US')}`,
  };
}

/** An export file's document, as a hand or another tool might edit it. */
type ExportDoc = {
  format: string;
  version: number;
  creators: { snapshot: { capturedAt: number } }[];
};

/** A JSON export of `creators` on a list, made in another browser. */
async function exportFrom(
  listName: string,
  creators: ReturnType<typeof creator>[],
): Promise<string> {
  const source = new ScoutDb(`test-${crypto.randomUUID()}`);
  await seedList(source, listName, creators);
  const text = toJson(await readExport(source), NOW);
  await source.delete();
  return text;
}

afterEach(async () => {
  cleanup();
  await db.delete();
});

const LATER = NOW + 60_000;

async function renderPage() {
  const user = userEvent.setup();
  render(<ShortlistsApp db={db} now={() => LATER} />);
  return user;
}

/** The creator names of a list's table, top to bottom. */
function rowNames(listName: string): string[] {
  const table = screen.getByRole('table', { name: `Creators on ${listName}` });
  return within(table)
    .getAllByRole('rowheader')
    .map((cell) => cell.textContent ?? '');
}

describe('the shortlists page', () => {
  it("shows each entry with the card's numbers", async () => {
    const jane = creator('jane', 'Jane Doe', 38_000);
    await seedList(db, 'Spring launch', [
      jane,
      creator('big', 'Big Brand', 1_200_000, { rounded: true }),
    ]);
    await renderPage();
    expect((await screen.findByRole('heading', { name: /Spring launch/ })).textContent).toBe(
      'Spring launch (2 creators)',
    );
    const link = screen.getByRole('link', { name: 'Jane Doe' });
    expect(link.getAttribute('href')).toBe('https://www.instagram.com/jane/');
    const row = link.closest('tr')!;
    expect(row.textContent).toContain('Instagram');
    expect(row.textContent).toContain('micro');
    expect(row.textContent).toContain('38,000');
    expect(row.textContent).toContain('3.2%');
    expect(row.textContent).toContain('high');
    // The price under the rate card in force, not the one stored when Jane was captured.
    expect(row.textContent).toContain(cardPrice(jane).text);
    expect(row.textContent).not.toContain('$180–$300');
    expect(screen.getByRole('link', { name: 'Big Brand' }).closest('tr')!.textContent).toContain(
      '≈1.2M',
    );
  });

  it('sorts by followers and by name, saying so with aria-sort', async () => {
    await seedList(db, 'Spring', [
      creator('b', 'Bea', 5_000),
      creator('c', 'Carl', 900_000),
      creator('a', 'Ann', 40_000),
    ]);
    const user = await renderPage();
    await screen.findByRole('link', { name: 'Bea' });
    expect(rowNames('Spring')).toEqual(['Bea', 'Carl', 'Ann']);

    const followers = screen.getByRole('button', { name: 'Followers' });
    await user.click(followers);
    expect(rowNames('Spring')).toEqual(['Bea', 'Ann', 'Carl']);
    expect(followers.closest('th')!.getAttribute('aria-sort')).toBe('ascending');
    await user.click(followers);
    expect(rowNames('Spring')).toEqual(['Carl', 'Ann', 'Bea']);
    expect(followers.closest('th')!.getAttribute('aria-sort')).toBe('descending');

    await user.click(screen.getByRole('button', { name: 'Creator' }));
    expect(rowNames('Spring')).toEqual(['Ann', 'Bea', 'Carl']);
    expect(followers.closest('th')!.hasAttribute('aria-sort')).toBe(false);
    expect(
      screen.getByRole('button', { name: 'Creator' }).closest('th')!.getAttribute('aria-sort'),
    ).toBe('ascending');
  });

  it('renames a list', async () => {
    const { listId } = await seedList(db, 'Spring', [creator('jane', 'Jane Doe', 38_000)]);
    const user = await renderPage();
    await user.click(await screen.findByRole('button', { name: 'Rename Spring' }));
    const input = screen.getByRole('textbox', { name: 'New name for Spring' });
    await user.clear(input);
    await user.type(input, 'Summer');
    await user.click(screen.getByRole('button', { name: 'Save name' }));
    expect(await screen.findByRole('heading', { name: /^Summer/ })).toBeTruthy();
    expect((await db.shortlists.get(listId))?.name).toBe('Summer');
  });

  it('asks before deleting a list; Cancel and Escape keep it', async () => {
    const { listId } = await seedList(db, 'Spring', [creator('jane', 'Jane Doe', 38_000)]);
    const user = await renderPage();
    const del = await screen.findByRole('button', { name: 'Delete Spring' });

    await user.click(del);
    const dialog = screen.getByRole('dialog', { name: 'Delete Spring?' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.contains(document.activeElement)).toBe(true);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await db.shortlists.get(listId)).toBeTruthy();

    await user.click(del);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await db.shortlists.get(listId)).toBeTruthy();

    await user.click(del);
    await user.click(screen.getByRole('button', { name: 'Delete list' }));
    await waitFor(() => expect(screen.queryByRole('heading', { name: /Spring/ })).toBeNull());
    expect(await db.shortlists.get(listId)).toBeUndefined();
    expect(await db.shortlistEntries.count()).toBe(0);
    expect(await db.creators.count()).toBe(1);
  });

  it('saves status, note and tags edited in place', async () => {
    const { entries } = await seedList(db, 'Spring', [creator('jane', 'Jane Doe', 38_000)]);
    const id = entries[0]!.id;
    const user = await renderPage();
    await user.selectOptions(
      await screen.findByRole('combobox', { name: 'Status of Jane Doe' }),
      'contacted',
    );
    await waitFor(async () =>
      expect((await db.shortlistEntries.get(id))?.status).toBe('contacted'),
    );

    await user.type(screen.getByRole('textbox', { name: 'Note on Jane Doe' }), 'Loves sourdough');
    await user.type(
      screen.getByRole('textbox', { name: 'Tags of Jane Doe (comma-separated)' }),
      'baking, food,, baking ',
    );
    await user.tab();
    await waitFor(async () => {
      const entry = await db.shortlistEntries.get(id);
      expect(entry?.note).toBe('Loves sourdough');
      expect(entry?.tags).toEqual(['baking', 'food']);
      expect(entry?.updatedAt).toBe(LATER);
    });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it("keeps another tab's note and says what was not saved", async () => {
    const { entries } = await seedList(db, 'Spring', [creator('jane', 'Jane Doe', 38_000)]);
    const id = entries[0]!.id;
    const user = await renderPage();
    const note = await screen.findByRole('textbox', { name: 'Note on Jane Doe' });
    await user.click(note);
    // Another tab saves a note while this one is being typed.
    await db.shortlistEntries.update(id, { note: 'Asked for a media kit', updatedAt: NOW + 5 });
    await user.type(note, 'Mine');
    await user.tab();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      "Not saved: note was changed in another tab to 'Asked for a media kit'",
    );
    expect(alert.textContent).toContain("Yours was 'Mine'");
    expect((await db.shortlistEntries.get(id))?.note).toBe('Asked for a media kit');
    await waitFor(() => expect((note as HTMLTextAreaElement).value).toBe('Asked for a media kit'));
  });

  it('removes an entry', async () => {
    await seedList(db, 'Spring', [
      creator('jane', 'Jane Doe', 38_000),
      creator('john', 'John Roe', 8_000),
    ]);
    const user = await renderPage();
    await user.click(await screen.findByRole('button', { name: 'Remove Jane Doe from Spring' }));
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Jane Doe' })).toBeNull());
    expect((await db.shortlistEntries.toArray()).map((e) => e.creatorKey)).toEqual([
      'instagram:john',
    ]);
  });

  it('exports a list as CSV with a BOM, the numbers, and formulas neutralised', async () => {
    await seedList(db, 'Spring launch', [
      creator('jane', 'Jane Doe', 38_000),
      creator('evil', '=HYPERLINK("http://x")', 12_500, { er: 9.1 }),
    ]);
    const downloads = captureDownloads();
    const user = await renderPage();
    await screen.findByRole('link', { name: 'Jane Doe' });
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(downloads.files).toHaveLength(1));
    const file = downloads.files[0]!;
    expect(file.name).toMatch(/^scout-Spring-launch-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await blobText(file.blob);
    expect(
      text.startsWith('\uFEFFplatform,handle,URL,name,tier,followers,followers precision,ER,'),
    ).toBe(true);
    expect(text).toContain(
      'instagram,jane,https://www.instagram.com/jane/,Jane Doe,micro,38000,exact,3.2,',
    );
    expect(text).toContain(
      `instagram,evil,https://www.instagram.com/evil/,"'=HYPERLINK(""http://x"")",micro,12500,exact,9.1,`,
    );
    expect((await screen.findByRole('status')).textContent).toContain(file.name);
    await waitFor(() => expect(downloads.revoke).toHaveBeenCalledWith('blob:scout/1'));
  });

  it('exports with semicolons and comma decimals for Excel in comma-decimal locales', async () => {
    await seedList(db, 'Spring', [creator('jane', 'Jane Doe', 38_000)]);
    const downloads = captureDownloads();
    const user = await renderPage();
    await user.click(await screen.findByRole('checkbox', { name: /comma decimal mark/ }));
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(downloads.files).toHaveLength(1));
    const text = await blobText(downloads.files[0]!.blob);
    expect(text).toContain('platform;handle;URL;name;');
    expect(text).toContain(';38000;exact;3,2;');
  });

  it('exports a list as JSON that imports back', async () => {
    await seedList(db, 'Spring', [creator('jane', 'Jane Doe', 38_000)]);
    const downloads = captureDownloads();
    const user = await renderPage();
    await user.click(await screen.findByRole('button', { name: 'Export JSON' }));
    await waitFor(() => expect(downloads.files).toHaveLength(1));
    const file = downloads.files[0]!;
    expect(file.name).toMatch(/^scout-Spring-\d{4}-\d{2}-\d{2}\.json$/);
    const json = JSON.parse(await blobText(file.blob));
    expect(json.format).toBe('scout-shortlists');
    expect(json.lists.map((l: { name: string }) => l.name)).toEqual(['Spring']);
    expect(json.creators[0].key).toBe('instagram:jane');
  });

  it('copies a list as tab-separated rows, and says when the clipboard refuses', async () => {
    await seedList(db, 'Spring', [creator('jane', 'Jane Doe', 38_000)]);
    const user = await renderPage();
    const write = vi.spyOn(navigator.clipboard, 'writeText');
    await user.click(await screen.findByRole('button', { name: 'Copy as table' }));
    expect((await screen.findByRole('status')).textContent).toContain('Copied 1 row as a table');
    const [text] = write.mock.calls[0]!;
    const lines = text.split('\n');
    expect(lines[0]!.split('\t').slice(0, 4)).toEqual(['platform', 'handle', 'URL', 'name']);
    expect(lines[1]!.split('\t').slice(0, 7)).toEqual([
      'instagram',
      'jane',
      'https://www.instagram.com/jane/',
      'Jane Doe',
      'micro',
      '38000',
      'exact',
    ]);

    write.mockRejectedValueOnce(new DOMException('Denied', 'NotAllowedError'));
    await user.click(screen.getByRole('button', { name: 'Copy as table' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Could not copy');
  });

  it('imports a JSON export and shows what it did', async () => {
    const text = await exportFrom('Imported', [
      creator('jane', 'Jane Doe', 38_000),
      creator('john', 'John Roe', 8_000),
    ]);

    const user = await renderPage();
    await screen.findByRole('heading', { name: 'Shortlists' });
    await user.upload(
      screen.getByLabelText('Import a JSON export'),
      new File([text], 'scout.json', { type: 'application/json' }),
    );
    const status = await screen.findByRole('status');
    expect(status.textContent).toContain(
      'Imported: 5 added, 0 updated, 0 kept, 0 skipped as older, 0 conflicts.',
    );
    expect(status.textContent).toContain('2 creators vetted again by Scout with your rate card');
    expect(await screen.findByRole('link', { name: 'John Roe' })).toBeTruthy();
    expect(await db.shortlistEntries.count()).toBe(2);
  });

  it('refuses a corrupt import file and says why', async () => {
    const user = await renderPage();
    await screen.findByRole('heading', { name: 'Shortlists' });
    await user.upload(
      screen.getByLabelText('Import a JSON export'),
      new File(['{"format":"scout-shortlists",'], 'broken.json', { type: 'application/json' }),
    );
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /^Not imported: The file is not valid JSON/,
    );
    expect(await db.shortlists.count()).toBe(0);
  });

  it('shows a full storage as an alert', async () => {
    const { entries } = await seedList(db, 'Spring', [creator('jane', 'Jane Doe', 38_000)]);
    const user = await renderPage();
    const note = await screen.findByRole('textbox', { name: 'Note on Jane Doe' });
    vi.spyOn(db.shortlistEntries, 'put').mockRejectedValue(
      new DOMException('Quota exceeded', 'QuotaExceededError'),
    );
    await user.type(note, 'Too much');
    await user.tab();
    expect((await screen.findByRole('alert')).textContent).toContain(
      'The browser is out of storage space for Scout',
    );
    expect((await db.shortlistEntries.get(entries[0]!.id))?.note).toBe('');
  });

  it('prices with the rate card in force, and follows it when it changes', async () => {
    await saveRateCard(PRICIER);
    const jane = creator('jane', 'Jane Doe', 38_000);
    await seedList(db, 'Spring', [jane]);
    await renderPage();
    const row = (await screen.findByRole('link', { name: 'Jane Doe' })).closest('tr')!;
    expect(row.textContent).toContain(cardPrice(jane, PRICIER).text);
    // The user edits the rate card (on the options page, in another tab).
    await saveRateCard(DEFAULT_RATE_CARD);
    await waitFor(() => expect(row.textContent).toContain(cardPrice(jane).text));
    expect(cardPrice(jane).text).not.toBe(cardPrice(jane, PRICIER).text);
  });

  it('exports the price under the rate card in force, in the CSV and the copied table', async () => {
    await saveRateCard(PRICIER);
    const jane = creator('jane', 'Jane Doe', 38_000);
    await seedList(db, 'Spring', [jane]);
    const downloads = captureDownloads();
    const write = vi.spyOn(navigator.clipboard, 'writeText');
    const user = await renderPage();
    await user.click(await screen.findByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(downloads.files).toHaveLength(1));
    const { low, high, text } = cardPrice(jane, PRICIER);
    expect(await blobText(downloads.files[0]!.blob)).toContain(`"${text}",${low},${high},`);
    await user.click(screen.getByRole('button', { name: 'Copy as table' }));
    await waitFor(() => expect(write).toHaveBeenCalled());
    expect(write.mock.calls[0]![0]).toContain(`\t${text}\t${low}\t${high}\t`);
  });

  it('says when the saved rate card is broken and prices with the defaults', async () => {
    await rateCardItem.setValue({ version: 1, base: 'garbage' });
    const jane = creator('jane', 'Jane Doe', 38_000);
    await seedList(db, 'Spring', [jane]);
    await renderPage();
    expect((await screen.findByRole('alert')).textContent).toMatch(/rate card could not be read/);
    const row = (await screen.findByRole('link', { name: 'Jane Doe' })).closest('tr')!;
    expect(row.textContent).toContain(cardPrice(jane).text);
  });

  it("re-vets imported creators: the file's own vetting is never shown", async () => {
    const doc = JSON.parse(await exportFrom('Imported', [creator('jane', 'Jane Doe', 38_000)]));
    doc.creators[0].vetting = {
      ...doc.creators[0].vetting,
      tier: 'mega',
      rates: [{ deliverable: 'post', low: 90_000, mid: 95_000, high: 99_000, currency: 'USD' }],
      flags: [],
    };
    const user = await renderPage();
    await screen.findByRole('heading', { name: 'Shortlists' });
    await user.upload(
      screen.getByLabelText('Import a JSON export'),
      new File([JSON.stringify(doc)], 'scout.json', { type: 'application/json' }),
    );
    const row = (await screen.findByRole('link', { name: 'Jane Doe' })).closest('tr')!;
    expect(row.textContent).toContain('micro');
    expect(row.textContent).not.toContain('mega');
    expect(row.textContent).not.toContain('$90,000');
    expect((await db.creators.get('instagram:jane'))?.vetting?.tier).toBe('micro');
  });

  it('marks counts the file gives without a precision as rounded, and says so', async () => {
    const doc = JSON.parse(await exportFrom('Imported', [creator('jane', 'Jane Doe', 38_000)]));
    doc.creators[0].snapshot.precision = {};
    const user = await renderPage();
    await screen.findByRole('heading', { name: 'Shortlists' });
    await user.upload(
      screen.getByLabelText('Import a JSON export'),
      new File([JSON.stringify(doc)], 'scout.json', { type: 'application/json' }),
    );
    expect((await screen.findByRole('status')).textContent).toContain(
      '1 count in the file had no precision: Scout reads them as rounded (≈), not exact.',
    );
    const row = (await screen.findByRole('link', { name: 'Jane Doe' })).closest('tr')!;
    expect(row.textContent).toContain('≈38K');
  });

  it('lists the fields an import kept as they are here', async () => {
    const jane = creator('jane', 'Jane Doe', 38_000);
    const text = await exportFrom('Spring', [jane]);
    const doc = JSON.parse(text);
    // Restore the same list here, then edit the note after the export was made.
    const user = await renderPage();
    await screen.findByRole('heading', { name: 'Shortlists' });
    await user.upload(
      screen.getByLabelText('Import a JSON export'),
      new File([text], 'scout.json', { type: 'application/json' }),
    );
    await screen.findByRole('link', { name: 'Jane Doe' });
    const id = doc.entries[0].id;
    await updateEntry(db, id, { note: 'Sent the brief' }, { note: '' }, LATER + 1);
    doc.entries[0].note = 'Older note from the file';
    await user.upload(
      screen.getByLabelText('Import a JSON export'),
      new File([JSON.stringify(doc)], 'scout.json', { type: 'application/json' }),
    );
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toContain(
        `The note of instagram:jane on "Spring" was kept as here: it was changed here after the file was.`,
      ),
    );
    expect((await db.shortlistEntries.get(id))?.note).toBe('Sent the brief');
  });

  it.each([
    [
      'dated in the future',
      (doc: ExportDoc) => (doc.creators[0]!.snapshot.capturedAt = Date.UTC(2099, 0, 1)),
      /dated 2099-01-01.*in the future.*Nothing was imported/,
    ],
    [
      'from another app',
      (doc: ExportDoc) => (doc.format = 'other-app'),
      /not a Scout shortlist export/,
    ],
    [
      'of a version no Scout wrote',
      (doc: ExportDoc) => (doc.version = 0),
      /version 0, which no Scout wrote/,
    ],
  ])('refuses a file %s, writes nothing, and says why', async (_, edit, message) => {
    const doc = JSON.parse(await exportFrom('Imported', [creator('jane', 'Jane Doe', 38_000)]));
    edit(doc);
    const user = await renderPage();
    await screen.findByRole('heading', { name: 'Shortlists' });
    await user.upload(
      screen.getByLabelText('Import a JSON export'),
      new File([JSON.stringify(doc)], 'scout.json', { type: 'application/json' }),
    );
    expect((await screen.findByRole('alert')).textContent).toMatch(message);
    expect(await db.shortlists.count()).toBe(0);
    expect(await db.creators.count()).toBe(0);
    expect(await db.snapshots.count()).toBe(0);
  });
});
