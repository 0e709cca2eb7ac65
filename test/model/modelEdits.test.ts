/**
 * The edits a user makes, as immer recipes, applied to the seed's model with `produce`: what each
 * edit changes, what it must keep, and that the model stays one the file format accepts.
 */
import { produce } from 'immer';
import { driverEnabled } from '../../src/model/defaults';
import { describe, expect, it } from 'vitest';
import type { Model } from '../../src/model/types';
import type { QuantityRef } from '../../src/model/quantityRef';
import { getQuantity } from '../../src/model/quantityRef';
import { resetQuantity, setDriverTiming, setMemberShare, setQuantities, setQuantityValue, setSimulationSettings } from '../../src/model/modelEdits';
import { fileProblems, seedModel, shareOf, siblingsOf, sumOfShares, workspaceOf } from '../state/storeFactories';

const REGIONS = ['na', 'europe', 'apac', 'latam', 'mea'] as const;
const region = (id: string) => ['region', id];
const noLocks: boolean[] = [];

function regionShares(model: Model): number[] {
  return siblingsOf(model, region('na')).map((m) => m.share.value);
}

/** The seed's model with Germany's growth premium taken away (the seed gives every member one). */
function withoutGermanPremium(): Model {
  return produce(seedModel(), (m) => {
    delete siblingsOf(m, ['region', 'europe', 'de'])[0]!.growthDelta;
  });
}

function expectValid(model: Model): void {
  expect(fileProblems(workspaceOf(model))).toEqual([]);
}

describe('setQuantityValue', () => {
  it('sets a value inside its range and leaves the range alone', () => {
    const before = seedModel();
    const after = produce(before, (m) => setQuantityValue(m, { kind: 'baseSize' }, 18));
    expect(after.baseSize).toEqual({ ...before.baseSize, value: 18 });
  });

  it('widens the range upward for a value above it, keeping low ≤ value ≤ high', () => {
    const before = seedModel();
    const after = produce(before, (m) => setQuantityValue(m, { kind: 'baseSize' }, 25));
    expect(after.baseSize.value).toBe(25);
    expect(after.baseSize.range).toEqual({ low: before.baseSize.range!.low, high: 25, dist: 'triangular' });
    expectValid(after);
  });

  it('widens the range downward for a value below it', () => {
    const ref: QuantityRef = { kind: 'driverImpact', driverId: 'ai-advances' };
    const before = seedModel();
    const after = produce(before, (m) => setQuantityValue(m, ref, -0.01));
    expect(getQuantity(after, ref)).toMatchObject({ value: -0.01, range: { low: -0.01, high: getQuantity(before, ref)!.range!.high } });
    expectValid(after);
  });

  it('adds no range to a quantity that has none', () => {
    const ref: QuantityRef = { kind: 'memberGrowthDelta', path: ['region', 'europe', 'de'] };
    const after = produce(withoutGermanPremium(), (m) => setQuantityValue(m, ref, 0.02));
    expect(getQuantity(after, ref)).toEqual({ value: 0.02 });
  });

  it('creates a growth premium for a member that has none', () => {
    const before = withoutGermanPremium();
    expect(siblingsOf(before, ['region', 'europe', 'de'])[0]!.growthDelta).toBeUndefined();
    const after = produce(before, (m) => setQuantityValue(m, { kind: 'memberGrowthDelta', path: ['region', 'europe', 'de'] }, 0.02));
    const germany = siblingsOf(after, ['region', 'europe', 'de']).find((c) => c.id === 'de')!;
    expect(germany.growthDelta).toEqual({ value: 0.02 });
    expectValid(after);
  });

  it('changes only the path to the quantity (immer shares every other branch)', () => {
    const before = seedModel();
    const after = produce(before, (m) => setQuantityValue(m, { kind: 'baseGrowth' }, 0.01));
    expect(after).not.toBe(before);
    expect(after.baseSize).toBe(before.baseSize);
    expect(after.drivers).toBe(before.drivers);
    expect(after.dimensions).toBe(before.dimensions);
  });

  it('does nothing for a quantity the model does not have', () => {
    const before = seedModel();
    expect(produce(before, (m) => setQuantityValue(m, { kind: 'driverImpact', driverId: 'no-such-driver' }, 0.1))).toBe(before);
    expect(produce(before, (m) => setQuantityValue(m, { kind: 'memberGrowthDelta', path: ['region', 'atlantis'] }, 0.1))).toBe(before);
  });
});

describe('setMemberShare', () => {
  it('sets the share and splits the rest over its siblings in proportion, summing to 1', () => {
    const before = seedModel();
    const after = produce(before, (m) => setMemberShare(m, region('europe'), 0.5, noLocks));
    expect(shareOf(after, region('europe'))).toBe(0.5);
    // The other four held 0.7; they now hold 0.5, each in the same proportion as before.
    for (const id of ['na', 'apac', 'latam', 'mea']) {
      expect(shareOf(after, region(id))).toBeCloseTo((shareOf(before, region(id)) * 0.5) / 0.7, 12);
    }
    expect(sumOfShares(siblingsOf(after, region('na')))).toBeCloseTo(1, 12);
    expectValid(after);
  });

  it('never moves a locked member, and clamps to what the locked members leave', () => {
    const locked = REGIONS.map((id) => id === 'na' || id === 'mea');
    const after = produce(seedModel(), (m) => setMemberShare(m, region('europe'), 0.9, locked));
    expect(shareOf(after, region('na'))).toBe(0.4);
    expect(shareOf(after, region('mea'))).toBe(0.04);
    expect(shareOf(after, region('europe'))).toBeCloseTo(0.56, 12);
    expect(shareOf(after, region('apac'))).toBe(0);
    expect(shareOf(after, region('latam'))).toBe(0);
    expect(sumOfShares(siblingsOf(after, region('na')))).toBeCloseTo(1, 12);
    expectValid(after);
  });

  it('keeps the sum at 1 and locked members fixed over a long run of moves', () => {
    let model = seedModel();
    const locked = REGIONS.map((id) => id === 'apac');
    const targets = [0.9, 0, 0.33, 1, 0.5, 0.123, -0.2, 1.4, 0.07];
    targets.forEach((target, i) => {
      const path = region(REGIONS[i % 2 === 0 ? 0 : 1]);
      model = produce(model, (m) => setMemberShare(m, path, target, locked));
      expect(shareOf(model, region('apac'))).toBe(0.2);
      expect(Math.abs(sumOfShares(siblingsOf(model, region('na'))) - 1)).toBeLessThan(1e-12);
      for (const share of regionShares(model)) expect(share).toBeGreaterThanOrEqual(0);
    });
    expectValid(model);
  });

  it('rebalances a nested list (countries of a region) and leaves the regions alone', () => {
    const before = seedModel();
    const after = produce(before, (m) => setMemberShare(m, ['region', 'apac', 'cn'], 0.6, noLocks));
    expect(shareOf(after, ['region', 'apac', 'cn'])).toBe(0.6);
    expect(sumOfShares(siblingsOf(after, ['region', 'apac', 'cn']))).toBeCloseTo(1, 12);
    expect(regionShares(after)).toEqual(regionShares(before));
    expectValid(after);
  });

  it('widens the ranges of the shares it moves', () => {
    const after = produce(seedModel(), (m) => setMemberShare(m, ['application', 'oncology'], 0.6, noLocks));
    const oncology = siblingsOf(after, ['application', 'oncology']).find((a) => a.id === 'oncology')!;
    expect(oncology.share.range).toMatchObject({ low: siblingsOf(seedModel(), ['application', 'oncology'])[3]!.share.range!.low, high: 0.6 });
    for (const other of siblingsOf(after, ['application', 'oncology'])) {
      const { value, range } = other.share;
      expect(range!.low).toBeLessThanOrEqual(value);
      expect(value).toBeLessThanOrEqual(range!.high);
    }
    expectValid(after);
  });

  it('does nothing for a path the model does not have', () => {
    const before = seedModel();
    expect(produce(before, (m) => setMemberShare(m, ['region', 'atlantis'], 0.5, noLocks))).toBe(before);
  });
});

describe('resetQuantity', () => {
  it('restores a value and its range as saved', () => {
    const baseline = seedModel();
    const edited = produce(baseline, (m) => setQuantityValue(m, { kind: 'baseSize' }, 40));
    const reset = produce(edited, (m) => resetQuantity(m, baseline, { kind: 'baseSize' }));
    expect(reset.baseSize).toEqual(baseline.baseSize);
  });

  it('restores the whole list of a share, so the shares still sum to 1', () => {
    const baseline = seedModel();
    let edited = produce(baseline, (m) => setMemberShare(m, region('europe'), 0.5, noLocks));
    edited = produce(edited, (m) => setMemberShare(m, region('na'), 0.2, noLocks));
    // Resetting Asia-Pacific alone would break the sum: every region comes back.
    const reset = produce(edited, (m) => resetQuantity(m, baseline, { kind: 'memberShare', path: region('apac') }));
    expect(siblingsOf(reset, region('na'))).toEqual(siblingsOf(baseline, region('na')));
    expectValid(reset);
  });

  it('restores the shares of one list and leaves other lists as edited', () => {
    const baseline = seedModel();
    let edited = produce(baseline, (m) => setMemberShare(m, region('europe'), 0.5, noLocks));
    edited = produce(edited, (m) => setMemberShare(m, ['type', 'software'], 0.8, noLocks));
    const reset = produce(edited, (m) => resetQuantity(m, baseline, { kind: 'memberShare', path: region('europe') }));
    expect(shareOf(reset, ['type', 'software'])).toBe(0.8);
  });

  it('takes a growth premium the saved model never had back to none (the default, 0)', () => {
    const baseline = seedModel();
    const ref: QuantityRef = { kind: 'memberGrowthDelta', path: ['region', 'europe', 'de'] };
    const edited = produce(baseline, (m) => setQuantityValue(m, ref, 0.03));
    const reset = produce(edited, (m) => resetQuantity(m, baseline, ref));
    expect(getQuantity(reset, ref)?.value ?? 0).toBe(0);
    expect(reset).toEqual(baseline);
  });

  it('removes a range the saved quantity did not have', () => {
    const baseline = produce(seedModel(), (m) => {
      delete m.baseGrowth.range;
    });
    const edited = produce(baseline, (m) => {
      m.baseGrowth.value = 0.02;
      m.baseGrowth.range = { low: 0, high: 0.04, dist: 'uniform' };
    });
    const reset = produce(edited, (m) => resetQuantity(m, baseline, { kind: 'baseGrowth' }));
    expect(reset.baseGrowth).toEqual(baseline.baseGrowth);
  });
});

describe('setDriverTiming', () => {
  it('switches a driver off and on', () => {
    const off = produce(seedModel(), (m) => setDriverTiming(m, 'ai-advances', { enabled: false }));
    expect(off.drivers.find((d) => d.id === 'ai-advances')!.enabled).toBe(false);
    const on = produce(off, (m) => setDriverTiming(m, 'ai-advances', { enabled: true }));
    expect(driverEnabled(on.drivers.find((d) => d.id === 'ai-advances')!)).toBe(true);
    // Back on is the default again, not a field written out: the model equals the one before.
    expect(on).toEqual(seedModel());
  });

  it('sets the start year and the ramp, and touches no other driver', () => {
    const before = seedModel();
    const after = produce(before, (m) => setDriverTiming(m, 'cloud-analytics', { startYear: 2028, rampYears: 3 }));
    const cloud = after.drivers.find((d) => d.id === 'cloud-analytics')!;
    expect(cloud).toMatchObject({ startYear: 2028, rampYears: 3 });
    after.drivers.forEach((d, i) => {
      if (d.id !== 'cloud-analytics') expect(d).toBe(before.drivers[i]);
    });
    expectValid(after);
  });

  it('does nothing for a driver the model does not have', () => {
    const before = seedModel();
    expect(produce(before, (m) => setDriverTiming(m, 'no-such-driver', { enabled: false }))).toBe(before);
  });
});

describe('setSimulationSettings', () => {
  it('sets the samples and the seed', () => {
    const model = produce(seedModel(), (draft) => setSimulationSettings(draft, { samples: 50_000, seed: 4_294_967_295 }));
    expect(model.simulation).toEqual({ samples: 50_000, seed: 4_294_967_295 });
    expect(produce(model, (draft) => setSimulationSettings(draft, { seed: 0 })).simulation).toEqual({ samples: 50_000, seed: 0 });
  });

  it('ignores values the file format does not allow, so the model stays valid', () => {
    const model = seedModel();
    for (const settings of [{ samples: 0 }, { samples: 1_000_001 }, { samples: 2.5 }, { samples: NaN }, { seed: -1 }, { seed: 2 ** 32 }, { seed: 0.5 }]) {
      expect(produce(model, (draft) => setSimulationSettings(draft, settings))).toBe(model);
    }
  });
});

describe('setQuantities (an analysis’s answer applied)', () => {
  it('sets each quantity as its slider does: a share moves its unlocked siblings, a locked one stays', () => {
    const before = seedModel();
    const locked = (path: readonly string[]) => path.join('/') === 'region/apac';
    const after = produce(before, (draft) =>
      setQuantities(
        draft,
        [
          { ref: { kind: 'baseGrowth' }, value: 0.07 },
          { ref: { kind: 'memberShare', path: region('europe') }, value: 0.35 },
        ],
        locked,
      ),
    );
    expect(after.baseGrowth.value).toBe(0.07);
    expect(shareOf(after, region('europe'))).toBeCloseTo(0.35, 12);
    expect(shareOf(after, region('apac'))).toBe(shareOf(before, region('apac')));
    expect(shareOf(after, region('na'))).toBeLessThan(shareOf(before, region('na')));
    expect(sumOfShares(siblingsOf(after, region('na')))).toBeCloseTo(1, 12);
    expect(fileProblems(workspaceOf(after))).toEqual([]);
  });
});
