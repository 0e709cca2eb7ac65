import { expect, test, type Page } from '@playwright/test';
import { headlineTotal, openApp } from './support';

test.use({ viewport: { width: 1920, height: 1080 } });

test('a whole meeting from the keyboard: present, nudge, switch, ghost, keep, reset, leave', async ({ page }) => {
  await openApp(page);
  const original = await headlineTotal(page);

  await page.locator('body').press('p');
  const present = page.getByTestId('present-mode');
  await expect(present).toBeVisible();
  await expect(present.getByText('Report consensus')).toBeVisible();

  // The first pinned slider has the focus: arrows nudge it, and the headline follows.
  const trend = present.getByRole('slider', { name: 'Trend growth', exact: true });
  await expect(trend).toBeFocused();
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
  // Six steps of 0.05 points: trend growth 0.3%, so 17.18 · (1.052 + 0.003)^7 in 2032.
  await expect(trend).toHaveAttribute('aria-valuetext', '+0.30%');
  await expect.poll(() => headlineTotal(page)).toBeCloseTo(17.18 * 1.055 ** 7, 9);
  const nudged = await headlineTotal(page);
  expect(nudged).toBeGreaterThan(original);

  // Tab reaches the trend's range's ends, then the next pinned slider.
  await page.keyboard.press('Tab');
  await expect(present.getByRole('slider', { name: 'Trend growth, low', exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(present.getByRole('slider', { name: 'Advances in AI algorithms and deep learning', exact: true })).toBeFocused();

  // Number keys switch scenarios; the base scenario's ghost line shows, and B hides it.
  await page.keyboard.press('2');
  await expect(present.getByText('Narrow definition ($6 B by 2028)').first()).toBeVisible();
  await expect(present.locator('[data-ghost-id="consensus"]')).toHaveCount(1);
  await page.keyboard.press('b');
  await expect(present.locator('[data-ghost-id="consensus"]')).toHaveCount(0);
  await page.keyboard.press('1');
  await expect.poll(() => headlineTotal(page)).toBe(nudged);

  // S keeps the state reached as a scenario; R resets the meeting's live edits.
  await page.keyboard.press('s');
  await expect(present.getByRole('status')).toContainText('Kept as scenario');
  await page.keyboard.press('r');
  await expect.poll(() => headlineTotal(page)).toBe(original);

  await page.screenshot({ path: 'reports/screenshots/present-1920x1080.png' });

  await page.keyboard.press('Escape');
  await expect(present).toHaveCount(0);
  await expect(page.getByTestId('headline-total')).toBeVisible();
  // The snapshot stayed, with the nudged numbers.
  const picker = page.getByRole('combobox', { name: 'Scenario', exact: true });
  const snapshot = picker.locator('option', { hasText: 'Meeting snapshot' });
  await expect(snapshot).toHaveCount(1);
  await picker.selectOption({ label: (await snapshot.textContent())! });
  await expect.poll(() => headlineTotal(page)).toBe(nudged);
});

test('present mode shows the pinned assumptions, and pins are kept with the workspace', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Pin Market size 2025 to present mode' }).click();
  await page.getByRole('button', { name: 'Present', exact: true }).click();
  const present = page.getByTestId('present-mode');
  await expect(present.getByRole('slider', { name: 'Market size 2025', exact: true })).toBeVisible();
  // Six pinned assumptions, each a value and its range's two ends (the seed ranges every one).
  await expect(present.getByRole('slider')).toHaveCount(18);
  await present.getByRole('button', { name: 'Leave (Esc)' }).click();
  await page.getByRole('button', { name: 'Pin Market size 2025 to present mode' }).click();
  await page.getByRole('button', { name: 'Present', exact: true }).click();
  await expect(page.getByTestId('present-mode').getByRole('slider')).toHaveCount(15);
});

/** Opens an assumptions group (a named group) on the model screen. */
async function openGroup(page: Page, name: string) {
  const group = page.getByRole('group', { name, exact: true });
  if ((await group.getAttribute('open')) === null) await group.locator('summary').first().click();
  return group;
}

test('present mode honours the share locks set on the model screen', async ({ page }) => {
  await openApp(page);
  const region = await openGroup(page, 'Region');
  await region.getByRole('button', { name: 'Lock Region: Europe share' }).click();
  await page.locator('body').press('p');
  const present = page.getByTestId('present-mode');
  const northAmerica = present.getByRole('slider', { name: 'Region: North America share', exact: true });
  await northAmerica.focus();
  for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowRight');
  await expect(northAmerica).toHaveAttribute('aria-valuetext', '42.0%');
  await page.keyboard.press('Escape');
  await expect(present).toHaveCount(0);
  const after = await openGroup(page, 'Region');
  await expect(after.getByRole('textbox', { name: 'Region: Europe share (%)' })).toHaveValue('30');
  await expect(after.getByRole('textbox', { name: 'Region: North America share (%)' })).toHaveValue('42');
});

test('an “Others” added to Region has a slider of its own name beside Application’s “Others”', async ({ page }) => {
  await openApp(page);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Structure' }).click();
  const newMember = page.getByRole('textbox', { name: 'New member of Region', exact: true });
  await newMember.fill('Others');
  await newMember.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Region: Others share (%)' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Application: Others share (%)' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Model' }).click();
  await openGroup(page, 'Application');
  await openGroup(page, 'Region');
  await expect(page.getByRole('slider', { name: 'Region: Others share', exact: true })).toHaveCount(1);
  await expect(page.getByRole('slider', { name: 'Application: Others share', exact: true })).toHaveCount(1);
  await expect(page.getByRole('slider', { name: 'Others share', exact: true })).toHaveCount(0);
});

const PINNED = [
  'Trend growth',
  'Advances in AI algorithms and deep learning',
  'Regulatory hurdles',
  'Region: North America share',
  'Region: Asia-Pacific growth premium',
];

test('Tab and Shift+Tab stay inside present mode and cycle the pinned sliders, then the audience window button and Leave', async ({ page }) => {
  await openApp(page);
  await page.locator('body').press('p');
  const present = page.getByTestId('present-mode');
  await expect(present.getByRole('slider', { name: PINNED[0], exact: true })).toBeFocused();
  const focused = () =>
    page.evaluate(() => {
      const active = document.activeElement;
      const inside = active !== null && document.querySelector('[data-testid="present-mode"]')!.contains(active);
      const name =
        active instanceof HTMLInputElement
          ? (active.getAttribute('aria-label') ?? active.labels?.[0]?.querySelector('.present-slider-name')?.textContent)
          : active?.textContent;
      return { inside, name: name ?? '' };
    });
  const visited: string[] = [];
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    const { inside, name } = await focused();
    expect(inside, `Tab ${i + 1} left present mode`).toBe(true);
    visited.push(name);
  }
  // Sliders in order (each value, then its range's low and high ends), then the audience window
  // button and Leave, then round again.
  const cycle = PINNED.flatMap((name) => [name, `${name}, low`, `${name}, high`]);
  expect(visited.slice(0, cycle.length + 2)).toEqual([...cycle.slice(1), 'Open audience window (A)', 'Leave (Esc)', PINNED[0]]);
  for (const name of PINNED) expect(visited).toContain(name);
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  expect((await focused()).inside).toBe(true);

  // A click on a chart takes the focus out of the sliders; Tab brings it back into the cycle.
  await present.getByTestId('total-chart').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Tab');
  expect((await focused()).inside).toBe(true);
});

test('an autosave that fails while presenting shows in the footer, and leaving then asks first', async ({ page }) => {
  await page.addInitScript(() => {
    // Storage that refuses every write, as a full disk or a locked-down browser does.
    IDBObjectStore.prototype.put = function put() {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.setViewportSize({ width: 1024, height: 768 });
  await openApp(page);
  await page.locator('body').press('p');
  const present = page.getByTestId('present-mode');
  await expect(present.getByRole('slider', { name: 'Trend growth', exact: true })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  const alert = present.getByRole('contentinfo').getByRole('alert');
  await expect(alert).toContainText('storage for this site is full');
  await expect(alert).toBeInViewport();
  await page.screenshot({ path: 'reports/screenshots/present-autosave-failed-1024x768.png' });
  // The unsaved edit is guarded while presenting: the tab says so.
  await expect(page).toHaveTitle(/^• /);
});

test('? lists the keys, from the keymap, and Esc closes the list before leaving', async ({ page }) => {
  await openApp(page);
  await page.locator('body').press('p');
  const present = page.getByTestId('present-mode');
  // Present mode is loaded on demand: its keys work once it has the focus.
  await expect(present.getByRole('slider', { name: PINNED[0], exact: true })).toBeFocused();
  await page.keyboard.press('?');
  const keys = present.getByRole('region', { name: 'Keys' });
  await expect(keys).toBeVisible();
  await expect(keys.getByRole('row', { name: /keep the state reached as a scenario/ })).toContainText('S');
  await expect(keys.getByRole('row')).toHaveCount(12);
  await page.screenshot({ path: 'reports/screenshots/present-keys-1920x1080.png' });
  await page.keyboard.press('Escape');
  await expect(keys).toHaveCount(0);
  await expect(present).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(present).toHaveCount(0);
});

for (const [width, height] of [
  [1024, 768],
  [1280, 720],
  [1366, 768],
  [1920, 1080],
  [3840, 2160],
] as const) {
  test(`present mode fits ${width}×${height}: every chart's axes and legend in view, nothing overlapping`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await openApp(page);
    await page.locator('body').press('p');
    const present = page.getByTestId('present-mode');
    await expect(present.locator('[data-testid="total-line"]')).toHaveCount(1);
    // The charts settle on their measured size (their width is observed with a short debounce).
    await page.waitForTimeout(600);
    const box = async (locator: import('@playwright/test').Locator, what: string) => {
      const found = await locator.boundingBox();
      expect(found, `${what} is drawn`).not.toBeNull();
      return { what, ...found! };
    };
    const charts = present.locator('.total-chart, .stacked-area-chart');
    await expect(charts).toHaveCount(2);
    const boxes = [
      await box(present.locator('.present-head'), 'header'),
      await box(charts.nth(0), 'total chart'),
      await box(present.locator('.present-breakdown h2'), 'breakdown heading'),
      await box(charts.nth(1), 'breakdown chart'),
      await box(present.getByRole('complementary', { name: 'Pinned assumptions' }), 'pinned sliders'),
      await box(present.locator('.present-keys'), 'key footer'),
    ];
    // Each chart's own parts: plot, both axes' labels, legend.
    const parts = [];
    for (const [i, name] of [[0, 'total chart'], [1, 'breakdown chart']] as const) {
      const chart = charts.nth(i);
      parts.push(await box(chart.locator('svg').first(), `${name} plot`));
      parts.push(await box(chart.locator('.visx-axis-bottom'), `${name} x axis`));
      parts.push(await box(chart.locator('.visx-axis-left'), `${name} y axis`));
      parts.push(await box(chart.getByRole('list', { name: 'Legend' }), `${name} legend`));
    }
    for (const b of [...boxes, ...parts]) {
      expect(b.x, `${b.what} starts inside the window`).toBeGreaterThanOrEqual(-0.5);
      expect(b.y, `${b.what} starts inside the window`).toBeGreaterThanOrEqual(-0.5);
      expect(b.x + b.width, `${b.what} ends inside the window`).toBeLessThanOrEqual(width + 0.5);
      expect(b.y + b.height, `${b.what} ends inside the window`).toBeLessThanOrEqual(height + 0.5);
    }
    // A chart's parts lie inside the chart's box (nothing cut off by it).
    for (const p of parts) {
      const chart = boxes.find((b) => p.what.startsWith(b.what))!;
      expect(p.y + p.height, `${p.what} inside the ${chart.what}`).toBeLessThanOrEqual(chart.y + chart.height + 0.5);
      expect(p.x + p.width, `${p.what} inside the ${chart.what}`).toBeLessThanOrEqual(chart.x + chart.width + 0.5);
    }
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        const overlap = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) > 0.5 && Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) > 0.5;
        expect(overlap, `${a.what} and ${b.what} overlap`).toBe(false);
      }
    }
    // Nothing in the charts' column or the sliders' column is cut off by its box.
    const clipped = await present.evaluate((root) =>
      [...root.querySelectorAll<HTMLElement>('.present-charts, .present-chart, .present-pins, .present-head')]
        .filter((el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1)
        .map((el) => el.className),
    );
    expect(clipped).toEqual([]);
    await page.screenshot({ path: `reports/screenshots/present-${width}x${height}.png` });
  });
}
