// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { TotalChartPlot } from '../../../src/ui/charts/TotalChart';
import type { TotalChartPlotProps } from '../../../src/ui/charts/TotalChart';
import { YEARS, claim, fanAround, formatValue, growingTotal, pathPoints, plotOffset, translateOf, yTickLabels } from './chartFixtures';

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

  it('takes the fan and the ghost lines into the y domain', () => {
    const total = growingTotal();
    const fan = fanAround(total, 0.2);
    const { svg } = renderTotal({
      fan,
      ghosts: [{ id: 'bull', label: 'Bull', values: total.map((v) => v * 1.2) }],
    });
    expect(Math.max(...yTickLabels(svg).map(Number))).toBeGreaterThanOrEqual(fan.p95[7] ?? Infinity);
    expect(pathPoints(svg.querySelector('[data-fan-band="5–95%"]')?.getAttribute('d') ?? null).length).toBe(YEARS.length * 2);
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

  it('explains the fan, ghosts and claim glyphs in a legend, and has none for a bare line', () => {
    const total = growingTotal();
    renderTotal({
      fan: fanAround(total),
      ghosts: [{ id: 'base', label: 'Base', values: total }],
      markers: [claim({ id: 'c', status: 'missed' })],
    });
    const legend = screen.getByRole('list', { name: 'Legend' });
    expect([...legend.querySelectorAll('li')].slice(1, 5).map((li) => li.textContent)).toEqual(['5–95%', '10–90%', '25–75%', 'Median']);
    expect(legend).toHaveTextContent('Base');
    expect(legend).toHaveTextContent('missed');
    cleanup();
    renderTotal();
    expect(screen.queryByRole('list', { name: 'Legend' })).toBeNull();
  });

  describe('with a fan', () => {
    /** The top (high) and bottom (low) edges of a fan band, in screen y, year by year. */
    function bandEdges(svg: Element, label: string) {
      const points = pathPoints(svg.querySelector(`[data-fan-band="${label}"]`)?.getAttribute('d') ?? null);
      const n = points.length / 2;
      return { top: points.slice(0, n).map((p) => p.y), bottom: points.slice(n).reverse().map((p) => p.y), x: points.slice(0, n).map((p) => p.x) };
    }

    it('draws the 5–95, 10–90 and 25–75 bands nested, each enclosing the next, outermost first', () => {
      const { svg } = renderTotal({ fan: fanAround() });
      const bands = [...svg.querySelectorAll('[data-fan-band]')];
      expect(bands.map((b) => b.getAttribute('data-fan-band'))).toEqual(['5–95%', '10–90%', '25–75%']);
      const [outer, middle, inner] = ['5–95%', '10–90%', '25–75%'].map((label) => bandEdges(svg, label));
      for (const band of [outer!, middle!, inner!]) expect(band.top).toHaveLength(YEARS.length);
      YEARS.forEach((_, i) => {
        // Screen y grows downwards: an enclosing band's top is higher (smaller y), its bottom lower.
        expect(outer!.top[i]).toBeLessThan(middle!.top[i]!);
        expect(middle!.top[i]).toBeLessThan(inner!.top[i]!);
        expect(outer!.bottom[i]).toBeGreaterThan(middle!.bottom[i]!);
        expect(middle!.bottom[i]).toBeGreaterThan(inner!.bottom[i]!);
        expect(inner!.top[i]).toBeLessThan(inner!.bottom[i]!);
      });
      // Opaque tints, each darker than the one around it.
      const fills = bands.map((b) => b.getAttribute('fill'));
      expect(new Set(fills).size).toBe(3);
    });

    it('draws the fan under the forecast line and its points, with the median as a thinner dashed line', () => {
      const { svg } = renderTotal({ fan: fanAround() });
      const fan = screen.getByTestId('total-fan');
      const line = screen.getByTestId('total-line');
      expect(fan.compareDocumentPosition(line) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
      expect(fan.compareDocumentPosition(svg.querySelector('circle.total-point')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
      const median = screen.getByTestId('total-median');
      expect(pathPoints(median.getAttribute('d'))).toHaveLength(YEARS.length);
      expect(median).toHaveAttribute('stroke-dasharray');
      expect(Number(median.getAttribute('stroke-width'))).toBeLessThan(Number(line.getAttribute('stroke-width')));
      // The median of a symmetric fan around the line lies on the line.
      expect(pathPoints(median.getAttribute('d'))).toEqual(pathPoints(line.getAttribute('d')));
    });

    it('draws no fan without one', () => {
      const { svg } = renderTotal();
      expect(screen.queryByTestId('total-fan')).toBeNull();
      expect(svg.querySelector('[data-fan-band]')).toBeNull();
    });

    it('never animates the fan, even where the line eases (present mode)', () => {
      renderTotal({ fan: fanAround(), animate: true });
      for (const path of screen.getByTestId('total-fan').querySelectorAll('path')) expect(path.getAttribute('style') ?? '').not.toContain('transition');
    });

    it('gives the 80% interval beside the value in the year cursor’s tooltip and in the summary', () => {
      const fan = fanAround();
      const { svg } = renderTotal({ fan, unit: 'USD bn', formatRange: (low, high) => `${low.toFixed(1)}–${high.toFixed(1)}` });
      hoverYear(svg, 2030);
      const tooltip = screen.getByTestId('chart-tooltip');
      expect(tooltip).toHaveTextContent(`80%${(fan.p10[5] ?? 0).toFixed(1)}–${(fan.p90[5] ?? 0).toFixed(1)}`);
      expect(tooltip).toHaveTextContent((growingTotal()[5] ?? 0).toFixed(1));
      expect(svg.getAttribute('aria-label')).toContain(`80% interval in 2032: ${(fan.p10[7] ?? 0).toFixed(1)}–${(fan.p90[7] ?? 0).toFixed(1)}`);
    });
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

  it('draws its marks in step with large type (a projector, a 4K screen), and at their plain sizes up to 14 px', () => {
    const markers = [claim({ id: 'c', year: 2028, value: 20, op: 'atLeast', status: 'met' })];
    const widths = (fontSize: number) => {
      cleanup();
      const { svg } = renderTotal({ fontSize, markers });
      return {
        line: Number(screen.getByTestId('total-line').getAttribute('stroke-width')),
        point: Number(svg.querySelector('circle.total-point')?.getAttribute('r')),
        glyph: svg.querySelector('g.claim-marker')?.getAttribute('transform') ?? '',
      };
    };
    const plain = widths(14);
    expect(plain.glyph).not.toContain('scale');
    const small = widths(12);
    expect([small.line, small.point]).toEqual([plain.line, plain.point]);
    expect(small.glyph).not.toContain('scale');
    const large = widths(28);
    expect(large.line).toBeCloseTo(2 * plain.line, 12);
    expect(large.point).toBeCloseTo(2 * plain.point, 12);
    expect(large.glyph).toMatch(/scale\(2\)$/);
  });
});

