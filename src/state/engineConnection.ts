/**
 * Data flows one way: store → engine client → worker → result in the store. This connects them:
 * whenever the active scenario's model or the claims change, the newest of them is computed; while
 * the Compare view is open, so is the comparison of the scenarios chosen there; while a tornado is
 * on screen (the Analysis view's, present mode's), so is the tornado; and a goal seek or a
 * calibration when one is asked for (src/state/analysisSlice.ts).
 */
import type { StoreApi } from 'zustand';
import type { SlidecastState } from './store';
import { activeScenarioOf } from './scenarioSelectors';
import { compareRequestOf } from '../engine/compareScenarios';
import { createEngineClient, type EngineClient, type EngineClientOptions } from './engineClient';
import { endYearTotal } from '../engine/analysisMetric';
import { lockedPaths, useShareLocks } from './shareLocks';

/**
 * Whether the inputs of the scenario on screen changed between two states: its scenario (model,
 * name, or another scenario chosen) or the claims. immer keeps untouched branches identical, so
 * reference checks see every real edit. The deterministic forecast and the simulation
 * (src/state/simulationConnection.ts) both recompute on it.
 */
export function scenarioInputsChanged(state: SlidecastState, previous: SlidecastState): boolean {
  return activeScenarioOf(state.workspace) !== activeScenarioOf(previous.workspace) || state.workspace.claims !== previous.workspace.claims;
}

export function connectEngine(
  store: Pick<StoreApi<SlidecastState>, 'getState' | 'subscribe'>,
  createWorker?: EngineClientOptions['createWorker'],
): () => void {
  const client: EngineClient = createEngineClient({
    onResult: (request, result) => {
      // Marks let the browser benchmark (bench/ui.bench.ts) split a slider's latency into its
      // legs; a mark costs a microsecond.
      performance.mark('slidecast:result');
      store.getState().setResult(request.scenarioId, result);
    },
    onCompareResult: (_, result) => store.getState().setCompareResult(result),
    onTornado: {
      onResult: (request, result) => store.getState().setTornadoOutcome({ model: request.model, ok: true, result }),
      onError: (request, message) => store.getState().setTornadoOutcome({ model: request.model, ok: false, message }),
    },
    onGoalSeek: {
      onResult: (request, result) => store.getState().setGoalSeekOutcome({ model: request.model, ok: true, result }),
      onError: (request, message) => store.getState().setGoalSeekOutcome({ model: request.model, ok: false, message }),
    },
    onCalibration: {
      onResult: (request, result) => store.getState().setCalibrationOutcome({ model: request.model, ok: true, result }),
      onError: (request, message) => store.getState().setCalibrationOutcome({ model: request.model, ok: false, message }),
    },
    onFallback: (message) => store.getState().setEngineFallback(message),
    onError: (message) => store.getState().setComputeError(message),
    createWorker,
  });

  function requestFor(state: SlidecastState): void {
    const scenario = activeScenarioOf(state.workspace);
    performance.mark('slidecast:request');
    client.request({ scenarioId: scenario.id, model: scenario.model, claims: state.workspace.claims });
  }

  function compareFor(state: SlidecastState): void {
    // The same choice of scenarios and bridge pair as the Compare screen shows.
    client.compare(compareRequestOf(state.workspace, state.compareSelection, state.bridgePair));
  }

  /** The scenario on screen, and the locks as the sliders hold them: what every analysis is of. */
  function analysisBase(state: SlidecastState) {
    const scenario = activeScenarioOf(state.workspace);
    return { scenarioId: scenario.id, model: scenario.model, locked: lockedPaths(useShareLocks.getState().locked) };
  }

  function tornadoFor(state: SlidecastState): void {
    const base = analysisBase(state);
    client.tornado({ ...base, metric: state.tornadoMetric ?? endYearTotal(base.model) });
  }

  requestFor(store.getState());
  const unsubscribeLocks = useShareLocks.subscribe(() => {
    // A lock changes how a share's bar moves its siblings.
    if (store.getState().tornadoWatchers > 0) tornadoFor(store.getState());
  });
  const unsubscribe = store.subscribe((state, previous) => {
    if (scenarioInputsChanged(state, previous)) requestFor(state);
    if (
      state.tornadoWatchers > 0 &&
      (previous.tornadoWatchers === 0 || scenarioInputsChanged(state, previous) || state.tornadoMetric !== previous.tornadoMetric)
    ) {
      tornadoFor(state);
    }
    const goal = state.goalSeekAsk;
    if (goal && goal !== previous.goalSeekAsk) client.goalSeek({ ...analysisBase(state), claims: state.workspace.claims, ...goal });
    const calibration = state.calibrationAsk;
    if (calibration && calibration !== previous.calibrationAsk) {
      const claims = state.workspace.claims.filter((claim) => calibration.claimIds.includes(claim.id));
      client.calibrate({ ...analysisBase(state), claims, refs: calibration.refs });
    }
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
    unsubscribeLocks();
    client.dispose();
  };
}
