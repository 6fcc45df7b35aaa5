// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { SidebarApp } from '@/components/sidebar-app';
import { fakeApi, maraBakes, ok, vetView } from './fixtures';

afterEach(cleanup);

const lists = [
  { id: 'l1', name: 'Bakery launch' },
  { id: 'default', name: 'Shortlist' },
];

describe('saving from the card', () => {
  it('saves to the default list in one click', async () => {
    const { api } = fakeApi(ok(vetView(maraBakes(), { allLists: lists })));
    render(<SidebarApp api={api} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Save to shortlist' }));
    expect(api.save).toHaveBeenCalledWith('tiktok:mara.bakes', undefined);
  });

  it('saves to another list with a note and tags from "Save to…"', async () => {
    const { api } = fakeApi(ok(vetView(maraBakes(), { allLists: lists })));
    render(<SidebarApp api={api} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Save to…' }));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'List' }), 'Bakery launch');
    await userEvent.type(screen.getByRole('textbox', { name: 'Note' }), 'Ask about Easter');
    await userEvent.type(screen.getByRole('textbox', { name: /Tags/ }), 'food, sourdough');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(api.save).toHaveBeenCalledWith('tiktok:mara.bakes', {
      listId: 'l1',
      note: 'Ask about Easter',
      tags: ['food', 'sourdough'],
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
