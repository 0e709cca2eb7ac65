import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnalysisInputError } from '../../src/engine/analysisMetric';
import { calibrate, claimResidual } from '../../src/engine/calibration';
import { forecast } from '../../src/engine/forecast';
import { seedWorkspace } from '../../src/model/seedWorkspace';
import type { Claim, Model } from '../../src/model/types';
import { WORKSPACE_LIMITS } from '../../src/model/workspaceLimits';
import { claim, dimension, driver, member, model } from '../support/models';
import { assertProperty } from '../support/property';

const relative = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

/** Claims read off a forecast of `m`: exactly what it says, so its base size and growth fit them exactly. */
function claimsOf(m: Model): Claim[] {
  const f = forecast(m);
  const at = (year: number) => f.total[year - m.baseYear]!;
  const na = (year: number) => f.values[(year - m.baseYear)]!; // region/na is series 0
  return [
    claim('size-mid', { metric: 'size', year: m.baseYear + 3, op: 'approx', value: at(m.baseYear + 3) }),
    claim('cagr', { metric: 'cagr', fromYear: m.baseYear + 1, toYear: m.endYear, op: 'approx', value: (at(m.endYear) / at(m.baseYear + 1)) ** (1 / (m.endYear - m.baseYear - 1)) - 1 }),
    claim('na-end', { metric: 'size', member: 'region/na', year: m.endYear, op: 'approx', value: na(m.endYear) }),
  ];
}

describe('calibration', () => {
  it('recovers the base size and trend growth of a known model from claims it generated, to 1e-6', () => {
    assertProperty(
      fc.property(
        fc.double({ min: 1, max: 5000, noNaN: true }),
        fc.double({ min: -0.2, max: 0.4, noNaN: true }),
        fc.double({ min: 0.1, max: 3, noNaN: true }),
        fc.double({ min: -0.15, max: 0.15, noNaN: true }),
        (size, growth, sizeFactor, growthShift) => {
          const truth = model({
            baseSize: size,
            baseGrowth: growth,
            endYear: 2033,
            drivers: [driver('ai', 0.03, { startYear: 2027, rampYears: 3 })],
            dimensions: [dimension('region', [member('na', 0.4, { delta: 0.02 }), member('eu', 0.6)])],
          });
          const start = { ...truth, baseSize: { value: size * sizeFactor }, baseGrowth: { value: Math.max(-0.3, growth + growthShift) } };
          const result = calibrate(start, claimsOf(truth));
          expect(relative(result.after[0]!, size)).toBeLessThanOrEqual(1e-6);
          expect(Math.abs(result.after[1]! - growth)).toBeLessThanOrEqual(1e-6);
          expect(result.consistent).toBe(true);
          for (const c of result.claims) expect(Math.abs(c.residualAfter)).toBeLessThanOrEqual(1e-9);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('keeps every quantity within its allowed interval', () => {
    const m = model({ baseSize: 10, baseGrowth: 0.05 });
    // 2,000% a year: beyond the highest rate a file allows (1,000%).
    const result = calibrate(m, [claim('wild', { metric: 'cagr', fromYear: 2025, toYear: 2030, op: 'atLeast', value: 20 })], [{ kind: 'baseGrowth' }]);
    expect(result.after).toEqual([WORKSPACE_LIMITS.highestRate]);
    expect(result.consistent).toBe(false);
    expect(result.claims[0]!.residualAfter).toBeLessThan(0);
    // A share stays within [0, 1] however large the claim on its member.
    const split = model({ baseSize: 10, dimensions: [dimension('region', [member('na', 0.5), member('eu', 0.5)])] });
    const share = calibrate(split, [claim('na', { metric: 'size', member: 'region/na', year: 2025, op: 'approx', value: 50 })], [{ kind: 'memberShare', path: ['region', 'na'] }]);
    expect(share.after[0]).toBeCloseTo(1, 9);
    expect(share.after[0]).toBeLessThanOrEqual(1);
  });

  it('counts a bound only when it is violated, and measures a CAGR on ln(1 + CAGR)', () => {
    const over = claim('over', { metric: 'size', year: 2028, op: 'atLeast', value: 20 });
    expect(claimResidual(over, 25)).toBe(0);
    expect(claimResidual(over, 10)).toBeCloseTo(Math.log(10 / 20), 15);
    const under = claim('under', { metric: 'share', member: 'a/b', year: 2028, op: 'atMost', value: 0.2 });
    expect(claimResidual(under, 0.1)).toBe(0);
    expect(claimResidual(under, 0.4)).toBeCloseTo(Math.log(2), 15);
    const rate = claim('rate', { metric: 'cagr', fromYear: 2025, toYear: 2030, op: 'approx', value: 0.05 });
    expect(claimResidual(rate, 0.1)).toBeCloseTo(Math.log(1.1 / 1.05), 15);
  });

  const seed = seedWorkspace();
  const narrow = seed.scenarios.find((s) => s.id === 'narrow')!.model;
  const consensus = seed.scenarios.find((s) => s.id === 'consensus')!.model;
  const claimsById = (...ids: string[]) => ids.map((id) => seed.claims.find((c) => c.id === id)!);

  it('reproduces the consensus scenario from the narrow one, calibrated to "5.2% CAGR" and "over $20 B in 2028"', () => {
    const result = calibrate(narrow, claimsById('cagr-headline', 'size-2028-over-20'));
    expect(result.consistent).toBe(true);
    expect(result.after[1]).toBeCloseTo(consensus.baseGrowth.value, 9);
    for (const c of result.claims) expect(c.residualAfter).toBeCloseTo(0, 9);
    // The same market: the calibrated forecast is the consensus one over its years (the consensus
    // base size, 17.18, is 20 / 1.052³ rounded to the cent).
    const calibrated = forecast({ ...narrow, baseSize: { value: result.after[0]! }, baseGrowth: { value: result.after[1]! } });
    const reference = forecast(consensus);
    reference.total.forEach((value, t) => expect(relative(calibrated.total[t + 2]!, value)).toBeLessThan(2e-4));
  });

  it('shows with non-zero residuals that no definition meets "$6 B in 2028" as well', () => {
    const result = calibrate(narrow, claimsById('cagr-headline', 'size-2028-over-20', 'size-2028-about-6'));
    expect(result.consistent).toBe(false);
    const byId = Object.fromEntries(result.claims.map((c) => [c.id, c]));
    expect(Math.abs(byId['size-2028-over-20']!.residualAfter)).toBeGreaterThan(0.1);
    expect(Math.abs(byId['size-2028-about-6']!.residualAfter)).toBeGreaterThan(0.1);
    expect(result.cost).toBeGreaterThan(0.01);
    // The two size claims pull the 2028 total between 6 and 20.
    expect(byId['size-2028-over-20']!.after).toBeGreaterThan(6);
    expect(byId['size-2028-over-20']!.after).toBeLessThan(20);
  });

  it('refuses what it cannot fit, naming it', () => {
    const m = model({ dimensions: [dimension('region', [member('na', 1)])] });
    const ok = claim('ok', { metric: 'size', year: 2028, op: 'approx', value: 5 });
    expect(() => calibrate(m, [])).toThrow(new AnalysisInputError('calibration needs at least one claim'));
    expect(() => calibrate(m, [ok], [])).toThrow(/at least one quantity/);
    expect(() => calibrate(m, [ok], [{ kind: 'driverImpact', driverId: 'x' }])).toThrow(/no quantity driver:x/);
    expect(() => calibrate(m, [claim('far', { metric: 'size', year: 2050, op: 'approx', value: 1 })])).toThrow(/claim far is not checkable in this model/);
    expect(() => calibrate(m, [claim('zero', { metric: 'size', year: 2028, op: 'atMost', value: 0 })])).toThrow(/claim zero has no log value to fit/);
  });
});
