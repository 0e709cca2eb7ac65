import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rebalanceShares } from '../../src/model/rebalanceShares';
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

  it('refuses a target that is not a number', () => {
    expect(() => rebalanceShares([0.5, 0.5], [false, false], 0, Number.NaN)).toThrow(/finite/);
  });

  const shareList = fc
    .array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 12 })
    .filter((xs) => sum(xs) > 0)
    .map((xs) => xs.map((x) => x / sum(xs)));

  it('keeps locked members fixed, every share in [0, 1] and the sum at 1', () => {
    assertProperty(
      fc.property(
        shareList.chain((shares) =>
          fc.tuple(
            fc.constant(shares),
            fc.array(fc.boolean(), { minLength: shares.length, maxLength: shares.length }),
            fc.nat({ max: shares.length - 1 }),
            fc.double({ min: -0.5, max: 1.5, noNaN: true }),
          ),
        ),
        ([shares, locked, index, target]) => {
          const result = rebalanceShares(shares, locked, index, target);
          shares.forEach((s, i) => {
            if (i !== index && locked[i]) expect(result.shares[i]).toBe(s);
          });
          for (const s of result.shares) {
            expect(s).toBeGreaterThanOrEqual(0);
            expect(s).toBeLessThanOrEqual(1 + 1e-12);
          }
          expect(Math.abs(sum(result.shares) - 1)).toBeLessThan(1e-9);
        },
      ),
    );
  });
});
