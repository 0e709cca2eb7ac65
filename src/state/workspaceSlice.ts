/**
 * The workspace being modelled, the scenario on screen, and undo/redo over every model edit.
 *
 * History holds whole workspace snapshots: immer shares every untouched branch between them, so a
 * snapshot costs only the path that changed. A slider drag is one gesture and one history step.
 */
import type { StateCreator } from 'zustand';
import { produce, type Draft } from 'immer';
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

  /** Applies an edit to the workspace (scenarios, claims, title), recorded for undo. */
  editWorkspace: (key: string, recipe: (workspace: Draft<Workspace>) => void, hold?: number) => void;
  /**
   * Applies an edit to the active scenario's model, recorded for undo. `hold`: a keyboard step's
   * hold (src/state/resultSlice.ts `heldForResult`), set in the same change as the edit.
   */
  editModel: (key: string, recipe: (model: Draft<Model>, baseline: Model | undefined) => void, hold?: number) => void;
  /** The workspace was written to a file: it becomes the baseline. */
  markSaved: () => void;
  beginGesture: (key: string) => void;
  endGesture: () => void;
  undo: () => void;
  redo: () => void;
  /** Shows another scenario. Not an edit: it is not undone. */
  switchScenario: (scenarioId: string) => void;
  /**
   * Replaces the whole workspace in one step (a file opened, a new workspace, autosave restored).
   * `baseline` is the workspace as last saved to a file, when that differs.
   */
  replaceWorkspace: (workspace: Workspace, baseline?: Workspace) => void;
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

    editWorkspace: (key, recipe, hold) => {
      const { workspace: before, gesture, gestureRecorded } = get();
      // The edit runs on its own draft so that an edit that changed nothing can be told apart (immer
      // hands back the same object): it is not a step, and it leaves redo alone. (Comparing inside
      // the store's draft cannot work: reading `past` there gives drafts, never `before` itself.)
      const after = produce(before, (draft) => {
        recipe(draft);
      });
      if (after === before) return;
      const joinsGesture = gesture === key && gestureRecorded;
      set((state) => {
        state.workspace = after as Draft<Workspace>;
        if (hold !== undefined) state.heldForResult = hold;
        if (!joinsGesture) {
          state.past.push(before as Draft<Workspace>);
          if (state.past.length > HISTORY_LIMIT) state.past.shift();
          // A drag's first change is its step. An edit of anything else during the drag ends that
          // step: the drag's next change starts a new one rather than joining the other edit's.
          state.gestureRecorded = state.gesture === key;
        }
        state.future = [];
      });
    },

    editModel: (key, recipe, hold) => {
      // The baseline is read outside the draft: a draft cannot be cloned or kept (DataCloneError).
      const { baseline, workspace } = get();
      const baselineModel = baseline.scenarios.find((s) => s.id === workspace.activeScenario)?.model;
      get().editWorkspace(
        key,
        (draft) => {
          const scenario = draft.scenarios.find((s) => s.id === draft.activeScenario);
          if (scenario) recipe(scenario.model, baselineModel);
        },
        hold,
      );
    },

    markSaved: () =>
      set((state) => {
        state.baseline = state.workspace;
      }),

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
        const onScreen = state.workspace.activeScenario;
        state.future.push(state.workspace);
        state.workspace = previous;
        keepScenarioOnScreen(state, onScreen);
        state.gesture = null;
        state.gestureRecorded = false;
      }),

    redo: () =>
      set((state) => {
        const next = state.future.pop();
        if (!next) return;
        const onScreen = state.workspace.activeScenario;
        state.past.push(state.workspace);
        state.workspace = next;
        keepScenarioOnScreen(state, onScreen);
        state.gesture = null;
        state.gestureRecorded = false;
      }),

    switchScenario: (scenarioId) =>
      set((state) => {
        if (state.workspace.scenarios.some((s) => s.id === scenarioId)) state.workspace.activeScenario = scenarioId;
      }),

    replaceWorkspace: (workspace, baseline = workspace) =>
      set((state) => {
        state.workspace = workspace;
        state.baseline = baseline;
        state.past = [];
        state.future = [];
        state.gesture = null;
      }),
  };
};

/**
 * Switching scenarios is not an edit, so undo and redo bring back edits but not the scenario that
 * was on screen when they were made. (Without this, undoing an edit made before a switch would
 * switch back too.)
 */
function keepScenarioOnScreen(state: Draft<WorkspaceSlice>, scenarioId: string): void {
  const restored = state.workspace;
  if (restored.activeScenario !== scenarioId && restored.scenarios.some((s) => s.id === scenarioId)) {
    restored.activeScenario = scenarioId;
  }
}

/**
 * Whether the workspace differs from the file it was last saved to. The scenario on screen is
 * not content: switching scenarios leaves nothing unsaved.
 */
export function hasUnsavedChanges(state: Pick<WorkspaceSlice, 'workspace' | 'baseline'>): boolean {
  const { workspace, baseline } = state;
  return workspace.scenarios !== baseline.scenarios || workspace.claims !== baseline.claims || workspace.title !== baseline.title;
}

/** The active model, for code outside React. */
export function activeModel(state: Pick<WorkspaceSlice, 'workspace'>): Model {
  return activeModelOf(state.workspace);
}
