/**
 * The large model of bench/largeModel.ts (260 members, 530 quantities) opened with every group of
 * the assumptions panel open: what keeps a keyboard nudge of it near the seed's speed
 * (`npm run bench:ui -- --large`), as a user meets it in the browser.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { largeWorkspace } from '../../bench/largeModel';
import { openApp } from './support';

async function openLargeModel(page: Page): Promise<void> {
  await openApp(page);
  const workspace = largeWorkspace();
  const dataTransfer = await page.evaluateHandle((content) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([content], 'large.slidecast.json', { type: 'application/json' }));
    return transfer;
  }, JSON.stringify(workspace));
  await page.dispatchEvent('body', 'dragenter', { dataTransfer });
  await page.dispatchEvent('body', 'drop', { dataTransfer });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Large model');
  await page.evaluate(() => {
    for (const details of document.querySelectorAll<HTMLDetailsElement>('.assumptions details')) details.open = true;
  });
  await expect(page.getByRole('slider')).toHaveCount(1590);
}

test.beforeEach(async ({ page }) => {
  // 1590 sliders opened, then walked through: the slowest journeys of the suite.
  test.slow();
  await openLargeModel(page);
});

test('the members scrolled out of view are skipped, a member at a time, not a quantity at a time', async ({ page }) => {
  // Chromium watches every `content-visibility: auto` element for nearing the view in every frame:
  // one per member (its share, its premium, its parts) halves that work and the frame's pre-paint.
  const panel = await page.evaluate(() => {
    const aside = document.querySelector('.assumptions')!;
    const watched = [...aside.querySelectorAll('*')].filter((element) => getComputedStyle(element).contentVisibility === 'auto');
    const members = [...aside.querySelectorAll('li.member')];
    const skipped = members.filter((member) => !member.checkVisibility({ contentVisibilityAuto: true }));
    return { watched: watched.length, everyOneAMember: watched.every((element) => element.matches('li.member')), members: members.length, skipped: skipped.length };
  });
  expect(panel.members).toBe(260);
  expect(panel.everyOneAMember).toBe(true);
  expect(panel.watched).toBe(panel.members);
  // Most of the 260 are far out of view.
  expect(panel.skipped).toBeGreaterThan(panel.members / 2);
});

test('a slider of a member out of view still takes the keyboard: focused, it moves with its number', async ({ page }) => {
  const quantity = page.locator('.member-children .member-delta .quantity').last();
  const slider = quantity.locator('.slider-value');
  const number = quantity.getByRole('textbox');
  const [value, text] = [await slider.inputValue(), await number.inputValue()];
  await slider.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(slider).not.toHaveValue(value);
  await expect(number).not.toHaveValue(text);
});

test('a keyboard nudge paints the moved slider and its new headline in the same frame', async ({ page }) => {
  const slider = page.getByRole('slider', { name: 'Trend growth', exact: true });
  await slider.focus();
  for (const key of ['ArrowRight', 'ArrowLeft', 'ArrowRight']) {
    // What each frame paints, read in its animation callback (after the tasks, before the paint).
    await page.evaluate(() => {
      const input = document.activeElement as HTMLInputElement;
      const headline = document.querySelector<HTMLElement>('[data-testid="headline-total"]')!;
      const frames: { slider: string; headline: string }[] = [];
      (window as unknown as { __frames: typeof frames }).__frames = frames;
      const record = () => {
        frames.push({ slider: input.value, headline: headline.dataset.value ?? '' });
        if (frames.length < 600) requestAnimationFrame(record);
      };
      requestAnimationFrame(record);
    });
    const [value, total] = [await slider.inputValue(), await page.getByTestId('headline-total').getAttribute('data-value')];
    await page.keyboard.press(key);
    await expect(page.getByTestId('headline-total')).not.toHaveAttribute('data-value', total!);
    await expect(slider).not.toHaveValue(value);
    const frames = await page.evaluate(() => (window as unknown as { __frames: { slider: string; headline: string }[] }).__frames);
    const moved = frames.find((frame) => frame.slider !== value);
    expect(moved).toBeDefined();
    expect(moved!.headline).not.toBe(total);
  }
});

test('the member table draws the rows near the view: scrolled to its end, its last rows are there with their numbers, and follow a nudge', async ({ page }) => {
  const table = page.getByTestId('member-table');
  // 264 rows under the header: the total, 3 dimension headings, 260 members (the regions' countries among them).
  await expect(table).toHaveAttribute('aria-rowcount', '265');
  const drawn = () => table.locator('tr[aria-rowindex]').count();
  expect(await drawn()).toBeLessThan(100);
  const height = await table.evaluate((element) => element.getBoundingClientRect().height);
  await page.locator('.forecast').evaluate((pane) => pane.scrollTo(0, pane.scrollHeight));
  const last = table.locator('tr[data-series="region/region-9/region-9-country-18"]');
  await expect(last).toBeInViewport();
  await expect(last.getByRole('cell').nth(1)).toHaveText(/^\$\d/);
  await expect(table.locator('tr[data-series="type/type-5"]')).toHaveCount(0);
  expect(await drawn()).toBeLessThan(100);
  // The rows left out keep their height: the table is as high at its end as at its start.
  expect(await table.evaluate((element) => element.getBoundingClientRect().height)).toBeCloseTo(height, 0);
  const before = await last.getByRole('cell').nth(1).textContent();
  const slider = page.getByRole('slider', { name: 'Trend growth', exact: true });
  await slider.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect(last.getByRole('cell').nth(1)).not.toHaveText(before!);
});

test('Tab goes through every member of the table, past the rows first drawn', async ({ page }) => {
  const table = page.getByTestId('member-table');
  await table.getByRole('button', { name: 'Total market' }).focus();
  // The total, 10 product types, 40 applications, region 0, then its countries: 60 presses later, country 8 of region 0.
  for (let i = 0; i < 60; i++) await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-series'));
  expect(focused).toBe('region/region-0/region-0-country-8');
  await expect(page.locator(':focus')).toBeInViewport();
});

test('the windowed member table, scrolled to its middle, has no WCAG A/AA violations', async ({ page }) => {
  const table = page.getByTestId('member-table');
  await page.locator('.forecast').evaluate((pane) => pane.scrollTo(0, pane.scrollHeight / 2));
  await expect(table.locator('tr[data-series="region/region-3"]')).toBeAttached();
  const results = await new AxeBuilder({ page }).include('[data-testid="member-table"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 4).join(', ')}`)).toEqual([]);
});
