/**
 * What the total chart draws for the scenario on screen: the total, or the member chosen in the
 * member table (`fanMember`), with the fan of the simulation's percentiles when the store holds
 * statistics for this scenario and these years. The forecast view and present mode read it, so
 * the two can never show different fans for the same store.
 */
import { useEffect, useMemo } from 'react';
import type { Forecast } from '../../engine/forecastTypes';
import { seriesIndex, seriesValues } from '../../engine/seriesAccess';
import { simulationSeries, simulationStatistic, type Histogram, type SimulationSummary } from '../../engine/simulationSummary';
import { memberName } from '../../model/quantityRef';
import { activeScenarioOf } from '../../state/scenarioSelectors';
import { useSlidecast } from '../../state/store';
import type { TotalChartFan } from '../charts/TotalChart';
import { useScenarioSimulation } from './useScenarioSimulation';

/** The percentiles of row `row` of a summary (0 = the total, 1 + s = series s), as the chart's fan. */
export function fanOf(summary: SimulationSummary, row: number): TotalChartFan {
  return {
    p5: simulationSeries(summary, 'p5', row),
    p10: simulationSeries(summary, 'p10', row),
    p25: simulationSeries(summary, 'p25', row),
    p50: simulationSeries(summary, 'p50', row),
    p75: simulationSeries(summary, 'p75', row),
    p90: simulationSeries(summary, 'p90', row),
    p95: simulationSeries(summary, 'p95', row),
  };
}

/** The statistics of the scenario on screen for `forecast`, as `useScenarioSimulation` finds them in the store. */
function useScenarioSummary(forecast: Forecast | undefined): SimulationSummary | undefined {
  return useScenarioSimulation(forecast)?.summary;
}

/** The fan of the total of the scenario on screen (present mode's chart); undefined without a forecast or statistics. */
export function useTotalFan(forecast: Forecast | undefined): TotalChartFan | undefined {
  const summary = useScenarioSummary(forecast);
  return useMemo(() => summary && fanOf(summary, 0), [summary]);
}

export interface FanView {
  /** The member drawn, or undefined for the total. */
  member: { key: string; name: string } | undefined;
  /** The drawn series' values from the deterministic forecast. */
  values: Float64Array;
  /** Its fan; undefined without statistics for this scenario (or for this member). */
  fan: TotalChartFan | undefined;
}

/**
 * The series the total chart shows and its fan. A chosen member that the forecast does not have
 * (deleted, or a scenario without it) is let go: the chart returns to the total.
 */
export function useFanView(forecast: Forecast): FanView {
  const { layout } = forecast;
  const chosen = useSlidecast((s) => s.fanMember);
  const setFanMember = useSlidecast((s) => s.setFanMember);
  const summary = useScenarioSummary(forecast);
  const s = chosen === undefined ? -1 : seriesIndex(layout, chosen);
  const key = s >= 0 ? chosen : undefined;
  const name = useSlidecast((state) => (key === undefined ? undefined : memberName(activeScenarioOf(state.workspace).model, key.split('/'))));

  useEffect(() => {
    if (chosen !== undefined && s < 0) setFanMember(undefined);
  }, [chosen, s, setFanMember]);

  const shown = key === undefined || name === undefined ? undefined : key;
  // Row 0 is the total; 1 + s is series s of the summary's own layout.
  const memberRow = summary && shown !== undefined ? seriesIndex(summary.layout, shown) : -1;
  const row = !summary ? -1 : shown === undefined ? 0 : memberRow >= 0 ? 1 + memberRow : -1;
  const fan = useMemo(() => (summary && row >= 0 ? fanOf(summary, row) : undefined), [summary, row]);
  if (shown === undefined || name === undefined) return { member: undefined, values: forecast.total, fan };
  return { member: { key: shown, name }, values: seriesValues(forecast, s), fan };
}

/** The end year's distribution of the total, for its histogram. */
export interface EndYearDistribution {
  year: number;
  histogram: Histogram;
  p10: number;
  p50: number;
  p90: number;
  samples: number;
}

/** The end-year distribution of the total of the scenario on screen; undefined without statistics for it. */
export function useEndYearDistribution(forecast: Forecast): EndYearDistribution | undefined {
  const summary = useScenarioSummary(forecast);
  if (!summary) return undefined;
  const t = summary.yearCount - 1;
  return {
    year: summary.layout.years[t]!,
    histogram: summary.endYearHistogram,
    p10: simulationStatistic(summary, 'p10', 0, t),
    p50: simulationStatistic(summary, 'p50', 0, t),
    p90: simulationStatistic(summary, 'p90', 0, t),
    samples: summary.samples,
  };
}
