import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openApp } from './support';

/**
 * Every screen checked with axe-core against WCAG 2.1 A and AA (contrast included: the app must
 * read on a washed-out projector). Any violation fails, with its rule and the elements named.
 */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 4).join(', ')}`);
}

/** Opens every collapsed group, nested ones too (a nested group shows once its parent is open). */
async function openAll(page: Page): Promise<void> {
  const closed = page.locator('details:not([open]) > summary:visible');
  for (let opened = 0; opened < 200 && (await closed.count()) > 0; opened++) await closed.first().click();
}

test.beforeEach(async ({ page }) => openApp(page));

test('the model screen, every group open, has no WCAG A/AA violations', async ({ page }) => {
  await openAll(page);
  expect(await violations(page)).toEqual([]);
});

for (const view of ['Scenarios', 'Compare', 'Structure', 'Analysis'] as const) {
  test(`the ${view} view has no WCAG A/AA violations`, async ({ page }) => {
    await page.getByRole('button', { name: view, exact: true }).click();
    if (view === 'Compare') await expect(page.getByTestId('delta-table')).toBeVisible();
    if (view === 'Analysis') await expect(page.getByRole('table', { name: 'Claims' })).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });
}

test('the Analysis view with a claim’s form open and refused has no WCAG A/AA violations', async ({ page }) => {
  await page.getByRole('button', { name: 'Analysis', exact: true }).click();
  await page.getByRole('button', { name: 'Edit claim Over $20 B by 2028' }).click();
  await page.getByRole('form').getByLabel('Year').fill('2500');
  await page.getByRole('form').getByRole('button', { name: 'Save claim' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('present mode has no WCAG A/AA violations', async ({ page }) => {
  await page.locator('body').press('p');
  await expect(page.getByTestId('present-mode')).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('the audience window, waiting and following, has no WCAG A/AA violations', async ({ page, context }) => {
  await page.locator('body').press('p');
  await expect(page.getByTestId('present-mode')).toBeVisible();
  const [audience] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('a')]);
  await expect(audience.getByTestId('headline-total')).toBeVisible();
  expect(await violations(audience)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(audience.getByRole('status')).toHaveText('Waiting for the presenter…');
  expect(await violations(audience)).toEqual([]);
});

test('every slider has a name, and the keyboard reaches them', async ({ page }) => {
  await openAll(page);
  const sliders = page.getByRole('slider');
  const count = await sliders.count();
  expect(count).toBeGreaterThan(50);
  // Read in one pass: the panel has a slider and two range ends for every ranged number.
  const names = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('input[type="range"], [role="slider"]')].map((el) => {
      const labelledBy = el.getAttribute('aria-labelledby');
      return (
        el.getAttribute('aria-label') ??
        (labelledBy ? labelledBy.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ') : null) ??
        (el as HTMLInputElement).labels?.[0]?.textContent ??
        ''
      );
    }),
  );
  expect(names).toHaveLength(count);
  names.forEach((name, i) => expect(name.trim(), `slider ${i}`).not.toBe(''));
  // Tab from the top lands on controls in order and reaches a slider.
  let reached = false;
  for (let i = 0; i < 40 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type === 'range');
  }
  expect(reached).toBe(true);
});

test('the Analysis view with a bar selected, a goal seek answered and a calibration proposed has no WCAG A/AA violations', async ({ page }) => {
  await page.getByRole('button', { name: 'Analysis', exact: true }).click();
  await page.locator('.tornado-bar').first().click();
  await expect(page.getByRole('slider', { name: 'Trend growth', exact: true })).toBeFocused();
  await page.getByLabel(/^Target value/).fill('30');
  await page.getByRole('button', { name: 'Solve' }).click();
  await expect(page.getByRole('button', { name: /^Apply Trend growth/ })).toBeVisible();
  const calibration = page.locator('.an-calibration');
  await calibration.getByRole('checkbox', { name: /^CAGR 5\.2%/ }).check();
  await calibration.getByRole('checkbox', { name: /^About \$6 B/ }).check();
  await calibration.getByRole('button', { name: 'Calibrate' }).click();
  await expect(calibration.getByRole('table', { name: 'Proposed values' })).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('present mode’s tornado (T) has no WCAG A/AA violations', async ({ page }) => {
  await page.locator('body').press('p');
  await expect(page.getByTestId('present-mode').getByRole('slider').first()).toBeFocused();
  await page.keyboard.press('t');
  await expect(page.getByRole('region', { name: 'Tornado' }).getByRole('listitem').first()).toBeVisible();
  expect(await violations(page)).toEqual([]);
});
