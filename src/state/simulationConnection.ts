/**
 * Store → simulation client → worker pool → statistics in the store (issue 10, "Workers"):
 * whenever the inputs of the scenario on screen change (the same trigger as the deterministic
 * forecast, `scenarioInputsChanged`), the newest of them is simulated and its statistics stream
 * into `state.simulation`.
 */
import type { StoreApi } from 'zustand';
import type { SlidecastState } from './store';
import { activeScenarioOf } from './scenarioSelectors';
import { scenarioInputsChanged } from './engineConnection';
import { createSimulationClient, type SimulationClient, type SimulationClientOptions } from './simulationClient';

export type SimulationConnectionOptions = Pick<SimulationClientOptions, 'createWorker' | 'poolSize' | 'later'>;

export function connectSimulation(
  store: Pick<StoreApi<SlidecastState>, 'getState' | 'subscribe'>,
  options: SimulationConnectionOptions = {},
): () => void {
  const client: SimulationClient = createSimulationClient({
    ...options,
    onProgress: (_, progress) => store.getState().setSimulation(progress),
    onFallback: (message) => store.getState().addEngineNotice(message),
    onError: (message) => store.getState().setComputeError(`its simulation stopped (${message})`),
  });

  function requestFor(state: SlidecastState): void {
    const scenario = activeScenarioOf(state.workspace);
    client.request({ scenarioId: scenario.id, model: scenario.model, claims: state.workspace.claims });
  }

  requestFor(store.getState());
  const unsubscribe = store.subscribe((state, previous) => {
    if (scenarioInputsChanged(state, previous)) requestFor(state);
  });

  return () => {
    unsubscribe();
    client.dispose();
  };
}
