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
  const trend = present.getByRole('slider', { name: 'Trend growth' });
  await expect(trend).toBeFocused();
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
  // Six steps of 0.05 points: trend growth 0.3%, so 17.18 · (1.052 + 0.003)^7 in 2032.
  await expect(trend).toHaveAttribute('aria-valuetext', '+0.30%');
  await expect.poll(() => headlineTotal(page)).toBeCloseTo(17.18 * 1.055 ** 7, 9);
  const nudged = await headlineTotal(page);
  expect(nudged).toBeGreaterThan(original);

  // Tab reaches the next pinned slider.
  await page.keyboard.press('Tab');
  await expect(present.getByRole('slider', { name: 'Advances in AI algorithms and deep learning' })).toBeFocused();

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
  await expect(present.getByRole('slider', { name: 'Market size 2025' })).toBeVisible();
  await expect(present.getByRole('slider')).toHaveCount(6);
  await present.getByRole('button', { name: 'Leave (Esc)' }).click();
  await page.getByRole('button', { name: 'Pin Market size 2025 to present mode' }).click();
  await page.getByRole('button', { name: 'Present', exact: true }).click();
  await expect(page.getByTestId('present-mode').getByRole('slider')).toHaveCount(5);
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
  const northAmerica = present.getByRole('slider', { name: 'Region: North America share' });
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
