/**
 * The scenario on screen as an Excel workbook that is still a model (issue 12): every number of the
 * forecast is a formula over named assumptions, so a change in Excel recomputes everything.
 *
 * - **Assumptions**: one row per quantity — base size, trend growth, each driver's impact, each
 *   member's share and growth premium (every member's, children included; a premium the workspace
 *   leaves unset is written at its default of 0, so that it can be set in Excel) — its value in a
 *   named cell (src/io/office/excelNames.ts), source and note as the cell's comment. Base and end
 *   year are named cells too.
 * - **Drivers**: impact (the named assumption), start year, ramp years, enabled, and the weight of
 *   each year by formula; below them the market's growth g(t).
 * - **Forecast**: the total, every member and child (with its path), each one's share of its
 *   parent and the CAGR of each series — DESIGN.md §3 as the engine (src/engine/evaluateForecast.ts)
 *   reads it, including where a parent is 0 (its list keeps the shares of the year before). The
 *   helper rows u(t) are in an outlined "Working" section at the bottom of the sheet.
 * - **Claims**: each claim's actual value read from the Forecast sheet, and a status formula giving
 *   "met", "missed" or "not checkable" as src/engine/claimStatus.ts judges.
 *
 * Each formula carries the engine's value as its cached result, for viewers that do not
 * recalculate; Excel recalculates on open. Names, sources and notes are written as text (never as
 * formulas, whatever they start with), without the characters XML cannot carry.
 *
 * Where the engine's arithmetic goes beyond plain doubles (issue 9: shares of 5e-324, parents
 * growing 2^64-fold) the spreadsheet uses the plain formula; for every ordinary file the numbers
 * are the same.
 */
import type { CellValue, Workbook, Worksheet } from 'exceljs';
import { horizonCagr, seriesCagr } from '../../engine/cagr';
import { checkClaims, locateClaim, type ClaimStatus } from '../../engine/claimStatus';
import { driverWeight } from '../../engine/compiledModel';
import { forecast as forecastOf } from '../../engine/forecast';
import type { Forecast } from '../../engine/forecastTypes';
import { driverEnabled, driverRampYears, driverStartYear, memberGrowthDelta } from '../../model/defaults';
import type { Quantity } from '../../model/quantity';
import { findMember, quantityKey, quantityKind, quantityName, type QuantityKind, type QuantityRef } from '../../model/quantityRef';
import type { Claim, Model, Scenario, Workspace } from '../../model/types';
import { excelNames } from './excelNames';
import { spreadsheetText } from './xmlText';

/** What the workbook is made of: the workspace's title and claims, the scenario and its forecast. */
export interface ForecastWorkbookInput {
  workspaceTitle: string;
  scenario: Scenario;
  /** The engine's forecast of `scenario.model`: the formulas' cached results. */
  forecast: Forecast;
  claims: readonly Claim[];
}

/**
 * The input for `scenario` of `workspace`, its forecast computed here: what is written and the
 * cached results always belong to the same model, even while a newer result is on its way.
 */
export function forecastWorkbookInput(workspace: Pick<Workspace, 'title' | 'claims'>, scenario: Scenario): ForecastWorkbookInput {
  return { workspaceTitle: workspace.title, scenario, forecast: forecastOf(scenario.model), claims: workspace.claims };
}

/** The part of the exceljs module the builder uses (passed in, so exceljs is loaded only on demand). */
export interface ExcelModule {
  Workbook: new () => Workbook;
}

export const SHEETS = { assumptions: 'Assumptions', drivers: 'Drivers', forecast: 'Forecast', claims: 'Claims' } as const;
export const BASE_YEAR_NAME = 'BaseYear';
export const END_YEAR_NAME = 'EndYear';
/** The words of a claim's status cell (src/engine/claimStatus.ts `ClaimStatusKind`). */
export const STATUS_TEXT: Readonly<Record<ClaimStatus['status'], string>> = { met: 'met', missed: 'missed', notCheckable: 'not checkable' };

/** The Forecast sheet's first year column (C; A is the name, B the path). */
export const FORECAST_FIRST_YEAR_COLUMN = 3;

/**
 * The rows of the Forecast sheet for a forecast of `seriesCount` series: the total (row 2), each
 * series' values (layout order), a heading, each series' share of its parent, then the working.
 * Series -1 is the total.
 */
export function forecastSheetRows(seriesCount: number) {
  const sharesHeading = 3 + seriesCount + 1;
  return {
    valueRow: (s: number): number => (s < 0 ? 2 : 3 + s),
    sharesHeading,
    shareRow: (s: number): number => sharesHeading + 1 + s,
    workingHeading: sharesHeading + 1 + seriesCount + 1,
  };
}
const DRIVERS_FIRST_YEAR_COLUMN = 6;

const FORMAT = { size: '#,##0.00##', percent: '0.00%', year: '0', weight: '0.00' } as const;

/** Column letters of a 1-based column number: 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** A cached result as exceljs writes it: a number, or the error Excel would show for NaN or ±∞. */
function cached(value: number | string | boolean): CellValue | { error: string } {
  if (typeof value !== 'number' || Number.isFinite(value)) return value;
  return { error: Number.isNaN(value) ? '#N/A' : '#NUM!' };
}

function setFormula(sheet: Worksheet, address: string, formula: string, result: number | string | boolean, numFmt?: string): void {
  const cell = sheet.getCell(address);
  cell.value = { formula, result: cached(result) } as CellValue;
  if (numFmt) cell.numFmt = numFmt;
}

/** Text from the workspace: always a string cell (never a formula), as written (src/io/office/xmlText.ts). */
function setText(sheet: Worksheet, address: string, text: string): void {
  sheet.getCell(address).value = spreadsheetText(text);
}

function formatOf(kind: QuantityKind): string {
  return kind === 'size' ? FORMAT.size : FORMAT.percent;
}

interface AssumptionRow {
  ref: QuantityRef;
  quantity: Quantity | undefined;
  value: number;
}

/** Every quantity of the model in model order, a growth premium for every member (0 where unset). */
function assumptionRows(model: Model, forecast: Forecast): AssumptionRow[] {
  const rows: AssumptionRow[] = [
    { ref: { kind: 'baseSize' }, quantity: model.baseSize, value: model.baseSize.value },
    { ref: { kind: 'baseGrowth' }, quantity: model.baseGrowth, value: model.baseGrowth.value },
  ];
  for (const driver of model.drivers) rows.push({ ref: { kind: 'driverImpact', driverId: driver.id }, quantity: driver.impact, value: driver.impact.value });
  for (const info of forecast.layout.series) {
    const path = info.key.split('/');
    const member = findMember(model, path);
    if (!member) throw new Error(`the forecast does not match the scenario: no member ${info.key}`);
    rows.push({ ref: { kind: 'memberShare', path }, quantity: member.share, value: member.share.value });
    rows.push({ ref: { kind: 'memberGrowthDelta', path }, quantity: member.growthDelta, value: memberGrowthDelta(member) });
  }
  return rows;
}

/** The comment of an assumption's value cell: its source and note, or why it has none. */
function assumptionComment(row: AssumptionRow): string | undefined {
  if (row.ref.kind === 'memberGrowthDelta' && row.quantity === undefined) return 'Not set in the workspace: 0 by default.';
  const parts: string[] = [];
  if (row.quantity?.source) parts.push(`Source: ${row.quantity.source}`);
  if (row.quantity?.note) parts.push(`Note: ${row.quantity.note}`);
  return parts.length > 0 ? spreadsheetText(parts.join('\n')) : undefined;
}

/** Builds the workbook of `input` with the exceljs module `excel`. */
export function buildForecastWorkbook(excel: ExcelModule, input: ForecastWorkbookInput): Workbook {
  const { scenario, forecast } = input;
  const model = scenario.model;
  const years = forecast.layout.years;
  if (years.length !== model.endYear - model.baseYear + 1 || years[0] !== model.baseYear) throw new Error('the forecast does not match the scenario: its years differ');

  const workbook = new excel.Workbook();
  workbook.creator = 'Slidecast';
  workbook.title = spreadsheetText(`${input.workspaceTitle} — ${scenario.name}`);
  workbook.calcProperties.fullCalcOnLoad = true;
  const named = writeAssumptions(workbook, input);
  const growthCell = writeDrivers(workbook.addWorksheet(SHEETS.drivers, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] }), input, named);
  writeForecast(workbook.addWorksheet(SHEETS.forecast, { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] }), input, named, growthCell);
  writeClaims(workbook.addWorksheet(SHEETS.claims, { views: [{ state: 'frozen', ySplit: 1 }] }), input);
  return workbook;
}

/** The text a formula uses for a quantity: its defined name. */
type NameOf = (ref: QuantityRef) => string;

/** Writes the years in row 1: the first year is `BaseYear`, each next one the year before + 1. */
function writeYearHeader(sheet: Worksheet, years: readonly number[], yearColumn: (t: number) => string): void {
  years.forEach((year, t) => setFormula(sheet, `${yearColumn(t)}1`, t === 0 ? BASE_YEAR_NAME : `${yearColumn(t - 1)}1+1`, year, FORMAT.year));
}

/** The Assumptions sheet; returns the defined name of each quantity. */
function writeAssumptions(workbook: Workbook, input: ForecastWorkbookInput): NameOf {
  const { scenario, forecast } = input;
  const model = scenario.model;
  const assumptions = workbook.addWorksheet(SHEETS.assumptions, { views: [{ state: 'frozen', ySplit: 4 }] });
  assumptions.columns = [{ width: 48 }, { width: 14 }, { width: 12 }, { width: 36 }];
  setText(assumptions, 'A1', input.workspaceTitle);
  assumptions.getCell('A1').font = { bold: true, size: 14 };
  setText(assumptions, 'A2', scenario.name);
  ['Assumption', 'Value', 'Unit', 'Name in formulas'].forEach((header, i) => (assumptions.getCell(4, i + 1).value = header));
  assumptions.getRow(4).font = { bold: true };

  const defineName = (sheet: Worksheet, column: number, row: number, name: string): void => {
    workbook.definedNames.add(`${sheet.name}!$${columnLetter(column)}$${row}`, name);
  };
  const yearRows: [string, string, number][] = [
    ['Base year', BASE_YEAR_NAME, model.baseYear],
    ['End year (the sheets have a column per year up to it)', END_YEAR_NAME, model.endYear],
  ];
  yearRows.forEach(([label, name, value], i) => {
    const row = 5 + i;
    assumptions.getCell(row, 1).value = label;
    assumptions.getCell(row, 2).value = value;
    assumptions.getCell(row, 2).numFmt = FORMAT.year;
    assumptions.getCell(row, 4).value = name;
    defineName(assumptions, 2, row, name);
  });

  const rows = assumptionRows(model, forecast);
  const names = excelNames(rows.map((row) => quantityKey(row.ref)), [BASE_YEAR_NAME, END_YEAR_NAME]);
  const nameOf = new Map<string, string>();
  rows.forEach((row, i) => {
    const r = 7 + i;
    const name = names[i]!;
    const kind = quantityKind(row.ref);
    nameOf.set(quantityKey(row.ref), name);
    setText(assumptions, `A${r}`, quantityName(model, row.ref));
    const cell = assumptions.getCell(r, 2);
    cell.value = row.value;
    cell.numFmt = formatOf(kind);
    const comment = assumptionComment(row);
    if (comment !== undefined) cell.note = comment;
    setText(assumptions, `C${r}`, kind === 'size' ? model.unit : kind === 'share' ? '%' : '% a year');
    assumptions.getCell(r, 4).value = name;
    defineName(assumptions, 2, r, name);
  });
  return (ref) => nameOf.get(quantityKey(ref))!;
}

/** The Drivers sheet; returns the address of g(t) for year index t ≥ 1, as the Forecast sheet reads it. */
function writeDrivers(drivers: Worksheet, input: ForecastWorkbookInput, named: NameOf): (t: number) => string {
  const { scenario, forecast } = input;
  const model = scenario.model;
  const years = forecast.layout.years;
  const Y = years.length;
  const dYear = (t: number): string => columnLetter(DRIVERS_FIRST_YEAR_COLUMN + t);
  const driverCount = model.drivers.length;
  const growthRow = driverCount + 3;
  drivers.getColumn(1).width = 40;
  ['Driver', 'Impact', 'Start year', 'Ramp years', 'Enabled'].forEach((header, i) => (drivers.getCell(1, i + 1).value = header));
  drivers.getRow(1).font = { bold: true };
  writeYearHeader(drivers, years, dYear);
  model.drivers.forEach((driver, d) => {
    const r = 2 + d;
    setText(drivers, `A${r}`, driver.name);
    setFormula(drivers, `B${r}`, named({ kind: 'driverImpact', driverId: driver.id }), driver.impact.value, FORMAT.percent);
    const start = driverStartYear(driver, model);
    if (driver.startYear === undefined) setFormula(drivers, `C${r}`, `${BASE_YEAR_NAME}+1`, start, FORMAT.year);
    else drivers.getCell(`C${r}`).value = start;
    drivers.getCell(`D${r}`).value = driverRampYears(driver);
    drivers.getCell(`E${r}`).value = driverEnabled(driver);
    for (let t = 0; t < Y; t++) {
      const c = dYear(t);
      const weight = driverEnabled(driver) ? driverWeight(years[t]!, start, driverRampYears(driver)) : 0;
      setFormula(drivers, `${c}${r}`, `IF(OR(NOT($E${r}),${c}$1<$C${r}),0,MIN(1,(${c}$1-$C${r}+1)/$D${r}))`, weight, FORMAT.weight);
    }
  });
  drivers.getCell(`A${growthRow}`).value = 'Market growth g(t) = trend growth + Σ impact × weight';
  drivers.getRow(growthRow).font = { bold: true };
  const trendGrowth = named({ kind: 'baseGrowth' });
  for (let t = 1; t < Y; t++) {
    const c = dYear(t);
    const sum = driverCount === 0 ? '' : `+SUMPRODUCT($B$2:$B$${driverCount + 1},${c}2:${c}${driverCount + 1})`;
    setFormula(drivers, `${c}${growthRow}`, `${trendGrowth}${sum}`, forecast.growth[t]!, FORMAT.percent);
  }
  return (t) => `${SHEETS.drivers}!${dYear(t)}${growthRow}`;
}

/**
 * The Forecast sheet: the total, each member's values and shares with their CAGRs, and the
 * working rows u(t) they are computed from (rows: `forecastSheetRows`).
 */
function writeForecast(sheet: Worksheet, input: ForecastWorkbookInput, named: NameOf, growthCell: (t: number) => string): void {
  const { scenario, forecast } = input;
  const model = scenario.model;
  const years = forecast.layout.years;
  const Y = years.length;
  sheet.properties.outlineLevelRow = 1;
  const fYear = (t: number): string => columnLetter(FORECAST_FIRST_YEAR_COLUMN + t);
  const cagrColumn = columnLetter(FORECAST_FIRST_YEAR_COLUMN + Y);
  const first = fYear(0);
  const last = fYear(Y - 1);
  const series = forecast.layout.series;
  const S = series.length;
  sheet.getColumn(1).width = 40;
  sheet.getColumn(2).width = 24;
  sheet.getCell('A1').value = 'Series';
  sheet.getCell('B1').value = 'Path';
  writeYearHeader(sheet, years, fYear);
  // A formula of the year headers, so it follows a base year edited in the sheet.
  setFormula(sheet, `${cagrColumn}1`, `"CAGR "&${first}1&"–"&${last}1`, `CAGR ${years[0]}–${years[Y - 1]}`);
  sheet.getRow(1).font = { bold: true };

  const { valueRow, sharesHeading, shareRow, workingHeading } = forecastSheetRows(S);

  // CAGR of a row over the scenario's years: NA where its first value is not positive (src/engine/cagr.ts).
  const writeCagr = (r: number, value: number): void => {
    setFormula(sheet, `${cagrColumn}${r}`, `IF(${first}${r}<=0,NA(),(${last}${r}/${first}${r})^(1/(${last}$1-${first}$1))-1)`, value, FORMAT.percent);
  };

  // Total: T(y0) = baseSize; T(t) = T(t − 1) · max(0, 1 + g(t)).
  const T = valueRow(-1);
  sheet.getCell(`A${T}`).value = `Total (${spreadsheetText(model.unit)})`;
  sheet.getRow(T).font = { bold: true };
  for (let t = 0; t < Y; t++) {
    const formula = t === 0 ? named({ kind: 'baseSize' }) : `${fYear(t - 1)}${T}*MAX(0,1+${growthCell(t)})`;
    setFormula(sheet, `${fYear(t)}${T}`, formula, forecast.total[t]!, FORMAT.size);
  }
  writeCagr(T, horizonCagr(forecast.total));

  sheet.getCell(`A${sharesHeading}`).value = 'Share of the parent (the total, or the member above)';
  sheet.getRow(sharesHeading).font = { bold: true };

  // The lists in the engine's order (each dimension's top level, then every member's children):
  // a list's parent row exists before the list's rows are computed.
  const lists: { parent: number; members: number[]; title: string }[] = forecast.layout.dimensions.map((dimension) => ({
    parent: -1,
    members: dimension.members,
    title: dimension.name,
  }));
  series.forEach((info, s) => {
    if (info.children.length > 0) lists.push({ parent: s, members: info.children, title: info.name });
  });

  let r = workingHeading;
  sheet.getCell(`A${r}`).value =
    'Working (DESIGN.md §3): for each list, u(base year) = share; u(t) = u(t−1) × MAX(0, 1 + gP(t) + growth premium), unchanged where the parent is 0 in t or t−1; share of the parent = u / Σu';
  sheet.getRow(r).font = { bold: true };
  const uRow = new Map<number, number>();
  for (const list of lists) {
    r += 1;
    const P = valueRow(list.parent);
    const parentValues = list.parent < 0 ? forecast.total : forecast.values.subarray(list.parent * Y, (list.parent + 1) * Y);
    const gRow = r;
    setText(sheet, `A${gRow}`, `Parent growth gP(t): ${list.title}`);
    sheet.getRow(gRow).outlineLevel = 1;
    for (let t = 1; t < Y; t++) {
      const [p, p1] = [`${fYear(t)}${P}`, `${fYear(t - 1)}${P}`];
      const before = parentValues[t - 1]!;
      setFormula(sheet, `${fYear(t)}${gRow}`, `IF(${p1}=0,0,${p}/${p1}-1)`, before === 0 ? 0 : parentValues[t]! / before - 1, FORMAT.percent);
    }
    // u rows: u(y0) = σ; u(t) = u(t − 1) · max(0, 1 + gP(t) + δ), kept where the parent is 0 in t or t − 1.
    // The engine does not hand out u, so the cached results are this formula's own arithmetic.
    const sums = new Float64Array(Y);
    for (const s of list.members) {
      r += 1;
      uRow.set(s, r);
      const info = series[s]!;
      const path = info.key.split('/');
      setText(sheet, `A${r}`, `u: ${info.name}`);
      setText(sheet, `B${r}`, info.key);
      sheet.getRow(r).outlineLevel = 1;
      const member = findMember(model, path)!;
      const delta = memberGrowthDelta(member);
      let u = member.share.value;
      setFormula(sheet, `${first}${r}`, named({ kind: 'memberShare', path }), u);
      sums[0] = sums[0]! + u;
      for (let t = 1; t < Y; t++) {
        const [p, p1, c, c1] = [`${fYear(t)}${P}`, `${fYear(t - 1)}${P}`, fYear(t), fYear(t - 1)];
        const keep = parentValues[t] === 0 || parentValues[t - 1] === 0;
        u = keep ? u : u * Math.max(0, 1 + (parentValues[t]! / parentValues[t - 1]! - 1) + delta);
        setFormula(sheet, `${c}${r}`, `IF(OR(${p}=0,${p1}=0),${c1}${r},${c1}${r}*MAX(0,1+${c}${gRow}+${named({ kind: 'memberGrowthDelta', path })}))`, u);
        sums[t] = sums[t]! + u;
      }
    }
    r += 1;
    const sumRow = r;
    setText(sheet, `A${sumRow}`, `Σu: ${list.title}`);
    sheet.getRow(sumRow).outlineLevel = 1;
    const firstU = uRow.get(list.members[0]!)!;
    for (let t = 0; t < Y; t++) setFormula(sheet, `${fYear(t)}${sumRow}`, `SUM(${fYear(t)}${firstU}:${fYear(t)}${sumRow - 1})`, sums[t]!);

    // share(t) = u / Σu (0 for a list whose u all fell to 0); value(t) = P(t) · share(t).
    for (const s of list.members) {
      const info = series[s]!;
      const [vr, sr, ur] = [valueRow(s), shareRow(s), uRow.get(s)!];
      for (const [row, label] of [
        [vr, info.name],
        [sr, `${info.name} share`],
      ] as const) {
        setText(sheet, `A${row}`, label);
        setText(sheet, `B${row}`, info.key);
        sheet.getCell(`A${row}`).alignment = { indent: info.depth };
      }
      for (let t = 0; t < Y; t++) {
        const c = fYear(t);
        setFormula(sheet, `${c}${sr}`, `IF(${c}${sumRow}=0,0,${c}${ur}/${c}${sumRow})`, forecast.shares[s * Y + t]!, FORMAT.percent);
        setFormula(sheet, `${c}${vr}`, `${c}${P}*${c}${sr}`, forecast.values[s * Y + t]!, FORMAT.size);
      }
      writeCagr(vr, seriesCagr(forecast, s));
    }
  }
}

const CLAIM_HEADERS = ['Claim', 'Source', 'Metric', 'Year (from)', 'To year', 'Member', 'Op', 'Value', 'Tolerance', 'Actual', 'Status'];

/** The Claims sheet: each claim, its actual value read from the Forecast sheet, and its status. */
function writeClaims(sheet: Worksheet, input: ForecastWorkbookInput): void {
  const { scenario, forecast, claims } = input;
  const { valueRow } = forecastSheetRows(forecast.layout.series.length);
  const fYear = (t: number): string => columnLetter(FORECAST_FIRST_YEAR_COLUMN + t);
  const model = scenario.model;
  const statuses = checkClaims(model, forecast, claims);
  CLAIM_HEADERS.forEach((header, i) => (sheet.getCell(1, i + 1).value = header));
  sheet.getRow(1).font = { bold: true };
  sheet.getColumn(1).width = 32;
  sheet.getColumn(2).width = 40;
  sheet.getColumn(11).width = 28;
  const at = (s: number, t: number): string => `${SHEETS.forecast}!${fYear(t)}${valueRow(s)}`;
  claims.forEach((claim, i) => {
    const r = 2 + i;
    const status = statuses[i]!;
    const format = claim.metric === 'size' ? FORMAT.size : FORMAT.percent;
    setText(sheet, `A${r}`, claim.label);
    setText(sheet, `B${r}`, claim.source);
    sheet.getCell(`C${r}`).value = claim.metric;
    if (claim.metric === 'cagr') {
      sheet.getCell(`D${r}`).value = claim.fromYear;
      sheet.getCell(`E${r}`).value = claim.toYear;
    } else {
      sheet.getCell(`D${r}`).value = claim.year;
    }
    if (claim.member !== undefined) setText(sheet, `F${r}`, claim.member);
    sheet.getCell(`G${r}`).value = claim.op;
    sheet.getCell(`H${r}`).value = claim.value;
    sheet.getCell(`H${r}`).numFmt = format;
    // The default tolerance follows the value as src/model/defaults.ts `claimTolerance` does.
    if (claim.tolerance !== undefined) sheet.getCell(`I${r}`).value = claim.tolerance;
    else if (claim.metric === 'size') setFormula(sheet, `I${r}`, `ABS(H${r})*0.05`, Math.abs(claim.value) * 0.05);
    else sheet.getCell(`I${r}`).value = 0.005;
    sheet.getCell(`I${r}`).numFmt = format;

    const location = locateClaim(model, forecast.layout, claim);
    if (typeof location === 'string') {
      setText(sheet, `K${r}`, `${STATUS_TEXT.notCheckable}: ${location}`);
      return;
    }
    let actual: string;
    if (location.metric === 'size') actual = at(location.series, location.from);
    else if (location.metric === 'share') {
      const whole = at(-1, location.from);
      actual = `IF(${whole}>0,${at(location.series, location.from)}/${whole},NA())`;
    } else {
      const [a, b] = [at(location.series, location.from), at(location.series, location.to)];
      actual = `IF(${a}>0,(${b}/${a})^(1/(E${r}-D${r}))-1,NA())`;
    }
    setFormula(sheet, `J${r}`, actual, status.actual ?? NaN, format);
    const met = `IF(G${r}="approx",ABS(J${r}-H${r})<=ABS(I${r}),IF(G${r}="atLeast",J${r}>=H${r},J${r}<=H${r}))`;
    setFormula(sheet, `K${r}`, `IF(ISERROR(J${r}),"${STATUS_TEXT.notCheckable}",IF(${met},"${STATUS_TEXT.met}","${STATUS_TEXT.missed}"))`, STATUS_TEXT[status.status]);
  });
}

/** The media type of an .xlsx file. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The most formulas an export writes. exceljs takes about 30 µs a formula (the large model's
 * 25,000 in 0.7 s), all of it on the page's thread: 250,000 is some ten seconds, while a file at
 * the workspace limits (20,000 members, 50 years) would ask for millions — minutes, and more memory
 * than a tab may have. Checked before exceljs is loaded.
 */
export const MAX_WORKBOOK_FORMULAS = 250_000;

/**
 * About how many formulas the workbook of `input` holds: the Forecast sheet's rows (the total, and
 * each series' value, share and working row) across the years and the CAGR column, the Drivers'
 * weights and growth, two per claim.
 */
export function workbookFormulaCount(input: ForecastWorkbookInput): number {
  const years = input.forecast.layout.years.length;
  const series = input.forecast.layout.series.length;
  const drivers = input.scenario.model.drivers.length;
  return (1 + 3 * series) * (years + 1) + (drivers + 1) * years + 2 * drivers + 2 * input.claims.length;
}

/** An export refused before any work: the message says why and what to do instead. */
export class WorkbookTooLargeError extends Error {
  override name = 'WorkbookTooLargeError';
}

/**
 * The workbook of `input` as the bytes of an .xlsx file; loads exceljs on first use. A workbook of
 * more than MAX_WORKBOOK_FORMULAS is refused first (WorkbookTooLargeError).
 */
export async function forecastWorkbookBytes(input: ForecastWorkbookInput): Promise<Uint8Array<ArrayBuffer>> {
  const formulas = workbookFormulaCount(input);
  if (formulas > MAX_WORKBOOK_FORMULAS) {
    const count = (n: number) => n.toLocaleString('en-US');
    throw new WorkbookTooLargeError(
      `this scenario would make a workbook of about ${count(formulas)} formulas, and an export stops at ${count(MAX_WORKBOOK_FORMULAS)}: ` +
        'fewer members or years would fit, and the forecast CSV holds every number at any size',
    );
  }
  const module = (await import('exceljs')) as unknown as ExcelModule & { default?: ExcelModule };
  const excel = module.default ?? module;
  const buffer = await buildForecastWorkbook(excel, input).xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
