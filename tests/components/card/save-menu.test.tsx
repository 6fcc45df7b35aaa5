// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { SidebarApp } from '@/components/sidebar-app';
import { fakeApi, maraBakes, ok, vetView, type TabView } from './fixtures';

afterEach(cleanup);

const lists = [
  { id: 'l1', name: 'Bakery launch' },
  { id: 'default', name: 'Shortlist' },
];

/** Lists as the background gives them, with what Mara has stored on two of them. */
const stored: NonNullable<TabView['allLists']> = [
  { id: 'l1', name: 'Bakery launch', entry: { note: 'Ask about Easter', tags: ['food'] } },
  { id: 'default', name: 'Shortlist', entry: { note: 'Rate agreed: $250', tags: [] } },
  { id: 'l2', name: 'Autumn' },
];

const note = () => screen.getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement;
const tags = () => screen.getByRole('textbox', { name: /Tags/ }) as HTMLInputElement;

async function openForm(allLists: TabView['lists']) {
  const fake = fakeApi(ok(vetView(maraBakes(), { allLists })));
  render(<SidebarApp api={fake.api} />);
  await userEvent.click(await screen.findByRole('button', { name: 'Save to…' }));
  return fake;
}

describe('saving from the card', () => {
  it('saves to the default list in one click', async () => {
    const { api } = fakeApi(ok(vetView(maraBakes(), { allLists: lists })));
    render(<SidebarApp api={api} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Save to shortlist' }));
    expect(api.save).toHaveBeenCalledWith('tiktok:mara.bakes', undefined);
  });

  it('saves to another list with a note and tags from "Save to…"', async () => {
    const { api } = await openForm(lists);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'List' }), 'Bakery launch');
    await userEvent.type(note(), 'Ask about Easter');
    await userEvent.type(tags(), 'food, sourdough');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(api.save).toHaveBeenCalledWith('tiktok:mara.bakes', {
      listId: 'l1',
      note: 'Ask about Easter',
      tags: ['food', 'sourdough'],
      // The form was blank: Mara is not on that list yet.
      base: { note: '', tags: [] },
    });
  });

  it('saves to a new list, which needs a name', async () => {
    const { api } = fakeApi(ok(vetView(maraBakes())));
    render(<SidebarApp api={api} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Save to…' }));
    const save = screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    await userEvent.type(screen.getByRole('textbox', { name: 'New list name' }), 'Spring campaign');
    await userEvent.click(save);
    expect(api.save).toHaveBeenCalledWith('tiktok:mara.bakes', { newListName: 'Spring campaign' });
  });
});

describe('"Save to…" on a list the creator is already on', () => {
  it("shows the note and tags stored on the chosen list, and another list's when switched", async () => {
    await openForm(stored);
    expect(note().value).toBe('Ask about Easter');
    expect(tags().value).toBe('food');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'List' }), 'Shortlist');
    expect(note().value).toBe('Rate agreed: $250');
    expect(tags().value).toBe('');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'List' }), 'Autumn');
    expect(note().value).toBe('');
  });

  it('saves only what the user changed, with the value it started from', async () => {
    const { api } = await openForm(stored);
    await userEvent.type(tags(), ', sourdough');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    // The note was not touched: it is not sent, so the stored note stays whatever it is now.
    expect(api.save).toHaveBeenCalledWith('tiktok:mara.bakes', {
      listId: 'l1',
      tags: ['food', 'sourdough'],
      base: { tags: ['food'] },
    });
  });

  it('saves nothing but the list when nothing was changed', async () => {
    const { api } = await openForm(stored);
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(api.save).toHaveBeenCalledWith('tiktok:mara.bakes', { listId: 'l1' });
  });

  it('can clear a stored note', async () => {
    const { api } = await openForm(stored);
    await userEvent.clear(note());
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(api.save).toHaveBeenCalledWith('tiktok:mara.bakes', {
      listId: 'l1',
      note: '',
      base: { note: 'Ask about Easter' },
    });
  });

  it('says what was not saved when another tab changed the note meanwhile', async () => {
    const { api } = await openForm(stored);
    api.save.mockResolvedValueOnce(
      ok({
        listId: 'l1',
        listName: 'Bakery launch',
        entryId: 'l1|tiktok:mara.bakes',
        created: false,
        conflicts: [{ field: 'note', yours: 'Mine', theirs: 'Sent the brief' }],
      }),
    );
    await userEvent.clear(note());
    await userEvent.type(note(), 'Mine');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Not saved: the note changed elsewhere');
    expect(alert.textContent).toContain('"Sent the brief" (kept)');
    expect(alert.textContent).toContain('yours was "Mine"');
  });
});
