import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bridgeSteps, type BridgeResult } from '../../src/engine/bridge';
import { forecast } from '../../src/engine/forecast';
import { seedWorkspace } from '../../src/model/seedWorkspace';
import type { Driver, Model } from '../../src/model/types';
import { arbitraryModel } from '../support/arbitraries';
import { dimension, driver, member, model } from '../support/models';
import { assertProperty } from '../support/property';

function endTotal(m: Model): number {
  const total = forecast(m).total;
  return total[total.length - 1]!;
}

/** Σ delta against toTotal − fromTotal, relative to the largest total the bridge passes through. */
function expectStepsSumToDifference(bridge: BridgeResult): void {
  const sum = bridge.steps.reduce((acc, step) => acc + step.delta, 0);
  const scale = Math.max(Math.abs(bridge.fromTotal), Math.abs(bridge.toTotal), ...bridge.steps.map((s) => Math.abs(s.cumulative)));
  expect(Math.abs(sum - (bridge.toTotal - bridge.fromTotal))).toBeLessThanOrEqual(1e-9 * scale);
}

/** Each step's cumulative is the previous one plus its delta; the last is toTotal exactly. */
function expectTelescoping(bridge: BridgeResult): void {
  let previous = bridge.fromTotal;
  for (const step of bridge.steps) {
    expect(step.delta).toBe(step.cumulative - previous);
    previous = step.cumulative;
  }
  expect(bridge.steps[bridge.steps.length - 1]!.cumulative).toBe(bridge.toTotal);
}

describe('bridgeSteps', () => {
  // The README's example market (100 in 2025, trend 2%, a +3% driver from 2026 ramping over 2
  // years), against one with a bigger base, slower trend, an extra driver and a year more.
  const from = model({
    baseYear: 2025,
    endYear: 2027,
    baseSize: 100,
    baseGrowth: 0.02,
    drivers: [driver('a', 0.03, { startYear: 2026, rampYears: 2 })],
    dimensions: [dimension('region', [member('north', 0.6, { delta: 0.01 }), member('south', 0.4)])],
  });
  const to = model({
    baseYear: 2025,
    endYear: 2028,
    baseSize: 120,
    baseGrowth: 0.01,
    drivers: [driver('a', 0.03, { startYear: 2026, rampYears: 2 }), driver('b', 0.01, { startYear: 2026 })],
  });

  it('works through a hand-worked example step by step, in the stated order', () => {
    const bridge = bridgeSteps(from, to);
    // from: 100 · 1.035 · 1.05 (README); to: 120 · (1 + 0.01 + 0.015 + 0.01) · (1 + 0.01 + 0.03 + 0.01)².
    expect(bridge.fromTotal).toBeCloseTo(108.675, 10);
    expect(bridge.toTotal).toBeCloseTo(120 * 1.035 * 1.05 * 1.05, 10);
    expect(bridge.fromYear).toBe(2027);
    expect(bridge.toYear).toBe(2028);
    expect(bridge.steps.map((s) => s.id)).toEqual(['base', 'growth', 'driver:a', 'driver:b', 'horizon']);
    expect(bridge.steps.map((s) => s.change)).toEqual(['changed', 'changed', 'unchanged', 'added', 'changed']);

    const [base, growth, a, b, horizon] = bridge.steps;
    // Base size 100 → 120 with everything else of `from`: 120 · 1.035 · 1.05 = 130.41.
    expect(base!.cumulative).toBeCloseTo(130.41, 10);
    expect(base!.delta).toBeCloseTo(21.735, 10);
    // Trend 2% → 1%: g(2026) = 0.01 + 0.03 · ½, g(2027) = 0.01 + 0.03 → 120 · 1.025 · 1.04 = 127.92.
    expect(growth!.cumulative).toBeCloseTo(127.92, 10);
    expect(growth!.delta).toBeCloseTo(-2.49, 10);
    expect(a!.delta).toBe(0);
    // Driver b adds a point a year: back to 120 · 1.035 · 1.05.
    expect(b!.cumulative).toBeCloseTo(130.41, 10);
    expect(b!.label).toBe('b (added)');
    // One more year at 5%: 130.41 · 1.05.
    expect(horizon!.delta).toBeCloseTo(6.5205, 10);
    expect(horizon!.label).toBe('End year 2027 → 2028');

    expectTelescoping(bridge);
    expectStepsSumToDifference(bridge);
    expect(bridge.steps.reduce((acc, s) => acc + s.delta, 0)).toBeCloseTo(136.9305 - 108.675, 10);
  });

  it('removes a driver that only `from` has, in its place in the order', () => {
    const bridge = bridgeSteps(to, from);
    expect(bridge.steps.map((s) => s.id)).toEqual(['base', 'growth', 'driver:a', 'driver:b', 'horizon']);
    const b = bridge.steps.find((s) => s.id === 'driver:b')!;
    expect(b.change).toBe('removed');
    expect(b.label).toBe('b (removed)');
    expect(b.delta).toBeLessThan(0);
    expectTelescoping(bridge);
    expectStepsSumToDifference(bridge);
  });

  it('substitutes a driver’s impact, timing and switch together', () => {
    const off = model({ drivers: [driver('a', 0.05, { startYear: 2027, rampYears: 3, enabled: false })] });
    const on = model({ drivers: [driver('a', 0.02)] });
    const bridge = bridgeSteps(off, on);
    expect(bridge.steps.map((s) => s.id)).toEqual(['base', 'growth', 'driver:a', 'horizon']);
    // With the same base and trend, the whole difference is the driver's.
    expect(bridge.steps[2]!.delta).toBeCloseTo(endTotal(on) - endTotal(off), 12);
    expect(bridge.steps[2]!.change).toBe('changed');
  });

  it('gives all-zero steps for identical models, and keeps every step', () => {
    const bridge = bridgeSteps(from, structuredClone(from));
    expect(bridge.steps).toHaveLength(4);
    for (const step of bridge.steps) {
      expect(step.delta).toBe(0);
      expect(step.change).toBe('unchanged');
    }
    expect(bridge.fromTotal).toBe(bridge.toTotal);
  });

  it('puts a difference of horizon alone in the last step', () => {
    const short = model({ endYear: 2030, baseGrowth: 0.04, drivers: [driver('a', 0.01)] });
    const long = { ...structuredClone(short), endYear: 2040 };
    const bridge = bridgeSteps(short, long);
    expect(bridge.steps.slice(0, -1).every((s) => s.delta === 0)).toBe(true);
    const horizon = bridge.steps[bridge.steps.length - 1]!;
    expect(horizon.id).toBe('horizon');
    expect(horizon.delta).toBeCloseTo(100 * (1.05 ** 15 - 1.05 ** 5), 9);
    expect(bridge.fromYear).toBe(2030);
    expect(bridge.toYear).toBe(2040);
    // And back: the horizon shortens.
    const back = bridgeSteps(long, short);
    expect(back.steps[back.steps.length - 1]!.delta).toBeCloseTo(-horizon.delta, 9);
  });

  it('explains the seed: the narrow definition against the report consensus', () => {
    const [consensus, narrow] = seedWorkspace().scenarios;
    const bridge = bridgeSteps(consensus!.model, narrow!.model);
    expect(bridge.fromYear).toBe(2032);
    expect(bridge.toYear).toBe(2032);
    expect(bridge.steps.map((s) => s.id)).toEqual([
      'base',
      'growth',
      ...consensus!.model.drivers.map((d) => `driver:${d.id}`),
      'horizon',
    ]);
    // The drivers are the same as written, and start the year after the base year: they move to
    // 2024 with the base year in step 1, so step 1 is 1.62 grown at the drivers' 5.2% for 9 years.
    const growth = 1 + consensus!.model.drivers.reduce((acc, d) => acc + d.impact.value, 0);
    expect(bridge.fromTotal).toBeCloseTo(17.18 * growth ** 7, 9);
    expect(bridge.steps[0]!.label).toBe('Base year 2025 → 2023 and size');
    expect(bridge.steps[0]!.cumulative).toBeCloseTo(1.62 * growth ** 9, 9);
    expect(bridge.steps[1]!.cumulative).toBeCloseTo(1.62 * (growth + 0.25) ** 9, 9);
    for (const step of bridge.steps.slice(2)) expect(step.delta).toBe(0);
    expect(bridge.toTotal).toBeCloseTo(1.62 * (growth + 0.25) ** 9, 9);
    expectStepsSumToDifference(bridge);
  });

  it('copes with a scenario that starts after the other ends', () => {
    const early = model({ baseYear: 2020, endYear: 2024, baseGrowth: 0.1 });
    const late = model({ baseYear: 2030, endYear: 2035, baseSize: 50, baseGrowth: 0.02 });
    for (const [a, b] of [[early, late], [late, early]] as const) {
      const bridge = bridgeSteps(a, b);
      expect(bridge.steps.every((s) => Number.isFinite(s.delta))).toBe(true);
      expectTelescoping(bridge);
      expectStepsSumToDifference(bridge);
    }
    // early → late: the reading moves to 2030 with the base, where the total is the base size.
    expect(bridgeSteps(early, late).steps[0]!.cumulative).toBe(50);
  });

  it('says when the units differ', () => {
    const euros = { ...structuredClone(from), unit: 'EUR bn' };
    expect(bridgeSteps(from, euros).unitsDiffer).toBe(true);
    expect(bridgeSteps(from, to).unitsDiffer).toBe(false);
    expect(bridgeSteps(from, euros).unit).toBe('USD bn');
  });

  it('does not change the total by dimensions (which is why they are not a step)', () => {
    assertProperty(
      fc.property(arbitraryModel({ maxYears: 20, maxDrivers: 4, maxMembers: 4, maxDepth: 1, rateLimit: 1 }), (m) => {
        expect(forecast({ ...m, dimensions: [] }).total).toEqual(forecast(m).total);
      }),
      { numRuns: 60 },
    );
  });

  describe('properties', () => {
    const options = { maxYears: 25, maxDrivers: 5, maxMembers: 3, maxDepth: 1, maxDimensions: 2, rateLimit: 1 };

    /**
     * Pairs that share structure: `to` keeps some of `from`'s drivers (some with a new impact,
     * start, ramp or switch), drops the others and adds drivers of its own; its years, base size
     * and trend come from an independent model. Independent pairs are in the mix too.
     */
    const relatedPair = fc
      .tuple(
        arbitraryModel(options),
        arbitraryModel(options),
        fc.array(fc.constantFrom('keep', 'drop', 'impact', 'timing', 'switch'), { maxLength: 5 }),
      )
      .map(([a, b, fates]): [Model, Model] => {
        const kept: Driver[] = [];
        a.drivers.forEach((d, i) => {
          const fate = fates[i] ?? 'keep';
          if (fate === 'drop') return;
          if (fate === 'impact') kept.push({ ...d, impact: { value: d.impact.value / 2 + 0.01 } });
          else if (fate === 'timing') kept.push({ ...d, startYear: b.baseYear + 1, rampYears: (d.rampYears ?? 1) + 1 });
          else if (fate === 'switch') kept.push({ ...d, enabled: !(d.enabled ?? true) });
          else kept.push(d);
        });
        const own = b.drivers.map((d) => ({ ...d, id: `own-${d.id}` }));
        return [a, { ...b, drivers: [...kept, ...own] }];
      });
    const anyPair = fc.oneof(relatedPair, fc.tuple(arbitraryModel(options), arbitraryModel(options)));

    it('the steps always add up to the difference of the end-year totals', () => {
      assertProperty(
        fc.property(anyPair, ([a, b]) => {
          const bridge = bridgeSteps(a, b);
          expect(bridge.fromTotal).toBe(endTotal(a));
          expect(bridge.toTotal).toBe(endTotal(b));
          expectTelescoping(bridge);
          expectStepsSumToDifference(bridge);
          // One step per driver of either model, plus base, growth and horizon.
          const ids = new Set([...a.drivers, ...b.drivers].map((d) => d.id));
          expect(bridge.steps).toHaveLength(3 + ids.size);
        }),
        { numRuns: 150 },
      );
    });

    it('a model against itself: every delta is 0', () => {
      assertProperty(
        fc.property(arbitraryModel(options), (m) => {
          const bridge = bridgeSteps(m, structuredClone(m));
          expect(bridge.steps.every((s) => s.delta === 0 && s.change === 'unchanged')).toBe(true);
        }),
        { numRuns: 80 },
      );
    });
  });
});
