/**
 * Data flows one way: store → compute client → worker → result in the store. This connects them:
 * whenever the active scenario's model or the claims change, the newest of them is computed.
 */
import type { StoreApi } from 'zustand';
import type { SlidecastState } from './store';
import { activeScenarioOf } from './scenarioSelectors';
import { createComputeClient, type ComputeClient, type ComputeClientOptions } from './computeClient';

export function connectCompute(
  store: Pick<StoreApi<SlidecastState>, 'getState' | 'subscribe'>,
  createWorker?: ComputeClientOptions['createWorker'],
): () => void {
  const client: ComputeClient = createComputeClient({
    onResult: (request, result) => store.getState().setResult(request.scenarioId, result),
    onFallback: (message) => store.getState().setEngineFallback(message),
    onError: (message) => store.getState().setComputeError(message),
    createWorker,
  });

  function requestFor(state: SlidecastState): void {
    const scenario = activeScenarioOf(state.workspace);
    client.request({ scenarioId: scenario.id, model: scenario.model, claims: state.workspace.claims });
  }

  requestFor(store.getState());
  const unsubscribe = store.subscribe((state, previous) => {
    const scenario = activeScenarioOf(state.workspace);
    const before = activeScenarioOf(previous.workspace);
    // immer keeps untouched branches identical, so reference checks see every real edit.
    if (scenario !== before || state.workspace.claims !== previous.workspace.claims) requestFor(state);
  });

  return () => {
    unsubscribe();
    client.dispose();
  };
}
