/**
 * The Excel export is still a model (issue 12): its formulas, evaluated by HyperFormula, give the
 * engine's forecast — for the seed, for random workspaces, and after an assumption is changed in
 * the sheet. Claims' status cells judge as the engine does; names arrive as text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkClaims } from '../../../src/engine/claimStatus';
import { forecast } from '../../../src/engine/forecast';
import { horizonCagr, seriesCagr } from '../../../src/engine/cagr';
import type { Forecast } from '../../../src/engine/forecastTypes';
import {
  columnLetter,
  FORECAST_FIRST_YEAR_COLUMN,
  forecastSheetRows,
  forecastWorkbookBytes,
  forecastWorkbookInput,
  MAX_WORKBOOK_FORMULAS,
  SHEETS,
  STATUS_TEXT,
  workbookFormulaCount,
  WorkbookTooLargeError,
} from '../../../src/io/office/forecastWorkbook';
import { isValidExcelName } from '../../../src/io/office/excelNames';
import { seedWorkspace } from '../../../src/model/seedWorkspace';
import type { Model, Workspace } from '../../../src/model/types';
import { activeScenarioOf } from '../../../src/state/scenarioSelectors';
import { arbitraryWorkspace } from '../../support/arbitraries';
import { assertAsyncProperty } from '../../support/property';
import { dimension, member, model as buildModel } from '../../support/models';
import { cachedFormulas, exportAndOpen, workbookInput, type OpenedWorkbook } from './workbookReader';

/**
 * |actual − expected| within 1e-9 of the larger, or within 1e-12 of `scale` (the series' largest
 * value): a growth that sums to −100% give or take the last bit (1 + g a rounding apart in two
 * orders of summation) leaves 1e-16 of a market in one and 0 in the other.
 */
function close(actual: unknown, expected: number, scale: number): boolean {
  // NaN is "not defined here": the sheet's NA(), not an error that happens to stand in for it.
  if (Number.isNaN(expected)) return typeof actual === 'object' && actual !== null && (actual as { error: string }).error === 'NA';
  if (typeof actual !== 'number') return false;
  return Math.abs(actual - expected) <= 1e-9 * Math.max(Math.abs(actual), Math.abs(expected)) || Math.abs(actual - expected) <= 1e-12 * scale;
}

const largest = (values: ArrayLike<number>): number => Math.max(...Array.from(values, Math.abs));

/** Every number of the Forecast sheet against `expected`; the first difference, or undefined. */
function forecastDifference(book: OpenedWorkbook, expected: Forecast): string | undefined {
  const Y = expected.layout.years.length;
  const S = expected.layout.series.length;
  const rows = forecastSheetRows(S);
  const cagrColumn = FORECAST_FIRST_YEAR_COLUMN + Y;
  const scale = largest(expected.total);
  const check = (row: number, column: number, want: number, what: string, s = scale): string | undefined => {
    const got = book.value(SHEETS.forecast, row, column);
    return close(got, want, s) ? undefined : `${what}: sheet ${JSON.stringify(got)}, engine ${want}`;
  };
  for (let t = 0; t < Y; t++) {
    const year = expected.layout.years[t]!;
    const column = FORECAST_FIRST_YEAR_COLUMN + t;
    const header = check(1, column, year, `year header ${t}`);
    if (header) return header;
    const total = check(rows.valueRow(-1), column, expected.total[t]!, `total ${year}`);
    if (total) return total;
    for (let s = 0; s < S; s++) {
      const key = expected.layout.series[s]!.key;
      const v = check(rows.valueRow(s), column, expected.values[s * Y + t]!, `${key} ${year}`);
      if (v) return v;
      const share = check(rows.shareRow(s), column, expected.shares[s * Y + t]!, `${key} share ${year}`, 1);
      if (share) return share;
    }
  }
  const totalCagr = check(rows.valueRow(-1), cagrColumn, horizonCagr(expected.total), 'total CAGR', 1);
  if (totalCagr) return totalCagr;
  for (let s = 0; s < S; s++) {
    const key = expected.layout.series[s]!.key;
    if (book.content(SHEETS.forecast, rows.valueRow(s), 2) !== `'${key}`) return `${key}: the path cell reads ${String(book.content(SHEETS.forecast, rows.valueRow(s), 2))}`;
    const c = check(rows.valueRow(s), cagrColumn, seriesCagr(expected, s), `${key} CAGR`, 1);
    if (c) return c;
  }
  return undefined;
}

/** The status cells of the Claims sheet against checkClaims. */
function claimsDifference(book: OpenedWorkbook, model: Model, expected: Forecast, workspace: Workspace): string | undefined {
  const statuses = checkClaims(model, expected, workspace.claims);
  for (let i = 0; i < statuses.length; i++) {
    const got = book.value(SHEETS.claims, 2 + i, 11);
    const want = STATUS_TEXT[statuses[i]!.status];
    const ok = statuses[i]!.status === 'notCheckable' ? typeof got === 'string' && got.startsWith(want) : got === want;
    if (!ok) return `claim ${workspace.claims[i]!.id}: sheet ${JSON.stringify(got)}, engine ${want} (${statuses[i]!.reason ?? statuses[i]!.actual})`;
    // A metric undefined in this forecast (the engine's NaN) is the sheet's NA(), with the bare status.
    if (got === want && statuses[i]!.status === 'notCheckable' && !close(book.value(SHEETS.claims, 2 + i, 10), NaN, 1)) {
      return `claim ${workspace.claims[i]!.id}: actual ${JSON.stringify(book.value(SHEETS.claims, 2 + i, 10))}, engine not defined (${statuses[i]!.reason})`;
    }
    if (statuses[i]!.actual !== undefined && !close(book.value(SHEETS.claims, 2 + i, 10), statuses[i]!.actual!, Math.abs(statuses[i]!.actual!))) {
      return `claim ${workspace.claims[i]!.id}: actual ${JSON.stringify(book.value(SHEETS.claims, 2 + i, 10))}, engine ${statuses[i]!.actual}`;
    }
  }
  return undefined;
}

/** The Assumptions row whose defined name is `name`. */
function assumptionRow(book: OpenedWorkbook, name: string): number {
  const ref = book.definedNames.get(name);
  const match = ref === undefined ? null : /^Assumptions!\$B\$(\d+)$/.exec(ref);
  if (!match) throw new Error(`no assumption named ${name} (${ref})`);
  return Number(match[1]);
}

function setCell(book: OpenedWorkbook, sheet: string, row: number, column: number, value: number | boolean): void {
  book.hf.setCellContents({ sheet: book.sheetId(sheet), row: row - 1, col: column - 1 }, value);
}

describe('the Excel workbook of the seed workspace', () => {
  const workspace = seedWorkspace();
  const model = activeScenarioOf(workspace).model;

  it('evaluates, formula by formula, to the engine’s forecast and claim statuses', async () => {
    const book = await exportAndOpen(workbookInput(workspace));
    const expected = forecast(model);
    expect(forecastDifference(book, expected)).toBeUndefined();
    expect(claimsDifference(book, model, expected, workspace)).toBeUndefined();
  });

  it('caches the engine’s values as the formulas’ results and asks Excel to recalculate on open', async () => {
    const book = await exportAndOpen(workbookInput(workspace));
    const xml = await book.zip.file('xl/workbook.xml')!.async('string');
    expect(xml).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
    const expected = forecast(model);
    const Y = expected.layout.years.length;
    const rows = forecastSheetRows(expected.layout.series.length);
    const sheetXml = await book.zip.file('xl/worksheets/sheet3.xml')!.async('string');
    const endTotal = `${columnLetter(FORECAST_FIRST_YEAR_COLUMN + Y - 1)}${rows.valueRow(-1)}`;
    const cell = new RegExp(`<c r="${endTotal}"[^>]*><f>[^<]+</f><v>([^<]+)</v>`).exec(sheetXml);
    expect(cell).not.toBeNull();
    expect(Number(cell![1])).toBe(expected.total[Y - 1]);
  });

  it('caches, in every formula of every sheet, the value the formula gives', async () => {
    const book = await exportAndOpen(workbookInput(workspace));
    const formulas = await cachedFormulas(book.zip, Object.values(SHEETS));
    expect(formulas.length).toBeGreaterThan(1000);
    const wrong = formulas.filter(({ sheet, row, column, cached }) => {
      const evaluated = book.value(sheet, row, column);
      if (typeof cached === 'number') return !close(evaluated, cached, Math.abs(cached));
      if (cached !== null && typeof cached === 'object' && 'error' in cached) return !close(evaluated, NaN, 1) || (cached as { error: string }).error !== '#N/A';
      return evaluated !== cached;
    });
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it('counts its formulas before it is made, as many as it holds within a few percent', async () => {
    const book = await exportAndOpen(workbookInput(workspace));
    const held = (await cachedFormulas(book.zip, Object.values(SHEETS))).length;
    const counted = workbookFormulaCount(workbookInput(workspace));
    expect(Math.abs(counted - held) / held).toBeLessThan(0.05);
  });

  it('refuses, before any work, a workbook of more formulas than an export makes, saying what fits instead', async () => {
    // 3,000 members over 51 years: some 460,000 formulas, far past the limit.
    const members = Array.from({ length: 3000 }, (_, i) => member(`m${i}`, 1 / 3000));
    const big = buildModel({ baseYear: 2000, endYear: 2050, dimensions: [dimension('d', members)] });
    const scenario = { id: 'big', name: 'Big', model: big };
    const input = forecastWorkbookInput({ title: 'Big', claims: [] }, scenario);
    expect(workbookFormulaCount(input)).toBeGreaterThan(MAX_WORKBOOK_FORMULAS);
    const refusal = await forecastWorkbookBytes(input).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(WorkbookTooLargeError);
    expect((refusal as Error).message).toMatch(/^this scenario would make a workbook of about [\d,]+ formulas, and an export stops at 250,000: .*forecast CSV/);
  });

  it('recomputes when trend growth, a share or a driver’s enabled changes in the sheet', async () => {
    const book = await exportAndOpen(workbookInput(workspace));
    const changed = structuredClone(model);

    changed.baseGrowth.value = 0.11;
    setCell(book, SHEETS.assumptions, assumptionRow(book, 'baseGrowth'), 2, 0.11);
    expect(forecastDifference(book, forecast(changed))).toBeUndefined();

    const region = changed.dimensions.find((d) => d.id === 'region')!;
    const [na, europe] = [region.members.find((m) => m.id === 'na')!, region.members.find((m) => m.id === 'europe')!];
    na.share.value = 0.5;
    europe.share.value = 0.2;
    setCell(book, SHEETS.assumptions, assumptionRow(book, 'share.region.na'), 2, 0.5);
    setCell(book, SHEETS.assumptions, assumptionRow(book, 'share.region.europe'), 2, 0.2);
    expect(forecastDifference(book, forecast(changed))).toBeUndefined();

    changed.drivers[0]!.enabled = false;
    setCell(book, SHEETS.drivers, 2, 5, false);
    expect(forecastDifference(book, forecast(changed))).toBeUndefined();

    // A premium the workspace left unset is an assumption too.
    const child = region.members.find((m) => m.children?.length)!.children![0]!;
    const path = `${region.id}.${region.members.find((m) => m.children?.includes(child))!.id}.${child.id}`;
    child.growthDelta = { value: 0.07 };
    setCell(book, SHEETS.assumptions, assumptionRow(book, `growthDelta.${path}`), 2, 0.07);
    expect(forecastDifference(book, forecast(changed))).toBeUndefined();

    // The years follow the base year, and the CAGR column's heading with them.
    const Y = model.endYear - model.baseYear + 1;
    setCell(book, SHEETS.assumptions, assumptionRow(book, 'BaseYear'), 2, 2020);
    expect(book.value(SHEETS.forecast, 1, FORECAST_FIRST_YEAR_COLUMN)).toBe(2020);
    expect(book.value(SHEETS.forecast, 1, FORECAST_FIRST_YEAR_COLUMN + Y)).toBe(`CAGR 2020–${2020 + Y - 1}`);
  });

  it('gives every quantity a valid, unique defined name, and base and end year too', async () => {
    const book = await exportAndOpen(workbookInput(workspace));
    const names = [...book.definedNames.keys()];
    expect(names).toEqual(expect.arrayContaining(['BaseYear', 'EndYear', 'baseSize', 'baseGrowth']));
    expect(names.every(isValidExcelName)).toBe(true);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  });
});

describe('the Claims sheet', () => {
  it('judges claims at the edges of met as the engine does: on the bound, default tolerances, undefined metrics, outside the years, unknown members', async () => {
    const workspace = seedWorkspace();
    const model = activeScenarioOf(workspace).model;
    const f = forecast(model);
    const Y = f.layout.years.length;
    const end = model.endYear;
    const T = f.total[Y - 1]!;
    const na = f.layout.series.findIndex((info) => info.key === 'region/na');
    const share = f.values[na * Y + Y - 1]! / T;
    const common = { source: 'edge', member: undefined } as const;
    workspace.claims = [
      { ...common, id: 'on-at-least', label: 'at least, exactly', metric: 'size', year: end, op: 'atLeast', value: T },
      { ...common, id: 'on-at-most', label: 'at most, exactly', metric: 'size', year: end, op: 'atMost', value: T },
      { ...common, id: 'default-in', label: '≈ within 5%', metric: 'size', year: end, op: 'approx', value: T / 1.045 },
      { ...common, id: 'default-out', label: '≈ beyond 5%', metric: 'size', year: end, op: 'approx', value: T / 1.055 },
      { id: 'share-in', label: 'share within ½ pt', metric: 'share', member: 'region/na', year: end, op: 'approx', value: share + 0.004, source: 'edge' },
      { id: 'share-out', label: 'share beyond ½ pt', metric: 'share', member: 'region/na', year: end, op: 'approx', value: share + 0.006, source: 'edge' },
      { ...common, id: 'outside', label: 'before the years', metric: 'size', year: model.baseYear - 1, op: 'atLeast', value: 1 },
      { id: 'unknown', label: 'no such member', metric: 'size', member: 'region/atlantis', year: end, op: 'atLeast', value: 1, source: 'edge' },
    ];
    const book = await exportAndOpen(workbookInput(workspace));
    expect(claimsDifference(book, model, f, workspace)).toBeUndefined();
    expect([2, 3, 4, 5, 6, 7].map((row) => book.value(SHEETS.claims, row, 11))).toEqual(['met', 'met', 'met', 'missed', 'met', 'missed']);
    expect(book.value(SHEETS.claims, 8, 11)).toBe(`not checkable: ${model.baseYear - 1} is outside this scenario's years ${model.baseYear}–${end}`);
    expect(book.value(SHEETS.claims, 9, 11)).toBe('not checkable: this scenario has no member region/atlantis');
  });

  it('finds no share of a market of 0 and no CAGR from a size of 0: not checkable, as the engine says', async () => {
    const workspace = seedWorkspace();
    const model = activeScenarioOf(workspace).model;
    model.baseSize.value = 0;
    workspace.claims = [
      { id: 'share', label: 'share', metric: 'share', member: 'region/na', year: model.endYear, op: 'atLeast', value: 0, source: 's' },
      { id: 'cagr', label: 'cagr', metric: 'cagr', fromYear: model.baseYear, toYear: model.endYear, op: 'atMost', value: 1, source: 's' },
      { id: 'size', label: 'size', metric: 'size', year: model.endYear, op: 'atMost', value: 0, source: 's' },
    ];
    const book = await exportAndOpen(workbookInput(workspace));
    const f = forecast(model);
    expect(claimsDifference(book, model, f, workspace)).toBeUndefined();
    expect([2, 3, 4].map((row) => book.value(SHEETS.claims, row, 11))).toEqual(['not checkable', 'not checkable', 'met']);
    expect(forecastDifference(book, f)).toBeUndefined();
  });
});

describe('the Excel workbook of random workspaces', () => {
  it('evaluates to the engine’s forecast and claim statuses', async () => {
    const workspaces = arbitraryWorkspace({ maxYears: 25, maxDimensions: 3, maxMembers: 4, maxDepth: 2 });
    await assertAsyncProperty(
      fc.asyncProperty(workspaces, async (workspace) => {
        const scenario = activeScenarioOf(workspace);
        const expected = forecast(scenario.model);
        const book = await exportAndOpen(workbookInput(workspace));
        expect(forecastDifference(book, expected)).toBeUndefined();
        expect(claimsDifference(book, scenario.model, expected, workspace)).toBeUndefined();
      }),
      { numRuns: 50 },
    );
  });
});
