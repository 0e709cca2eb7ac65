// @vitest-environment jsdom
/**
 * The assumptions panel's selectors (src/ui/assumptions/useModelSelectors.ts) skip their work
 * when nothing they read can have changed — a result arriving, an edit in another part of the
 * model — and never give a stale answer: an edit in their own part, another scenario, or a new
 * selector reads again. (With 530 sliders, running every selector on every store change cost tens
 * of milliseconds a nudge: bench/ui.bench.ts, the large-model case.)
 */
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, renderHook } from '@testing-library/react';
import { getQuantity, quantityScope, type QuantityRef } from '../../src/model/quantityRef';
import { setQuantityValue } from '../../src/model/modelEdits';
import type { Model } from '../../src/model/types';
import { resetSlidecastStore, useSlidecast } from '../../src/state/store';
import { useActiveModel, useSavedModel } from '../../src/ui/assumptions/useModelSelectors';
import { seedModel } from '../state/storeFactories';

afterEach(() => {
  cleanup();
  resetSlidecastStore();
});

const firstDimension = seedModel().dimensions[0]!;
const memberRef: QuantityRef = { kind: 'memberShare', path: [firstDimension.id, firstDimension.members[0]!.id] };

/** A hook reading `ref`'s value through a selector that counts its runs. */
function countingHook(ref: QuantityRef) {
  let runs = 0;
  const hook = renderHook(() =>
    useActiveModel(
      (model: Model) => {
        runs += 1;
        return getQuantity(model, ref)?.value;
      },
      (model: Model) => quantityScope(model, ref),
    ),
  );
  return { hook, runs: () => runs };
}

describe('scoped model selectors', () => {
  it('do not run again for a store change outside the workspace, or an edit of another part of the model', () => {
    const { hook, runs } = countingHook(memberRef);
    const before = runs();
    act(() => useSlidecast.getState().beginGesture('x'));
    act(() => useSlidecast.getState().endGesture());
    act(() => useSlidecast.getState().editModel('baseGrowth', (model) => setQuantityValue(model, { kind: 'baseGrowth' }, 0.03)));
    expect(runs()).toBe(before);
    expect(hook.result.current).toBe(firstDimension.members[0]!.share.value);
  });

  it('read again after an edit in their own part', () => {
    const { hook } = countingHook(memberRef);
    const other = { kind: 'memberGrowthDelta', path: memberRef.kind === 'memberShare' ? memberRef.path : [] } as QuantityRef;
    act(() => useSlidecast.getState().editModel('delta', (model) => setQuantityValue(model, other, 0.02)));
    act(() => useSlidecast.getState().editModel('share', (model) => setQuantityValue(model, memberRef, 0.5)));
    expect(hook.result.current).toBe(0.5);
  });

  it('follow a switch to another scenario, in the saved model too', () => {
    const workspace = useSlidecast.getState().workspace;
    const second = workspace.scenarios[1]!;
    const ref: QuantityRef = { kind: 'baseGrowth' };
    const live = renderHook(() => useActiveModel((model) => getQuantity(model, ref)?.value));
    const saved = renderHook(() => useSavedModel((model) => getQuantity(model, ref)?.value));
    act(() => useSlidecast.getState().switchScenario(second.id));
    expect(live.result.current).toBe(second.model.baseGrowth.value);
    expect(saved.result.current).toBe(second.model.baseGrowth.value);
  });
});
