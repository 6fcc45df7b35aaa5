// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SidebarApp } from '@/components/sidebar-app';
import { gadgetGuru, lenaTrails, maraBakes, fakeApi, ok, vetView } from './fixtures';

afterEach(cleanup);

/** The text under a stat's label in the headline (value and its small print). */
const stat = (label: string) =>
  screen.getByText(label, { selector: 'dt' }).nextElementSibling as HTMLElement;
const value = (label: string) => stat(label).querySelector('.value')?.textContent;

describe('the card, without a click', () => {
  it("shows Mara Bakes' numbers as the design's card example does", async () => {
    const { api } = fakeApi(ok(vetView(maraBakes())));
    render(<SidebarApp api={api} />);

    expect(await screen.findByRole('heading', { level: 1, name: 'Mara Bakes' })).toBeTruthy();
    expect(screen.getByText('@mara.bakes')).toBeTruthy();
    expect(screen.getByText('TikTok')).toBeTruthy();
    expect(screen.getByText('micro')).toBeTruthy();
    // Initials, not a remote image: Scout loads nothing from the platform.
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('.avatar')?.textContent).toBe('MB');

    expect(value('Followers')).toBe('38,214');
    expect(stat('Followers').textContent).toContain('186 videos');
    expect(value('Engagement rate')).toBe('9.4% · average for 10K–50K (8.4–9.4%)');
    expect(stat('Engagement rate').textContent).toContain('by views · median of 17 videos');
    expect(value('Video')).toBe('$180–$300');
    expect(value('Warnings')).toBe('no warnings');
    // Nothing needed a click: the details stay folded.
    expect(screen.getByRole('button', { name: 'Details' }).getAttribute('aria-expanded')).toBe(
      'false',
    );
  });

  it("writes numbers the way the browser's locale does", async () => {
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('de-DE');
    const { api } = fakeApi(ok(vetView(maraBakes())));
    render(<SidebarApp api={api} />);
    await screen.findByRole('heading', { name: 'Mara Bakes' });
    expect(value('Followers')).toBe('38.214');
    expect(value('Engagement rate')).toMatch(/^9,4\s%/);
    expect(value('Video')).toMatch(/^180\s\$–300\s\$$/);
  });

  it('marks a rounded follower count with ≈ and grades Instagram by followers', async () => {
    const { api } = fakeApi(ok(vetView(lenaTrails())));
    render(<SidebarApp api={api} />);
    await screen.findByRole('heading', { name: 'Lena Trails' });
    expect(value('Followers')).toBe('≈38K');
    expect(value('Engagement rate')).toBe('1.06% · average for 10K–50K (0.84–1.11%)');
    expect(stat('Engagement rate').textContent).toContain(
      'by followers · median of 9 posts · medium confidence',
    );
    expect(value('Post')).toBe('$310–$520');
  });

  it('counts the warnings and names the risks', async () => {
    const { api } = fakeApi(ok(vetView(gadgetGuru())));
    render(<SidebarApp api={api} />);
    await screen.findByRole('heading', { name: 'Gadget Guru' });
    expect(value('Warnings')).toBe('3 warnings · 1 risk');
    expect(value('Engagement rate')).toBe('8.1% · below average for 10K–50K (8.4–9.4%)');
  });

  it('says unknown, never 0, and names what is missing when followers are unknown', async () => {
    const { api } = fakeApi(
      ok(vetView(lenaTrails({ followers: undefined, precision: { posts: 'exact' } }))),
    );
    render(<SidebarApp api={api} />);
    await screen.findByRole('heading', { name: 'Lena Trails' });
    expect(value('Followers')).toBe('unknown');
    expect(value('Post')).toBe('unknown');
    expect(value('Engagement rate')).toBe('unknown');
    expect(stat('Engagement rate').textContent).toBe('unknownfollowers unknown');
    expect(screen.getByText('tier unknown')).toBeTruthy();
    const missing = screen.getByRole('region', { name: 'Missing data' });
    expect(missing.textContent).toContain('followers unknown');
    expect(missing.textContent).toContain('1 post without a likes count (hidden)');
    expect(within(screen.getByRole('main')).queryByText(/^0$/)).toBeNull();
  });

  it('keeps the slots of the numbers while reading, so nothing moves when they arrive', async () => {
    const fake = fakeApi(ok(vetView(maraBakes(), { page: { state: 'reading' } })));
    render(<SidebarApp api={fake.api} />);
    const reading = await screen.findByRole('status');
    expect(reading.textContent).toContain('Reading this page…');
    const slots = () => [...document.querySelectorAll('.stats .stat')].map((s) => s.className);
    const before = slots();
    expect(before).toHaveLength(4);
    await fake.tabChanged(7, ok(vetView(maraBakes())));
    await screen.findByRole('heading', { name: 'Mara Bakes' });
    // The same slots, in the same places, now with numbers.
    expect(slots()).toEqual(before);
    expect(value('Followers')).toBe('38,214');
  });
});
