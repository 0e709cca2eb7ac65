import { readFileSync } from 'node:fs';
import { expect, test, type Download, type Page } from '@playwright/test';
import { forecast } from '../../src/engine/forecast';
import { forecastToCsv } from '../../src/io/forecastExport';
import { seedWorkspace } from '../../src/model/seedWorkspace';
import { openApp, withoutFileSystemAccess } from './support';

/**
 * Exports in the production build (with its Content-Security-Policy): charts as PNG at twice their
 * size and as standalone SVG, on the clipboard; the forecast and the member table as CSV with the
 * engine's numbers, safe against formula injection; the printed summary (one page, notes and all).
 */

const STEM = 'AI in Medical Imaging Diagnosis - Report consensus';
const HOSTILE = '=HYPERLINK("http://x")';

/** Content-Security-Policy violations the page reports while the test runs. */
function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test.beforeEach(async ({ page }) => {
  await withoutFileSystemAccess(page);
});

async function choose(page: Page, menu: string, item: string): Promise<void> {
  await page.getByRole('button', { name: menu }).click();
  await page.getByRole('menuitem', { name: item }).click();
}

async function download(page: Page, action: () => Promise<void>): Promise<{ file: Download; bytes: Buffer }> {
  const next = page.waitForEvent('download');
  await action();
  const file = await next;
  return { file, bytes: readFileSync(await file.path()) };
}

/** Width and height from a PNG's IHDR chunk (bytes 16–23), after checking the signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Parses SVG text with the browser's XML parser: root, size, and what it holds. */
async function inspectSvg(page: Page, text: string) {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      errors: doc.getElementsByTagName('parsererror').length,
      root: root.localName,
      namespace: root.namespaceURI,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      viewBox: root.getAttribute('viewBox'),
      title: doc.querySelector('svg > title')?.textContent ?? '',
      line: doc.querySelector('path[data-testid="total-line"]')?.getAttribute('d') ?? null,
      areas: [...doc.querySelectorAll('path.stacked-area')].map((path) => path.getAttribute('d')),
      texts: [...doc.querySelectorAll('text')].map((t) => t.textContent ?? ''),
      scripts: doc.querySelectorAll('script, foreignObject').length,
      handlers: [...doc.querySelectorAll('*')].flatMap((element) => [...element.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name)),
    };
  }, text);
}

/** Draws an image file in the page and reports its size and whether anything but white is in it. */
async function drawImage(page: Page, bytes: Buffer, type: string) {
  return page.evaluate(
    async ({ base64, mime }) => {
      const blob = new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type: mime });
      const url = URL.createObjectURL(blob);
      const image = new Image();
      image.src = url;
      await image.decode();
      URL.revokeObjectURL(url);
      const { naturalWidth: width, naturalHeight: height } = image;
      const canvas = new OffscreenCanvas(width, height);
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const pixels = context.getImageData(0, 0, width, height).data;
      let ink = 0;
      for (let i = 0; i < pixels.length; i += 4) if (pixels[i]! < 200 || pixels[i + 1]! < 200 || pixels[i + 2]! < 200) ink += 1;
      return { width, height, inkShare: ink / (width * height) };
    },
    { base64: bytes.toString('base64'), mime: type },
  );
}

test('the total chart downloads as a PNG at twice its size and as a standalone SVG with its line', async ({ page }) => {
  const csp = watchCsp(page);
  await openApp(page);
  const chart = page.getByTestId('total-chart');
  const cssWidth = Number(await chart.getAttribute('width'));
  const cssHeight = Number(await chart.getAttribute('height'));
  expect(cssWidth).toBeGreaterThan(300);

  const svg = await download(page, () => choose(page, 'Export total market chart', 'SVG'));
  expect(svg.file.suggestedFilename()).toBe(`${STEM} - total market.svg`);
  const text = svg.bytes.toString('utf8');
  expect(text.startsWith('<?xml')).toBe(true);
  const parsed = await inspectSvg(page, text);
  expect(parsed.errors).toBe(0);
  expect(parsed.root).toBe('svg');
  expect(parsed.namespace).toBe('http://www.w3.org/2000/svg');
  expect(parsed.width).toBe(cssWidth);
  expect(parsed.height).toBeGreaterThan(cssHeight);
  expect(parsed.viewBox).toBe(`0 0 ${parsed.width} ${parsed.height}`);
  expect(parsed.line).toBe(await page.getByTestId('total-line').getAttribute('d'));
  expect(parsed.title).toContain('Total market (USD bn)');
  expect(parsed.texts).toEqual(expect.arrayContaining(['2032', 'Total market']));
  expect(parsed.scripts).toBe(0);
  expect(parsed.handlers).toEqual([]);
  await expect(page.getByRole('status').filter({ hasText: 'total market.svg' })).toBeVisible();

  const png = await download(page, () => choose(page, 'Export total market chart', 'PNG (2×)'));
  expect(png.file.suggestedFilename()).toBe(`${STEM} - total market.png`);
  const size = pngSize(png.bytes);
  // 2× the chart's CSS width; 2× the height of the picture (the chart with its title and legend).
  expect(size.width).toBe(2 * cssWidth);
  expect(size.height).toBe(2 * parsed.height);
  const drawn = await drawImage(page, png.bytes, 'image/png');
  expect(drawn).toMatchObject({ width: 2 * cssWidth, height: 2 * parsed.height });
  expect(drawn.inkShare).toBeGreaterThan(0.005);
  // The standalone SVG renders on its own, too.
  const fromSvg = await drawImage(page, svg.bytes, 'image/svg+xml');
  expect(fromSvg.inkShare).toBeGreaterThan(0.005);

  expect(csp).toEqual([]);
});

test('the breakdown chart exports the dimension on screen, and copies to the clipboard as a PNG', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const csp = watchCsp(page);
  await openApp(page);
  const breakdown = page.getByRole('region', { name: 'Breakdown' });
  await breakdown.getByRole('button', { name: 'Region' }).click();
  const chart = page.getByTestId('stacked-area-chart');
  const cssWidth = Number(await chart.getAttribute('width'));

  const svg = await download(page, () => choose(page, 'Export by region chart', 'SVG'));
  expect(svg.file.suggestedFilename()).toBe(`${STEM} - by region.svg`);
  const parsed = await inspectSvg(page, svg.bytes.toString('utf8'));
  expect(parsed.errors).toBe(0);
  const onScreen = await chart.locator('path.stacked-area').evaluateAll((paths) => paths.map((p) => p.getAttribute('d')));
  expect(parsed.areas).toEqual(onScreen);
  expect(parsed.areas).toHaveLength(5);
  expect(parsed.texts).toEqual(expect.arrayContaining(['By region (USD bn)', 'North America', 'Middle East & Africa']));

  await choose(page, 'Export by region chart', 'Copy image');
  await expect(breakdown.getByRole('status')).toContainText('Copied the chart to the clipboard');
  const copied = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    const blob = await item!.getType('image/png');
    const bitmap = await createImageBitmap(blob);
    return { types: item!.types, width: bitmap.width, height: bitmap.height };
  });
  expect(copied.types).toContain('image/png');
  expect(copied.width).toBe(2 * cssWidth);
  expect(copied.height).toBe(2 * parsed.height);
  expect(csp).toEqual([]);
});

test('copying says so in an alert when the browser refuses the clipboard', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
  });
  await openApp(page);
  await choose(page, 'Export total market chart', 'Copy image');
  await expect(page.getByRole('alert').filter({ hasText: 'does not let web pages copy images' })).toBeVisible();
});

test("the forecast CSV holds the engine's numbers, exactly as the command line writes them", async ({ page }) => {
  await openApp(page);
  const csv = await download(page, () => page.getByRole('button', { name: 'Download forecast (CSV)' }).click());
  expect(csv.file.suggestedFilename()).toBe(`${STEM} - forecast.csv`);
  // A byte-order mark, so a spreadsheet reads it as UTF-8; then the CLI's CSV, byte for byte.
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = csv.bytes.subarray(3).toString('utf8');
  const workspace = seedWorkspace();
  const engine = forecast(workspace.scenarios[0]!.model);
  // The forecast's rows come first; the simulation's percentile rows may follow once its run has
  // finished (test/e2e/uncertainty.spec.ts checks those against the command line).
  const plain = forecastToCsv(engine);
  expect(text.slice(0, plain.length)).toBe(plain);

  const rows = plain.trimEnd().split('\r\n').map((row) => row.split(','));
  const years = engine.layout.years;
  expect(rows[0]).toEqual(['series', 'name', ...years.map(String)]);
  expect(rows[1]!.slice(2).map(Number)).toEqual(Array.from(engine.total));
  const n = years.length;
  engine.layout.series.forEach((info, s) => {
    const row = rows.find((r) => r[0] === info.key)!;
    expect(row.slice(-n).map(Number)).toEqual(Array.from(engine.values.subarray(s * n, (s + 1) * n)));
  });
  expect(rows).toHaveLength(2 + engine.layout.series.length);
});

test('a member named like a formula comes out escaped in both CSVs, and as text in the SVG', async ({ page }) => {
  const workspace = seedWorkspace();
  workspace.scenarios[0]!.model.dimensions[2]!.members[0]!.name = HOSTILE;
  await openApp(page);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open…' }).click();
  await (await chooser).setFiles({ name: 'hostile.slidecast.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(workspace)) });
  await expect(page.getByTestId('file-name')).toContainText('hostile.slidecast.json');
  await expect(page.getByTestId('member-table')).toContainText(HOSTILE);

  const escaped = `"'=HYPERLINK(""http://x"")"`;
  const forecastCsv = (await download(page, () => page.getByRole('button', { name: 'Download forecast (CSV)' }).click())).bytes.toString('utf8');
  expect(forecastCsv).toContain(`region/na,${escaped},`);
  const membersCsv = (await download(page, () => choose(page, 'Export member table', 'CSV'))).bytes.toString('utf8');
  expect(membersCsv).toContain(`Region,region/na,${escaped},1,`);
  for (const line of [...forecastCsv.split('\r\n'), ...membersCsv.split('\r\n')]) {
    for (const cell of line.replace(/^\uFEFF/, '').split(',')) expect(cell).not.toMatch(/^"?[=+@-][A-Za-z]/);
  }

  await page.getByRole('region', { name: 'Breakdown' }).getByRole('button', { name: 'Region' }).click();
  const svg = await download(page, () => choose(page, 'Export by region chart', 'SVG'));
  const parsed = await inspectSvg(page, svg.bytes.toString('utf8'));
  expect(parsed.errors).toBe(0);
  expect(parsed.texts).toContain(HOSTILE);
});

/** Pages in a PDF made by Chromium: its page objects are plain dictionaries. */
function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
}

test('the printed summary is the only thing printed: one A4 or Letter page, its numbered notes running onto a second', async ({ page }) => {
  const csp = watchCsp(page);
  await openApp(page);
  await page.evaluate(() => {
    (window as unknown as { printCalls: number }).printCalls = 0;
    window.print = () => {
      (window as unknown as { printCalls: number }).printCalls += 1;
    };
  });
  await page.getByRole('button', { name: 'Print summary' }).click();
  expect(await page.evaluate(() => (window as unknown as { printCalls: number }).printCalls)).toBe(1);
  // On screen, the summary never shows; with no print dialog to close (the stub), it goes soon after.
  await expect(page.getByTestId('print-summary')).toBeHidden();
  await expect(page.getByTestId('print-summary')).toHaveCount(0);

  // Printing as Ctrl+P does (beforeprint, print layout, afterprint): the summary is rendered for
  // the print and gone afterwards, and it is one page on A4 and on Letter — with the seed's 12
  // vendors and the five revenues the report quotes.
  await page.evaluate(() => {
    const w = window as unknown as { summaryPrinted: number };
    w.summaryPrinted = 0;
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) if (node instanceof HTMLElement && node.dataset.testid === 'print-summary') w.summaryPrinted += 1;
      }
    }).observe(document.body, { childList: true });
  });
  for (const format of ['A4', 'Letter'] as const) {
    const pdf = await page.pdf({ format, printBackground: true });
    expect(pdfPageCount(pdf), `${format} pages`).toBeLessThanOrEqual(2);
  }
  expect(await page.evaluate(() => (window as unknown as { summaryPrinted: number }).summaryPrinted)).toBe(2);
  await expect(page.getByTestId('print-summary')).toHaveCount(0);

  // Laid out for print, it is the only thing on the page.
  await page.emulateMedia({ media: 'print' });
  const summary = page.getByTestId('print-summary');
  await expect(summary).toBeVisible();
  await expect(page.locator('.topbar')).toBeHidden();
  await expect(page.locator('.assumptions')).toBeHidden();
  await expect(page.locator('.forecast')).toBeHidden();
  await expect(summary.getByRole('heading', { level: 1 })).toHaveText('AI in Medical Imaging Diagnosis');
  await expect(summary).toContainText('Report consensus');
  await expect(summary.getByTestId('total-chart')).toBeVisible();
  await expect(summary.getByTestId('stacked-area-chart')).toBeVisible();
  // The eight claims, then the report's five statements with no check (the vendors' revenues) in one short list.
  await expect(summary.locator('.ps-claim')).toHaveCount(8);
  await expect(summary.locator('.ps-no-check .ps-statement')).toHaveCount(5);
  // Everything but the notes — headline, charts, key assumptions, claims — is within the first
  // Letter page's printable height (279 mm − 2 × 12 mm margins), on the narrower A4 width
  // (210 mm − 2 × 12 mm), and so is the start of the notes; the notes (every assumption of the
  // seed gives the reason for its range) may run onto a second page, at a readable size.
  await page.setViewportSize({ width: Math.floor((186 / 25.4) * 96), height: 900 });
  const pageHeight = (255 / 25.4) * 96;
  const top = await summary.evaluate((element) => element.getBoundingClientRect().top);
  const claimsBottom = await summary.locator('.ps-claims').evaluate((element) => element.getBoundingClientRect().bottom);
  expect(claimsBottom - top).toBeLessThan(pageHeight);
  const notesTop = await summary.locator('.ps-notes').evaluate((element) => element.getBoundingClientRect().top);
  expect(notesTop - top).toBeLessThan(pageHeight - 40);
  const bottom = await summary.evaluate((element) => element.getBoundingClientRect().bottom);
  expect(bottom - top).toBeLessThan(2 * pageHeight);
  expect(await summary.locator('.ps-notes ol').evaluate((element) => parseFloat(getComputedStyle(element).fontSize))).toBeGreaterThanOrEqual(8);
  const pdf = await page.pdf({ format: 'Letter', printBackground: true });
  expect(pdfPageCount(pdf)).toBeLessThanOrEqual(2);

  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByTestId('print-summary')).toHaveCount(0);
  await expect(page.locator('.topbar')).toBeVisible();
  expect(csp).toEqual([]);
});
