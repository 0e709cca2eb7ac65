/**
 * The one store, built from typed slices with immer applied once at the root.
 * Components read it with atomic selectors; non-React code uses `useSlidecast.getState()`.
 */
import { create } from 'zustand';
import { immer } from 'zustand/middleware/immer';
import { useShareLocks } from './shareLocks';
import { createWorkspaceSlice, type WorkspaceSlice } from './workspaceSlice';
import { createResultSlice, type ResultSlice } from './resultSlice';
import { createCompareSlice, type CompareSlice } from './compareSlice';
import { createFileSlice, forgetFileHandles, type FileSlice } from './fileSlice';
import { createSimulationSlice, type SimulationSlice } from './simulationSlice';
import { createAnalysisSlice, type AnalysisSlice } from './analysisSlice';

export type SlidecastState = WorkspaceSlice & ResultSlice & CompareSlice & FileSlice & SimulationSlice & AnalysisSlice;

export const useSlidecast = create<SlidecastState>()(
  immer((...args) => ({
    ...createWorkspaceSlice(...args),
    ...createResultSlice(...args),
    ...createCompareSlice(...args),
    ...createFileSlice(...args),
    ...createSimulationSlice(...args),
    ...createAnalysisSlice(...args),
  })),
);

/** For tests: back to a fresh seed workspace with no history, no result, no file and no locks. */
export function resetSlidecastStore(): void {
  useSlidecast.setState(useSlidecast.getInitialState(), true);
  forgetFileHandles();
  useShareLocks.getState().clearLocks();
}
