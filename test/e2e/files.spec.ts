import { readFileSync, readdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { headlineChangedFrom, headlineTotal, openApp, setNumber, withoutFileSystemAccess } from './support';

/**
 * Does `action`, which must ask a question (window.confirm), gives `answer`, and returns the
 * question. Fails when nothing is asked: a handler that only runs if a dialog comes would pass.
 */
async function answerQuestion(page: Page, action: () => Promise<void>, answer: 'accept' | 'dismiss'): Promise<string> {
  const asked = page.waitForEvent('dialog', { timeout: 5_000 });
  const acting = action();
  const dialog = await asked;
  expect(dialog.type()).toBe('confirm');
  const question = dialog.message();
  await (answer === 'accept' ? dialog.accept() : dialog.dismiss());
  await acting;
  return question;
}

test.beforeEach(async ({ page }) => {
  await withoutFileSystemAccess(page);
  await openApp(page);
});

test('save downloads a valid workspace file that reopens with the same numbers in a fresh browser', async ({ page, browser }) => {
  const before = await headlineTotal(page);
  await setNumber(page, 'Trend growth', '1.5');
  const edited = await headlineChangedFrom(page, before);
  await expect(page.getByTestId('unsaved-marker')).toBeVisible();

  const download = page.waitForEvent('download');
  await page.keyboard.press('Control+s');
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.slidecast\.json$/);
  const path = await file.path();
  const json = JSON.parse(readFileSync(path, 'utf8'));
  expect(json.format).toBe('slidecast.workspace');
  expect(json.version).toBe(2);
  expect(json.scenarios[0].model.baseGrowth.value).toBeCloseTo(0.015, 12);
  await expect(page.getByTestId('unsaved-marker')).toHaveCount(0);

  // A colleague opens the emailed file in their own browser.
  const context = await browser.newContext();
  const colleague = await context.newPage();
  await withoutFileSystemAccess(colleague);
  await openApp(colleague);
  expect(await headlineTotal(colleague)).not.toBe(edited);
  const chooser = colleague.waitForEvent('filechooser');
  await colleague.getByRole('button', { name: 'Open…' }).click();
  await (await chooser).setFiles({ name: 'market.slidecast.json', mimeType: 'application/json', buffer: readFileSync(path) });
  await expect.poll(() => headlineTotal(colleague)).toBe(edited);
  await expect(colleague.getByTestId('file-name')).toContainText('market.slidecast.json');
  await context.close();
});

const badFiles = readdirSync('test/fixtures/bad')
  .filter((name) => name.endsWith('.slidecast.json'))
  .filter((_, i) => i % 5 === 0)
  .slice(0, 12);

test(`opening each of ${badFiles.length} bad files shows an alert naming the problem and changes nothing`, async ({ page }) => {
  const expectations = JSON.parse(readFileSync('test/fixtures/bad/expectations.json', 'utf8')) as Record<string, { mentions: string[] }>;
  await setNumber(page, 'Trend growth', '1');
  const before = await headlineChangedFrom(page, 17.18 * 1.052 ** 7);
  // The work is unsaved, but a file that is refused never puts it at stake: nothing is asked.
  const questions: string[] = [];
  page.on('dialog', (dialog) => {
    questions.push(dialog.message());
    void dialog.dismiss();
  });
  for (const name of badFiles) {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open…' }).click();
    await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: readFileSync(`test/fixtures/bad/${name}`) });
    const alert = page.getByTestId('problem');
    await expect(alert).toHaveAttribute('role', 'alert');
    await expect(alert).toContainText(name);
    await expect(alert).toContainText(expectations[name]!.mentions[0]!);
    expect(await headlineTotal(page)).toBe(before);
    await alert.getByRole('button', { name: 'Dismiss this message' }).click();
  }
  expect(questions).toEqual([]);
  await expect(page.getByRole('textbox', { name: /^Trend growth \(/ })).toHaveValue('1');
});

test('a file dropped on the window opens', async ({ page }) => {
  const text = readFileSync('test/fixtures/good/v1-readme-example.slidecast.json', 'utf8');
  const dataTransfer = await page.evaluateHandle((content) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([content], 'example.slidecast.json', { type: 'application/json' }));
    return transfer;
  }, text);
  await page.dispatchEvent('body', 'dragenter', { dataTransfer });
  await page.dispatchEvent('body', 'drop', { dataTransfer });
  await expect.poll(() => headlineTotal(page)).toBeCloseTo(108.675, 9);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Worked example from the README');
});

test('opening a good file over unsaved work asks before it replaces the work, and keeps the work when the answer is no', async ({ page }) => {
  await setNumber(page, 'Trend growth', '2');
  const edited = await headlineChangedFrom(page, 17.18 * 1.052 ** 7);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open…' }).click();
  const good = readFileSync('test/fixtures/good/v1-readme-example.slidecast.json');
  const question = await answerQuestion(page, async () => (await chooser).setFiles({ name: 'example.slidecast.json', mimeType: 'application/json', buffer: good }), 'dismiss');
  expect(question).toContain('not saved');
  await page.waitForTimeout(300);
  expect(await headlineTotal(page)).toBe(edited);
  await expect(page.getByTestId('unsaved-marker')).toBeVisible();
});

test('reload restores the last edit, the scenario on screen and the file name', async ({ page }) => {
  await setNumber(page, 'Trend growth', '0.7');
  const edited = await headlineChangedFrom(page, 17.18 * 1.052 ** 7);
  await page.waitForTimeout(1000); // autosave writes within a second
  await page.reload();
  await expect.poll(() => headlineTotal(page)).toBe(edited);
  await expect(page.getByTestId('unsaved-marker')).toBeVisible();

  await page.getByRole('combobox', { name: 'Scenario', exact: true }).selectOption('narrow');
  await page.waitForTimeout(1000);
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Scenario', exact: true })).toHaveValue('narrow');
});

test('a reload at once after an edit keeps the edit (autosave is written as the page goes)', async ({ page }) => {
  const before = await headlineTotal(page);
  await setNumber(page, 'Trend growth', '0.7');
  await page.reload(); // at once: well inside autosave's quiet spell
  await expect(page.getByRole('textbox', { name: /^Trend growth \(/ })).toHaveValue('0.7');
  await expect(page.getByTestId('unsaved-marker')).toBeVisible();
  await headlineChangedFrom(page, before);
});

test('undo and redo restore the headline, from buttons and keys', async ({ page }) => {
  const original = await headlineTotal(page);
  await setNumber(page, 'Trend growth', '3');
  const edited = await headlineChangedFrom(page, original);
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect.poll(() => headlineTotal(page)).toBe(original);
  await page.getByRole('button', { name: 'Redo', exact: true }).click();
  await expect.poll(() => headlineTotal(page)).toBe(edited);
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('Control+z');
  await expect.poll(() => headlineTotal(page)).toBe(original);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => headlineTotal(page)).toBe(edited);
});

test('a second tab does not clobber the first', async ({ page, context }) => {
  await setNumber(page, 'Trend growth', '1');
  await headlineChangedFrom(page, 17.18 * 1.052 ** 7);
  await page.waitForTimeout(1000);

  const second = await context.newPage();
  await withoutFileSystemAccess(second);
  await openApp(second);
  await expect(second.getByRole('textbox', { name: /^Trend growth \(/ })).toHaveValue('1');

  // The second tab moves on; the first, now older, edits too.
  await setNumber(second, 'Trend growth', '2');
  await second.waitForTimeout(1000);
  await setNumber(page, 'Trend growth', '-1');
  await expect(page.getByTestId('autosave-superseded')).toBeVisible();

  // The newer work survives a reload.
  await second.reload();
  await expect(second.getByRole('textbox', { name: /^Trend growth \(/ })).toHaveValue('2');
});

test('a failed autosave says so and the app keeps working', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    // Storage that refuses every write, as a full disk or a locked-down browser does.
    IDBObjectStore.prototype.put = function put() {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await openApp(page);
  const before = await headlineTotal(page);
  await setNumber(page, 'Trend growth', '1');
  await expect(page.getByTestId('autosave-failed')).toContainText('storage for this site is full');
  await setNumber(page, 'Trend growth', '2');
  await expect.poll(() => headlineTotal(page)).not.toBe(before);
  await context.close();
});

test('leaving asks first only while there are unsaved changes', async ({ page }) => {
  await setNumber(page, 'Trend growth', '1');
  await expect(page.getByTestId('unsaved-marker')).toBeVisible();
  await expect(page).toHaveTitle(/^• /);
  const asked = new Promise<string>((resolve) => page.once('dialog', (dialog) => {
    resolve(dialog.type());
    void dialog.dismiss(); // stay
  }));
  await page.close({ runBeforeUnload: true });
  expect(await asked).toBe('beforeunload');
  expect(page.isClosed()).toBe(false);

  // Saved: leaving does not ask.
  const download = page.waitForEvent('download');
  await page.keyboard.press('Control+s');
  await download;
  await expect(page.getByTestId('unsaved-marker')).toHaveCount(0);
  await expect(page).not.toHaveTitle(/^• /);
  let dialogs = 0;
  page.on('dialog', () => (dialogs += 1));
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => page.isClosed()).toBe(true);
  expect(dialogs).toBe(0);
});

/** Writes `records` into the app's autosave database (idb-keyval's 'slidecast'/'autosave'), as earlier pages would have. */
async function putAutosaveRecords(page: Page, records: Record<string, unknown>): Promise<void> {
  await page.evaluate(
    (entries) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('slidecast');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const transaction = request.result.transaction('autosave', 'readwrite');
          for (const [key, value] of entries) transaction.objectStore('autosave').put(value, key);
          transaction.oncomplete = () => {
            request.result.close();
            resolve();
          };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
    Object.entries(records),
  );
}

test('autosaves kept aside are offered at the next start: the damaged one said why, older work opened, one deleted for good', async ({ page }) => {
  await page.waitForTimeout(1000); // the first autosave has created the database
  const olderWork = readFileSync('test/fixtures/good/v1-readme-example.slidecast.json', 'utf8');
  await putAutosaveRecords(page, {
    workspace: { revision: 99, savedAt: 1, tabId: 'gone', workspace: '{"format": "slidecast.workspace", ' },
    'set-aside-1700000000000-tab': JSON.stringify({ tabId: 'gone', baseRevision: 1, savedAt: 1, workspace: olderWork }),
  });
  await page.reload();
  const banner = page.getByTestId('kept-aside');
  await expect(banner).toContainText('The last autosave could not be restored');
  await expect(banner.getByRole('listitem')).toHaveCount(2);
  await expect(page.getByTestId('headline-total')).toBeVisible(); // the report's workspace, working

  await banner.getByRole('button', { name: /^Open: Older work a closed page left behind/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Worked example from the README');

  await banner.getByRole('button', { name: /^Delete: An autosave that could not be restored/ }).click();
  await expect(banner.getByRole('listitem')).toHaveCount(1);
  await page.waitForTimeout(1000); // the opened work autosaves
  await page.reload();
  await expect(page.getByTestId('kept-aside').getByRole('listitem')).toHaveCount(1);
  await expect(page.getByTestId('kept-aside')).toContainText('An autosave is kept aside');
});
