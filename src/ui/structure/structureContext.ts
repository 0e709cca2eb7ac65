/**
 * What every part of the Structure view shares: whether structure edits go to every scenario, the
 * one way to run a structure operation, and the status line that reports what happened.
 */
import { createContext, useContext } from 'react';
import type { StructureOp } from '../../model/structureOpsWorkspace';

export interface Announcement {
  text: string;
  /** Offer "Undo" (removals, imports, edits of several scenarios). */
  undoable?: boolean;
  /** Scenarios left out of an edit meant for all, with the reason for each. */
  skipped?: string[];
}

export interface StructureActions {
  /** Structure edits go to every scenario of the workspace. */
  allScenarios: boolean;
  /**
   * Applies `op` as one undoable edit. Returns the message when it was refused (nothing changed):
   * the caller shows it by its control. Otherwise announces `done`, with the scenarios left out.
   */
  run: (op: StructureOp, done?: string | Omit<Announcement, 'skipped'>) => string | undefined;
  announce: (announcement: Announcement | undefined) => void;
  /** Opens the import of shares on a dimension (its card's "Import…" button). */
  importInto: (dimensionId: string) => void;
}

export const StructureContext = createContext<StructureActions | null>(null);

export function useStructure(): StructureActions {
  const actions = useContext(StructureContext);
  if (!actions) throw new Error('useStructure is used outside the Structure view');
  return actions;
}

/**
 * Puts the keyboard focus back on a control after its row moved (a moved element loses focus in
 * the browser): the element with `data-focus-key="key"`, or when that is disabled now (the row
 * reached an end of its list), `fallbackKey`'s.
 */
export function refocus(key: string, fallbackKey?: string): void {
  requestAnimationFrame(() => {
    const find = (k: string) => document.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(k)}"]`);
    const target = find(key);
    if (target && !(target as HTMLButtonElement).disabled) target.focus();
    else if (fallbackKey) find(fallbackKey)?.focus();
  });
}
