/**
 * The uncertainty of the scenario on screen (DESIGN.md §3 "Uncertainty"): the newest statistics
 * of its simulation as they stream in from the worker pool, and which series the fan is drawn for.
 *
 * Like results, summaries hold typed arrays: they are set as whole objects (never drafted by
 * immer) and never saved. The simulation's settings (samples, seed) belong to the model
 * (`model.simulation`) and are edited, undone and saved with it.
 */
import type { StateCreator } from 'zustand';
import type { SimulationSummary } from '../engine/simulationSummary';
import type { Middlewares } from './workspaceSlice';
import type { SlidecastState } from './store';

export interface SimulationProgress {
  /** The scenario the statistics belong to. */
  scenarioId: string;
  /** The statistics of the samples done so far. */
  summary: SimulationSummary;
  /** Samples asked for: the model's `simulation.samples`. */
  target: number;
  /** True while more samples are coming for this request. */
  running: boolean;
}

export interface SimulationSlice {
  /** Undefined before the first estimate, and when the model on screen has no ranged quantity. */
  simulation: SimulationProgress | undefined;
  /**
   * The series the fan is drawn for: undefined for the total, else a member path
   * `dimensionId/memberId[/childId…]` chosen in the breakdown. Not saved, not undone.
   */
  fanMember: string | undefined;
  setSimulation: (progress: SimulationProgress | undefined) => void;
  setFanMember: (path: string | undefined) => void;
}

export const createSimulationSlice: StateCreator<SlidecastState, Middlewares, [], SimulationSlice> = (set) => ({
  simulation: undefined,
  fanMember: undefined,
  // A plain partial object bypasses immer: typed arrays are not draftable and need no copying.
  setSimulation: (progress) => set({ simulation: progress }),
  setFanMember: (path) => set({ fanMember: path }),
});
