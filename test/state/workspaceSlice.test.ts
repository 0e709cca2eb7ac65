/**
 * The store's workspace and its history, as a user meets them: an edit touches the scenario on
 * screen, undo and redo put back exactly what was there, a drag is one step, and nothing that is
 * not an edit (a no-op, a scenario switch) becomes a step or is undone.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QuantityRef } from '../../src/model/quantityRef';
import { getQuantity } from '../../src/model/quantityRef';
import { addClaim, removeClaim, replaceClaim } from '../../src/model/claimEdits';
import { HISTORY_LIMIT, hasUnsavedChanges } from '../../src/state/workspaceSlice';
import { resetSlidecastStore, useSlidecast } from '../../src/state/store';
import { model as buildModel } from '../support/models';
import {
  CONSENSUS,
  NARROW,
  activeModel,
  drag,
  reset,
  setShare,
  setTiming,
  setValue,
  shareOf,
  siblingsOf,
  sumOfShares,
  workspaceOf,
} from './storeFactories';

const BASE_SIZE: QuantityRef = { kind: 'baseSize' };
const BASE_GROWTH: QuantityRef = { kind: 'baseGrowth' };
const AI_IMPACT: QuantityRef = { kind: 'driverImpact', driverId: 'ai-advances' };

const state = () => useSlidecast.getState();
const scenario = (id: string) => state().workspace.scenarios.find((s) => s.id === id)!;

beforeEach(resetSlidecastStore);
afterEach(resetSlidecastStore);

describe('the initial store', () => {
  it('holds the seed workspace as both the workspace and its baseline, with no history', () => {
    const { workspace, baseline, past, future, gesture } = state();
    expect(workspace.activeScenario).toBe(CONSENSUS);
    expect(baseline).toBe(workspace);
    expect(past).toEqual([]);
    expect(future).toEqual([]);
    expect(gesture).toBeNull();
  });

  it('is back to that after resetSlidecastStore', () => {
    const initial = state().workspace;
    setValue(BASE_SIZE, 30);
    state().switchScenario(NARROW);
    resetSlidecastStore();
    expect(state().workspace).toBe(initial);
    expect(state().past).toEqual([]);
  });
});

describe('an edit', () => {
  it('changes the active scenario only; the other scenario and the claims stay the same objects', () => {
    const before = state().workspace;
    setValue(BASE_SIZE, 20);
    const after = state().workspace;
    expect(scenario(CONSENSUS).model.baseSize.value).toBe(20);
    expect(after.scenarios.find((s) => s.id === NARROW)).toBe(before.scenarios.find((s) => s.id === NARROW));
    expect(after.claims).toBe(before.claims);
    expect(state().baseline).toBe(before);
  });

  it('goes to whichever scenario is on screen', () => {
    state().switchScenario(NARROW);
    const consensusBefore = scenario(CONSENSUS);
    setValue(BASE_SIZE, 2);
    expect(scenario(NARROW).model.baseSize.value).toBe(2);
    expect(scenario(CONSENSUS)).toBe(consensusBefore);
  });

  it('hands the recipe the saved model of the scenario, for resets', () => {
    setValue(BASE_SIZE, 30);
    reset(BASE_SIZE);
    expect(activeModel().baseSize).toEqual(state().baseline.scenarios[0]!.model.baseSize);
  });
});

describe('undo and redo', () => {
  it('undo restores exactly the earlier workspace (the same object) and redo the later one', () => {
    const w0 = state().workspace;
    setValue(BASE_SIZE, 20);
    const w1 = state().workspace;
    setShare(['region', 'europe'], 0.5);
    const w2 = state().workspace;
    setTiming('ai-advances', { enabled: false });
    const w3 = state().workspace;

    state().undo();
    expect(state().workspace).toBe(w2);
    state().undo();
    expect(state().workspace).toBe(w1);
    state().undo();
    expect(state().workspace).toBe(w0);
    state().redo();
    expect(state().workspace).toBe(w1);
    state().redo();
    state().redo();
    expect(state().workspace).toBe(w3);
  });

  it('does nothing with nothing to undo or redo', () => {
    const w0 = state().workspace;
    state().undo();
    state().redo();
    expect(state().workspace).toBe(w0);
    setValue(BASE_SIZE, 20);
    const w1 = state().workspace;
    state().redo();
    expect(state().workspace).toBe(w1);
  });

  it('a slider drag of 20 edits is one step', () => {
    const w0 = state().workspace;
    drag(BASE_SIZE, Array.from({ length: 20 }, (_, i) => 17 + i * 0.5));
    expect(activeModel().baseSize.value).toBe(26.5);
    expect(state().past).toHaveLength(1);
    state().undo();
    expect(state().workspace).toBe(w0);
  });

  it('a share drag of 20 edits is one step, and undo brings every sibling back', () => {
    const w0 = state().workspace;
    const { beginGesture, endGesture } = state();
    beginGesture('share:region/europe');
    for (let i = 1; i <= 20; i++) setShare(['region', 'europe'], 0.3 + i * 0.01);
    endGesture();
    expect(shareOf(activeModel(), ['region', 'europe'])).toBeCloseTo(0.5, 12);
    expect(state().past).toHaveLength(1);
    state().undo();
    expect(state().workspace).toBe(w0);
  });

  it('two drags of the same slider are two steps', () => {
    drag(BASE_SIZE, [18, 19]);
    const afterFirst = state().workspace;
    drag(BASE_SIZE, [20, 21]);
    expect(state().past).toHaveLength(2);
    state().undo();
    expect(state().workspace).toBe(afterFirst);
  });

  it('an edit of another quantity during a drag is a step of its own', () => {
    const { beginGesture, endGesture } = state();
    beginGesture('baseSize');
    setValue(BASE_SIZE, 18);
    setValue(BASE_GROWTH, 0.005);
    setValue(BASE_SIZE, 19);
    endGesture();
    expect(state().past).toHaveLength(3);
  });

  it('an edit that changes nothing is not a step', () => {
    const w0 = state().workspace;
    setValue(BASE_SIZE, activeModel().baseSize.value);
    setTiming('ai-advances', {});
    setShare(['region', 'atlantis'], 0.5);
    expect(state().workspace).toBe(w0);
    expect(state().past).toEqual([]);
  });

  it('an edit that changes nothing keeps what redo would bring back', () => {
    setValue(BASE_SIZE, 20);
    const w1 = state().workspace;
    state().undo();
    setValue(BASE_SIZE, activeModel().baseSize.value);
    expect(state().future).toHaveLength(1);
    state().redo();
    expect(state().workspace).toBe(w1);
  });

  it('a drag whose first position changes nothing is still one undoable step', () => {
    // Dragging a share that is already at its limit: the first input clamps to the same value.
    const w0 = state().workspace;
    drag(BASE_SIZE, [activeModel().baseSize.value, 18, 19]);
    expect(activeModel().baseSize.value).toBe(19);
    expect(state().past).toHaveLength(1);
    state().undo();
    expect(state().workspace).toBe(w0);
  });

  it('a new edit clears redo', () => {
    setValue(BASE_SIZE, 20);
    setValue(BASE_SIZE, 21);
    state().undo();
    expect(state().future).toHaveLength(1);
    setValue(BASE_GROWTH, 0.01);
    expect(state().future).toEqual([]);
    const w = state().workspace;
    state().redo();
    expect(state().workspace).toBe(w);
    expect(activeModel().baseSize.value).toBe(20);
  });

  it(`keeps the last ${HISTORY_LIMIT} steps`, () => {
    const extra = 25;
    const snapshots = [state().workspace];
    for (let i = 1; i <= HISTORY_LIMIT + extra; i++) {
      setValue(BASE_SIZE, 17 + i / 100);
      snapshots.push(state().workspace);
    }
    expect(state().past).toHaveLength(HISTORY_LIMIT);
    for (let i = 0; i < HISTORY_LIMIT + 10; i++) state().undo();
    // The oldest steps fell off: undo stops at the workspace after the first `extra` edits.
    expect(state().workspace).toBe(snapshots[extra]);
    for (let i = 0; i < HISTORY_LIMIT; i++) state().redo();
    expect(state().workspace).toBe(snapshots[HISTORY_LIMIT + extra]);
  });

  it(`drops no step when an edit that changes nothing comes with ${HISTORY_LIMIT} steps already kept`, () => {
    for (let i = 1; i <= HISTORY_LIMIT; i++) setValue(BASE_SIZE, 17 + i / 100);
    const oldest = state().past[0];
    setValue(BASE_SIZE, activeModel().baseSize.value);
    expect(state().past).toHaveLength(HISTORY_LIMIT);
    expect(state().past[0]).toBe(oldest);
  });
});

describe('switching scenarios', () => {
  it('is not a step', () => {
    state().switchScenario(NARROW);
    expect(state().workspace.activeScenario).toBe(NARROW);
    expect(state().past).toEqual([]);
    state().undo();
    expect(state().workspace.activeScenario).toBe(NARROW);
  });

  it('is not undone by undoing an edit made before it, nor by redoing it', () => {
    setValue(BASE_SIZE, 30);
    state().switchScenario(NARROW);
    state().undo();
    expect(state().workspace.activeScenario).toBe(NARROW);
    expect(scenario(CONSENSUS).model.baseSize.value).toBe(17.18);
    state().redo();
    expect(state().workspace.activeScenario).toBe(NARROW);
    expect(scenario(CONSENSUS).model.baseSize.value).toBe(30);
  });

  it('ignores a scenario the workspace does not have', () => {
    const w0 = state().workspace;
    state().switchScenario('no-such-scenario');
    expect(state().workspace).toBe(w0);
  });
});

describe('replaceWorkspace', () => {
  it('swaps in the new workspace as workspace and baseline, and clears history', () => {
    setValue(BASE_SIZE, 20);
    setValue(BASE_SIZE, 21);
    state().undo();
    const opened = workspaceOf(buildModel({ baseSize: 5 }));
    state().replaceWorkspace(opened);
    expect(state().workspace).toBe(opened);
    expect(state().baseline).toBe(opened);
    expect(state().past).toEqual([]);
    expect(state().future).toEqual([]);
    state().undo();
    expect(state().workspace).toBe(opened);
  });

  it('ends a drag in progress: the next edit is a step of its own', () => {
    state().beginGesture('baseSize');
    setValue(BASE_SIZE, 20);
    state().replaceWorkspace(workspaceOf(buildModel({ baseSize: 5 })));
    setValue(BASE_SIZE, 6);
    expect(state().past).toHaveLength(1);
  });

  it('makes resets go back to the opened file, not to the seed', () => {
    state().replaceWorkspace(workspaceOf(buildModel({ baseSize: 5 })));
    setValue(BASE_SIZE, 9);
    reset(BASE_SIZE);
    expect(getQuantity(activeModel(), BASE_SIZE)).toEqual({ value: 5 });
  });
});

describe('edits through the store keep the model valid', () => {
  it('keeps shares summing to 1 when a share slider moves with locks', () => {
    const locked = [true, false, false, false, false];
    setShare(['region', 'europe'], 0.7, locked);
    const regions = siblingsOf(activeModel(), ['region', 'na']);
    expect(regions[0]!.share.value).toBe(0.4);
    expect(sumOfShares(regions)).toBeCloseTo(1, 12);
  });

  it('undoes a driver switched off', () => {
    setTiming('ai-advances', { enabled: false });
    expect(getQuantity(activeModel(), AI_IMPACT)).toBeDefined();
    expect(activeModel().drivers[0]!.enabled).toBe(false);
    state().undo();
    expect(activeModel().drivers[0]!.enabled).toBeUndefined();
  });
});

describe('claim edits through the store', () => {
  const claim = { id: '2030-22', label: '2030 ≥ 22', metric: 'size', year: 2030, op: 'atLeast', value: 22, source: '' } as const;

  it('adding, editing and removing a claim are one undo step each, unsaved until saved, and switching scenarios undoes none of them', () => {
    const store = useSlidecast.getState;
    const seedClaims = store().workspace.claims;
    store().editWorkspace('claims:new:2030-22', (ws) => addClaim(ws, { ...claim }));
    store().editWorkspace('claims:edit:2030-22', (ws) => replaceClaim(ws, '2030-22', { ...claim, value: 23 }));
    store().editWorkspace('claims:remove:size-2028-over-20', (ws) => removeClaim(ws, 'size-2028-over-20'));
    expect(hasUnsavedChanges(store())).toBe(true);
    store().switchScenario(NARROW);
    expect(store().workspace.claims.map((c) => c.id)).not.toContain('size-2028-over-20');
    store().undo();
    expect(store().workspace.claims).toContainEqual(seedClaims[1]);
    expect(store().workspace.claims.at(-1)).toMatchObject({ value: 23 });
    store().undo();
    expect(store().workspace.claims.at(-1)).toMatchObject({ value: 22 });
    store().undo();
    expect(store().workspace.claims).toBe(seedClaims);
    expect(store().workspace.activeScenario).toBe(NARROW);
    expect(hasUnsavedChanges(store())).toBe(false);
  });
});
