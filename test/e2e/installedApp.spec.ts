import { expect, test, type Page } from '@playwright/test';
import { headlineTotal, openApp } from './support';
import { seedWorkspace } from '../../src/model/seedWorkspace';
import { parseWorkspaceFile, serializeWorkspace } from '../../src/model/workspaceFile';
import { describeLoadError } from '../../src/model/loadError';

/**
 * The installed app (issue 12), checked without Lighthouse: the manifest is linked and served with
 * every icon it lists (the service worker's control is checked in offline.spec.ts), and a file the
 * operating system launches the app with opens like Open.
 */

interface ManifestIcon {
  src: string;
  sizes: string;
  type: string;
}

test('index.html links the web app manifest, and the manifest and every icon it lists are served', async ({ page }) => {
  await openApp(page);
  const manifestUrl = await page.locator('link[rel="manifest"]').evaluate((link) => (link as HTMLLinkElement).href);
  const response = await page.request.get(manifestUrl);
  expect(response.status()).toBe(200);
  const manifest = (await response.json()) as { name: string; display: string; start_url: string; scope: string; icons: ManifestIcon[]; file_handlers: { icons?: ManifestIcon[] }[] };
  expect(manifest.name).toMatch(/^Slidecast/);
  expect(manifest.display).toBe('standalone');
  const origin = new URL(page.url()).origin;
  expect(new URL(manifest.start_url, manifestUrl).href).toBe(`${origin}/`);
  expect(new URL(manifest.scope, manifestUrl).href).toBe(`${origin}/`);

  const icons = [...manifest.icons, ...manifest.file_handlers.flatMap((handler) => handler.icons ?? [])];
  expect(icons.length).toBeGreaterThanOrEqual(3);
  for (const icon of icons) {
    const url = new URL(icon.src, manifestUrl).href;
    const served = await page.request.get(url);
    expect(served.status(), url).toBe(200);
    expect(served.headers()['content-type'], url).toContain(icon.type);
    if (icon.type === 'image/png') {
      const bytes = await served.body();
      expect(`${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`, url).toBe(icon.sizes);
    }
  }
});

test('Chromium reads the manifest under the page’s Content-Security-Policy and finds the app installable', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await openApp(page);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  // The browser's own reading of the manifest (what the install prompt uses), through DevTools.
  const devtools = await page.context().newCDPSession(page);
  const read = (await devtools.send('Page.getAppManifest')) as { url: string; errors: { message: string }[]; data?: string };
  expect(read.url).toMatch(/\/manifest\.webmanifest$/);
  expect(read.errors).toEqual([]);
  expect(read.data).toContain('"file_handlers"');
  const installability = (await devtools.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
  // Playwright's contexts are incognito, where Chromium installs nothing; every other check of the
  // manifest, its icons and the service worker must pass.
  const errors = installability.installabilityErrors.map((error) => error.errorId);
  expect(errors.filter((id) => id !== 'in-incognito')).toEqual([]);
  expect(violations).toEqual([]);
});

/**
 * What Chromium does for an installed app opened with a file: it queues the file on
 * `window.launchQueue` until the page sets a consumer. The file is a real FileSystemFileHandle, in
 * the origin-private file system, so Save can write through it as it would to the desktop file.
 */
async function launchWith(page: Page, name: string, text: string): Promise<void> {
  await page.addInitScript(
    ({ name, text }) => {
      const queue = {
        setConsumer(consumer: (params: { files: FileSystemHandle[] }) => void) {
          void (async () => {
            const folder = await navigator.storage.getDirectory();
            const handle = await folder.getFileHandle(name, { create: true });
            const writable = await handle.createWritable();
            await writable.write(text);
            await writable.close();
            consumer({ files: [handle] });
          })();
        },
      };
      Object.defineProperty(window, 'launchQueue', { value: queue, configurable: true });
    },
    { name, text },
  );
}

test('a .slidecast.json the app is launched with opens like Open, and Save writes back to that file', async ({ page }) => {
  const workspace = seedWorkspace();
  workspace.title = 'Launched from the desktop';
  workspace.scenarios[0]!.model.baseGrowth.value = 0.01;
  await launchWith(page, 'desktop.slidecast.json', serializeWorkspace(workspace));
  await openApp(page);
  await expect(page.getByTestId('file-name')).toContainText('desktop.slidecast.json');
  await expect.poll(() => headlineTotal(page)).not.toBeCloseTo(17.18 * 1.052 ** 7, 6);
  await expect(page.getByRole('textbox', { name: /^Trend growth \(/ })).toHaveValue('1');
  await expect(page.getByTestId('problem')).toHaveCount(0);

  // Save goes to the launched file itself, not to a download.
  await page.getByRole('textbox', { name: /^Trend growth \(/ }).fill('0.5');
  await page.getByRole('textbox', { name: /^Trend growth \(/ }).press('Enter');
  await expect(page.getByTestId('unsaved-marker')).toBeVisible();
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('unsaved-marker')).toHaveCount(0);
  const written = await page.evaluate(async () => {
    const handle = await (await navigator.storage.getDirectory()).getFileHandle('desktop.slidecast.json');
    return JSON.parse(await (await handle.getFile()).text()) as { scenarios: { model: { baseGrowth: { value: number } } }[] };
  });
  expect(written.scenarios[0]!.model.baseGrowth.value).toBeCloseTo(0.005, 12);
});

test('a bad file the app is launched with is refused with Open’s message, and the workspace stays', async ({ page }) => {
  const text = '{"format": "slidecast.workspace", "version": 2, ';
  const loaded = parseWorkspaceFile(text);
  if (loaded.ok) throw new Error('the bad file parsed');
  await launchWith(page, 'broken.slidecast.json', text);
  await openApp(page);
  const alert = page.getByTestId('problem');
  await expect(alert).toHaveAttribute('role', 'alert');
  await expect(alert).toContainText('“broken.slidecast.json” was not opened');
  await expect(alert).toContainText(describeLoadError(loaded.error));
  await expect.poll(() => headlineTotal(page)).toBeCloseTo(17.18 * 1.052 ** 7, 6);
  await expect(page.getByTestId('file-name')).not.toContainText('broken');
});
