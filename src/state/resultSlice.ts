/**
 * The newest computed result for the scenario on screen. Results hold typed arrays, so they are set
 * as whole objects (never drafted by immer) and never saved.
 */
import type { StateCreator } from 'zustand';
import type { ScenarioResult } from '../engine/evaluateScenario';
import type { Middlewares } from './workspaceSlice';
import type { SlidecastState } from './store';

export type EngineMode = 'worker' | 'main-thread';

export interface ResultSlice {
  result: ScenarioResult | undefined;
  /** The scenario the result belongs to. */
  resultScenario: string | undefined;
  engineMode: EngineMode;
  /** Set once when the worker could not start and the engine moved to the main thread. */
  engineNotice: string | undefined;
  computeError: string | undefined;
  /**
   * Non-zero while a keyboard step of a slider waits for its result: the assumptions' controls go
   * on showing what they showed (src/ui/assumptions/useModelSelectors.ts `useModels`) and take the
   * step in the same render as the headline takes its result, so that both are painted in one frame.
   * Chromium paints a frame straight after a key's task, and a worker's answer always came after
   * it: the moved slider and its headline were painted a frame apart (bench/ui.bench.ts, the large
   * model). The newest hold's number; a result, or the hold's deadline, ends it.
   */
  heldForResult: number;
  /** Ends hold `hold` if it is still the newest. */
  releaseHold: (hold: number) => void;
  setResult: (scenarioId: string, result: ScenarioResult) => void;
  setEngineFallback: (notice: string) => void;
  /** Adds a sentence to the engine's notice (the simulation's own fallback) without moving the forecast. */
  addEngineNotice: (notice: string) => void;
  setComputeError: (message: string | undefined) => void;
}

/** The notice with `notice` added (once), after what it already says. */
function joinNotices(before: string | undefined, notice: string): string {
  if (before === undefined || before === '') return notice;
  return before.includes(notice) ? before : `${before} ${notice}`;
}

/** The number of the newest hold ever made: numbers are never reused, so a late deadline ends nothing newer. */
let lastHold = 0;

/**
 * A new hold's number, for the edit that starts it (`editModel`'s `hold`): the hold is set in the
 * same change of the store as the edit, so the store's listeners run once for both.
 */
export function nextHold(): number {
  lastHold += 1;
  return lastHold;
}

export const createResultSlice: StateCreator<SlidecastState, Middlewares, [], ResultSlice> = (set, get) => ({
  result: undefined,
  resultScenario: undefined,
  engineMode: 'worker',
  engineNotice: undefined,
  computeError: undefined,
  heldForResult: 0,
  releaseHold: (hold) => {
    if (get().heldForResult === hold) set({ heldForResult: 0 });
  },
  // Plain partial objects bypass immer: typed arrays are not draftable and need no copying.
  setResult: (scenarioId, result) => set({ result, resultScenario: scenarioId, computeError: undefined, heldForResult: 0 }),
  setEngineFallback: (notice) => set({ engineMode: 'main-thread', engineNotice: joinNotices(get().engineNotice, notice) }),
  addEngineNotice: (notice) => set({ engineNotice: joinNotices(get().engineNotice, notice) }),
  setComputeError: (message) => set({ computeError: message }),
});
