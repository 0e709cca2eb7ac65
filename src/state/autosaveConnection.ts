/**
 * Connects the store to autosave: every change of the workspace, its saved baseline or its file
 * name is written after a short quiet spell (within a second), at once when the tab is hidden, and
 * stashed synchronously when the page goes (reload, close), when an IndexedDB write could no longer
 * finish (src/io/autosave.ts).
 */
import type { StoreApi } from 'zustand';
import type { Autosave, AutosaveEvent, RestoreOutcome } from '../io/autosave';
import type { SlidecastState } from './store';

export function applyAutosaveEvent(store: Pick<StoreApi<SlidecastState>, 'getState'>, event: AutosaveEvent): void {
  const { setAutosave } = store.getState();
  if (event.kind === 'saved') setAutosave({ kind: 'saved', at: event.at });
  else if (event.kind === 'failed') setAutosave({ kind: 'failed', message: event.message });
  else setAutosave({ kind: 'superseded' });
}

/**
 * Puts a restored autosave into the store in one step, or keeps a damaged one for download. It comes
 * back with its file's name but no handle (autosave keeps none): the first Save asks where.
 */
export function applyRestore(store: Pick<StoreApi<SlidecastState>, 'getState'>, outcome: RestoreOutcome): void {
  const state = store.getState();
  if (outcome.kind === 'restored') {
    state.openDocument(outcome.workspace, outcome.fileName === undefined ? undefined : { name: outcome.fileName }, outcome.baseline);
  } else if (outcome.kind === 'setAside') {
    state.setSetAside({ text: outcome.text, reason: outcome.reason });
  }
}

export function connectAutosave(
  store: Pick<StoreApi<SlidecastState>, 'getState' | 'subscribe'>,
  autosave: Autosave,
  target: Pick<Document, 'addEventListener' | 'removeEventListener' | 'visibilityState'> = document,
): () => void {
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.workspace === previous.workspace && state.baseline === previous.baseline && state.fileName === previous.fileName) return;
    autosave.schedule({ workspace: state.workspace, baseline: state.baseline, fileName: state.fileName });
  });
  const onHidden = () => {
    if (target.visibilityState === 'hidden') void autosave.flush();
  };
  const onPageHide = () => autosave.flushOnUnload();
  target.addEventListener('visibilitychange', onHidden);
  window.addEventListener('pagehide', onPageHide);
  return () => {
    unsubscribe();
    target.removeEventListener('visibilitychange', onHidden);
    window.removeEventListener('pagehide', onPageHide);
    autosave.dispose();
  };
}
