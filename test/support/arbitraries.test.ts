/**
 * The generators promise valid models and workspaces; other tests rely on that promise, so it is
 * checked here rather than assumed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Member, Quantity } from '../../src/model/types';
import { WORKSPACE_FORMAT, WORKSPACE_VERSION } from '../../src/model/types';
import { readWorkspaceValue } from '../../src/model/workspaceFile';
import { arbitraryModel, arbitraryWorkspace } from './arbitraries';
import { assertProperty } from './property';

function checkQuantity(q: Quantity, min = -Infinity, max = Infinity): void {
  expect(Number.isFinite(q.value)).toBe(true);
  expect(q.value).toBeGreaterThanOrEqual(min);
  expect(q.value).toBeLessThanOrEqual(max);
  if (q.range) {
    expect(q.range.low).toBeLessThanOrEqual(q.value);
    expect(q.value).toBeLessThanOrEqual(q.range.high);
    expect(q.range.low).toBeGreaterThanOrEqual(min);
    expect(q.range.high).toBeLessThanOrEqual(max);
  }
  for (const [k, v] of Object.entries(q)) expect(v, k).not.toBeUndefined();
}

function checkList(members: readonly Member[], ids: Set<string>): void {
  expect(members.length).toBeGreaterThan(0);
  const sum = members.reduce((a, m) => a + m.share.value, 0);
  expect(Math.abs(sum - 1)).toBeLessThanOrEqual(1e-12);
  for (const m of members) {
    expect(ids.has(m.id)).toBe(false);
    expect(m.id).not.toContain('/');
    ids.add(m.id);
    checkQuantity(m.share, 0, 1);
    if (m.growthDelta) checkQuantity(m.growthDelta);
    if (m.children) checkList(m.children, ids);
  }
}

describe('arbitraryModel', () => {
  it('produces valid models: unique ids, shares summing to 1, ranges around values, 2–50 years', () => {
    assertProperty(
      fc.property(arbitraryModel(), (model) => {
        expect(Number.isInteger(model.baseYear)).toBe(true);
        expect(model.endYear).toBeGreaterThan(model.baseYear);
        expect(model.endYear - model.baseYear + 1).toBeLessThanOrEqual(50);
        checkQuantity(model.baseSize, 0);
        checkQuantity(model.baseGrowth);
        const ids = new Set<string>();
        for (const d of model.drivers) {
          expect(ids.has(d.id)).toBe(false);
          ids.add(d.id);
          checkQuantity(d.impact);
          if (d.startYear !== undefined) {
            expect(d.startYear).toBeGreaterThan(model.baseYear);
            expect(d.startYear).toBeLessThanOrEqual(model.endYear);
          }
          if (d.rampYears !== undefined) expect(d.rampYears).toBeGreaterThanOrEqual(1);
        }
        for (const dim of model.dimensions) {
          expect(ids.has(dim.id)).toBe(false);
          ids.add(dim.id);
          checkList(dim.members, ids);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('sometimes omits and sometimes includes optional fields, and sometimes nests children', () => {
    const samples = fc.sample(arbitraryModel(), { numRuns: 300, seed: 7 });
    const members = samples.flatMap((m) => m.dimensions.flatMap((d) => d.members));
    const drivers = samples.flatMap((m) => m.drivers);
    expect(members.some((m) => m.children !== undefined)).toBe(true);
    expect(members.some((m) => m.children === undefined)).toBe(true);
    expect(members.some((m) => m.growthDelta !== undefined)).toBe(true);
    expect(members.some((m) => m.growthDelta === undefined)).toBe(true);
    for (const key of ['startYear', 'rampYears', 'enabled'] as const) {
      expect(drivers.some((d) => d[key] !== undefined)).toBe(true);
      expect(drivers.some((d) => d[key] === undefined)).toBe(true);
    }
    expect(samples.some((m) => m.baseGrowth.range !== undefined)).toBe(true);
    expect(samples.some((m) => m.baseGrowth.range === undefined)).toBe(true);
  });
});

describe('arbitraryModel({ extremes: true })', () => {
  it('produces models a file may hold, with tiny, subnormal and zero shares, collapsing premiums and edge sizes', () => {
    const samples = fc.sample(arbitraryModel({ extremes: true, rateLimit: 1 }), { numRuns: 300, seed: 11 });
    for (const model of samples) {
      const file = { format: WORKSPACE_FORMAT, version: WORKSPACE_VERSION, title: 't', activeScenario: 's', claims: [], scenarios: [{ id: 's', name: 's', model }] };
      const loaded = readWorkspaceValue(JSON.parse(JSON.stringify(file)));
      if (!loaded.ok) expect.fail(JSON.stringify(loaded.error));
    }
    const shares = samples.flatMap((m) => m.dimensions.flatMap((d) => d.members.map((x) => x.share.value)));
    for (const edge of [5e-324, 1e-300, 0]) expect(shares).toContain(edge);
    const deltas = samples.flatMap((m) => m.dimensions.flatMap((d) => d.members.map((x) => x.growthDelta?.value)));
    expect(deltas).toContain(-1);
    const sizes = samples.map((m) => m.baseSize.value);
    for (const edge of [0, 5e-324, 1e15]) expect(sizes).toContain(edge);
    expect(samples.map((m) => m.baseGrowth.value)).toContain(-1);
  });
});

describe('arbitraryWorkspace', () => {
  it('produces workspaces with unique scenario and claim ids and an existing active scenario', () => {
    assertProperty(
      fc.property(arbitraryWorkspace(), (ws) => {
        const scenarioIds = ws.scenarios.map((s) => s.id);
        expect(new Set(scenarioIds).size).toBe(scenarioIds.length);
        expect(scenarioIds).toContain(ws.activeScenario);
        const claimIds = ws.claims.map((c) => c.id);
        expect(new Set(claimIds).size).toBe(claimIds.length);
        for (const c of ws.claims) {
          if (c.metric === 'cagr') expect(c.toYear).toBeGreaterThan(c.fromYear);
          if (c.metric === 'share') expect(c.member).toBeDefined();
        }
        // What the file holds is what comes back: nothing JSON cannot carry.
        expect(JSON.parse(JSON.stringify(ws))).toEqual(ws);
      }),
      { numRuns: 100 },
    );
  });
});
