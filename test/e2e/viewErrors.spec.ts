import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { headlineChangedFrom, headlineTotal, openApp, setNumber, withoutFileSystemAccess } from './support';

/**
 * A view that cannot render (here: its code cannot be loaded, as after a deploy with the old tab
 * still open, or offline before the service worker had cached it) shows a message in its place;
 * the rest of the app keeps working, the workspace can be downloaded, and Reload brings back the
 * autosaved work.
 */

// The routes below must see the page's requests, which a service worker would otherwise answer.
test.use({ serviceWorkers: 'block' });

test('a view whose code fails shows a message, offers the workspace, and the other views keep working', async ({ page }) => {
  await withoutFileSystemAccess(page);
  await page.route('**/assets/CompareView-*.js', (route) => route.abort());
  await openApp(page);
  const before = await headlineTotal(page);
  await setNumber(page, 'Market size 2025', '18');
  const edited = await headlineChangedFrom(page, before);

  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Compare' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The Compare view stopped working');
  await expect(alert.getByRole('button', { name: 'Reload' })).toBeVisible();
  // The top bar and the headline are still there.
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeVisible();
  expect(await headlineTotal(page)).toBe(edited);

  const [download] = await Promise.all([page.waitForEvent('download'), alert.getByRole('button', { name: 'Download the workspace' }).click()]);
  expect(download.suggestedFilename()).toBe('AI in Medical Imaging Diagnosis.slidecast.json');
  const saved = JSON.parse(await readFile((await download.path())!, 'utf8'));
  expect(saved.format).toBe('slidecast.workspace');
  expect(saved.scenarios[0].model.baseSize.value).toBe(18);

  // Another view works.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Model' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('slider', { name: 'Market size 2025', exact: true })).toBeVisible();

  // Reload restores the autosaved edit (the page asks first: the edit is not saved to a file).
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Compare' }).click();
  await page.waitForTimeout(1000); // autosave writes within a second
  page.on('dialog', (dialog) => void dialog.accept());
  await Promise.all([page.waitForEvent('load'), page.getByRole('alert').getByRole('button', { name: 'Reload' }).click()]);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByTestId('headline-total')).toBeVisible();
  await expect.poll(() => headlineTotal(page)).toBe(edited);
});

test('present mode that fails offers a way back to the model', async ({ page }) => {
  await page.route('**/assets/PresentMode-*.js', (route) => route.abort());
  await openApp(page);
  await page.locator('body').press('p');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Present mode stopped working');
  await expect(alert.getByRole('button', { name: 'Download the workspace' })).toBeVisible();
  await alert.getByRole('button', { name: 'Leave present mode' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByTestId('headline-total')).toBeVisible();
});
