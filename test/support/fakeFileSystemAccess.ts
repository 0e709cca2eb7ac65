/**
 * A fake of the File System Access API — showOpenFilePicker, showSaveFilePicker, file handles
 * with createWritable, and DataTransferItem.getAsFileSystemHandle for drops — so tests drive the
 * path a Chromium user takes (Save overwrites through the handle) instead of browser-fs-access's
 * download fallback, and can assert which file got which bytes.
 *
 * Files are addressed by a path ("a/market.slidecast.json"): two files may share a name in
 * different folders, as on a real disk. The same function installs the fake in jsdom (called
 * directly) and in Chromium (`page.addInitScript(installFakeFileSystemAccess)`), so it must stay
 * self-contained: no imports, no closures over module variables.
 */

export interface FakeFileSystem {
  /** The disk: path → content. */
  files: Record<string, string>;
  /** Every completed write, in order: which file got which text. */
  writes: { path: string; text: string }[];
  /** The paths the open picker returns, one per call; empty: the user cancels. */
  nextOpen: string[];
  /** The paths the save picker returns, one per call; empty: the user cancels. */
  nextSave: string[];
  /** The name each save picker call suggested. */
  saveRequests: { suggestedName: string | undefined }[];
  /** A dropped file's name → its path, for getAsFileSystemHandle; a name not here gets no handle. */
  dropped: Record<string, string>;
}

export function installFakeFileSystemAccess(): FakeFileSystem {
  const disk: FakeFileSystem = { files: {}, writes: [], nextOpen: [], nextSave: [], saveRequests: [], dropped: {} };

  class FakeFileHandle {
    readonly kind = 'file';
    readonly name: string;
    constructor(readonly path: string) {
      this.name = path.slice(path.lastIndexOf('/') + 1);
    }
    async getFile(): Promise<File> {
      const text = disk.files[this.path];
      if (text === undefined) throw new DOMException('A requested file or directory could not be found.', 'NotFoundError');
      return new File([text], this.name, { type: 'application/json' });
    }
    async isSameEntry(other: unknown): Promise<boolean> {
      return other instanceof FakeFileHandle && other.path === this.path;
    }
    async createWritable(): Promise<WritableStream> {
      // Like the real one: written to a copy, and the file changes only when the stream closes.
      const path = this.path;
      const decoder = new TextDecoder();
      let text = '';
      const append = async (chunk: unknown) => {
        if (typeof chunk === 'string') text += chunk;
        else if (chunk instanceof Blob) text += await chunk.text();
        else text += decoder.decode(chunk as Uint8Array, { stream: true });
      };
      const commit = () => {
        disk.files[path] = text;
        disk.writes.push({ path, text });
      };
      const stream = new WritableStream({ write: append, close: commit });
      // FileSystemWritableFileStream also takes write(data) and close() directly.
      return Object.assign(stream, { write: append, close: async () => commit() });
    }
  }

  const abort = () => new DOMException('The user aborted a request.', 'AbortError');
  const target = globalThis as unknown as Record<string, unknown>;
  target.showOpenFilePicker = async () => {
    const path = disk.nextOpen.shift();
    if (path === undefined) throw abort();
    return [new FakeFileHandle(path)];
  };
  target.showSaveFilePicker = async (options?: { suggestedName?: string }) => {
    disk.saveRequests.push({ suggestedName: options?.suggestedName });
    const path = disk.nextSave.shift();
    if (path === undefined) throw abort();
    if (disk.files[path] === undefined) disk.files[path] = '';
    return new FakeFileHandle(path);
  };
  if (typeof DataTransferItem === 'function') {
    Object.defineProperty(DataTransferItem.prototype, 'getAsFileSystemHandle', {
      configurable: true,
      value(this: DataTransferItem) {
        const file = this.getAsFile();
        const path = file ? disk.dropped[file.name] : undefined;
        return Promise.resolve(path === undefined ? null : new FakeFileHandle(path));
      },
    });
  }
  target.__fakeFileSystem = disk;
  return disk;
}
