import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { headlineTotal, openApp, withoutFileSystemAccess } from './support';

test.beforeEach(async ({ page }) => {
  await withoutFileSystemAccess(page);
  await openApp(page);
});

/** Clicks a text box, selects what it holds and types over it — as a person does. */
async function typeOver(box: Locator, text: string, then: 'Enter' | 'Tab' | null = 'Enter'): Promise<void> {
  await box.click();
  await box.press('Control+a');
  await box.page().keyboard.type(text);
  if (then) await box.press(then);
}

const textbox = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });
const toolbarButton = (page: Page, name: 'Undo' | 'Redo') => page.getByRole('toolbar', { name: 'File and history' }).getByRole('button', { name });

test('a two-dimension model of another market, built from a blank workspace with mouse and keyboard, saves and reopens with the same forecast', async ({
  page,
  browser,
}) => {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Structure' }).click();
  await page.getByRole('button', { name: 'Blank' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Untitled market');
  await expect(page.getByText('No dimensions: the model is one total.')).toBeVisible();

  // The market: name, unit, years, size, trend.
  await typeOver(textbox(page, 'Workspace title'), 'Cold brew coffee, Europe');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cold brew coffee, Europe');
  await typeOver(page.getByRole('combobox', { name: 'Unit' }), 'EUR m');
  await typeOver(page.getByRole('spinbutton', { name: 'Base year' }), '2025', 'Tab');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('2020');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toHaveText('The end year (2020) must be after the base year (2025)');
  await typeOver(page.getByRole('spinbutton', { name: 'End year' }), '2030');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await typeOver(textbox(page, 'Market size 2025 (EUR m)'), '850');
  await typeOver(textbox(page, 'Trend growth (%)'), '6');
  await expect.poll(() => headlineTotal(page)).toBeCloseTo(850 * 1.06 ** 5, 6);

  // Two dimensions: Channel in equal thirds, then Country, with Italy added at 20%.
  await page.getByRole('textbox', { name: 'New dimension' }).click();
  await page.keyboard.type('Channel');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Retail, Online, Food service');
  await page.keyboard.press('Enter');
  await expect(textbox(page, 'Channel: Retail share (%)')).toHaveValue('33.333');
  await page.getByRole('textbox', { name: 'New dimension' }).click();
  await page.keyboard.type('Country');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Germany, France');
  await page.keyboard.press('Enter');
  await typeOver(textbox(page, 'Share of the new member of Country (%)'), '20', null);
  await typeOver(textbox(page, 'New member of Country'), 'Italy');
  await expect(textbox(page, 'Country: Germany share (%)')).toHaveValue('40');
  await expect(textbox(page, 'Country: Italy share (%)')).toHaveValue('20');

  // Retail is half the market; the other channels make room in proportion.
  await typeOver(textbox(page, 'Channel: Retail share (%)'), '50');
  await expect(textbox(page, 'Channel: Online share (%)')).toHaveValue('25');
  // A misspelt member is renamed in place; the order changes with the arrows.
  await typeOver(textbox(page, 'Name of Food service'), 'Foodservice');
  await page.getByRole('button', { name: 'Move Foodservice up' }).click();
  const channels = () => page.locator('[data-list="channel"] > ul > li > .st-row input.st-name').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  await expect.poll(channels).toEqual(['Retail', 'Foodservice', 'Online']);

  // A driver, and its undo.
  await textbox(page, 'New driver').click();
  await page.keyboard.type('Ready-to-drink trend');
  await page.keyboard.press('Tab');
  await page.keyboard.type('2');
  await page.keyboard.press('Enter');
  // The driver acts from 2026, the year after the base year: 8% a year in all five years.
  const withDriver = 850 * 1.08 ** 5;
  await expect.poll(() => headlineTotal(page)).toBeCloseTo(withDriver, 6);
  await toolbarButton(page, 'Undo').click();
  await expect.poll(() => headlineTotal(page)).toBeCloseTo(850 * 1.06 ** 5, 6);
  await toolbarButton(page, 'Redo').click();
  await expect.poll(() => headlineTotal(page)).toBeCloseTo(withDriver, 6);

  // The Model view shows the new market: its sliders, its dimensions.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Model' }).click();
  await page.getByRole('heading', { name: 'Country', level: 2, exact: true }).click();
  await expect(page.getByRole('slider', { name: 'Country: Italy share', exact: true })).toBeVisible();
  await expect(page.getByRole('slider', { name: 'Ready-to-drink trend', exact: true })).toBeVisible();
  const before = await headlineTotal(page);
  expect(before).toBeCloseTo(withDriver, 6);

  // Save (a download in this browser), then open the file in a colleague's fresh browser.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const path = await (await download).path();
  const json = JSON.parse(readFileSync(path, 'utf8'));
  expect(json.title).toBe('Cold brew coffee, Europe');
  const model = json.scenarios[0].model;
  expect(model).toMatchObject({ unit: 'EUR m', baseYear: 2025, endYear: 2030, baseSize: { value: 850 } });
  expect(model.dimensions.map((d: { name: string }) => d.name)).toEqual(['Channel', 'Country']);
  expect(model.dimensions[0].members.map((m: { id: string; name: string }) => [m.id, m.name])).toEqual([
    ['retail', 'Retail'],
    ['food-service', 'Foodservice'],
    ['online', 'Online'],
  ]);
  await expect(page.getByTestId('unsaved-marker')).toHaveCount(0);

  const context = await browser.newContext();
  const colleague = await context.newPage();
  await withoutFileSystemAccess(colleague);
  await openApp(colleague);
  const chooser = colleague.waitForEvent('filechooser');
  await colleague.getByRole('button', { name: 'Open…' }).click();
  await (await chooser).setFiles({ name: 'cold-brew.slidecast.json', mimeType: 'application/json', buffer: readFileSync(path) });
  await expect.poll(() => headlineTotal(colleague)).toBe(before);
  await expect(colleague.getByRole('heading', { level: 1 })).toHaveText('Cold brew coffee, Europe');
  await colleague.getByRole('heading', { name: 'Channel', level: 2, exact: true }).click();
  await expect(colleague.getByRole('textbox', { name: 'Channel: Retail share (%)' })).toHaveValue('50');
  await context.close();
});

test('shares imported from a pasted spreadsheet range: previewed, refused row by row, then applied as one undoable edit', async ({ page }) => {
  const total = await headlineTotal(page);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Structure' }).click();
  await page.getByLabel('Into', { exact: true }).selectOption({ label: 'Region' });
  const rows = page.getByRole('textbox', { name: 'Rows to import (paste cells from a spreadsheet, or CSV)' });

  // A range with a typo and a bad share: each row says what is wrong; nothing can be imported.
  await rows.fill('Region\tShare\nNorth America\t45%\nEurope\tthirty\nAsia-Pacific\t20%\nLatin Amrica\t6%\nMiddle East & Africa\t4%');
  const preview = page.getByTestId('import-preview');
  await expect(preview.locator('tr[data-row="3"]')).toContainText('“thirty” is not a share (write 40%, 40 or 0.4)');
  await expect(preview.locator('tr[data-row="5"]')).toContainText('“Latin Amrica” is not a member of Region');
  await expect(preview.getByRole('alert').first()).toContainText('2 problems to fix before importing');
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();

  // Corrected: the preview shows each share read and the share now.
  await rows.fill('Region\tShare\nNorth America\t45%\nEurope\t25%\nAsia-Pacific\t20%\nLatin America\t6%\nMiddle East & Africa\t4%');
  await expect(preview.locator('tr[data-row="1"]')).toContainText('Header, skipped');
  await expect(preview.locator('tr[data-row="2"]')).toContainText('45.00%');
  await expect(preview.locator('tr[data-row="2"]')).toContainText('40.00%');
  await expect(preview.getByRole('alert')).toHaveCount(0);
  await page.getByRole('button', { name: 'Import 5 shares' }).click();
  await expect(page.getByTestId('structure-status')).toContainText('Imported 5 shares into Region.');
  await expect(page.getByRole('textbox', { name: 'Region: Europe share (%)', exact: true })).toHaveValue('25');

  // Shares split the total; they do not change it. The Model view shows the new shares.
  expect(await headlineTotal(page)).toBe(total);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Model' }).click();
  await page.getByRole('heading', { name: 'Region', level: 2, exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Region: North America share (%)' })).toHaveValue('45');

  // One undo takes the whole import back.
  await toolbarButton(page, 'Undo').click();
  await expect(page.getByRole('textbox', { name: 'Region: North America share (%)' })).toHaveValue('40');
  await expect(page.getByRole('textbox', { name: 'Region: Europe share (%)' })).toHaveValue('30');
});
