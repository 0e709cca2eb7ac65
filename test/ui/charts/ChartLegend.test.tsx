// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { TotalChartPlot } from '../../../src/ui/charts/TotalChart';
import { StackedAreaChartPlot } from '../../../src/ui/charts/StackedAreaChart';
import { findChartLegend } from '../../../src/ui/charts/ChartLegend';
import { readLegend } from '../../../src/io/chartExport/chartLegend';
import { YEARS, claim, formatValue, growingTotal, regions } from './chartFixtures';

afterEach(cleanup);

/**
 * The legend under a chart has one home (ChartLegend): both charts draw it, and the chart export
 * finds it from the chart's SVG through the same module, so a change to one cannot lose the other.
 */
describe('chart legend', () => {
  it("is found from the total chart's SVG, with its entries", () => {
    const total = growingTotal();
    render(
      <TotalChartPlot
        width={800}
        height={300}
        years={YEARS}
        total={total}
        formatValue={formatValue}
        markers={[claim({ id: 'c', status: 'missed' })]}
        ghosts={[{ id: 'base', label: 'Base', values: total }]}
      />,
    );
    const legend = findChartLegend(screen.getByTestId('total-chart'));
    expect(legend).toBe(screen.getByRole('list', { name: 'Legend' }));
    expect(readLegend(legend).map((entry) => entry.label)).toEqual(expect.arrayContaining(['Base', 'missed']));
  });

  it("is found from the stacked chart's SVG, one entry per member", () => {
    render(<StackedAreaChartPlot width={800} height={300} years={YEARS} series={regions()} mode="values" formatValue={formatValue} />);
    const legend = findChartLegend(screen.getByTestId('stacked-area-chart'));
    expect(legend).toBe(screen.getByRole('list', { name: 'Legend' }));
    expect(readLegend(legend).map((entry) => entry.label)).toEqual(regions().map((series) => series.name));
  });

  it('is not mistaken for another chart’s legend: a chart without one finds none', () => {
    render(
      <div>
        <TotalChartPlot width={800} height={300} years={YEARS} total={growingTotal()} formatValue={formatValue} markers={[]} />
        <StackedAreaChartPlot width={800} height={300} years={YEARS} series={regions()} mode="values" formatValue={formatValue} />
      </div>,
    );
    expect(findChartLegend(screen.getByTestId('total-chart'))).toBeNull();
  });
});
