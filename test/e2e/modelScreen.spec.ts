import { expect, test, type Page } from '@playwright/test';

/** The end-year total the app shows, in model units, read from the headline's raw value. */
async function headlineTotal(page: Page): Promise<number> {
  const value = await page.getByTestId('headline-total').getAttribute('data-value');
  return Number(value);
}

async function openGroup(page: Page, name: string) {
  const group = page.locator('details.group', { has: page.getByRole('heading', { name }) });
  if ((await group.getAttribute('open')) === null) await group.locator('summary').first().click();
  return group;
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('headline-total')).toBeVisible();
});

test('opens on the seed forecast, computed in a worker', async ({ page }) => {
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await page.reload();
  await expect(page.getByTestId('headline-total')).toBeVisible();
  // 17.18 × 1.052^7: the report consensus reaches about $24.5 B in 2032.
  expect(await headlineTotal(page)).toBeCloseTo(17.18 * 1.052 ** 7, 6);
  await expect(page.getByTestId('headline-cagr')).toHaveText(/5[.,]2\s?%/);
  expect(workers.length).toBeGreaterThan(0);
  await expect(page.getByText(/running on the main thread/)).toHaveCount(0);
});

test('dragging and arrow keys on the trend-growth slider move the headline', async ({ page }) => {
  const before = await headlineTotal(page);
  const slider = page.getByRole('slider', { name: 'Trend growth', exact: true });
  await expect(slider).toBeVisible();

  const box = (await slider.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + box.width / 2 + i * 8, box.y + box.height / 2);
  await page.mouse.up();
  await expect.poll(() => headlineTotal(page)).toBeGreaterThan(before);

  const afterDrag = await headlineTotal(page);
  await slider.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
  await expect.poll(() => headlineTotal(page)).toBeLessThan(afterDrag);
});

test('moving a region share rebalances its siblings and leaves the total alone', async ({ page }) => {
  const group = await openGroup(page, 'Region');
  const before = await headlineTotal(page);
  const europe = group.getByRole('textbox', { name: 'Region: Europe share (%)' });
  await expect(europe).toHaveValue('30');

  const northAmerica = group.getByRole('textbox', { name: 'Region: North America share (%)' });
  await northAmerica.fill('50');
  await northAmerica.press('Enter');

  // The other 60% shrinks to 50% in proportion: Europe 30% → 25%.
  await expect(europe).toHaveValue('25');
  await expect(group.getByRole('slider', { name: 'Region: North America share', exact: true })).toHaveValue('0.5');
  expect(await headlineTotal(page)).toBe(before);
});

test('a locked share does not move when a sibling does', async ({ page }) => {
  const group = await openGroup(page, 'Region');
  await group.getByRole('button', { name: 'Lock Region: Europe share' }).click();
  const northAmerica = group.getByRole('textbox', { name: 'Region: North America share (%)' });
  await northAmerica.fill('45');
  await northAmerica.press('Enter');
  await expect(group.getByRole('textbox', { name: 'Region: Europe share (%)' })).toHaveValue('30');
  await expect(group.getByRole('textbox', { name: 'Region: Asia-Pacific share (%)' })).not.toHaveValue('20');

  // A lock lasts while the page is open: a trip to another view does not forget it.
  await page.getByRole('button', { name: 'Scenarios', exact: true }).click();
  await page.getByRole('button', { name: 'Model', exact: true }).click();
  const region = await openGroup(page, 'Region');
  await expect(region.getByRole('button', { name: 'Lock Region: Europe share' })).toHaveAttribute('aria-pressed', 'true');

  // The Structure view honours the same locks.
  await page.getByRole('button', { name: 'Structure', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Lock Region: Europe share' })).toHaveAttribute('aria-pressed', 'true');
});

test('the number box refuses text that is not a number, and says so', async ({ page }) => {
  const box = page.getByRole('textbox', { name: /^Trend growth/ });
  await box.fill('abc');
  await box.press('Enter');
  await expect(page.getByRole('alert')).toContainText('not a number');
});

test('a size pasted from a report, with its currency and scale, is read into the model’s unit', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const box = page.getByRole('textbox', { name: /^Market size 2025/ });
  await page.evaluate(() => navigator.clipboard.writeText('USD 6,200 million'));
  await box.selectText();
  await page.keyboard.press('ControlOrMeta+V');
  await box.press('Enter');
  await expect(page.getByRole('alert')).toContainText('Write 6200 or 6.200');
  await page.evaluate(() => navigator.clipboard.writeText('$6.2 B'));
  await box.selectText();
  await page.keyboard.press('ControlOrMeta+V');
  await box.press('Enter');
  await expect(box).toHaveValue('6.2');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('switching off a driver lowers the forecast', async ({ page }) => {
  const before = await headlineTotal(page);
  await page.getByRole('checkbox', { name: 'Advances in AI algorithms and deep learning enabled' }).uncheck();
  await expect.poll(() => headlineTotal(page)).toBeLessThan(before);
});

test('charts draw, and drilling into a region shows its countries', async ({ page }) => {
  const total = page.getByTestId('total-chart');
  await expect(total).toBeVisible();
  const linePath = await total.locator('path').first().getAttribute('d');
  expect(linePath?.length ?? 0).toBeGreaterThan(20);
  // The report's "over $20 B by 2028" claim is marked on the total chart, and met.
  await expect(total.locator('[data-claim-id="size-2028-over-20"]')).toHaveAttribute('data-status', 'met');

  const breakdown = page.getByRole('region', { name: 'Breakdown' });
  await breakdown.getByRole('button', { name: 'Region', exact: true }).click();
  const chart = breakdown.getByTestId('stacked-area-chart');
  await expect(chart.locator('[data-series-key]')).toHaveCount(5);

  await breakdown.getByRole('button', { name: /Asia-Pacific/ }).first().click();
  await expect(chart.locator('[data-series-key]')).toHaveCount(9);
  await expect(breakdown.locator('li[data-series-key="region/apac/cn"]')).toContainText('China');

  await page.screenshot({ path: 'reports/screenshots/model-screen.png', fullPage: false });
});

test('the breakdown shows the report’s eleven key players and Others by vendor, each named in the legend and the table', async ({ page }) => {
  const breakdown = page.getByRole('region', { name: 'Breakdown' });
  await breakdown.getByRole('button', { name: 'Vendor', exact: true }).click();
  await expect(breakdown.getByRole('heading', { level: 2 })).toHaveText('By vendor');
  const chart = breakdown.getByTestId('stacked-area-chart');
  await expect(chart.locator('[data-series-key]')).toHaveCount(12);
  const legend = breakdown.getByRole('list', { name: 'Legend' });
  const vendors = ['GE Healthcare', 'IBM Watson Health', 'Philips Healthcare', 'Samsung', 'Medtronic', 'NVIDIA', 'Alibaba Cloud', 'SenseTime', 'Pvmed', 'Neusoft', 'PereDoc', 'Others'];
  await expect(legend.getByRole('listitem')).toHaveText(vendors);
  // Every legend entry is on screen at once, in full, none cut off.
  await legend.scrollIntoViewIfNeeded();
  for (const item of await legend.getByRole('listitem').all()) {
    await expect(item).toBeInViewport();
    expect(await item.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  }
  const table = page.getByTestId('member-table');
  for (const name of vendors) await expect(table.locator('tr[data-series^="vendor/"]', { hasText: name }).first()).toBeVisible();
  await page.screenshot({ path: 'reports/screenshots/model-screen-vendor.png', fullPage: false });
});

test('“Which claims?” lists the claims, then the report’s statements with no check, all inside a 1024 px window', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.getByText('Which claims?').click();
  const list = page.getByRole('list', { name: 'Claims' });
  await expect(list.getByRole('listitem')).toHaveCount(8 + 5);
  await expect(list.getByRole('listitem').filter({ hasText: /^– no check/ })).toHaveCount(5);
  await expect(list.getByRole('listitem').nth(8)).toContainText('GE Healthcare share: Global AI in Medical Imaging Diagnosis Market');
  const box = (await list.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(1024);
  await page.screenshot({ path: 'reports/screenshots/claims-1024.png' });
});

test('when no worker can start, the engine runs on the main thread, says so once, and still follows the sliders', async ({ page }) => {
  await page.addInitScript(() => Object.defineProperty(window, 'Worker', { value: undefined }));
  await page.reload();
  await expect(page.getByTestId('headline-total')).toBeVisible();
  const notice = page.getByText(/running on the main thread/);
  await expect(notice).toHaveCount(1);
  const before = await headlineTotal(page);
  const box = page.getByRole('textbox', { name: /^Trend growth \(/ });
  await box.fill('2');
  await box.press('Enter');
  await expect.poll(() => headlineTotal(page)).toBeCloseTo(17.18 * 1.072 ** 7, 9);
  expect(await headlineTotal(page)).not.toBe(before);
  await expect(notice).toHaveCount(1);
});
