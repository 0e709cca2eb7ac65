/**
 * What the Open, Save and Save As commands and a dropped file do, as functions of the store so the
 * toolbar, the keyboard shortcuts and drag-and-drop share them.
 */
import { useSlidecast } from '../../state/store';
import { hasUnsavedChanges } from '../../state/workspaceSlice';
import { openWorkspaceFile, readWorkspaceFile, saveWorkspaceFile, type OpenOutcome } from '../../io/workspaceFiles';

const DISCARD_QUESTION = 'This workspace has changes that are not saved to a file. Open another workspace anyway?';

/** Asks before work that is not in a file would be replaced; true when it may go ahead. */
function mayReplaceWorkspace(confirm: (question: string) => boolean): boolean {
  return !hasUnsavedChanges(useSlidecast.getState()) || confirm(DISCARD_QUESTION);
}

function applyOpened(outcome: OpenOutcome): void {
  const state = useSlidecast.getState();
  if (outcome.kind === 'cancelled') return;
  if (outcome.kind === 'refused') {
    // The open workspace is untouched: nothing was applied before validation passed.
    state.reportProblem({
      title: outcome.fileName ? `“${outcome.fileName}” was not opened` : 'The file was not opened',
      message: outcome.message,
    });
    return;
  }
  state.replaceWorkspace(outcome.workspace);
  state.setFileName(outcome.fileName);
  state.reportProblem(undefined);
}

export async function openFile(confirm: (question: string) => boolean = window.confirm.bind(window)): Promise<void> {
  if (!mayReplaceWorkspace(confirm)) return;
  applyOpened(await openWorkspaceFile());
}

export async function openDroppedFile(file: File, confirm: (question: string) => boolean = window.confirm.bind(window)): Promise<void> {
  if (!mayReplaceWorkspace(confirm)) return;
  applyOpened(await readWorkspaceFile(file));
}

export async function saveFile(saveAs: boolean): Promise<void> {
  const { workspace, fileName } = useSlidecast.getState();
  const outcome = await saveWorkspaceFile(workspace, fileName, saveAs);
  const state = useSlidecast.getState();
  if (outcome.kind === 'cancelled') return;
  if (outcome.kind === 'failed') {
    state.reportProblem({ title: 'The workspace was not saved', message: outcome.message });
    return;
  }
  // Only what was written counts as saved: an edit made while the file was being written stays unsaved.
  if (state.workspace === workspace) state.markSaved();
  else useSlidecast.setState({ baseline: workspace });
  state.setFileName(outcome.fileName);
  state.reportProblem(undefined);
}
