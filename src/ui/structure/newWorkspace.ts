/**
 * "New workspace": a blank one (one total, no dimensions) or the seed as a template. It replaces
 * the open workspace in one step, after asking when that holds work not saved to a file, and
 * starts without a file: the next Save asks where.
 */
import { blankWorkspace } from '../../model/blankWorkspace';
import { seedWorkspace } from '../../model/seedWorkspace';
import { useSlidecast } from '../../state/store';
import { hasUnsavedChanges } from '../../state/workspaceSlice';

export type NewWorkspaceKind = 'blank' | 'seed';

export const REPLACE_QUESTION = 'This workspace has changes that are not saved to a file. Start a new workspace anyway?';

/** True when the new workspace replaced the open one; false when the user kept their work. */
export function startNewWorkspace(kind: NewWorkspaceKind, confirm: (question: string) => boolean = window.confirm.bind(window)): boolean {
  const state = useSlidecast.getState();
  if (hasUnsavedChanges(state) && !confirm(REPLACE_QUESTION)) return false;
  state.openDocument(kind === 'blank' ? blankWorkspace() : seedWorkspace(), undefined);
  return true;
}
