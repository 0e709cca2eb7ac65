/**
 * The PowerPoint deck of a workspace as plain content (src/io/office/deckContent.ts): for each
 * scenario asked for, a title slide, the headline, the total chart with its claims (and its fan
 * when the scenario on screen has a finished simulation), one stacked chart per dimension, the
 * bridge from another scenario, and the key assumptions with their sources. Every figure is said
 * in the app's own words: the headline and the assumptions come from the printed summary's data
 * (`buildPrintSummary`), the odds from claimOdds.ts, the sizes from format.ts.
 */
import { bridgeSteps, type BridgeResult } from '../../../engine/bridge';
import { evaluateScenario, type ScenarioResult } from '../../../engine/evaluateScenario';
import { seriesValues } from '../../../engine/seriesAccess';
import type { DeckContent, DeckSection, DeckSlide, DeckTotalChartSlide } from '../../../io/office/deckContent';
import type { Scenario, Workspace } from '../../../model/types';
import type { SimulationProgress } from '../../../state/simulationSlice';
import { CHART_INK, FAN_INK, STATUS_COLORS, seriesColor } from '../../charts/chartPalette';
import { claimName, claimStatusLabel } from '../../claimOdds';
import { bridgeTotalLabel, formatSignedSize, isNegligible } from '../../compare/compareData';
import { formatCountOf, formatLongDate, formatPercent, formatSize } from '../../format';
import { claimMarkers } from '../../forecast/ForecastView';
import { fanOf } from '../../forecast/useFan';
import { buildPrintSummary, type PrintSummaryData } from '../../print/summaryData';
import { CLAIMS_CAPTION } from '../../ClaimCounts';

/**
 * The app's font as PowerPoint has it: src/ui/styles.css names Liberation Sans first, which is
 * drawn to Arial's metrics, then Arial — the one of the two every PowerPoint has.
 */
export const DECK_FONT = 'Arial';

export interface DeckRequest {
  workspace: Workspace;
  /** The scenarios to put in the deck, in this order: the one on screen, or every one. */
  scenarioIds: readonly string[];
  /** The store's result of the scenario on screen (the numbers on screen); others are evaluated here. */
  activeResult: ScenarioResult | undefined;
  /**
   * The finished simulation of the scenario on screen, of its forecast's years and series; the
   * caller passes it only then (see `useScenarioSimulation`), never a run still in progress.
   */
  simulation: SimulationProgress | undefined;
  /** The Compare view's chosen bridge, when there is one. */
  bridgePair: { from: string; to: string } | undefined;
  today: Date;
}

/** pptxgenjs writes colours as hex without '#'. */
export function deckColor(cssHex: string): string {
  return cssHex.replace(/^#/, '').toUpperCase();
}

export function deckOfWorkspace(request: DeckRequest): DeckContent {
  const { workspace } = request;
  const sections = request.scenarioIds.map((id): DeckSection => {
    const scenario = workspace.scenarios.find((s) => s.id === id);
    if (!scenario) throw new Error(`there is no scenario “${id}” in the workspace`);
    return { name: scenario.name, slides: scenarioSlides(request, scenario) };
  });
  return {
    title: [workspace.title, ...(sections.length === 1 ? [sections[0]!.name] : [])].filter((t) => t.trim() !== '').join(' · '),
    sections,
    style: { fontFace: DECK_FONT, ink: deckColor(CHART_INK.strongText), mutedInk: deckColor(CHART_INK.text), gridColor: deckColor(CHART_INK.grid) },
  };
}

/**
 * Which two scenarios a section's bridge explains: the Compare view's pair while both still exist;
 * else from the first scenario to this one (the first's own section: to the second). None in a
 * workspace of one scenario.
 */
export function deckBridgePair(workspace: Workspace, bridgePair: DeckRequest['bridgePair'], scenarioId: string): { from: Scenario; to: Scenario } | undefined {
  const byId = (id: string) => workspace.scenarios.find((s) => s.id === id);
  const chosenFrom = bridgePair && byId(bridgePair.from);
  const chosenTo = bridgePair && byId(bridgePair.to);
  if (chosenFrom && chosenTo && chosenFrom !== chosenTo) return { from: chosenFrom, to: chosenTo };
  const [first, second] = workspace.scenarios;
  if (!first || !second) return undefined;
  const to = scenarioId === first.id ? second : byId(scenarioId);
  return to ? { from: first, to } : undefined;
}

function scenarioSlides(request: DeckRequest, scenario: Scenario): DeckSlide[] {
  const { workspace } = request;
  const onScreen = scenario.id === workspace.activeScenario;
  const result = onScreen && request.activeResult ? request.activeResult : evaluateScenario(scenario.model, workspace.claims);
  const simulation = onScreen ? request.simulation : undefined;
  const summary = buildPrintSummary(workspace, scenario, result, simulation);
  const slides: DeckSlide[] = [
    { kind: 'title', workspace: workspace.title, scenario: scenario.name, date: formatLongDate(request.today), credit: 'Made with Slidecast' },
    headlineSlide(summary),
    totalChartSlide(workspace, scenario, result, simulation),
    ...dimensionSlides(scenario, result),
  ];
  const pair = deckBridgePair(workspace, request.bridgePair, scenario.id);
  if (pair) slides.push(bridgeSlide(pair.from, pair.to, bridgeSteps(pair.from.model, pair.to.model)));
  slides.push(...assumptionSlides(summary));
  return slides;
}

function headlineSlide(summary: PrintSummaryData): DeckSlide {
  const checkable = summary.met + summary.missed;
  const market: { label: string; value: string; detail?: string } = { label: `Market in ${summary.lastYear}`, value: formatSize(summary.endTotal, summary.unit) };
  if (summary.uncertainty) market.detail = `80% interval ${summary.uncertainty.interval} (${summary.uncertainty.basis})`;
  const claims: { label: string; value: string; detail?: string } = { label: `${CLAIMS_CAPTION} met`, value: `${summary.met} of ${checkable} checkable` };
  if (summary.notCheckable > 0) claims.detail = `${summary.notCheckable} not checkable`;
  return {
    kind: 'headline',
    heading: `${summary.scenarioName}: the headline`,
    figures: [market, { label: `CAGR ${summary.firstYear}–${summary.lastYear}`, value: formatPercent(summary.cagr) }, claims],
  };
}

function totalChartSlide(workspace: Workspace, scenario: Scenario, result: ScenarioResult, simulation: SimulationProgress | undefined): DeckTotalChartSlide {
  const { forecast } = result;
  const { unit } = scenario.model;
  const years = forecast.layout.years;
  const slide: DeckTotalChartSlide = {
    kind: 'totalChart',
    heading: `Total market (${unit})`,
    unit,
    years: years.map(String),
    total: { name: 'Forecast', values: [...forecast.total], color: deckColor(CHART_INK.forecast) },
    markers: [],
  };
  const odds: string[] = [];
  // The claims the total chart marks on screen, less those the scenario cannot check.
  for (const marker of claimMarkers(workspace.claims, result, simulation && { summary: simulation.summary, unit, running: simulation.running })) {
    const claim = workspace.claims.find((c) => c.id === marker.id);
    const yearIndex = years.indexOf(marker.year);
    if (!claim || marker.status === 'notCheckable' || yearIndex < 0) continue;
    slide.markers.push({
      name: `${claimName(claim, unit)} (${claimStatusLabel(marker.status)})`,
      yearIndex,
      value: marker.value,
      color: deckColor(STATUS_COLORS[marker.status]),
    });
    if (marker.odds) odds.push(marker.odds);
  }
  if (simulation) {
    const fan = fanOf(simulation.summary, 0);
    slide.fan = {
      p5: Array.from(fan.p5),
      p10: Array.from(fan.p10),
      p25: Array.from(fan.p25),
      p50: Array.from(fan.p50),
      p75: Array.from(fan.p75),
      p90: Array.from(fan.p90),
      p95: Array.from(fan.p95),
      bandColors: [deckColor(FAN_INK.bands[0]!), deckColor(FAN_INK.bands[1]!), deckColor(FAN_INK.bands[2]!)],
      medianColor: deckColor(FAN_INK.median),
      medianName: 'Median (simulated)',
    };
    slide.caption = [`Shaded: the simulation’s 5–95%, 10–90% and 25–75% bands`, ...odds].join(' · ');
  }
  return slide;
}

function dimensionSlides(scenario: Scenario, result: ScenarioResult): DeckSlide[] {
  const { forecast } = result;
  const { layout } = forecast;
  const { unit } = scenario.model;
  return layout.dimensions.map((dimension) => ({
    kind: 'stackedChart',
    heading: `${dimension.name} (${unit})`,
    unit,
    years: layout.years.map(String),
    series: dimension.members.map((s, i) => ({ name: layout.series[s]!.name, values: [...seriesValues(forecast, s)], color: deckColor(seriesColor(i)) })),
  }));
}

function bridgeSlide(from: Scenario, to: Scenario, bridge: BridgeResult): DeckSlide {
  const moving = bridge.steps.filter((step) => !isNegligible(step, bridge));
  const still = bridge.steps.length - moving.length;
  const difference = `A difference of ${formatSignedSize(bridge.toTotal - bridge.fromTotal, bridge.unit)}`;
  const notes = [difference, ...(still > 0 ? [`${formatCountOf(still, 'step')} that change nothing left out`] : [])];
  if (bridge.unitsDiffer) notes.push(`the two scenarios use different units (${from.model.unit}, ${to.model.unit})`);
  return {
    kind: 'bridge',
    heading: `Bridge: ${from.name} → ${to.name}`,
    unit: bridge.unit,
    start: { label: bridgeTotalLabel(from.name, bridge.fromYear), value: bridge.fromTotal },
    steps: moving.map((step) => ({ label: step.label, delta: step.delta })),
    end: { label: bridgeTotalLabel(to.name, bridge.toYear), value: bridge.toTotal },
    colors: { total: deckColor(CHART_INK.forecast), up: deckColor(STATUS_COLORS.met), down: deckColor(STATUS_COLORS.missed) },
    names: { total: 'Total', up: 'Raises the total', down: 'Lowers the total' },
    caption: notes.join('; '),
  };
}

function assumptionSlides(summary: PrintSummaryData): DeckSlide[] {
  const rows: string[][] = [];
  for (const group of [summary.growth, ...summary.shares]) {
    rows.push([group.heading]);
    for (const row of group.rows) {
      rows.push([row.label, row.value, row.detail ?? '', row.basis === 'source' ? 'Source' : 'Assumed', row.notes.join(', ')]);
    }
    if (group.more) rows.push([group.more, '', '', '', '']);
  }
  const slides: DeckSlide[] = [
    { kind: 'table', heading: 'Key assumptions', columns: ['Assumption', 'Value', 'Detail', 'Basis', 'Notes'], widths: [4, 1.6, 3, 1.2, 1.2], rows },
  ];
  if (summary.notes.length > 0) {
    slides.push({
      kind: 'table',
      heading: 'Sources and notes',
      columns: ['Note', 'Text'],
      widths: [0.8, 11],
      rows: summary.notes.map((note) => [String(note.number), note.text]),
    });
  }
  return slides;
}
