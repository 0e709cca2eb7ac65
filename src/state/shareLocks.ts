/**
 * Which shares the user has locked. A lock is a way of working, not part of the model: it is never
 * saved, never undone, and lives in its own small store, apart from the workspace store. It lasts
 * while the page is open, so switching views or scenarios does not forget it.
 */
import { create } from 'zustand';

export interface ShareLocksState {
  /** Member path keys (`region/na`) of locked shares. */
  locked: ReadonlySet<string>;
  toggleLock: (pathKey: string) => void;
  clearLocks: () => void;
}

export const useShareLocks = create<ShareLocksState>()((set) => ({
  locked: new Set(),
  toggleLock: (pathKey) =>
    set(({ locked }) => {
      const next = new Set(locked);
      if (next.has(pathKey)) next.delete(pathKey);
      else next.add(pathKey);
      return { locked: next };
    }),
  clearLocks: () => set({ locked: new Set() }),
}));
