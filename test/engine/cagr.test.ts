import { describe, expect, it } from 'vitest';
import { cagr, horizonCagr, seriesCagr, seriesCagrs, totalCagr } from '../../src/engine/cagr';
import { forecast } from '../../src/engine/forecast';
import { seriesIndex } from '../../src/engine/seriesAccess';
import { dimension, member, model } from '../support/models';

describe('cagr', () => {
  it('annualises growth between two indices: (X(b) / X(a))^(1 / (b − a)) − 1', () => {
    // 100 → 121 over 2 years: (121 / 100)^(1/2) − 1 = 1.1 − 1 = 0.1
    expect(cagr([100, 110, 121], 0, 2)).toBeCloseTo(0.1, 12);
    // 110 → 121 over 1 year: 0.1;  100 → 100: 0
    expect(cagr([100, 110, 121], 1, 2)).toBeCloseTo(0.1, 12);
    expect(cagr([100, 100], 0, 1)).toBe(0);
    // 20 / 1.052³ → 20 over 3 years: 5.2%
    expect(cagr([20 / 1.052 ** 3, 0, 0, 20], 0, 3)).toBeCloseTo(0.052, 12);
  });

  it('gives −100% for a series that fell to zero', () => {
    // (0 / 50)^(1/2) − 1 = −1
    expect(cagr([50, 10, 0], 0, 2)).toBe(-1);
  });

  it('is NaN where no rate is defined: from a size ≤ 0, outside the series, or over no span', () => {
    expect(cagr([0, 10], 0, 1)).toBeNaN();
    expect(cagr([-5, 10], 0, 1)).toBeNaN();
    expect(cagr([10, 20], 0, 2)).toBeNaN();
    expect(cagr([10, 20], -1, 1)).toBeNaN();
    expect(cagr([10, 20], 1, 1)).toBeNaN();
    expect(cagr([10, 20], 1, 0)).toBeNaN();
    expect(cagr([10, 20], 0.5, 1)).toBeNaN();
  });

  it('gives the realised CAGR of a forecast’s total and members over the horizon', () => {
    // Total 17.18 growing 5.2% a year for 7 years: CAGR 0.052. A member with δ +0.03 and one with
    // δ −0.03, each half the market: the first grows faster than the total, the second slower.
    const f = forecast(
      model({
        baseYear: 2025,
        endYear: 2032,
        baseSize: 17.18,
        baseGrowth: 0.052,
        dimensions: [dimension('type', [member('sw', 0.5, { delta: 0.03 }), member('hw', 0.5, { delta: -0.03 })])],
      }),
    );
    expect(totalCagr(f)).toBeCloseTo(0.052, 12);
    expect(horizonCagr(f.total)).toBe(totalCagr(f));
    const sw = seriesIndex(f.layout, 'type/sw');
    const hw = seriesIndex(f.layout, 'type/hw');
    expect(seriesCagr(f, sw)).toBeGreaterThan(0.052);
    expect(seriesCagr(f, hw)).toBeLessThan(0.052);
    // The member CAGR is the CAGR of its values row.
    expect(seriesCagr(f, sw)).toBeCloseTo(cagr(f.values.subarray(sw * 8, sw * 8 + 8), 0, 7), 14);
    expect(Array.from(seriesCagrs(f))).toEqual([seriesCagr(f, 0), seriesCagr(f, 1)]);
    expect(seriesCagr(f, 5)).toBeNaN();
  });
});
