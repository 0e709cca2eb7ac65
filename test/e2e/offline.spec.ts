import { expect, test } from '@playwright/test';
import { headlineChangedFrom, headlineTotal, openApp, setNumber } from './support';

test('after one visit the app loads, computes in its worker and recomputes with no network', async ({ page, context }) => {
  await openApp(page);
  // The service worker registers after load, caches the build, and takes the page over.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null)).toMatch(/\/sw\.js$/);

  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const files: string[] = [];
    for (const name of names) for (const request of await (await caches.open(name)).keys()) files.push(new URL(request.url).pathname);
    return { names, files };
  });
  expect(cached.names).toHaveLength(1);
  // The installed app's manifest and icons too: an app started from its icon with no network.
  expect(cached.files).toEqual(
    expect.arrayContaining(['/index.html', '/favicon.svg', '/manifest.webmanifest', '/icons/icon-192.png', '/icons/icon-512.png', '/icons/maskable-512.png']),
  );
  expect(cached.files.some((file) => /^\/assets\/worker-[\w-]+\.js$/.test(file))).toBe(true);
  expect(cached.files.some((file) => /^\/assets\/index-[\w-]+\.css$/.test(file))).toBe(true);
  expect(cached.files.filter((file) => file.endsWith('.map'))).toEqual([]);

  await context.setOffline(true);
  // The network is really gone, for the service worker too.
  const [serviceWorker] = context.serviceWorkers();
  expect(serviceWorker).toBeDefined();
  expect(await serviceWorker!.evaluate(() => fetch('/favicon.svg', { cache: 'no-store' }).then(() => 'online', () => 'offline'))).toBe('offline');

  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  const failed: string[] = [];
  page.on('requestfailed', (request) => failed.push(request.url()));
  const response = await page.reload();
  expect(response?.fromServiceWorker()).toBe(true);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);

  await expect(page.getByTestId('headline-total')).toBeVisible();
  await expect.poll(() => headlineTotal(page)).toBeCloseTo(17.18 * 1.052 ** 7, 6);
  await expect(page.getByTestId('total-chart')).toBeVisible();
  await expect(page.getByTestId('stacked-area-chart')).toBeVisible();
  await expect(page.getByTestId('total-line')).toHaveAttribute('d', /^M/);

  // The engine worker came from the cache: it computes, the main-thread fallback never starts.
  const before = await headlineTotal(page);
  await setNumber(page, 'Trend growth', '2');
  await headlineChangedFrom(page, before);
  const slider = page.getByRole('slider', { name: 'Trend growth', exact: true });
  await slider.focus();
  const moved = await headlineTotal(page);
  await page.keyboard.press('ArrowRight');
  await headlineChangedFrom(page, moved);
  expect(workers.some((url) => /\/assets\/worker-[\w-]+\.js$/.test(url))).toBe(true);
  await expect(page.getByText(/running on the main thread/)).toHaveCount(0);

  // A workspace link made and opened in another tab, still offline: the meeting-room case.
  const shown = await headlineTotal(page);
  await page.getByRole('button', { name: 'Share link' }).click();
  const link = await page.getByRole('textbox', { name: 'Link to this workspace' }).inputValue();
  await page.keyboard.press('Escape');
  const second = await context.newPage();
  second.on('dialog', (dialog) => void dialog.accept()); // "replace the unsaved work here?" (the same work)
  await second.goto(link);
  await expect.poll(() => headlineTotal(second)).toBe(shown);
  await second.close();

  // A chunk loaded only on demand (the Compare view) is there too.
  await page.getByRole('button', { name: 'Compare' }).click();
  await expect(page.getByRole('heading', { name: 'Compare scenarios' })).toBeVisible();
  expect(failed).toEqual([]);
});

test('requests outside the build pass through the service worker to the network and are never cached', async ({ page }) => {
  await openApp(page);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  const cachedFiles = () =>
    page.evaluate(async () => {
      const names = await caches.keys();
      const files: string[] = [];
      for (const name of names) for (const request of await (await caches.open(name)).keys()) files.push(new URL(request.url).pathname + new URL(request.url).search);
      return files.sort();
    });
  const before = await cachedFiles();
  const sourceMap = before.find((file) => /^\/assets\/index-[\w-]+\.js$/.test(file))!.concat('.map');

  for (const url of ['/index.html?probe=1', sourceMap]) {
    const response = page.waitForResponse((r) => r.url().endsWith(url));
    const status = await page.evaluate((u) => fetch(u).then((r) => r.status), url);
    expect(status).toBe(200);
    expect((await response).fromServiceWorker()).toBe(false);
  }
  expect(await cachedFiles()).toEqual(before);
});
