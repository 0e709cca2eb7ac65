/**
 * Where the workspace lives outside the tab: the file it was opened from or saved to (by name; the
 * handle stays in src/io), autosave's state, and the last problem to tell the user about.
 */
import type { StateCreator } from 'zustand';
import type { Middlewares } from './workspaceSlice';
import type { SlidecastState } from './store';

export type AutosaveStatus =
  | { kind: 'idle' }
  | { kind: 'saved'; at: number }
  /** A write failed (quota, blocked storage): a lasting banner until a write succeeds. */
  | { kind: 'failed'; message: string }
  /** Another tab saved newer work: this tab stops autosaving rather than overwrite it. */
  | { kind: 'superseded' };

/** A message for the user in an alert: what failed and why, in words. */
export interface Problem {
  title: string;
  message: string;
}

export interface FileSlice {
  fileName: string | undefined;
  autosave: AutosaveStatus;
  problem: Problem | undefined;
  /** An autosave that could not be restored (corrupt, or from a newer Slidecast), kept for download. */
  setAside: { text: string; reason: string } | undefined;
  setFileName: (fileName: string | undefined) => void;
  setAutosave: (status: AutosaveStatus) => void;
  reportProblem: (problem: Problem | undefined) => void;
  setSetAside: (setAside: FileSlice['setAside']) => void;
}

export const createFileSlice: StateCreator<SlidecastState, Middlewares, [], FileSlice> = (set) => ({
  fileName: undefined,
  autosave: { kind: 'idle' },
  problem: undefined,
  setAside: undefined,
  setFileName: (fileName) => set({ fileName }),
  setAutosave: (autosave) => set({ autosave }),
  reportProblem: (problem) => set({ problem }),
  setSetAside: (setAside) => set({ setAside }),
});
