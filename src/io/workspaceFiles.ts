/**
 * Workspace files on the user's own disk, through browser-fs-access: the File System Access API
 * where the browser has it (so Save overwrites the file it came from), a download and an
 * `<input type=file>` elsewhere. It keeps no state: the handle a file arrives with is returned to the
 * caller, which keeps it with the open document (src/state/fileSlice.ts), and Save is given it back.
 *
 * Reading never half-applies: size check (before reading a byte), parse, validate, migrate — and
 * only a complete workspace is returned for the caller to swap in, in one step.
 */
import { fileOpen, fileSave, type FileWithHandle } from 'browser-fs-access';
import { MAX_JSON_TEXT_LENGTH } from '../model/safeJson';
import { parseWorkspaceFile } from '../model/workspaceFile';
import { describeLoadError } from '../model/loadError';
import { serializeWorkspace } from '../model/workspaceFile';
import type { Workspace } from '../model/types';
import { errorText } from '../model/errorText';

export const WORKSPACE_EXTENSION = '.slidecast.json';
const MIME_TYPE = 'application/json';
/** Bytes; a character takes at least one, so this also bounds the text the parser sees. */
export const MAX_WORKSPACE_FILE_BYTES = MAX_JSON_TEXT_LENGTH;

export type OpenOutcome =
  /** `handle`: where Save can overwrite the file; absent where the browser gives none. */
  | { kind: 'opened'; workspace: Workspace; fileName: string; handle?: FileSystemFileHandle | undefined }
  | { kind: 'refused'; fileName: string; message: string }
  | { kind: 'cancelled' };

export type SaveOutcome =
  | { kind: 'saved'; fileName: string; handle: FileSystemFileHandle | undefined }
  | { kind: 'failed'; message: string }
  | { kind: 'cancelled' };

/** What a drop brings besides the File in Chromium (not yet in TypeScript's DOM types). */
interface DataTransferItemWithHandle extends DataTransferItem {
  getAsFileSystemHandle?: () => Promise<FileSystemHandle | null>;
}

/**
 * The handle of a dropped file, where the browser gives one, so that Save after a drop overwrites
 * the dropped file. Call it during the drop event: the items are gone after it.
 */
export function droppedFileHandle(transfer: DataTransfer): Promise<FileSystemFileHandle | undefined> {
  const item = Array.from(transfer.items ?? []).find((candidate) => candidate.kind === 'file') as DataTransferItemWithHandle | undefined;
  if (typeof item?.getAsFileSystemHandle !== 'function') return Promise.resolve(undefined);
  return item.getAsFileSystemHandle().then(
    (handle) => (handle?.kind === 'file' ? (handle as FileSystemFileHandle) : undefined),
    () => undefined,
  );
}

/** A picker the user closed is a cancel, not a failure (headless browsers reject at once, too). */
function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const UNREADABLE_FILE = 'The file could not be read.';

/** Reads a file the user chose or dropped. Never throws. */
export async function readWorkspaceFile(file: File): Promise<Exclude<OpenOutcome, { kind: 'cancelled' }>> {
  const fileName = file.name;
  if (file.size > MAX_WORKSPACE_FILE_BYTES) {
    return {
      kind: 'refused',
      fileName,
      message: `The file is ${megabytes(file.size)}; workspace files are limited to ${megabytes(MAX_WORKSPACE_FILE_BYTES)}.`,
    };
  }
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { kind: 'refused', fileName, message: UNREADABLE_FILE };
  }
  const loaded = parseWorkspaceFile(text);
  if (!loaded.ok) return { kind: 'refused', fileName, message: describeLoadError(loaded.error) };
  return { kind: 'opened', workspace: loaded.workspace, fileName };
}

export async function openWorkspaceFile(): Promise<OpenOutcome> {
  let file: FileWithHandle;
  try {
    file = await fileOpen({
      description: 'Slidecast workspace',
      mimeTypes: [MIME_TYPE],
      extensions: [WORKSPACE_EXTENSION, '.json'],
      id: 'slidecast-workspace',
    });
  } catch (error) {
    if (isAbort(error)) return { kind: 'cancelled' };
    return { kind: 'refused', fileName: '', message: errorText(error) };
  }
  const outcome = await readWorkspaceFile(file);
  return outcome.kind === 'opened' ? { ...outcome, handle: file.handle } : outcome;
}

/**
 * Reads the file behind a handle the browser gave (a file the installed app was launched with, see
 * src/io/launchQueue.ts), through the same checks as Open, and keeps the handle so that Save
 * overwrites that file. Never throws.
 */
export async function readWorkspaceFileHandle(handle: FileSystemFileHandle): Promise<Exclude<OpenOutcome, { kind: 'cancelled' }>> {
  let file: File;
  try {
    file = await handle.getFile();
  } catch {
    return { kind: 'refused', fileName: handle.name, message: UNREADABLE_FILE };
  }
  const outcome = await readWorkspaceFile(file);
  return outcome.kind === 'opened' ? { ...outcome, handle } : outcome;
}

/** The name a new file is offered under: the workspace title, made safe for a file system. */
export function suggestedFileName(workspace: Workspace): string {
  // Control characters are exactly what a file name must not contain.
  // eslint-disable-next-line no-control-regex
  const base = workspace.title.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').trim().slice(0, 80) || 'workspace';
  return `${base}${WORKSPACE_EXTENSION}`;
}

/**
 * Save overwrites the file the workspace came from (`handle`) where the browser allows; Save As, or
 * a workspace with no handle, asks where, offering `fileName`.
 */
export async function saveWorkspaceFile(
  workspace: Workspace,
  file: { fileName: string | undefined; handle: FileSystemFileHandle | undefined },
  saveAs: boolean,
): Promise<SaveOutcome> {
  const fileName = file.fileName;
  const blob = new Blob([serializeWorkspace(workspace)], { type: MIME_TYPE });
  try {
    const handle = await fileSave(
      blob,
      {
        fileName: fileName ?? suggestedFileName(workspace),
        description: 'Slidecast workspace',
        extensions: [WORKSPACE_EXTENSION],
        mimeTypes: [MIME_TYPE],
        id: 'slidecast-workspace',
      },
      saveAs ? null : (file.handle ?? null),
    );
    return { kind: 'saved', fileName: handle?.name ?? fileName ?? suggestedFileName(workspace), handle: handle ?? undefined };
  } catch (error) {
    if (isAbort(error)) return { kind: 'cancelled' };
    return { kind: 'failed', message: errorText(error) };
  }
}
