import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { openApp } from './support';

/**
 * The README's pictures of the product (issue 12): each main screen of the production build on
 * the seed workspace, written to docs/screens/ by this suite, so they show the app as it is
 * whenever the tests run and never go stale. Each picture is taken once its screen has finished
 * drawing — the simulation's 10,000 samples in, the view's own content on screen.
 */

const SIZE = { width: 1440, height: 900 } as const;
test.use({ viewport: SIZE });

/** Where the README finds them. */
const shotPath = (name: string): string => `docs/screens/${name}.png`;

/** The width and height a PNG file says it has (its IHDR chunk). */
function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(path);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function shoot(page: Page, name: string): Promise<void> {
  // Charts animate between results: let the last one settle before the picture.
  await page.waitForTimeout(600);
  await page.screenshot({ path: shotPath(name) });
  expect(pngSize(shotPath(name))).toEqual(SIZE);
}

async function view(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name, exact: true }).click();
}

test('the README’s screens are taken from the real app: model, scenarios, compare, structure, analysis and present', async ({ page }) => {
  await openApp(page);
  await expect(page.getByText('from 10,000 samples')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('total-chart')).toBeVisible();
  await shoot(page, 'model');

  await view(page, 'Scenarios');
  await expect(page.locator('.scenario-card').first()).toBeVisible();
  await shoot(page, 'scenarios');

  await view(page, 'Compare');
  await expect(page.getByTestId('total-chart')).toBeVisible();
  await shoot(page, 'compare');

  await view(page, 'Structure');
  await expect(page.getByRole('heading', { name: /Dimensions/ }).first()).toBeVisible();
  await shoot(page, 'structure');

  await view(page, 'Analysis');
  await expect(page.getByText('Tornado of Total market in 2032').first()).toBeVisible();
  await shoot(page, 'analysis');

  await view(page, 'Model');
  await page.getByRole('button', { name: 'Present', exact: true }).click();
  await expect(page.getByRole('button', { name: /Leave/ })).toBeVisible();
  await shoot(page, 'present');
});
