/**
 * The forecast worked by hand (DESIGN.md §3). Each test writes the arithmetic out, so a reader can
 * check the expected numbers without running anything.
 */
import { describe, expect, it } from 'vitest';
import { forecast } from '../../src/engine/forecast';
import { seriesIndex, seriesShares, seriesValues } from '../../src/engine/seriesAccess';
import type { Forecast } from '../../src/engine/forecastTypes';
import { dimension, driver, member, model } from '../support/models';

const PRECISION = 10; // toBeCloseTo digits: the hand arithmetic below is exact to far more than this

function expectSeries(actual: ArrayLike<number>, expected: readonly number[]): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((value, t) => expect(actual[t], `index ${t}`).toBeCloseTo(value, PRECISION));
}

function valuesOf(f: Forecast, key: string): Float64Array {
  const s = seriesIndex(f.layout, key);
  expect(s, key).toBeGreaterThanOrEqual(0);
  return seriesValues(f, s);
}

function sharesOf(f: Forecast, key: string): Float64Array {
  return seriesShares(f, seriesIndex(f.layout, key));
}

describe('forecast: the total', () => {
  it('ramps a driver in over rampYears from its start year', () => {
    // baseGrowth 2%; a driver of +3% starting 2027 (two years after 2025) with a 3-year ramp.
    // w(t) = 0 for t < 2027, else min(1, (t − 2027 + 1) / 3):
    //   2026: 0    2027: 1/3    2028: 2/3    2029: 1    2030: 1    2031: 1
    // g(t) = 0.02 + 0.03 · w(t):
    //   2026: 0.02  2027: 0.03  2028: 0.04   2029: 0.05 2030: 0.05 2031: 0.05
    // T: 100 → 100·1.02 = 102 → 102·1.03 = 105.06 → 105.06·1.04 = 109.2624
    //    → 109.2624·1.05 = 114.72552 → ·1.05 = 120.461796 → ·1.05 = 126.4848858
    const f = forecast(
      model({ endYear: 2031, baseSize: 100, baseGrowth: 0.02, drivers: [driver('ai', 0.03, { startYear: 2027, rampYears: 3 })] }),
    );
    expect(f.layout.years).toEqual([2025, 2026, 2027, 2028, 2029, 2030, 2031]);
    expectSeries(f.growth, [0, 0.02, 0.03, 0.04, 0.05, 0.05, 0.05]);
    expectSeries(f.total, [100, 102, 105.06, 109.2624, 114.72552, 120.461796, 126.4848858]);
    expect(f.warnings).toEqual([]);
  });

  it('subtracts a restraint and ignores a disabled driver; a driver starts the year after the base year by default', () => {
    // baseGrowth 5%; a restraint of −2% from 2027; a disabled +10% driver from the default start
    // (2026), which must change nothing.
    // g: 2026: 0.05 (restraint not started)   2027, 2028: 0.05 − 0.02 = 0.03
    // T: 100 → 105 → 105·1.03 = 108.15 → 108.15·1.03 = 111.3945
    const withDisabled = forecast(
      model({
        endYear: 2028,
        baseGrowth: 0.05,
        drivers: [driver('regulation', -0.02, { startYear: 2027 }), driver('hype', 0.1, { enabled: false })],
      }),
    );
    expectSeries(withDisabled.growth, [0, 0.05, 0.03, 0.03]);
    expectSeries(withDisabled.total, [100, 105, 108.15, 111.3945]);

    // The same driver enabled (the default) with the default start 2026 and ramp 1: +10% from 2026.
    // g: 2026: 0.15   2027, 2028: 0.15 − 0.02 = 0.13
    const enabled = forecast(
      model({ endYear: 2028, baseGrowth: 0.05, drivers: [driver('regulation', -0.02, { startYear: 2027 }), driver('hype', 0.1)] }),
    );
    expectSeries(enabled.growth, [0, 0.15, 0.13, 0.13]);
    expectSeries(enabled.total, [100, 115, 129.95, 146.8435]);
  });

  it('clamps the total at zero below −100% growth, keeps it at zero, and lets members under it follow their own factors', () => {
    // baseGrowth −50%; a restraint of −80% from 2027; a driver of +200% from 2029.
    // g: 2026: −0.5   2027: −1.3   2028: −1.3   2029: 0.7   2030: 0.7
    // T: 100 → 100·0.5 = 50 → 50·max(0, −0.3) = 0 → 0 → 0·1.7 = 0 → 0: zero is absorbing.
    //
    // Members a (σ 0.6, δ +0.1) and b (σ 0.4, δ −0.1) under the total:
    // gP: 2026: 50/100 − 1 = −0.5   2027: 0/50 − 1 = −1   2028…: 0, because P(t − 1) = 0
    // u_a: 0.6 → 0.6·(1 − 0.5 + 0.1) = 0.36 → 0.36·(1 − 1 + 0.1) = 0.036 → 0.036·1.1 = 0.0396
    //      → 0.04356 → 0.047916
    // u_b: 0.4 → 0.4·(1 − 0.5 − 0.1) = 0.16 → 0.16·max(0, −0.1) = 0 → 0 …
    // shares: 2025: 0.6 / 0.4   2026: 0.36/0.52 = 0.6923… / 0.16/0.52 = 0.3077…   2027…: 1 / 0
    // values = T · share: 60 / 40, 34.615… / 15.384…, then 0 / 0.
    const f = forecast(
      model({
        endYear: 2030,
        baseGrowth: -0.5,
        drivers: [driver('collapse', -0.8, { startYear: 2027 }), driver('rebound', 2, { startYear: 2029 })],
        dimensions: [dimension('region', [member('a', 0.6, { delta: 0.1 }), member('b', 0.4, { delta: -0.1 })])],
      }),
    );
    expectSeries(f.growth, [0, -0.5, -1.3, -1.3, 0.7, 0.7]);
    expectSeries(f.total, [100, 50, 0, 0, 0, 0]);
    expectSeries(sharesOf(f, 'region/a'), [0.6, 0.36 / 0.52, 1, 1, 1, 1]);
    expectSeries(sharesOf(f, 'region/b'), [0.4, 0.16 / 0.52, 0, 0, 0, 0]);
    expectSeries(valuesOf(f, 'region/a'), [60, (50 * 0.36) / 0.52, 0, 0, 0, 0]);
    expectSeries(valuesOf(f, 'region/b'), [40, (50 * 0.16) / 0.52, 0, 0, 0, 0]);
    // One warning, in the year the total was wiped out — not one per year, and not an echo for b,
    // whose clamp in 2027 only follows its parent's collapse.
    expect(f.warnings).toHaveLength(1);
    expect(f.warnings[0]).toMatchObject({ kind: 'totalClamped', year: 2027 });
    expect((f.warnings[0] as { growth: number }).growth).toBeCloseTo(-1.3, PRECISION);
  });
});

describe('forecast: members', () => {
  it('splits the total by base shares that move with each member’s growth premium', () => {
    // Total 100 growing 10% (gP = 0.1 every year); hardware σ 0.3 δ −0.05, software σ 0.7 δ +0.05.
    // u_hw: 0.3 → 0.3·1.05 = 0.315        u_sw: 0.7 → 0.7·1.15 = 0.805      Σ: 1 → 1.12
    // shares 2026: 0.315/1.12 = 0.28125, 0.805/1.12 = 0.71875; values: 110·share = 30.9375, 79.0625
    const f = forecast(
      model({
        endYear: 2026,
        baseGrowth: 0.1,
        dimensions: [dimension('type', [member('hw', 0.3, { delta: -0.05 }), member('sw', 0.7, { delta: 0.05 })])],
      }),
    );
    expectSeries(sharesOf(f, 'type/hw'), [0.3, 0.28125]);
    expectSeries(sharesOf(f, 'type/sw'), [0.7, 0.71875]);
    expectSeries(valuesOf(f, 'type/hw'), [30, 30.9375]);
    expectSeries(valuesOf(f, 'type/sw'), [70, 79.0625]);
  });

  it('computes nested children (countries in a region) under their region the same way', () => {
    // Total 100 growing 10%: T = 100, 110, 121; gP(total) = 0.1.
    // Regions: eu σ 0.5 δ +0.02, na σ 0.5 δ 0.
    //   u_eu: 0.5 → 0.56 → 0.6272          u_na: 0.5 → 0.55 → 0.605
    //   Σ: 1 → 1.11 → 1.2322
    //   eu values: 50 → 110·0.56/1.11 = 55.4954954… → 121·0.6272/1.2322 = 61.5900016…
    //   na values: 50 → 110·0.55/1.11 = 54.5045045… → 121·0.605/1.2322  = 59.4099983…
    // Countries in eu: de σ 0.6 δ +0.03, fr σ 0.4 δ 0, under P = eu's values.
    //   gP_eu: 2026: 55.4954954…/50 − 1 = 0.1099099…   2027: 61.5900016…/55.4954954… − 1 = 0.1098198…
    //   u_de: 0.6 → 0.6·(1 + 0.1099099 + 0.03) = 0.6839459… → ·(1 + 0.1098198 + 0.03) = 0.7795751…
    //   u_fr: 0.4 → 0.4·1.1099099 = 0.4439639…   → ·1.1098198 = 0.4927200…
    //   Σ: 1 → 1.1279099… → 1.2722951…
    //   de values: 30 → 55.4954954·0.6839459/1.1279099 = 33.6515521… → 37.7381257…
    //   fr values: 20 → 21.8439433… → 23.8518758…
    const f = forecast(
      model({
        endYear: 2027,
        baseGrowth: 0.1,
        dimensions: [
          dimension('region', [
            member('eu', 0.5, { delta: 0.02, children: [member('de', 0.6, { delta: 0.03 }), member('fr', 0.4)] }),
            member('na', 0.5),
          ]),
        ],
      }),
    );
    expect(f.layout.series.map((s) => s.key)).toEqual(['region/eu', 'region/eu/de', 'region/eu/fr', 'region/na']);
    expectSeries(f.total, [100, 110, 121]);
    expectSeries(valuesOf(f, 'region/eu'), [50, (110 * 0.56) / 1.11, (121 * 0.6272) / 1.2322]);
    expectSeries(valuesOf(f, 'region/na'), [50, (110 * 0.55) / 1.11, (121 * 0.605) / 1.2322]);
    expectSeries(valuesOf(f, 'region/eu/de'), [30, 33.65155215759857, 37.7381257643773]);
    expectSeries(valuesOf(f, 'region/eu/fr'), [20, 21.843943337896913, 23.85187585873583]);
    expectSeries(sharesOf(f, 'region/eu/de'), [0.6, 0.6063834885541303, 0.6127313649918001]);
    // The countries add up to their region, the regions to the total.
    for (let t = 0; t < 3; t++) {
      expect(valuesOf(f, 'region/eu/de')[t]! + valuesOf(f, 'region/eu/fr')[t]!).toBeCloseTo(valuesOf(f, 'region/eu')[t]!, PRECISION);
      expect(valuesOf(f, 'region/eu')[t]! + valuesOf(f, 'region/na')[t]!).toBeCloseTo(f.total[t]!, PRECISION);
    }
  });

  it('gives a list whose members all fell to zero values and shares of 0, with one warning per wipe-out', () => {
    // baseGrowth +5%, a restraint of −50% from 2027: g = 0.05, −0.45, −0.45.
    // T: 100 → 105 → 105·0.55 = 57.75 → 57.75·0.55 = 31.7625 (never clamped).
    // Applications x (σ 0.5, δ −0.6) and y (σ 0.5, δ −1.1); gP = g.
    //   2026: factor_x = 1 + 0.05 − 0.6 = 0.45 → u_x = 0.225;  factor_y = 1 + 0.05 − 1.1 = −0.05 → u_y = 0
    //   2027: factor_x = 1 − 0.45 − 0.6 = −0.05 → u_x = 0: Σu = 0, the list has collapsed.
    // shares: 2025: 0.5 / 0.5   2026: 1 / 0   2027, 2028: 0 / 0;  values = T · share.
    // A second dimension is untouched and still adds up to the total.
    const f = forecast(
      model({
        endYear: 2028,
        baseGrowth: 0.05,
        drivers: [driver('shock', -0.5, { startYear: 2027 })],
        dimensions: [
          dimension('app', [member('x', 0.5, { delta: -0.6 }), member('y', 0.5, { delta: -1.1 })]),
          dimension('type', [member('hw', 1)]),
        ],
      }),
    );
    expectSeries(f.total, [100, 105, 57.75, 31.7625]);
    expectSeries(sharesOf(f, 'app/x'), [0.5, 1, 0, 0]);
    expectSeries(sharesOf(f, 'app/y'), [0.5, 0, 0, 0]);
    expectSeries(valuesOf(f, 'app/x'), [50, 105, 0, 0]);
    expectSeries(valuesOf(f, 'app/y'), [50, 0, 0, 0]);
    expectSeries(valuesOf(f, 'type/hw'), [100, 105, 57.75, 31.7625]);
    expect(f.warnings).toEqual([
      { kind: 'memberClamped', key: 'app/y', year: 2026 },
      { kind: 'memberClamped', key: 'app/x', year: 2027 },
      { kind: 'listCollapsed', parentKey: 'app', year: 2027 },
    ]);
  });

  it('reports a collapsed list of children by its parent member’s key', () => {
    // Total flat (g = 0). Region r (σ 1) has one country c with δ −2: factor 1 + 0 − 2 = −1 < 0.
    const f = forecast(
      model({ endYear: 2026, dimensions: [dimension('region', [member('r', 1, { children: [member('c', 1, { delta: -2 })] })])] }),
    );
    expectSeries(valuesOf(f, 'region/r/c'), [100, 0]);
    expect(f.warnings).toEqual([
      { kind: 'memberClamped', key: 'region/r/c', year: 2026 },
      { kind: 'listCollapsed', parentKey: 'region/r', year: 2026 },
    ]);
  });

  it('takes the documented defaults for optional fields (δ = 0, no children)', () => {
    // Without δ, members keep their base shares exactly as the total grows.
    const f = forecast(model({ endYear: 2027, baseGrowth: 0.2, dimensions: [dimension('d', [member('a', 0.25), member('b', 0.75)])] }));
    expectSeries(sharesOf(f, 'd/a'), [0.25, 0.25, 0.25]);
    expectSeries(valuesOf(f, 'd/b'), [75, 90, 108]);
  });
});

describe('forecast: layout reuse', () => {
  it('accepts the layout of an earlier forecast of the same structure and refuses a stale one', () => {
    const before = model({ dimensions: [dimension('d', [member('a', 0.5), member('b', 0.5)])] });
    const first = forecast(before);
    const after = { ...before, baseGrowth: { value: 0.1 } };
    const second = forecast(after, first.layout);
    expect(second.layout).toBe(first.layout);
    expect(Array.from(second.total)).toEqual(Array.from(forecast(after).total));

    const restructured = model({ dimensions: [dimension('d', [member('a', 0.5), member('c', 0.5)])] });
    expect(() => forecast(restructured, first.layout)).toThrow(/layout does not match/);
    expect(() => forecast(model({ endYear: 2031 }), first.layout)).toThrow(/layout does not match/);
    // Same members, regrouped into two dimensions: the keys would be wrong, so it is refused too.
    const regrouped = model({ dimensions: [dimension('d', [member('a', 1)]), dimension('e', [member('b', 1)])] });
    expect(() => forecast(regrouped, first.layout)).toThrow(/layout does not match/);
  });
});
