/**
 * What the printed summary says about a scenario, worked out from the workspace and the engine's
 * result: the headline numbers, the key assumptions with where each comes from, and the claims.
 *
 * Sources and notes are long quotations, often the same for many numbers (every driver cites the
 * same passage), so each distinct text becomes one numbered note, cited by number — which keeps
 * the summary to one page without cutting any text short. A dimension of many members shows its
 * largest and counts the rest; the sources' statements with no check are one short list after the
 * claims, each citing the note that holds it whole.
 */
import { totalCagr } from '../../engine/cagr';
import { countClaims } from '../../engine/claimStatus';
import type { ScenarioResult } from '../../engine/evaluateScenario';
import type { Forecast } from '../../engine/forecastTypes';
import { driverEnabled, driverRampYears, driverStartYear, memberGrowthDelta } from '../../model/defaults';
import { isSourced, type Quantity } from '../../model/quantity';
import { noteWithUncheckedStatement, splitNote, uncheckedStatements } from '../../model/uncheckedStatements';
import type { Scenario, Workspace } from '../../model/types';
import type { SimulationProgress } from '../../state/simulationSlice';
import { claimActualText, formatClaimOdds } from '../claimOdds';
import { formatCountOf, formatPercent, formatSignedPercent, formatSize } from '../format';
import { endYearIntervalText, samplesBasisText } from '../simulationText';
import { cleanText } from '../../model/names';

export type Basis = 'source' | 'assumption';

export interface AssumptionRow {
  label: string;
  value: string;
  /** Timing of a driver, a growth premium… */
  detail?: string;
  basis: Basis;
  /** Numbers of the notes holding its source and its note (reasoning, caveat); empty when it has neither. */
  notes: number[];
}

export interface AssumptionGroup {
  heading: string;
  rows: AssumptionRow[];
  /** "+ 32 more (14.0% together)" when a long list is cut for the page. */
  more?: string;
}

export interface ClaimRow {
  id: string;
  label: string;
  status: 'met' | 'missed' | 'notCheckable';
  /** The scenario's value of what the claim is about, formatted; or why it cannot be checked. */
  detail?: string;
  /** The odds that the scenario meets it, "P(2028 ≥ $20 B) = 63%", when it was simulated. */
  odds?: string;
  note?: number;
}

/** What a simulation of the scenario says, in words: the end year's 80% interval. */
export interface PrintUncertainty {
  /** "$20.1 B – $29.3 B": the 10th to the 90th percentile of the end year's total. */
  interval: string;
  /** "provisional, from 3,000 samples" while more are coming; else "from 50,000 samples". */
  basis: string;
}

/** A statement of the sources that is no checkable target (see model/uncheckedStatements.ts). */
export interface StatementRow {
  id: string;
  /** The number it bears on, e.g. "GE Healthcare share". */
  about: string;
  /** The source's own words in quotes, else the statement as written. */
  words: string;
  note?: number;
}

export interface SummaryNote {
  number: number;
  text: string;
}

export interface PrintSummaryData {
  title: string;
  scenarioName: string;
  scenarioNotes?: string;
  unit: string;
  firstYear: number;
  lastYear: number;
  endTotal: number;
  cagr: number;
  met: number;
  missed: number;
  notCheckable: number;
  /** Present when the scenario was simulated. */
  uncertainty?: PrintUncertainty;
  /** Market size, trend growth and the drivers. */
  growth: AssumptionGroup;
  /** Top-level shares of each dimension. */
  shares: AssumptionGroup[];
  claims: ClaimRow[];
  statements: StatementRow[];
  notes: SummaryNote[];
}

/**
 * At most this many drivers, and rows per dimension: a dimension of more members shows its largest
 * (one row fewer, largest first) and counts the rest on the last row.
 */
export const MAX_DRIVERS = 12;
export const MAX_MEMBERS = 6;

class NoteBook {
  readonly notes: SummaryNote[] = [];
  readonly #numbers = new Map<string, number>();

  cite(text: string | undefined): number | undefined {
    const clean = text === undefined ? undefined : cleanText(text);
    if (!clean) return undefined;
    let number = this.#numbers.get(clean);
    if (number === undefined) {
      number = this.notes.length + 1;
      this.#numbers.set(clean, number);
      this.notes.push({ number, text: clean });
    }
    return number;
  }
}

/** The number of the note holding a statement with no check (the same wherever it is cited). */
function citeStatement(notes: NoteBook, statement: string): number | undefined {
  return notes.cite(noteWithUncheckedStatement('', statement));
}

function basisOf(quantity: Quantity, notes: NoteBook): Pick<AssumptionRow, 'basis' | 'notes'> {
  // A note's reasoning and its statements with no check are numbered apart: a reasoning that many
  // numbers share (every vendor's) is printed once, and the claims cite each statement alone.
  const { reasoning, statements } = splitNote(quantity.note);
  const cited = [
    isSourced(quantity) ? notes.cite(quantity.source) : undefined,
    notes.cite(reasoning),
    ...statements.map((statement) => citeStatement(notes, statement)),
  ].filter((n) => n !== undefined);
  return { basis: isSourced(quantity) ? 'source' : 'assumption', notes: cited };
}

function row(label: string, value: string, quantity: Quantity, notes: NoteBook, detail?: string): AssumptionRow {
  const out: AssumptionRow = { label, value, ...basisOf(quantity, notes) };
  if (detail) out.detail = detail;
  return out;
}

/**
 * `simulation`: the scenario's simulation, when there is one of these years and series (see
 * `simulationFor`); it adds the 80% interval and the odds of each claim.
 */
export function buildPrintSummary(workspace: Workspace, scenario: Scenario, result: ScenarioResult, simulation?: SimulationProgress): PrintSummaryData {
  const { model } = scenario;
  const { forecast } = result;
  const notes = new NoteBook();
  const years = forecast.layout.years;
  const firstYear = years[0] ?? model.baseYear;
  const lastYear = years[years.length - 1] ?? model.endYear;

  const growthRows: AssumptionRow[] = [
    row(`Market size ${model.baseYear}`, formatSize(model.baseSize.value, model.unit, 2), model.baseSize, notes),
    row('Trend growth', `${formatPercent(model.baseGrowth.value, 1)}/yr`, model.baseGrowth, notes),
  ];
  const drivers = model.drivers.slice(0, MAX_DRIVERS);
  for (const driver of drivers) {
    const timing: string[] = [];
    if (!driverEnabled(driver)) timing.push('switched off');
    else {
      const start = driverStartYear(driver, model);
      const ramp = driverRampYears(driver);
      if (start !== model.baseYear + 1) timing.push(`from ${start}`);
      if (ramp > 1) timing.push(`ramps in over ${ramp} years`);
    }
    growthRows.push(row(driver.name, `${formatSignedPercent(driver.impact.value, 1)}/yr`, driver.impact, notes, timing.join(', ')));
  }
  const growth: AssumptionGroup = { heading: 'Market and growth', rows: growthRows };
  const hiddenDrivers = model.drivers.length - drivers.length;
  if (hiddenDrivers > 0) growth.more = `+ ${formatCountOf(hiddenDrivers, 'more driver')}`;

  const shares = model.dimensions.map((dimension): AssumptionGroup => {
    const cut = dimension.members.length > MAX_MEMBERS;
    const largestFirst = [...dimension.members].sort((a, b) => b.share.value - a.share.value);
    const shown = cut ? largestFirst.slice(0, MAX_MEMBERS - 1) : dimension.members;
    const rows = shown.map((member) => {
      const delta = memberGrowthDelta(member);
      const detail = delta !== 0 ? `${formatSignedPercent(delta, 1)}/yr vs. market` : undefined;
      return row(member.name, formatPercent(member.share.value, 1), member.share, notes, detail);
    });
    const group: AssumptionGroup = { heading: `${dimension.name} shares, ${model.baseYear}`, rows };
    const rest = cut ? largestFirst.slice(MAX_MEMBERS - 1) : [];
    if (rest.length > 0) {
      const together = rest.reduce((sum, member) => sum + member.share.value, 0);
      group.more = `+ ${rest.length} more (${formatPercent(together, 1)} together)`;
    }
    return group;
  });

  const claims = result.claims.map((status): ClaimRow => {
    const claim = workspace.claims.find((c) => c.id === status.claimId);
    const out: ClaimRow = { id: status.claimId, label: claim?.label ?? status.claimId, status: status.status };
    const detail = status.status === 'notCheckable' ? status.reason : claim ? claimActualText(claim, status.actual, model.unit) : undefined;
    if (detail) out.detail = detail;
    const odds = simulation?.summary.claims.find((c) => c.claimId === status.claimId);
    if (claim && odds) out.odds = formatClaimOdds(claim, odds.probability, model.unit, forecast.layout);
    const note = claim ? notes.cite(claim.source) : undefined;
    if (note !== undefined) out.note = note;
    return out;
  });

  // After the claims, the sources' statements with no check: the number they bear on and the
  // words quoted, citing the note that holds the statement whole, with its source and why it is
  // not checked (the same numbered note as the number's row above, when it is shown there).
  const statements = uncheckedStatements(model).map((statement): StatementRow => {
    const out: StatementRow = { id: statement.key, about: statement.about, words: statement.quote === undefined ? statement.text : `"${statement.quote}"` };
    const note = citeStatement(notes, statement.text);
    if (note !== undefined) out.note = note;
    return out;
  });

  const { met, missed } = countClaims(result.claims);
  const data: PrintSummaryData = {
    title: workspace.title,
    scenarioName: scenario.name,
    unit: model.unit,
    firstYear,
    lastYear,
    endTotal: forecast.total[forecast.total.length - 1] ?? NaN,
    cagr: totalCagr(forecast),
    met,
    missed,
    notCheckable: result.claims.length - met - missed,
    growth,
    shares,
    claims,
    statements,
    notes: notes.notes,
  };
  if (scenario.notes?.trim()) data.scenarioNotes = scenario.notes.trim();
  if (simulation && simulation.summary.samples > 0) {
    const { summary, running } = simulation;
    data.uncertainty = {
      interval: endYearIntervalText(summary, model.unit),
      basis: samplesBasisText(summary.samples, running),
    };
  }
  return data;
}

/**
 * The dimension the summary draws: the first one whose members have parts of their own (regions
 * with countries — usually what a reader asks about first), else the first.
 */
export function summaryDimension(forecast: Forecast): number {
  const { dimensions, series } = forecast.layout;
  const nested = dimensions.findIndex((d) => d.members.some((s) => (series[s]?.children.length ?? 0) > 0));
  return nested >= 0 ? nested : dimensions.length > 0 ? 0 : -1;
}
