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

/** The locked shares as member paths `[dimensionId, memberId, …]`: what the engine's analyses take (src/engine/analysis.ts). */
export function lockedPaths(locked: ReadonlySet<string>): string[][] {
  return [...locked].map((key) => key.split('/'));
}

/** The locks of one list of members (a dimension's members, or a member's parts), as a list shows them. */
export interface ListLocks {
  isLocked: (memberId: string) => boolean;
  /** Every member but this one is locked: its share cannot move. */
  othersLocked: (memberId: string) => boolean;
  /** One flag per member, in list order: what `rebalanceShares` takes. */
  flags: boolean[];
  lockedIds: string[];
  toggle: (memberId: string) => void;
}

export function useListLocks(parentPath: readonly string[], members: readonly { id: string }[]): ListLocks {
  const locked = useShareLocks((s) => s.locked);
  const toggleLock = useShareLocks((s) => s.toggleLock);
  const keyOf = (id: string) => [...parentPath, id].join('/');
  const isLocked = (id: string) => locked.has(keyOf(id));
  const flags = members.map((m) => isLocked(m.id));
  return {
    isLocked,
    othersLocked: (id) => members.every((m, i) => m.id === id || flags[i]),
    flags,
    lockedIds: members.filter((_, i) => flags[i]).map((m) => m.id),
    toggle: (id) => toggleLock(keyOf(id)),
  };
}
