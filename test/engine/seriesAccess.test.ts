import { describe, expect, it } from 'vitest';
import { forecast } from '../../src/engine/forecast';
import { seriesIndex, seriesShares, seriesValues, shareOfTotal, yearIndex } from '../../src/engine/seriesAccess';
import { dimension, member, model } from '../support/models';

const f = forecast(
  model({
    endYear: 2027,
    baseGrowth: 0.1,
    dimensions: [dimension('region', [member('eu', 0.6, { children: [member('de', 0.25), member('fr', 0.75)] }), member('na', 0.4)])],
  }),
);

describe('series access', () => {
  it('finds series by key at any depth, and -1 for a key the forecast lacks', () => {
    expect(seriesIndex(f.layout, 'region/eu')).toBe(0);
    expect(seriesIndex(f.layout, 'region/eu/fr')).toBe(2);
    expect(seriesIndex(f.layout, 'region/na')).toBe(3);
    expect(seriesIndex(f.layout, 'region/de')).toBe(-1);
    expect(seriesIndex(f.layout, 'region')).toBe(-1);
  });

  it('finds years by calendar year, and -1 outside the forecast', () => {
    expect(yearIndex(f.layout, 2025)).toBe(0);
    expect(yearIndex(f.layout, 2027)).toBe(2);
    expect(yearIndex(f.layout, 2024)).toBe(-1);
    expect(yearIndex(f.layout, 2028)).toBe(-1);
    expect(yearIndex(f.layout, 2025.5)).toBe(-1);
  });

  it('gives values and shares as views into the forecast, not copies', () => {
    const de = seriesIndex(f.layout, 'region/eu/de');
    const values = seriesValues(f, de);
    expect(values.buffer).toBe(f.values.buffer);
    // de is a quarter of eu (60% of 100) in the base year: 15.
    expect(Array.from(values)[0]).toBeCloseTo(15, 12);
    expect(Array.from(seriesShares(f, de))).toEqual([0.25, 0.25, 0.25]);
    expect(() => seriesValues(f, 4)).toThrow(RangeError);
  });

  it('gives a member’s share of the whole market (not of its parent), NaN where the market is 0', () => {
    // de: 25% of eu, which is 60% of the total → 15% of the market.
    expect(shareOfTotal(f, seriesIndex(f.layout, 'region/eu/de'), 2)).toBeCloseTo(0.15, 12);
    const empty = forecast(model({ endYear: 2026, baseSize: 0, dimensions: [dimension('d', [member('a', 1)])] }));
    expect(shareOfTotal(empty, 0, 1)).toBeNaN();
    expect(() => shareOfTotal(f, 0, 3)).toThrow(RangeError);
  });
});
