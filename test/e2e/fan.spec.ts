import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { openApp } from './support';

/**
 * The views of uncertainty on the production build: a member's chart chosen from the member table,
 * and, once the worker pool has sent the seed's statistics, the fan on the total chart with its
 * legend and the 80% interval in the year cursor's tooltip, the end-year histogram, and present
 * mode's fan at a projector's 1024×768.
 */

const totalPanel = (page: Page) => page.getByRole('region', { name: 'Total market' });
const memberTable = (page: Page) => page.getByTestId('member-table');

test('a member’s chart from the member table, by pointer and by keyboard, and back to the total', async ({ page }) => {
  await openApp(page);
  const heading = totalPanel(page).getByRole('heading', { level: 2 });
  const chart = page.getByTestId('total-chart');
  await expect(heading).toHaveText('Total market (USD bn)');
  const europe = memberTable(page).getByRole('button', { name: 'Region: Europe', exact: true });
  await expect(europe).toHaveAttribute('aria-pressed', 'false');

  await europe.click();
  await expect(europe).toHaveAttribute('aria-pressed', 'true');
  await expect(heading).toHaveText('Region: Europe (USD bn)');
  await expect(chart).toHaveAttribute('aria-label', /^Region: Europe, USD bn, 2025 to 2032: from \$5\.\d\d B to \$\d\.\d\d B/);
  await europe.click();
  await expect(heading).toHaveText('Total market (USD bn)');
  await expect(memberTable(page).getByRole('button', { name: 'Total market' })).toHaveAttribute('aria-pressed', 'true');

  // The keyboard: Tab moves between the names, Enter or Space shows one.
  await memberTable(page).getByRole('button', { name: 'Region: North America', exact: true }).focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(memberTable(page).getByRole('button', { name: 'Region › North America: Canada', exact: true })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(heading).toHaveText('Region › North America: Canada (USD bn)');
  await totalPanel(page).getByRole('button', { name: 'Back to total' }).click();
  await expect(heading).toHaveText('Total market (USD bn)');
  await expect(totalPanel(page).getByRole('button', { name: 'Back to total' })).toHaveCount(0);
});

// Needs the worker pool that fills the store's statistics (issue 10): the seed ships ranges, so the
// first estimate arrives on its own.
test('the fan, its 80% interval, the end-year histogram and present mode’s fan, from the seed’s simulation', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await openApp(page);
  const fan = totalPanel(page).getByTestId('total-fan');
  await expect(fan).toBeVisible({ timeout: 15_000 });
  await expect(fan.locator('[data-fan-band]')).toHaveCount(3);
  const legend = totalPanel(page).getByRole('list', { name: 'Legend' }).first();
  for (const label of ['5–95%', '10–90%', '25–75%', 'Median']) await expect(legend.getByText(label, { exact: true })).toBeVisible();

  // The year cursor gives the 80% interval beside the value.
  const chart = page.getByTestId('total-chart');
  await chart.focus();
  await page.keyboard.press('End');
  await expect(page.getByTestId('chart-tooltip')).toContainText(/80%\s*\$\d\d\.\d B – \$\d\d\.\d B/);

  const histogram = page.getByTestId('end-year-histogram');
  await histogram.scrollIntoViewIfNeeded();
  await expect(histogram).toBeVisible();
  await expect(histogram.locator('rect.histogram-bar')).toHaveCount(40);
  await expect(histogram).toHaveAttribute('aria-label', /^Total market in 2032, USD bn, distribution of [\d,]+ samples: 80% interval \$\d\d\.\d B – \$\d\d\.\d B; median/);
  await expect(page.getByTestId('histogram-interval-text')).toHaveText(/^80% interval \$\d\d\.\d B – \$\d\d\.\d B$/);
  // The bracket's label stays within the histogram.
  const svgBox = (await histogram.boundingBox())!;
  const labelBox = (await page.getByTestId('histogram-bracket').locator('text').boundingBox())!;
  expect(labelBox.x).toBeGreaterThanOrEqual(svgBox.x - 1);
  expect(labelBox.x + labelBox.width).toBeLessThanOrEqual(svgBox.x + svgBox.width + 1);

  // The chart's exports carry the fan: an SVG that parses with its three bands, a PNG.
  const exportAs = async (item: string) => {
    const next = page.waitForEvent('download');
    await totalPanel(page).getByRole('button', { name: 'Export total market chart' }).click();
    await page.getByRole('menuitem', { name: item }).click();
    return readFileSync(await (await next).path());
  };
  const svg = (await exportAs('SVG')).toString('utf8');
  const parsed = await page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    return { errors: doc.getElementsByTagName('parsererror').length, bands: doc.querySelectorAll('[data-fan-band]').length, median: doc.querySelectorAll('[data-testid="total-median"]').length };
  }, svg);
  expect(parsed).toEqual({ errors: 0, bands: 3, median: 1 });
  const png = await exportAs('PNG (2×)');
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

  // Present mode: the fan on its chart, the chart and its legend inside the window.
  await page.getByRole('button', { name: 'Present', exact: true }).click();
  const present = page.getByTestId('present-mode');
  await expect(present.getByTestId('total-fan')).toBeVisible();
  const presentLegend = present.getByRole('list', { name: 'Legend' }).first();
  await expect(presentLegend.getByText('Median', { exact: true })).toBeVisible();
  for (const box of [await present.getByTestId('total-chart').boundingBox(), await presentLegend.boundingBox()]) {
    expect(box).not.toBeNull();
    expect(box!.y + box!.height).toBeLessThanOrEqual(768);
    expect(box!.x + box!.width).toBeLessThanOrEqual(1024);
  }
});
