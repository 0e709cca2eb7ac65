// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { EndYearHistogramPlot, type EndYearHistogramPlotProps } from '../../../src/ui/charts/EndYearHistogram';
import { HISTOGRAM_BINS, histogramOfParts } from '../../../src/engine/simulationSummary';
import { formatValue } from './chartFixtures';

afterEach(cleanup);

/** 1,000 values from 20 to 30, denser in the middle: a triangle's quantiles. */
function triangleValues(): Float64Array {
  return Float64Array.from({ length: 1000 }, (_, i) => {
    const u = (i + 0.5) / 1000;
    return u < 0.5 ? 20 + Math.sqrt(u * 50) : 30 - Math.sqrt((1 - u) * 50);
  });
}

function renderHistogram(props: Partial<EndYearHistogramPlotProps> = {}) {
  const histogram = histogramOfParts([triangleValues()]);
  render(
    <EndYearHistogramPlot
      width={600}
      height={240}
      histogram={histogram}
      p10={22.24}
      p50={25}
      p90={27.76}
      forecast={24.5}
      year={2032}
      samples={1000}
      formatValue={formatValue}
      formatRange={(low, high) => `${formatValue(low)}–${formatValue(high)}`}
      unit="USD bn"
      {...props}
    />,
  );
  return { histogram, svg: screen.getByTestId('end-year-histogram') };
}

const num = (element: Element | null, attribute: string) => Number(element?.getAttribute(attribute));

describe('EndYearHistogramPlot', () => {
  it('draws one bar per bin, as tall as its count, left to right', () => {
    const { histogram, svg } = renderHistogram();
    const bars = [...svg.querySelectorAll('rect.histogram-bar')];
    expect(bars).toHaveLength(HISTOGRAM_BINS);
    expect(bars.map((bar) => Number(bar.getAttribute('data-count')))).toEqual([...histogram.counts]);
    const perCount = num(bars[0]!, 'height') / histogram.counts[0]!;
    bars.forEach((bar, i) => {
      expect(num(bar, 'height')).toBeCloseTo(histogram.counts[i]! * perCount, 6);
      if (i > 0) expect(num(bar, 'x')).toBeGreaterThan(num(bars[i - 1]!, 'x'));
    });
    // The triangle peaks in the middle.
    const tallest = bars.reduce((best, bar) => (num(bar, 'height') > num(best, 'height') ? bar : best));
    expect(Math.abs(bars.indexOf(tallest) - HISTOGRAM_BINS / 2)).toBeLessThanOrEqual(1);
  });

  it('marks the 80% interval from p10 to p90 and labels it with its numbers', () => {
    const { svg, histogram } = renderHistogram();
    const bars = [...svg.querySelectorAll('rect.histogram-bar')];
    // x of a value, from the bars: the first starts at the smallest value, the last ends at the largest.
    const left = num(bars[0]!, 'x');
    const last = bars[bars.length - 1]!;
    const right = num(last, 'x') + num(last, 'width') + 1;
    const xOf = (v: number) => left + ((v - histogram.low) / (histogram.high - histogram.low)) * (right - left);
    const interval = screen.getByTestId('histogram-interval');
    expect(num(interval, 'x')).toBeCloseTo(xOf(22.24), 3);
    expect(num(interval, 'x') + num(interval, 'width')).toBeCloseTo(xOf(27.76), 3);
    expect(screen.getByTestId('histogram-bracket')).toHaveTextContent('80%: 22.2–27.8');
    expect(num(screen.getByTestId('histogram-median'), 'x1')).toBeCloseTo(xOf(25), 3);
    expect(num(screen.getByTestId('histogram-forecast'), 'x1')).toBeCloseTo(xOf(24.5), 3);
  });

  it('says the interval, median and forecast in words: its accessible name and the legend under it', () => {
    const { svg } = renderHistogram();
    expect(svg).toHaveAttribute('role', 'img');
    expect(svg.getAttribute('aria-label')).toBe(
      `Total market in 2032, USD bn, distribution of ${(1000).toLocaleString()} samples: 80% interval 22.2–27.8; median 25.0; forecast 24.5`,
    );
    const legend = screen.getByRole('list', { name: 'Legend' });
    expect(screen.getByTestId('histogram-interval-text')).toHaveTextContent('80% interval 22.2–27.8');
    expect(legend).toHaveTextContent('Median 25.0');
    expect(legend).toHaveTextContent('Forecast 24.5');
  });

  it('labels the axis in the model’s unit with the format given', () => {
    const { svg } = renderHistogram({ formatTick: (v) => `$${v} B` });
    const labels = [...svg.querySelectorAll('.visx-axis-tick')].map((tick) => tick.textContent);
    expect(labels.length).toBeGreaterThanOrEqual(3);
    for (const label of labels) expect(label).toMatch(/^\$\d+(\.\d+)? B$/);
  });

  it('draws one bar when every sample is the same, and no bars but a plain summary before any sample', () => {
    renderHistogram({ histogram: histogramOfParts([new Float64Array([24, 24, 24])]), p10: 24, p50: 24, p90: 24, forecast: 24 });
    const bars = document.querySelectorAll('rect.histogram-bar');
    expect([...bars].map((bar) => bar.getAttribute('data-count'))).toEqual(['3']);
    expect(num(bars[0]!, 'width')).toBeGreaterThan(0);
    cleanup();
    const { svg } = renderHistogram({ histogram: histogramOfParts([]), p10: NaN, p50: NaN, p90: NaN });
    expect(svg.querySelectorAll('rect.histogram-bar')).toHaveLength(0);
    expect(svg.getAttribute('aria-label')).toBe('Total market in 2032, USD bn: no samples yet');
  });
});
