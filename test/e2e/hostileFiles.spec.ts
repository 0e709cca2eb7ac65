import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { headlineChangedFrom, headlineTotal, openApp, setNumber, withoutFileSystemAccess } from './support';

/**
 * Hostile files opened in the app (issue 9, item 8): each is refused quickly with a short alert,
 * and the workspace on screen stays exactly as it was. The files are built here, not kept.
 */
const minimal = readFileSync('test/fixtures/good/v1-minimal.slidecast.json', 'utf8');
const FIVE_MB = 5 * 1024 * 1024;

function unknownFields(): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < FIVE_MB - 1_000; i++) {
    const part = `"k${i}":0`;
    parts.push(part);
    length += part.length + 1;
  }
  return `{${parts.join(',')},${minimal.trimStart().slice(1)}`;
}

function tooManyScenarios(): string {
  const file = JSON.parse(minimal) as { scenarios: Record<string, unknown>[] };
  const [scenario] = file.scenarios;
  // The first scenario is broken too: the count is what must be said.
  file.scenarios = Array.from({ length: 5_000 }, (_, i) => ({ ...scenario, id: `s${i}`, name: i === 0 ? 42 : 'S' }));
  return JSON.stringify(file);
}

const hostile: { name: string; text: () => string; says: string }[] = [
  { name: 'unknown-fields.slidecast.json', text: unknownFields, says: 'more than 100 fields' },
  { name: 'huge-format.slidecast.json', text: () => JSON.stringify({ format: 'x'.repeat(FIVE_MB - 100), version: 2 }), says: 'its format is "xxx' },
  {
    name: 'huge-key.slidecast.json',
    text: () => `{"${'k'.repeat(2_500_000)}": 1, "${'k'.repeat(2_500_000)}": 2}`,
    says: 'appears twice',
  },
  { name: 'many-scenarios.slidecast.json', text: tooManyScenarios, says: 'scenarios: has 5,000 scenarios, at most 100 allowed' },
];

test.beforeEach(async ({ page }) => {
  await withoutFileSystemAccess(page);
  await openApp(page);
});

test(`each of ${hostile.length} hostile files gets a short alert and changes nothing`, async ({ page }) => {
  await setNumber(page, 'Trend growth', '1');
  const before = await headlineChangedFrom(page, 17.18 * 1.052 ** 7);
  // The work is unsaved, but a refused file never puts it at stake: nothing is asked.
  const questions: string[] = [];
  page.on('dialog', (dialog) => {
    questions.push(dialog.message());
    void dialog.dismiss();
  });
  for (const { name, text, says } of hostile) {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open…' }).click();
    await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text()) });
    const alert = page.getByTestId('problem');
    await expect(alert).toHaveAttribute('role', 'alert');
    await expect(alert).toContainText(name);
    await expect(alert).toContainText(says);
    const shown = (await alert.textContent()) ?? '';
    expect(shown.length, name).toBeLessThan(500);
    expect(await headlineTotal(page)).toBe(before);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('AI in Medical Imaging Diagnosis');
    await alert.getByRole('button', { name: 'Dismiss this message' }).click();
  }
  expect(questions).toEqual([]);
  await expect(page.getByRole('textbox', { name: /^Trend growth \(/ })).toHaveValue('1');
});
