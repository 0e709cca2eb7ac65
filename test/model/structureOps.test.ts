/**
 * Structure operations (src/model/structureOps.ts, structureOpsWorkspace.ts): what each one does,
 * its guard rails in plain words, and — over random sequences of operations on random models —
 * that the model always stays one the file format accepts, with every list's shares summing to 1,
 * and that a refused operation changes nothing.
 */
import fc from 'fast-check';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { blankWorkspace } from '../../src/model/blankWorkspace';
import { compareScenarios } from '../../src/engine/compareScenarios';
import { forecast } from '../../src/engine/forecast';
import { seriesIndex } from '../../src/engine/seriesAccess';
import { findMember, type QuantityRef } from '../../src/model/quantityRef';
import { diffAssumptions } from '../../src/model/scenarioDiff';
import { seedWorkspace } from '../../src/model/seedWorkspace';
import {
  addChildren,
  addDimension,
  addDriver,
  addMember,
  checkYears,
  driversStartingOutside,
  moveDimension,
  moveDriver,
  moveMember,
  removeChildren,
  removeDimension,
  removeDriver,
  removeMember,
  renameDimension,
  renameDriver,
  renameMember,
  setListShares,
  setQuantityText,
  setUnit,
  setYears,
} from '../../src/model/structureOps';
import { unitConversion } from '../../src/model/unit';
import { applyStructureOp, applyStructureOpToWorkspace, type StructureOp } from '../../src/model/structureOpsWorkspace';
import type { Member, Model, Workspace } from '../../src/model/types';
import { describeLoadError } from '../../src/model/loadError';
import { parseWorkspaceFile, serializeWorkspace } from '../../src/model/workspaceFile';
import { arbitraryModel, arbitraryWorkspace } from '../support/arbitraries';
import { dimension, member, model as buildModel } from '../support/models';
import { seedModel, workspaceOf } from '../state/storeFactories';
import { assertProperty } from '../support/property';

const sum = (members: readonly Member[]) => members.reduce((total, m) => total + m.share.value, 0);
const shares = (members: readonly Member[]) => members.map((m) => m.share.value);

/** Every list of members in a model, at any depth. */
function allLists(model: Model): Member[][] {
  const lists: Member[][] = [];
  const visit = (members: Member[]) => {
    lists.push(members);
    for (const m of members) if (m.children) visit(m.children);
  };
  for (const d of model.dimensions) visit(d.members);
  return lists;
}

function problemsOf(workspace: Workspace): string | undefined {
  const loaded = parseWorkspaceFile(serializeWorkspace(workspace));
  return loaded.ok ? undefined : describeLoadError(loaded.error);
}

function expectValid(model: Model): void {
  expect(problemsOf(workspaceOf(model))).toBeUndefined();
  for (const list of allLists(model)) expect(Math.abs(sum(list) - 1)).toBeLessThan(1e-9);
}

/** Applies an operation with immer, as the store does; the message and the model after. */
function edit<T>(model: Model, op: (draft: Model) => T): { result: T; after: Model } {
  let result!: T;
  const after = produce(model, (draft) => {
    result = op(draft);
  });
  return { result, after };
}

const regions = (model: Model) => model.dimensions.find((d) => d.id === 'region')!.members;

describe('members', () => {
  it('a new member takes 1/(n+1) from its siblings, each giving up in proportion', () => {
    const { result, after } = edit(seedModel(), (m) => addMember(m, ['region'], { name: 'Oceania' }));
    expect(result).toBeUndefined();
    const list = regions(after);
    expect(list.map((m) => m.id)).toEqual(['na', 'europe', 'apac', 'latam', 'mea', 'oceania']);
    expect(list[5]!.share.value).toBeCloseTo(1 / 6, 12);
    // North America keeps 40% of what is left: 0.4 × 5/6.
    expect(list[0]!.share.value).toBeCloseTo(0.4 * (5 / 6), 12);
    expect(list[1]!.share.value / list[0]!.share.value).toBeCloseTo(0.3 / 0.4, 12);
    expectValid(after);
  });

  it('takes a given share, and locked siblings do not move', () => {
    const { result, after } = edit(seedModel(), (m) => addMember(m, ['region'], { name: 'Oceania', share: 0.1 }, ['na']));
    expect(result).toBeUndefined();
    const list = regions(after);
    expect(list[0]!.share.value).toBe(0.4);
    expect(list[5]!.share.value).toBe(0.1);
    expect(list[1]!.share.value).toBeCloseTo(0.3 * (0.5 / 0.6), 12);
    expectValid(after);
  });

  it('refuses a share the locked siblings leave no room for, saying how much is left', () => {
    const model = seedModel();
    expect(addMember(model, ['region'], { name: 'Oceania', share: 0.5 }, ['na', 'europe'])).toBe(
      '“Oceania” can have at most 30%: the locked members of Region hold 70%',
    );
    const all = ['na', 'europe', 'apac', 'latam', 'mea'];
    expect(addMember(model, ['region'], { name: 'Oceania' }, all)).toBe(
      'There is no room for “Oceania”: every other member of Region is locked. Unlock one, or give “Oceania” a share of 0%',
    );
    expect(model).toEqual(seedModel());
    // A share of 0 needs no room.
    expect(addMember(model, ['region'], { name: 'Oceania', share: 0 }, all)).toBeUndefined();
    expectValid(model);
  });

  it('refuses a duplicate name in the same list (case and spacing ignored), not in another list', () => {
    const model = seedModel();
    expect(addMember(model, ['region'], { name: '  europe ' })).toBe('Region already has a member called “europe”');
    expect(renameMember(model, ['region', 'na'], 'EUROPE')).toBe('Region already has a member called “EUROPE”');
    expect(addMember(model, ['region', 'na'], { name: 'Other' })).toBeUndefined();
    expect(addMember(model, ['region', 'europe'], { name: 'Other' })).toBeUndefined();
    expect(addMember(model, ['region'], { name: '   ' })).toBe('A member needs a name');
    expect(addMember(model, ['region'], { name: 'x'.repeat(201) })).toBe('A member’s name can be at most 200 characters');
    expectValid(model);
  });

  it('derives ids from names, unique in the list, and keeps the id on a rename', () => {
    const model = seedModel();
    addMember(model, ['type'], { name: 'Services & support' });
    addMember(model, ['type'], { name: 'Services support' });
    expect(model.dimensions[0]!.members.map((m) => m.id)).toEqual(['hardware', 'software', 'services-support', 'services-support-2']);
    expect(renameMember(model, ['type', 'hardware'], 'Scanners')).toBeUndefined();
    expect(model.dimensions[0]!.members[0]).toMatchObject({ id: 'hardware', name: 'Scanners' });
    // Never an id that reaches a prototype.
    addMember(model, ['type'], { name: 'constructor' });
    expect(model.dimensions[0]!.members.at(-1)!.id).toBe('item');
    expectValid(model);
  });

  it('removing a member gives its share back to the unlocked siblings in proportion', () => {
    const { result, after } = edit(seedModel(), (m) => removeMember(m, ['region', 'europe'], ['na']));
    expect(result).toBeUndefined();
    const list = regions(after);
    expect(list.map((m) => m.id)).toEqual(['na', 'apac', 'latam', 'mea']);
    expect(list[0]!.share.value).toBe(0.4);
    // Asia-Pacific, Latin America and Middle East & Africa (0.2 : 0.06 : 0.04) share Europe's 0.3.
    expect(list[1]!.share.value).toBeCloseTo(0.2 + 0.3 * (0.2 / 0.3), 12);
    expectValid(after);
  });

  it('never leaves a share a hair above 1 (found by the property below)', () => {
    const model = buildModel({
      dimensions: [dimension('d', [member('a', 0.8528610354223434), member('b', 0.14713896457765668), member('c', 0), member('e', 0)])],
    });
    expect(removeMember(model, ['d', 'a'])).toBeUndefined();
    expect(model.dimensions[0]!.members.map((m) => m.share.value)).toEqual([1, 0, 0]);
    expectValid(model);
  });

  // Issue 9: a share given back to a sibling that holds a subnormal share underflowed to nothing.
  it('keeps the list at 100% when a member at 5e-324 is added and a sibling removed (found with seed -1827270135)', () => {
    const model = buildModel({ dimensions: [dimension('d', [member('a', 0.25), member('b', 0.75)])] });
    expect(addMember(model, ['d'], { name: 'North', share: 5e-324 })).toBeUndefined();
    expect(removeMember(model, ['d', 'a'], ['b'])).toBeUndefined();
    expect(shares(model.dimensions[0]!.members)).toEqual([0.75, 0.25]);
    expectValid(model);

    const nested = buildModel({
      dimensions: [dimension('d', [member('a', 1 / 7), member('b', 0), member('c', 6 / 7), member('e', 0)])],
    });
    expect(addMember(nested, ['d'], { name: 'North', share: 5e-324 })).toBeUndefined();
    expect(removeMember(nested, ['d', 'a'], ['c'])).toBeUndefined();
    const after = shares(nested.dimensions[0]!.members);
    expect(after[1]).toBe(6 / 7);
    expect(Math.abs(after.reduce((x, y) => x + y, 0) - 1)).toBeLessThanOrEqual(1e-12);
    expectValid(nested);
  });

  it('refuses to remove the last member of a list, or a share nobody unlocked can take', () => {
    let model = buildModel({ dimensions: [dimension('channel', [member('retail', 1)])] });
    expect(removeMember(model, ['channel', 'retail'])).toBe(
      '“retail” is the only member of channel: a dimension needs at least one. Remove the dimension instead',
    );
    model = seedModel();
    addChildren(model, ['type', 'hardware'], ['Scanners']);
    expect(removeMember(model, ['type', 'hardware', 'scanners'])).toBe(
      '“Scanners” is the only part of Hardware: remove Hardware’s breakdown instead',
    );
    expect(removeMember(model, ['region', 'europe'], ['na', 'apac', 'latam', 'mea'])).toBe(
      '“Europe”’s 30% cannot go back to the other members of Region: they are all locked. Unlock one first',
    );
    expect(removeMember(model, ['region', 'atlantis'])).toBe('That member no longer exists');
    expectValid(model);
  });

  it('moves a member within its list and stays put at either end', () => {
    const model = seedModel();
    moveMember(model, ['region', 'mea'], -1);
    expect(regions(model).map((m) => m.id)).toEqual(['na', 'europe', 'apac', 'mea', 'latam']);
    moveMember(model, ['region', 'na'], -1);
    moveMember(model, ['region', 'latam'], 5);
    expect(regions(model).map((m) => m.id)).toEqual(['na', 'europe', 'apac', 'mea', 'latam']);
    moveMember(model, ['region', 'europe', 'ru'], -4);
    expect(regions(model)[1]!.children!.map((m) => m.id)).toEqual(['ru', 'de', 'fr', 'uk', 'it']);
  });

  it('adds and removes a breakdown; the first member of a new breakdown takes 100%', () => {
    const model = seedModel();
    expect(addChildren(model, ['type', 'software'], ['Platforms', 'Apps', 'platforms'])).toBe(
      '“platforms” is named twice in the breakdown of “Software”',
    );
    expect(addChildren(model, ['type', 'software'], ['Platforms', 'Apps', 'Services'])).toBeUndefined();
    expect(shares(model.dimensions[0]!.members[1]!.children!)).toEqual([1 / 3, 1 / 3, 1 / 3]);
    expect(addChildren(model, ['type', 'software'], ['More'])).toBe('“Software” already has a breakdown: add members to it one by one');
    expect(removeChildren(model, ['type', 'software'])).toBeUndefined();
    expect(model.dimensions[0]!.members[1]!.children).toBeUndefined();
    expect(removeChildren(model, ['type', 'software'])).toBe('“Software” has no breakdown to remove');
    expect(addMember(model, ['type', 'hardware'], { name: 'Scanners', share: 0.3 })).toBeUndefined();
    expect(model.dimensions[0]!.members[0]!.children).toEqual([{ id: 'scanners', name: 'Scanners', share: { value: 1 } }]);
    expectValid(model);
  });

  it('refuses nesting deeper than the file allows', () => {
    const model = seedModel();
    addChildren(model, ['region', 'europe', 'de'], ['Bavaria']);
    addChildren(model, ['region', 'europe', 'de', 'bavaria'], ['Munich']);
    expect(addChildren(model, ['region', 'europe', 'de', 'bavaria', 'munich'], ['Schwabing'])).toBe(
      'Members nest at most 4 levels deep: “Munich” cannot have a breakdown',
    );
    expect(addMember(model, ['region', 'europe', 'de', 'bavaria', 'munich'], { name: 'Schwabing' })).toBe(
      'Members nest at most 4 levels deep: “Munich” cannot have a breakdown',
    );
    expectValid(model);
  });

  it('carries a sibling’s range along when a new member takes part of its share (scaled with it)', () => {
    const model = seedModel();
    const { low, high } = model.dimensions[0]!.members[1]!.share.range!;
    addMember(model, ['type'], { name: 'Services', share: 0.5 });
    const software = model.dimensions[0]!.members[1]!;
    expect(software.share.value).toBeCloseTo(0.325, 12);
    // Software went from 65% to 32.5%: its range halves with it, "±20% of the share" still.
    expect(software.share.range!.low).toBeCloseTo(low / 2, 12);
    expect(software.share.range!.high).toBeCloseTo(high / 2, 12);
    expectValid(model);
  });

  it('carries the remaining members’ ranges up when a member is removed, clipped at 100%', () => {
    const model = seedModel();
    const { low, high } = model.dimensions[0]!.members[1]!.share.range!;
    removeMember(model, ['type', 'hardware']);
    const software = model.dimensions[0]!.members[0]!;
    expect(software.id).toBe('software');
    expect(software.share.value).toBe(1);
    // Scaled by 1 / 0.65 the high end would pass 100%: it stops there, and the low end scales.
    expect(software.share.range!.low).toBeCloseTo(low / 0.65, 12);
    expect(software.share.range!.high).toBe(1);
    expect(high / 0.65).toBeGreaterThan(1);
    expectValid(model);
  });
});

describe('dimensions', () => {
  it('adds a dimension with members in equal shares; refuses one without members or with a taken name', () => {
    const model = buildModel({});
    expect(addDimension(model, 'Channel', [])).toBe('A dimension needs at least one member: name the members of “Channel”');
    expect(addDimension(model, 'Channel', ['Retail', 'Online', 'Wholesale'])).toBeUndefined();
    expect(model.dimensions[0]!.id).toBe('channel');
    expect(model.dimensions[0]!.members.map((m) => [m.id, m.name])).toEqual([
      ['retail', 'Retail'],
      ['online', 'Online'],
      ['wholesale', 'Wholesale'],
    ]);
    expect(sum(model.dimensions[0]!.members)).toBe(1);
    expect(addDimension(model, 'channel', ['A'])).toBe('There is already a dimension called “channel”');
    expect(addDimension(model, 'Country', ['Germany', ' germany'])).toBe('“germany” is named twice in “Country”');
    expectValid(model);
  });

  it('renames, moves and removes a dimension', () => {
    const model = seedModel();
    expect(renameDimension(model, 'type', 'Application')).toBe('There is already a dimension called “Application”');
    expect(renameDimension(model, 'type', 'Offering')).toBeUndefined();
    moveDimension(model, 'region', -2);
    expect(model.dimensions.map((d) => d.id)).toEqual(['region', 'type', 'application', 'vendor']);
    expect(removeDimension(model, 'type')).toBeUndefined();
    expect(model.dimensions.map((d) => d.id)).toEqual(['region', 'application', 'vendor']);
    expect(removeDimension(model, 'type')).toBe('That dimension no longer exists');
    expectValid(model);
  });

  it('refuses a 21st dimension', () => {
    const model = buildModel({});
    for (let i = 0; i < 20; i++) expect(addDimension(model, `D${i}`, ['x'])).toBeUndefined();
    expect(addDimension(model, 'One more', ['x'])).toBe('A model can have at most 20 dimensions');
  });
});

describe('drivers', () => {
  it('adds, renames, moves and removes drivers, refusing duplicates and impossible impacts', () => {
    const model = buildModel({});
    expect(addDriver(model, { name: 'E-commerce', impact: 0.02 })).toBeUndefined();
    expect(addDriver(model, { name: 'Tariffs', impact: -0.01 })).toBeUndefined();
    expect(addDriver(model, { name: 'tariffs' })).toBe('There is already a driver called “tariffs”');
    expect(addDriver(model, { name: 'Boom', impact: 12 })).toBe('A driver’s impact must be between −100% and +1,000% a year');
    expect(model.drivers).toEqual([
      { id: 'e-commerce', name: 'E-commerce', impact: { value: 0.02 } },
      { id: 'tariffs', name: 'Tariffs', impact: { value: -0.01 } },
    ]);
    expect(renameDriver(model, 'tariffs', 'E-Commerce')).toBe('There is already a driver called “E-Commerce”');
    expect(renameDriver(model, 'tariffs', 'Trade barriers')).toBeUndefined();
    moveDriver(model, 'tariffs', -1);
    expect(model.drivers.map((d) => d.id)).toEqual(['tariffs', 'e-commerce']);
    expect(removeDriver(model, 'tariffs')).toBeUndefined();
    expect(removeDriver(model, 'tariffs')).toBe('That driver no longer exists');
    expectValid(model);
  });
});

describe('years and unit', () => {
  it('refuses an end year before the base year and a horizon over 50 years, in plain words', () => {
    expect(checkYears(2025, 2024)).toBe('The end year (2024) must be after the base year (2025)');
    expect(checkYears(2025, 2025)).toBe('The end year (2025) must be after the base year (2025)');
    expect(checkYears(2025, 2076)).toBe('A model covers at most 50 years after its base year: 2025 to 2076 is 51');
    expect(checkYears(2025, 2075)).toBeUndefined();
    expect(checkYears(2025.5, 2030)).toBe('The base year must be a whole year between 1900 and 2200');
    expect(checkYears(2025, Number.NaN)).toBe('The end year must be a whole year between 1900 and 2200');
    const model = seedModel();
    expect(setYears(model, 2030, 2020)).toBe('The end year (2020) must be after the base year (2030)');
    expect(model.baseYear).toBe(2025);
  });

  it('keeps drivers’ explicit start years as written, and says which fall outside the new years', () => {
    const model = buildModel({
      baseYear: 2025,
      endYear: 2032,
      drivers: [
        { id: 'early', name: 'Early', impact: { value: 0.01 }, startYear: 2026, rampYears: 3 },
        { id: 'late', name: 'Late', impact: { value: 0.01 }, startYear: 2031 },
        { id: 'default', name: 'Default', impact: { value: 0.01 } },
      ],
    });
    const before = forecast(model).total;
    expect(setYears(model, 2027, 2030)).toBeUndefined();
    expect(model.drivers.map((d) => d.startYear)).toEqual([2026, 2031, undefined]);
    expect(driversStartingOutside(model).map((o) => [o.driver.id, o.when])).toEqual([
      ['early', 'before'],
      ['late', 'after'],
    ]);
    expectValid(model);
    // Back to the old years: the same forecast, nothing lost.
    setYears(model, 2025, 2032);
    expect(forecast(model).total).toEqual(before);
    expect(driversStartingOutside(model)).toEqual([]);
  });

  it('renames the unit, converting the base size only when asked and the units are one currency', () => {
    expect(unitConversion('USD bn', 'USD m')).toBe(1000);
    expect(unitConversion('USD m', 'USD bn')).toBe(0.001);
    expect(unitConversion('USD bn', 'EUR bn')).toBeUndefined();
    expect(unitConversion('USD bn', 'units sold')).toBeUndefined();
    const model = seedModel();
    expect(setUnit(model, '  ')).toBe('The unit needs a name, e.g. USD m, EUR bn or units sold');
    expect(setUnit(model, 'EUR bn')).toBeUndefined();
    expect(model.baseSize.value).toBe(17.18);
    setUnit(model, 'EUR m', { convert: true });
    expect(model.unit).toBe('EUR m');
    expect(model.baseSize.value).toBeCloseTo(17180, 9);
    expect(model.baseSize.range).toEqual({ low: 17180, high: 18898, dist: 'triangular' });
    expectValid(model);
  });
});

describe('source and note', () => {
  it('sets, replaces and removes the words on any quantity', () => {
    const model = seedModel();
    expect(setQuantityText(model, { kind: 'baseGrowth' }, { source: 'Analyst call, March', note: '' })).toBeUndefined();
    expect(model.baseGrowth).toEqual({ value: 0, range: { low: -0.01, high: 0.01, dist: 'triangular' }, source: 'Analyst call, March' });
    expect(setQuantityText(model, { kind: 'memberShare', path: ['region', 'europe', 'de'] }, { source: '  Destatis 2024 ' })).toBeUndefined();
    expect(findMember(model, ['region', 'europe', 'de'])!.share.source).toBe('Destatis 2024');
    expect(setQuantityText(model, { kind: 'driverImpact', driverId: 'nope' }, { note: 'x' })).toBe('That driver no longer exists');
    expect(setQuantityText(model, { kind: 'baseSize' }, { note: 'x'.repeat(10_001) })).toBe('A note can be at most 10,000 characters');
    expectValid(model);
  });

  it('gives a premium that was never set an explicit 0 to carry its note, and leaves it absent when there are no words', () => {
    const model = buildModel({ dimensions: [dimension('channel', [member('retail', 0.5), member('online', 0.5)])] });
    const ref: QuantityRef = { kind: 'memberGrowthDelta', path: ['channel', 'online'] };
    expect(setQuantityText(model, ref, { source: '', note: '' })).toBeUndefined();
    expect(model.dimensions[0]!.members[1]!.growthDelta).toBeUndefined();
    setQuantityText(model, ref, { note: 'Grows with smartphones' });
    expect(model.dimensions[0]!.members[1]!.growthDelta).toEqual({ value: 0, note: 'Grows with smartphones' });
  });
});

describe('setListShares', () => {
  it('sets a whole list, zeroes the members not given and creates new ones', () => {
    const model = seedModel();
    const result = setListShares(model, ['region'], [
      { id: 'na', name: 'North America', share: 0.5 },
      { id: 'europe', name: 'Europe', share: 0.3 },
      { id: 'oceania', name: 'Oceania', share: 0.2, create: true },
    ]);
    expect(result).toBeUndefined();
    expect(regions(model).map((m) => [m.id, m.share.value])).toEqual([
      ['na', 0.5],
      ['europe', 0.3],
      ['apac', 0],
      ['latam', 0],
      ['mea', 0],
      ['oceania', 0.2],
    ]);
    expectValid(model);
    expect(setListShares(model, ['region'], [{ id: 'atlantis', name: 'Atlantis', share: 1 }])).toBe('Region has no member “Atlantis”');
    expect(setListShares(model, ['region'], [{ id: 'na', name: 'North America', share: 0.5 }])).toBe(
      'The shares given for Region sum to 50%, not 100%',
    );
  });
});

describe('applying to every scenario', () => {
  it('applies to the scenario on screen only, unless asked for all', () => {
    const workspace = seedWorkspace();
    const one = produce(workspace, (ws) => {
      expect(applyStructureOpToWorkspace(ws, { op: 'addMember', parentPath: ['region'], name: 'Oceania' }, false)).toEqual({
        applied: ['consensus'],
        skipped: [],
      });
    });
    expect(one.scenarios[1]).toBe(workspace.scenarios[1]);
    const all = produce(workspace, (ws) => {
      expect(applyStructureOpToWorkspace(ws, { op: 'addMember', parentPath: ['region'], name: 'Oceania' }, true)).toEqual({
        applied: ['consensus', 'narrow'],
        skipped: [],
      });
    });
    expect(all.scenarios.map((s) => findMember(s.model, ['region', 'oceania'])?.name)).toEqual(['Oceania', 'Oceania']);
    expect(problemsOf(all)).toBeUndefined();
  });

  it('skips, and names, a scenario that lacks the target or refuses the edit; gives one id everywhere', () => {
    const workspace = seedWorkspace();
    workspace.scenarios[1]!.model.dimensions[2]!.members.splice(1, 1); // narrow: no Europe
    const northAmerica = workspace.scenarios[1]!.model.dimensions[2]!.members[0]!.share;
    northAmerica.value = 0.7;
    delete northAmerica.range; // the seed's range is around 40%
    // The narrow scenario already has a member called "oceania" under another name: the new id avoids it.
    workspace.scenarios[1]!.model.dimensions[0]!.members.push({ id: 'cloud', name: 'Cloud', share: { value: 0 } });
    const after = produce(workspace, (ws) => {
      const outcome = applyStructureOpToWorkspace(ws, { op: 'addMember', parentPath: ['region', 'europe'], name: 'Spain' }, true);
      expect(outcome).toEqual({
        applied: ['consensus'],
        skipped: [{ scenarioId: 'narrow', scenarioName: 'Narrow definition ($6 B by 2028)', reason: 'it has no Region › Europe' }],
      });
      const dup = applyStructureOpToWorkspace(ws, { op: 'addMember', parentPath: ['type'], name: 'cloud' }, true);
      expect(dup.applied).toEqual(['consensus']);
      expect(dup.skipped[0]!.reason).toBe('Product type already has a member called “cloud”');
      const refused = applyStructureOpToWorkspace(ws, { op: 'renameMember', path: ['region', 'na'], name: 'Europe' }, true);
      expect(refused).toEqual({ error: 'Region already has a member called “Europe”', applied: [], skipped: [] });
      const added = applyStructureOpToWorkspace(ws, { op: 'addMember', parentPath: ['application'], name: 'Cloud' }, true);
      expect(added.applied).toEqual(['consensus', 'narrow']);
    });
    expect(findMember(after.scenarios[0]!.model, ['region', 'europe', 'spain'])).toBeDefined();
    expect(after.scenarios[0]!.model.dimensions[0]!.members.map((m) => m.id)).toEqual(['hardware', 'software', 'cloud-2']);
    expect(problemsOf(after)).toBeUndefined();
  });

  it('gives a member an import creates the id its twin has in another scenario, never an id already in the list', () => {
    const workspace = workspaceOf(
      buildModel({ dimensions: [dimension('d', [member('a', 1)])] }),
      buildModel({ dimensions: [dimension('d', [member('a', 0.5), { id: 'b-elsewhere', name: 'B', share: { value: 0.5 } }])] }),
    );
    const after = produce(workspace, (ws) => {
      const outcome = applyStructureOpToWorkspace(
        ws,
        { op: 'setShares', lists: [{ parentPath: ['d'], entries: [{ id: 'a', name: 'a', share: 0.5 }, { id: 'b', name: 'b', share: 0.5, create: true }] }] },
        true,
      );
      expect(outcome).toEqual({ applied: ['s0', 's1'], skipped: [] });
    });
    expect(after.scenarios.map((s) => s.model.dimensions[0]!.members.map((m) => m.id))).toEqual([
      ['a', 'b-elsewhere'],
      ['a', 'b-elsewhere'],
    ]);
    // An entry that would repeat a member is refused, not merged.
    const model = buildModel({ dimensions: [dimension('d', [member('a', 1)])] });
    expect(setListShares(model, ['d'], [{ id: 'a', name: 'a', share: 0.5 }, { id: 'a', name: 'A', share: 0.5 }])).toBe('“A” is given twice for d');
  });

  it('converts size claims when every scenario changes unit with them', () => {
    const workspace = seedWorkspace();
    const after = produce(workspace, (ws) => {
      applyStructureOpToWorkspace(ws, { op: 'setUnit', unit: 'USD m', convert: true }, true);
    });
    expect(after.scenarios.map((s) => s.model.baseSize.value)).toEqual([17180, 1620]);
    expect(after.claims.find((c) => c.id === 'size-2028-over-20')!.value).toBe(20_000);
    expect(after.claims.find((c) => c.id === 'cagr-headline')!.value).toBe(0.052);
    let outcome: ReturnType<typeof applyStructureOpToWorkspace> | undefined;
    const converted = produce(workspace, (ws) => {
      outcome = applyStructureOpToWorkspace(ws, { op: 'setUnit', unit: 'USD m', convert: true }, true);
    });
    expect(converted.claims).not.toBe(workspace.claims);
    expect(outcome!.claimsNote).toBeUndefined();
  });

  it('refuses a unit for the scenario on screen alone while another scenario counts in another, changing nothing', () => {
    // The claims and Compare read every scenario in one unit: "over $20 B" checked in USD m read "$20 M", and was met.
    const workspace = seedWorkspace();
    for (const edit of [{ unit: 'USD m', convert: true }, { unit: 'EUR bn', convert: false }]) {
      let outcome: ReturnType<typeof applyStructureOpToWorkspace> | undefined;
      const after = produce(workspace, (ws) => {
        outcome = applyStructureOpToWorkspace(ws, { op: 'setUnit', ...edit }, false);
      });
      expect(after).toBe(workspace);
      expect(outcome!.error).toBe(
        `“Narrow definition ($6 B by 2028)” counts in USD bn: every scenario of a workspace counts in one unit, since the claims and Compare read them together. Tick “Apply structure edits to all 2 scenarios” to set ${edit.unit} for every one.`,
      );
    }
    // The unit's own faults come first; the unit the others count in already is fine.
    let outcome: ReturnType<typeof applyStructureOpToWorkspace> | undefined;
    produce(workspace, (ws) => {
      outcome = applyStructureOpToWorkspace(ws, { op: 'setUnit', unit: '  ', convert: true }, false);
    });
    expect(outcome!.error).toMatch(/^The unit needs a name/);
    produce(workspace, (ws) => {
      outcome = applyStructureOpToWorkspace(ws, { op: 'setUnit', unit: 'USD bn', convert: false }, false);
    });
    expect(outcome!.error).toBeUndefined();
  });

  it('drops pins of things no scenario has any more', () => {
    const workspace = seedWorkspace();
    workspace.presentation = { pins: [{ kind: 'baseSize' }, { kind: 'memberShare', path: ['region', 'europe'] }, { kind: 'driverImpact', driverId: 'collaboration' }] };
    const onScreenOnly = produce(workspace, (ws) => {
      applyStructureOpToWorkspace(ws, { op: 'removeMember', path: ['region', 'europe'] }, false);
    });
    expect(onScreenOnly.presentation!.pins).toHaveLength(3); // the narrow scenario still has Europe
    const everywhere = produce(workspace, (ws) => {
      applyStructureOpToWorkspace(ws, { op: 'removeMember', path: ['region', 'europe'] }, true);
      applyStructureOpToWorkspace(ws, { op: 'removeDriver', driverId: 'collaboration' }, true);
    });
    expect(everywhere.presentation!.pins).toEqual([{ kind: 'baseSize' }]);
  });
});

describe('compare with members in one scenario only', () => {
  it('evaluates, diffs and bridges scenarios whose structures differ after edits on one of them', () => {
    const workspace = produce(seedWorkspace(), (ws) => {
      ws.scenarios.push({ ...structuredClone(seedWorkspace().scenarios[0]!), id: 'edited', name: 'Edited' });
      ws.activeScenario = 'edited';
      applyStructureOpToWorkspace(ws, { op: 'addMember', parentPath: ['region'], name: 'Oceania', share: 0.1 }, false);
      applyStructureOpToWorkspace(ws, { op: 'removeMember', path: ['region', 'europe', 'ru'] }, false);
      applyStructureOpToWorkspace(ws, { op: 'addDimension', name: 'Channel', members: ['Direct', 'Partners'] }, false);
      applyStructureOpToWorkspace(ws, { op: 'addDriver', name: 'Generative AI', impact: 0.01 }, false);
    });
    expect(problemsOf(workspace)).toBeUndefined();
    const [consensus, , edited] = workspace.scenarios;
    const result = compareScenarios({ scenarios: [consensus!, edited!], claims: workspace.claims, bridge: { from: 'consensus', to: 'edited' } });
    const consensusForecast = result.results.consensus!.forecast;
    const editedForecast = result.results.edited!.forecast;
    expect(seriesIndex(consensusForecast.layout, 'region/oceania')).toBe(-1);
    expect(seriesIndex(editedForecast.layout, 'region/oceania')).toBeGreaterThanOrEqual(0);
    expect(seriesIndex(editedForecast.layout, 'region/europe/ru')).toBe(-1);
    // The bridge explains the whole difference: the new driver is a step of its own.
    const steps = result.bridge!.steps;
    expect(steps.find((s) => s.id === 'driver:generative-ai')!.change).toBe('added');
    expect(steps.reduce((total, s) => total + s.delta, 0)).toBeCloseTo(result.bridge!.toTotal - result.bridge!.fromTotal, 9);
    const diff = diffAssumptions([consensus!, edited!]);
    const oceania = diff.find((row) => row.key === 'share:region/oceania:value')!;
    expect(oceania.values).toEqual([undefined, 0.1]);
    const russia = diff.find((row) => row.key === 'share:region/europe/ru:value')!;
    expect(russia.values[1]).toBeUndefined();
    expect(diff.find((row) => row.key === 'share:channel/direct:value')!.values).toEqual([undefined, 0.5]);
  });
});

describe('blank workspace', () => {
  it('is one total, no dimensions, five years, USD m, and valid', () => {
    const workspace = blankWorkspace(2026);
    expect(problemsOf(workspace)).toBeUndefined();
    const model = workspace.scenarios[0]!.model;
    expect(workspace.title).toBe('Untitled market');
    expect(model).toMatchObject({ unit: 'USD m', baseYear: 2026, endYear: 2031, drivers: [], dimensions: [] });
    expect(forecast(model).total[5]).toBe(100);
  });
});

// ——— Properties —————————————————————————————————————————————————————————————————————————————————

/** Names that collide often (case, spacing), with the odd hostile one. */
const names = fc.oneof(
  fc.constantFrom('North', 'north ', 'South', 'Other', 'A/B', '__proto__', '  ', '', 'Ünïcode', '<b>x</b>'),
  fc.string({ minLength: 0, maxLength: 12 }),
);

/**
 * An operation drawn blind: which thing it targets is an index resolved against the model at the
 * time it runs, so a sequence stays meaningful as the model changes.
 */
const opSeed = fc.record({
  kind: fc.constantFrom(
    'addDimension',
    'renameDimension',
    'moveDimension',
    'removeDimension',
    'addMember',
    'renameMember',
    'moveMember',
    'removeMember',
    'addChildren',
    'removeChildren',
    'addDriver',
    'renameDriver',
    'moveDriver',
    'removeDriver',
    'setYears',
    'setUnit',
    'setQuantityText',
    'setShares',
  ),
  pick: fc.nat(),
  offset: fc.integer({ min: -3, max: 3 }),
  name: names,
  names: fc.array(names, { minLength: 0, maxLength: 4 }),
  share: fc.option(fc.double({ min: -0.1, max: 1.1, noNaN: true }), { nil: undefined }),
  locks: fc.array(fc.boolean(), { maxLength: 8 }),
  years: fc.tuple(fc.integer({ min: 1890, max: 2210 }), fc.integer({ min: -5, max: 60 })),
  convert: fc.boolean(),
  weights: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 6 }),
});
type OpSeed = typeof opSeed extends fc.Arbitrary<infer T> ? T : never;

function memberPathsOf(model: Model): string[][] {
  const paths: string[][] = [];
  const visit = (members: readonly Member[], prefix: string[]) => {
    for (const m of members) {
      const path = [...prefix, m.id];
      paths.push(path);
      if (m.children) visit(m.children, path);
    }
  };
  for (const d of model.dimensions) visit(d.members, [d.id]);
  return paths;
}

function listAt(model: Model, parentPath: readonly string[]): Member[] {
  if (parentPath.length === 1) return model.dimensions.find((d) => d.id === parentPath[0])?.members ?? [];
  return findMember(model, parentPath)?.children ?? [];
}

function opFrom(model: Model, seed: OpSeed): StructureOp | undefined {
  const paths = memberPathsOf(model);
  const path = paths.length > 0 ? paths[seed.pick % paths.length]! : undefined;
  const dimension = model.dimensions.length > 0 ? model.dimensions[seed.pick % model.dimensions.length]! : undefined;
  const driver = model.drivers.length > 0 ? model.drivers[seed.pick % model.drivers.length]! : undefined;
  const parents = [...model.dimensions.map((d) => [d.id]), ...paths];
  const parentPath = parents.length > 0 ? parents[seed.pick % parents.length]! : undefined;
  const lockedIn = (list: readonly Member[]) => list.filter((_, i) => seed.locks[i]).map((m) => m.id);
  switch (seed.kind) {
    case 'addDimension':
      return { op: 'addDimension', name: seed.name, members: seed.names };
    case 'renameDimension':
      return dimension && { op: 'renameDimension', dimensionId: dimension.id, name: seed.name };
    case 'moveDimension':
      return dimension && { op: 'moveDimension', dimensionId: dimension.id, offset: seed.offset };
    case 'removeDimension':
      return dimension && { op: 'removeDimension', dimensionId: dimension.id };
    case 'addMember':
      return (
        parentPath && {
          op: 'addMember',
          parentPath,
          name: seed.name,
          ...(seed.share === undefined ? {} : { share: seed.share }),
          locked: lockedIn(listAt(model, parentPath)),
        }
      );
    case 'renameMember':
      return path && { op: 'renameMember', path, name: seed.name };
    case 'moveMember':
      return path && { op: 'moveMember', path, offset: seed.offset };
    case 'removeMember':
      return path && { op: 'removeMember', path, locked: lockedIn(listAt(model, path.slice(0, -1))) };
    case 'addChildren':
      return path && { op: 'addChildren', path, names: seed.names };
    case 'removeChildren':
      return path && { op: 'removeChildren', path };
    case 'addDriver':
      return { op: 'addDriver', name: seed.name, ...(seed.share === undefined ? {} : { impact: seed.share - 0.5 }) };
    case 'renameDriver':
      return driver && { op: 'renameDriver', driverId: driver.id, name: seed.name };
    case 'moveDriver':
      return driver && { op: 'moveDriver', driverId: driver.id, offset: seed.offset };
    case 'removeDriver':
      return driver && { op: 'removeDriver', driverId: driver.id };
    case 'setYears':
      return { op: 'setYears', baseYear: seed.years[0], endYear: seed.years[0] + seed.years[1] };
    case 'setUnit':
      return { op: 'setUnit', unit: seed.convert ? 'USD m' : seed.name, convert: seed.convert };
    case 'setQuantityText': {
      const refs = [
        { kind: 'baseSize' as const },
        ...(driver ? [{ kind: 'driverImpact' as const, driverId: driver.id }] : []),
        ...(path ? [{ kind: 'memberShare' as const, path }, { kind: 'memberGrowthDelta' as const, path }] : []),
      ];
      return { op: 'setQuantityText', ref: refs[seed.pick % refs.length]!, text: { source: seed.name, note: seed.names.join(' ') } };
    }
    case 'setShares': {
      if (!parentPath) return undefined;
      const list = listAt(model, parentPath);
      // Weights for the first members of the list, and with `convert` one for a member to create.
      const existing = list.slice(0, seed.weights.length).map((m, i) => ({ id: m.id, name: m.name, weight: seed.weights[i]! }));
      const created = seed.convert ? [{ id: `new-${seed.pick % 7}`, name: seed.name, weight: seed.weights.at(-1)!, create: true }] : [];
      const rows = [...existing, ...created];
      const total = rows.reduce((a, r) => a + r.weight, 0);
      if (total === 0) return undefined;
      const entries = rows.map(({ weight, ...entry }) => ({ ...entry, share: weight / total }));
      const others = entries.slice(0, -1).reduce((a, e) => a + e.share, 0);
      entries[entries.length - 1]!.share = Math.max(0, 1 - others);
      return { op: 'setShares', lists: [{ parentPath, entries }] };
    }
  }
}

describe('properties', () => {
  it('any sequence of operations leaves a model the file accepts, every list summing to 1; a refused one changes nothing', { timeout: 60_000 }, () => {
    assertProperty(
      fc.property(arbitraryModel({ maxYears: 20, maxMembers: 4, maxDepth: 2, maxDrivers: 3, maxDimensions: 3 }), fc.array(opSeed, { maxLength: 25 }), (start, seeds) => {
        let model = structuredClone(start);
        for (const seed of seeds) {
          const op = opFrom(model, seed);
          if (!op) continue;
          let result: string | undefined;
          const after = produce(model, (draft) => {
            result = applyStructureOp(draft, op);
          });
          if (result !== undefined) {
            expect(after).toBe(model);
            expect(result.length).toBeGreaterThan(0);
          }
          model = after;
          const problem = problemsOf(workspaceOf(model));
          if (problem) throw new Error(`${JSON.stringify(op)} → ${problem}`);
          for (const list of allLists(model)) expect(Math.abs(sum(list) - 1)).toBeLessThan(1e-9);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('applied to every scenario of a random workspace, the workspace still saves and opens', { timeout: 60_000 }, () => {
    assertProperty(
      fc.property(
        arbitraryWorkspace({ maxScenarios: 3, maxYears: 15, maxMembers: 4, maxDepth: 1, maxDrivers: 3, maxDimensions: 2, maxClaims: 3 }),
        fc.array(fc.tuple(opSeed, fc.boolean()), { maxLength: 15 }),
        (start, steps) => {
          let workspace = start;
          for (const [seed, all] of steps) {
            const active = workspace.scenarios.find((s) => s.id === workspace.activeScenario)!;
            const op = opFrom(active.model, seed);
            if (!op) continue;
            workspace = produce(workspace, (ws) => {
              const outcome = applyStructureOpToWorkspace(ws, op, all);
              if (outcome.error === undefined) expect(outcome.applied.length + outcome.skipped.length).toBe(all ? ws.scenarios.length : 1);
            });
            const problem = problemsOf(workspace);
            if (problem) throw new Error(`${JSON.stringify(op)} → ${problem}`);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
