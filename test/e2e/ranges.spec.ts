/**
 * Ranges on the sliders (issue 10), in the production build: an end's handle dragged with the
 * mouse and moved with the keyboard, the value kept between the ends, undo one drag at a time,
 * a reload keeping the range (autosave), and present mode's pinned sliders showing the handles.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { dragBy, END_WIDTH, openApp } from './support';

test.beforeEach(async ({ page }) => {
  await openApp(page);
});

const handle = (scope: Page | Locator, name: string) => scope.getByRole('slider', { name, exact: true });
const undoButton = (page: Page) => page.getByRole('toolbar', { name: 'File and history' }).getByRole('button', { name: 'Undo' });

test('an end’s handle drags with the mouse, the drag is one undo step, and the value stays between the ends', async ({ page }) => {
  const high = handle(page, 'Trend growth, high');
  await expect(high).toHaveAttribute('aria-valuetext', '+1.00%');
  await dragBy(page, high, 40, END_WIDTH);
  const dragged = await high.getAttribute('aria-valuetext');
  expect(Number.parseFloat(dragged!)).toBeGreaterThan(1.2);
  // The value did not move: the ends' thumbs take the pointer over the value's track.
  await expect(handle(page, 'Trend growth')).toHaveAttribute('aria-valuetext', '0.00%');

  // Dragged below the value, the high end stops on it.
  await dragBy(page, high, -400, END_WIDTH);
  await expect(high).toHaveAttribute('aria-valuetext', '0.00%');

  await undoButton(page).click();
  await expect(high).toHaveAttribute('aria-valuetext', dragged!);
  await undoButton(page).click();
  await expect(high).toHaveAttribute('aria-valuetext', '+1.00%');
});

test('an end moves with the keyboard, stops at the value, and a reload keeps it (autosave)', async ({ page }) => {
  const low = handle(page, 'Trend growth, low');
  await low.focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
  await expect(low).toHaveAttribute('aria-valuetext', '-1.20%');
  // Up past the value (0%): it stops there.
  for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowRight');
  await expect(low).toHaveAttribute('aria-valuetext', '0.00%');
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowLeft');
  await expect(low).toHaveAttribute('aria-valuetext', '-0.30%');

  await page.waitForTimeout(1000); // autosave writes within a second
  await page.reload();
  await expect(handle(page, 'Trend growth, low')).toHaveAttribute('aria-valuetext', '-0.30%');
  await expect(handle(page, 'Trend growth, high')).toHaveAttribute('aria-valuetext', '+1.00%');
});

test('the value pushes an end along when moved past it', async ({ page }) => {
  const value = handle(page, 'Trend growth');
  await value.focus();
  for (let i = 0; i < 25; i++) await page.keyboard.press('ArrowRight');
  await expect(value).toHaveAttribute('aria-valuetext', '+1.25%');
  await expect(handle(page, 'Trend growth, high')).toHaveAttribute('aria-valuetext', '+1.25%');
  await expect(handle(page, 'Trend growth, low')).toHaveAttribute('aria-valuetext', '-1.00%');
});

test('present mode’s pinned sliders show the range’s handles, and moving one changes the model', async ({ page }) => {
  await page.getByRole('button', { name: 'Present', exact: true }).click();
  const present = page.getByTestId('present-mode');
  const high = handle(present, 'Trend growth, high');
  await expect(high).toBeVisible();
  await expect(handle(present, 'Trend growth, low')).toBeVisible();
  await high.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(high).toHaveAttribute('aria-valuetext', '+1.10%');
  await present.getByRole('button', { name: 'Leave (Esc)' }).click();
  await expect(handle(page, 'Trend growth, high')).toHaveAttribute('aria-valuetext', '+1.10%');
});
