/** Atomic selectors on the active and the saved model, for the assumptions panel. */
import { useSlidecast } from '../../state/store';
import { activeModelOf } from '../../state/scenarioSelectors';
import type { Model } from '../../model/types';

export function useActiveModel<T>(select: (model: Model) => T): T {
  return useSlidecast((state) => select(activeModelOf(state.workspace)));
}

/** The active scenario as last opened or saved (undefined for a scenario created since). */
export function useSavedModel<T>(select: (model: Model) => T): T | undefined {
  return useSlidecast((state) => {
    const id = state.workspace.activeScenario;
    const saved = state.baseline.scenarios.find((s) => s.id === id);
    return saved ? select(saved.model) : undefined;
  });
}
