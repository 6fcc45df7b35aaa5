import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { DEMO_ROUTES } from '../fixtures/pages/routes';
import { useScout } from './helpers';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

const env = useScout();

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Serious and critical axe-core violations on a page or frame. */
async function seriousViolations(target: Page | Frame): Promise<string[]> {
  await target.evaluate(axeSource);
  const violations = (await target.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(ctx: Document): Promise<{ violations: unknown[] }> } }
    ).axe;
    return (await axe.run(document)).violations;
  })) as Violation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
}

describe('the accessibility check itself', () => {
  it('reports a serious violation when there is one', async () => {
    const page = await env.scout.context.newPage();
    await page.goto(env.server.url(DEMO_ROUTES.find((r) => r.path === '/foryou')!));
    await page.evaluate(() => document.body.append(document.createElement('button')));
    expect((await seriousViolations(page)).join('\n')).toMatch(/button-name/);
    await page.close();
  });
});

const mara = DEMO_ROUTES.find((r) => r.creator?.handle === 'mara.bakes')!;

describe.each(['light', 'dark'] as const)('accessibility in %s mode', (scheme) => {
  it('the card has no serious or critical violation, folded and expanded', async () => {
    const page = await env.scout.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(env.server.url(mara));
    let frame: Frame | undefined;
    await expect
      .poll(
        async () => {
          frame = page.frames().find((f) => f.url().endsWith('/sidebar.html'));
          return frame
            ? await frame
                .locator('main')
                .textContent({ timeout: 500 })
                .catch(() => '')
            : '';
        },
        { timeout: 15_000 },
      )
      .toMatch(/Engagement rate/);
    expect(await seriousViolations(frame!)).toEqual([]);
    await frame!.getByRole('button', { name: /Details/ }).click();
    expect(await seriousViolations(frame!)).toEqual([]);
    await page.close();
  });

  for (const path of ['popup.html', 'options.html', 'shortlists.html']) {
    it(`${path} has no serious or critical violation`, async () => {
      const page = await env.scout.context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(env.scout.pageUrl(path));
      await page.locator('main').waitFor();
      await page.waitForLoadState('networkidle');
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    });
  }
});
