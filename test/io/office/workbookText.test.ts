/**
 * Text from a workspace reaches the workbook as text: a name that reads like a formula stays a
 * string cell (no <f> element, whatever Excel would make of it typed in), and characters XML
 * cannot carry are dropped rather than breaking the file.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { forecastWorkbookBytes } from '../../../src/io/office/forecastWorkbook';
import { spreadsheetText, xmlSafeText } from '../../../src/io/office/xmlText';
import { seedWorkspace } from '../../../src/model/seedWorkspace';
import { activeScenarioOf } from '../../../src/state/scenarioSelectors';
import { openWorkbook, workbookInput } from './workbookReader';

const HYPERLINK = '=HYPERLINK("http://x","y")';

function hostileWorkspace() {
  const workspace = seedWorkspace();
  workspace.title = HYPERLINK;
  const scenario = activeScenarioOf(workspace);
  scenario.name = '+1';
  scenario.model.drivers[0]!.name = '@SUM(A1)';
  scenario.model.dimensions[0]!.members[0]!.name = '-1';
  scenario.model.dimensions[0]!.members[1]!.name = 'Soft_x0041_ware_x00e9_';
  scenario.model.baseSize.source = 'bell\u0007 and nul\u0000, <b>&amp;</b>';
  workspace.claims[0]!.label = '=1+1';
  workspace.claims[0]!.source = 'lone \uD800 surrogate \uFFFF';
  return workspace;
}

/** The raw XML of one cell, and its text when it is a shared string. */
async function rawCell(zip: JSZip, sheet: number, address: string): Promise<{ xml: string; text: string | undefined }> {
  const xml = await zip.file(`xl/worksheets/sheet${sheet}.xml`)!.async('string');
  const cell = new RegExp(`<c r="${address}"[^>]*?(/>|>.*?</c>)`).exec(xml)?.[0];
  if (cell === undefined) throw new Error(`no cell ${address} in sheet ${sheet}`);
  const shared = await zip.file('xl/sharedStrings.xml')!.async('string');
  const strings = [...shared.matchAll(/<si>(.*?)<\/si>/gs)].map(([, si]) => [...si!.matchAll(/<t[^>]*>(.*?)<\/t>/gs)].map(([, t]) => t).join(''));
  const index = /t="s"[^>]*><v>(\d+)<\/v>/.exec(cell)?.[1];
  const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  return { xml: cell, text: index === undefined ? undefined : decode(strings[Number(index)]!) };
}

describe('text in the workbook', () => {
  it('writes names that read like formulas as string cells, never as formulas', async () => {
    const workspace = hostileWorkspace();
    const bytes = await forecastWorkbookBytes(workbookInput(workspace));
    const zip = await JSZip.loadAsync(bytes);
    const cells: [number, string, string][] = [
      [1, 'A1', HYPERLINK], // Assumptions: the workspace title
      [1, 'A2', '+1'], // the scenario name
      [2, 'A2', '@SUM(A1)'], // Drivers: the first driver
      [3, 'A3', '-1'], // Forecast: the first member
      [4, 'A2', '=1+1'], // Claims: the first claim's label
    ];
    for (const [sheet, address, text] of cells) {
      const cell = await rawCell(zip, sheet, address);
      expect(cell.xml, `${sheet} ${address}`).not.toContain('<f>');
      expect(cell.text, `${sheet} ${address}`).toBe(text);
    }
    // …and a formula engine reads them as text too.
    const book = await openWorkbook(bytes);
    expect(book.value('Assumptions', 1, 1)).toBe(HYPERLINK);
    expect(book.value('Forecast', 3, 1)).toBe('-1');
  });

  it('keeps a name that contains SpreadsheetML’s escape _xHHHH_ as written, not as the character it encodes', async () => {
    const bytes = await forecastWorkbookBytes(workbookInput(hostileWorkspace()));
    const zip = await JSZip.loadAsync(bytes);
    expect((await rawCell(zip, 3, 'A4')).text).toBe('Soft_x005F_x0041_ware_x005F_x00e9_');
    // exceljs decodes escapes on reading, as Excel does: the name comes back as it was.
    expect((await openWorkbook(bytes)).value('Forecast', 4, 1)).toBe('Soft_x0041_ware_x00e9_');
  });

  it('drops the characters XML cannot carry from text and comments, and the file still opens', async () => {
    const workspace = hostileWorkspace();
    const bytes = await forecastWorkbookBytes(workbookInput(workspace));
    const zip = await JSZip.loadAsync(bytes);
    for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.xml') || n.endsWith('.vml'))) {
      const xml = await zip.file(name)!.async('string');
      // eslint-disable-next-line no-control-regex -- looking for exactly these
      expect(xml, name).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDFFF]/u);
    }
    const comments = Object.keys(zip.files).filter((n) => /comments\d*\.xml$/.test(n));
    const commentXml = (await Promise.all(comments.map((n) => zip.file(n)!.async('string')))).join('');
    expect(commentXml).toContain('Source: bell and nul, &lt;b&gt;&amp;amp;&lt;/b&gt;');
    const book = await openWorkbook(bytes);
    expect(book.value('Claims', 2, 2)).toBe('lone  surrogate ');
  });
});

describe('spreadsheetText', () => {
  it('escapes the underscore that would start an _xHHHH_ escape, and only that one', () => {
    expect(spreadsheetText('_x0041_ _x00e9_ _x12_ x_0041_ a_b\u0000')).toBe('_x005F_x0041_ _x005F_x00e9_ _x12_ x_0041_ a_b');
  });
});

describe('xmlSafeText', () => {
  it('keeps tab, line breaks, text in every script and paired surrogates; drops the rest of C0, lone surrogates, U+FFFE and U+FFFF', () => {
    expect(xmlSafeText('a\tb\nc\rd é 中 😀')).toBe('a\tb\nc\rd é 中 😀');
    expect(xmlSafeText('\u0000x\u0001\u0008\u000B\u000C\u000E\u001Fy\uFFFE\uFFFF\uD800z\uDC00')).toBe('xyz');
    expect(xmlSafeText('lone \uD800 high, lone \uDC00 low, pair 🎉')).toBe('lone  high, lone  low, pair 🎉');
    expect(xmlSafeText('<b>&"x"</b> שלום')).toBe('<b>&"x"</b> שלום'); // escaping is the writers' job
  });
});
