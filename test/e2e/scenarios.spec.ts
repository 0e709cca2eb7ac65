import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { headlineChangedFrom, headlineTotal, openApp, setNumber, withoutFileSystemAccess } from './support';

const picker = (page: Page) => page.getByRole('combobox', { name: 'Scenario', exact: true });

async function createScenario(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Scenarios', exact: true }).click();
  await page.getByRole('textbox', { name: 'New scenario name' }).fill(name);
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(picker(page).locator('option:checked')).toHaveText(name);
  await page.getByRole('button', { name: 'Model', exact: true }).click();
}

/** The end-year total of every scenario, by name, as the headline shows it. */
async function everyTotal(page: Page): Promise<Record<string, number>> {
  const names = await picker(page).locator('option').allTextContents();
  const totals: Record<string, number> = {};
  for (const name of names) {
    const before = await picker(page).inputValue();
    await picker(page).selectOption({ label: name });
    if ((await picker(page).inputValue()) !== before) await page.waitForTimeout(150);
    await expect(page.getByTestId('headline-total')).toBeVisible();
    totals[name] = await headlineTotal(page);
  }
  return totals;
}

test('three scenarios: build, compare, bridge bear to base, save, reopen from file and from autosave', async ({ page, browser }) => {
  test.slow(); // three scenarios built, then every total read back three times, in two browsers
  await withoutFileSystemAccess(page);
  await openApp(page);
  const base = await headlineTotal(page);

  await createScenario(page, 'Bear case');
  await setNumber(page, 'Trend growth', '-2');
  const bear = await headlineChangedFrom(page, base);
  await page.getByRole('checkbox', { name: 'Advances in AI algorithms and deep learning enabled' }).uncheck();
  const bearer = await headlineChangedFrom(page, bear);

  await picker(page).selectOption({ label: 'Report consensus' });
  await createScenario(page, 'Bull case');
  await setNumber(page, 'Trend growth', '1.5');
  const bull = await headlineChangedFrom(page, base);
  expect(bull).toBeGreaterThan(base);
  expect(bearer).toBeLessThan(base);

  // Compare all of them: overlaid totals, a delta table, the assumptions that differ.
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const compare = page.getByTestId('compare-view');
  await expect(compare.getByTestId('delta-table')).toContainText('Bear case');
  await expect(compare.getByTestId('delta-table')).toContainText('Bull case');
  await expect(compare.getByTestId('assumption-diff')).toContainText('Trend growth');

  // The bridge explains bear vs base, step by step, adding up exactly to the difference.
  const bridge = compare.getByTestId('bridge-chart');
  await bridge.getByRole('combobox', { name: 'From', exact: true }).selectOption({ label: 'Report consensus' });
  await bridge.getByRole('combobox', { name: 'to', exact: true }).selectOption({ label: 'Bear case' });
  const bars = bridge.locator('[data-step-id]');
  await expect(bars.first()).toBeVisible();
  const deltas = (await bars.evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-delta'))))).filter(Number.isFinite);
  const sum = deltas.reduce((a, b) => a + b, 0);
  expect(Math.abs(sum - (bearer - base))).toBeLessThan(1e-9 * base);
  await expect(bridge.locator('[data-step-id="growth"]')).toHaveCount(1);
  await expect(bridge.locator('[data-step-id="driver:ai-advances"]')).toHaveCount(1);
  await page.screenshot({ path: 'reports/screenshots/compare-1440x900.png' });

  await page.getByRole('button', { name: 'Model', exact: true }).click();
  const totals = await everyTotal(page);
  // A new scenario is placed right after the one it was made from.
  expect(Object.keys(totals)).toEqual(['Report consensus', 'Bull case', 'Bear case', 'Narrow definition ($6 B by 2028)']);

  // Save to a file…
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const saved = readFileSync(await (await download).path(), 'utf8');

  // …close the browser, and reopen from the file in a fresh one: every number comes back.
  const context = await browser.newContext();
  const fresh = await context.newPage();
  await withoutFileSystemAccess(fresh);
  await openApp(fresh);
  const chooser = fresh.waitForEvent('filechooser');
  await fresh.getByRole('button', { name: 'Open…' }).click();
  await (await chooser).setFiles({ name: 'scenarios.slidecast.json', mimeType: 'application/json', buffer: Buffer.from(saved) });
  await expect(picker(fresh).locator('option')).toHaveCount(4);
  expect(await everyTotal(fresh)).toEqual(totals);
  await context.close();

  // …and from autosave, after a reload.
  await page.waitForTimeout(1000);
  await page.reload();
  await expect(page.getByTestId('headline-total')).toBeVisible();
  expect(await everyTotal(page)).toEqual(totals);
});

test('rename, reorder, and delete with undo', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Scenarios', exact: true }).click();
  const names = page.getByRole('textbox', { name: /^Name of scenario/ });
  await names.first().fill('Base case');
  await names.first().press('Enter');
  await expect(picker(page).locator('option').first()).toHaveText('Base case');

  await page.getByRole('button', { name: 'Move Base case down' }).click();
  await expect(picker(page).locator('option').first()).toHaveText('Narrow definition ($6 B by 2028)');

  await page.getByRole('button', { name: 'Delete Base case' }).click();
  await expect(picker(page).locator('option')).toHaveCount(1);
  await expect(page.getByRole('status')).toContainText('Deleted “Base case”');
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect(picker(page).locator('option')).toHaveCount(2);
  await expect(picker(page).locator('option').nth(1)).toHaveText('Base case');

  // The last scenario cannot be deleted.
  await page.getByRole('button', { name: 'Delete Base case' }).click();
  await expect(page.getByRole('button', { name: 'Delete Narrow definition ($6 B by 2028)' })).toBeDisabled();

  // Keyboard switching: the scenario picker is a native select.
  await picker(page).focus();
  await expect(picker(page)).toBeFocused();
});
