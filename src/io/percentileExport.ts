/**
 * The statistics of a simulation as data to hand on (DESIGN.md §7): per series — the total and
 * every member path — the percentiles low to high, then the mean, one value per year. The one
 * mapping from a `SimulationSummary` to the JSON of `npm run forecast -- --samples N` and to the
 * percentile rows of the forecast CSV, which the command line and the app both write.
 */
import { SIMULATION_STATISTICS, simulationSeries, type SimulationStatistic, type SimulationSummary } from '../engine/simulationSummary';
import type { PercentileSeries } from './tableExport';

export type StatisticsJson = Record<SimulationStatistic, number[]>;

export interface PercentilesJson {
  total: StatisticsJson;
  /** `dimension/member[/child…]` → statistics. */
  members: Record<string, StatisticsJson>;
}

/** The JSON order of a series' statistics (DESIGN.md §7): the percentiles low to high, then the mean. */
const JSON_STATISTICS: readonly SimulationStatistic[] = [...SIMULATION_STATISTICS.filter((s) => s !== 'mean'), 'mean'];

/** `{ total: { p5, …, p95, mean }, members: { key: { … } } }` of DESIGN.md §7. */
export function percentilesJson(summary: SimulationSummary): PercentilesJson {
  const row = (r: number): StatisticsJson => {
    const stats = {} as StatisticsJson;
    for (const statistic of JSON_STATISTICS) stats[statistic] = Array.from(simulationSeries(summary, statistic, r));
    return stats;
  };
  const members: Record<string, StatisticsJson> = {};
  summary.layout.series.forEach((info, s) => {
    members[info.key] = row(1 + s);
  });
  return { total: row(0), members };
}

/** The percentile rows of the forecast CSV: `total` and every member path → statistic → years. */
export function percentileSeries(summary: SimulationSummary): PercentileSeries {
  const { total, members } = percentilesJson(summary);
  return { total, ...members };
}
