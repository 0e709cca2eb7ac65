/**
 * Structure edits through the store: each is one `editWorkspace` call, so it is one undo step and
 * autosaved like any other edit; one that is refused changes nothing and records no step.
 */
import type { Draft } from 'immer';
import { applyStructureOpToWorkspace, type StructureOp, type StructureOutcome } from '../model/structureOpsWorkspace';
import { cleanText } from '../model/structureOps';
import type { Workspace } from '../model/types';
import { WORKSPACE_LIMITS } from '../model/workspaceLimits';
import { useSlidecast } from './store';

/**
 * Applies a structure operation to the scenario on screen, or to every scenario with
 * `allScenarios`, as one undoable edit. The outcome says whether it was refused (`error`: nothing
 * changed) and which scenarios were left out, and why.
 */
export function runStructureOp(op: StructureOp, allScenarios: boolean): StructureOutcome {
  let outcome: StructureOutcome = { applied: [], skipped: [] };
  useSlidecast.getState().editWorkspace(`structure:${op.op}`, (workspace) => {
    outcome = applyStructureOpToWorkspace(workspace as Workspace, op, allScenarios);
  });
  return outcome;
}

/** Sets the workspace's title (shown in the top bar, offered as the file name). */
export function setWorkspaceTitle(workspace: Draft<Workspace>, title: string): string | undefined {
  const cleaned = cleanText(title);
  if (cleaned === '') return 'The workspace needs a title, e.g. the market’s name';
  if (cleaned.length > WORKSPACE_LIMITS.shortText) return `A title can be at most ${WORKSPACE_LIMITS.shortText} characters`;
  workspace.title = cleaned;
  return undefined;
}
