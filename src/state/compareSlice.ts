/**
 * What the Compare view shows: which scenarios, which pair the bridge explains, and the newest
 * computed comparison. The selection is a way of looking, not part of the workspace: it is never
 * saved. Results hold typed arrays and are set whole, never drafted by immer.
 */
import type { StateCreator } from 'zustand';
import type { CompareResult } from '../engine/compareScenarios';
import type { Middlewares } from './workspaceSlice';
import type { SlidecastState } from './store';

export interface CompareSlice {
  /** Scenario ids to compare, in the order chosen; the first is the reference. */
  compareSelection: string[];
  /** The bridge explains the end-year difference from `from` to `to`. */
  bridgePair: { from: string; to: string } | undefined;
  compareResult: CompareResult | undefined;
  /** Comparisons are computed only while someone looks at them. */
  compareOpen: boolean;
  setCompareOpen: (open: boolean) => void;
  setCompareSelection: (ids: string[]) => void;
  setBridgePair: (pair: { from: string; to: string } | undefined) => void;
  setCompareResult: (result: CompareResult) => void;
}

export const createCompareSlice: StateCreator<SlidecastState, Middlewares, [], CompareSlice> = (set) => ({
  compareSelection: [],
  bridgePair: undefined,
  compareResult: undefined,
  compareOpen: false,
  setCompareOpen: (compareOpen) => set({ compareOpen }),
  setCompareSelection: (ids) => set({ compareSelection: [...new Set(ids)] }),
  setBridgePair: (pair) => set({ bridgePair: pair }),
  setCompareResult: (result) => set({ compareResult: result }),
});

