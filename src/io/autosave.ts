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
 * under its own key, never dropped; so is work a page left behind that is older than another
 * tab's. Everything kept aside is listed (`keptAside`) for the user to open, download or delete.
 *
 * Writes wait for a short quiet spell, and a write is a read then a put in one transaction. When the
 * page goes (reload, close) IndexedDB can no longer finish that: the read's answer comes in a task
 * that never runs. So the last change is also stashed synchronously in localStorage as the page goes,
 * with the revision it was made on; the next page puts it into IndexedDB if no tab has written since,
 * and sets it aside otherwise — never over newer work.
 */
import { createStore, del, entries as idbEntries, get, update, set as idbSet, type UseStore } from 'idb-keyval';
import { parseWorkspaceFile, serializeWorkspace } from '../model/workspaceFile';
import { describeLoadError } from '../model/loadError';
import { errorText } from '../model/errorText';
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
  /** Every record kept by `setAside`, as stored. */
  keptAside: () => Promise<{ key: string; value: unknown }[]>;
  /** Deletes one record kept aside. */
  discard: (key: string) => Promise<void>;
  clear: () => Promise<void>;
}

const RECORD_KEY = 'workspace';
const KEPT_ASIDE_PREFIX = 'set-aside-';
/** A kept-aside key as `keptAsideKey` writes it: the prefix, the time, then the stash's key if any. */
const KEPT_ASIDE_KEY = new RegExp(`^${KEPT_ASIDE_PREFIX}(\\d+)(-.+)?$`);

/** A record kept aside, as the user is offered it: to open, download or delete. */
export interface KeptAside {
  key: string;
  /** When it was kept aside, in ms since the epoch. */
  keptAt: number;
  /**
   * `unrestorable`: an autosave that could not be restored (damaged, or from a newer Slidecast);
   * `leftByPage`: a change a page stashed as it went, older than the work another tab saved since.
   */
  origin: 'unrestorable' | 'leftByPage';
  /** The workspace as file text, as far as it can be read: what Open checks and Download writes. */
  text: string;
}

/** The key a record is kept aside under: its time, and the stash it came from, if any. */
function keptAsideKey(keptAt: number, stashKey?: string): string {
  return `${KEPT_ASIDE_PREFIX}${keptAt}${stashKey === undefined ? '' : `-${stashKey}`}`;
}

/** A stored record kept aside, read for the user; undefined for a key that is not one. */
export function readKeptAside(key: string, value: unknown): KeptAside | undefined {
  const match = KEPT_ASIDE_KEY.exec(key);
  if (!match) return undefined;
  const keptAt = Number(match[1]);
  const origin = match[2] === undefined ? 'unrestorable' : 'leftByPage';
  let text: string;
  if (typeof value === 'string') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      parsed = undefined;
    }
    text = isUnloadRecord(parsed) ? parsed.workspace : value;
  } else if (isRecord(value)) {
    text = value.workspace;
  } else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return { key, keptAt, origin, text };
}

/** Synchronous storage for the moment a page goes (localStorage in the app, a Map in tests). */
export interface UnloadStash {
  /** Stores the text at once; may throw (storage full or blocked). */
  put: (key: string, text: string) => void;
  entries: () => { key: string; text: string }[];
  remove: (key: string) => void;
}

const STASH_PREFIX = 'slidecast-autosave-unload-';

/** What a page stashes as it goes: its newest work and the revision that work was made on. */
interface UnloadRecord {
  tabId: string;
  baseRevision: number;
  savedAt: number;
  workspace: string;
  baseline?: string;
  fileName?: string;
}

function isUnloadRecord(value: unknown): value is UnloadRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.tabId === 'string' &&
    typeof record.baseRevision === 'number' &&
    typeof record.savedAt === 'number' &&
    typeof record.workspace === 'string' &&
    (record.baseline === undefined || typeof record.baseline === 'string') &&
    (record.fileName === undefined || typeof record.fileName === 'string')
  );
}

export function localStorageStash(): UnloadStash | undefined {
  let storage: Storage;
  try {
    storage = window.localStorage;
  } catch {
    return undefined; // blocked: the IndexedDB write is all there is
  }
  return {
    put: (key, text) => storage.setItem(STASH_PREFIX + key, text),
    entries: () =>
      Object.keys(storage)
        .filter((key) => key.startsWith(STASH_PREFIX))
        .map((key) => ({ key: key.slice(STASH_PREFIX.length), text: storage.getItem(key) ?? '' })),
    remove: (key) => storage.removeItem(STASH_PREFIX + key),
  };
}

export function indexedDbStorage(): AutosaveStorage {
  let store: UseStore | undefined;
  const db = () => (store ??= createStore('slidecast', 'autosave'));
  return {
    read: () => get(RECORD_KEY, db()),
    update: (change) => update(RECORD_KEY, change, db()),
    setAside: (key, value) => idbSet(key, value, db()),
    keptAside: async () =>
      (await idbEntries(db()))
        .filter((entry): entry is [string, unknown] => typeof entry[0] === 'string' && entry[0].startsWith(KEPT_ASIDE_PREFIX))
        .map(([key, value]) => ({ key, value })),
    discard: (key) => del(key, db()),
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
  channel?: Pick<BroadcastChannel, 'postMessage' | 'addEventListener' | 'close'> | undefined;
  /** Where the last change goes as the page goes; absent where localStorage is blocked. */
  stash?: UnloadStash | undefined;
}

export interface Autosave {
  restore: () => Promise<RestoreOutcome>;
  /** Saves the snapshot after a short quiet spell; a newer snapshot replaces a waiting one. */
  schedule: (snapshot: Snapshot) => void;
  /** Writes the waiting snapshot now (the tab is being hidden). */
  flush: () => Promise<void>;
  /** The page is going (pagehide): stashes the newest work not yet written, synchronously. */
  flushOnUnload: () => void;
  /** Stops the timer and closes the channel to other tabs. */
  dispose: () => void;
  /** Everything kept aside, newest first; none when storage cannot be read. */
  keptAside: () => Promise<KeptAside[]>;
  /** Deletes one record kept aside (the user chose to). */
  discardKeptAside: (key: string) => Promise<void>;
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
  return errorText(error, 'the browser refused to store it');
}

export function createAutosave(options: AutosaveOptions): Autosave {
  const { storage, onEvent, delayMs = 400, channel, stash } = options;
  const tabId = options.tabId ?? Math.random().toString(36).slice(2);
  /** The revision this tab last read or wrote; it may only write over exactly that one. */
  let knownRevision = 0;
  let superseded = false;
  let waiting: Snapshot | undefined;
  /** The newest snapshot not yet written (waiting, or being written). */
  let unwritten: Snapshot | undefined;
  let stashed = false;
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
    unwritten = undefined;
    if (timer !== undefined) clearTimeout(timer);
    onEvent({ kind: 'superseded' });
  }

  async function write(snapshot: Snapshot): Promise<void> {
    if (superseded) return;
    const record: AutosaveRecord = { revision: knownRevision + 1, tabId, ...serializeSnapshot(snapshot) };
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
    if (unwritten === snapshot) {
      unwritten = undefined;
      if (stashed) removeStash(tabId);
    }
    channel?.postMessage({ revision: record.revision, tabId });
    onEvent({ kind: 'saved', at: record.savedAt });
  }

  function removeStash(key: string): void {
    try {
      stash?.remove(key);
      if (key === tabId) stashed = false;
    } catch {
      // Left behind, it is set aside by the next page: older than what IndexedDB holds.
    }
  }

  /**
   * Stashes left by pages that went before their last write: the newest one made on the revision
   * IndexedDB holds (or by the tab that wrote it) comes back; any other is set aside, never written
   * over newer work. Each leaves the stash once it is safe elsewhere.
   */
  async function takeStashed(stored: AutosaveRecord | undefined): Promise<(Snapshot & { savedAt: number; key: string }) | undefined> {
    let entries: { key: string; text: string }[];
    try {
      entries = stash?.entries() ?? [];
    } catch {
      return undefined;
    }
    const storedRevision = stored?.revision ?? 0;
    const parsed = entries.map((entry) => {
      let value: unknown;
      try {
        value = JSON.parse(entry.text);
      } catch {
        value = undefined;
      }
      return { ...entry, record: isUnloadRecord(value) ? value : undefined };
    });
    const current = parsed
      .filter(({ record }) => record && (record.baseRevision === storedRevision || (record.tabId === stored?.tabId && storedRevision >= record.baseRevision)))
      .sort((a, b) => b.record!.savedAt - a.record!.savedAt);
    let winner: (Snapshot & { savedAt: number; key: string }) | undefined;
    const candidate = current[0];
    if (candidate?.record) {
      const workspace = parseWorkspaceFile(candidate.record.workspace);
      const baseline = candidate.record.baseline === undefined ? workspace : parseWorkspaceFile(candidate.record.baseline);
      if (workspace.ok && baseline.ok) {
        winner = { key: candidate.key, workspace: workspace.workspace, baseline: baseline.workspace, fileName: candidate.record.fileName, savedAt: candidate.record.savedAt };
      }
    }
    for (const entry of parsed) {
      if (entry.key === winner?.key) continue;
      try {
        await storage.setAside(keptAsideKey(Date.now(), entry.key), entry.text);
        removeStash(entry.key);
      } catch {
        // Kept in the stash, where the next page finds it again.
      }
    }
    return winner;
  }

  /** A stashed change that is newer than IndexedDB's record: written there now, then restored. */
  async function restoreStashed(stored: AutosaveRecord | undefined): Promise<RestoreOutcome | undefined> {
    const stashedWork = await takeStashed(stored);
    if (!stashedWork) return undefined;
    const { key, savedAt, ...snapshot } = stashedWork;
    const before = knownRevision;
    await write(snapshot);
    if (knownRevision !== before) removeStash(key);
    return { kind: 'restored', ...snapshot, savedAt };
  }

  function serializeSnapshot(snapshot: Snapshot): Omit<AutosaveRecord, 'revision' | 'tabId'> {
    return {
      savedAt: Date.now(),
      workspace: serializeWorkspace(snapshot.workspace),
      ...(snapshot.baseline !== snapshot.workspace ? { baseline: serializeWorkspace(snapshot.baseline) } : {}),
      ...(snapshot.fileName !== undefined ? { fileName: snapshot.fileName } : {}),
    };
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
      if (stored === undefined) return (await restoreStashed(undefined)) ?? { kind: 'none' };
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
          await storage.setAside(keptAsideKey(Date.now()), stored);
          await storage.clear();
        } catch {
          // Keeping it where it is also keeps it; the banner still offers the download.
        }
        return { kind: 'setAside', text, reason };
      }
      knownRevision = stored.revision;
      return (
        (await restoreStashed(stored)) ?? {
          kind: 'restored',
          workspace: loaded.workspace,
          baseline: baseline?.ok ? baseline.workspace : loaded.workspace,
          fileName: stored.fileName,
          savedAt: stored.savedAt,
        }
      );
    },
    schedule(snapshot) {
      if (superseded) return;
      waiting = snapshot;
      unwritten = snapshot;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => void flushNow(), delayMs);
    },
    flush: flushNow,
    flushOnUnload() {
      if (superseded || !unwritten) return;
      if (!stash) {
        void flushNow(); // the best that can be done without a stash
        return;
      }
      const record: UnloadRecord = { tabId, baseRevision: knownRevision, ...serializeSnapshot(unwritten) };
      try {
        stash.put(tabId, JSON.stringify(record));
        stashed = true;
      } catch {
        void flushNow(); // full or blocked: the IndexedDB write is the only chance
        return;
      }
      // No IndexedDB write now: it could not finish (its read answers in a task that never runs), and
      // the stash holds the work. Should the page live on (the back-forward cache), the waiting write
      // runs when its timer does, and the stash goes once it has landed.
    },
    dispose() {
      if (timer !== undefined) clearTimeout(timer);
      channel?.close();
    },
    async keptAside() {
      let stored: { key: string; value: unknown }[];
      try {
        stored = await storage.keptAside();
      } catch {
        return [];
      }
      return stored
        .map(({ key, value }) => readKeptAside(key, value))
        .filter((kept): kept is KeptAside => kept !== undefined)
        .sort((a, b) => b.keptAt - a.keptAt);
    },
    discardKeptAside: (key) => storage.discard(key),
  };
}
