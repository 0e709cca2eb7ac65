/**
 * What the autosave tests share: an IndexedDB of one Map shared by "tabs" (updates are atomic, as
 * in a readwrite transaction), and localStorage as a Map (synchronous, shared, kept across reloads).
 */
import type { AutosaveStorage, UnloadStash } from '../../src/io/autosave';

export interface MemoryStorageOptions {
  /**
   * False while the page is being unloaded: IndexedDB takes the request, but its answer comes in
   * a task that never runs.
   */
  answers?: () => boolean;
}

export function memoryStorage(options: MemoryStorageOptions = {}) {
  const data = new Map<string, unknown>();
  let failWith: Error | undefined;
  const storage: AutosaveStorage = {
    read: async () => data.get('workspace'),
    update: (change) => {
      if (options.answers && !options.answers()) return new Promise<void>(() => undefined);
      if (failWith) return Promise.reject(failWith);
      data.set('workspace', change(data.get('workspace')));
      return Promise.resolve();
    },
    setAside: async (key, value) => void data.set(key, value),
    keptAside: async () => [...data].filter(([key]) => key.startsWith('set-aside-')).map(([key, value]) => ({ key, value })),
    discard: async (key) => void data.delete(key),
    clear: async () => void data.delete('workspace'),
  };
  return { storage, data, fail: (error: Error | undefined) => (failWith = error) };
}

export function memoryStash() {
  const entries = new Map<string, string>();
  const stash: UnloadStash = {
    put: (key, text) => void entries.set(key, text),
    entries: () => [...entries].map(([key, text]) => ({ key, text })),
    remove: (key) => void entries.delete(key),
  };
  return { stash, entries };
}
