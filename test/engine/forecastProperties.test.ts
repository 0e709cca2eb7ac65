/**
 * Properties of the forecast on random valid models (test/support/arbitraries.ts), ordinary ones
 * and ones at the edges of what a file allows (tiny, subnormal and zero shares, collapsing
 * siblings, huge and tiny sizes, growth of −100% and below, +1000%):
 * - the fast engine agrees with the reference written straight from DESIGN.md §3;
 * - every list adds up to its parent, shares are fractions that sum to 1, nothing is NaN or
 *   infinite, nothing is negative;
 * - (tldraw's fuzz-vs-rebuild) evaluating into buffers that held another forecast, or after
 *   overwriting a compiled model's parameters in place — as a simulation does — gives exactly
 *   what a fresh forecast gives.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../src/engine/compiledModel';
import { createForecastBuffers, evaluateForecast } from '../../src/engine/evaluateForecast';
import { forecast } from '../../src/engine/forecast';
import { buildLayout } from '../../src/engine/forecastLayout';
import type { Forecast, ForecastWarning } from '../../src/engine/forecastTypes';
import type { Member, Model } from '../../src/model/types';
import { arbitraryModel, memberPaths } from '../support/arbitraries';
import { dimension, driver, member, model } from '../support/models';
import { referenceForecast, type ReferenceForecast } from './referenceForecast';
import { assertProperty } from '../support/property';

const RUNS = 200;

/**
 * Valid models: ordinary ones, ones with rates up to ±100% so that clamps and collapses are common,
 * and ones at the edges of the file format (issue 9).
 */
const models = fc.oneof(arbitraryModel(), arbitraryModel({ rateLimit: 1 }), arbitraryModel({ rateLimit: 1, extremes: true }));

/** Hand-made models at the edges, which must fail on the arithmetic before issue 9 (kept as regression cases). */
const edgeCases = {
  'a subnormal share whose sibling collapses (its parts’ growth overflowed to NaN)': model({
    endYear: 2030,
    dimensions: [dimension('r', [member('a', 5e-324, { children: [member('x', 0.5), member('y', 0.5, { delta: 0.3 })] }), member('b', 1, { delta: -1 })])],
  }),
  'a share of 1e-300 that takes the market, which then grows +1000% a year (u passed 1e308)': model({
    endYear: 2040,
    baseSize: 1,
    drivers: [driver('boom', 10, { startYear: 2027 })],
    dimensions: [dimension('r', [member('a', 1e-300, { children: [member('x', 0.5), member('y', 0.5, { delta: 0.5 })] }), member('b', 1, { delta: -1 })])],
  }),
  'a tiny member whose sibling collapses when its own index underflows': model({
    endYear: 2028,
    dimensions: [dimension('r', [member('a', 5e-324, { delta: -0.5 }), member('b', 1, { delta: -1.5 })])],
  }),
  'a parent that underflows to 0 for a year and recovers': model({
    endYear: 2028,
    baseSize: 1,
    drivers: [driver('dip', -0.6, { startYear: 2026 }), driver('rise', 9.6, { startYear: 2027 }), driver('calm', -9, { startYear: 2028 })],
    dimensions: [dimension('r', [member('a', 5e-324, { children: [member('x', 0.25), member('y', 0.75, { delta: 0.1 })] }), member('b', 1)])],
  }),
  'a market of 0': model({ baseSize: 0, dimensions: [dimension('r', [member('a', 0.5, { delta: 0.2 }), member('b', 0.5)])] }),
  'a total that collapses below −100% growth': model({
    baseGrowth: -1,
    drivers: [driver('worse', -0.5)],
    dimensions: [dimension('r', [member('a', 0.3, { delta: 0.5, children: [member('x', 1e-300), member('y', 1)] }), member('b', 0.7)])],
  }),
};

/**
 * Below this a double has lost bits (subnormals start at 2^-1022). Where a list's parent is this
 * small the engine's growth ratio P(t)/P(t − 1) of it is rounded where the reference's is not, and
 * the list's split may differ from that year on. Such a list still adds up (the invariants below);
 * it is only not compared with the reference. The ratio does not matter where the parent is 0 in
 * either year (exact in both) or grows ≥ 2^64-fold (every factor is 1): those years are compared.
 */
const TINY = 2 ** -960;
/** Differences this small (absolute) are the rounding of subnormal results, not errors. */
const FLOOR = 2 ** -1000;

function agrees(a: number, b: number, tolerance: number): boolean {
  if (Object.is(a, b)) return true;
  return Math.abs(a - b) <= tolerance * Math.max(Math.abs(a), Math.abs(b)) + FLOOR;
}

function expectAgree(actual: ArrayLike<number>, expected: readonly number[], what: string, tolerance: number, years = expected.length): void {
  expect(actual.length, what).toBe(expected.length);
  for (let t = 0; t < years; t++) {
    if (!agrees(actual[t]!, expected[t]!, tolerance)) expect.fail(`${what}[${t}]: ${actual[t]} vs ${expected[t]}`);
  }
}

/**
 * The number of leading years in which list `key`'s split is exact enough to compare (see TINY):
 * no more than its parent's own list, whose split gives the parent its values.
 */
function preciseYears(reference: ReferenceForecast, key: string): number {
  const parent = reference.parents.get(key)!;
  const parentList = key.includes('/') ? key.slice(0, key.lastIndexOf('/')) : null;
  const limit = parentList === null ? parent.length : preciseYears(reference, parentList);
  for (let t = 1; t < limit; t++) {
    const before = parent[t - 1]!;
    const now = parent[t]!;
    if (before.isZero() || now.isZero()) continue;
    if (before.toNumber() >= TINY && now.toNumber() >= TINY) continue;
    if (now.toNumber() >= TINY && now.over(before).toNumber() >= 2 ** 70) continue;
    return t;
  }
  return limit;
}

/** The warnings the engine and the reference must agree on: about the total, and lists while compared. */
function comparableWarnings(warnings: readonly ForecastWarning[], reference: ReferenceForecast): ForecastWarning[] {
  const firstYear = reference.years[0]!;
  return warnings.filter((w) => {
    if (w.kind === 'totalClamped' || w.kind === 'totalOverflow') return true;
    const list = w.kind === 'listCollapsed' ? w.parentKey : w.key.slice(0, w.key.lastIndexOf('/'));
    return w.year - firstYear < preciseYears(reference, list);
  });
}

/** The engine agrees with the reference: exactly where nothing was rounded away, within 1e-12 elsewhere. */
function expectAgreesWithReference(m: Model): void {
  const fast = forecast(m);
  const reference = referenceForecast(m);
  expect(fast.layout.years).toEqual(reference.years);
  expectAgree(fast.growth, reference.growth, 'growth', 0);
  expectAgree(fast.total, reference.total, 'total', 1e-12);
  const Y = reference.years.length;
  expect(fast.layout.series.map((s) => s.key)).toEqual(reference.series.map((s) => s.key));
  reference.series.forEach((series, s) => {
    const years = preciseYears(reference, series.key.slice(0, series.key.lastIndexOf('/')));
    expectAgree(fast.values.subarray(s * Y, (s + 1) * Y), series.values, `${series.key} values`, 1e-12, years);
    expectAgree(fast.shares.subarray(s * Y, (s + 1) * Y), series.shares, `${series.key} shares`, 1e-12, years);
  });
  expect(comparableWarnings(fast.warnings, reference).map(warningKey).sort()).toEqual(
    comparableWarnings(reference.warnings, reference).map(warningKey).sort(),
  );
}

/** The random models and the hand-made edge cases, for the invariants. */
const modelsAndEdges = fc.oneof(models, fc.constantFrom(...Object.values(edgeCases)));

function warningKey(w: ForecastWarning): string {
  return JSON.stringify(w);
}

/** Each list of a forecast: its parent series (-1 = total), its members and its warning key. */
function listsOf(f: Forecast): { parent: number; members: number[]; key: string }[] {
  const lists = f.layout.dimensions.map((d) => ({ parent: -1, members: d.members, key: d.id }));
  f.layout.series.forEach((info, s) => {
    if (info.children.length > 0) lists.push({ parent: s, members: info.children, key: info.key });
  });
  return lists;
}

describe('forecast agrees with the reference implementation of DESIGN.md §3', () => {
  it('on random models: same years, growth, total, values, shares (relative error < 1e-12) and warnings', () => {
    assertProperty(fc.property(models, expectAgreesWithReference), { numRuns: 300 });
  });

  it.each(Object.entries(edgeCases))('on %s', (_, m) => {
    expectAgreesWithReference(m);
  });
});

describe('forecast invariants on random models', () => {
  it('every list adds up to its parent in every year (relative error < 1e-9), unless it collapsed', () => {
    assertProperty(
      fc.property(modelsAndEdges, (model) => {
        const f = forecast(model);
        const Y = f.layout.years.length;
        for (const list of listsOf(f)) {
          for (let t = 0; t < Y; t++) {
            const parent = list.parent < 0 ? f.total[t]! : f.values[list.parent * Y + t]!;
            let sum = 0;
            let shareSum = 0;
            for (const s of list.members) {
              sum += f.values[s * Y + t]!;
              shareSum += f.shares[s * Y + t]!;
            }
            if (shareSum === 0) continue; // collapsed: checked in the shares property
            // (Plus half the smallest double per member: a value below 2^-1022 has fewer bits than that.)
            const tolerance = 1e-9 * parent + (list.members.length * Number.MIN_VALUE) / 2;
            if (!(Math.abs(sum - parent) <= tolerance)) expect.fail(`${list.key} in year ${t}: Σ ${sum} vs parent ${parent}`);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('shares are in [0, 1] and sum to 1 per list, or are all 0 in a collapsed list (with a warning while its parent is non-zero)', () => {
    assertProperty(
      fc.property(modelsAndEdges, (model) => {
        const f = forecast(model);
        const Y = f.layout.years.length;
        for (const list of listsOf(f)) {
          for (let t = 0; t < Y; t++) {
            let shareSum = 0;
            for (const s of list.members) {
              const share = f.shares[s * Y + t]!;
              if (!(share >= 0 && share <= 1)) expect.fail(`${f.layout.series[s]!.key} in year ${t}: share ${share}`);
              shareSum += share;
            }
            if (shareSum === 0) {
              const parent = list.parent < 0 ? f.total[t]! : f.values[list.parent * Y + t]!;
              if (parent > 0) {
                const year = f.layout.years[t]!;
                const warned = f.warnings.some((w) => w.kind === 'listCollapsed' && w.parentKey === list.key && w.year <= year);
                expect(warned, `${list.key} collapsed by ${year} without a warning`).toBe(true);
              }
            } else if (!(Math.abs(shareSum - 1) <= 1e-9)) {
              expect.fail(`${list.key} in year ${t}: shares sum to ${shareSum}`);
            }
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('has no NaN or Infinity anywhere; nothing is negative', () => {
    assertProperty(
      fc.property(modelsAndEdges, (model) => {
        const f = forecast(model);
        for (const array of [f.total, f.growth, f.values, f.shares]) {
          for (const x of array) if (!Number.isFinite(x)) expect.fail(`non-finite number ${x}`);
        }
        for (const x of f.total) if (!(x >= 0)) expect.fail(`negative total ${x}`);
        for (const x of f.values) if (!(x >= 0)) expect.fail(`negative value ${x}`);
        for (const x of f.shares) if (!(x >= 0)) expect.fail(`negative share ${x}`);
      }),
      { numRuns: RUNS },
    );
  });

  it('warns at most once per series and per list, and only about years of the forecast', () => {
    assertProperty(
      fc.property(modelsAndEdges, (model) => {
        const f = forecast(model);
        const subjects = f.warnings.map((w) =>
          w.kind === 'totalClamped' || w.kind === 'totalOverflow' ? w.kind : w.kind === 'memberClamped' ? `m:${w.key}` : `l:${w.parentKey}`,
        );
        expect(new Set(subjects).size).toBe(subjects.length);
        const years = f.warnings.map((w) => w.year);
        expect(years).toEqual([...years].sort((a, b) => a - b));
        for (const year of years) expect(f.layout.years).toContain(year);
      }),
      { numRuns: RUNS },
    );
  });

  it('lays out every member at any depth once, depth first, with consistent parents and children', () => {
    assertProperty(
      fc.property(models, (model) => {
        const layout = buildLayout(model);
        expect(layout.series.map((s) => s.key)).toEqual(memberPaths(model));
        layout.series.forEach((info, s) => {
          for (const child of info.children) expect(layout.series[child]!.parent).toBe(s);
          if (info.parent >= 0) {
            expect(layout.series[info.parent]!.children).toContain(s);
            expect(info.depth).toBe(layout.series[info.parent]!.depth + 1);
          } else {
            expect(layout.dimensions[info.dimensionIndex]!.members).toContain(s);
            expect(info.depth).toBe(0);
          }
        });
      }),
      { numRuns: RUNS },
    );
  });
});

/** The same structure with other numbers: what a slider drag or a simulation draw produces. */
function renumber(model: Model, change: { size: number; growth: number; impact: number; delta: number; reverse: boolean }): Model {
  const members = (list: readonly Member[]): Member[] => {
    const shares = list.map((m) => m.share.value);
    if (change.reverse) shares.reverse();
    return list.map((m, i) => ({
      ...m,
      share: { value: shares[i]! },
      growthDelta: { value: (m.growthDelta?.value ?? 0) + change.delta },
      ...(m.children ? { children: members(m.children) } : {}),
    }));
  };
  return {
    ...model,
    baseSize: { value: model.baseSize.value * change.size },
    baseGrowth: { value: model.baseGrowth.value + change.growth },
    drivers: model.drivers.map((d) => ({ ...d, impact: { value: d.impact.value * change.impact } })),
    dimensions: model.dimensions.map((d) => ({ ...d, members: members(d.members) })),
  };
}

const arbitraryChange = fc.record({
  size: fc.double({ min: 0.1, max: 10, noNaN: true }),
  growth: fc.double({ min: -0.3, max: 0.3, noNaN: true }),
  impact: fc.double({ min: -2, max: 2, noNaN: true }),
  delta: fc.double({ min: -0.3, max: 0.3, noNaN: true }),
  reverse: fc.boolean(),
});

describe('reusing buffers and compiled models gives what a fresh forecast gives', () => {
  it('after evaluating another draw into the same buffers, with parameters overwritten in place', () => {
    assertProperty(
      fc.property(models, arbitraryChange, (first, change) => {
        const second = renumber(first, change);
        const compiled = compileModel(first);
        const buffers = createForecastBuffers(compiled.structure);
        evaluateForecast(compiled.structure, compiled.parameters, buffers, null);

        // Overwrite the numbers in place, as a simulation does for every draw, and evaluate again.
        const next = compileModel(second, compiled.structure.layout).parameters;
        const p = compiled.parameters;
        p.baseSize = next.baseSize;
        p.baseGrowth = next.baseGrowth;
        p.driverImpact.set(next.driverImpact);
        p.share.set(next.share);
        p.growthDelta.set(next.growthDelta);
        const warnings: ForecastWarning[] = [];
        evaluateForecast(compiled.structure, p, buffers, warnings);

        const fresh = forecast(second);
        expect(Array.from(buffers.total)).toEqual(Array.from(fresh.total));
        expect(Array.from(buffers.growth)).toEqual(Array.from(fresh.growth));
        expect(Array.from(buffers.values)).toEqual(Array.from(fresh.values));
        expect(Array.from(buffers.shares)).toEqual(Array.from(fresh.shares));
        expect(warnings.map(warningKey).sort()).toEqual(fresh.warnings.map(warningKey).sort());
      }),
      { numRuns: RUNS },
    );
  });
});
