import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnalysisInputError, type AnalysisMetric } from '../../src/engine/analysisMetric';
import { goalSeek, seekValue } from '../../src/engine/goalSeek';
import { checkClaim } from '../../src/engine/claimStatus';
import { forecast } from '../../src/engine/forecast';
import { quantityRefs, type QuantityRef } from '../../src/model/quantityRef';
import { seedWorkspace } from '../../src/model/seedWorkspace';
import type { Claim, Model } from '../../src/model/types';
import { WORKSPACE_LIMITS } from '../../src/model/workspaceLimits';
import { arbitraryModel, memberPaths } from '../support/arbitraries';
import { claim, dimension, member, model } from '../support/models';
import { assertProperty } from '../support/property';
import { editedModel, metricOfEdited } from './metricOfEdited';

const relative = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

/** A value of `ref` near its current one, within its allowed interval. */
function arbitraryValue(m: Model, ref: QuantityRef): fc.Arbitrary<number> {
  const current = metricOfEditedValue(m, ref);
  switch (ref.kind) {
    case 'baseSize':
      return fc.double({ min: 0.2, max: 3, noNaN: true }).map((k) => current * k);
    case 'memberShare':
      return fc.double({ min: 0, max: 1, noNaN: true });
    default:
      return fc.double({ min: -0.3, max: 0.3, noNaN: true }).map((d) => Math.max(-1, current + d));
  }
}

function metricOfEditedValue(m: Model, ref: QuantityRef): number {
  if (ref.kind === 'baseSize') return m.baseSize.value;
  if (ref.kind === 'baseGrowth') return m.baseGrowth.value;
  if (ref.kind === 'driverImpact') return m.drivers.find((d) => d.id === ref.driverId)!.impact.value;
  return 0;
}

describe('goal seek', () => {
  it('reaches any target the quantity can reach, to 1e-9 relative, and the answer holds in a forecast of the edited model', () => {
    assertProperty(
      fc.property(
        arbitraryModel({ maxYears: 10, maxDimensions: 2, maxMembers: 4, maxDepth: 1, maxDrivers: 2, rateLimit: 0.3 })
          .filter((m) => m.baseSize.value > 0.01)
          .chain((m) => {
            const refs = quantityRefs(m);
            const paths = memberPaths(m).map((p) => p.split('/'));
            const year = fc.integer({ min: m.baseYear, max: m.endYear });
            const metric: fc.Arbitrary<AnalysisMetric> = paths.length > 0
              ? fc.oneof(year.map((y): AnalysisMetric => ({ kind: 'total', year: y })), fc.record({ path: fc.constantFrom(...paths), year }).map(({ path, year: y }): AnalysisMetric => ({ kind: 'member', path, year: y })))
              : year.map((y): AnalysisMetric => ({ kind: 'total', year: y }));
            return fc.constantFrom(...refs).chain((ref) => fc.tuple(fc.constant(m), fc.constant(ref), metric, arbitraryValue(m, ref)));
          }),
        ([m, ref, metric, x]) => {
          const target = metricOfEdited(m, metric, ref, x);
          fc.pre(Number.isFinite(target) && target > 1e-9 * m.baseSize.value);
          const result = goalSeek(m, [], { metric, value: target }, ref);
          expect(result.reached).toBe(true);
          expect(relative(result.achieved, target)).toBeLessThanOrEqual(1e-9);
          expect(relative(metricOfEdited(m, metric, ref, result.value), target)).toBeLessThanOrEqual(1e-9);
          expect(result.value).toBeGreaterThanOrEqual(result.min);
          expect(result.value).toBeLessThanOrEqual(result.max);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('finds the trend growth that takes the seed to $25 B in 2028, and meets a claim by its value or bound', () => {
    const workspace = seedWorkspace();
    const seed = workspace.scenarios[0]!.model;
    const metric: AnalysisMetric = { kind: 'total', year: 2028 };
    const result = goalSeek(seed, workspace.claims, { metric, value: 25 }, { kind: 'baseGrowth' });
    expect(result).toMatchObject({ reached: true, target: 25, min: WORKSPACE_LIMITS.lowestRate, max: WORKSPACE_LIMITS.highestRate });
    expect(relative(metricOfEdited(seed, metric, { kind: 'baseGrowth' }, result.value), 25)).toBeLessThanOrEqual(1e-9);
    // Trend growth on top of the drivers, which carry the 5.2% from 2026 on.
    expect(result.value).toBeCloseTo((25 / 17.18) ** (1 / 3) - 1.052, 9);
    // "About $6 B by 2028": the base size that gives 6.
    const six = goalSeek(seed, workspace.claims, { claimId: 'size-2028-about-6' }, { kind: 'baseSize' });
    expect(six).toMatchObject({ reached: true, target: 6 });
    expect(relative(six.achieved, 6)).toBeLessThanOrEqual(1e-9);
    // The CAGR claim 5.2%: what the drivers give already, with a trend of 0.
    const cagr = goalSeek(seed, workspace.claims, { claimId: 'cagr-headline' }, { kind: 'baseGrowth' });
    expect(cagr.reached).toBe(true);
    expect(relative(cagr.achieved, 0.052)).toBeLessThanOrEqual(1e-9);
    expect(cagr.value).toBeCloseTo(0, 9);
    // "Over $20 B by 2028" by base size: met, not missed by a rounding error (the root alone gave
    // 19.999999999999996, and "at least 20" is then missed).
    const over = workspace.claims.find((c) => c.id === 'size-2028-over-20')!;
    const twenty = goalSeek(seed, workspace.claims, { claimId: over.id }, { kind: 'baseSize' });
    expect(twenty.reached).toBe(true);
    expect(twenty.achieved).toBeGreaterThanOrEqual(20);
    expect(relative(twenty.achieved, 20)).toBeLessThanOrEqual(1e-9);
    expect(checkClaim(editedModel(seed, { kind: 'baseSize' }, twenty.value), forecast(editedModel(seed, { kind: 'baseSize' }, twenty.value)), over).status).toBe('met');
  });

  it('meets every reachable at-least or at-most claim it is asked to, on the right side of the bound', () => {
    const seed = seedWorkspace().scenarios[0]!.model;
    assertProperty(
      fc.property(fc.double({ min: 8, max: 60, noNaN: true }), fc.constantFrom('atLeast', 'atMost') as fc.Arbitrary<'atLeast' | 'atMost'>, fc.integer({ min: 2026, max: 2032 }), (value, op, year) => {
        const claim: Claim = { id: 'c', label: 'c', metric: 'size', year, op, value, source: '' };
        const result = goalSeek(seed, [claim], { claimId: 'c' }, { kind: 'baseSize' });
        expect(result.reached).toBe(true);
        const edited = editedModel(seed, { kind: 'baseSize' }, result.value);
        expect(checkClaim(edited, forecast(edited), claim).status).toBe('met');
      }),
      { numRuns: 60 },
    );
  });

  it('says when no value reaches the target, with the closest value and what it reaches', () => {
    const m = model({ baseSize: 100, baseGrowth: 0.05, dimensions: [dimension('region', [member('na', 0.5), member('eu', 0.5)])] });
    const negative = goalSeek(m, [], { metric: { kind: 'total', year: 2030 }, value: -5 }, { kind: 'baseGrowth' });
    expect(negative).toMatchObject({ reached: false, achieved: 0, target: -5 });
    expect(negative.value).toBeLessThanOrEqual(-1);
    // A member's share of a list cannot take it beyond its parent: the closest is all of it.
    const beyond = goalSeek(m, [], { metric: { kind: 'member', path: ['region', 'na'], year: 2025 }, value: 150 }, { kind: 'memberShare', path: ['region', 'na'] });
    expect(beyond.reached).toBe(false);
    expect(beyond.value).toBeCloseTo(1, 9);
    expect(beyond.achieved).toBeCloseTo(100, 9);
  });

  it('solves a share only up to what its locked siblings leave, as the slider gives it', () => {
    const m = model({ baseSize: 100, dimensions: [dimension('region', [member('na', 0.5), member('eu', 0.3), member('apac', 0.2)])] });
    const locked = (path: readonly string[]) => path[1] === 'eu';
    const na = { kind: 'member' as const, path: ['region', 'na'], year: 2025 };
    const all = goalSeek(m, [], { metric: na, value: 100 }, { kind: 'memberShare', path: ['region', 'na'] }, { locked });
    expect(all).toMatchObject({ reached: false, min: 0, max: 0.7 });
    expect(all.value).toBeCloseTo(0.7, 12);
    expect(all.achieved).toBeCloseTo(70, 9);
    const some = goalSeek(m, [], { metric: na, value: 60 }, { kind: 'memberShare', path: ['region', 'na'] }, { locked });
    expect(some.reached).toBe(true);
    expect(some.value).toBeCloseTo(0.6, 12);
    // With every sibling locked the share cannot move at all.
    const stuck = goalSeek(m, [], { metric: na, value: 60 }, { kind: 'memberShare', path: ['region', 'na'] }, { locked: (p) => p[1] !== 'na' });
    expect(stuck).toMatchObject({ reached: false, value: 0.5, min: 0.5, max: 0.5, achieved: 50 });
  });

  it('finds the root nearest the current value where a member is not monotone in trend growth', () => {
    // x's value in the second year is 100·r·0.1r / (0.1r + 0.9·max(0, r − 0.5)), r = 1 + growth:
    // it rises to 50 at r = 0.5 (y's factor r − 0.5 clamped at 0), falls to 18 at r = 0.9 as y
    // comes back, then rises again. 20 is reached at r = 0.2, 1 − √0.1 and 1 + √0.1.
    const twoYears = (growth: number) =>
      model({ baseSize: 100, baseGrowth: growth, endYear: 2026, dimensions: [dimension('d', [member('x', 0.1), member('y', 0.9, { delta: -0.5 })])] });
    const x = { kind: 'member' as const, path: ['d', 'x'], year: 2026 };
    const above = goalSeek(twoYears(0.1), [], { metric: x, value: 20 }, { kind: 'baseGrowth' });
    expect(above.reached).toBe(true);
    expect(above.value).toBeCloseTo(Math.sqrt(0.1), 9);
    const between = goalSeek(twoYears(-0.25), [], { metric: x, value: 20 }, { kind: 'baseGrowth' });
    expect(between.value).toBeCloseTo(-Math.sqrt(0.1), 9);
    const below = goalSeek(twoYears(-0.7), [], { metric: x, value: 20 }, { kind: 'baseGrowth' });
    expect(below.value).toBeCloseTo(-0.8, 9);
    // The answer holds in a forecast of the model edited by hand.
    expect(relative(metricOfEdited(twoYears(0), x, { kind: 'baseGrowth' }, between.value), 20)).toBeLessThanOrEqual(1e-9);
  });

  it('scans for a bracket where the metric is not monotone (the ends on the same side of the target)', () => {
    const bump = (x: number) => (x - 0.5) ** 2;
    const low = seekValue(bump, 0.04, 0, 1, 0.1);
    expect(low.reached).toBe(true);
    expect(low.value).toBeCloseTo(0.3, 12);
    // The root nearest the current value.
    expect(seekValue(bump, 0.04, 0, 1, 0.9).value).toBeCloseTo(0.7, 12);
    // Not reachable: the minimum, found between the scan's points.
    const miss = seekValue((x) => (x - 0.123456) ** 2 + 1, 0, 0, 1, 0.9);
    expect(miss.reached).toBe(false);
    expect(miss.value).toBeCloseTo(0.123456, 6);
  });

  it('refuses an unknown quantity, a claim it lacks or cannot check, and a metric outside the model, naming each', () => {
    const m = model({ dimensions: [dimension('region', [member('na', 1)])] });
    const claims = [claim('far', { metric: 'size', year: 2040, op: 'approx', value: 1 })];
    const seek = (target: Parameters<typeof goalSeek>[2], ref: QuantityRef = { kind: 'baseGrowth' }) => () => goalSeek(m, claims, target, ref);
    expect(seek({ metric: { kind: 'total', year: 2030 }, value: 1 }, { kind: 'driverImpact', driverId: 'ai' })).toThrow(new AnalysisInputError('this model has no quantity driver:ai'));
    expect(seek({ claimId: 'nope' })).toThrow(new AnalysisInputError('there is no claim nope'));
    expect(seek({ claimId: 'far' })).toThrow(/claim far is not checkable in this model: 2040 is outside/);
    expect(seek({ metric: { kind: 'member', path: ['region', 'eu'], year: 2030 }, value: 1 })).toThrow(/no member region\/eu/);
    expect(seek({ metric: { kind: 'total', year: 2030 }, value: NaN })).toThrow(/not a finite number/);
  });
});
