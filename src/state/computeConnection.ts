/**
 * Data flows one way: store → compute client → worker → result in the store. This connects them:
 * whenever the active scenario's model or the claims change, the newest of them is computed; while
 * the Compare view is open, so is the comparison of the scenarios chosen there.
 */
import type { StoreApi } from 'zustand';
import type { SlidecastState } from './store';
import { activeScenarioOf } from './scenarioSelectors';
import { comparedScenarioIds } from './compareSlice';
import { createComputeClient, type ComputeClient, type ComputeClientOptions } from './computeClient';

export function connectCompute(
  store: Pick<StoreApi<SlidecastState>, 'getState' | 'subscribe'>,
  createWorker?: ComputeClientOptions['createWorker'],
): () => void {
  const client: ComputeClient = createComputeClient({
    onResult: (request, result) => store.getState().setResult(request.scenarioId, result),
    onCompareResult: (_, result) => store.getState().setCompareResult(result),
    onFallback: (message) => store.getState().setEngineFallback(message),
    onError: (message) => store.getState().setComputeError(message),
    createWorker,
  });

  function requestFor(state: SlidecastState): void {
    const scenario = activeScenarioOf(state.workspace);
    client.request({ scenarioId: scenario.id, model: scenario.model, claims: state.workspace.claims });
  }

  function compareFor(state: SlidecastState): void {
    const ids = comparedScenarioIds(state);
    const scenarios = ids.map((id) => state.workspace.scenarios.find((s) => s.id === id)!);
    const pair = state.bridgePair;
    const bridge = pair && ids.includes(pair.from) && ids.includes(pair.to) && pair.from !== pair.to ? pair : ids.length >= 2 ? { from: ids[0]!, to: ids[1]! } : undefined;
    client.compare({ scenarios, claims: state.workspace.claims, ...(bridge ? { bridge } : {}) });
  }

  requestFor(store.getState());
  const unsubscribe = store.subscribe((state, previous) => {
    const scenario = activeScenarioOf(state.workspace);
    const before = activeScenarioOf(previous.workspace);
    // immer keeps untouched branches identical, so reference checks see every real edit.
    if (scenario !== before || state.workspace.claims !== previous.workspace.claims) requestFor(state);
    if (
      state.compareOpen &&
      (!previous.compareOpen ||
        state.workspace.scenarios !== previous.workspace.scenarios ||
        state.workspace.claims !== previous.workspace.claims ||
        state.compareSelection !== previous.compareSelection ||
        state.bridgePair !== previous.bridgePair)
    ) {
      compareFor(state);
    }
  });

  return () => {
    unsubscribe();
    client.dispose();
  };
}
