// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { computeVetting } from '@/lib/metrics';
import { DEFAULT_RATE_CARD, type RateCard } from '@/lib/metrics/rates';
import { updateEntry } from '@/lib/db/edits';
import { saveRateCard } from '@/lib/settings/rate-card';
import { PopupApp, type PopupApi } from '@/components/popup-app';
import { getCreator, recordSnapshot } from '@/lib/db/creators';
import { ScoutDb } from '@/lib/db/database';
import { DEFAULT_LIST, listsOf, saveToShortlist } from '@/lib/db/shortlists';
import type { Reply, RequestOf, ResponseOf } from '@/lib/messaging/protocol';
import type { ProfileSnapshot } from '@/lib/model';
import { blobText, captureDownloads } from './shortlists/fixtures';

type TabView = ResponseOf<'creator/for-tab'>;

const NOW = Date.UTC(2026, 0, 15, 12);

const snapshot = (handle: string, displayName: string): ProfileSnapshot => ({
  platform: 'instagram',
  handle,
  url: `https://www.instagram.com/${handle}/`,
  displayName,
  followers: 38_000,
  precision: { followers: 'exact' },
  recentPosts: [],
  capturedAt: NOW,
  sources: ['instagram/profile-info'],
});

let db: ScoutDb;

beforeEach(async () => {
  fakeBrowser.reset();
  db = new ScoutDb(`test-${crypto.randomUUID()}`);
  await recordSnapshot(db, snapshot('jane', 'Jane Doe'), NOW);
});

afterEach(async () => {
  cleanup();
  await db.delete();
});

/**
 * Plays the background over a real database: tab 5 shows `tabCreator` (if any); without a tab the
 * answer is the last creator seen (`lastSeen`).
 */
function fakeApi({ tabCreator, lastSeen }: { tabCreator?: string; lastSeen?: string }) {
  const view = async (tabId: number | null, key: string | undefined): Promise<TabView> => {
    const creator = key ? ((await getCreator(db, key)) ?? null) : null;
    return {
      tabId,
      page:
        tabId != null && key
          ? {
              url: 'https://www.instagram.com/jane/',
              state: 'ready',
              creatorKey: key,
              updatedAt: NOW,
            }
          : null,
      creator,
      lists: creator ? await listsOf(db, creator.key) : [],
      detail: null,
      rateCard: DEFAULT_RATE_CARD,
    };
  };
  const api = {
    db,
    creatorForTab: vi.fn(async (tabId: number | undefined): Promise<Reply<TabView>> => ({
      ok: true,
      data: tabId === undefined ? await view(null, lastSeen) : await view(tabId, tabCreator),
    })),
    save: vi.fn(
      async (
        request: RequestOf<'shortlist/save'>,
      ): Promise<Reply<ResponseOf<'shortlist/save'>>> => ({
        ok: true,
        data: await saveToShortlist(db, request, NOW + 1),
      }),
    ),
    openShortlists: vi.fn(),
  } satisfies PopupApi;
  return api;
}

describe('the popup', () => {
  it("shows the current tab's creator", async () => {
    render(<PopupApp api={fakeApi({ tabCreator: 'instagram:jane' })} tabId={5} />);
    expect(await screen.findByRole('heading', { name: 'Jane Doe' })).toBeTruthy();
    expect(screen.getByText('@jane')).toBeTruthy();
    expect(screen.queryByText('Last creator seen')).toBeNull();
  });

  it('saves the creator to the default list in one click', async () => {
    const user = userEvent.setup();
    const api = fakeApi({ tabCreator: 'instagram:jane' });
    render(<PopupApp api={api} tabId={5} />);
    await screen.findByRole('heading', { name: 'Jane Doe' });
    expect((screen.getByRole('combobox', { name: /list/i }) as HTMLSelectElement).value).toBe(
      DEFAULT_LIST.id,
    );
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved to Shortlist')).toBeTruthy();
    expect(api.save).toHaveBeenCalledWith({
      creatorKey: 'instagram:jane',
      listId: DEFAULT_LIST.id,
    });
    expect(await listsOf(db, 'instagram:jane')).toEqual([
      { id: DEFAULT_LIST.id, name: 'Shortlist' },
    ]);
  });

  it('asks for a name before saving to a new list', async () => {
    const user = userEvent.setup();
    const api = fakeApi({ tabCreator: 'instagram:jane' });
    render(<PopupApp api={api} tabId={5} />);
    await screen.findByRole('heading', { name: 'Jane Doe' });
    await user.selectOptions(screen.getByRole('combobox', { name: /list/i }), 'New list…');
    const save = screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    await user.type(screen.getByRole('textbox', { name: 'New list name' }), '   ');
    expect(save.disabled).toBe(true);
    await user.clear(screen.getByRole('textbox', { name: 'New list name' }));
    await user.type(screen.getByRole('textbox', { name: 'New list name' }), 'Spring launch');
    expect(save.disabled).toBe(false);
    await user.click(save);
    expect(await screen.findByText('Saved to Spring launch')).toBeTruthy();
    expect(api.save).toHaveBeenCalledWith({
      creatorKey: 'instagram:jane',
      newListName: 'Spring launch',
    });
    expect((await listsOf(db, 'instagram:jane')).map((l) => l.name)).toEqual(['Spring launch']);
    expect(
      await screen.findByRole('option', { name: 'Spring launch', selected: true }),
    ).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: 'New list name' })).toBeNull();
  });

  it('offers the lists already in the database', async () => {
    await recordSnapshot(db, snapshot('john', 'John Roe'), NOW);
    await saveToShortlist(db, { creatorKey: 'instagram:john', newListName: 'Spring launch' }, NOW);
    render(<PopupApp api={fakeApi({ tabCreator: 'instagram:jane' })} tabId={5} />);
    await screen.findByRole('heading', { name: 'Jane Doe' });
    expect(await screen.findByRole('option', { name: 'Spring launch' })).toBeTruthy();
    expect(screen.getByRole('option', { name: 'New list…' })).toBeTruthy();
  });

  it('falls back to the last creator seen, and says so', async () => {
    const api = fakeApi({ lastSeen: 'instagram:jane' });
    render(<PopupApp api={api} tabId={5} />);
    expect(await screen.findByRole('heading', { name: 'Jane Doe' })).toBeTruthy();
    expect(screen.getByText('Last creator seen')).toBeTruthy();
    expect(api.creatorForTab).toHaveBeenCalledWith(5);
    expect(api.creatorForTab).toHaveBeenCalledWith(undefined);
  });

  it('says "No creator yet" when Scout has seen none', async () => {
    render(<PopupApp api={fakeApi({})} tabId={5} />);
    expect(await screen.findByRole('heading', { name: 'No creator yet' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
  });

  it('shows an alert when the background cannot answer', async () => {
    const api = fakeApi({});
    api.creatorForTab.mockResolvedValue({
      ok: false,
      error: { code: 'unreachable', message: 'Scout did not answer' },
    });
    render(<PopupApp api={api} tabId={5} />);
    expect((await screen.findByRole('alert')).textContent).toBe('Scout did not answer');
  });

  it('shows an alert when saving fails', async () => {
    const user = userEvent.setup();
    const api = fakeApi({ tabCreator: 'instagram:jane' });
    api.save.mockResolvedValueOnce({
      ok: false,
      error: { code: 'storage', message: 'The browser is out of storage space for Scout' },
    });
    render(<PopupApp api={api} tabId={5} />);
    await user.click(await screen.findByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toContain('out of storage space');
    expect(screen.queryByText(/^Saved to/)).toBeNull();
  });

  it('opens the shortlists page', async () => {
    const user = userEvent.setup();
    const api = fakeApi({});
    render(<PopupApp api={api} tabId={5} />);
    await user.click(screen.getByRole('button', { name: 'Open shortlists' }));
    expect(api.openShortlists).toHaveBeenCalledOnce();
  });

  it('saves a note and tags with the creator', async () => {
    const user = userEvent.setup();
    const api = fakeApi({ tabCreator: 'instagram:jane' });
    render(<PopupApp api={api} tabId={5} />);
    await screen.findByRole('heading', { name: 'Jane Doe' });
    await user.type(screen.getByRole('textbox', { name: 'Note' }), 'Great bread reels');
    await user.type(
      screen.getByRole('textbox', { name: 'Tags (comma-separated)' }),
      'baking, food, ',
    );
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved to Shortlist')).toBeTruthy();
    expect(api.save).toHaveBeenCalledWith({
      creatorKey: 'instagram:jane',
      listId: DEFAULT_LIST.id,
      note: 'Great bread reels',
      tags: ['baking', 'food'],
      base: { note: '', tags: [] },
    });
    const [entry] = await db.shortlistEntries.toArray();
    expect(entry?.note).toBe('Great bread reels');
    expect(entry?.tags).toEqual(['baking', 'food']);
    // The form now shows what is stored on the list.
    await waitFor(() =>
      expect((screen.getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement).value).toBe(
        'Great bread reels',
      ),
    );
  });

  it('shows the note and tags stored on the chosen list, and saves only what changed', async () => {
    await saveToShortlist(
      db,
      { creatorKey: 'instagram:jane', note: 'Rate agreed: $250', tags: ['food'] },
      NOW,
    );
    const user = userEvent.setup();
    const api = fakeApi({ tabCreator: 'instagram:jane' });
    render(<PopupApp api={api} tabId={5} />);
    await screen.findByRole('heading', { name: 'Jane Doe' });
    const note = screen.getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement;
    const tags = screen.getByRole('textbox', {
      name: 'Tags (comma-separated)',
    }) as HTMLInputElement;
    await waitFor(() => expect(note.value).toBe('Rate agreed: $250'));
    expect(tags.value).toBe('food');
    await user.type(tags, ', baking');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved to Shortlist')).toBeTruthy();
    expect(api.save).toHaveBeenCalledWith({
      creatorKey: 'instagram:jane',
      listId: DEFAULT_LIST.id,
      tags: ['food', 'baking'],
      base: { tags: ['food'] },
    });
    const [entry] = await db.shortlistEntries.toArray();
    expect(entry).toMatchObject({ note: 'Rate agreed: $250', tags: ['food', 'baking'] });
  });

  it('keeps a note changed elsewhere while the popup was open, and says what was not saved', async () => {
    const { entryId } = await saveToShortlist(
      db,
      { creatorKey: 'instagram:jane', note: 'first note' },
      NOW,
    );
    const user = userEvent.setup();
    render(<PopupApp api={fakeApi({ tabCreator: 'instagram:jane' })} tabId={5} />);
    await screen.findByRole('heading', { name: 'Jane Doe' });
    const note = screen.getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement;
    await waitFor(() => expect(note.value).toBe('first note'));
    await user.type(note, ' and mine');
    // The shortlists page saves another note meanwhile.
    await updateEntry(db, entryId, { note: 'from the list page' }, { note: 'first note' }, NOW + 1);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Not saved: the note changed elsewhere');
    expect(alert.textContent).toContain('"from the list page" (kept)');
    expect(alert.textContent).toContain('yours was "first note and mine"');
    expect((await db.shortlistEntries.get(entryId))?.note).toBe('from the list page');
  });

  it('shows the price under the rate card in force', async () => {
    const pricier: RateCard = {
      ...DEFAULT_RATE_CARD,
      base: {
        ...DEFAULT_RATE_CARD.base,
        instagram: { ...DEFAULT_RATE_CARD.base.instagram, per1kFollowers: 20 },
      },
    };
    await saveRateCard(pricier);
    render(<PopupApp api={fakeApi({ tabCreator: 'instagram:jane' })} tabId={5} />);
    await screen.findByRole('heading', { name: 'Jane Doe' });
    const rate = computeVetting(snapshot('jane', 'Jane Doe'), {
      now: NOW,
      rateCard: pricier,
    }).vetting.rates.find((r) => r.deliverable === 'post')!;
    const price = screen.getByText('Post').nextElementSibling!;
    await waitFor(() =>
      expect(price.textContent).toBe(
        `$${rate.low.toLocaleString('en-US')}–$${rate.high.toLocaleString('en-US')}`,
      ),
    );
  });

  it('lists the lists with their entry counts and exports the selected one as CSV', async () => {
    await recordSnapshot(db, snapshot('john', 'John Roe'), NOW);
    await saveToShortlist(db, { creatorKey: 'instagram:jane' }, NOW);
    await saveToShortlist(db, { creatorKey: 'instagram:john' }, NOW);
    await saveToShortlist(db, { creatorKey: 'instagram:john', newListName: 'Spring launch' }, NOW);
    const downloads = captureDownloads();
    const user = userEvent.setup();
    render(
      <PopupApp api={{ ...fakeApi({ tabCreator: 'instagram:jane' }), now: () => NOW }} tabId={5} />,
    );
    await screen.findByRole('heading', { name: 'Jane Doe' });
    const lists = await screen.findByRole('list');
    await waitFor(() =>
      expect([...lists.querySelectorAll('li')].map((li) => li.textContent)).toEqual(
        expect.arrayContaining(['Shortlist (2 creators)', 'Spring launch (1 creator)']),
      ),
    );
    const current = [...lists.querySelectorAll('li')].find(
      (li) => li.getAttribute('aria-current') === 'true',
    );
    expect(current?.textContent).toBe('Shortlist (2 creators)');
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(downloads.files).toHaveLength(1));
    const file = downloads.files[0]!;
    expect(file.name).toMatch(/^scout-Shortlist-2026-01-1[45]\.csv$/);
    const text = await blobText(file.blob);
    expect(text.startsWith('\uFEFFplatform,handle,')).toBe(true);
    expect(text).toContain(
      'instagram,jane,https://www.instagram.com/jane/,Jane Doe,micro,38000,exact,,,,$290–$480,290,480,',
    );
    expect(text).toContain('instagram,john,');
    expect((await screen.findByText(/^Exported scout-Shortlist/)).getAttribute('role')).toBe(
      'status',
    );
  });
});
