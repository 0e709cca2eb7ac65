/**
 * Range edits (issue 10): an end set by a handle or a number box, the distribution, adding and
 * clearing a range, and a share's range carried along by its siblings' rebalancing. Whatever the
 * edits, every range keeps `low ≤ value ≤ high` within its kind's bounds and the model stays one
 * the file format accepts.
 */
import fc from 'fast-check';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { DISTRIBUTIONS, type Range } from '../../src/model/quantity';
import {
  getQuantity,
  quantityBounds,
  quantityKind,
  quantityName,
  quantityRefs,
  rangeEndName,
  type QuantityRef,
} from '../../src/model/quantityRef';
import { addRange, clearRange, setMemberShare, setQuantityValue, setRangeDist, setRangeEnd } from '../../src/model/modelEdits';
import { carryShareRange } from '../../src/model/rebalanceShares';
import { DEFAULT_RANGE_RULES, SEED_RANGES, defaultRange } from '../../src/model/seedRanges';
import type { Model } from '../../src/model/types';
import { fileProblems, seedModel, siblingsOf, workspaceOf } from '../state/storeFactories';
import { assertProperty } from '../support/property';

const TREND: QuantityRef = { kind: 'baseGrowth' };
const AI: QuantityRef = { kind: 'driverImpact', driverId: 'ai-advances' };
const SOFTWARE: QuantityRef = { kind: 'memberShare', path: ['type', 'software'] };
const noLocks: boolean[] = [];

const edit = (model: Model, recipe: (m: Model) => void): Model => produce(model, recipe);
const rangeOfRef = (model: Model, ref: QuantityRef): Range | undefined => getQuantity(model, ref)?.range;

describe('the names of a range’s ends', () => {
  it('are the quantity’s one name with the end: "Trend growth, low", "Region: Europe share, high"', () => {
    const model = seedModel();
    expect(rangeEndName(quantityName(model, TREND), 'low')).toBe('Trend growth, low');
    expect(rangeEndName(quantityName(model, { kind: 'memberShare', path: ['region', 'europe'] }), 'high')).toBe('Region: Europe share, high');
  });
});

describe('setRangeEnd', () => {
  it('sets the low end below the value and the high end above it', () => {
    const model = edit(seedModel(), (m) => {
      m.baseGrowth = { value: 0.05, range: { low: 0.04, high: 0.06, dist: 'pert' } };
      setRangeEnd(m, TREND, 'low', 0.02);
      setRangeEnd(m, TREND, 'high', 0.09);
    });
    expect(model.baseGrowth.range).toEqual({ low: 0.02, high: 0.09, dist: 'pert' });
  });

  it('stops an end at the value: a low end asked above it, or a high end below it, stays on the value', () => {
    const model = edit(seedModel(), (m) => {
      m.baseGrowth = { value: 0.05, range: { low: 0.04, high: 0.06, dist: 'triangular' } };
      setRangeEnd(m, TREND, 'low', 0.07);
      setRangeEnd(m, TREND, 'high', 0.01);
    });
    expect(model.baseGrowth).toMatchObject({ value: 0.05, range: { low: 0.05, high: 0.05 } });
  });

  it('keeps a share’s range within [0, 1]', () => {
    const model = edit(seedModel(), (m) => {
      setRangeEnd(m, SOFTWARE, 'high', 1.4);
      setRangeEnd(m, SOFTWARE, 'low', -0.2);
    });
    expect(rangeOfRef(model, SOFTWARE)).toMatchObject({ low: 0, high: 1 });
    expect(fileProblems(workspaceOf(model))).toEqual([]);
  });

  it('leaves a fixed quantity fixed, and ignores a number that is not finite', () => {
    const fixed = edit(seedModel(), (m) => void delete m.baseGrowth.range);
    expect(edit(fixed, (m) => setRangeEnd(m, TREND, 'low', -0.1))).toBe(fixed);
    const seed = seedModel();
    expect(edit(seed, (m) => setRangeEnd(m, TREND, 'low', Number.NaN))).toBe(seed);
  });
});

describe('setQuantityValue, with a range', () => {
  it('pushes the end the value passes along with it, and leaves the other end where it was', () => {
    const model = edit(seedModel(), (m) => {
      m.baseGrowth = { value: 0.05, range: { low: 0.04, high: 0.06, dist: 'uniform' } };
      setQuantityValue(m, TREND, 0.08);
    });
    expect(model.baseGrowth).toEqual({ value: 0.08, range: { low: 0.04, high: 0.08, dist: 'uniform' } });
  });
});

describe('setRangeDist, addRange and clearRange', () => {
  it('sets the distribution of a range', () => {
    const model = edit(seedModel(), (m) => setRangeDist(m, AI, 'normal'));
    expect(rangeOfRef(model, AI)?.dist).toBe('normal');
  });

  it('clears a range, making the quantity fixed at its value', () => {
    const before = seedModel();
    const model = edit(before, (m) => clearRange(m, AI));
    expect(getQuantity(model, AI)).not.toHaveProperty('range');
    expect(getQuantity(model, AI)?.value).toBe(getQuantity(before, AI)?.value);
  });

  it('adds the seed’s range for the kind of number: a driver ±50%, a share ±20%, the trend ±1 point', () => {
    const model = edit(seedModel(), (m) => {
      clearRange(m, AI);
      clearRange(m, SOFTWARE);
      m.baseGrowth = { value: 0.05 };
      addRange(m, AI);
      addRange(m, SOFTWARE);
      addRange(m, TREND);
    });
    expect(rangeOfRef(model, AI)).toEqual({ low: 0.0075, high: 0.0225, dist: 'triangular' });
    expect(rangeOfRef(model, SOFTWARE)).toEqual({ low: 0.52, high: 0.78, dist: 'triangular' });
    expect(rangeOfRef(model, TREND)).toEqual({ low: 0.04, high: 0.06, dist: 'triangular' });
    expect(DEFAULT_RANGE_RULES.driverImpact).toBe(SEED_RANGES.driverImpact);
  });

  it('adds no range over one that is there', () => {
    const before = seedModel();
    expect(edit(before, (m) => addRange(m, AI))).toBe(before);
  });

  it('keeps a default range within the bounds of its kind (a trend near −100%, a share near 100%)', () => {
    expect(defaultRange(TREND, -0.995).low).toBe(quantityBounds('rate').min);
    expect(defaultRange(SOFTWARE, 0.95).high).toBe(1);
  });
});

describe('carryShareRange', () => {
  it('scales a range with its share: ±20% stays ±20%', () => {
    const carried = carryShareRange({ low: 0.16, high: 0.24, dist: 'pert' }, 0.2, 0.1);
    expect(carried.low).toBeCloseTo(0.08, 12);
    expect(carried.high).toBeCloseTo(0.12, 12);
    expect(carried.dist).toBe('pert');
  });

  it('shifts the range of a share that was 0 by the change', () => {
    expect(carryShareRange({ low: 0, high: 0.1, dist: 'uniform' }, 0, 0.25)).toEqual({ low: 0.25, high: 0.35, dist: 'uniform' });
  });

  it('clips at 100% where scaling would pass it, keeping the value inside', () => {
    expect(carryShareRange({ low: 0.4, high: 0.9, dist: 'triangular' }, 0.6, 0.9)).toEqual({ low: 0.6000000000000001, high: 1, dist: 'triangular' });
  });

  it('moves each rebalanced sibling’s range with it when a share is set', () => {
    const before = seedModel();
    const after = edit(before, (m) => setMemberShare(m, ['region', 'na'], 0.6, noLocks));
    const europeBefore = siblingsOf(before, ['region', 'europe']).find((x) => x.id === 'europe')!.share;
    const europeAfter = siblingsOf(after, ['region', 'europe']).find((x) => x.id === 'europe')!.share;
    const factor = europeAfter.value / europeBefore.value;
    expect(factor).toBeLessThan(1);
    expect(europeAfter.range!.low).toBeCloseTo(europeBefore.range!.low * factor, 12);
    expect(europeAfter.range!.high).toBeCloseTo(europeBefore.range!.high * factor, 12);
  });

  it('keeps every carried range inside [0, 1] around the new share; scaled where that fits', () => {
    const share = fc.double({ min: 0, max: 1, noNaN: true });
    assertProperty(
      fc.property(share, share, share, share, (a, b, c, after) => {
        const [low, before, high] = [a, b, c].sort((x, y) => x - y) as [number, number, number];
        const carried = carryShareRange({ low, high, dist: 'triangular' }, before, after);
        expect(carried.low).toBeGreaterThanOrEqual(0);
        expect(carried.low).toBeLessThanOrEqual(after);
        expect(carried.high).toBeGreaterThanOrEqual(after);
        expect(carried.high).toBeLessThanOrEqual(1);
        const factor = after / before;
        if (before > 0 && Number.isFinite(factor) && high * factor <= 1) {
          expect(carried.low).toBeCloseTo(Math.min(low * factor, after), 12);
          expect(carried.high).toBeCloseTo(Math.max(high * factor, after), 12);
        }
      }),
    );
  });
});

describe('ranges under any sequence of edits', () => {
  /** The seed's quantities, all of them, as the edits' targets. */
  const REFS = quantityRefs(seedModel());
  type Edit =
    | { op: 'value' | 'low' | 'high'; ref: number; at: number }
    | { op: 'dist'; ref: number; dist: (typeof DISTRIBUTIONS)[number] }
    | { op: 'add' | 'clear'; ref: number };
  const refIndex = fc.nat({ max: REFS.length - 1 });
  /** A position on the quantity's slider span, beyond both ends too. */
  const at = fc.double({ min: -0.2, max: 1.2, noNaN: true });
  const anEdit: fc.Arbitrary<Edit> = fc.oneof(
    fc.record({ op: fc.constantFrom('value' as const, 'low' as const, 'high' as const), ref: refIndex, at }),
    fc.record({ op: fc.constant('dist' as const), ref: refIndex, dist: fc.constantFrom(...DISTRIBUTIONS) }),
    fc.record({ op: fc.constantFrom('add' as const, 'clear' as const), ref: refIndex }),
  );

  function apply(model: Model, e: Edit): void {
    const ref = REFS[e.ref]!;
    const kind = quantityKind(ref);
    // A fraction of a share, a rate from −20% to +120%, a size up to 1.2 × 40.
    const number = (x: number) => (kind === 'size' ? Math.max(0, x * 40) : x);
    switch (e.op) {
      case 'value':
        if (ref.kind === 'memberShare') setMemberShare(model, ref.path, number(e.at), noLocks);
        else setQuantityValue(model, ref, number(e.at));
        return;
      case 'low':
      case 'high':
        setRangeEnd(model, ref, e.op, number(e.at));
        return;
      case 'dist':
        setRangeDist(model, ref, e.dist);
        return;
      case 'add':
        addRange(model, ref);
        return;
      case 'clear':
        clearRange(model, ref);
        return;
    }
  }

  it('every range keeps low ≤ value ≤ high within its bounds, and the model saves and opens', () => {
    assertProperty(
      fc.property(fc.array(anEdit, { maxLength: 25 }), (edits) => {
        const model = produce(seedModel(), (m) => edits.forEach((e) => apply(m, e)));
        for (const ref of quantityRefs(model)) {
          const quantity = getQuantity(model, ref)!;
          if (!quantity.range) continue;
          const { min, max } = quantityBounds(quantityKind(ref));
          const { low, high } = quantity.range;
          expect(min).toBeLessThanOrEqual(low);
          expect(low).toBeLessThanOrEqual(quantity.value);
          expect(quantity.value).toBeLessThanOrEqual(high);
          expect(high).toBeLessThanOrEqual(max);
        }
        expect(fileProblems(workspaceOf(model))).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
