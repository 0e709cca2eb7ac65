import { expect, test } from '@playwright/test';
import { headlineTotal, openApp } from './support';

test.use({ viewport: { width: 1280, height: 720 } });

test('the audience window follows the presenter’s slider within a frame or two; either window can close safely', async ({ page, context }) => {
  await openApp(page);
  await page.locator('body').press('p');
  const present = page.getByTestId('present-mode');
  await expect(present).toBeVisible();
  const button = present.getByTestId('open-audience');
  await expect(button).toHaveText('Open audience window (A)');

  const [audience] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('a')]);
  await expect(audience).toHaveURL(/[?&]view=audience&session=[0-9a-f-]+$/);
  await expect(audience.getByTestId('audience-view')).toBeVisible();
  // The audience never asks anything: no unsaved-changes prompt, however it closes.
  const audienceDialogs: string[] = [];
  audience.on('dialog', (dialog) => {
    audienceDialogs.push(dialog.type());
    void dialog.accept();
  });
  await expect(audience.getByTestId('headline-total')).toBeVisible();
  await expect.poll(() => headlineTotal(audience)).toBe(await headlineTotal(page));
  await expect(button).toHaveText('Audience window open (A)');
  // The audience has no controls: no sliders, no buttons, no top bar.
  await expect(audience.getByRole('slider')).toHaveCount(0);
  await expect(audience.getByRole('button')).toHaveCount(0);

  // A slider move on the presenter: the audience's headline equals the presenter's within a frame or two.
  const trend = present.getByRole('slider', { name: 'Trend growth', exact: true });
  await trend.focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await expect(trend).toHaveAttribute('aria-valuetext', '+0.20%');
  await expect.poll(() => headlineTotal(page)).toBeCloseTo(17.18 * 1.054 ** 7, 9);
  const presenterTotal = await headlineTotal(page);
  await expect.poll(() => headlineTotal(audience), { timeout: 500, intervals: [16, 16, 16, 50] }).toBe(presenterTotal);

  // The presenter's tornado (T) shows in the audience window too, in place of the charts, and goes with it.
  await page.keyboard.press('t');
  await expect(present.getByRole('region', { name: 'Tornado' })).toBeVisible();
  await expect(audience.getByRole('region', { name: 'Tornado' }).getByRole('figure', { name: 'Tornado of Total market in 2032' })).toBeVisible();
  await expect(audience.getByRole('region', { name: 'Charts' })).toHaveCount(0);
  await audience.screenshot({ path: 'reports/screenshots/audience-tornado-1280x720.png' });
  await page.keyboard.press('t');
  await expect(audience.getByRole('region', { name: 'Charts' })).toBeVisible();
  await expect(audience.getByRole('region', { name: 'Tornado' })).toHaveCount(0);

  for (const [width, height] of [
    [1280, 720],
    [1920, 1080],
  ] as const) {
    await audience.setViewportSize({ width, height });
    // The charts animate to their new size.
    await audience.waitForTimeout(1200);
    await audience.screenshot({ path: `reports/screenshots/audience-${width}x${height}.png` });
  }

  await page.screenshot({ path: 'reports/screenshots/presenter-with-audience-1280x720.png' });

  // Closing the audience: the presenter notices and keeps working.
  await audience.close({ runBeforeUnload: true });
  expect(audienceDialogs).toEqual([]);
  await expect(button).toHaveText('Open audience window (A)');
  await page.keyboard.press('ArrowRight');
  await expect(trend).toHaveAttribute('aria-valuetext', '+0.25%');
  await expect.poll(() => headlineTotal(page)).toBeCloseTo(17.18 * 1.0545 ** 7, 9);

  // Reopened, then the presenter closes: the audience waits for it.
  const [again] = await Promise.all([context.waitForEvent('page'), button.click()]);
  await expect.poll(() => headlineTotal(again)).toBe(await headlineTotal(page));
  // The presenter has unsaved live edits: its own prompt is answered "leave".
  page.on('dialog', (dialog) => void dialog.accept());
  await page.close({ runBeforeUnload: true });
  await expect(again.getByRole('status')).toHaveText('Waiting for the presenter…');
  await expect(again.getByTestId('headline-total')).toHaveCount(0);
});

test('an audience follows only the presenter of its own session', async ({ page, context }) => {
  await openApp(page);
  await page.locator('body').press('p');
  await expect(page.getByTestId('present-mode')).toBeVisible();
  const [audience] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('a')]);
  await expect.poll(() => headlineTotal(audience)).toBe(await headlineTotal(page));
  const followed = await headlineTotal(audience);

  const other = await context.newPage();
  await openApp(other);
  await other.locator('body').press('p');
  await expect(other.getByTestId('present-mode')).toBeVisible();
  const otherTrend = other.getByTestId('present-mode').getByRole('slider', { name: 'Trend growth', exact: true });
  await otherTrend.focus();
  const [otherAudience] = await Promise.all([context.waitForEvent('page'), other.keyboard.press('a')]);
  for (let i = 0; i < 4; i++) await other.keyboard.press('ArrowRight');
  await expect.poll(() => headlineTotal(otherAudience)).toBe(await headlineTotal(other));
  expect(await headlineTotal(other)).not.toBe(followed);
  expect(await headlineTotal(audience)).toBe(followed);
});

test('the audience window writes no storage: no IndexedDB, no localStorage, no sessionStorage', async ({ page, context }) => {
  // Every storage write is counted before the app's code runs (the presenter's are its own business).
  await context.addInitScript(() => {
    const writes: string[] = [];
    (window as unknown as { storageWrites: string[] }).storageWrites = writes;
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      writes.push(`setItem ${key}`);
      setItem.call(this, key, value);
    };
    const open = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function (name: string, version?: number) {
      writes.push(`indexedDB.open ${name}`);
      return open.call(this, name, version);
    };
  });
  await openApp(page);
  await page.locator('body').press('p');
  const present = page.getByTestId('present-mode');
  await expect(present).toBeVisible();
  const [audience] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('a')]);
  await expect.poll(() => headlineTotal(audience)).toBe(await headlineTotal(page));
  await present.getByRole('slider', { name: 'Trend growth', exact: true }).focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => headlineTotal(audience)).toBe(await headlineTotal(page));
  const writes = (p: typeof page) => p.evaluate(() => (window as unknown as { storageWrites: string[] }).storageWrites);
  // The counter counts: the presenter's window autosaves and keeps its session.
  expect(await writes(page)).toContain('setItem slidecast-audience-session');
  expect(await writes(audience)).toEqual([]);
});
