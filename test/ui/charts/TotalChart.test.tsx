// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { TotalChartPlot } from '../../../src/ui/charts/TotalChart';
import type { TotalChartPlotProps } from '../../../src/ui/charts/TotalChart';
import { YEARS, claim, formatValue, growingTotal, pathPoints, plotOffset, translateOf, yTickLabels } from './chartFixtures';

afterEach(cleanup);

const WIDTH = 800;
const HEIGHT = 360;

function renderTotal(props: Partial<TotalChartPlotProps> = {}) {
  const result = render(
    <TotalChartPlot
      width={WIDTH}
      height={HEIGHT}
      years={YEARS}
      total={growingTotal()}
      formatValue={formatValue}
      formatTick={String}
      markers={[]}
      {...props}
    />,
  );
  const svg = screen.getByTestId('total-chart');
  return { ...result, svg };
}

/** Moves the pointer over the plot at the x of the given year's point. */
function hoverYear(svg: Element, year: number) {
  const point = svg.querySelector(`circle[data-year="${year}"]`);
  const cx = Number(point?.getAttribute('cx'));
  // jsdom has no layout: the SVG sits at client (0, 0), so client coordinates are SVG coordinates.
  fireEvent.pointerMove(screen.getByTestId('chart-overlay'), { clientX: plotOffset(svg).x + cx, clientY: 100 });
}

describe('TotalChartPlot', () => {
  it('is an image named by a summary of the forecast', () => {
    const { svg } = renderTotal({ unit: 'USD bn' });
    expect(svg).toHaveAttribute('role', 'img');
    expect(svg.getAttribute('aria-label')).toBe('Total market, USD bn, 2025 to 2032: from 17.2 to 24.5');
  });

  it('draws the line through a point for every year, left to right', () => {
    const { svg } = renderTotal();
    const vertices = pathPoints(screen.getByTestId('total-line').getAttribute('d'));
    expect(vertices).toHaveLength(YEARS.length);
    for (let i = 1; i < vertices.length; i += 1) {
      expect(vertices[i]!.x).toBeGreaterThan(vertices[i - 1]!.x);
      // The market grows, so every point is higher on screen (smaller y) than the one before.
      expect(vertices[i]!.y).toBeLessThan(vertices[i - 1]!.y);
    }
    expect(svg.querySelectorAll('circle.total-point')).toHaveLength(YEARS.length);
  });

  it('labels the x axis with whole years, without thousands separators', () => {
    const { svg } = renderTotal();
    const labels = [...svg.querySelectorAll('.visx-axis-bottom .visx-axis-tick')].map((t) => t.textContent);
    expect(labels).toEqual(YEARS.map(String));
  });

  it('leaves a gap where the total is missing instead of drawing through it', () => {
    const total = growingTotal();
    total[3] = Number.NaN;
    renderTotal({ total });
    const d = screen.getByTestId('total-line').getAttribute('d') ?? '';
    expect(d.match(/M/g)).toHaveLength(2);
  });

  it('draws a marker per claim within the years, with its status, and skips claims outside them', () => {
    const { svg } = renderTotal({
      markers: [
        claim({ id: 'over-20', year: 2028, value: 20, op: 'atLeast', status: 'met' }),
        claim({ id: 'about-6', year: 2028, value: 6, op: 'approx', status: 'missed' }),
        claim({ id: 'at-most-2032', year: 2032, value: 28, op: 'atMost', status: 'notCheckable' }),
        claim({ id: 'from-2023', year: 2023, value: 10, op: 'approx', status: 'met' }),
        claim({ id: 'after-end', year: 2040, value: 40, op: 'atLeast', status: 'missed' }),
      ],
    });
    const markers = [...svg.querySelectorAll('[data-claim-id]')];
    expect(markers.map((m) => [m.getAttribute('data-claim-id'), m.getAttribute('data-status'), m.getAttribute('data-op')])).toEqual([
      ['over-20', 'met', 'atLeast'],
      ['about-6', 'missed', 'approx'],
      ['at-most-2032', 'notCheckable', 'atMost'],
    ]);
    // Status is told by shape as well as colour: met is filled and ticked, missed hollow and crossed.
    const met = markers[0]!;
    const missed = markers[1]!;
    expect(met.querySelector('path[fill="#FFFFFF"][stroke-width="2"]')).toBeNull();
    expect(missed.querySelector('path[fill="#FFFFFF"][stroke-width="2"]')).not.toBeNull();
    expect(met.querySelector('title')?.textContent).toContain('met');
    expect(svg.getAttribute('aria-label')).toContain('claims: 1 met, 1 missed, 1 not checkable');
  });

  it('keeps 0 and every claim inside the y domain, so a claim above the line is not clipped', () => {
    // 30 is well above the line's top (24.5 in 2032).
    const { svg } = renderTotal({ markers: [claim({ id: 'high', year: 2030, value: 30, op: 'atLeast' })] });
    const ticks = yTickLabels(svg).map(Number);
    expect(ticks[0]).toBe(0);
    expect(Math.max(...ticks)).toBeGreaterThanOrEqual(30);
    const { y } = translateOf(svg.querySelector('[data-claim-id="high"]')!);
    expect(y).toBeGreaterThanOrEqual(0);
    // ...and the glyph's tip (about 13 px above its value) still lies inside the SVG.
    expect(plotOffset(svg).y + y).toBeGreaterThanOrEqual(13);
  });

  it('keeps 0 in the domain when claims and values are far from it', () => {
    const { svg } = renderTotal({ total: growingTotal(1000), formatTick: String });
    expect(yTickLabels(svg)[0]).toBe('0');
  });

  it('takes the band and the ghost lines into the y domain', () => {
    const total = growingTotal();
    const { svg } = renderTotal({
      band: { low: total.map((v) => v * 0.8), high: total.map((v) => v * 1.5), label: 'P10–P90' },
      ghosts: [{ id: 'bull', label: 'Bull', values: total.map((v) => v * 1.2) }],
    });
    expect(Math.max(...yTickLabels(svg).map(Number))).toBeGreaterThanOrEqual((total[7] ?? 0) * 1.5);
    expect(pathPoints(screen.getByTestId('total-band').getAttribute('d')).length).toBe(YEARS.length * 2);
    const ghost = svg.querySelector('[data-ghost-id="bull"]');
    expect(pathPoints(ghost?.getAttribute('d') ?? null)).toHaveLength(YEARS.length);
    expect(ghost).toHaveAttribute('stroke-dasharray');
  });

  it('draws only the part of a ghost that falls within the chart years', () => {
    const { svg } = renderTotal({
      ghosts: [{ id: 'old', label: 'Old run', values: [10, 11, 12, 13, 14], years: [2021, 2023, 2025, 2026, 2027] }],
    });
    expect(pathPoints(svg.querySelector('[data-ghost-id="old"]')?.getAttribute('d') ?? null)).toHaveLength(3);
  });

  it('shows the year, the value and the claims of that year in a tooltip on pointer move', () => {
    const { svg } = renderTotal({
      markers: [claim({ id: 'over-20', label: 'Over $20 B by 2028', year: 2028, value: 20, op: 'atLeast', status: 'met' })],
    });
    expect(screen.queryByTestId('chart-tooltip')).toBeNull();
    hoverYear(svg, 2028);
    const tooltip = screen.getByTestId('chart-tooltip');
    expect(tooltip).toHaveTextContent('2028');
    expect(tooltip).toHaveTextContent(formatValue(growingTotal()[3] ?? 0));
    expect(within(tooltip).getByText(/Over \$20 B by 2028/)).toHaveTextContent('met');

    hoverYear(svg, 2031);
    expect(screen.getByTestId('chart-tooltip')).toHaveTextContent('2031');
    expect(screen.getByTestId('chart-tooltip')).not.toHaveTextContent('Over $20 B');

    fireEvent.pointerLeave(screen.getByTestId('chart-overlay'));
    expect(screen.queryByTestId('chart-tooltip')).toBeNull();
  });

  it('gives a claim simulated its odds in the tooltip and in its title (issue 10), and none to one that was not', () => {
    const { svg } = renderTotal({
      markers: [
        claim({ id: 'over-20', label: 'Over $20 B by 2028', year: 2028, value: 20, op: 'atLeast', status: 'met', odds: 'P(2028 ≥ $20 B) = 63%' }),
        claim({ id: 'about-6', label: 'About $6 B by 2028', year: 2028, value: 6, op: 'approx', status: 'missed' }),
      ],
    });
    hoverYear(svg, 2028);
    const tooltip = screen.getByTestId('chart-tooltip');
    expect(tooltip.querySelector('[data-claim-id="over-20"]')).toHaveTextContent('Over $20 B by 2028: ≥ 20.0 — metP(2028 ≥ $20 B) = 63%');
    expect(tooltip.querySelector('[data-claim-id="about-6"]')).toHaveTextContent(/^About \$6 B by 2028: ≈ 6\.0 — missed$/);
    expect(svg.querySelector('[data-claim-id="over-20"] title')?.textContent).toBe('Over $20 B by 2028: ≥ 20.0 in 2028, met; P(2028 ≥ $20 B) = 63%');
    expect(svg.querySelector('[data-claim-id="about-6"] title')?.textContent).toBe('About $6 B by 2028: ≈ 6.0 in 2028, missed');
  });

  it('shows the tooltip on a touch tap and keeps it after the finger lifts', () => {
    const { svg } = renderTotal();
    const overlay = screen.getByTestId('chart-overlay');
    const x = plotOffset(svg).x + Number(svg.querySelector('circle[data-year="2026"]')?.getAttribute('cx'));
    fireEvent.pointerDown(overlay, { clientX: x, clientY: 100, pointerType: 'touch' });
    fireEvent.pointerLeave(overlay, { pointerType: 'touch' });
    expect(screen.getByTestId('chart-tooltip')).toHaveTextContent('2026');
  });

  it('lets the keyboard walk the years once the chart has focus', () => {
    const { svg } = renderTotal();
    fireEvent.focus(svg);
    expect(screen.getByTestId('chart-tooltip')).toHaveTextContent('2032');
    fireEvent.keyDown(svg, { key: 'ArrowLeft' });
    expect(screen.getByTestId('chart-tooltip')).toHaveTextContent('2031');
    fireEvent.keyDown(svg, { key: 'Home' });
    expect(screen.getByTestId('chart-tooltip')).toHaveTextContent('2025');
    fireEvent.keyDown(svg, { key: 'ArrowLeft' });
    expect(screen.getByTestId('chart-tooltip')).toHaveTextContent('2025');
    fireEvent.blur(svg);
    expect(screen.queryByTestId('chart-tooltip')).toBeNull();
  });

  it('follows new data while the tooltip stays on a year', () => {
    const { svg, rerender } = renderTotal();
    hoverYear(svg, 2032);
    expect(screen.getByTestId('chart-tooltip')).toHaveTextContent('24.5');
    rerender(
      <TotalChartPlot width={WIDTH} height={HEIGHT} years={YEARS} total={growingTotal(20)} formatValue={formatValue} markers={[]} />,
    );
    expect(screen.getByTestId('chart-tooltip')).toHaveTextContent('28.5');
  });

  it('explains the band, ghosts and claim glyphs in a legend, and has none for a bare line', () => {
    const total = growingTotal();
    renderTotal({
      band: { low: total, high: total, label: 'P10–P90' },
      ghosts: [{ id: 'base', label: 'Base', values: total }],
      markers: [claim({ id: 'c', status: 'missed' })],
    });
    const legend = screen.getByRole('list', { name: 'Legend' });
    expect(legend).toHaveTextContent('P10–P90');
    expect(legend).toHaveTextContent('Base');
    expect(legend).toHaveTextContent('missed');
    cleanup();
    renderTotal();
    expect(screen.queryByRole('list', { name: 'Legend' })).toBeNull();
  });

  it('renders an empty chart, not an error, when there are no years', () => {
    const { svg } = renderTotal({ years: [], total: [] });
    expect(svg).toHaveTextContent('No forecast to show');
    expect(svg.getAttribute('aria-label')).toBe('Total market: no data');
  });

  it('draws a single year in the middle of the plot', () => {
    renderTotal({ years: [2025], total: [17.18] });
    const points = document.querySelectorAll('circle.total-point');
    expect(points).toHaveLength(1);
    expect(Number(points[0]?.getAttribute('cx'))).toBeGreaterThan(100);
  });
});
