/**
 * Atomic selectors on the active and the saved model, for the assumptions panel.
 *
 * Every selector of every slider runs on every change of the store — with the 530 quantities of a
 * large model, on each nudge and again when its result arrives. So each selector remembers its
 * last answer and the parts of the models it read it from (`scope`, by default the whole model):
 * while those parts are the same objects (edits are immutable) the answer is the same, and is
 * returned without running the selector. A new selector function (the component rendered again,
 * perhaps with other props) always runs.
 *
 * A quantity's control reads both models through one selector (`useModels`), so the store has one
 * listener per quantity, not one per thing it reads: a store change is answered by 530 listeners,
 * not 7,000 (bench/ui.bench.ts, the large-model case).
 */
import { useRef } from 'react';
import { useSlidecast, type SlidecastState } from '../../state/store';
import { activeModelOf } from '../../state/scenarioSelectors';
import type { Model } from '../../model/types';

interface Memo<T> {
  select: unknown;
  workspace: unknown;
  baseline: unknown;
  scopes: readonly unknown[];
  value: T;
}

const sameScopes = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Two plain records with the same values (`Object.is`) under the same keys. */
function sameParts(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) || Array.isArray(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.is((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * `read(active, saved)`, or the last answer when nothing it depends on can have changed: the same
 * `select`, and the same workspace and baseline (a change elsewhere in the store, such as a result
 * arriving) or the same scopes within new ones (an edit elsewhere in the model). `scopesOf` runs
 * only when the workspace or the baseline changed. With `keepSameParts`, a record read again
 * whose parts are all the same as the last answer's is the last answer.
 */
function useMemoModels<T>(
  select: unknown,
  scopesOf: (active: Model, saved: Model | undefined) => readonly unknown[],
  read: (active: Model, saved: Model | undefined) => T,
  keepSameParts = false,
  holds = false,
): (state: SlidecastState) => T {
  const memo = useRef<Memo<T> | null>(null);
  return (state) => {
    const last = memo.current;
    // While a keyboard step waits for its result (`heldForResult`), the last answer: the step is
    // read with the result, in the render that paints both.
    if (holds && state.heldForResult !== 0 && last !== null && last.select === select) return last.value;
    const { workspace, baseline } = state;
    if (last !== null && last.select === select && last.workspace === workspace && last.baseline === baseline) return last.value;
    const active = activeModelOf(workspace);
    const saved = baseline.scenarios.find((s) => s.id === workspace.activeScenario)?.model;
    const scopes = scopesOf(active, saved);
    const value = last !== null && last.select === select && sameScopes(last.scopes, scopes) ? last.value : read(active, saved);
    // Read again, a record with the same parts is the same answer: an edit of one share reads
    // all its dimension's quantities again, and only the ones that changed render again.
    const same = keepSameParts && last !== null && value !== last.value && sameParts(last.value, value);
    memo.current = { select, workspace, baseline, scopes, value: same ? last.value : value };
    return same ? last.value : value;
  };
}

/**
 * `select` on the active scenario's model and its saved model (undefined for a scenario created
 * since), through one listener on the store. `scopeOf` names the part of a model the answer
 * depends on (src/model/quantityRef.ts `quantityScope`); the answer is read again when that part
 * of either model, or `alsoOf` of the active one (say its unit), is another object; a record
 * read again with the same parts (`Object.is`) as the last answer is the last answer. While a
 * keyboard step waits for its result (the store's `heldForResult`), the answer stays the last one.
 */
export function useModels<T>(
  select: (active: Model, saved: Model | undefined) => T,
  scopeOf: (model: Model) => unknown,
  alsoOf?: (model: Model) => unknown,
): T {
  return useSlidecast(
    useMemoModels(
      select,
      (active, saved) => [scopeOf(active), saved && scopeOf(saved), alsoOf?.(active)],
      select,
      true,
      true,
    ),
  );
}

/**
 * `select` on the active scenario's model. `scopeOf` names the part of the model the answer
 * depends on; without it, the whole model.
 */
export function useActiveModel<T>(select: (model: Model) => T, scopeOf?: (model: Model) => unknown): T {
  return useSlidecast(useMemoModels(select, (active) => [scopeOf ? scopeOf(active) : active], select));
}

/** The active scenario as last opened or saved (undefined for a scenario created since). */
export function useSavedModel<T>(select: (model: Model) => T, scopeOf?: (model: Model) => unknown): T | undefined {
  return useSlidecast(
    useMemoModels(
      select,
      (_, saved) => [saved && (scopeOf ? scopeOf(saved) : saved)],
      (_, saved) => (saved === undefined ? undefined : select(saved)),
    ),
  );
}
