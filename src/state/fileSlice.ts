/**
 * The open document and where it lives outside the tab: the file it was opened from or saved to
 * (its name, and the handle Save writes through), autosave's state, and the last problem to tell
 * the user about.
 */
import type { StateCreator } from 'zustand';
import type { Middlewares } from './workspaceSlice';
import type { SlidecastState } from './store';
import type { Workspace } from '../model/types';
import type { KeptAside } from '../io/autosave';

export type AutosaveStatus =
  | { kind: 'idle' }
  | { kind: 'saved'; at: number }
  /** A write failed (quota, blocked storage): a lasting banner until a write succeeds. */
  | { kind: 'failed'; message: string }
  /** Another tab saved newer work: this tab stops autosaving rather than overwrite it. */
  | { kind: 'superseded' };

/** A message for the user in an alert: what failed and why, in words. */
export interface Problem {
  title: string;
  message: string;
}

/**
 * The file a document lives in: its name, and the handle that lets Save overwrite it where the
 * browser gives one (the File System Access API: the picker, and a drop in Chromium).
 */
export interface DocumentFile {
  name: string;
  handle?: FileSystemFileHandle | undefined;
}

/**
 * The handles of open documents, by document id. A handle is a live browser object, not plain
 * data: immer would neither draft nor copy it, it cannot be compared, cloned or serialized like
 * the rest of the store, and the store's rule is plain data only. So the store holds the
 * document's id and this table holds its handle. An arriving document gets an id never used before,
 * so a stale id can never reach another document's file; the previous document's handle is dropped
 * when the next one arrives.
 */
const fileHandles = new Map<number, FileSystemFileHandle>();
let lastDocumentId = 0;

export interface FileSlice {
  /** Changes whenever another workspace arrives (opened, dropped, linked, new, restored). */
  documentId: number;
  fileName: string | undefined;
  autosave: AutosaveStatus;
  problem: Problem | undefined;
  /**
   * Autosaves kept aside (src/io/autosave.ts) — one this start could not restore, older work a page
   * left behind — offered to open, download or delete; undefined when there is none.
   */
  keptAside: KeptAsideOffer | undefined;
  /**
   * Puts another workspace on screen in one step — the only way one arrives — with the file it came
   * from (or none: the next Save asks where). A new document starts without the last one's problem.
   */
  openDocument: (workspace: Workspace, file: DocumentFile | undefined, baseline?: Workspace) => void;
  /** The open document was saved to `file` (Save As may change both name and handle). */
  setFile: (file: DocumentFile | undefined) => void;
  setAutosave: (status: AutosaveStatus) => void;
  reportProblem: (problem: Problem | undefined) => void;
  setKeptAside: (keptAside: KeptAsideOffer | undefined) => void;
}

/** What the banner of kept-aside autosaves shows, and the one thing it may do to storage. */
export interface KeptAsideOffer {
  /** Newest first. */
  entries: readonly KeptAside[];
  /** Why the autosave this start found could not be restored, when that is what happened. */
  unrestoredReason?: string;
  /** Deletes one from storage (and from `entries`); the user chose to. */
  discard: (key: string) => Promise<void>;
}

/** The handle Save writes through for the open document; undefined: Save asks where. */
export function fileHandleOf(state: Pick<FileSlice, 'documentId'>): FileSystemFileHandle | undefined {
  return fileHandles.get(state.documentId);
}

/** For tests, with the store's reset: the start-up document (id 0) comes back without a file. */
export function forgetFileHandles(): void {
  fileHandles.clear();
}

function keepHandle(documentId: number, file: DocumentFile | undefined): void {
  if (file?.handle) fileHandles.set(documentId, file.handle);
  else fileHandles.delete(documentId);
}

export const createFileSlice: StateCreator<SlidecastState, Middlewares, [], FileSlice> = (set, get) => ({
  documentId: 0,
  fileName: undefined,
  autosave: { kind: 'idle' },
  problem: undefined,
  keptAside: undefined,
  openDocument: (workspace, file, baseline) => {
    fileHandles.delete(get().documentId);
    const documentId = ++lastDocumentId;
    keepHandle(documentId, file);
    get().replaceWorkspace(workspace, baseline);
    set({ documentId, fileName: file?.name, problem: undefined });
  },
  setFile: (file) => {
    keepHandle(get().documentId, file);
    set({ fileName: file?.name });
  },
  setAutosave: (autosave) => set({ autosave }),
  reportProblem: (problem) => set({ problem }),
  setKeptAside: (keptAside) => set({ keptAside }),
});
