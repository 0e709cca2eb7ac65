import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diffAssumptions, type AssumptionDiff } from '../../src/model/scenarioDiff';
import { seedWorkspace } from '../../src/model/seedWorkspace';
import type { Model, Scenario } from '../../src/model/types';
import { arbitraryModel } from '../support/arbitraries';
import { dimension, driver, member, model } from '../support/models';
import { assertProperty } from '../support/property';

const inputs = (...scenarios: Scenario[]) => scenarios.map(({ id, name, model: m }) => ({ id, name, model: m }));
const byKey = (rows: AssumptionDiff[]) => new Map(rows.map((r) => [r.key, r]));

describe('diffAssumptions', () => {
  it('finds what differs between the seed’s two scenarios: base year, base size, trend growth', () => {
    const [consensus, narrow] = seedWorkspace().scenarios;
    const rows = diffAssumptions(inputs(consensus!, narrow!));
    expect(rows.map((r) => r.key)).toEqual([
      'baseYear',
      'baseSize:value',
      'baseSize:range',
      'baseGrowth:value',
      'baseGrowth:range',
    ]);
    const rowsByKey = byKey(rows);
    expect(rowsByKey.get('baseYear')).toMatchObject({ label: 'Base year', kind: 'year', values: [2025, 2023] });
    expect(rowsByKey.get('baseSize:value')).toMatchObject({
      label: 'Market size in the base year',
      kind: 'size',
      field: 'value',
      ref: { kind: 'baseSize' },
      values: [17.18, 1.62],
    });
    expect(rowsByKey.get('baseSize:range')!.values).toEqual([
      { low: 17.18, high: 18.898, dist: 'triangular' },
      { low: 1.539, high: 1.701, dist: 'triangular' },
    ]);
    expect(rowsByKey.get('baseGrowth:value')).toMatchObject({ label: 'Trend growth', kind: 'rate', values: [0, 0.25] });
    // The drivers' start years both take the default (the year after the base year): the same
    // assumption as written, though it resolves to 2026 and 2024.
    expect(rows.some((r) => r.field === 'startYear')).toBe(false);
  });

  it('lists members that exist in one scenario only, with no value where it lacks them, at any depth', () => {
    const workspace = seedWorkspace();
    const [consensus, narrow] = workspace.scenarios;
    // Structure edits in the narrow scenario: a new country in Europe, Russia gone, a new application.
    const europe = narrow!.model.dimensions[2]!.members[1]!;
    europe.children = [...europe.children!.filter((c) => c.id !== 'ru'), { id: 'es', name: 'Spain', share: { value: 0.13 } }];
    narrow!.model.dimensions[1]!.members.push({ id: 'cardiology', name: 'Cardiology', share: { value: 0 } });
    const rows = byKey(diffAssumptions(inputs(consensus!, narrow!)));

    expect(rows.get('share:region/europe/ru:value')).toMatchObject({ label: 'Russia share', group: 'Region › Europe', kind: 'share', values: [0.13, undefined] });
    expect(rows.get('share:region/europe/es:value')).toMatchObject({ label: 'Spain share', values: [undefined, 0.13] });
    // Russia's share is the same number as Spain's, but they are different members: both listed.
    expect(rows.get('share:region/europe/ru:range')).toBeUndefined();
    expect(rows.get('share:application/cardiology:value')!.values).toEqual([undefined, 0]);
    // The share row says the consensus lacks Cardiology; its premium (0, the default) is not
    // repeated as a difference.
    expect(rows.get('growthDelta:application/cardiology:value')).toBeUndefined();
    expect(rows.get('growthDelta:application/cardiology:range')).toBeUndefined();
    // Spain sits where the narrow scenario has it, right after Italy (so before Russia, which
    // followed Italy in the consensus): model order, not "new things last".
    const keys = [...rows.keys()];
    expect(keys.indexOf('share:region/europe/es:value')).toBeLessThan(keys.indexOf('share:region/europe/ru:value'));
    expect(keys.indexOf('share:application/cardiology:value')).toBeLessThan(keys.indexOf('share:region/europe/ru:value'));
  });

  it('compares drivers: impact, range, switch, start (as written), ramp; added and removed ones', () => {
    const a = model({
      baseYear: 2025,
      drivers: [driver('x', 0.01), driver('y', 0.02, { startYear: 2027 }), driver('gone', -0.01)],
    });
    const b = model({
      baseYear: 2025,
      drivers: [driver('x', 0.01, { enabled: false, rampYears: 3 }), driver('new', 0.03), driver('y', 0.02)],
    });
    b.drivers[0]!.impact.range = { low: 0, high: 0.02, dist: 'uniform' };
    const rows = diffAssumptions([
      { id: 'a', name: 'A', model: a },
      { id: 'b', name: 'B', model: b },
    ]);
    const rowsByKey = byKey(rows);
    expect(rowsByKey.get('driver:x:value')).toBeUndefined();
    expect(rowsByKey.get('driver:x:range')!.values).toEqual([null, { low: 0, high: 0.02, dist: 'uniform' }]);
    expect(rowsByKey.get('driver:x:enabled')).toMatchObject({ label: 'x switched on', kind: 'flag', values: [true, false] });
    expect(rowsByKey.get('driver:x:rampYears')!.values).toEqual([1, 3]);
    // y starts in 2027 as written in A, by default (2026) in B.
    expect(rowsByKey.get('driver:y:startYear')).toMatchObject({ values: [2027, 2026], defaults: [false, true] });
    expect(rowsByKey.get('driver:gone:value')).toMatchObject({ label: 'gone impact', group: 'Drivers', ref: { kind: 'driverImpact', driverId: 'gone' }, values: [-0.01, undefined] });
    expect(rowsByKey.get('driver:new:value')!.values).toEqual([undefined, 0.03]);
    // Only the main row says B alone has it; its switch, start and ramp are not differences.
    expect(rows.filter((r) => r.key.startsWith('driver:new:')).map((r) => r.key)).toEqual(['driver:new:value']);
    expect(rows.filter((r) => r.key.startsWith('driver:gone:')).map((r) => r.key)).toEqual(['driver:gone:value']);
    // B's new driver goes after x, where B has it.
    expect(rows.filter((r) => r.field === 'value').map((r) => r.key)).toEqual(['driver:new:value', 'driver:gone:value']);
    // A range no scenario gives is not a difference worth a row.
    expect(rowsByKey.get('driver:new:range')).toBeUndefined();
  });

  it('lists a row when any one of three scenarios differs, with a value for each', () => {
    const base = () => model({ dimensions: [dimension('region', [member('n', 0.6, { delta: 0.01 }), member('s', 0.4)])] });
    const a = base();
    const b = base();
    const c = base();
    c.dimensions[0]!.members[0]!.growthDelta = { value: 0.03 };
    c.endYear = 2035;
    c.unit = 'EUR bn';
    const rows = byKey(diffAssumptions([
      { id: 'a', name: 'A', model: a },
      { id: 'b', name: 'B', model: b },
      { id: 'c', name: 'C', model: c },
    ]));
    expect([...rows.keys()]).toEqual(['endYear', 'unit', 'growthDelta:region/n:value']);
    expect(rows.get('growthDelta:region/n:value')).toMatchObject({ label: 'n growth premium', kind: 'rate', values: [0.01, 0.01, 0.03] });
    expect(rows.get('unit')!.values).toEqual(['USD bn', 'USD bn', 'EUR bn']);
  });

  it('finds nothing to list for a single scenario, or for copies of one model', () => {
    assertProperty(
      fc.property(arbitraryModel({ maxYears: 10, maxDepth: 1 }), (m: Model) => {
        expect(diffAssumptions([{ id: 'a', name: 'A', model: m }])).toEqual([]);
        expect(diffAssumptions([
          { id: 'a', name: 'A', model: m },
          { id: 'b', name: 'B', model: structuredClone(m) },
        ])).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });

  it('gives every row a unique key and one value per scenario', () => {
    assertProperty(
      fc.property(arbitraryModel({ maxYears: 10, maxDepth: 2 }), arbitraryModel({ maxYears: 10, maxDepth: 2 }), (a, b) => {
        const rows = diffAssumptions([
          { id: 'a', name: 'A', model: a },
          { id: 'b', name: 'B', model: b },
        ]);
        expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
        for (const row of rows) expect(row.values).toHaveLength(2);
      }),
      { numRuns: 50 },
    );
  });
});
