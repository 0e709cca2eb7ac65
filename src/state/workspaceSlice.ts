/**
 * The workspace being modelled, the scenario on screen, and undo/redo over every model edit.
 *
 * History holds whole workspace snapshots: immer shares every untouched branch between them, so a
 * snapshot costs only the path that changed. A slider drag is one gesture and one history step.
 */
import type { StateCreator } from 'zustand';
import type { Draft } from 'immer';
import type { Model, Workspace } from '../model/types';
import { seedWorkspace } from '../model/seedWorkspace';
import { activeModelOf } from './scenarioSelectors';
import type { SlidecastState } from './store';

/** How many steps undo goes back. */
export const HISTORY_LIMIT = 200;

export interface WorkspaceSlice {
  workspace: Workspace;
  /** The workspace as last opened or saved: resets read from it, and it tells unsaved changes. */
  baseline: Workspace;
  past: Workspace[];
  future: Workspace[];
  /** The quantity a slider gesture is moving; edits with this key join one history step. */
  gesture: string | null;
  gestureRecorded: boolean;

  /** Applies an edit to the active scenario's model, recorded for undo. */
  editModel: (key: string, recipe: (model: Draft<Model>, baseline: Model | undefined) => void) => void;
  beginGesture: (key: string) => void;
  endGesture: () => void;
  undo: () => void;
  redo: () => void;
  /** Shows another scenario. Not an edit: it is not undone. */
  switchScenario: (scenarioId: string) => void;
  /** Replaces the whole workspace in one step (a file opened, a new workspace). */
  replaceWorkspace: (workspace: Workspace) => void;
}

export type Middlewares = [['zustand/immer', never]];

export const createWorkspaceSlice: StateCreator<SlidecastState, Middlewares, [], WorkspaceSlice> = (set, get) => {
  const initial = seedWorkspace();
  return {
    workspace: initial,
    baseline: initial,
    past: [],
    future: [],
    gesture: null,
    gestureRecorded: false,

    editModel: (key, recipe) => {
      const before = get().workspace;
      set((state) => {
        const joinsGesture = state.gesture === key && state.gestureRecorded;
        const scenario = state.workspace.scenarios.find((s) => s.id === state.workspace.activeScenario);
        if (!scenario) return;
        const baselineModel = state.baseline.scenarios.find((s) => s.id === scenario.id)?.model;
        recipe(scenario.model, baselineModel as Model | undefined);
        if (!joinsGesture) {
          state.past.push(before as Draft<Workspace>);
          if (state.past.length > HISTORY_LIMIT) state.past.shift();
          if (state.gesture === key) state.gestureRecorded = true;
        }
        state.future = [];
      });
      // An edit that changed nothing is not a step.
      if (get().workspace === before) {
        set((state) => {
          if (state.past[state.past.length - 1] === before) state.past.pop();
        });
      }
    },

    beginGesture: (key) =>
      set((state) => {
        state.gesture = key;
        state.gestureRecorded = false;
      }),

    endGesture: () =>
      set((state) => {
        state.gesture = null;
        state.gestureRecorded = false;
      }),

    undo: () =>
      set((state) => {
        const previous = state.past.pop();
        if (!previous) return;
        state.future.push(state.workspace);
        state.workspace = previous;
        state.gesture = null;
      }),

    redo: () =>
      set((state) => {
        const next = state.future.pop();
        if (!next) return;
        state.past.push(state.workspace);
        state.workspace = next;
        state.gesture = null;
      }),

    switchScenario: (scenarioId) =>
      set((state) => {
        if (state.workspace.scenarios.some((s) => s.id === scenarioId)) state.workspace.activeScenario = scenarioId;
      }),

    replaceWorkspace: (workspace) =>
      set((state) => {
        state.workspace = workspace;
        state.baseline = workspace;
        state.past = [];
        state.future = [];
        state.gesture = null;
      }),
  };
};

/** The active model, for code outside React. */
export function activeModel(state: Pick<WorkspaceSlice, 'workspace'>): Model {
  return activeModelOf(state.workspace);
}
