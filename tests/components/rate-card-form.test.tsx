// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RateCardForm, type RateCardApi } from '@/components/rate-card-form';
import { DEFAULT_RATE_CARD, type RateCard } from '@/lib/metrics/rates';
import type { RateCardSource } from '@/lib/settings/rate-card';

afterEach(cleanup);

function fakeApi(source: RateCardSource = 'default', saveError: string | null = null) {
  const saved: RateCard[] = [];
  const api: RateCardApi = {
    load: vi.fn(async () => ({
      card: saved.at(-1) ?? DEFAULT_RATE_CARD,
      source: saved.length ? 'saved' : source,
    })),
    save: vi.fn(async (card: RateCard) => {
      if (!saveError) saved.push(card);
      return saveError;
    }),
    reset: vi.fn(async () => {
      saved.length = 0;
    }),
  };
  return { api, saved };
}

describe('the rate card on the options page', () => {
  it('saves an edited base rate', async () => {
    const { api, saved } = fakeApi();
    render(<RateCardForm api={api} />);
    const tiktok = await screen.findByRole('spinbutton', { name: /TikTok video/ });
    await userEvent.clear(tiktok);
    await userEvent.type(tiktok, '7.5');
    await userEvent.click(screen.getByRole('button', { name: 'Save rate card' }));
    expect((await screen.findByRole('status')).textContent).toMatch('Rate card saved');
    expect(saved.at(-1)?.base.tiktok.per1kFollowers).toBe(7.5);
  });

  it('asks for an exchange rate and its date for another currency', async () => {
    const { api } = fakeApi();
    render(<RateCardForm api={api} />);
    const currency = await screen.findByRole('textbox', { name: 'Show prices in' });
    await userEvent.clear(currency);
    await userEvent.type(currency, 'eur');
    expect(
      (screen.getByRole('spinbutton', { name: 'EUR per 1 USD' }) as HTMLInputElement).required,
    ).toBe(true);
    expect((screen.getByLabelText('Rate as of') as HTMLInputElement).required).toBe(true);
  });

  it('says when the stored card was broken and the defaults are in use', async () => {
    const { api } = fakeApi('invalid');
    render(<RateCardForm api={api} />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/could not be read/);
  });

  it('shows why a card was not saved', async () => {
    const { api } = fakeApi(
      'default',
      'exchange: a currency other than USD needs an exchange rate',
    );
    render(<RateCardForm api={api} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Save rate card' }));
    expect((await screen.findByRole('alert')).textContent).toMatch('Not saved: exchange');
  });

  it('resets to the defaults', async () => {
    const { api } = fakeApi();
    render(<RateCardForm api={api} />);
    const rush = await screen.findByRole('spinbutton', { name: /Rush/ });
    await userEvent.clear(rush);
    await userEvent.type(rush, '99');
    await userEvent.click(screen.getByRole('button', { name: 'Reset to defaults' }));
    expect((await screen.findByRole('status')).textContent).toMatch('reset to the defaults');
    expect((screen.getByRole('spinbutton', { name: /Rush/ }) as HTMLInputElement).value).toBe(
      String(DEFAULT_RATE_CARD.addOns.rush),
    );
  });
});
