import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { headlineChangedFrom, headlineTotal, openApp, setNumber, withoutFileSystemAccess } from './support';

const SEED_TOTAL = 17.18 * 1.052 ** 7;

/** Clicks Share link and returns the link shown in the panel. */
async function makeWorkspaceLink(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Share link' }).click();
  const field = page.getByRole('textbox', { name: 'Link to this workspace' });
  await expect(field).toBeVisible();
  return field.inputValue();
}

/** A link with one character of its payload changed, in the middle. */
function tampered(link: string): string {
  const at = link.indexOf('#w=1.') + Math.floor((link.length - link.indexOf('#w=1.')) / 2);
  return `${link.slice(0, at)}${link[at] === 'A' ? 'B' : 'A'}${link.slice(at + 1)}`;
}

test('a workspace link opened in a fresh browser shows the same workspace; the address bar is never rewritten while editing', async ({ page, browser, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page);
  await setNumber(page, 'Trend growth', '1.5');
  const edited = await headlineChangedFrom(page, SEED_TOTAL);
  expect(new URL(page.url()).hash).toBe('');

  const link = await makeWorkspaceLink(page);
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#w=1\.[A-Za-z0-9_-]+$/);
  await expect(page.getByTestId('share-status')).toHaveText(/^Link copied to the clipboard \(\d+ kB\)\.$/);
  await expect(page.getByTestId('share-status')).toHaveAttribute('role', 'status');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  expect(new URL(page.url()).hash).toBe('');

  // An edit after the link was made (Ctrl+Z with the panel open): the panel says the link is out of date.
  await page.getByRole('button', { name: 'Copy again' }).focus();
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('share-stale')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Make a new link' })).toBeVisible();
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByTestId('share-stale')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Share link' })).toHaveCount(0);

  const colleague = await browser.newContext();
  const other = await colleague.newPage();
  await other.goto(link);
  await expect(other.getByTestId('headline-total')).toBeVisible();
  await expect.poll(() => headlineTotal(other)).toBe(edited);
  await expect(other.getByRole('textbox', { name: /^Trend growth \(/ })).toHaveValue('1.5');
  await expect(other.getByTestId('file-name')).toHaveText('Not saved to a file');
  // The fragment is gone, so a reload shows later edits (autosaved), not the link again.
  expect(new URL(other.url()).hash).toBe('');
  await setNumber(other, 'Trend growth', '2.5');
  const later = await headlineChangedFrom(other, edited);
  await other.waitForTimeout(1000); // autosave writes within a second
  await other.reload();
  await expect.poll(() => headlineTotal(other)).toBe(later);
  await colleague.close();
});

test('a tampered link shows an alert naming the problem and leaves the workspace exactly as it was', async ({ page, browser }) => {
  await openApp(page);
  const link = await makeWorkspaceLink(page);
  await page.getByRole('button', { name: 'Close' }).click();
  await setNumber(page, 'Trend growth', '0.8');
  const edited = await headlineChangedFrom(page, SEED_TOTAL);

  // Pasted into the address bar of the open tab: a same-document navigation (hashchange).
  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, new URL(tampered(link)).hash);
  const alert = page.getByTestId('problem');
  await expect(alert).toHaveAttribute('role', 'alert');
  await expect(alert).toContainText('The workspace link was not opened');
  await expect(alert).toContainText('damaged or incomplete');
  expect(await headlineTotal(page)).toBe(edited);
  await expect(page.getByRole('textbox', { name: /^Trend growth \(/ })).toHaveValue('0.8');
  await expect(page.getByTestId('unsaved-marker')).toBeVisible();
  expect(new URL(page.url()).hash).toBe('');

  // And in a fresh browser: the alert, over the report's own workspace.
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(tampered(link));
  await expect(other.getByTestId('problem')).toContainText('damaged or incomplete');
  await expect.poll(() => headlineTotal(other)).toBeCloseTo(SEED_TOTAL, 2);
  await fresh.close();
});

test('an oversized link is refused with its size and the limit', async ({ page }) => {
  await openApp(page);
  await setNumber(page, 'Trend growth', '0.9');
  const edited = await headlineChangedFrom(page, SEED_TOTAL);
  await page.evaluate(() => {
    window.location.hash = `#w=1.${'A'.repeat(120_000)}`;
  });
  const alert = page.getByTestId('problem');
  await expect(alert).toContainText('This link is 118 kB long; links are limited to 100 kB — share the file instead.');
  expect(await headlineTotal(page)).toBe(edited);
});

test('Share link on a workspace too large for a link says so and offers Save as', async ({ page }) => {
  await withoutFileSystemAccess(page);
  await openApp(page);
  // 20 scenarios whose notes are random text, which does not compress: far beyond 100 kB.
  const file = JSON.parse(readFileSync('test/fixtures/good/v1-readme-example.slidecast.json', 'utf8')) as {
    scenarios: { id: string; name: string; notes?: string }[];
  };
  const first = file.scenarios[0]!;
  file.scenarios = Array.from({ length: 20 }, (_, i) => ({ ...first, id: `s${i}`, name: `Scenario ${i}`, notes: randomBytes(6_000).toString('base64') }));
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open…' }).click();
  await (await chooser).setFiles({ name: 'large.slidecast.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...file, activeScenario: 's0' })) });
  await expect(page.getByTestId('file-name')).toContainText('large.slidecast.json');

  await page.getByRole('button', { name: 'Share link' }).click();
  const status = page.getByTestId('share-status');
  await expect(status).toHaveText(/^This link is \d+ kB long; links are limited to 100 kB — share the file instead\.$/);
  await expect(page.getByRole('textbox', { name: 'Link to this workspace' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Save as a file…' })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save as a file…' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.slidecast\.json$/);
});

test('at start-up a link asks before replacing unsaved autosaved work: Cancel keeps it, OK opens the link', async ({ page, context }) => {
  await openApp(page);
  const link = await makeWorkspaceLink(page); // the report's workspace
  await page.getByRole('button', { name: 'Close' }).click();
  await setNumber(page, 'Trend growth', '3');
  const edited = await headlineChangedFrom(page, SEED_TOTAL);
  await page.waitForTimeout(1000); // autosaved
  await page.close();

  const declined = await context.newPage();
  const question = new Promise<string>((resolve) => {
    declined.once('dialog', (dialog) => {
      resolve(dialog.message());
      void dialog.dismiss();
    });
  });
  await declined.goto(link);
  expect(await question).toContain('not saved to a file');
  await expect.poll(() => headlineTotal(declined)).toBe(edited);
  await expect(declined.getByTestId('unsaved-marker')).toBeVisible();
  expect(new URL(declined.url()).hash).toBe('');
  await declined.close();

  const accepted = await context.newPage();
  accepted.once('dialog', (dialog) => void dialog.accept());
  await accepted.goto(link);
  await expect.poll(() => headlineTotal(accepted)).toBeCloseTo(SEED_TOTAL, 9);
  await expect(accepted.getByTestId('unsaved-marker')).toHaveCount(0);
});

test('a link opens over work that is saved without asking', async ({ page, browser }) => {
  await openApp(page);
  await setNumber(page, 'Trend growth', '2');
  await headlineChangedFrom(page, SEED_TOTAL);
  const link = await makeWorkspaceLink(page);
  await page.getByRole('button', { name: 'Close' }).click();

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  let asked = false;
  other.on('dialog', (dialog) => {
    asked = true;
    void dialog.dismiss();
  });
  await openApp(other); // untouched seed: nothing unsaved
  await other.evaluate((hash) => {
    window.location.hash = hash;
  }, new URL(link).hash);
  await expect(other.getByRole('textbox', { name: /^Trend growth \(/ })).toHaveValue('2');
  expect(await headlineTotal(other)).toBe(await headlineTotal(page));
  expect(asked).toBe(false);
  await fresh.close();
});
