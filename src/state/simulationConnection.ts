/**
 * Store → simulation client → worker pool → statistics in the store (issue 10, "Workers"):
 * whenever the inputs of the scenario on screen change (the same trigger as the deterministic
 * forecast, `scenarioInputsChanged`), the newest of them is simulated and its statistics stream
 * into `state.simulation`. While a slider is dragged (a gesture), inputs are simulated only to
 * their first estimate, at most every PREVIEW_INTERVAL_MS, and the drag's last input in full once
 * it ends. Any other change is simulated once its deterministic forecast is in the store (or after
 * RESULT_WAIT_MS without one): the forecast is never delayed by a simulation (issue 10).
 */
import type { StoreApi } from 'zustand';
import type { SlidecastState } from './store';
import { afterNextPaint } from './afterNextPaint';
import { activeScenarioOf } from './scenarioSelectors';
import { scenarioInputsChanged } from './engineConnection';
import { createSimulationClient, type SimulationClient, type SimulationClientOptions } from './simulationClient';

export type SimulationConnectionOptions = Pick<SimulationClientOptions, 'createWorker' | 'poolSize' | 'later'> & {
  /** While a slider is dragged, the least time between two previews, in ms (default PREVIEW_INTERVAL_MS). */
  previewInterval?: number;
};

/**
 * While a slider is dragged the fan follows at most ten times a second: the first input at once,
 * then the newest every 100 ms. A preview every frame took the core the slider's own forecast
 * needed (bench/ui.bench.ts, the drag with the fan on).
 */
export const PREVIEW_INTERVAL_MS = 100;

/**
 * The longest a change's simulation waits for the change's deterministic forecast. The forecast's
 * worker and the page share 2 cores with the simulation's workers: a run started with the change
 * took the cores the forecast and its paint needed (bench/ui.bench.ts, the large model: a keyboard
 * nudge painted in 18.5 ms median, 33.6 ms p95 with the run started at once, 7.3 and 11.4 ms with
 * no run at all).
 */
export const RESULT_WAIT_MS = 50;

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

  const previewInterval = options.previewInterval ?? PREVIEW_INTERVAL_MS;
  /** Whether the newest request was a drag's preview, to be run in full when the drag ends. */
  let previewed = false;
  let lastPreview = -Infinity;
  let pendingPreview: ReturnType<typeof setTimeout> | undefined;

  function requestFor(state: SlidecastState): void {
    const scenario = activeScenarioOf(state.workspace);
    previewed = state.gesture !== null;
    client.request({ scenarioId: scenario.id, model: scenario.model, claims: state.workspace.claims, preview: previewed });
  }

  /** A drag's input: previewed now, or with the newest input once the interval since the last preview is over. */
  function preview(): void {
    if (pendingPreview !== undefined) return;
    const wait = lastPreview + previewInterval - performance.now();
    const send = (): void => {
      pendingPreview = undefined;
      lastPreview = performance.now();
      requestFor(store.getState());
    };
    if (wait <= 0) send();
    else pendingPreview = setTimeout(send, wait);
  }

  function cancelPreview(): void {
    clearTimeout(pendingPreview);
    pendingPreview = undefined;
  }

  /** A change waiting for its forecast before it is simulated (the newest inputs are read when it starts): its deadline. */
  let waitingForResult: ReturnType<typeof setTimeout> | undefined;

  function afterResult(): void {
    clearTimeout(waitingForResult);
    waitingForResult = setTimeout(startWaiting, RESULT_WAIT_MS);
  }

  /** Starts the waiting change's run, if one still waits (the deadline and the paint may both call it). */
  function startWaiting(): void {
    if (waitingForResult === undefined) return;
    clearTimeout(waitingForResult);
    waitingForResult = undefined;
    requestFor(store.getState());
  }

  requestFor(store.getState());
  const unsubscribe = store.subscribe((state, previous) => {
    // While a slider is dragged, inputs get the first estimate only, at most every
    // `previewInterval`; the whole run starts when the drag ends.
    const changed = scenarioInputsChanged(state, previous);
    const dragging = state.gesture !== null;
    if (changed && dragging) {
      preview();
    } else if (changed) {
      // The run in flight stops now (its blocks would take the cores the forecast needs); the change's starts after its forecast.
      cancelPreview();
      client.cancel();
      afterResult();
    } else if (!dragging && (previewed || pendingPreview !== undefined)) {
      // A drag ended: its last input in full (its forecast is in by now).
      cancelPreview();
      requestFor(state);
    } else if (waitingForResult !== undefined && state.result !== previous.result) {
      // The forecast is in: the run starts once the frame that paints it has been painted (or at the deadline).
      afterNextPaint(startWaiting);
    }
  });

  return () => {
    cancelPreview();
    clearTimeout(waitingForResult);
    unsubscribe();
    client.dispose();
  };
}
