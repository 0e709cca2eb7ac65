// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { chartFontSize, chartMargin, markScale, estimateTextWidth, formatYear, nearestYearIndex, niceYAxis, yearTicks } from '../../../src/ui/charts/chartLayout';

describe('niceYAxis', () => {
  const extents: [number, number][] = [[0, 24.7], [0, 17.18], [0, 1], [0, 8779], [-3, 12], [0, 0.37], [0, 30]];
  const heights = [150, 240, 320, 420, 600];

  it('gives 4–8 round ticks whose first and last are the domain ends, covering the data', () => {
    for (const extent of extents) {
      for (const height of heights) {
        const { scale, ticks } = niceYAxis(extent, height);
        const [low, high] = scale.domain() as [number, number];
        expect(ticks.length, `${extent} @ ${height}px`).toBeGreaterThanOrEqual(4);
        expect(ticks.length, `${extent} @ ${height}px`).toBeLessThanOrEqual(8);
        expect(low).toBeLessThanOrEqual(extent[0]);
        expect(high).toBeGreaterThanOrEqual(extent[1]);
        expect(ticks[0]).toBeCloseTo(low, 9);
        expect(ticks.at(-1)).toBeCloseTo(high, 9);
      }
    }
  });

  it('does not overshoot: [0, 24.7] ends at 25, not 30', () => {
    for (const height of heights) expect(niceYAxis([0, 24.7], height).scale.domain()[1]).toBe(25);
  });

  it('maps the domain onto the plot height, top at 0', () => {
    const { scale } = niceYAxis([0, 10], 300);
    expect(scale(0)).toBe(300);
    expect(scale(10)).toBe(0);
  });
});

describe('yearTicks', () => {
  const years = Array.from({ length: 30 }, (_, i) => 2021 + i);

  it('labels every year when they fit', () => {
    expect(yearTicks(years.slice(0, 8), 600, 12)).toEqual(years.slice(0, 8));
  });

  it('thins evenly when they do not, always keeping the end year', () => {
    const ticks = yearTicks(years, 400, 12);
    expect(ticks.length).toBeLessThan(years.length);
    expect(ticks.at(-1)).toBe(2050);
    const steps = new Set(ticks.slice(1).map((t, i) => t - ticks[i]!));
    expect(steps.size).toBe(1);
  });
});

describe('layout helpers', () => {
  it('sizes chart type from 12 px on a narrow panel up to 18 px on a chart across a 4K screen, never shrinking as it widens', () => {
    expect(chartFontSize(480)).toBe(12);
    expect(chartFontSize(900)).toBe(13);
    expect(chartFontSize(1200)).toBe(14);
    // Half of a 4K screen's forecast area (the total and the breakdown side by side).
    expect(chartFontSize(1480)).toBe(16);
    // A chart across the whole of a 4K screen (Compare).
    expect(chartFontSize(3800)).toBe(18);
    let previous = 0;
    for (let width = 0; width <= 4000; width += 50) {
      expect(chartFontSize(width)).toBeGreaterThanOrEqual(previous);
      previous = chartFontSize(width);
    }
  });

  it('formats years without separators', () => {
    expect(formatYear(2025)).toBe('2025');
  });

  it('finds the nearest year', () => {
    expect(nearestYearIndex([2025, 2026, 2027], 2026.4)).toBe(1);
    expect(nearestYearIndex([2025, 2026, 2027], 1990)).toBe(0);
    expect(nearestYearIndex([2025, 2026, 2027], 3000)).toBe(2);
  });

  it('leaves room for the widest y label and half a year label at each end', () => {
    const margin = chartMargin(['$0 B', '$25 B', '$1,000 B'], 12);
    expect(margin.left).toBeGreaterThanOrEqual(estimateTextWidth('$1,000 B', 12) + 8);
    expect(margin.right).toBeGreaterThanOrEqual(estimateTextWidth('2032', 12) / 2);
  });
});

describe('markScale', () => {
  it('keeps marks at their plain sizes up to 14 px type, then grows them with it', () => {
    expect([10, 12, 14].map(markScale)).toEqual([1, 1, 1]);
    expect(markScale(21)).toBe(1.5);
    expect(markScale(28)).toBe(2);
  });
});
