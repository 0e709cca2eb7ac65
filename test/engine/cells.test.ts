import { describe, expect, it } from 'vitest';
import { cellSeries, cellValue } from '../../src/engine/cells';
import { forecast } from '../../src/engine/forecast';
import { seriesIndex } from '../../src/engine/seriesAccess';
import { dimension, member, model } from '../support/models';

// Total 100 growing 10%. Type: hw σ 0.3 δ −0.05, sw σ 0.7 δ +0.05. Region: na σ 0.4, eu σ 0.6 (δ 0),
// eu with countries de / fr.
//   2025: shares hw 0.3, sw 0.7; na 0.4, eu 0.6.
//   2026: u_hw = 0.315, u_sw = 0.805, Σ 1.12 → hw 0.28125, sw 0.71875; regions unchanged (δ 0).
const f = forecast(
  model({
    endYear: 2026,
    baseGrowth: 0.1,
    dimensions: [
      dimension('type', [member('hw', 0.3, { delta: -0.05 }), member('sw', 0.7, { delta: 0.05 })]),
      dimension('region', [member('na', 0.4), member('eu', 0.6, { children: [member('de', 0.5), member('fr', 0.5)] })]),
    ],
  }),
);
const s = (key: string): number => seriesIndex(f.layout, key);

describe('cells', () => {
  it('values a combination of members of different dimensions as T(t) · Π share_d(t)', () => {
    // Software × Europe: 2025: 100 · 0.7 · 0.6 = 42;  2026: 110 · 0.71875 · 0.6 = 47.4375
    expect(cellValue(f, [s('type/sw'), s('region/eu')], 0)).toBeCloseTo(42, 12);
    expect(cellValue(f, [s('type/sw'), s('region/eu')], 1)).toBeCloseTo(47.4375, 12);
    expect(Array.from(cellSeries(f, [s('type/sw'), s('region/eu')]))).toEqual([
      cellValue(f, [s('type/sw'), s('region/eu')], 0),
      cellValue(f, [s('type/sw'), s('region/eu')], 1),
    ]);
  });

  it('sums over the dimensions left out: one member alone is its own value; no member is the total', () => {
    expect(cellValue(f, [s('type/hw')], 1)).toBeCloseTo(f.values[s('type/hw') * 2 + 1]!, 12);
    expect(cellValue(f, [], 1)).toBe(f.total[1]);
  });

  it('adds up to the total over all combinations', () => {
    for (let t = 0; t < 2; t++) {
      let sum = 0;
      for (const type of ['type/hw', 'type/sw']) for (const region of ['region/na', 'region/eu']) sum += cellValue(f, [s(type), s(region)], t);
      expect(sum).toBeCloseTo(f.total[t]!, 12);
    }
  });

  it('writes into a caller’s array when given one', () => {
    const out = new Float64Array(2);
    expect(cellSeries(f, [s('type/hw')], out)).toBe(out);
    expect(() => cellSeries(f, [s('type/hw')], new Float64Array(3))).toThrow(RangeError);
  });

  it('refuses two members of one dimension, nested members, and unknown series or years', () => {
    expect(() => cellValue(f, [s('type/hw'), s('type/sw')], 0)).toThrow(/same dimension/);
    expect(() => cellValue(f, [s('region/eu/de')], 0)).toThrow(/nested/);
    expect(() => cellValue(f, [99], 0)).toThrow(RangeError);
    expect(() => cellValue(f, [s('type/hw')], 2)).toThrow(RangeError);
  });
});
