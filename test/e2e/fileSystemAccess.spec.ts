/**
 * Save overwrites the file the open workspace came from — and only that one — on the path a
 * Chromium user takes: the File System Access API, here a fake of it (headless Chromium's own
 * pickers reject at once) that records which file got which bytes.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { installFakeFileSystemAccess, type FakeFileSystem } from '../support/fakeFileSystemAccess';
import { headlineChangedFrom, headlineTotal, openApp, setNumber } from './support';

const ALPHA = 'a/market.slidecast.json';
const BETA = 'b/minimal.slidecast.json';
const alphaText = readFileSync('test/fixtures/good/v1-readme-example.slidecast.json', 'utf8');
const betaText = readFileSync('test/fixtures/good/v1-minimal.slidecast.json', 'utf8');

/** The fake's disk, as the page sees it. */
function disk(page: Page): Promise<FakeFileSystem> {
  return page.evaluate(() => (window as unknown as { __fakeFileSystem: FakeFileSystem }).__fakeFileSystem);
}

async function titleOnDisk(page: Page, path: string): Promise<string> {
  const text = (await disk(page)).files[path];
  return (JSON.parse(text!) as { title: string }).title;
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(installFakeFileSystemAccess);
  await openApp(page);
  await page.evaluate(
    ({ files }) => Object.assign((window as unknown as { __fakeFileSystem: FakeFileSystem }).__fakeFileSystem.files, files),
    { files: { [ALPHA]: alphaText, [BETA]: betaText } },
  );
});

/** Opens alpha with the Open… button and the (fake) picker. */
async function openAlpha(page: Page): Promise<void> {
  await page.evaluate((path) => (window as unknown as { __fakeFileSystem: FakeFileSystem }).__fakeFileSystem.nextOpen.push(path), ALPHA);
  await page.getByRole('button', { name: 'Open…' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Worked example from the README');
  await expect(page.getByTestId('file-name')).toContainText('market.slidecast.json');
}

/** Drops beta on the window; with a handle (as Chromium gives for a file from the desktop) or without. */
async function dropBeta(page: Page, withHandle: boolean): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ text, path, withHandle }) => {
      const name = path.slice(path.lastIndexOf('/') + 1);
      if (withHandle) (window as unknown as { __fakeFileSystem: FakeFileSystem }).__fakeFileSystem.dropped[name] = path;
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], name, { type: 'application/json' }));
      return transfer;
    },
    { text: betaText, path: BETA, withHandle },
  );
  await page.dispatchEvent('body', 'dragenter', { dataTransfer });
  await page.dispatchEvent('body', 'drop', { dataTransfer });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('A market in one number');
}

test('Save after opening a file overwrites that file', async ({ page }) => {
  await openAlpha(page);
  const before = await headlineTotal(page);
  await setNumber(page, 'Trend growth', '3');
  await headlineChangedFrom(page, before);
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('unsaved-marker')).toHaveCount(0);
  const { writes, saveRequests } = await disk(page);
  expect(writes.map((w) => w.path)).toEqual([ALPHA]);
  expect(saveRequests).toEqual([]);
  expect(JSON.parse(writes[0]!.text).scenarios[0].model.baseGrowth.value).toBeCloseTo(0.03, 12);
});

test('Save after a drop overwrites the dropped file, never the file opened before', async ({ page }) => {
  await openAlpha(page);
  await dropBeta(page, true);
  const before = await headlineTotal(page);
  await setNumber(page, 'Trend growth', '3');
  await headlineChangedFrom(page, before);
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('unsaved-marker')).toHaveCount(0);
  const { writes, saveRequests } = await disk(page);
  expect(writes.map((w) => w.path)).toEqual([BETA]);
  expect(saveRequests).toEqual([]);
  expect(JSON.parse(writes[0]!.text).title).toBe('A market in one number');
  expect(await titleOnDisk(page, ALPHA)).toBe('Worked example from the README');
  await expect(page.getByTestId('file-name')).toContainText('minimal.slidecast.json');
});

test('Save after a drop that brings no handle asks where, and never writes the file opened before', async ({ page }) => {
  await openAlpha(page);
  await dropBeta(page, false);
  await page.evaluate(() => (window as unknown as { __fakeFileSystem: FakeFileSystem }).__fakeFileSystem.nextSave.push('c/copy.slidecast.json'));
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('file-name')).toContainText('copy.slidecast.json');
  const { writes, saveRequests } = await disk(page);
  expect(saveRequests).toEqual([{ suggestedName: 'minimal.slidecast.json' }]);
  expect(writes.map((w) => w.path)).toEqual(['c/copy.slidecast.json']);
  expect(await titleOnDisk(page, ALPHA)).toBe('Worked example from the README');
});

test('Save after New workspace asks where, and never writes the file opened before', async ({ page }) => {
  await openAlpha(page);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Structure' }).click();
  await page.getByRole('button', { name: 'Blank' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Untitled market');
  await page.keyboard.press('Control+s');
  await expect.poll(async () => (await disk(page)).saveRequests).toEqual([{ suggestedName: 'Untitled market.slidecast.json' }]);
  expect((await disk(page)).writes).toEqual([]); // the picker was cancelled
  expect(await titleOnDisk(page, ALPHA)).toBe('Worked example from the README');
});

test('Save after opening a workspace link asks where, and never writes the file opened before', async ({ page }) => {
  await openAlpha(page);
  await page.getByRole('button', { name: 'Share link' }).click();
  const link = await page.getByRole('textbox', { name: 'Link to this workspace' }).inputValue();
  await page.keyboard.press('Escape');
  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, new URL(link).hash);
  await expect(page.getByTestId('file-name')).toHaveText('Not saved to a file');
  await page.keyboard.press('Control+s');
  await expect.poll(async () => (await disk(page)).saveRequests).toEqual([{ suggestedName: 'Worked example from the README.slidecast.json' }]);
  expect((await disk(page)).writes).toEqual([]);
});

test('Save after a reload (the autosave restored) asks where, offering the file’s name', async ({ page }) => {
  await openAlpha(page);
  await page.reload();
  await expect(page.getByTestId('file-name')).toContainText('market.slidecast.json');
  await page.keyboard.press('Control+s');
  await expect.poll(async () => (await disk(page)).saveRequests).toEqual([{ suggestedName: 'market.slidecast.json' }]);
});
