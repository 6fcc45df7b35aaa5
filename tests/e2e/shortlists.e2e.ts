import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import type { Download, Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_ROUTES, type DemoRoute } from '../fixtures/pages/routes';
import { sidebarFrame, sidebarText, tabIdFor, useScout } from './helpers';
import { requestsByScout } from './server';

const env = useScout();

const route = (handle: string) => DEMO_ROUTES.find((r) => r.creator?.handle === handle)!;
const creators = [route('mara.bakes'), route('lena.trails'), route('jonas-weber-b2b')];
const LIST = 'Spring campaign';

/** What the card shows for a creator, read as a person would: the figures under their labels. */
interface Shown {
  followers: number;
  er: number;
  /** The main deliverable's price as the headline writes it ("$180–$300"). */
  price: string;
}

const PRICE = /^\$[\d,]+–\$[\d,]+$/;

async function cardNumbers(frame: Frame): Promise<Shown> {
  const figure = async (label: string) =>
    (await frame
      .locator('dt', { hasText: new RegExp(`^${label}$`, 'i') })
      .locator('+ dd .value')
      .textContent()) ?? '';
  const followers = Number((await figure('Followers')).replace(/[^\d]/g, ''));
  const er = Number((await figure('Engagement rate')).match(/([\d.]+)\s*%/)?.[1]);
  const values = await frame
    .locator('dl[aria-label="Headline numbers"] dd .value')
    .allTextContents();
  const price = values.map((v) => v.trim()).find((v) => PRICE.test(v)) ?? '';
  return { followers, er, price };
}

const payload = (file: string) =>
  JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/pages', file), 'utf8'));

/**
 * What the demo pages' own payloads say each creator's followers are, and that each is exact. Mara's
 * page also shows "38.2K" and a rounded `stats.followerCount`; `statsV2` carries the exact count.
 */
const KNOWN: Record<string, { followers: number; precision: string }> = {
  'mara.bakes': {
    followers: Number(
      payload('tiktok/api-user-detail-mara-bakes.json').userInfo.statsV2.followerCount,
    ),
    precision: 'exact',
  },
  'lena.trails': {
    followers: payload('instagram/api-web-profile-info-lena-trails.json').data.user.edge_followed_by
      .count,
    precision: 'exact',
  },
  'jonas-weber-b2b': {
    followers: payload('linkedin/api-networkinfo-jonas-weber.json').data.followersCount,
    precision: 'exact',
  },
};

async function openCreator(r: DemoRoute): Promise<{ page: Page; frame: Frame; shown: Shown }> {
  const page = await env.scout.context.newPage();
  await page.goto(env.server.url(r));
  await sidebarFrame(page);
  // The card has numbers once the page's own data (and its API calls) have been read.
  await expect
    .poll(() => sidebarText(page), { timeout: 15_000 })
    .toMatch(/Engagement rate\s*[\d.]+\s*%/);
  // (Found again: the card may have been remounted while the page's data arrived.)
  const frame = await sidebarFrame(page);
  return {
    page,
    frame,
    shown: await cardNumbers(frame),
  };
}

async function saveFromPopup(tabId: number, list: string): Promise<void> {
  const popup = await env.scout.context.newPage();
  await popup.goto(env.scout.pageUrl(`popup.html?tab=${tabId}`));
  const select = popup.getByRole('combobox', { name: 'List' });
  await select.waitFor();
  const names = await select.locator('option').allTextContents();
  if (names.includes(list)) {
    await select.selectOption({ label: list });
  } else {
    await select.selectOption({ label: 'New list…' });
    await popup.getByRole('textbox', { name: 'New list name' }).fill(list);
  }
  await popup.getByRole('button', { name: 'Save', exact: true }).click();
  await popup.getByText(`Saved to ${list}`).waitFor();
  await popup.close();
}

/** The rows of a downloaded CSV, keyed by handle. */
async function csvRows(download: Download): Promise<Map<string, Record<string, unknown>>> {
  const text = readFileSync((await download.path())!, 'utf8');
  expect(text.startsWith('\uFEFF'), 'UTF-8 with a BOM, so Excel reads it').toBe(true);
  const parsed = Papa.parse<Record<string, unknown>>(text.slice(1), {
    header: true,
    dynamicTyping: true,
    skipEmptyLines: true,
  });
  return new Map(parsed.data.map((row) => [String(row.handle), row]));
}

function expectCreators(rows: Map<string, Record<string, unknown>>, shown: Map<string, Shown>) {
  expect([...rows.keys()].sort()).toEqual([...shown.keys()].sort());
  for (const [handle, card] of shown) {
    const row = rows.get(handle)!;
    const known = KNOWN[handle]!;
    expect(row.followers, `${handle}: the followers its page's payload gives`).toBe(
      known.followers,
    );
    expect(row['followers precision'], `${handle}: how exact that count is`).toBe(known.precision);
    expect(row.followers, `${handle}: followers as on the card`).toBe(card.followers);
    expect(Number(row.ER), `${handle}: ER as on the card`).toBeCloseTo(card.er, 1);
    expect(row['rate range'], `${handle}: price as on the card`).toBe(card.price);
    expect(row['rate low'], `${handle}: the price's low end as a number`).toBe(
      Number(card.price.split('–')[0]!.replace(/[^\d]/g, '')),
    );
  }
}

/** The shortlists page's CSV of `list`. */
async function exportFromShortlists(list: string): Promise<Map<string, Record<string, unknown>>> {
  const page = await env.scout.context.newPage();
  await page.goto(env.scout.pageUrl('shortlists.html'));
  const section = page.getByRole('region', { name: new RegExp(list) });
  await section.waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    section.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  const rows = await csvRows(download);
  await page.close();
  return rows;
}

/** Sets the TikTok video rate (USD per 1K followers) on the options page, as a user would. */
async function setTikTokRate(usdPer1k: number): Promise<void> {
  const page = await env.scout.context.newPage();
  await page.goto(env.scout.pageUrl('options.html'));
  const field = page.getByRole('spinbutton', { name: /TikTok video/ });
  await field.fill(String(usdPer1k));
  await page.getByRole('button', { name: 'Save rate card' }).click();
  await page.getByText('Rate card saved').waitFor();
  await page.close();
}

describe('shortlists as a new user meets them', () => {
  it('saves three creators from their cards and exports them with the numbers the cards showed', async () => {
    const shown = new Map<string, Shown>();
    const pages: Page[] = [];

    // TikTok: the card shows numbers with no click; one click saves to the default list.
    const tiktok = await openCreator(creators[0]!);
    shown.set('mara.bakes', tiktok.shown);
    await tiktok.frame.getByRole('button', { name: 'Save to shortlist' }).click();
    await (await sidebarFrame(tiktok.page)).getByText(/On Shortlist/).waitFor();
    pages.push(tiktok.page);

    // Instagram and LinkedIn, and the TikTok creator too, into a new list from the popup.
    for (const r of creators) {
      const opened = r === creators[0] ? tiktok : await openCreator(r);
      if (r !== creators[0]) {
        shown.set(r.creator!.handle, opened.shown);
        pages.push(opened.page);
      }
      const key = `${r.creator!.platform}:${r.creator!.handle}`;
      await saveFromPopup(await tabIdFor(env.scout, opened.page, key), LIST);
    }
    expect(shown.get('mara.bakes')!.followers).toBeGreaterThan(0);

    // One click in the popup exports the list just saved to.
    const popup = await env.scout.context.newPage();
    await popup.goto(env.scout.pageUrl(`popup.html?tab=${await tabIdFor(env.scout, pages[0]!)}`));
    await popup.getByRole('combobox', { name: 'List' }).selectOption({ label: LIST });
    const [fromPopup] = await Promise.all([
      popup.waitForEvent('download'),
      popup.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expectCreators(await csvRows(fromPopup), shown);

    // And from the shortlists page.
    expectCreators(await exportFromShortlists(LIST), shown);

    // The user doubles the TikTok rate: the card and the export both price with the new card.
    const before = shown.get('mara.bakes')!.price;
    await setTikTokRate(12);
    await pages[0]!.reload();
    await expect
      .poll(async () => (await cardNumbers(await sidebarFrame(pages[0]!))).price, {
        timeout: 15_000,
      })
      .not.toBe(before);
    shown.set('mara.bakes', await cardNumbers(await sidebarFrame(pages[0]!)));
    expect(shown.get('mara.bakes')!.price).toMatch(PRICE);
    const repriced = await exportFromShortlists(LIST);
    expectCreators(repriced, shown);
    expect(repriced.get('mara.bakes')!['rate range']).not.toBe(before);

    await Promise.all([...pages, popup].map((p) => p.close()));
  });

  it('made no request of its own to any platform host', () => {
    expect(requestsByScout(env.server.requests)).toEqual([]);
  });
});
