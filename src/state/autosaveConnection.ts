/**
 * Connects the store to autosave: every change of the workspace, its saved baseline or its file
 * name is written after a short quiet spell (within a second), at once when the tab is hidden, and
 * stashed synchronously when the page goes (reload, close), when an IndexedDB write could no longer
 * finish (src/io/autosave.ts).
 */
import type { StoreApi } from 'zustand';
import type { Autosave, AutosaveEvent, KeptAside, RestoreOutcome } from '../io/autosave';
import type { KeptAsideOffer } from './fileSlice';
import type { SlidecastState } from './store';

export function applyAutosaveEvent(store: Pick<StoreApi<SlidecastState>, 'getState'>, event: AutosaveEvent): void {
  const { setAutosave } = store.getState();
  if (event.kind === 'saved') setAutosave({ kind: 'saved', at: event.at });
  else if (event.kind === 'failed') setAutosave({ kind: 'failed', message: event.message });
  else setAutosave({ kind: 'superseded' });
}

/**
 * Puts a restored autosave into the store in one step. It comes back with its file's name but no
 * handle (autosave keeps none): the first Save asks where. An autosave that could not be restored
 * is offered by `offerKeptAside`.
 */
export function applyRestore(store: Pick<StoreApi<SlidecastState>, 'getState'>, outcome: RestoreOutcome): void {
  if (outcome.kind !== 'restored') return;
  store.getState().openDocument(outcome.workspace, outcome.fileName === undefined ? undefined : { name: outcome.fileName }, outcome.baseline);
}

/**
 * Offers everything autosave keeps aside: the autosave `outcome` could not restore (also when
 * storage refused to keep it aside — then it is offered from memory, to download), and older work
 * pages left behind, from this start or earlier ones. Nothing kept aside: no offer.
 */
export async function offerKeptAside(
  store: Pick<StoreApi<SlidecastState>, 'getState'>,
  autosave: Pick<Autosave, 'keptAside' | 'discardKeptAside'>,
  outcome: RestoreOutcome,
): Promise<void> {
  const stored = await autosave.keptAside();
  const unrestored = outcome.kind === 'setAside' ? outcome : undefined;
  const inMemoryOnly = unrestored && !stored.some((kept) => kept.origin === 'unrestorable' && kept.text === unrestored.text);
  let entries: KeptAside[] = inMemoryOnly ? [{ key: '', keptAt: Date.now(), origin: 'unrestorable', text: unrestored.text }, ...stored] : stored;
  if (entries.length === 0) return;
  const offer = (): KeptAsideOffer => ({
    entries,
    ...(unrestored && entries.some((kept) => kept.origin === 'unrestorable' && kept.text === unrestored.text) ? { unrestoredReason: unrestored.reason } : {}),
    discard: async (key) => {
      if (key !== '') await autosave.discardKeptAside(key);
      entries = entries.filter((kept) => kept.key !== key);
      store.getState().setKeptAside(entries.length > 0 ? offer() : undefined);
    },
  });
  store.getState().setKeptAside(offer());
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
