/**
 * The edits a user makes to a model, as immer recipes on a draft `Model`. They are pure functions
 * of plain data so the store, undo, and tests all share one definition of each edit.
 */
import type { Driver, Model, SimulationSettings } from '../model/types';
import { WORKSPACE_LIMITS } from './workspaceLimits';
import { rangePushedTo, rangeWithEnd, type Distribution, type RangeEnd } from '../model/quantity';
import {
  editableQuantity,
  findMember,
  findMemberList,
  getQuantity,
  quantityBounds,
  quantityKind,
  type QuantityRef,
} from '../model/quantityRef';
import { rebalanceShares } from '../model/rebalanceShares';
import { defaultRange } from '../model/seedRanges';
import { writeRebalancedShares } from '../model/structureOps';

/**
 * Sets a quantity's value. A range, if any, widens to keep `low ≤ value ≤ high`, so an edit can
 * never make the model invalid. Shares go through `setMemberShare` (they move their siblings).
 */
export function setQuantityValue(model: Model, ref: QuantityRef, value: number): void {
  const quantity = editableQuantity(model, ref);
  if (!quantity) return;
  quantity.value = value;
  if (quantity.range) quantity.range = rangePushedTo(quantity.range, value);
}

/**
 * Sets a member's share and rebalances its unlocked siblings (DESIGN.md §3). The member's range
 * widens to keep its value; each sibling's range moves with its value (`carryShareRange`).
 */
export function setMemberShare(model: Model, path: readonly string[], share: number, locked: readonly boolean[]): void {
  const found = findMemberList(model, path);
  if (!found) return;
  const { list, index } = found;
  writeRebalancedShares(list, rebalanceShares(list.map((m) => m.share.value), locked, index, share).shares, index);
}

/**
 * Sets any quantity as its slider does: a share rebalances its unlocked siblings (`locked`: one
 * flag per member of its list, as `rebalanceShares` takes), anything else is set alone.
 */
export function setQuantity(model: Model, ref: QuantityRef, value: number, locked: readonly boolean[]): void {
  if (ref.kind === 'memberShare') setMemberShare(model, ref.path, value, locked);
  else setQuantityValue(model, ref, value);
}

/**
 * Sets several quantities at once, in order, each as its slider does (an analysis's answer
 * applied: goal seek's one value, calibration's few). `isLocked(path)` says which shares stay put.
 */
export function setQuantities(model: Model, values: readonly { ref: QuantityRef; value: number }[], isLocked: (path: readonly string[]) => boolean): void {
  for (const { ref, value } of values) {
    const list = ref.kind === 'memberShare' ? findMemberList(model, ref.path)?.list : undefined;
    const parent = ref.kind === 'memberShare' ? ref.path.slice(0, -1) : [];
    setQuantity(model, ref, value, (list ?? []).map((member) => isLocked([...parent, member.id])));
  }
}

/**
 * Sets one end of a quantity's range (a handle dragged, a number box typed), kept within the
 * bounds of its kind (a share's within [0, 1]) and stopped at the value: a low end never passes
 * above the value, a high end never below it. A quantity with no range is left alone.
 */
export function setRangeEnd(model: Model, ref: QuantityRef, end: RangeEnd, to: number): void {
  const quantity = editableQuantity(model, ref);
  if (!quantity?.range || !Number.isFinite(to)) return;
  const { min, max } = quantityBounds(quantityKind(ref));
  quantity.range = rangeWithEnd(quantity.range, quantity.value, end, Math.min(max, Math.max(min, to)));
}

/** Sets how a quantity's value is drawn within its range (DESIGN.md §3). */
export function setRangeDist(model: Model, ref: QuantityRef, dist: Distribution): void {
  const quantity = editableQuantity(model, ref);
  if (quantity?.range) quantity.range.dist = dist;
}

/** Gives a quantity with no range the seed's range for its kind (`defaultRange`). */
export function addRange(model: Model, ref: QuantityRef): void {
  const quantity = editableQuantity(model, ref);
  if (quantity && !quantity.range) quantity.range = defaultRange(ref, quantity.value);
}

/** Takes a quantity's range away: it is fixed at its value again. */
export function clearRange(model: Model, ref: QuantityRef): void {
  const quantity = getQuantity(model, ref);
  if (quantity?.range) delete quantity.range;
}

/** Restores a quantity's value (and range) from the scenario as it was opened or last saved. */
export function resetQuantity(model: Model, baseline: Model, ref: QuantityRef): void {
  const saved = getQuantity(baseline, ref);
  if (ref.kind === 'memberShare') {
    // Shares reset as a whole list: restoring one share alone would break the sum of 1.
    const found = findMemberList(model, ref.path);
    const savedList = findMemberList(baseline, ref.path)?.list;
    if (!found || !savedList) return;
    for (const member of found.list) {
      const before = savedList.find((m) => m.id === member.id);
      if (before) member.share = structuredClone(before.share);
    }
    return;
  }
  if (ref.kind === 'memberGrowthDelta' && !saved && findMember(baseline, ref.path)) {
    // The saved member had no premium (the default, 0): take the one set since away again.
    const member = findMember(model, ref.path);
    if (member) delete member.growthDelta;
    return;
  }
  const quantity = getQuantity(model, ref);
  if (!quantity || !saved) return;
  quantity.value = saved.value;
  if (saved.range) quantity.range = { ...saved.range };
  else delete quantity.range;
}

export type DriverTiming = Partial<Pick<Driver, 'enabled' | 'startYear' | 'rampYears'>>;

export function setDriverTiming(model: Model, driverId: string, timing: DriverTiming): void {
  const driver = model.drivers.find((d) => d.id === driverId);
  if (!driver) return;
  Object.assign(driver, timing);
  // Switching a driver back on restores the default rather than writing it out: the model (and
  // the file) then equals the one before, and nothing shows as unsaved.
  if (driver.enabled === true) delete driver.enabled;
}

/**
 * Sets the simulation's samples and/or seed (DESIGN.md §3 "Uncertainty"). A value the file format
 * does not allow (not a whole number, samples outside 1…1,000,000, a seed outside 0…2^32 − 1) is
 * ignored, so the edit can never make the model invalid; the app's setting names such values.
 */
export function setSimulationSettings(model: Model, settings: Partial<SimulationSettings>): void {
  const { samples, seed } = settings;
  if (samples !== undefined && Number.isInteger(samples) && samples >= 1 && samples <= WORKSPACE_LIMITS.simulationSamples) {
    model.simulation.samples = samples;
  }
  if (seed !== undefined && Number.isInteger(seed) && seed >= 0 && seed <= WORKSPACE_LIMITS.largestSeed) model.simulation.seed = seed;
}
