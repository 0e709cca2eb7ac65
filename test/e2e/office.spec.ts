import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { columnLetter, FORECAST_FIRST_YEAR_COLUMN, forecastSheetRows } from '../../src/io/office/forecastWorkbook';
import { seedWorkspace } from '../../src/model/seedWorkspace';
import { openApp, setNumber, withoutFileSystemAccess } from './support';

/**
 * The Office exports (issue 12) in the production build, with its Content-Security-Policy: the
 * file downloads, opens, and holds the numbers on screen.
 */

/** Content-Security-Policy violations and uncaught errors while the test runs. */
function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|unsafe-eval/i.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}

test.describe('Excel', () => {
  test.beforeEach(async ({ page }) => {
    await withoutFileSystemAccess(page);
  });

  test('the workbook downloads, opens, and its Forecast sheet caches the end-year total on screen', async ({ page }) => {
    const problems = watchProblems(page);
    await openApp(page);
    await setNumber(page, 'Trend growth', '7.5');
    const headline = page.getByTestId('headline-total');
    await expect(headline).not.toHaveAttribute('data-value', /^$/);
    const next = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download workbook (Excel)' }).click();
    const file = await next;
    expect(file.suggestedFilename()).toBe('AI in Medical Imaging Diagnosis - Report consensus - model.xlsx');
    await expect(page.getByRole('status').filter({ hasText: 'Downloaded' })).toContainText('model.xlsx');
    const bytes = readFileSync(await file.path());

    // It opens: as a zip with the four sheets, and in exceljs.
    const zip = await JSZip.loadAsync(bytes);
    const workbookXml = await zip.file('xl/workbook.xml')!.async('string');
    expect([...workbookXml.matchAll(/<sheet\b[^>]*\bname="([^"]+)"/g)].map((m) => m[1])).toEqual(['Assumptions', 'Drivers', 'Forecast', 'Claims']);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const assumptions = workbook.getWorksheet('Assumptions')!;
    const trendRow = [...Array(assumptions.rowCount).keys()].map((i) => assumptions.getRow(i + 1)).find((row) => row.getCell(4).value === 'baseGrowth')!;
    expect(trendRow.getCell(2).value).toBeCloseTo(0.075, 12);

    // The end year's total: its formula's cached result is the headline's number.
    const model = seedWorkspace().scenarios[0]!.model;
    const years = model.endYear - model.baseYear + 1;
    const address = `${columnLetter(FORECAST_FIRST_YEAR_COLUMN + years - 1)}${forecastSheetRows(0).valueRow(-1)}`;
    const sheetXml = await zip.file('xl/worksheets/sheet3.xml')!.async('string');
    const cell = new RegExp(`<c r="${address}"[^>]*><f>([^<]+)</f><v>([^<]+)</v>`).exec(sheetXml);
    expect(cell, `the Forecast sheet's ${address}`).not.toBeNull();
    expect(cell![1]).toContain('MAX(0,1+Drivers!');
    expect(Number(cell![2])).toBe(Number(await headline.getAttribute('data-value')));
    expect(problems).toEqual([]);
  });
});
