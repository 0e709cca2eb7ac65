/**
 * What every row of the Structure view's lists shares (a dimension, a member, a driver): the arrows
 * that move it, the Notes button that opens its source and note, the ✕ that removes it, and how a
 * move or a removal is run — its refusal shown by the row, the keyboard focus put back where the
 * person was (a moved element loses focus in the browser).
 *
 * A row's controls carry focus keys `${prefix}${control}:${key}`: `dimension-up:region`,
 * `driver-notes:ai`, `name:region/europe` (a member's prefix is empty).
 */
import { useState } from 'react';
import type { StructureOp } from '../../model/structureOpsWorkspace';
import { refocus, useStructure, type StructureActions } from './structureContext';

export type RowControl = 'name' | 'up' | 'down' | 'notes';

/** What a row's move was started from: an arrow, or Alt+↑/↓ in its name. */
export type MoveFrom = 'up' | 'down' | 'name';

/**
 * A row's moves and removal. `prefix` and `key` make its focus keys; `problem` is the message of
 * its last refused move or removal (null once one is done).
 */
export function useListRow(prefix: string, key: string) {
  const { run } = useStructure();
  const [problem, setProblem] = useState<string | null>(null);
  const focusKey = (control: RowControl) => `${prefix}${control}:${key}`;

  /** Runs `op`, a move; the focus stays on the control used, or the other arrow once that one is disabled at an end of the list. */
  function move(op: StructureOp, from: MoveFrom) {
    setProblem(run(op) ?? null);
    if (from === 'name') refocus(focusKey('name'));
    else refocus(focusKey(from), focusKey(from === 'up' ? 'down' : 'up'));
  }

  /** Runs `op`, the row's removal, announcing `done`; once removed, the focus goes to `nextFocusKey`. */
  function remove(op: StructureOp, done: Parameters<StructureActions['run']>[1], nextFocusKey: string) {
    const error = run(op, done);
    setProblem(error ?? null);
    if (!error) refocus(nextFocusKey);
  }

  return { problem, focusKey, move, remove };
}

export interface MoveButtonsProps {
  /** The row as the buttons name it: "Move {name} up". */
  name: string;
  index: number;
  /** How many rows the list has: the last one cannot move down. */
  count: number;
  focusKey: (control: RowControl) => string;
  onMove: (offset: number, from: 'up' | 'down') => void;
}

/** ↑ and ↓: one place up or down the list, disabled at its ends. */
export function MoveButtons({ name, index, count, focusKey, onMove }: MoveButtonsProps) {
  return (
    <>
      <button type="button" className="icon-button" data-focus-key={focusKey('up')} disabled={index === 0} aria-label={`Move ${name} up`} onClick={() => onMove(-1, 'up')}>
        ↑
      </button>
      <button
        type="button"
        className="icon-button"
        data-focus-key={focusKey('down')}
        disabled={index === count - 1}
        aria-label={`Move ${name} down`}
        onClick={() => onMove(1, 'down')}
      >
        ↓
      </button>
    </>
  );
}

/** Opens and closes the source and note of `name` (the panel itself is the row's `QuantityWords`). */
export function NotesButton({ name, open, focusKey, onToggle }: { name: string; open: boolean; focusKey: string; onToggle: () => void }) {
  return (
    <button type="button" className="st-small" data-focus-key={focusKey} aria-expanded={open} aria-label={`Notes: source and note of ${name}`} onClick={onToggle}>
      Notes
    </button>
  );
}

/** ✕: removes the row named `name`; `title` says why it would be refused, when it would. */
export function RemoveButton({ name, title, onRemove }: { name: string; title?: string | undefined; onRemove: () => void }) {
  return (
    <button type="button" className="icon-button st-remove" aria-label={`Remove ${name}`} title={title} onClick={onRemove}>
      ✕
    </button>
  );
}
