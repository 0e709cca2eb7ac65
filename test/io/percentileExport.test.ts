/**
 * The statistics of a simulation as the forecast's CSV and JSON carry them (issue 10, "Exports"):
 * one mapping, used by the command line and by the app's "Download forecast (CSV)".
 */
import { describe, expect, it } from 'vitest';
import { forecastWorkspace } from '../../src/cli/forecast';
import { forecast } from '../../src/engine/forecast';
import { simulate } from '../../src/engine/simulate';
import { simulationSeries } from '../../src/engine/simulationSummary';
import { percentileSeries, percentilesJson } from '../../src/io/percentileExport';
import { forecastCsv } from '../../src/io/tableExport';
import { seedWorkspace } from '../../src/model/seedWorkspace';
import { activeScenarioOf } from '../../src/state/scenarioSelectors';

describe('percentile export', () => {
  const workspace = seedWorkspace();
  const { model } = activeScenarioOf(workspace);
  const summary = simulate(model, workspace.claims, { samples: 2000, seed: 7 });

  it('gives the app’s forecast CSV the very text of the command line’s for the same samples and seed', async () => {
    const cli = await forecastWorkspace(workspace, { format: 'csv', samples: 2000, seed: 7, workers: 2 });
    expect(cli.stderr).toBe('');
    expect(forecastCsv(forecast(model), { percentiles: percentileSeries(summary) })).toBe(cli.stdout);
  });

  it('holds every statistic of the total and of every member, year by year', () => {
    const series = percentileSeries(summary);
    expect(Object.keys(series)).toEqual(['total', ...summary.layout.series.map((info) => info.key)]);
    expect(Object.keys(series.total!)).toEqual(['p5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95', 'mean']);
    expect(Array.from(series.total!.p90!)).toEqual(Array.from(simulationSeries(summary, 'p90', 0)));
    const last = summary.layout.series.length - 1;
    expect(Array.from(series[summary.layout.series[last]!.key]!.p5!)).toEqual(Array.from(simulationSeries(summary, 'p5', last + 1)));
    expect(percentilesJson(summary).members[summary.layout.series[0]!.key]).toEqual(series[summary.layout.series[0]!.key]);
  });
});
