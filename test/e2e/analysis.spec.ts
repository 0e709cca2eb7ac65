import { expect, test, type Page } from '@playwright/test';
import { headlineChangedFrom, headlineTotal, openApp, setNumber, withoutFileSystemAccess } from './support';

/**
 * Issue 11's analyses on the Analysis view, in the production build with the engine's worker: the
 * tornado follows a slider; goal seek's answer applied is the headline, one Ctrl+Z away from the
 * old one; calibration accepted moves the numbers and Undo restores them, rejected moves nothing;
 * present mode's T shows the tornado.
 */

test.beforeEach(async ({ page }) => {
  await withoutFileSystemAccess(page);
  await openApp(page);
});

const views = (page: Page) => page.getByRole('navigation', { name: 'Views' });
const tornadoBars = (page: Page) => page.getByRole('list', { name: /bars, largest swing first/ }).getByRole('listitem');

async function openAnalysis(page: Page): Promise<void> {
  await views(page).getByRole('button', { name: 'Analysis' }).click();
  await expect(tornadoBars(page).first()).toBeVisible();
}

/** A bar's two values, as the engine gave them. */
async function barValues(page: Page, index: number): Promise<[number, number]> {
  const bar = tornadoBars(page).nth(index);
  return [Number(await bar.locator('.tornado-value-low').getAttribute('data-value')), Number(await bar.locator('.tornado-value-high').getAttribute('data-value'))];
}

test('the tornado follows the slider of the bar selected', async ({ page }) => {
  await openAnalysis(page);
  await expect(page.getByRole('figure', { name: 'Tornado of Total market in 2032' })).toBeVisible();
  const first = tornadoBars(page).first().getByRole('button');
  await expect(first).toContainText('Trend growth');
  await first.focus();
  await page.keyboard.press('Enter');
  const slider = page.getByRole('slider', { name: 'Trend growth', exact: true });
  await expect(slider).toBeFocused();
  const before = await barValues(page, 1);
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(() => barValues(page, 1)).not.toEqual(before);
  // The headline moved with it: the same edit.
  await expect(page.getByRole('textbox', { name: 'Trend growth (%)' })).not.toHaveValue('0');
});

test('goal seek: total in 2032 = 30 by trend growth, Apply makes it the headline, Ctrl+Z restores the old one', async ({ page }) => {
  await openAnalysis(page);
  const previous = await headlineTotal(page);
  await page.getByLabel(/^Target value/).fill('30');
  await page.getByRole('button', { name: 'Solve' }).click();
  const answer = page.locator('.an-goal-answer [role="status"]');
  await expect(answer).toHaveText(/^Trend growth of \+\d+\.\d\d% reaches \$30\.0 B in 2032\.$/);
  await expect(page.locator('.an-goal-chart').getByText(/^With Trend growth/)).toBeVisible();
  await page.getByRole('button', { name: /^Apply Trend growth/ }).click();
  const applied = await headlineChangedFrom(page, previous);
  expect(Math.abs(applied - 30) / 30).toBeLessThanOrEqual(1e-6);
  await expect(page.getByText(/^Applied: Trend growth is now/)).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect.poll(() => headlineTotal(page)).toBe(previous);
});

test('calibration to the 5.2% CAGR and “over $20 B in 2028” claims: Accept moves the numbers back, Undo restores; Reject leaves the headline', async ({ page }) => {
  // Away from the consensus first: a smaller market.
  await setNumber(page, 'Market size 2025', '14');
  await openAnalysis(page);
  const moved = await headlineTotal(page);
  const calibration = page.locator('.an-calibration');
  await calibration.getByRole('checkbox', { name: /^CAGR 5\.2% 2025–2032/ }).check();
  await calibration.getByRole('checkbox', { name: /^Over \$20 B by 2028/ }).check();
  await calibration.getByRole('button', { name: 'Calibrate' }).click();
  await expect(calibration.getByRole('status').first()).toHaveText('These values meet both claims.');
  const proposed = calibration.getByRole('table', { name: 'Proposed values' });
  await expect(proposed.getByRole('row', { name: /^Market size 2025/ })).toContainText('$14.0 B');

  // Reject: nothing moves.
  await calibration.getByRole('button', { name: 'Reject' }).click();
  await expect(calibration.getByText('Rejected: nothing changed.')).toBeVisible();
  expect(await headlineTotal(page)).toBe(moved);
  await expect(proposed).toHaveCount(0);

  // Accept: the consensus's size back, the headline with it; Ctrl+Z restores.
  await calibration.getByRole('button', { name: 'Calibrate' }).click();
  await calibration.getByRole('button', { name: 'Accept' }).click();
  const accepted = await headlineChangedFrom(page, moved);
  expect(accepted).toBeGreaterThan(moved);
  await expect(calibration.getByText(/^Accepted: Market size 2025 \$17\.2 B/)).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect.poll(() => headlineTotal(page)).toBe(moved);

  // All three size claims: no single definition meets them, said plainly.
  await calibration.getByRole('checkbox', { name: /^About \$6 B by 2028/ }).check();
  await calibration.getByRole('button', { name: 'Calibrate' }).click();
  await expect(calibration.getByRole('status').first()).toContainText('No single market definition meets all three claims: the best fit still misses');
});

test('present mode: T shows the tornado of the scenario on screen, T hides it', async ({ page }) => {
  await page.keyboard.press('p');
  const present = page.getByTestId('present-mode');
  await expect(present).toBeVisible();
  await page.keyboard.press('t');
  const region = present.getByRole('region', { name: 'Tornado' });
  await expect(region.getByRole('figure', { name: 'Tornado of Total market in 2032' })).toBeVisible();
  await expect(region.getByRole('listitem').first()).toContainText('Trend growth');
  await expect(present.getByRole('region', { name: 'Charts' })).toHaveCount(0);
  await page.keyboard.press('t');
  await expect(region).toHaveCount(0);
  await expect(present.getByRole('region', { name: 'Charts' })).toBeVisible();
});
