import { expect, test } from '@playwright/test';
import { openApp } from './support';

test('the production build runs under its Content-Security-Policy with no violation and no console error', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  await openApp(page);

  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("script-src 'self'");
  expect(policy).toContain("worker-src 'self'");

  // Every screen, present mode, and a chart export.
  for (const view of ['Scenarios', 'Compare', 'Structure', 'Analysis', 'Model']) {
    await page.getByRole('button', { name: view, exact: true }).click();
    await page.waitForTimeout(300);
  }
  await page.locator('body').press('p');
  await expect(page.getByTestId('present-mode')).toBeVisible();
  await page.keyboard.press('Escape');
  const download = page.waitForEvent('download');
  await page.getByRole('region', { name: 'Total market' }).getByRole('button', { name: /^Export/ }).click();
  await page.getByRole('menuitem', { name: /SVG/ }).click();
  await download;

  expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
  expect(errors).toEqual([]);
});
