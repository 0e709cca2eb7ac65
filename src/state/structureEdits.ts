/**
 * Structure edits through the store: each is one `editWorkspace` call, so it is one undo step and
 * autosaved like any other edit; one that is refused changes nothing and records no step.
 */
import type { Draft } from 'immer';
import { applyStructureOpToWorkspace, type StructureOp, type StructureOutcome } from '../model/structureOpsWorkspace';
import { checkLabel } from '../model/names';
import type { Workspace } from '../model/types';
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
  const checked = checkLabel(title, { missing: 'The workspace needs a title, e.g. the market’s name', subject: 'The title' });
  if ('error' in checked) return checked.error;
  workspace.title = checked.name;
  return undefined;
}
