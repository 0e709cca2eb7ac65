/**
 * The simulation shown beside a forecast (DESIGN.md §3 "Uncertainty"): the store's newest
 * statistics when they are of the scenario on screen and of the forecast's years and series, and
 * hold at least one sample. The one rule for every view that shows them — headline, fan,
 * histogram, markers, CSV, print — so no view can show what another hides.
 */
import type { Forecast, ForecastLayout } from '../../engine/forecastTypes';
import type { SimulationSummary } from '../../engine/simulationSummary';
import type { SimulationProgress } from '../../state/simulationSlice';
import { useSlidecast } from '../../state/store';

/**
 * Whether `summary` describes forecasts of the same years and series as `layout`: after an edit
 * of the years or the structure, the summary of the model before it is not shown beside the new
 * forecast (its rows would sit under the wrong years or members) until the next one comes.
 */
export function summaryFits(summary: SimulationSummary, layout: ForecastLayout): boolean {
  // Asked by every view on every change of the store, mostly of the same pair: the last answer is kept.
  if (lastFit.summary === summary && lastFit.layout === layout) return lastFit.fits;
  const fits = layoutsMatch(summary.layout, layout);
  lastFit = { summary, layout, fits };
  return fits;
}

let lastFit: { summary: SimulationSummary | undefined; layout: ForecastLayout | undefined; fits: boolean } = { summary: undefined, layout: undefined, fits: false };

function layoutsMatch(simulated: ForecastLayout, layout: ForecastLayout): boolean {
  const { years, series } = layout;
  return (
    simulated.years.length === years.length &&
    simulated.years.every((year, t) => year === years[t]) &&
    simulated.series.length === series.length &&
    simulated.series.every((info, s) => info.key === series[s]?.key)
  );
}

/** `progress` when it may be shown beside a forecast of scenario `scenarioId` with `layout`; else undefined. */
export function simulationFor(progress: SimulationProgress | undefined, scenarioId: string, layout: ForecastLayout): SimulationProgress | undefined {
  const own = progressOf(progress, scenarioId);
  if (!own || own.summary.samples === 0) return undefined;
  return summaryFits(own.summary, layout) ? own : undefined;
}

/** `progress` when it is of scenario `scenarioId` (how far its run has come, whatever it holds yet). */
export function progressOf(progress: SimulationProgress | undefined, scenarioId: string): SimulationProgress | undefined {
  return progress?.scenarioId === scenarioId ? progress : undefined;
}

/** How far the simulation of the scenario on screen has come (the sample count). */
export function useScenarioProgress(): SimulationProgress | undefined {
  return useSlidecast((s) => progressOf(s.simulation, s.workspace.activeScenario));
}

/** The simulation to show beside `forecast` of the scenario on screen (see `simulationFor`). */
export function useScenarioSimulation(forecast: Forecast | undefined): SimulationProgress | undefined {
  return useSlidecast((s) => (forecast ? simulationFor(s.simulation, s.workspace.activeScenario, forecast.layout) : undefined));
}
