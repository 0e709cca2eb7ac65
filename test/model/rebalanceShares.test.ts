import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rebalanceShares, SHARE_SUM_TOLERANCE, splitInProportion } from '../../src/model/rebalanceShares';
import { assertProperty } from '../support/property';

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe('rebalanceShares', () => {
  it('splits what is left over unlocked siblings in proportion to their shares', () => {
    // NA 0.4 → 0.5: the other 0.6 (0.3 + 0.2 + 0.1) must shrink to 0.5, each by 5/6.
    const { shares, applied, clamped } = rebalanceShares([0.4, 0.3, 0.2, 0.1], [false, false, false, false], 0, 0.5);
    expect(applied).toBe(0.5);
    expect(clamped).toBe(false);
    expect(shares[1]).toBeCloseTo(0.25, 12);
    expect(shares[2]).toBeCloseTo(0.2 * (5 / 6), 12);
    expect(shares[3]).toBeCloseTo(0.1 * (5 / 6), 12);
    expect(sum(shares)).toBeCloseTo(1, 12);
  });

  it('never moves a locked member', () => {
    const { shares } = rebalanceShares([0.4, 0.3, 0.2, 0.1], [false, true, false, false], 0, 0.6);
    expect(shares[1]).toBe(0.3);
    expect(shares[2]).toBeCloseTo(0.1 * (2 / 3), 12);
    expect(shares[3]).toBeCloseTo(0.1 * (1 / 3), 12);
  });

  it('clamps the target to what the locked siblings leave', () => {
    const result = rebalanceShares([0.4, 0.3, 0.2, 0.1], [false, true, true, false], 0, 0.9);
    expect(result.applied).toBeCloseTo(0.5, 12);
    expect(result.clamped).toBe(true);
    expect(result.shares[3]).toBe(0);
  });

  it('clamps negative targets to zero', () => {
    const result = rebalanceShares([0.5, 0.5], [false, false], 0, -0.2);
    expect(result.applied).toBe(0);
    expect(result.shares).toEqual([0, 1]);
  });

  it('splits equally when every unlocked sibling is at zero', () => {
    const { shares } = rebalanceShares([1, 0, 0], [false, false, false], 0, 0.4);
    expect(shares).toEqual([0.4, 0.3, 0.3]);
  });

  it('gives the member exactly what is left when every sibling is locked', () => {
    const result = rebalanceShares([0.2, 0.3, 0.5], [false, true, true], 0, 0.7);
    expect(result.applied).toBeCloseTo(0.2, 12);
    expect(result.clamped).toBe(true);
    expect(result.shares).toEqual([result.applied, 0.3, 0.5]);
  });

  // Issue 9: `rest * share / freeSum` underflowed when the only free sibling held a subnormal
  // share, and the list stopped summing to 1 (0.7 here).
  it('keeps the sum at 1 when the free siblings hold subnormal shares', () => {
    const { shares, applied } = rebalanceShares([0.5, 0.5, 5e-324], [false, true, false], 0, 0.2);
    expect(applied).toBe(0.2);
    expect(shares[1]).toBe(0.5);
    expect(shares[2]).toBeCloseTo(0.3, 15);
    expect(Math.abs(sum(shares) - 1)).toBeLessThanOrEqual(SHARE_SUM_TOLERANCE);
  });

  it('moves nothing when a share is set to the value it has', () => {
    const before = [0.45, 0.25, 0.3];
    expect(rebalanceShares(before, [false, false, false], 1, 0.25).shares).toEqual(before);
  });

  it('refuses a target that is not a number', () => {
    expect(() => rebalanceShares([0.5, 0.5], [false, false], 0, Number.NaN)).toThrow(/finite/);
  });

  it('splits over a long list of mixed tiny and large shares without losing any of it', () => {
    const list = [...Array.from({ length: 400 }, () => 5e-324), ...Array.from({ length: 99 }, () => 1e-300), 1 - 1e-12];
    const locked = list.map((_, i) => i % 7 === 0);
    const { shares } = rebalanceShares(list, locked, 499, 0.3);
    expect(Math.abs(sum(shares) - 1)).toBeLessThanOrEqual(SHARE_SUM_TOLERANCE);
    shares.forEach((s, i) => {
      if (locked[i] && i !== 499) expect(s).toBe(list[i]);
    });
  });
});

/**
 * Shares a list may hold, adversarially: subnormals, zeros, 1 − ε, the smallest normal number,
 * plain fractions; one list to many members. Normalised to sum to 1, then with some members
 * replaced by a subnormal or 0 (which leaves the sum at 1 to the last bit).
 */
const tinyShare = fc.constantFrom(0, 5e-324, 1e-323, 2.2250738585072014e-308, 1e-300, 1e-200, 1e-17, Number.EPSILON);
const anyShare = fc.oneof(
  { weight: 3, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) },
  { weight: 2, arbitrary: tinyShare },
  { weight: 1, arbitrary: fc.constantFrom(1, 1 - Number.EPSILON, 0.5) },
);
const shareList = fc
  .tuple(fc.array(anyShare, { minLength: 1, maxLength: 40 }), fc.array(fc.tuple(fc.nat(), tinyShare), { maxLength: 6 }))
  .map(([raw, tiny]) => {
    const total = sum(raw);
    const shares = total > 0 ? raw.map((x) => x / total) : raw.map((_, i) => (i === 0 ? 1 : 0));
    // Replace members other than the largest with a tiny share: the sum stays 1 to within 1e-16.
    const largest = shares.indexOf(Math.max(...shares));
    for (const [at, value] of tiny) {
      const i = at % shares.length;
      if (i !== largest && shares[i]! < 1e-12) shares[i] = value;
    }
    return shares;
  });
const manyShares = fc.integer({ min: 100, max: 500 }).chain((n) =>
  fc.array(fc.oneof(tinyShare, fc.double({ min: 0, max: 1, noNaN: true })), { minLength: n, maxLength: n }).map((raw) => {
    const total = sum(raw);
    return total > 0 ? raw.map((x) => x / total) : raw.map((_, i) => (i === 0 ? 1 : 0));
  }),
);
const rebalanceCase = fc.oneof({ weight: 4, arbitrary: shareList }, { weight: 1, arbitrary: manyShares }).chain((shares) =>
  fc.tuple(
    fc.constant(shares),
    fc.array(fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }), {
      minLength: shares.length,
      maxLength: shares.length,
    }),
    fc.nat({ max: shares.length - 1 }),
    fc.oneof(fc.double({ min: -0.5, max: 1.5, noNaN: true }), tinyShare, fc.constantFrom(0, 1, 1 - Number.EPSILON)),
  ),
);

describe('rebalanceShares, over adversarial lists', () => {
  it('keeps locked members fixed, every share in [0, 1], the sum at 1, and splits the rest in proportion (equally among zeros)', () => {
    assertProperty(
      fc.property(rebalanceCase, ([shares, locked, index, target]) => {
        const { shares: next, applied } = rebalanceShares(shares, locked, index, target);
        expect(next).toHaveLength(shares.length);
        const free = shares.map((_, i) => i).filter((i) => i !== index && !locked[i]);
        const lockedSum = sum(shares.filter((_, i) => i !== index && locked[i]));
        const available = Math.max(0, 1 - lockedSum);
        shares.forEach((s, i) => {
          if (i !== index && locked[i]) expect(next[i]).toBe(s);
        });
        for (const s of next) {
          expect(s).toBeGreaterThanOrEqual(0);
          expect(s).toBeLessThanOrEqual(1);
        }
        expect(Math.abs(sum(next) - 1)).toBeLessThanOrEqual(SHARE_SUM_TOLERANCE);
        if (free.length === 0) return;
        expect(applied).toBe(Math.min(Math.max(target, 0), available));
        const rest = available - applied;
        const freeShares = free.map((i) => shares[i]!);
        const freeMax = Math.max(...freeShares);
        for (const i of free) {
          // What each free sibling should get, computed without underflow (ratios to the largest).
          const expected = freeMax === 0 ? rest / free.length : (rest * (shares[i]! / freeMax)) / sum(freeShares.map((s) => s / freeMax));
          expect(Math.abs(next[i]! - expected)).toBeLessThanOrEqual(2 * SHARE_SUM_TOLERANCE);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('splitInProportion', () => {
  it('splits an amount in proportion, equally among zeros, and keeps parts that already add up as they are', () => {
    const parts = splitInProportion([0.2, 0.6], 0.4);
    expect(parts[0]).toBeCloseTo(0.1, 15);
    expect(parts[1]).toBeCloseTo(0.3, 15);
    expect(splitInProportion([0, 0, 0, 0], 1)).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(splitInProportion([5e-324, 5e-324], 1)).toEqual([0.5, 0.5]);
    expect(splitInProportion([0.45, 0.25, 0.3], 1)).toEqual([0.45, 0.25, 0.3]);
    expect(splitInProportion([], 1)).toEqual([]);
  });

  it('gives parts in [0, amount] that add up to the amount, in the weights’ proportions', () => {
    assertProperty(
      fc.property(fc.array(anyShare, { minLength: 1, maxLength: 60 }), fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), tinyShare), (weights, amount) => {
        const parts = splitInProportion(weights, amount);
        for (const p of parts) {
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(amount);
        }
        expect(Math.abs(sum(parts) - amount)).toBeLessThanOrEqual(SHARE_SUM_TOLERANCE);
        const max = Math.max(...weights);
        weights.forEach((w, i) => {
          const expected = max === 0 ? amount / weights.length : (amount * (w / max)) / sum(weights.map((x) => x / max));
          expect(Math.abs(parts[i]! - expected)).toBeLessThanOrEqual(2 * SHARE_SUM_TOLERANCE);
        });
      }),
      { numRuns: 300 },
    );
  });
});
