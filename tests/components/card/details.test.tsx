// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { SidebarApp } from '@/components/sidebar-app';
import { DEFAULT_RATE_CARD, type RateCard } from '@/lib/metrics';
import type { ProfileSnapshot } from '@/lib/model';
import { fakeApi, gadgetGuru, lenaTrails, maraBakes, maraLastMonth, ok, vetView } from './fixtures';

afterEach(cleanup);

/** Renders the card for a snapshot and opens its details, as a user would. */
async function openDetails(snapshot: ProfileSnapshot, options: Parameters<typeof vetView>[1] = {}) {
  const user = userEvent.setup();
  const { api } = fakeApi(ok(vetView(snapshot, options)));
  render(<SidebarApp api={api} />);
  await screen.findByRole('heading', { level: 1 });
  await user.click(screen.getByRole('button', { name: 'Details' }));
  return { user, api };
}

const region = (name: string) => screen.getByRole('region', { name });
/** The text of a <dt>'s <dd> inside a container. */
const fact = (container: HTMLElement, term: string) =>
  within(container).getByText(term, { selector: 'dt' }).nextElementSibling?.textContent;

/** "$270–$450 · mid $360" → 360 */
const midOf = (text: string | null | undefined) => {
  const match = /mid \$([\d,]+)/.exec(text ?? '');
  if (!match) throw new Error(`no mid price in "${text}"`);
  return Number(match[1]!.replace(/,/g, ''));
};

describe('the details disclosure', () => {
  it('is a button that says whether it is open and what it controls', async () => {
    const user = userEvent.setup();
    const { api } = fakeApi(ok(vetView(maraBakes())));
    render(<SidebarApp api={api} />);
    const details = await screen.findByRole('button', { name: 'Details' });
    expect(details.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('region', { name: 'Engagement' })).toBeNull();

    details.focus();
    await user.keyboard('{Enter}');
    expect(details.getAttribute('aria-expanded')).toBe('true');
    const controlled = document.getElementById(details.getAttribute('aria-controls')!);
    expect(controlled?.contains(region('Engagement'))).toBe(true);

    await user.keyboard(' ');
    expect(details.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('region', { name: 'Engagement' })).toBeNull();
  });
});

describe('the engagement math', () => {
  it('shows the formula with its sample, basis, confidence and what was left out', async () => {
    await openDetails(maraBakes());
    const section = region('Engagement');
    expect(
      within(section).getByRole('heading', { name: 'ER by views: 9.36% · average' }),
    ).toBeTruthy();
    expect(section.textContent).toContain(
      'median of (likes + comments + shares) / views over 17 videos; left out 1 pinned',
    );
    const er = within(section).getByText(/^ER by views/).parentElement!;
    expect(fact(er, 'Sample')).toBe('17 videos');
    expect(fact(er, 'Basis')).toBe('views of each post');
    expect(fact(er, 'Confidence')).toBe('high');
    expect(within(section).getByRole('list').textContent).toBe(
      '1 pinned: chosen by the creator, not a recent sample',
    );
    // The follower-based rate beside it, not graded (TikTok benchmarks are by views).
    expect(section.textContent).toContain('Also by followers');
    expect(section.textContent).toContain('not graded: TikTok benchmarks are by views');
  });

  it('shows the benchmark band with its marks and source', async () => {
    await openDetails(maraBakes());
    const band = within(region('Engagement')).getByRole('heading', {
      name: 'Benchmark: TikTok 10K–50K, by views',
    }).parentElement!;
    expect(fact(band, 'Typical')).toBe('8.4–9.4%');
    expect(fact(band, 'Low mark')).toBe('below 6.28%');
    expect(fact(band, 'High mark')).toBe('above 11.38%');
    expect(band.textContent).toContain('Modash TikTok engagement rate calculator');
  });

  it('says why each Instagram post was left out: pinned, too new, hidden likes', async () => {
    await openDetails(lenaTrails());
    const left = within(region('Engagement'))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(left).toEqual([
      '1 pinned: chosen by the creator, not a recent sample',
      '1 younger than 72 h: still gathering engagement',
      '1 with hidden likes, or no likes count on the page',
    ]);
  });
});

describe('the itemised rate card', () => {
  it("lists each deliverable's range with CPE and CPM beside it", async () => {
    await openDetails(maraBakes());
    const quote = within(region('Rates')).getByText('Video', { selector: 'span' }).closest('li')!;
    expect(quote.textContent).toContain('$180–$300');
    expect(quote.textContent).toContain('CPE $0.071–$0.119');
    expect(quote.textContent).toContain('CPM $6.67–$11.12 per 1K views, within typical $5–$15');
    expect(quote.textContent).toContain('38,214 followers ÷ 1,000 × $6');
  });

  it('raises the total by the usage-rights percent of the displayed base, and back', async () => {
    const { user } = await openDetails(maraBakes());
    const rates = region('Rates');
    const base = midOf(fact(rates, 'Base (video)'));
    expect(base).toBe(240);
    const total = within(rates).getByRole('status', { name: 'Total' });
    expect(midOf(total.textContent)).toBe(base);

    const usage = within(rates).getByRole('checkbox', { name: /paid usage rights \+50%/ });
    await user.click(usage);
    expect((usage as HTMLInputElement).checked).toBe(true);
    // Base $240 + 50% = $360; the range moves with it.
    expect(midOf(total.textContent)).toBe(
      base * (1 + DEFAULT_RATE_CARD.addOns['usage-rights'] / 100),
    );
    expect(total.textContent).toBe('$270–$450 · mid $360');
    expect(fact(rates, '+ paid usage rights 50%')).toBe('$90–$150 · mid $120');

    await user.click(within(rates).getByRole('checkbox', { name: /rush \+25%/ }));
    expect(total.textContent).toBe('$315–$525 · mid $420');

    await user.click(usage);
    await user.click(within(rates).getByRole('checkbox', { name: /rush/ }));
    expect(total.textContent).toBe('$180–$300 · mid $240');
  });

  it("uses the response's rate card for the add-ons", async () => {
    const rateCard: RateCard = {
      ...DEFAULT_RATE_CARD,
      addOns: { ...DEFAULT_RATE_CARD.addOns, 'usage-rights': 100 },
    };
    const { user } = await openDetails(maraBakes(), { rateCard });
    const rates = region('Rates');
    const base = midOf(fact(rates, 'Base (video)'));
    await user.click(within(rates).getByRole('checkbox', { name: /paid usage rights \+100%/ }));
    expect(midOf(within(rates).getByRole('status', { name: 'Total' }).textContent)).toBe(base * 2);
  });

  it('builds the total for the deliverable the user picks', async () => {
    const { user } = await openDetails(lenaTrails());
    const rates = region('Rates');
    expect(fact(rates, 'Base (post)')).toBe('$310–$520 · mid $410');
    await user.selectOptions(within(rates).getByRole('combobox', { name: 'Total for' }), 'reel');
    expect(fact(rates, 'Base (reel / video)')).toBe('$460–$770 · mid $620');
    await user.click(within(rates).getByRole('checkbox', { name: /exclusivity \+30%/ }));
    // 30% of $620 is $186, itemised and rounded to the $10 step like every price: $190.
    expect(fact(rates, '+ exclusivity 30%')).toBe('$140–$230 · mid $190');
    expect(within(rates).getByRole('status', { name: 'Total' }).textContent).toBe(
      '$600–$1,000 · mid $810',
    );
  });
});

describe('the warnings', () => {
  it('shows every warning with its severity in words and its evidence, gravest first', async () => {
    await openDetails(gadgetGuru());
    const items = within(region('Warnings')).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('.severity')?.textContent)).toEqual([
      'Risk',
      'Warning',
      'Warning',
    ]);
    expect(items[0]!.textContent).toContain('Some videos have at least as many likes as views');
    expect(items[0]!.textContent).toContain(
      '1 of 10 videos with views has likes ≥ views (e.g. post 76000000000000003 of 2026-11-08: 960 likes on 880 views)',
    );
    expect(items[1]!.textContent).toContain(
      'follows 52,100 accounts and has 41,300 followers (1.26 followed per follower)',
    );
  });

  it('says there are none when there are none', async () => {
    await openDetails(maraBakes());
    expect(region('Warnings').textContent).toContain('No warnings on the numbers this page shows');
  });
});

describe('activity and posts', () => {
  it('shows growth since the last visit and the posting cadence', async () => {
    await openDetails(maraBakes(), { history: [maraLastMonth()] });
    const activity = region('Activity');
    expect(activity.textContent).toContain(
      '+794 followers since Oct 22, 2026 (+2.12%, 2.12% per 30 days)',
    );
    expect(activity.textContent).toContain('2.3 posts per week (17 posts in 51.9 days)');
    expect(activity.textContent).toContain('Last post Nov 20, 2026');
  });

  it('says growth needs a second visit on the first one', async () => {
    await openDetails(maraBakes());
    expect(region('Activity').textContent).toContain(
      'First visit: Scout compares followers from your next visit on.',
    );
  });

  it('lists recent posts newest first with their numbers and marks', async () => {
    const shuffled = maraBakes();
    shuffled.recentPosts = [...shuffled.recentPosts].reverse();
    await openDetails(shuffled);
    const table = within(region('Recent posts')).getByRole('table');
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((th) => th.textContent);
    expect(headers).toEqual(['Posted', 'Likes', 'Comments', 'Shares', 'Views']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(18);
    const cells = (row: HTMLElement) =>
      [...row.querySelectorAll('th, td')].map((cell) => cell.textContent);
    expect(cells(rows[0]!)).toEqual(['Nov 20pinnedunder 72 h', '2,317', '134', '244', '27,937']);
    const dates = rows.map((row) =>
      Date.parse(row.querySelector('time')!.getAttribute('dateTime')!),
    );
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });

  it('says "hidden" for hidden likes and marks sponsored and too-new posts', async () => {
    await openDetails(lenaTrails());
    const table = within(region('Recent posts')).getByRole('table');
    // Instagram shows no share counts and these posts no views: no columns of "unknown" for them.
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Posted', 'Likes', 'Comments']);
    const rows = within(table).getAllByRole('row').slice(1);
    const likes = rows.map((row) => row.querySelector('td')?.textContent);
    expect(likes.filter((l) => l === 'hidden')).toHaveLength(1);
    expect(likes).not.toContain('0');
    const heads = rows.map((row) => row.querySelector('th')?.textContent ?? '');
    expect(heads.filter((t) => t.includes('sponsored'))).toHaveLength(2);
    expect(heads[0]).toContain('under 72 h');
    expect(heads[0]).toContain('carousel');
  });
});

describe('the comments read', () => {
  const texts = (n: number, make: (i: number) => string) =>
    Array.from({ length: n }, (_, i) => ({ text: make(i) }));
  const mostlyGeneric = [
    {
      postId: '7001',
      comments: [
        ...texts(9, () => '🔥🔥'),
        ...texts(9, (i) => (i % 2 ? 'wow' : 'nice pic!')),
        ...texts(12, (i) => `The stitch at minute ${i} finally makes sense to me`),
      ],
    },
  ];

  it('says the sample and the generic share beside the warnings, without a click', async () => {
    const { api } = fakeApi(ok(vetView(maraBakes(), { comments: mostlyGeneric })));
    render(<SidebarApp api={api} />);
    const headline = await screen
      .findByRole('list', { name: 'Headline numbers' })
      .catch(() => screen.getByLabelText('Headline numbers'));
    expect(fact(headline, 'Warnings')).toContain('30 comments on 1 video read · 60% generic');
  });

  it('lists the warning with its examples, and what was counted', async () => {
    await openDetails(maraBakes(), { comments: mostlyGeneric });
    expect(region('Warnings').textContent).toContain('18 of 30 comments on 1 post (60%)');
    const section = region('Comments');
    expect(section.textContent).toContain('30 comments on 1 video read · 60% generic');
    expect(section.textContent).toContain('“🔥🔥”');
  });

  it('says none were read when there are none, and no comment warning is raised', async () => {
    await openDetails(maraBakes());
    expect(region('Comments').textContent).toMatch(/None read yet/);
    expect(region('Warnings').textContent).not.toMatch(/comments/);
  });
});
