/**
 * What the Open, Save and Save As commands, a dropped file and a file the installed app is launched
 * with do, as functions of the store so the toolbar, the keyboard shortcuts, drag-and-drop and the
 * launch queue share them.
 */
import { useSlidecast } from '../../state/store';
import { fileHandleOf } from '../../state/fileSlice';
import { hasUnsavedChanges } from '../../state/workspaceSlice';
import { openWorkspaceFile, readWorkspaceFile, readWorkspaceFileHandle, saveWorkspaceFile, type OpenOutcome } from '../../io/workspaceFiles';

const DISCARD_QUESTION = 'This workspace has changes that are not saved to a file. Open another workspace anyway?';

/** Asks before work that is not in a file would be replaced; true when it may go ahead. */
function mayReplaceWorkspace(confirm: (question: string) => boolean): boolean {
  return !hasUnsavedChanges(useSlidecast.getState()) || confirm(DISCARD_QUESTION);
}

/**
 * Swaps in what was read, or says why not. `inFile`: the workspace lives in the file it was read
 * from (Save writes there); otherwise it arrives with no file, and the first Save asks where.
 */
function applyOpened(outcome: OpenOutcome, inFile: boolean): void {
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
  state.openDocument(outcome.workspace, inFile ? { name: outcome.fileName, handle: outcome.handle } : undefined);
}

/**
 * Every way a file arrives: read and check it, then — only for a workspace that can open — ask
 * about unsaved work, and swap it in. A file that is refused says why and asks nothing: the open
 * workspace was never at stake.
 */
async function openFrom(read: () => Promise<OpenOutcome>, confirm: (question: string) => boolean, inFile = true): Promise<void> {
  const outcome = await read();
  if (outcome.kind === 'opened' && !mayReplaceWorkspace(confirm)) return;
  applyOpened(outcome, inFile);
}

/**
 * An autosave kept aside (src/io/autosave.ts), opened through exactly the checks of Open. It is
 * work that was never in a file: it arrives with none, and the first Save asks where.
 */
export async function openKeptAside(text: string, confirm: (question: string) => boolean = window.confirm.bind(window)): Promise<void> {
  await openFrom(() => readWorkspaceFile(new File([text], 'the autosave kept aside', { type: 'application/json' })), confirm, false);
}

export async function openFile(confirm: (question: string) => boolean = window.confirm.bind(window)): Promise<void> {
  await openFrom(openWorkspaceFile, confirm);
}

/**
 * A dropped file, with its handle where the browser gives one (then Save overwrites the dropped
 * file); without one, Save asks where — it never writes over the file opened before.
 */
export async function openDroppedFile(
  file: File,
  handle: Promise<FileSystemFileHandle | undefined> | FileSystemFileHandle | undefined,
  confirm: (question: string) => boolean = window.confirm.bind(window),
): Promise<void> {
  const fileHandle = await handle;
  await openFrom(async () => {
    const outcome = await readWorkspaceFile(file);
    return outcome.kind === 'opened' ? { ...outcome, handle: fileHandle } : outcome;
  }, confirm);
}

/**
 * A `.slidecast.json` the operating system opened with the installed app (double-clicked on the
 * desktop): exactly Open's path, and Save overwrites that file.
 */
export async function openLaunchedFile(
  handle: FileSystemFileHandle,
  confirm: (question: string) => boolean = window.confirm.bind(window),
): Promise<void> {
  await openFrom(() => readWorkspaceFileHandle(handle), confirm);
}

export async function saveFile(saveAs: boolean): Promise<void> {
  const before = useSlidecast.getState();
  const { workspace, documentId } = before;
  const outcome = await saveWorkspaceFile(workspace, { fileName: before.fileName, handle: fileHandleOf(before) }, saveAs);
  const state = useSlidecast.getState();
  if (outcome.kind === 'cancelled') return;
  if (outcome.kind === 'failed') {
    state.reportProblem({ title: 'The workspace was not saved', message: outcome.message });
    return;
  }
  // Another workspace arrived while the file was written: it has its own file, or none.
  if (state.documentId !== documentId) return;
  // Only what was written counts as saved: an edit made while the file was being written stays unsaved.
  if (state.workspace === workspace) state.markSaved();
  else useSlidecast.setState({ baseline: workspace });
  state.setFile({ name: outcome.fileName, handle: outcome.handle });
  state.reportProblem(undefined);
}
