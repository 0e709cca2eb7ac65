/**
 * Test support: an exported .xlsx read back and evaluated by an independent formula engine.
 *
 * The bytes are opened twice: with jszip, for the raw XML (defined names, whether a cell holds a
 * formula), and with exceljs, for each cell's content. Every sheet then goes into HyperFormula:
 * formulas as formulas, numbers and booleans as they are, and text with a leading apostrophe, so
 * that a name such as `=HYPERLINK(…)` or `-1` stays text there as it does in Excel. The workbook's
 * defined names become HyperFormula's named expressions.
 */
import ExcelJS from 'exceljs';
import { HyperFormula, type RawCellContent } from 'hyperformula';
import JSZip from 'jszip';
import { forecastWorkbookBytes, forecastWorkbookInput, type ForecastWorkbookInput } from '../../../src/io/office/forecastWorkbook';
import type { Workspace } from '../../../src/model/types';
import { activeScenarioOf } from '../../../src/state/scenarioSelectors';

export interface OpenedWorkbook {
  zip: JSZip;
  /** Defined name → its reference, from xl/workbook.xml. */
  definedNames: Map<string, string>;
  hf: HyperFormula;
  sheetId: (name: string) => number;
  /** The evaluated value of a cell (1-based row and column): a number, string, boolean, or an error's type. */
  value: (sheet: string, row: number, column: number) => unknown;
  /** The content of a cell as loaded (formula text with '=', number, string with '\''). */
  content: (sheet: string, row: number, column: number) => RawCellContent;
}

/** A formula cell of the file's raw XML: where it is, and the result cached in its <v> (a number, text, or error code). */
export interface CachedFormula {
  sheet: string;
  row: number;
  column: number;
  cached: number | string | boolean | { error: string } | undefined;
}

/**
 * Every formula cell of the workbook's sheets, read from the XML (exceljs's reader drops a cached
 * 0): `sheets` are the sheets' names in the workbook's order (sheet1.xml, sheet2.xml, …).
 */
export async function cachedFormulas(zip: JSZip, sheets: readonly string[]): Promise<CachedFormula[]> {
  const out: CachedFormula[] = [];
  for (const [i, sheet] of sheets.entries()) {
    const xml = await zip.file(`xl/worksheets/sheet${i + 1}.xml`)!.async('string');
    for (const [, address, attributes, v] of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*)><f>[^<]*<\/f>(?:<v>([^<]*)<\/v>)?<\/c>/g)) {
      const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(address!)!;
      const column = [...letters!].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
      const type = /\bt="(\w+)"/.exec(attributes!)?.[1];
      const text = v === undefined ? undefined : xmlUnescape(v);
      const cached =
        text === undefined ? undefined : type === 'str' ? text : type === 'b' ? text === '1' : type === 'e' ? { error: text } : Number(text);
      out.push({ sheet, row: Number(digits), column, cached });
    }
  }
  return out;
}

/** The workbook of the workspace's active scenario, as the app builds it. */
export function workbookInput(workspace: Workspace): ForecastWorkbookInput {
  return forecastWorkbookInput(workspace, activeScenarioOf(workspace));
}

function xmlUnescape(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp);/g, (_, entity: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[entity]!);
}

export async function readDefinedNames(zip: JSZip): Promise<Map<string, string>> {
  const xml = await zip.file('xl/workbook.xml')!.async('string');
  const names = new Map<string, string>();
  for (const [, name, ref] of xml.matchAll(/<definedName name="([^"]*)"[^>]*>([^<]*)<\/definedName>/g)) names.set(xmlUnescape(name!), xmlUnescape(ref!));
  return names;
}

export async function openWorkbook(bytes: Uint8Array): Promise<OpenedWorkbook> {
  const zip = await JSZip.loadAsync(bytes);
  const definedNames = await readDefinedNames(zip);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheets: Record<string, RawCellContent[][]> = {};
  workbook.eachSheet((sheet) => {
    const rows: RawCellContent[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: RawCellContent[] = [];
      row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
        const v = cell.value as unknown;
        let content: RawCellContent;
        if (v !== null && typeof v === 'object' && 'formula' in v) content = `=${(v as { formula: string }).formula}`;
        else if (typeof v === 'string') content = `'${v}`;
        else if (typeof v === 'number' || typeof v === 'boolean') content = v;
        else if (v === null || v === undefined) content = null;
        else throw new Error(`cell ${sheet.name}!${cell.address} holds an unexpected value ${JSON.stringify(v)}`);
        cells[columnNumber - 1] = content;
      });
      rows[rowNumber - 1] = Array.from(cells, (c) => c ?? null);
    });
    sheets[sheet.name] = Array.from(rows, (r) => r ?? []);
  });
  const hf = HyperFormula.buildFromSheets(
    sheets,
    // Plain doubles, as Excel and the engine compute: no rounding of results or of sums near zero.
    { licenseKey: 'gpl-v3', smartRounding: false, precisionEpsilon: 0, maxColumns: 16384 },
    [...definedNames].map(([name, ref]) => ({ name, expression: `=${ref}` })),
  );
  const sheetId = (name: string): number => {
    const id = hf.getSheetId(name);
    if (id === undefined) throw new Error(`no sheet ${name}`);
    return id;
  };
  const value = (sheet: string, row: number, column: number): unknown => {
    const v = hf.getCellValue({ sheet: sheetId(sheet), row: row - 1, col: column - 1 });
    return v !== null && typeof v === 'object' && 'type' in v ? { error: (v as { type: string }).type } : v;
  };
  const content = (sheet: string, row: number, column: number): RawCellContent => sheets[sheet]?.[row - 1]?.[column - 1] ?? null;
  return { zip, definedNames, hf, sheetId, value, content };
}

export async function exportAndOpen(input: ForecastWorkbookInput): Promise<OpenedWorkbook> {
  return openWorkbook(await forecastWorkbookBytes(input));
}
