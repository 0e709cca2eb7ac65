import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { openApp, withoutFileSystemAccess } from './support';

/**
 * Claims as targets on the Analysis view, in the production build (issue 11): a claim added from
 * the form is checked against the scenario on screen and drawn on the Model view's total chart;
 * it is edited, removed, brought back by Ctrl+Z; a wrong value is refused with a message naming
 * the field; and the claim is in the saved file and survives a reload (the autosave).
 */

test.beforeEach(async ({ page }) => {
  await withoutFileSystemAccess(page);
  await openApp(page);
});

const views = (page: Page) => page.getByRole('navigation', { name: 'Views' });
const claimsTable = (page: Page) => page.getByRole('table', { name: 'Claims' });
const form = (page: Page) => page.getByRole('form');
const row = (page: Page, id: string) => page.locator(`tr[data-claim-id="${id}"]`);
/** The claim's marker on the Model view's total chart. */
const marker = (page: Page, id: string) => page.getByTestId('total-chart').locator(`[data-claim-id="${id}"]`);

async function openAnalysis(page: Page): Promise<void> {
  await views(page).getByRole('button', { name: 'Analysis' }).click();
  await expect(claimsTable(page)).toBeVisible();
}

test('a claim added on the Analysis view is checked, drawn on the total chart, edited, removed, brought back by Ctrl+Z, and kept in the file and on reload', async ({ page }) => {
  await openAnalysis(page);
  await expect(page.getByRole('region', { name: 'Analysis' })).toContainText('of “Report consensus”');

  // Add "2030 ≥ 22" with the keyboard: the form opens on its first box, Enter saves.
  await page.getByRole('button', { name: 'Add claim' }).click();
  const label = form(page).getByLabel('Label');
  await expect(label).toBeFocused();
  await label.fill('2030 ≥ 22');
  await form(page).getByLabel('Year').fill('2030');
  await form(page).getByLabel('Condition').selectOption('atLeast');
  // A value that is not a size: refused, the field named, nothing added.
  await form(page).getByLabel(/^Value/).fill('-22');
  await form(page).getByLabel(/^Value/).press('Enter');
  await expect(page.getByRole('alert')).toHaveText('Value: must be a size of 0 or more, not -22');
  await expect(form(page).getByLabel(/^Value/)).toBeFocused();
  await expect(row(page, '2030-22')).toHaveCount(0);
  await form(page).getByLabel(/^Value/).fill('22');
  await form(page).getByLabel('Source').fill('Our board’s target');
  await form(page).getByLabel(/^Value/).press('Enter');

  const added = row(page, '2030-22');
  await expect(added).toContainText('2030 ≥ $22 B');
  await expect(added).toContainText('✓ met');
  await expect(page.getByRole('button', { name: 'Edit claim 2030 ≥ 22' })).toBeFocused();

  // On the Model view's total chart, as a met claim.
  await views(page).getByRole('button', { name: 'Model' }).click();
  await expect(marker(page, '2030-22')).toHaveAttribute('data-status', 'met');

  // Edited to 23 (above the forecast): missed, by how much, and so marked on the chart.
  await openAnalysis(page);
  await page.getByRole('button', { name: 'Edit claim 2030 ≥ 22' }).click();
  await form(page).getByLabel(/^Value/).fill('23');
  await form(page).getByRole('button', { name: 'Save claim' }).click();
  await expect(row(page, '2030-22')).toContainText('✗ missed');
  await expect(row(page, '2030-22')).toContainText(/too low, forecast \$22\.\d B/);
  await views(page).getByRole('button', { name: 'Model' }).click();
  await expect(marker(page, '2030-22')).toHaveAttribute('data-status', 'missed');

  // Removed, then Ctrl+Z brings it back (outside a text box).
  await openAnalysis(page);
  await page.getByRole('button', { name: 'Remove claim 2030 ≥ 22' }).click();
  await expect(row(page, '2030-22')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(row(page, '2030-22')).toContainText('2030 ≥ $23 B');

  // In the saved file.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const saved = JSON.parse(readFileSync((await (await download).path())!, 'utf8')) as { claims: unknown[] };
  expect(saved.claims).toContainEqual({ id: '2030-22', label: '2030 ≥ 22', metric: 'size', year: 2030, op: 'atLeast', value: 23, source: 'Our board’s target' });

  // Autosaved: a reload keeps it.
  await page.waitForTimeout(1000);
  await page.reload();
  await expect(page.getByTestId('headline-total')).toBeVisible();
  await expect(marker(page, '2030-22')).toHaveAttribute('data-status', 'missed');
  await openAnalysis(page);
  await expect(row(page, '2030-22')).toContainText('✗ missed');
});

test('Escape cancels an edit and the odds appear once the simulation has finished', async ({ page }) => {
  await openAnalysis(page);
  const over20 = row(page, 'size-2028-over-20');
  await expect(over20.locator('.an-probability')).toHaveText(/^\d+%$/, { timeout: 20_000 });
  await page.getByRole('button', { name: 'Edit claim Over $20 B by 2028' }).click();
  await form(page).getByLabel(/^Value/).fill('99');
  await page.keyboard.press('Escape');
  await expect(form(page)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Edit claim Over $20 B by 2028' })).toBeFocused();
  await expect(over20).toContainText('2028 ≥ $20 B');
});
