/**
 * The newest simulation of the scenario on screen (DESIGN.md §3 "Uncertainty"), or undefined
 * when there is none yet, the model has no range, or the statistics are of another scenario.
 */
import type { Forecast } from '../../engine/forecastTypes';
import type { SimulationSummary } from '../../engine/simulationSummary';
import type { SimulationProgress } from '../../state/simulationSlice';
import { useSlidecast } from '../../state/store';

export function useScenarioSimulation(): SimulationProgress | undefined {
  return useSlidecast((s) => (s.simulation?.scenarioId === s.workspace.activeScenario ? s.simulation : undefined));
}

/**
 * Whether `summary` describes forecasts of the same years and series as `forecast`: after an
 * edit of the years or the structure, the summary of the model before it is not shown beside
 * the new forecast (its rows would sit under the wrong years or members) until the next one comes.
 */
export function summaryFits(summary: SimulationSummary, forecast: Forecast): boolean {
  const { years, series } = forecast.layout;
  const simulated = summary.layout;
  return (
    simulated.years.length === years.length &&
    simulated.years.every((year, t) => year === years[t]) &&
    simulated.series.length === series.length &&
    simulated.series.every((info, s) => info.key === series[s]?.key)
  );
}
