/**
 * Autosave to the browser's storage (IndexedDB through idb-keyval), so a reload or a crash loses
 * nothing.
 *
 * One record holds the newest work with a revision number. A tab writes only if the stored
 * revision is still the one it last read or wrote — an atomic compare-and-set inside one
 * IndexedDB transaction — so an older tab can never overwrite newer work from another tab; it
 * learns it is superseded instead (at once through a BroadcastChannel, or at its next write).
 *
 * An autosave that cannot be restored (corrupt, or written by a newer Slidecast) is set aside
 * under its own key and offered for download, never dropped.
 */
import { createStore, del, get, update, set as idbSet, type UseStore } from 'idb-keyval';
import { parseWorkspaceFile, serializeWorkspace } from '../model/workspaceFile';
import { describeLoadError } from '../model/loadError';
import type { Workspace } from '../model/types';

export interface AutosaveRecord {
  revision: number;
  savedAt: number;
  tabId: string;
  /** The workspace as serialized for a file: the same validation guards a restore. */
  workspace: string;
  /** The workspace as last saved to a file, when it differs (so "unsaved changes" survives a reload). */
  baseline?: string;
  fileName?: string;
}

/** The storage autosave needs; IndexedDB in the app, a Map in tests. */
export interface AutosaveStorage {
  read: () => Promise<unknown>;
  /** Atomically replaces the record with `change(current)`. */
  update: (change: (current: unknown) => unknown) => Promise<void>;
  setAside: (key: string, value: unknown) => Promise<void>;
  clear: () => Promise<void>;
}

const RECORD_KEY = 'workspace';

export function indexedDbStorage(): AutosaveStorage {
  let store: UseStore | undefined;
  const db = () => (store ??= createStore('slidecast', 'autosave'));
  return {
    read: () => get(RECORD_KEY, db()),
    update: (change) => update(RECORD_KEY, change, db()),
    setAside: (key, value) => idbSet(key, value, db()),
    clear: () => del(RECORD_KEY, db()),
  };
}

export interface Snapshot {
  workspace: Workspace;
  baseline: Workspace;
  fileName: string | undefined;
}

export type RestoreOutcome =
  | { kind: 'none' }
  | { kind: 'restored'; workspace: Workspace; baseline: Workspace; fileName: string | undefined; savedAt: number }
  | { kind: 'setAside'; text: string; reason: string };

export type AutosaveEvent =
  | { kind: 'saved'; at: number }
  | { kind: 'failed'; message: string }
  | { kind: 'superseded' };

export interface AutosaveOptions {
  storage: AutosaveStorage;
  onEvent: (event: AutosaveEvent) => void;
  /** Delay after the last change before writing; the design asks for "within a second". */
  delayMs?: number;
  tabId?: string;
  /** Tells other tabs of a new revision; absent where BroadcastChannel is not available. */
  channel?: Pick<BroadcastChannel, 'postMessage' | 'addEventListener' | 'close'>;
}

export interface Autosave {
  restore: () => Promise<RestoreOutcome>;
  /** Saves the snapshot after a short quiet spell; a newer snapshot replaces a waiting one. */
  schedule: (snapshot: Snapshot) => void;
  /** Writes the waiting snapshot now (the tab is being hidden or closed). */
  flush: () => Promise<void>;
  /** Stops the timer and closes the channel to other tabs. */
  dispose: () => void;
}

function isRecord(value: unknown): value is AutosaveRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.revision === 'number' && typeof record.workspace === 'string';
}

/** What a failed write means to a person. */
export function describeStorageError(error: unknown): string {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'QuotaExceededError') return 'the browser’s storage for this site is full';
  if (name === 'InvalidStateError' || name === 'SecurityError') return 'this browser blocks storage here (private mode?)';
  return error instanceof Error && error.message ? error.message : 'the browser refused to store it';
}

export function createAutosave(options: AutosaveOptions): Autosave {
  const { storage, onEvent, delayMs = 400, channel } = options;
  const tabId = options.tabId ?? Math.random().toString(36).slice(2);
  /** The revision this tab last read or wrote; it may only write over exactly that one. */
  let knownRevision = 0;
  let superseded = false;
  let waiting: Snapshot | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing: Promise<void> = Promise.resolve();

  channel?.addEventListener('message', (event: Event) => {
    const data = (event as MessageEvent).data as { revision?: unknown; tabId?: unknown } | undefined;
    if (typeof data?.revision === 'number' && data.tabId !== tabId && data.revision > knownRevision) becomeSuperseded();
  });

  function becomeSuperseded(): void {
    if (superseded) return;
    superseded = true;
    waiting = undefined;
    if (timer !== undefined) clearTimeout(timer);
    onEvent({ kind: 'superseded' });
  }

  async function write(snapshot: Snapshot): Promise<void> {
    if (superseded) return;
    const record: AutosaveRecord = {
      revision: knownRevision + 1,
      savedAt: Date.now(),
      tabId,
      workspace: serializeWorkspace(snapshot.workspace),
      ...(snapshot.baseline !== snapshot.workspace ? { baseline: serializeWorkspace(snapshot.baseline) } : {}),
      ...(snapshot.fileName !== undefined ? { fileName: snapshot.fileName } : {}),
    };
    let conflict = false;
    try {
      await storage.update((current) => {
        const storedRevision = isRecord(current) ? current.revision : 0;
        if (storedRevision !== knownRevision) {
          conflict = true;
          return current;
        }
        return record;
      });
    } catch (error) {
      onEvent({ kind: 'failed', message: `Autosave failed: ${describeStorageError(error)}. Your work is still open here — save it to a file to keep it.` });
      return;
    }
    if (conflict) {
      becomeSuperseded();
      return;
    }
    knownRevision = record.revision;
    channel?.postMessage({ revision: record.revision, tabId });
    onEvent({ kind: 'saved', at: record.savedAt });
  }

  function flushNow(): Promise<void> {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const snapshot = waiting;
    waiting = undefined;
    if (!snapshot) return writing;
    // Writes go one after another, so revisions never race within this tab.
    writing = writing.then(() => write(snapshot));
    return writing;
  }

  return {
    async restore() {
      let stored: unknown;
      try {
        stored = await storage.read();
      } catch (error) {
        onEvent({ kind: 'failed', message: `Autosave is unavailable: ${describeStorageError(error)}. Save your work to a file to keep it.` });
        return { kind: 'none' };
      }
      if (stored === undefined) return { kind: 'none' };
      const text = isRecord(stored) ? stored.workspace : JSON.stringify(stored);
      const loaded = isRecord(stored) ? parseWorkspaceFile(stored.workspace) : undefined;
      const baseline = isRecord(stored) && stored.baseline !== undefined ? parseWorkspaceFile(stored.baseline) : undefined;
      if (!isRecord(stored) || !loaded?.ok || (baseline !== undefined && !baseline.ok)) {
        const reason = !isRecord(stored)
          ? 'it is not an autosave record'
          : loaded && !loaded.ok
            ? describeLoadError(loaded.error)
            : 'its saved-file copy is damaged';
        try {
          await storage.setAside(`set-aside-${Date.now()}`, stored);
          await storage.clear();
        } catch {
          // Keeping it where it is also keeps it; the banner still offers the download.
        }
        return { kind: 'setAside', text, reason };
      }
      knownRevision = stored.revision;
      return {
        kind: 'restored',
        workspace: loaded.workspace,
        baseline: baseline?.ok ? baseline.workspace : loaded.workspace,
        fileName: stored.fileName,
        savedAt: stored.savedAt,
      };
    },
    schedule(snapshot) {
      if (superseded) return;
      waiting = snapshot;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => void flushNow(), delayMs);
    },
    flush: flushNow,
    dispose() {
      if (timer !== undefined) clearTimeout(timer);
      channel?.close();
    },
  };
}
