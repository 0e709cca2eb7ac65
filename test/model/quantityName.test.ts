/**
 * A quantity's one name (what its slider, number box and buttons are called): unique in a model,
 * even when two lists have a member of the same name.
 */
import { describe, expect, it } from 'vitest';
import { produce } from 'immer';
import { memberListName, memberName, quantityName, type QuantityRef } from '../../src/model/quantityRef';
import { addMember } from '../../src/model/structureOps';
import type { Member, Model } from '../../src/model/types';
import { seedModel } from '../state/storeFactories';

/** Every quantity a model has a slider for. */
function everyRef(model: Model): QuantityRef[] {
  const refs: QuantityRef[] = [{ kind: 'baseSize' }, { kind: 'baseGrowth' }, ...model.drivers.map((d) => ({ kind: 'driverImpact', driverId: d.id }) as const)];
  const walk = (path: string[], members: readonly Member[]) => {
    for (const m of members) {
      refs.push({ kind: 'memberShare', path: [...path, m.id] }, { kind: 'memberGrowthDelta', path: [...path, m.id] });
      if (m.children) walk([...path, m.id], m.children);
    }
  };
  for (const d of model.dimensions) walk([d.id], d.members);
  return refs;
}

const withRegionOthers = produce(seedModel(), (model) => void addMember(model, ['region'], { name: 'Others' }));

describe('quantityName', () => {
  it('names a member’s numbers by their list: the dimension, then each parent', () => {
    const model = seedModel();
    expect(quantityName(model, { kind: 'memberShare', path: ['region', 'europe'] })).toBe('Region: Europe share');
    expect(quantityName(model, { kind: 'memberGrowthDelta', path: ['region', 'europe'] })).toBe('Region: Europe growth premium');
    expect(quantityName(model, { kind: 'memberShare', path: ['region', 'na', 'us'] })).toBe('Region › North America: United States share');
    expect(memberListName(model, ['region', 'na'])).toBe('Region › North America');
  });

  it('names a member itself the same way: by its list, then its own name', () => {
    const model = seedModel();
    expect(memberName(model, ['region', 'europe'])).toBe('Region: Europe');
    expect(memberName(model, ['region', 'na', 'us'])).toBe('Region › North America: United States');
    expect(memberName(model, ['region', 'gone'])).toBe('Region: region/gone');
  });

  it('keeps the names of the market’s own numbers and of drivers', () => {
    const model = seedModel();
    expect(quantityName(model, { kind: 'baseSize' })).toBe('Market size 2025');
    expect(quantityName(model, { kind: 'baseGrowth' })).toBe('Trend growth');
    expect(quantityName(model, { kind: 'driverImpact', driverId: 'ai-advances' })).toBe('Advances in AI algorithms and deep learning');
  });

  it('gives every quantity of the seed its own name, with an “Others” in Application and in Region', () => {
    const names = everyRef(withRegionOthers).map((ref) => quantityName(withRegionOthers, ref));
    expect(names).toContain('Application: Others share');
    expect(names).toContain('Region: Others share');
    expect(new Set(names).size).toBe(names.length);
  });
});
