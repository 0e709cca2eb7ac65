import { expect, test, type Page } from '@playwright/test';
import { headlineTotal, openApp } from './support';

/**
 * The simulation in the browser (issue 10, "Workers" and the indicator of "Views"), on the
 * production build: the seed's scenario is simulated on the worker pool up to its 10,000 samples,
 * an edit restarts it and the count climbs again, and typing is never held up by it.
 */

/** Records every text the sample-count indicator shows, from now on. */
async function recordCounts(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { sampleCounts: string[] };
    w.sampleCounts = [];
    const indicator = document.querySelector('[data-testid="sample-count"]');
    if (indicator === null) throw new Error('no sample-count indicator');
    new MutationObserver(() => w.sampleCounts.push(indicator.textContent ?? '')).observe(indicator, { subtree: true, childList: true, characterData: true });
  });
}

async function recordedCounts(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { sampleCounts: string[] }).sampleCounts);
}

const FINISHED = /^10,000 samples10,000 samples$/; // the visible count and its status twin

test('the seed is simulated to its 10,000 samples on workers, and an edit restarts the count', async ({ page }) => {
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await openApp(page);
  const indicator = page.getByTestId('sample-count');
  await expect(indicator.getByRole('status')).toHaveText('10,000 samples');
  await expect(indicator).toHaveText(FINISHED);
  // The engine's worker, the summariser and at least one sampler; no fallback to the main thread.
  expect(workers.filter((url) => url.includes('simulationWorker')).length).toBeGreaterThanOrEqual(2);
  await expect(page.getByText(/running on the main thread/)).toHaveCount(0);

  await recordCounts(page);
  const before = await headlineTotal(page);
  const slider = page.getByRole('slider', { name: 'Trend growth', exact: true });
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => headlineTotal(page)).toBeGreaterThan(before);
  await expect.poll(async () => (await recordedCounts(page)).at(-1)).toMatch(FINISHED);
  const counts = await recordedCounts(page);
  // It started again from the first block and climbed back to the target.
  const climbing = counts.filter((text) => / of 10,000 samples$/.test(text));
  expect(climbing[0]).toBe('1,000 of 10,000 samples');
  const numbers = climbing.map((text) => Number(text.split(' of ')[0]!.replace(/,/g, '')));
  expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  const workersAfter = workers.length;
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect(indicator).toHaveText(FINISHED);
  expect(workers.length).toBe(workersAfter); // the pool is kept, not restarted per request
});

test('typing in a number box is never held up while the count climbs', async ({ page }) => {
  await openApp(page);
  const indicator = page.getByTestId('sample-count');
  await expect(indicator.getByRole('status')).toHaveText('10,000 samples');
  const slider = page.getByRole('slider', { name: 'Trend growth', exact: true });
  const box = page.getByRole('textbox', { name: /^Market size 2025 \(/ });
  await recordCounts(page);
  for (const digits of ['18', '19.5', '21.25']) {
    await slider.focus();
    await page.keyboard.press('ArrowRight'); // restarts the simulation
    await box.fill('');
    await box.pressSequentially(digits, { delay: 15 }); // typed while the samples stream in
    await expect(box).toHaveValue(digits);
    await expect(box).toBeFocused();
    await box.press('Enter');
    await expect(indicator).toHaveText(FINISHED);
  }
  expect((await recordedCounts(page)).some((text) => / of 10,000 samples$/.test(text))).toBe(true);
});

test('without workers the simulation runs on the main thread in steps, says so once, and still reaches its target', async ({ page }) => {
  await page.addInitScript(() => Object.defineProperty(window, 'Worker', { value: undefined }));
  await openApp(page);
  const indicator = page.getByTestId('sample-count');
  await expect(indicator.getByRole('status')).toHaveText('10,000 samples');
  await expect(page.getByText(/The simulation is running on the main thread/)).toHaveCount(1);
  await recordCounts(page);
  await page.getByRole('slider', { name: 'Trend growth', exact: true }).focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await recordedCounts(page)).at(-1)).toMatch(FINISHED);
  expect((await recordedCounts(page)).filter((text) => / of 10,000 samples$/.test(text))[0]).toBe('1,000 of 10,000 samples');
  await expect(page.getByText(/The simulation is running on the main thread/)).toHaveCount(1);
});
