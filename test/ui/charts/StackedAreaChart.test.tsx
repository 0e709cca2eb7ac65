// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import fc from 'fast-check';
import { assertProperty } from '../../support/property';
import { StackedAreaChartPlot } from '../../../src/ui/charts/StackedAreaChart';
import type { StackedAreaChartPlotProps, StackedAreaMode } from '../../../src/ui/charts/StackedAreaChart';
import { REGION_SHARES, YEARS, formatValue, growingTotal, pathPoints, plotOffset, regions, yTickLabels } from './chartFixtures';

afterEach(cleanup);

function renderStacked(props: Partial<StackedAreaChartPlotProps> = {}) {
  const result = render(
    <StackedAreaChartPlot
      width={800}
      height={360}
      years={YEARS}
      series={regions()}
      mode="values"
      formatValue={formatValue}
      formatTick={String}
      {...props}
    />,
  );
  return { ...result, svg: screen.getByTestId('stacked-area-chart') };
}

function areas(svg: Element) {
  return [...svg.querySelectorAll('path.stacked-area')];
}

/** The top edge of an area: d3 draws it first, left to right, then the bottom edge back. */
function topEdge(area: Element) {
  return pathPoints(area.getAttribute('d')).slice(0, YEARS.length);
}

function bottomEdge(area: Element) {
  return pathPoints(area.getAttribute('d')).slice(YEARS.length).reverse();
}

describe('StackedAreaChartPlot', () => {
  it('draws one area per series, in order, each spanning every year', () => {
    const { svg } = renderStacked();
    const drawn = areas(svg);
    expect(drawn.map((a) => a.getAttribute('data-series-key'))).toEqual(REGION_SHARES.map(([key]) => key));
    for (const area of drawn) expect(pathPoints(area.getAttribute('d'))).toHaveLength(YEARS.length * 2);
  });

  it('stacks each area on the one below it', () => {
    const { svg } = renderStacked();
    const drawn = areas(svg);
    for (let k = 1; k < drawn.length; k += 1) {
      const below = topEdge(drawn[k - 1]!);
      const bottom = bottomEdge(drawn[k]!);
      bottom.forEach((p, i) => expect(p.y).toBeCloseTo(below[i]!.y, 6));
    }
  });

  it('in shares mode, normalises every year so the top of the stack is at 100%', () => {
    // Totals that change a lot from year to year: shares must still fill the plot exactly.
    const series = regions(Float64Array.from(YEARS, (_, i) => 5 + 10 * i));
    const { svg } = renderStacked({ series, mode: 'shares' });
    expect(svg).toHaveAttribute('data-mode', 'shares');
    const labels = yTickLabels(svg);
    expect(labels[0]).toMatch(/^0\s?%$/);
    expect(labels[labels.length - 1]).toMatch(/^100\s?%$/);
    const top = topEdge(areas(svg).at(-1)!);
    for (const p of top) expect(p.y).toBeCloseTo(0, 6);
    // North America holds 40% throughout: its top edge is flat at 40% of the plot height.
    const naTop = topEdge(areas(svg)[0]!).map((p) => p.y);
    expect(Math.max(...naTop) - Math.min(...naTop)).toBeLessThan(1e-6);
  });

  it('in values mode, the y axis reaches the largest yearly total', () => {
    const { svg } = renderStacked();
    expect(yTickLabels(svg)[0]).toBe('0');
    expect(Math.max(...yTickLabels(svg).map(Number))).toBeGreaterThanOrEqual(growingTotal()[7] ?? 0);
  });

  it('calls onSelectSeries with the key of a selectable area that is clicked, and ignores the others', () => {
    const onSelectSeries = vi.fn();
    const { svg } = renderStacked({ onSelectSeries, selectableKeys: new Set(['na', 'apac']) });
    const [na, eu, apac] = areas(svg);
    expect(na).toHaveAttribute('data-selectable', 'true');
    expect(eu).toHaveAttribute('data-selectable', 'false');
    fireEvent.click(eu!);
    expect(onSelectSeries).not.toHaveBeenCalled();
    fireEvent.click(apac!);
    expect(onSelectSeries).toHaveBeenCalledExactlyOnceWith('apac');
  });

  it('makes legend items of selectable series buttons that drill down on click or Enter', async () => {
    const user = userEvent.setup();
    const onSelectSeries = vi.fn();
    renderStacked({ onSelectSeries, selectableKeys: new Set(['na', 'eu']) });
    const legend = screen.getByRole('list', { name: 'Legend' });
    // Every series is named in the legend; only the selectable ones are buttons.
    for (const [, name] of REGION_SHARES) expect(legend).toHaveTextContent(name);
    expect(within(legend).getAllByRole('button').map((b) => b.textContent?.replace('›', '').trim())).toEqual(['North America', 'Europe']);
    expect(within(legend).queryByRole('button', { name: /Latin America/ })).toBeNull();

    await user.click(within(legend).getByRole('button', { name: /North America/ }));
    expect(onSelectSeries).toHaveBeenLastCalledWith('na');
    within(legend).getByRole('button', { name: /Europe/ }).focus();
    await user.keyboard('{Enter}');
    expect(onSelectSeries).toHaveBeenLastCalledWith('eu');
    expect(onSelectSeries).toHaveBeenCalledTimes(2);
  });

  it('has no buttons and no pointer cursor when the caller cannot drill down', () => {
    const { svg } = renderStacked({ selectableKeys: new Set(['na']) });
    expect(screen.queryAllByRole('button')).toHaveLength(0);
    for (const area of areas(svg)) expect(area).not.toHaveAttribute('cursor');
  });

  it('lists every series in the hovered year in a tooltip, top of the stack first', () => {
    const { svg } = renderStacked();
    expect(screen.queryByTestId('chart-tooltip')).toBeNull();
    const x = plotOffset(svg).x + (800 - plotOffset(svg).x) * 0.5;
    fireEvent.pointerMove(screen.getByTestId('chart-overlay'), { clientX: x, clientY: 120 });
    const tooltip = screen.getByTestId('chart-tooltip');
    const rows = within(tooltip).getAllByRole('row');
    expect(rows.map((r) => r.getAttribute('data-series-key')).filter(Boolean)).toEqual(REGION_SHARES.map(([key]) => key).reverse());
    // Values and shares: North America holds 40% of the year's total.
    const naRow = rows.find((r) => r.getAttribute('data-series-key') === 'na')!;
    expect(naRow).toHaveTextContent(/40\.0\s?%/);
    expect(tooltip).toHaveTextContent('Total');

    fireEvent.pointerLeave(screen.getByTestId('chart-overlay'));
    expect(screen.queryByTestId('chart-tooltip')).toBeNull();
  });

  it('shows the hovered year: the pointer at the right edge picks the end year', () => {
    renderStacked({ mode: 'shares' });
    fireEvent.pointerMove(screen.getByTestId('chart-overlay'), { clientX: 799, clientY: 120 });
    expect(screen.getByTestId('chart-tooltip')).toHaveTextContent('2032');
  });

  it('stacks negative or missing values as zero rather than drawing inverted bands', () => {
    const series = [
      { key: 'a', name: 'A', values: YEARS.map(() => 2) },
      { key: 'b', name: 'B', values: YEARS.map((_, i) => (i === 2 ? -1 : i === 3 ? Number.NaN : 1)) },
    ];
    const { svg } = renderStacked({ series });
    const b = areas(svg)[1]!;
    const top = topEdge(b);
    const bottom = bottomEdge(b);
    expect(top[2]!.y).toBeCloseTo(bottom[2]!.y, 6);
    expect(top[3]!.y).toBeCloseTo(bottom[3]!.y, 6);
    for (let i = 0; i < YEARS.length; i += 1) expect(top[i]!.y).toBeLessThanOrEqual(bottom[i]!.y + 1e-9);
  });

  it('draws a single year as full-width columns, each stacked on the one below', () => {
    const series = [
      { key: 'a', name: 'A', values: [3] },
      { key: 'b', name: 'B', values: [1] },
    ];
    const { svg } = renderStacked({ years: [2025], series, mode: 'shares' });
    const columns = areas(svg).map((area) => {
      const match = /^M0,(-?[\d.e-]+)H(-?[\d.e-]+)V(-?[\d.e-]+)H0Z$/.exec(area.getAttribute('d') ?? '');
      expect(match).not.toBeNull();
      return { top: Number(match![1]), width: Number(match![2]), bottom: Number(match![3]) };
    });
    const [a, b] = columns as [(typeof columns)[number], (typeof columns)[number]];
    expect(a.width).toBeGreaterThan(600);
    expect(b.width).toBe(a.width);
    expect(b.bottom).toBeCloseTo(a.top, 9);
    // Shares: A holds 75% of the column, B the 25% above it up to the top of the plot.
    expect(b.top).toBeCloseTo(0, 9);
    expect((a.bottom - a.top) / (a.bottom - b.top)).toBeCloseTo(0.75, 9);
  });

  it('summarises every series for screen readers', () => {
    const { svg } = renderStacked({ title: 'Market by region', unit: 'USD bn' });
    const label = svg.getAttribute('aria-label') ?? '';
    expect(label).toMatch(/^Market by region, USD bn, 2025 to 2032, 5 series: North America from 6\.9 to 9\.8/);
  });

  it('renders an empty chart when there are no series', () => {
    const { svg } = renderStacked({ series: [] });
    expect(areas(svg)).toHaveLength(0);
    expect(svg).toHaveTextContent('No forecast to show');
  });
});

describe('StackedAreaChartPlot stacking, on any data', () => {
  /** What a value adds to its year's stack: negative, missing and infinite values add nothing. */
  const stackable = (v: number) => (Number.isFinite(v) && v > 0 ? v : 0);
  const value = fc.oneof(
    { weight: 6, arbitrary: fc.double({ min: 0.01, max: 1e4, noNaN: true }) },
    { weight: 1, arbitrary: fc.constantFrom(0, -3, Number.NaN, Number.POSITIVE_INFINITY) },
  );
  const cases = fc
    .record({ yearCount: fc.integer({ min: 2, max: YEARS.length }), seriesCount: fc.integer({ min: 1, max: 12 }), mode: fc.constantFrom<StackedAreaMode>('values', 'shares') })
    .chain(({ yearCount, seriesCount, mode }) =>
      fc.record({
        mode: fc.constant(mode),
        years: fc.constant(YEARS.slice(0, yearCount)),
        values: fc.array(fc.array(value, { minLength: yearCount, maxLength: yearCount }), { minLength: seriesCount, maxLength: seriesCount }),
      }),
    );

  it('draws each band from the top of the one below it, as tall as its stackable value (values) or its share of the year (shares)', () => {
    assertProperty(
      fc.property(cases, ({ mode, years, values }) => {
        cleanup();
        const series = values.map((v, k) => ({ key: `s${k}`, name: `S${k}`, values: v }));
        const { svg } = renderStacked({ years, series, mode });
        const n = years.length;
        const bands = areas(svg).map((area) => {
          const points = pathPoints(area.getAttribute('d'));
          expect(points).toHaveLength(2 * n);
          return { top: points.slice(0, n).map((p) => p.y), bottom: points.slice(n).reverse().map((p) => p.y) };
        });
        expect(bands).toHaveLength(series.length);
        const totals = years.map((_, i) => values.reduce((sum, v) => sum + stackable(v[i]!), 0));
        const baseline = bands[0]!.bottom[0]!;
        const heights = years.map((_, i) => baseline - bands.at(-1)!.top[i]!);
        const plotHeight = Math.max(...heights);
        // d3 writes path coordinates to 3 decimals: a height read back from 4 of them is within 0.002 px.
        const close = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(0.0025);
        // Pixels per unit of value: one scale for every year (values), or each year filled (shares).
        const top = Math.max(...totals);
        const perUnit = (i: number) => (mode === 'shares' ? (totals[i]! > 0 ? plotHeight / totals[i]! : 0) : top > 0 ? plotHeight / top : 0);
        bands.forEach((band, k) => {
          years.forEach((_, i) => {
            close(band.bottom[i]!, k === 0 ? baseline : bands[k - 1]!.top[i]!);
            close(band.bottom[i]! - band.top[i]!, stackable(values[k]![i]!) * perUnit(i));
          });
        });
      }),
      { numRuns: 60 },
    );
  });
});
