/**
 * Store → simulation client → worker pool → statistics in the store (issue 10, "Workers"):
 * whenever the inputs of the scenario on screen change (the same trigger as the deterministic
 * forecast, `scenarioInputsChanged`), the newest of them is simulated and its statistics stream
 * into `state.simulation`. While a slider is dragged (a gesture), each input is simulated only to
 * its first estimate, and the drag's last input in full once it ends.
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

  /** Whether the newest request was a drag's preview, to be run in full when the drag ends. */
  let previewed = false;

  function requestFor(state: SlidecastState): void {
    const scenario = activeScenarioOf(state.workspace);
    previewed = state.gesture !== null;
    client.request({ scenarioId: scenario.id, model: scenario.model, claims: state.workspace.claims, preview: previewed });
  }

  requestFor(store.getState());
  const unsubscribe = store.subscribe((state, previous) => {
    // While a slider is dragged, each input gets the first estimate only; the whole run starts
    // when the drag ends.
    if (scenarioInputsChanged(state, previous) || (previewed && state.gesture === null)) requestFor(state);
  });

  return () => {
    unsubscribe();
    client.dispose();
  };
}
