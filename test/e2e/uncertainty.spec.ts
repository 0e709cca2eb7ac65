/**
 * Uncertainty from end to end (issue 10), on the production build with the worker pool: a range
 * dragged wider widens the fan and the 80% interval; a slider moved moves the fan while the sample
 * count climbs back; the claims carry their odds; and the app's forecast CSV — p50 rows and all —
 * is the very text the command line writes for the same workspace and seed.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { seedWorkspace } from '../../src/model/seedWorkspace';
import { dragBy, END_WIDTH, openApp, withoutFileSystemAccess } from './support';

const FINISHED = '10,000 samples';

/** Waits for the run of the scenario on screen to reach its 10,000 samples. */
async function simulated(page: Page): Promise<void> {
  await expect(page.getByTestId('sample-count').getByRole('status')).toHaveText(FINISHED, { timeout: 20_000 });
}

/** The end year's 80% interval the headline states, in billions: [low, high]. */
async function headlineInterval(page: Page): Promise<[number, number]> {
  const text = (await page.getByTestId('headline-interval').textContent()) ?? '';
  const match = /\$([\d.]+) B – \$([\d.]+) B/.exec(text);
  if (!match) throw new Error(`no interval in the headline: ${text}`);
  return [Number(match[1]), Number(match[2])];
}

/** The vertical extent of the fan's outer (5–95%) band on the total chart, in pixels. */
async function outerBandHeight(page: Page): Promise<number> {
  return page.locator('[data-fan-band="5–95%"]').evaluate((path) => (path as SVGPathElement).getBBox().height);
}

test.beforeEach(async ({ page }) => {
  await withoutFileSystemAccess(page);
  await openApp(page);
  await simulated(page);
});

test('dragging a range end wider widens the fan and the 80% interval', async ({ page }) => {
  const [low, high] = await headlineInterval(page);
  const band = await outerBandHeight(page);
  await dragBy(page, page.getByRole('slider', { name: 'Trend growth, high', exact: true }), 50, END_WIDTH);
  await dragBy(page, page.getByRole('slider', { name: 'Trend growth, low', exact: true }), -50, END_WIDTH);
  await expect.poll(async () => (await headlineInterval(page))[1] - (await headlineInterval(page))[0]).toBeGreaterThan(high - low + 0.5);
  await simulated(page);
  const [wideLow, wideHigh] = await headlineInterval(page);
  expect(wideLow).toBeLessThan(low);
  expect(wideHigh).toBeGreaterThan(high);
  expect(await outerBandHeight(page)).toBeGreaterThan(band);
});

test('moving a slider moves the fan while the sample count climbs back to its target', async ({ page }) => {
  const median = page.getByTestId('total-median');
  const before = await median.getAttribute('d');
  const [low] = await headlineInterval(page);
  const counts: string[] = [];
  await page.exposeFunction('recordCount', (text: string) => counts.push(text));
  await page.evaluate(() => {
    const indicator = document.querySelector('[data-testid="sample-count"]')!;
    const record = (window as unknown as { recordCount: (text: string) => void }).recordCount;
    new MutationObserver(() => record(indicator.firstChild?.textContent ?? '')).observe(indicator, { subtree: true, childList: true, characterData: true });
  });
  await page.getByRole('slider', { name: 'Trend growth', exact: true }).focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  // The count may still read the old run's total for a moment: wait for the fan to move first.
  await expect(median).not.toHaveAttribute('d', before ?? '', { timeout: 20_000 });
  await simulated(page);
  expect((await headlineInterval(page))[0]).toBeGreaterThan(low);
  // The count climbed back: estimates of part of the samples were shown on the way.
  expect(counts.some((text) => /^[\d,]+ of 10,000 samples$/.test(text))).toBe(true);
});

test('every checkable claim carries its odds in the headline’s list and on the chart’s markers', async ({ page }) => {
  await page.getByText('Which claims?').click();
  const odds = await page.locator('.claim-odds').allTextContents();
  expect(odds.length).toBeGreaterThan(0);
  expect(odds.some((text) => /^P\(2028 ≥ \$20(\.0)? B\) (= \d+%|[<>] \d+%)$/.test(text))).toBe(true);
  const markerTitles = await page.locator('[data-testid="total-chart"] title').allTextContents();
  expect(markerTitles.some((title) => /P\(2028 .*\) (=|<|>) \d+%/.test(title))).toBe(true);
});

test('the app’s forecast CSV, percentile rows and all, is the command line’s for the same seed', async ({ page }, testInfo) => {
  const workspaceFile = testInfo.outputPath('seed.slidecast.json');
  writeFileSync(workspaceFile, JSON.stringify(seedWorkspace()));
  const settings = seedWorkspace().scenarios[0]!.model.simulation;
  const cli = spawnSync(
    './node_modules/.bin/tsx',
    ['src/cli/forecast.ts', workspaceFile, '--samples', String(settings.samples), '--seed', String(settings.seed), '--format', 'csv'],
    { encoding: 'utf8' },
  );
  expect(cli.status, cli.stderr).toBe(0);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download forecast (CSV)' }).click();
  // The app's file starts with a byte-order mark, for spreadsheets; then the command line's text.
  const app = readFileSync(await (await download).path(), 'utf8').replace(/^\uFEFF/, '');
  const p50 = (csv: string) => csv.split('\n').find((line) => line.startsWith('total:p50,'));
  expect(p50(app), 'the app’s CSV has the total’s p50 row').toBeDefined();
  expect(p50(app)).toBe(p50(cli.stdout));
  expect(app).toBe(cli.stdout);
});
