/**
 * Atomic selectors on the active and the saved model, for the assumptions panel.
 *
 * Every selector of every slider runs on every change of the store — 5,000 of them with the 530
 * sliders of a large model, on each nudge and again when its result arrives. So each selector
 * remembers its last answer and the part of the model it read it from (`scope`, by default the
 * whole model): while that part is the same object (edits are immutable) the answer is the same,
 * and is returned without running the selector. A new selector function (the component rendered
 * again, perhaps with other props) always runs.
 */
import { useRef } from 'react';
import { useSlidecast } from '../../state/store';
import { activeModelOf } from '../../state/scenarioSelectors';
import type { Model } from '../../model/types';

interface Memo<T> {
  select: (model: Model) => T;
  /** What the model was found by: the workspace, or the baseline and the active scenario's id. */
  source: unknown;
  source2: unknown;
  scope: unknown;
  value: T;
}

/**
 * `select` applied to the model `find` gives, or the last answer when nothing it depends on can
 * have changed: the same `select`, and the same source (a change elsewhere in the store, such
 * as a result arriving) or the same scope within a new source (an edit elsewhere in the model).
 */
function useMemoSelect<T>(select: (model: Model) => T, scopeOf: ((model: Model) => unknown) | undefined) {
  const memo = useRef<Memo<T> | null>(null);
  // Two plain arguments, not an array: this runs for every selector of every slider on every
  // change of the store (19,000 calls with the large model's 1,590 sliders), so it allocates nothing.
  return (source: unknown, source2: unknown, find: () => Model | undefined): T | undefined => {
    const last = memo.current;
    if (last !== null && last.select === select && last.source === source && last.source2 === source2) return last.value;
    const model = find();
    if (model === undefined) {
      memo.current = null;
      return undefined;
    }
    const scope = scopeOf ? scopeOf(model) : model;
    const value = last !== null && last.select === select && last.scope === scope ? last.value : select(model);
    memo.current = { select, source, source2, scope, value };
    return value;
  };
}

/**
 * `select` on the active scenario's model. `scopeOf` names the part of the model the answer
 * depends on (src/model/quantityRef.ts `quantityScope`); without it, the whole model.
 */
export function useActiveModel<T>(select: (model: Model) => T, scopeOf?: (model: Model) => unknown): T {
  const memoSelect = useMemoSelect(select, scopeOf);
  return useSlidecast((state) => memoSelect(state.workspace, undefined, () => activeModelOf(state.workspace)) as T);
}

/** The active scenario as last opened or saved (undefined for a scenario created since). */
export function useSavedModel<T>(select: (model: Model) => T, scopeOf?: (model: Model) => unknown): T | undefined {
  const memoSelect = useMemoSelect(select, scopeOf);
  return useSlidecast((state) => {
    const id = state.workspace.activeScenario;
    return memoSelect(state.baseline, id, () => state.baseline.scenarios.find((s) => s.id === id)?.model);
  });
}
