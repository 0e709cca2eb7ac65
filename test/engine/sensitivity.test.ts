import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnalysisInputError, metricName, type AnalysisMetric } from '../../src/engine/analysisMetric';
import { tornado } from '../../src/engine/sensitivity';
import { getQuantity, quantityRefs } from '../../src/model/quantityRef';
import { seedWorkspace } from '../../src/model/seedWorkspace';
import type { Model } from '../../src/model/types';
import { arbitraryModel, memberPaths } from '../support/arbitraries';
import { dimension, member, model } from '../support/models';
import { assertProperty } from '../support/property';
import { metricOfEdited } from './metricOfEdited';

const close = (actual: number, expected: number) => {
  if (Number.isNaN(expected)) expect(actual).toBeNaN();
  else expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
};

function arbitraryMetric(m: Model): fc.Arbitrary<AnalysisMetric> {
  const years = fc.integer({ min: m.baseYear, max: m.endYear });
  const paths = memberPaths(m).map((p) => p.split('/'));
  const path = paths.length > 0 ? fc.constantFrom(...paths) : fc.constant(null);
  return fc.oneof(
    years.map((year): AnalysisMetric => ({ kind: 'total', year })),
    fc.record({ path, year: years }).map(({ path, year }): AnalysisMetric => (path ? { kind: 'member', path, year } : { kind: 'total', year })),
    fc.record({ path: fc.option(path.map((p) => p), { nil: null }), a: years, b: years })
      .filter(({ a, b }) => a !== b)
      .map(({ path, a, b }): AnalysisMetric => ({ kind: 'cagr', path: path ?? null, fromYear: Math.min(a, b), toYear: Math.max(a, b) })),
  );
}

describe('tornado', () => {
  it('each bar is two forecasts of the edited model recomputed independently; bars sorted by swing, ties in model order', () => {
    assertProperty(
      fc.property(
        arbitraryModel({ maxYears: 8, maxDimensions: 2, maxMembers: 4, maxDepth: 1, maxDrivers: 3 }).chain((m) => fc.tuple(fc.constant(m), arbitraryMetric(m), fc.boolean())),
        ([m, metric, lockFirst]) => {
          const locked = (path: readonly string[]) => lockFirst && path.at(-1) === m.dimensions[0]?.members[0]?.id;
          const result = tornado(m, metric, { locked });
          const refs = result.bars.map((b) => b.ref);
          for (const bar of result.bars) {
            const range = getQuantity(m, bar.ref)!.range!;
            expect([bar.low, bar.high]).toEqual([range.low, range.high]);
            close(bar.atLow, metricOfEdited(m, metric, bar.ref, range.low, locked));
            close(bar.atHigh, metricOfEdited(m, metric, bar.ref, range.high, locked));
            if (!Number.isNaN(bar.swing)) expect(bar.swing).toBe(Math.abs(bar.atHigh - bar.atLow));
          }
          const swings = result.bars.map((b) => b.swing).filter((s) => !Number.isNaN(s));
          expect(swings).toEqual([...swings].sort((a, b) => b - a));
          // Equal swings keep model order.
          const order = quantityRefs(m).map((r) => JSON.stringify(r));
          result.bars.forEach((bar, i) => {
            const next = result.bars[i + 1];
            if (next && next.swing === bar.swing) expect(order.indexOf(JSON.stringify(next.ref))).toBeGreaterThan(order.indexOf(JSON.stringify(bar.ref)));
          });
          // Every ranged quantity has a bar, once.
          expect(new Set(refs.map((r) => JSON.stringify(r))).size).toBe(refs.length);
        },
      ),
      { numRuns: 60 },
    );
  });

  const ranged = (value: number, low: number, high: number) => ({ value, range: { low, high, dist: 'uniform' as const } });

  it('moves a share as the slider does: its unlocked siblings rebalanced, locked ones kept', () => {
    const m = model({
      dimensions: [dimension('region', [{ ...member('na', 0.5), share: ranged(0.5, 0.3, 0.7) }, member('eu', 0.3, { delta: 0.1 }), member('apac', 0.2, { delta: -0.05 })])],
    });
    const metric: AnalysisMetric = { kind: 'member', path: ['region', 'eu'], year: 2030 };
    const free = tornado(m, metric).bars[0]!;
    close(free.atLow, metricOfEdited(m, metric, { kind: 'memberShare', path: ['region', 'na'] }, 0.3));
    const lockedApac = tornado(m, metric, { locked: (p) => p[1] === 'apac' }).bars[0]!;
    close(lockedApac.atLow, metricOfEdited(m, metric, { kind: 'memberShare', path: ['region', 'na'] }, 0.3, (p) => p[1] === 'apac'));
    // With apac locked, eu takes all of what na gives up: a different answer.
    expect(lockedApac.atLow).not.toBeCloseTo(free.atLow, 6);
  });

  it('gives quantities the metric cannot depend on a swing of exactly 0, and skips fixed quantities and ranges of one point', () => {
    const m = model({
      baseGrowth: 0.05,
      dimensions: [
        dimension('region', [{ ...member('na', 0.6), share: ranged(0.6, 0.5, 0.7) }, member('eu', 0.4)]),
        dimension('type', [{ ...member('hw', 0.5), growthDelta: ranged(0, -0.1, 0.1) }, member('sw', 0.5)]),
      ],
    });
    m.baseSize = ranged(100, 80, 120);
    m.baseGrowth = ranged(0.05, 0.05, 0.05);
    const total = tornado(m, { kind: 'total', year: 2030 });
    expect(total.base).toBeCloseTo(100 * 1.05 ** 5, 9);
    expect(total.bars.map((b) => [b.ref.kind, b.swing === 0])).toEqual([
      ['baseSize', false],
      ['memberShare', true],
      ['memberGrowthDelta', true],
    ]);
    expect(total.bars[1]).toMatchObject({ atLow: total.base, atHigh: total.base });
    // A member of the region list depends on the region share, not on the type premium.
    const na = tornado(m, { kind: 'member', path: ['region', 'na'], year: 2030 });
    expect(na.bars.find((b) => b.ref.kind === 'memberShare')!.swing).toBeGreaterThan(0);
    expect(na.bars.find((b) => b.ref.kind === 'memberGrowthDelta')!.swing).toBe(0);
  });

  it('ranks the seed with every assumption ranged, trend growth first for the end-year total', () => {
    const seed = seedWorkspace().scenarios[0]!.model;
    const result = tornado(seed, { kind: 'total', year: seed.endYear });
    expect(result.bars[0]!.ref).toEqual({ kind: 'baseGrowth' });
    close(result.bars[0]!.atHigh, metricOfEdited(seed, { kind: 'total', year: seed.endYear }, { kind: 'baseGrowth' }, seed.baseGrowth.range!.high));
  });

  it('refuses a metric the model cannot answer, naming what is wrong', () => {
    const m = model({ dimensions: [dimension('region', [member('na', 1)])] });
    expect(() => tornado(m, { kind: 'total', year: 2040 })).toThrow(new AnalysisInputError("2040 is outside this scenario's years 2025–2030"));
    expect(() => tornado(m, { kind: 'member', path: ['region', 'zz'], year: 2030 })).toThrow(/no member region\/zz/);
    expect(() => tornado(m, { kind: 'member', path: ['region'], year: 2030 })).toThrow(/a member path is/);
    expect(() => tornado(m, { kind: 'cagr', path: null, fromYear: 2030, toYear: 2026 })).toThrow(/period 2030–2026 is empty/);
  });

  it('names metrics for labels', () => {
    const seed = seedWorkspace().scenarios[0]!.model;
    expect(metricName(seed, { kind: 'total', year: 2032 })).toBe('Total market in 2032');
    expect(metricName(seed, { kind: 'member', path: ['region', 'apac', 'cn'], year: 2030 })).toBe('Region › Asia-Pacific: China in 2030');
    expect(metricName(seed, { kind: 'cagr', path: null, fromYear: 2025, toYear: 2032 })).toBe('CAGR of Total market 2025–2032');
  });
});
