/**
 * Opening a workspace link (`#w=1.…` in the address bar): at start-up, and whenever the fragment
 * changes in an open tab (a link pasted into the address bar).
 *
 * Like opening a file: the link is decoded and validated completely first; a refused link shows an
 * alert and changes nothing; a valid one replaces the workspace in one step, asking first when the
 * open workspace has changes not saved to a file. The workspace it opens has no file (Save asks
 * where). The fragment is taken out of the address bar either way, so a reload never opens the
 * link again over later edits — the opened workspace is autosaved like any other.
 *
 * At start-up the link wins over the autosave restored a moment before:
 * - restored work that is saved to a file (or the untouched seed) is simply replaced — nothing is
 *   lost, it is in its file;
 * - restored work with unsaved changes is put on screen first and then the question is asked, as
 *   Open asks: OK opens the link, Cancel keeps the work (save it, then open the link again).
 * Undo cannot bring it back (an opened workspace starts a new history, as after Open), so asking
 * is the only way that never loses work silently.
 */
import { useSlidecast } from '../../state/store';
import { hasUnsavedChanges } from '../../state/workspaceSlice';
import { decodeLinkFragment, describeWorkspaceLinkError, isLinkFragment, type WorkspaceLinkDecoding } from '../../io/workspaceLink';

export type Confirm = (question: string) => boolean;
export type WorkspaceLinkOutcome = 'opened' | 'refused' | 'kept';

const defaultConfirm: Confirm = (question) => window.confirm(question);

export function replaceQuestion(title: string): string {
  const name = title.length > 80 ? `${title.slice(0, 79)}…` : title;
  return (
    `This link opens a shared workspace, “${name}”.\n\n` +
    'The workspace open here has changes that are not saved to a file. Replace it with the shared one?\n\n' +
    'Cancel keeps your work (save it to a file, then open the link again).'
  );
}

/** Removes the fragment from the address bar without a navigation or a new history entry. */
function removeFragment(): void {
  const { pathname, search } = window.location;
  window.history.replaceState(window.history.state, '', `${pathname}${search}`);
}

/** The workspace link in the address bar, decoded (and taken out of the address bar); undefined if there is none. */
export async function takeWorkspaceLink(): Promise<WorkspaceLinkDecoding | undefined> {
  const hash = window.location.hash;
  if (!isLinkFragment(hash)) return undefined;
  removeFragment();
  return decodeLinkFragment(hash);
}

/** Whether opening this link would first have to ask about unsaved work. */
export function needsQuestion(decoded: WorkspaceLinkDecoding): boolean {
  return decoded.ok && hasUnsavedChanges(useSlidecast.getState());
}

/** Applies a decoded link to the store: an alert, a question, or the new workspace in one step. */
export function applyWorkspaceLink(decoded: WorkspaceLinkDecoding, confirm: Confirm = defaultConfirm): WorkspaceLinkOutcome {
  const state = useSlidecast.getState();
  if (!decoded.ok) {
    // Nothing was applied: the workspace on screen is exactly as it was.
    state.reportProblem({ title: 'The workspace link was not opened', message: describeWorkspaceLinkError(decoded.error) });
    return 'refused';
  }
  if (hasUnsavedChanges(state) && !confirm(replaceQuestion(decoded.workspace.title))) return 'kept';
  state.openDocument(decoded.workspace, undefined);
  return 'opened';
}

/**
 * Opens links pasted into the address bar of an open tab. Decoding is asynchronous, so only the
 * newest of several quick changes is applied.
 */
export function listenForWorkspaceLinks(confirm: Confirm = defaultConfirm): () => void {
  let latest = 0;
  const onHashChange = () => {
    const ticket = ++latest;
    void takeWorkspaceLink().then((decoded) => {
      if (decoded && ticket === latest) applyWorkspaceLink(decoded, confirm);
    });
  };
  window.addEventListener('hashchange', onHashChange);
  return () => window.removeEventListener('hashchange', onHashChange);
}

/**
 * Start-up, in three steps around the first render (see src/main.tsx): read the link before
 * anything is computed; open it before the first render unless a question is needed (so the first
 * paint already shows the shared workspace); otherwise ask once the restored work is on screen.
 * Then listen for links pasted later.
 */
export async function readStartupWorkspaceLink(): Promise<{ openBeforeRender: () => void; afterRender: () => void }> {
  const decoded = await takeWorkspaceLink();
  let deferred = false;
  return {
    openBeforeRender: () => {
      if (!decoded) return;
      if (needsQuestion(decoded)) deferred = true;
      else applyWorkspaceLink(decoded);
    },
    afterRender: () => {
      // A timeout, so the browser paints the restored work before the question covers it.
      if (decoded && deferred) setTimeout(() => applyWorkspaceLink(decoded), 50);
      listenForWorkspaceLinks();
    },
  };
}
