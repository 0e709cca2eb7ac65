import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { forecast } from '../../src/engine/forecast';
import { forecastToCsv } from '../../src/io/forecastExport';
import { seedWorkspace } from '../../src/model/seedWorkspace';
import type { Workspace } from '../../src/model/types';
import { openApp, withoutFileSystemAccess } from './support';

/**
 * The simulation's settings and exports in the production build (issue 10): the samples and the
 * seed of the scenario on screen are model edits — named when wrong, undone one step at a time,
 * autosaved, kept per scenario — and without a simulation the forecast CSV is the command line's
 * plain one, header first.
 */

test.beforeEach(async ({ page }) => {
  await withoutFileSystemAccess(page);
  await openApp(page);
});

const settings = (page: Page) => page.getByRole('group', { name: 'Simulation' });
const samplesBox = (page: Page) => settings(page).getByRole('textbox', { name: 'Samples' });
const seedBox = (page: Page) => settings(page).getByRole('textbox', { name: 'Seed' });

test('the samples and the seed are edits of the scenario on screen: refused with a message when wrong, undone one step each, kept on reload and per scenario', async ({ page }) => {
  const seed = seedWorkspace().scenarios[0]!.model.simulation;
  await expect(samplesBox(page)).toHaveValue(String(seed.samples));
  await expect(seedBox(page)).toHaveValue(String(seed.seed));

  await samplesBox(page).fill('500');
  await samplesBox(page).press('Enter');
  await expect(page.getByRole('alert')).toHaveText('Samples: 500 is too small: type a whole number from 1,000 to 200,000');
  await expect(samplesBox(page)).toHaveAttribute('aria-invalid', 'true');
  await samplesBox(page).fill('20,000');
  await samplesBox(page).press('Enter');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(samplesBox(page)).toHaveValue('20000');

  await seedBox(page).fill('42');
  await seedBox(page).press('Enter');
  await expect(seedBox(page)).toHaveValue('42');
  await settings(page).getByRole('button', { name: 'New seed' }).click();
  await expect(seedBox(page)).not.toHaveValue('42');
  const drawn = Number(await seedBox(page).inputValue());
  expect(Number.isInteger(drawn) && drawn >= 0 && drawn <= 0xffff_ffff).toBe(true);

  // Kept per scenario: the other scenario has its own settings.
  const scenario = page.getByRole('combobox', { name: 'Scenario', exact: true });
  await scenario.selectOption('narrow');
  await expect(samplesBox(page)).toHaveValue(String(seedWorkspace().scenarios[1]!.model.simulation.samples));
  await scenario.selectOption('consensus');
  await expect(seedBox(page)).toHaveValue(String(drawn));

  // One undo step each: the new seed, then 42, then the samples; redo brings them back.
  const undo = page.getByRole('button', { name: 'Undo', exact: true });
  await undo.click();
  await expect(seedBox(page)).toHaveValue('42');
  await undo.click();
  await expect(seedBox(page)).toHaveValue(String(seed.seed));
  await expect(samplesBox(page)).toHaveValue('20000');
  await undo.click();
  await expect(samplesBox(page)).toHaveValue(String(seed.samples));
  const redo = page.getByRole('button', { name: 'Redo', exact: true });
  for (let i = 0; i < 3; i++) await redo.click();
  await expect(seedBox(page)).toHaveValue(String(drawn));

  // Autosaved: a reload brings them back.
  await page.waitForTimeout(1000);
  await page.reload();
  await expect(samplesBox(page)).toHaveValue('20000');
  await expect(seedBox(page)).toHaveValue(String(drawn));
});

test('without a simulation the forecast CSV is the plain forecast, header first, no percentile rows', async ({ page }) => {
  // The README's worked example has no range: nothing to simulate.
  const text = readFileSync('test/fixtures/good/v1-readme-example.slidecast.json', 'utf8');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open…' }).click();
  await (await chooser).setFiles({ name: 'example.slidecast.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Worked example from the README');
  await expect(page.getByTestId('sample-count')).toBeHidden();
  const next = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download forecast (CSV)' }).click();
  const csv = readFileSync(await (await next).path()).subarray(3).toString('utf8');
  const engine = forecast((JSON.parse(text) as Workspace).scenarios[0]!.model);
  expect(csv.split('\r\n')[0]).toBe(['series', 'name', ...engine.layout.years.map(String)].join(','));
  expect(csv).toBe(forecastToCsv(engine));
  expect(csv).not.toContain(':p50');
});
