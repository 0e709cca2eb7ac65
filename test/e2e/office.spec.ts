import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { columnLetter, FORECAST_FIRST_YEAR_COLUMN, forecastSheetRows } from '../../src/io/office/forecastWorkbook';
import { seedWorkspace } from '../../src/model/seedWorkspace';
import { headlineTotal, openApp, setNumber, withoutFileSystemAccess } from './support';

/**
 * The Office exports (issue 12) in the production build, with its Content-Security-Policy: the
 * downloaded file is unzipped here and its XML read back — it opens, and holds the numbers on screen.
 */

const STEM = 'AI in Medical Imaging Diagnosis - Report consensus';

test.beforeEach(async ({ page }) => {
  await withoutFileSystemAccess(page);
});

async function downloadDeck(page: Page, item: string): Promise<{ name: string; zip: JSZip }> {
  const next = page.waitForEvent('download');
  await page.getByRole('button', { name: 'PowerPoint deck' }).click();
  await page.getByRole('menuitem', { name: item }).click();
  const file = await next;
  return { name: file.suggestedFilename(), zip: await JSZip.loadAsync(readFileSync(await file.path())) };
}

/** The slides' paths in order: ppt/slides/slide1.xml, slide2.xml, … */
function slidePaths(zip: JSZip): string[] {
  return Object.keys(zip.files)
    .filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f))
    .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]));
}

/** The text runs of a slide, in order, entities decoded. */
async function slideTexts(zip: JSZip, path: string): Promise<string[]> {
  const xml = await zip.file(path)!.async('string');
  return [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) =>
    m[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'),
  );
}

/** The cached values of the chart series named `name` in a chart's XML. */
function seriesValues(xml: string, name: string): number[] {
  const series = [...xml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map((m) => m[1]!).find((ser) => ser.includes(`<c:v>${name}</c:v>`));
  if (!series) throw new Error(`no series named ${name}`);
  const values = /<c:val>([\s\S]*?)<\/c:val>/.exec(series)![1]!;
  return [...values.matchAll(/<c:pt idx="(\d+)"><c:v>([^<]*)<\/c:v><\/c:pt>/g)].map((m) => Number(m[2]));
}

test.describe('PowerPoint', () => {
  test('downloads the deck of the scenario on screen: every slide, and the total chart ends at the headline’s number', async ({ page }) => {
    // pptxgenjs is loaded when a deck is asked for, not with the app.
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await openApp(page);
    expect(scripts.some((path) => /\/index-[\w-]+\.js$/.test(path))).toBe(true);
    expect(scripts.filter((path) => /pptxgen/.test(path))).toEqual([]);
    const total = await headlineTotal(page);
    const { name, zip } = await downloadDeck(page, 'This scenario');
    expect(scripts.filter((path) => /pptxgen/.test(path))).toHaveLength(1);
    expect(name).toBe(`${STEM} - deck.pptx`);
    await expect(page.getByRole('status').filter({ hasText: `Downloaded “${name}”.` })).toBeVisible();

    const slides = slidePaths(zip);
    // Title, headline, total, three dimensions, the bridge, the assumptions and their notes (over several slides).
    expect(slides.length).toBeGreaterThanOrEqual(9);
    expect(await slideTexts(zip, slides[0]!)).toEqual(expect.arrayContaining(['AI in Medical Imaging Diagnosis', 'Report consensus', 'Made with Slidecast']));
    expect((await slideTexts(zip, slides[1]!)).join(' ')).toContain('checkable');

    // The total chart: the third slide's chart, a native chart with its numbers and a workbook.
    const rels = await zip.file('ppt/slides/_rels/slide3.xml.rels')!.async('string');
    const chartPath = `ppt/charts/${/charts\/(chart\d+\.xml)/.exec(rels)![1]}`;
    const chart = await zip.file(chartPath)!.async('string');
    expect(chart).toContain('<c:lineChart>');
    const forecast = seriesValues(chart, 'Forecast');
    expect(forecast).toHaveLength(8);
    expect(forecast[7]).toBe(total);
    expect(Object.keys(zip.files).some((f) => /^ppt\/embeddings\/.+\.xlsx$/.test(f))).toBe(true);
  });

  test('once the simulation has finished, the deck holds its fan and the headline’s 80% interval', async ({ page }) => {
    await openApp(page);
    await expect(page.getByTestId('headline-basis')).toHaveText('from 10,000 samples', { timeout: 20_000 });
    const interval = await page.getByTestId('headline-interval').textContent();
    const { zip } = await downloadDeck(page, 'This scenario');
    const slides = slidePaths(zip);
    expect(await slideTexts(zip, slides[1]!)).toContain(`${interval} (from 10,000 samples)`);
    const rels = await zip.file('ppt/slides/_rels/slide3.xml.rels')!.async('string');
    const chart = await zip.file(`ppt/charts/${/charts\/(chart\d+\.xml)/.exec(rels)![1]}`)!.async('string');
    expect(chart).toContain('<c:areaChart>');
    expect(seriesValues(chart, 'Median (simulated)')).toHaveLength(8);
  });

  test('downloads every scenario, a section each', async ({ page }) => {
    await openApp(page);
    const { zip } = await downloadDeck(page, 'Every scenario, a section each');
    const presentation = await zip.file('ppt/presentation.xml')!.async('string');
    const sections = [...presentation.matchAll(/<p14:section name="([^"]*)"/g)].map((m) => m[1]);
    expect(sections).toEqual(['Report consensus', 'Narrow definition ($6 B by 2028)']);
  });

  test('works offline after the first visit: the deck writer comes from the service worker’s cache', async ({ page, context }) => {
    await openApp(page);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null)).toMatch(/\/sw\.js$/);
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByTestId('headline-total')).toBeVisible();
    const failed: string[] = [];
    page.on('requestfailed', (request) => failed.push(request.url()));
    const { zip } = await downloadDeck(page, 'This scenario');
    expect(slidePaths(zip).length).toBeGreaterThanOrEqual(9);
    expect(failed).toEqual([]);
  });
});

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

test.describe('hostile names', () => {
  /** Every XML part of a package, parsed by the browser's strict XML parser: the parts that fail, and whether any holds an element `tag`. */
  async function parseParts(page: Page, zip: JSZip, tags: readonly string[]): Promise<{ malformed: string[]; withTag: string[] }> {
    const parts: [string, string][] = [];
    for (const path of Object.keys(zip.files).filter((f) => /\.(xml|rels|vml)$/.test(f))) parts.push([path, await zip.file(path)!.async('string')]);
    return page.evaluate(
      ({ parts, tags }) => {
        const malformed: string[] = [];
        const withTag: string[] = [];
        for (const [path, text] of parts) {
          const doc = new DOMParser().parseFromString(text, 'application/xml');
          if (doc.getElementsByTagName('parsererror').length > 0) malformed.push(path);
          if (tags.some((tag) => doc.getElementsByTagName(tag).length > 0)) withTag.push(path);
        }
        return { malformed, withTag };
      },
      { parts, tags },
    );
  }

  test('names that look like markup or formulas arrive as text in the deck and the workbook, both well-formed', async ({ page }) => {
    const workspace = seedWorkspace();
    workspace.title = 'Board <em>draft</em> & "review"';
    workspace.scenarios[0]!.name = '<script>alert(1)</script>';
    workspace.scenarios[0]!.model.dimensions[0]!.members[0]!.name = '=HYPERLINK("http://x","y")';
    workspace.scenarios[0]!.model.dimensions[0]!.members[1]!.name = ']]><x/>\u0001';
    await openApp(page);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open…' }).click();
    await (await chooser).setFiles({ name: 'hostile.slidecast.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(workspace)) });
    await expect(page.getByTestId('file-name')).toContainText('hostile.slidecast.json');

    const deck = (await downloadDeck(page, 'This scenario')).zip;
    const deckParts = await parseParts(page, deck, ['em', 'script', 'x']);
    expect(deckParts).toEqual({ malformed: [], withTag: [] });
    expect(await slideTexts(deck, slidePaths(deck)[0]!)).toEqual(expect.arrayContaining(['Board <em>draft</em> & "review"', '<script>alert(1)</script>']));

    const next = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download workbook (Excel)' }).click();
    const workbook = await JSZip.loadAsync(readFileSync(await (await next).path()));
    expect(await parseParts(page, workbook, ['em', 'script', 'x'])).toEqual({ malformed: [], withTag: [] });
    // The formula-like name is a text cell: in the shared strings, and never a formula of its own.
    const strings = await workbook.file('xl/sharedStrings.xml')!.async('string');
    expect(strings).toContain('=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)');
    for (const path of Object.keys(workbook.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f))) {
      expect(await workbook.file(path)!.async('string')).not.toMatch(/<f>[^<]*HYPERLINK/);
    }
  });
});
