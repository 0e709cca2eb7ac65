/**
 * Percentiles by selection (src/engine/percentiles.ts) against the definition: sort, then linear
 * interpolation at p · (N − 1) between order statistics.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PERCENTILE_POINTS, percentilesInPlace, percentilesOfParts, wantedRanks } from '../../src/engine/percentiles';
import { assertProperty } from '../support/property';

/** The definition, written the plain way: a full sort. */
function sortedPercentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = p * (sorted.length - 1);
  const below = Math.floor(position);
  const lo = sorted[below]!;
  const hi = sorted[Math.min(sorted.length - 1, below + 1)]!;
  return position === below ? lo : lo + (hi - lo) * (position - below);
}

function selected(values: readonly number[], points: readonly number[]): number[] {
  const out = new Float64Array(points.length);
  percentilesInPlace(Float64Array.from(values), values.length, points, out);
  return Array.from(out);
}

/** Arrays with many ties (few distinct values), or spread doubles, of lengths around the insertion-sort cut-off and well beyond. */
const samples = fc.oneof(
  fc.array(fc.integer({ min: -5, max: 5 }).map((k) => k / 4), { minLength: 1, maxLength: 400 }),
  fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 400 }),
  fc.array(fc.constantFrom(0, 0, 0, 1, 2.5), { minLength: 1, maxLength: 3000 }),
  // Long enough for the histogram path (2,048 values and more): smooth, tied, and lopsided (a far
  // outlier squeezing everything else into the first bucket).
  fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 2048, maxLength: 6000 }),
  fc.array(fc.integer({ min: 0, max: 40 }).map((k) => k / 8), { minLength: 2048, maxLength: 6000 }),
  fc
    .tuple(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2048, maxLength: 5000 }), fc.constantFrom(1e6, -1e300, 1e300))
    .map(([values, outlier]) => [...values, outlier]),
);

describe('percentilesInPlace', () => {
  it('equals the sort-based definition at the simulation’s points, on random arrays with ties', () => {
    assertProperty(
      fc.property(samples, (values) => {
        const expected = PERCENTILE_POINTS.map((p) => sortedPercentile(values, p));
        const actual = selected(values, PERCENTILE_POINTS);
        actual.forEach((x, k) => expect(x, `p${PERCENTILE_POINTS[k]}`).toBeCloseTo(expected[k]!, 9));
      }),
      { numRuns: 200 },
    );
  });

  it('equals the definition at any ascending points, and is monotone in p', () => {
    const points = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 12 }).map((ps) => [...ps].sort((a, b) => a - b));
    assertProperty(
      fc.property(samples, points, (values, ps) => {
        const actual = selected(values, ps);
        actual.forEach((x, k) => {
          const expected = sortedPercentile(values, ps[k]!);
          expect(Math.abs(x - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
          if (k > 0) expect(x).toBeGreaterThanOrEqual(actual[k - 1]!);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('a sample held in parts (a simulation’s blocks) gives the percentiles of the whole, without changing the parts', () => {
    const cuts = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 });
    assertProperty(
      fc.property(samples, cuts, (values, fractions) => {
        const data = Float64Array.from(values);
        const at = [0, ...fractions.map((f) => Math.floor(f * values.length)).sort((a, b) => a - b), values.length];
        const parts = at.slice(1).map((end, k) => data.subarray(at[k]!, end));
        const out = new Float64Array(PERCENTILE_POINTS.length);
        percentilesOfParts(parts, PERCENTILE_POINTS, out);
        expect(Array.from(out)).toEqual(selected(values, PERCENTILE_POINTS));
        expect(Array.from(data)).toEqual(values);
      }),
      { numRuns: 200 },
    );
  });

  it('is exact when the first part (the pilot that sets the histogram’s edges) misses values of the rest', () => {
    // A pilot spread over [0, 1], then parts reaching a little past it on both sides (too few
    // outside for the histogram to be recounted), or far past it (recounted), or a constant pilot.
    // Spread values from a seed (fast-check's own doubles crowd at the bounds and at 0).
    const spread = (length: number, low: number, high: number) =>
      fc.integer({ min: 1, max: 0x7fffffff }).map((seed) => {
        let x = seed;
        return Array.from({ length }, () => {
          x = Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) ^ Math.imul(x, 0x297a2d39);
          return low + ((x >>> 0) / 2 ** 32) * (high - low);
        });
      });
    const pilot = fc.integer({ min: 2100, max: 2500 }).chain((length) => spread(length, 0, 1));
    const near = fc.integer({ min: 20, max: 300 }).chain((length) => spread(length, -0.2, 1.2));
    const far = fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { maxLength: 3000 });
    assertProperty(
      fc.property(
        fc.oneof(pilot, fc.constant(new Array<number>(2100).fill(0.5))),
        fc.array(fc.oneof(near, near, far), { minLength: 1, maxLength: 3 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 9 }),
        (first, others, ps) => {
          const parts = [first, ...others].map((part) => Float64Array.from(part));
          const values = [first, ...others].flat();
          const points = [...ps].sort((x, y) => x - y);
          const out = new Float64Array(points.length);
          percentilesOfParts(parts, points, out);
          points.forEach((p, k) => expect(out[k], `p = ${p}`).toBe(sortedPercentile(values, p)));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('a worked example: 1 … 11 in reverse, p10 = 2, p25 = 3.5, median 6', () => {
    expect(selected([11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1], [0, 0.1, 0.25, 0.5, 1])).toEqual([1, 2, 3.5, 6, 11]);
  });

  it('is exact on large sorted, reversed and constant arrays (the quickselect worst cases)', () => {
    const n = 100_001;
    const ascending = Array.from({ length: n }, (_, i) => i);
    expect(selected(ascending, PERCENTILE_POINTS)).toEqual(PERCENTILE_POINTS.map((p) => p * (n - 1)));
    expect(selected([...ascending].reverse(), PERCENTILE_POINTS)).toEqual(PERCENTILE_POINTS.map((p) => p * (n - 1)));
    expect(selected(new Array<number>(n).fill(3), PERCENTILE_POINTS)).toEqual(PERCENTILE_POINTS.map(() => 3));
  });

  it('NaN for an empty sample; the one value for a sample of one', () => {
    expect(selected([], [0.5])).toEqual([NaN]);
    expect(selected([4.2], PERCENTILE_POINTS)).toEqual(PERCENTILE_POINTS.map(() => 4.2));
  });
});

describe('wantedRanks', () => {
  it('is every rank the interpolation reads, ⌊p(n−1)⌋ and the one after (within n), ascending, each once', () => {
    const points = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 12 }).map((ps) => [...ps].sort((a, b) => a - b));
    assertProperty(
      fc.property(points, fc.integer({ min: 1, max: 1_000_000 }), (ps, n) => {
        const expected = new Set<number>();
        for (const p of ps) {
          const below = Math.floor(p * (n - 1));
          expected.add(below).add(Math.min(n - 1, below + 1));
        }
        expect(wantedRanks(ps, n)).toEqual([...expected].sort((a, b) => a - b));
      }),
      { numRuns: 300 },
    );
  });

  it('gives a tiny sample each rank once (two points may share both of theirs), and the same answer when asked again', () => {
    expect(wantedRanks([0.05, 0.1], 3)).toEqual([0, 1]);
    expect(wantedRanks([0.5], 1)).toEqual([0]);
    expect(wantedRanks(PERCENTILE_POINTS, 10_000)).toBe(wantedRanks(PERCENTILE_POINTS, 10_000));
    expect(wantedRanks(PERCENTILE_POINTS, 10_000)).not.toEqual(wantedRanks(PERCENTILE_POINTS, 20_000));
  });
});
