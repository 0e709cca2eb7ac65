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

  it('clamps the total at zero below −100% growth, keeps it at zero, and keeps the members’ last shares under it', () => {
    // baseGrowth −50%; a restraint of −80% from 2027; a driver of +200% from 2029.
    // g: 2026: −0.5   2027: −1.3   2028: −1.3   2029: 0.7   2030: 0.7
    // T: 100 → 100·0.5 = 50 → 50·max(0, −0.3) = 0 → 0 → 0·1.7 = 0 → 0: zero is absorbing.
    //
    // Members a (σ 0.6, δ +0.1) and b (σ 0.4, δ −0.1) under the total:
    // 2026: gP = 50/100 − 1 = −0.5; u_a = 0.6·(1 − 0.5 + 0.1) = 0.36, u_b = 0.4·(1 − 0.5 − 0.1) = 0.16
    // 2027…: the parent is 0, so the list keeps its last shares (issue 9: a parent at 0 says nothing
    // about how its parts divide it; reading gP as −1 there would hand everything to a).
    // shares: 2025: 0.6 / 0.4   2026…: 0.36/0.52 = 0.6923… / 0.16/0.52 = 0.3077…
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
    const a = 0.36 / 0.52;
    const b = 0.16 / 0.52;
    expectSeries(sharesOf(f, 'region/a'), [0.6, a, a, a, a, a]);
    expectSeries(sharesOf(f, 'region/b'), [0.4, b, b, b, b, b]);
    expectSeries(valuesOf(f, 'region/a'), [60, 50 * a, 0, 0, 0, 0]);
    expectSeries(valuesOf(f, 'region/b'), [40, 50 * b, 0, 0, 0, 0]);
    // One warning, in the year the total was wiped out — not one per year, and no echo for the
    // members, which only follow their parent.
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

/** Every list of `f` adds up to its parent in every year, to 1e-9 of the parent. */
function expectListsAddUp(f: Forecast): void {
  const Y = f.layout.years.length;
  const lists = f.layout.dimensions.map((d) => ({ parent: -1, members: d.members }));
  f.layout.series.forEach((info, s) => {
    if (info.children.length > 0) lists.push({ parent: s, members: info.children });
  });
  for (const list of lists) {
    for (let t = 0; t < Y; t++) {
      const parent = list.parent < 0 ? f.total[t]! : f.values[list.parent * Y + t]!;
      const sum = list.members.reduce((acc, s) => acc + f.values[s * Y + t]!, 0);
      expect(Math.abs(sum - parent), `list under ${list.parent} in year ${t}: ${sum} vs ${parent}`).toBeLessThanOrEqual(1e-9 * parent);
    }
  }
}

function expectAllFinite(f: Forecast): void {
  for (const array of [f.total, f.growth, f.values, f.shares]) {
    for (const x of array) expect(Number.isFinite(x), `${x}`).toBe(true);
  }
}

describe('forecast: extreme but valid numbers stay finite and add up (issue 9)', () => {
  it('a subnormal share whose sibling collapses takes the whole market, and its parts keep their split', () => {
    // Total 100, flat. Region a has σ 5e-324 (the smallest double) and two countries x, y (½ each,
    // y +50% premium); region b (σ 1) has δ −1: factor 1 + 0 − 1 = 0 in 2026, so a takes it all.
    // a's value jumps from 100·5e-324 to 100: P(t)/P(t − 1) ≈ 2e323 overflows to Infinity. The
    // premiums are nothing beside that growth: x and y keep ½ each in 2026 (u·(r + δ) / Σ → u / Σu).
    // 2027: a's growth is 0: u_x = 0.5 · 1, u_y = 0.5 · 1.5 → shares 0.5 / 1.25 = 0.4 and 0.6.
    const f = forecast(
      model({
        endYear: 2027,
        dimensions: [
          dimension('region', [
            member('a', 5e-324, { children: [member('x', 0.5), member('y', 0.5, { delta: 0.5 })] }),
            member('b', 1, { delta: -1 }),
          ]),
        ],
      }),
    );
    expectAllFinite(f);
    expectListsAddUp(f);
    expectSeries(sharesOf(f, 'region/a'), [5e-324, 1, 1]);
    expectSeries(valuesOf(f, 'region/a'), [100 * 5e-324, 100, 100]);
    expectSeries(sharesOf(f, 'region/a/x'), [0.5, 0.5, 0.4]);
    expectSeries(valuesOf(f, 'region/a/y'), [0.5 * 100 * 5e-324, 50, 60]);
    expect(f.warnings).toEqual([]);
  });

  it('a share of 1e-300 that takes the market and then grows 1000% a year never overflows its parts', () => {
    // g = 0 in 2026 (b collapses as above), then +1000% a year: T = 1, 1, 11, 121, … 11^10.
    // a's countries grow by a's growth (×11) plus their premium: x × 11, y × 11.5 a year from 2027.
    // Their indices u would pass 1e308 by 2035 (1e300 · 11^8); shares are ratios, so they are not
    // allowed to: x's share in 2036 is 11^10 / (11^10 + 11.5^10).
    const f = forecast(
      model({
        endYear: 2036,
        baseSize: 1,
        drivers: [driver('boom', 10, { startYear: 2027 })],
        dimensions: [
          dimension('region', [
            member('a', 1e-300, { children: [member('x', 0.5), member('y', 0.5, { delta: 0.5 })] }),
            member('b', 1, { delta: -1 }),
          ]),
        ],
      }),
    );
    expectAllFinite(f);
    expectListsAddUp(f);
    const x = 11 ** 10 / (11 ** 10 + 11.5 ** 10);
    expect(sharesOf(f, 'region/a/x')[11]).toBeCloseTo(x, 12);
    expect(valuesOf(f, 'region/a/x')[11]! / 11 ** 10).toBeCloseTo(x, 12);
  });

  it('a tiny member survives when every sibling collapses, even where its index would underflow', () => {
    // a: σ 5e-324, δ −0.5; b: σ 1, δ −1.5. Total flat. 2026: factor_a = 0.5, factor_b = −0.5 → 0.
    // u_a = 5e-324 · 0.5 is below the smallest double (it would round to 0, and the list would
    // "collapse"), but a is still there: it is the whole list, share 1.
    const f = forecast(
      model({
        endYear: 2027,
        dimensions: [dimension('region', [member('a', 5e-324, { delta: -0.5 }), member('b', 1, { delta: -1.5 })])],
      }),
    );
    expectAllFinite(f);
    expectListsAddUp(f);
    expectSeries(sharesOf(f, 'region/a'), [5e-324, 1, 1]);
    expectSeries(valuesOf(f, 'region/a'), [100 * 5e-324, 100, 100]);
    expect(f.warnings).toEqual([{ kind: 'memberClamped', key: 'region/b', year: 2026 }]);
  });

  it('a parent that underflows to 0 for a year and recovers gets its parts back', () => {
    // Total 1, then ×0.4, then ×10, then flat: 1, 0.4, 4, 4. Region a has σ 5e-324 with countries
    // x (¼) and y (¾); b holds the rest. a's value: 5e-324, then 0.4 · 5e-324 — below the smallest
    // double: 0 — then 4 · 5e-324 = 2e-323. While a is 0 its countries keep their shares; once a is
    // back, x and y are ¼ and ¾ of it again (not 0 for good).
    const f = forecast(
      model({
        endYear: 2028,
        baseSize: 1,
        drivers: [driver('dip', -0.6, { startYear: 2026 }), driver('rise', 9.6, { startYear: 2027 }), driver('calm', -9, { startYear: 2028 })],
        dimensions: [dimension('region', [member('a', 5e-324, { children: [member('x', 0.25), member('y', 0.75)] }), member('b', 1)])],
      }),
    );
    expectSeries(f.total, [1, 0.4, 4, 4]);
    expectAllFinite(f);
    expectListsAddUp(f);
    expect(Array.from(valuesOf(f, 'region/a'))).toEqual([5e-324, 0, 2e-323, 2e-323]);
    expectSeries(sharesOf(f, 'region/a/x'), [0.25, 0.25, 0.25, 0.25]);
    expectSeries(sharesOf(f, 'region/a/y'), [0.75, 0.75, 0.75, 0.75]);
    expect(valuesOf(f, 'region/a/x')[2]! + valuesOf(f, 'region/a/y')[2]!).toBe(2e-323);
  });

  it('the largest market a file allows stays finite: size 10^15 growing 1000% a year plus 200 drivers at +1000%, 50 years', () => {
    const drivers = Array.from({ length: 200 }, (_, i) => driver(`d${i}`, 10));
    const f = forecast(model({ baseYear: 2025, endYear: 2075, baseSize: 1e15, baseGrowth: 10, drivers, dimensions: [dimension('d', [member('a', 0.5), member('b', 0.5, { delta: 10 })])] }));
    expectAllFinite(f);
    expectListsAddUp(f);
    expect(f.total[50]).toBeGreaterThan(1e180);
    expect(f.warnings).toEqual([]);
  });

  it('beyond the file limits, a total too large to represent is named with its year, not left as Infinity unexplained', () => {
    // 10^300 growing 1000% a year: 10^300 · 11⁷ ≈ 1.9e307 in 2032, · 11⁸ ≈ 2.1e308 > 1.8e308 in 2033.
    const f = forecast(model({ endYear: 2040, baseSize: 1e300, baseGrowth: 10, dimensions: [dimension('d', [member('a', 1)])] }));
    expect(f.total[7]).toBeCloseTo(1e300 * 11 ** 7, -295);
    expect(f.warnings).toEqual([{ kind: 'totalOverflow', year: 2033 }]);
  });
});
