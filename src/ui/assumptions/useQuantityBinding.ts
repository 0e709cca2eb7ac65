/**
 * One quantity of the active scenario bound to the store: its value and the value it was saved
 * with, its slider's span, its one name, whether it can move now (share locks, a driver switched
 * off), and the edits — a locks-aware setter, a reset, its range's edits and the marks of a drag
 * (one undo step per drag of the value or of either end of the range). The assumptions
 * panel and present mode both draw their sliders from this binding, so a slider means the same
 * thing wherever it is (issue 9: present mode had drifted, and moved locked shares).
 */
import { driverEnabled } from '../../model/defaults';
import type { Distribution, Quantity, RangeEnd } from '../../model/quantity';
import type { Model } from '../../model/types';
import {
  findMemberList,
  getQuantity,
  nameInList,
  quantityKey,
  quantityKind,
  quantityLabel,
  quantityListName,
  quantityScope,
  rangeEndName,
  type QuantityKind,
  type QuantityRef,
} from '../../model/quantityRef';
import {
  addRange,
  clearRange,
  resetQuantity,
  setQuantity,
  setRangeDist,
  setRangeEnd,
} from '../../model/modelEdits';
import { useListLocks } from '../../state/shareLocks';
import { nextHold } from '../../state/resultSlice';
import { useSlidecast } from '../../state/store';
import { activeModelOf } from '../../state/scenarioSelectors';
import { sliderDomain, type SliderDomain } from '../sliderDomain';
import { keyboardStep, type SliderRange } from './QuantitySlider';
import { useModels } from './useModelSelectors';

export interface QuantityBinding {
  ref: QuantityRef;
  /** `quantityKey(ref)`: the edit's key, so a drag is one undo step. */
  key: string;
  kind: QuantityKind;
  unit: string;
  /** The quantity's one name (`quantityName`), unique in the model: every control's name. */
  name: string;
  /** The name within its list ("Europe share"), for a screen that shows the list's heading. */
  label: string;
  /** The list the quantity is in ("Region › Europe"), for a member's numbers. */
  list: string | undefined;
  /** The quantity as it is now; a growth premium never set reads as 0 (DESIGN.md §3). */
  quantity: Quantity;
  /** The same quantity as the scenario was saved; undefined for one added since. */
  saved: Quantity | undefined;
  value: number;
  domain: SliderDomain;
  /** The value differs from the saved one (or there is no saved one). */
  changed: boolean;
  /** It cannot move now, and why (a lock, a driver switched off). */
  disabled: boolean;
  disabledReason: string | undefined;
  /** A share's lock. */
  lock: { locked: boolean; toggle: () => void } | undefined;
  /** Sets the value: a share rebalances its unlocked siblings (src/model/rebalanceShares.ts). */
  setValue: (value: number) => void;
  /**
   * A keyboard step of the value's slider, up (1) or down (−1), as the slider's own keys would
   * step it but from the value in the store, shown together with its result (the store's
   * `heldForResult`). False when the slider cannot take it (it is disabled or has no numeric step).
   */
  step: (direction: 1 | -1) => boolean;
  /** Back to the value the scenario was saved with (a share: its whole list). */
  reset: () => void;
  beginGesture: () => void;
  endGesture: () => void;
  /** The range's edits; each end's drag is its own gesture, one undo step. */
  range: RangeEdits;
  /** The range's handles on the slider's track; undefined for a fixed quantity. */
  sliderRange: SliderRange | undefined;
}

export interface RangeEdits {
  /** Sets one end, stopped at the value (src/model/modelEdits.ts `setRangeEnd`). */
  setEnd: (end: RangeEnd, value: number) => void;
  setDist: (dist: Distribution) => void;
  /** Gives a fixed quantity the seed's range for its kind. */
  add: () => void;
  /** Makes the quantity fixed again. */
  clear: () => void;
  beginGesture: (end: RangeEnd) => void;
}

/**
 * The longest a keyboard step's controls wait for its result before they draw the step anyway
 * (a worker that is slow, busy or failing): a few frames.
 */
export const HOLD_LIMIT_MS = 100;

/** The key of the edits of one end of a range: a drag of it is one undo step of its own. */
const rangeEndKey = (key: string, end: RangeEnd) => `${end}:${key}`;

const NO_MEMBERS: readonly { id: string }[] = [];

/** A growth premium never set; one object, so that reading it again is the same answer. */
const NO_PREMIUM: Quantity = Object.freeze({ value: 0 });

function withDefault(ref: QuantityRef, quantity: Quantity | undefined, memberExists: boolean): Quantity | undefined {
  if (quantity || ref.kind !== 'memberGrowthDelta' || !memberExists) return quantity;
  return NO_PREMIUM;
}

/** What a quantity's control reads of the active model and the saved one. */
interface QuantityReads {
  live: Quantity | undefined;
  saved: Quantity | undefined;
  label: string;
  list: string | undefined;
  unit: string;
  /** A driver switched off. */
  driverOff: boolean;
  /** A share's siblings' ids, a line each ('' for any other quantity). */
  siblingIds: string;
}

function readQuantity(ref: QuantityRef, model: Model, savedModel: Model | undefined): QuantityReads {
  const isMember = ref.kind === 'memberShare' || ref.kind === 'memberGrowthDelta';
  const memberList = isMember ? findMemberList(model, ref.path) : undefined;
  const savedExists = isMember && savedModel !== undefined && findMemberList(savedModel, ref.path) !== undefined;
  const driver = ref.kind === 'driverImpact' ? model.drivers.find((d) => d.id === ref.driverId) : undefined;
  return {
    live: withDefault(ref, getQuantity(model, ref), memberList !== undefined),
    saved: withDefault(ref, savedModel && getQuantity(savedModel, ref), savedExists),
    // Two reads, not three: the one name is made from these parts (quantityName's rule).
    label: quantityLabel(model, ref),
    list: quantityListName(model, ref),
    unit: model.unit,
    driverOff: driver !== undefined && !driverEnabled(driver),
    siblingIds: ref.kind === 'memberShare' ? (memberList?.list.map((m) => m.id).join('\n') ?? '') : '',
  };
}

/** The binding of `ref`, or undefined when the scenario on screen has no such quantity. */
export function useQuantityBinding(ref: QuantityRef): QuantityBinding | undefined {
  const key = quantityKey(ref);
  const kind = quantityKind(ref);
  // One listener on the store for all the quantity reads of both models, read again only when the
  // part holding this quantity (or the unit) changed: a nudge elsewhere costs it one comparison.
  const { live, saved, label, list, unit, driverOff, siblingIds } = useModels(
    (model, savedModel) => readQuantity(ref, model, savedModel),
    (model) => quantityScope(model, ref),
    (model) => model.unit,
  );
  const parentPath = ref.kind === 'memberShare' ? ref.path.slice(0, -1) : [];
  const locks = useListLocks(parentPath, siblingIds === '' ? NO_MEMBERS : siblingIds.split('\n').map((id) => ({ id })));
  // The store's actions, read when used: a listener each would run on every change of the store.
  const { editModel, beginGesture, endGesture } = useSlidecast.getState();

  if (!live) return undefined;
  const memberId = ref.kind === 'memberShare' ? ref.path[ref.path.length - 1]! : undefined;
  const locked = memberId !== undefined && locks.isLocked(memberId);
  const othersLocked = memberId !== undefined && locks.othersLocked(memberId);
  const disabledReason = driverOff
    ? 'This driver is switched off'
    : locked
      ? 'Locked: other sliders will not move this share'
      : othersLocked
        ? 'Every other share of this list is locked'
        : undefined;

  const name = nameInList(list, label);
  /** The quantity set to `value`; `hold`: a keyboard step's, started with the edit (src/state/resultSlice.ts `heldForResult`). */
  const applyValue = (value: number, hold?: number) => editModel(key, (model) => setQuantity(model, ref, value, locks.flags), hold);
  const setValue = (value: number) => applyValue(value);
  const domain = sliderDomain(kind, saved, live.value, live.range);
  const range: RangeEdits = {
    setEnd: (end, value) => editModel(rangeEndKey(key, end), (model) => setRangeEnd(model, ref, end, value)),
    setDist: (dist) => editModel(`dist:${key}`, (model) => setRangeDist(model, ref, dist)),
    add: () => editModel(`add-range:${key}`, (model) => addRange(model, ref)),
    clear: () => editModel(`clear-range:${key}`, (model) => clearRange(model, ref)),
    beginGesture: (end) => beginGesture(rangeEndKey(key, end)),
  };
  return {
    ref,
    key,
    kind,
    unit,
    name,
    label,
    list,
    quantity: live,
    saved,
    value: live.value,
    domain,
    changed: saved === undefined || saved.value !== live.value,
    disabled: disabledReason !== undefined,
    disabledReason,
    lock: memberId === undefined ? undefined : { locked, toggle: () => locks.toggle(memberId) },
    setValue,
    step: (direction) => {
      if (disabledReason !== undefined) return false;
      const { workspace } = useSlidecast.getState();
      // From the store's value: a step taken while the last one is held has not been drawn yet.
      const now = getQuantity(activeModelOf(workspace), ref)?.value ?? live.value;
      const next = keyboardStep(now, domain, direction);
      if (next === undefined) return false;
      if (next === now) return true;
      // The hold starts with the edit, in one change of the store (one pass of its listeners).
      const hold = nextHold();
      applyValue(next, hold);
      // No change (a locked list) starts no hold; without an answer in time, the controls draw what the store holds.
      if (useSlidecast.getState().workspace !== workspace) setTimeout(() => useSlidecast.getState().releaseHold(hold), HOLD_LIMIT_MS);
      return true;
    },
    reset: () => editModel(`reset:${key}`, (model, baseline) => baseline && resetQuantity(model, baseline, ref)),
    beginGesture: () => beginGesture(key),
    endGesture,
    range,
    sliderRange: live.range && {
      low: live.range.low,
      high: live.range.high,
      names: { low: rangeEndName(name, 'low'), high: rangeEndName(name, 'high') },
      onChange: range.setEnd,
      onGestureStart: range.beginGesture,
    },
  };
}
