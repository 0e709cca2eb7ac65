/**
 * What the Analysis view (issue 11) asks the engine and what it answered: the tornado of the
 * scenario on screen (computed only while someone watches it — the Analysis view's tornado or
 * present mode's — and again on every edit, like the forecast), and goal seek's and calibration's
 * answers, each asked for by a button. Every answer keeps the model it was computed from, so a
 * screen can tell an answer about the model on screen from one about a model since edited.
 * Nothing here is saved or undone; results are set whole, never drafted by immer.
 */
import type { StateCreator } from 'zustand';
import type { AnalysisMetric } from '../engine/analysisMetric';
import type { CalibrationResult } from '../engine/calibration';
import type { GoalTarget } from '../engine/goalSeek';
import type { TornadoResult } from '../engine/sensitivity';
import type { QuantityRef } from '../model/quantityRef';
import type { Model } from '../model/types';
import type { GoalSeekAnswer } from './engineClient';
import type { Middlewares } from './workspaceSlice';
import type { SlidecastState } from './store';

/** An analysis's answer for `model`, or the message saying why there is none. */
export type AnalysisOutcome<T> = { model: Model; ok: true; result: T } | { model: Model; ok: false; message: string };

/** A goal seek asked for: reach `target` by moving `ref`. */
export interface GoalSeekAsk {
  target: GoalTarget;
  ref: QuantityRef;
}

/** A calibration asked for: meet the claims `claimIds` by moving `refs`. */
export interface CalibrationAsk {
  claimIds: string[];
  refs: QuantityRef[];
}

export interface AnalysisSlice {
  /** How many screens show the tornado now; it is computed only while this is above 0. */
  tornadoWatchers: number;
  /** A screen showing the tornado calls this on mount and the function it returns on unmount. */
  watchTornado: () => () => void;
  /** What the tornado measures; null: the end-year total of the scenario on screen. */
  tornadoMetric: AnalysisMetric | null;
  setTornadoMetric: (metric: AnalysisMetric | null) => void;
  tornado: AnalysisOutcome<TornadoResult> | undefined;
  setTornadoOutcome: (outcome: AnalysisOutcome<TornadoResult>) => void;

  /** The goal seek asked for last (a new object each time, so asking twice asks again). */
  goalSeekAsk: GoalSeekAsk | undefined;
  goalSeek: AnalysisOutcome<GoalSeekAnswer> | undefined;
  askGoalSeek: (ask: GoalSeekAsk) => void;
  setGoalSeekOutcome: (outcome: AnalysisOutcome<GoalSeekAnswer>) => void;
  clearGoalSeek: () => void;

  calibrationAsk: CalibrationAsk | undefined;
  calibration: AnalysisOutcome<CalibrationResult> | undefined;
  askCalibration: (ask: CalibrationAsk) => void;
  setCalibrationOutcome: (outcome: AnalysisOutcome<CalibrationResult>) => void;
  /** Forgets the proposal (Accept once applied, Reject). */
  clearCalibration: () => void;
}

export const createAnalysisSlice: StateCreator<SlidecastState, Middlewares, [], AnalysisSlice> = (set, get) => ({
  tornadoWatchers: 0,
  watchTornado: () => {
    set({ tornadoWatchers: get().tornadoWatchers + 1 });
    let watching = true;
    return () => {
      if (!watching) return;
      watching = false;
      set({ tornadoWatchers: get().tornadoWatchers - 1 });
    };
  },
  tornadoMetric: null,
  setTornadoMetric: (tornadoMetric) => set({ tornadoMetric }),
  tornado: undefined,
  setTornadoOutcome: (tornado) => set({ tornado }),

  goalSeekAsk: undefined,
  goalSeek: undefined,
  askGoalSeek: (ask) => set({ goalSeekAsk: { ...ask }, goalSeek: undefined }),
  setGoalSeekOutcome: (goalSeek) => set({ goalSeek }),
  clearGoalSeek: () => set({ goalSeekAsk: undefined, goalSeek: undefined }),

  calibrationAsk: undefined,
  calibration: undefined,
  askCalibration: (ask) => set({ calibrationAsk: { claimIds: [...ask.claimIds], refs: [...ask.refs] }, calibration: undefined }),
  setCalibrationOutcome: (calibration) => set({ calibration }),
  clearCalibration: () => set({ calibrationAsk: undefined, calibration: undefined }),
});
