import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkClaims, claimMet, claimSeries, countClaims, locateClaim, measureClaim, type ClaimStatus } from '../../src/engine/claimStatus';
import { forecast } from '../../src/engine/forecast';
import type { Claim } from '../../src/model/types';
import { arbitraryWorkspace } from '../support/arbitraries';
import { claim, dimension, member, model } from '../support/models';
import { assertProperty } from '../support/property';

// Total 100 growing 5% a year, 2025–2032: T(2028) = 100 · 1.05³ = 115.7625, CAGR 5% over any span.
// Regions without growth premiums keep their base shares: na 40%, eu 60%; de is half of eu: 30%.
const scenario = model({
  baseYear: 2025,
  endYear: 2032,
  baseSize: 100,
  baseGrowth: 0.05,
  dimensions: [dimension('region', [member('na', 0.4), member('eu', 0.6, { children: [member('de', 0.5), member('fr', 0.5)] })])],
});
const f = forecast(scenario);

function check(c: Claim): ClaimStatus {
  const [status] = checkClaims(scenario, f, [c]);
  if (status === undefined) throw new Error('no status');
  return status;
}

function expectStatus(c: Claim, status: ClaimStatus['status'], actual: number, gap: number): void {
  const result = check(c);
  expect(result.claimId).toBe(c.id);
  expect(result.status).toBe(status);
  expect(result.actual).toBeCloseTo(actual, 10);
  expect(result.gap).toBeCloseTo(gap, 10);
  expect(result.reason).toBeUndefined();
}

describe('claims: size', () => {
  it('approx: met within the tolerance (gap 0); missed by the distance to the nearest edge, signed', () => {
    // |115.7625 − 115| = 0.7625 ≤ 1 → met
    expectStatus(claim('a', { metric: 'size', year: 2028, op: 'approx', value: 115, tolerance: 1 }), 'met', 115.7625, 0);
    // No tolerance: 5% of 120 = 6; |115.7625 − 120| = 4.2375 ≤ 6 → met
    expectStatus(claim('b', { metric: 'size', year: 2028, op: 'approx', value: 120 }), 'met', 115.7625, 0);
    // Acceptable 108…112; 115.7625 is above: gap = 115.7625 − 112 = +3.7625 (too high)
    expectStatus(claim('c', { metric: 'size', year: 2028, op: 'approx', value: 110, tolerance: 2 }), 'missed', 115.7625, 3.7625);
    // Acceptable 119…121; below: gap = 115.7625 − 119 = −3.2375 (too low)
    expectStatus(claim('d', { metric: 'size', year: 2028, op: 'approx', value: 120, tolerance: 1 }), 'missed', 115.7625, -3.2375);
  });

  it('atLeast and atMost: gap is the signed distance to the bound when missed', () => {
    expectStatus(claim('a', { metric: 'size', year: 2028, op: 'atLeast', value: 115 }), 'met', 115.7625, 0);
    expectStatus(claim('b', { metric: 'size', year: 2028, op: 'atLeast', value: 116 }), 'missed', 115.7625, -0.2375);
    expectStatus(claim('c', { metric: 'size', year: 2028, op: 'atMost', value: 116 }), 'met', 115.7625, 0);
    expectStatus(claim('d', { metric: 'size', year: 2028, op: 'atMost', value: 115 }), 'missed', 115.7625, 0.7625);
    // The base year itself is checkable: T(2025) = 100.
    expectStatus(claim('e', { metric: 'size', year: 2025, op: 'atLeast', value: 100 }), 'met', 100, 0);
  });

  it('measures a member’s value when the claim names one, nested members too', () => {
    // na in 2028: 0.4 · 115.7625 = 46.305; atMost 40 → missed by +6.305
    expectStatus(claim('a', { metric: 'size', year: 2028, member: 'region/na', op: 'atMost', value: 40 }), 'missed', 46.305, 6.305);
    // de: 0.3 · 115.7625 = 34.72875
    expectStatus(claim('b', { metric: 'size', year: 2028, member: 'region/eu/de', op: 'approx', value: 35 }), 'met', 34.72875, 0);
  });
});

describe('claims: share and cagr', () => {
  it('share: a member’s value over the whole market, not over its parent', () => {
    expectStatus(claim('a', { metric: 'share', year: 2030, member: 'region/na', op: 'approx', value: 0.4 }), 'met', 0.4, 0);
    expectStatus(claim('b', { metric: 'share', year: 2030, member: 'region/na', op: 'atLeast', value: 0.45 }), 'missed', 0.4, -0.05);
    // de is 50% of eu but 30% of the market; default tolerance half a point: 0.3 vs 0.5 misses by −0.195.
    expectStatus(claim('c', { metric: 'share', year: 2030, member: 'region/eu/de', op: 'approx', value: 0.5 }), 'missed', 0.3, -0.195);
  });

  it('cagr: the total’s or a member’s CAGR between two years', () => {
    // 5% a year; claimed 5.2% ± 0.5 point (default) → met
    expectStatus(claim('a', { metric: 'cagr', fromYear: 2025, toYear: 2032, op: 'approx', value: 0.052 }), 'met', 0.05, 0);
    // claimed 6% ± 0.5 point: acceptable 5.5%…6.5%; 5% is 0.5 point below
    expectStatus(claim('b', { metric: 'cagr', fromYear: 2025, toYear: 2032, op: 'approx', value: 0.06 }), 'missed', 0.05, -0.005);
    expectStatus(claim('c', { metric: 'cagr', fromYear: 2026, toYear: 2028, member: 'region/na', op: 'atLeast', value: 0.03 }), 'met', 0.05, 0);
    expectStatus(claim('d', { metric: 'cagr', fromYear: 2026, toYear: 2028, member: 'region/na', op: 'atMost', value: 0.03 }), 'missed', 0.05, 0.02);
  });
});

describe('claims that cannot be checked', () => {
  const notCheckable = (c: Claim, reason: RegExp): void => {
    const result = check(c);
    expect(result).toEqual({ claimId: c.id, status: 'notCheckable', reason: expect.stringMatching(reason) });
  };

  it('a year outside the scenario’s years is not checkable — never met or missed', () => {
    notCheckable(claim('a', { metric: 'size', year: 2035, op: 'atLeast', value: 0 }), /2035 is outside this scenario's years 2025–2032/);
    notCheckable(claim('b', { metric: 'share', year: 2023, member: 'region/na', op: 'atMost', value: 1 }), /2023 is outside/);
    notCheckable(claim('c', { metric: 'cagr', fromYear: 2023, toYear: 2028, op: 'approx', value: 0.3 }), /2023 is outside/);
    notCheckable(claim('d', { metric: 'cagr', fromYear: 2028, toYear: 2034, op: 'approx', value: 0.05 }), /2034 is outside/);
  });

  it('a member path the scenario lacks, or a share claim without a member', () => {
    notCheckable(claim('a', { metric: 'size', year: 2028, member: 'region/latam', op: 'atLeast', value: 0 }), /no member region\/latam/);
    notCheckable(claim('b', { metric: 'share', year: 2028, member: 'region/de', op: 'atLeast', value: 0 }), /no member region\/de/);
    notCheckable(claim('c', { metric: 'share', year: 2028, op: 'atLeast', value: 0 }), /must name a member/);
  });

  it('a metric undefined in the scenario: a share of a zero market, a CAGR from zero, an empty period', () => {
    const empty = model({ endYear: 2027, baseSize: 0, dimensions: [dimension('region', [member('na', 1)])] });
    const statuses = checkClaims(empty, forecast(empty), [
      claim('share', { metric: 'share', year: 2026, member: 'region/na', op: 'atLeast', value: 0 }),
      claim('cagr', { metric: 'cagr', fromYear: 2025, toYear: 2027, op: 'atLeast', value: -1 }),
      claim('size', { metric: 'size', year: 2026, op: 'atMost', value: 0 }),
    ]);
    expect(statuses.map((s) => s.status)).toEqual(['notCheckable', 'notCheckable', 'met']);
    expect(statuses[0]!.reason).toMatch(/market is 0 in 2026/);
    expect(statuses[1]!.reason).toMatch(/no CAGR from a size of 0 in 2025/);
    notCheckable(claim('x', { metric: 'cagr', fromYear: 2028, toYear: 2028, op: 'approx', value: 0 }), /period 2028–2028 is empty/);
  });

  it('a metric no double can hold is not checkable, named — never met or missed with NaN or Infinity (issue 9)', () => {
    // Beyond the file limits: 10^300 growing 1000% a year passes 1.8e308 in 2033. The size is
    // Infinity, a member's share Infinity / Infinity.
    const huge = model({ endYear: 2035, baseSize: 1e300, baseGrowth: 10, dimensions: [dimension('region', [member('na', 0.5), member('eu', 0.5)])] });
    const statuses = checkClaims(huge, forecast(huge), [
      claim('size', { metric: 'size', year: 2034, op: 'atLeast', value: 1 }),
      claim('share', { metric: 'share', year: 2034, member: 'region/na', op: 'approx', value: 0.5 }),
      claim('ok', { metric: 'size', year: 2026, op: 'atLeast', value: 1 }),
    ]);
    expect(statuses.map((s) => s.status)).toEqual(['notCheckable', 'notCheckable', 'met']);
    expect(statuses[0]!.reason).toBe('the market in 2034 is too large to compute');
    expect(statuses[1]!.reason).toBe('the share of region/na in 2034 is too large to compute');
    for (const status of statuses.slice(0, 2)) expect(status.actual).toBeUndefined();

    // A valid file: a member of 5e-324 of the market whose sibling collapses has it all the next
    // year — a growth of 2e323-fold, beyond any double (it was 'met' with an actual of Infinity).
    const tiny = model({
      endYear: 2027,
      dimensions: [dimension('region', [member('a', 5e-324), member('b', 1, { delta: -1 })])],
    });
    const [oneYear, twoYears] = checkClaims(tiny, forecast(tiny), [
      claim('one', { metric: 'cagr', fromYear: 2025, toYear: 2026, member: 'region/a', op: 'atLeast', value: 0.1 }),
      claim('two', { metric: 'cagr', fromYear: 2026, toYear: 2027, member: 'region/a', op: 'atLeast', value: 0.1 }),
    ]);
    expect(oneYear).toEqual({ claimId: 'one', status: 'notCheckable', reason: 'the CAGR of region/a from 2025 to 2026 is too large to compute' });
    expect(twoYears).toEqual({ claimId: 'two', status: 'missed', actual: 0, gap: -0.1 });
  });

  it('keeps the claims’ order and ids', () => {
    const claims = [
      claim('one', { metric: 'size', year: 2028, op: 'atLeast', value: 0 }),
      claim('two', { metric: 'size', year: 2099, op: 'atLeast', value: 0 }),
    ];
    expect(checkClaims(scenario, f, claims).map((s) => [s.claimId, s.status])).toEqual([
      ['one', 'met'],
      ['two', 'notCheckable'],
    ]);
  });
});

describe('claims on random workspaces', () => {
  it('met ⇔ gap 0; a missed gap points away from the claim; out-of-range years are never met or missed', () => {
    assertProperty(
      fc.property(arbitraryWorkspace({ maxScenarios: 1 }), (workspace) => {
        const model = workspace.scenarios[0]!.model;
        const statuses = checkClaims(model, forecast(model), workspace.claims);
        expect(statuses.map((s) => s.claimId)).toEqual(workspace.claims.map((c) => c.id));
        statuses.forEach((status, i) => {
          const c = workspace.claims[i]!;
          const years = c.metric === 'cagr' ? [c.fromYear, c.toYear] : [c.year];
          if (years.some((y) => y < model.baseYear || y > model.endYear)) expect(status.status).toBe('notCheckable');
          if (status.status === 'notCheckable') {
            expect(status.reason).toBeTruthy();
            expect(status.actual).toBeUndefined();
            return;
          }
          expect(Number.isFinite(status.actual)).toBe(true);
          if (status.status === 'met') expect(status.gap).toBe(0);
          else if (c.op === 'atLeast') expect(status.gap).toBeLessThan(0);
          else if (c.op === 'atMost') expect(status.gap).toBeGreaterThan(0);
          else expect(Math.sign(status.gap!)).toBe(Math.sign(status.actual! - c.value));
        });
      }),
      { numRuns: 200 },
    );
  });
});

describe('countClaims', () => {
  it('counts met, missed and not checkable', () => {
    expect(
      countClaims([
        { claimId: 'a', status: 'met' },
        { claimId: 'b', status: 'missed' },
        { claimId: 'c', status: 'met' },
        { claimId: 'd', status: 'notCheckable', reason: 'outside the years' },
      ]),
    ).toEqual({ met: 2, missed: 1, notCheckable: 1 });
    expect(countClaims([])).toEqual({ met: 0, missed: 0, notCheckable: 0 });
  });
});

describe('the claim check on raw arrays (what a simulation asks for every sample)', () => {
  it('locateClaim + measureClaim + claimMet give the status checkClaim gives, on random workspaces', () => {
    assertProperty(
      fc.property(arbitraryWorkspace({ maxScenarios: 1 }), (workspace) => {
        const m = workspace.scenarios[0]!.model;
        const f2 = forecast(m);
        const statuses = checkClaims(m, f2, workspace.claims);
        workspace.claims.forEach((c, i) => {
          const status = statuses[i]!;
          const location = locateClaim(m, f2.layout, c);
          if (typeof location === 'string') {
            expect(status).toEqual({ claimId: c.id, status: 'notCheckable', reason: location });
            return;
          }
          const actual = measureClaim(location, claimSeries(location, f2), f2.total);
          if (status.status === 'notCheckable') {
            // Checkable in this layout, but the metric is undefined in this forecast (a zero market).
            expect(actual).toBeNaN();
            expect(claimMet(c, actual)).toBe(false);
            return;
          }
          expect(actual).toBe(status.actual);
          expect(claimMet(c, actual)).toBe(status.status === 'met');
        });
      }),
      { numRuns: 200 },
    );
  });

  it('claimMet: NaN meets no claim; the bounds themselves meet', () => {
    const atLeast = claim('a', { metric: 'size', year: 2028, op: 'atLeast', value: 20 });
    const approx = claim('b', { metric: 'size', year: 2028, op: 'approx', value: 20, tolerance: 1 });
    const atMost = claim('c', { metric: 'size', year: 2028, op: 'atMost', value: 20 });
    expect([claimMet(atLeast, 20), claimMet(atLeast, 19.999), claimMet(atLeast, NaN)]).toEqual([true, false, false]);
    expect([claimMet(approx, 21), claimMet(approx, 18.9), claimMet(approx, NaN)]).toEqual([true, false, false]);
    expect([claimMet(atMost, 20), claimMet(atMost, 20.001), claimMet(atMost, NaN)]).toEqual([true, false, false]);
  });
});
