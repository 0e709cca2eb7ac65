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

export const createResultSlice: StateCreator<SlidecastState, Middlewares, [], ResultSlice> = (set, get) => ({
  result: undefined,
  resultScenario: undefined,
  engineMode: 'worker',
  engineNotice: undefined,
  computeError: undefined,
  // Plain partial objects bypass immer: typed arrays are not draftable and need no copying.
  setResult: (scenarioId, result) => set({ result, resultScenario: scenarioId, computeError: undefined }),
  setEngineFallback: (notice) => set({ engineMode: 'main-thread', engineNotice: joinNotices(get().engineNotice, notice) }),
  addEngineNotice: (notice) => set({ engineNotice: joinNotices(get().engineNotice, notice) }),
  setComputeError: (message) => set({ computeError: message }),
});
