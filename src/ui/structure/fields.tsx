/**
 * The Structure view's small inputs: a name that commits on Enter or when left (Esc puts it back),
 * and a number box for a quantity. Both keep a refused entry on screen with its message (role
 * `alert`) until it is corrected or abandoned. `NumberBox` is the bare box with its unit, which
 * the add forms type into too.
 */
import { useId, type InputHTMLAttributes, type KeyboardEvent } from 'react';
import { useDraft } from '../useDraft';
import type { QuantityKind } from '../../model/quantityRef';
import { parseQuantityInput, quantityInputText } from '../quantityInput';
import { SHORT_TEXT_BOX_LENGTH } from '../textBoxLength';

export interface NameFieldProps {
  /** The accessible name, e.g. "Name of member Europe". */
  label: string;
  value: string;
  /** Applies the new name; a message when refused. */
  onCommit: (name: string) => string | undefined;
  /** Alt+↑ / Alt+↓ move the item. */
  onMove?: (offset: number) => void;
  className?: string;
  focusKey?: string;
}

export function NameField({ label, value, onCommit, onMove, className, focusKey }: NameFieldProps) {
  const { draft, setDraft, error, setError, abandon } = useDraft(value);
  const errorId = useId();
  function commit(text: string) {
    if (text === value) {
      setDraft(null);
      setError(null);
      return;
    }
    const problem = onCommit(text);
    if (problem) setError(problem);
    else {
      setDraft(null);
      setError(null);
    }
  }
  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit(event.currentTarget.value);
    } else if (event.key === 'Escape') {
      abandon();
    } else if (event.altKey && onMove && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      onMove(event.key === 'ArrowUp' ? -1 : 1);
    }
  }
  return (
    <span className={`st-field ${className ?? ''}`}>
      <input
        type="text"
        className="st-name"
        aria-label={label}
        aria-invalid={error !== null}
        aria-describedby={error ? errorId : undefined}
        data-focus-key={focusKey}
        value={draft ?? value}
        onChange={(event) => setDraft(event.currentTarget.value)}
        onBlur={(event) => draft !== null && commit(event.currentTarget.value)}
        onKeyDown={onKeyDown}
        maxLength={SHORT_TEXT_BOX_LENGTH}
      />
      {error && (
        <span id={errorId} role="alert" className="field-error st-error">
          {error}
        </span>
      )}
    </span>
  );
}

export interface NumberFieldProps {
  /** The accessible name without the unit, e.g. "Europe share"; the box is named "Europe share (%)". */
  label: string;
  value: number;
  kind: QuantityKind;
  /** The model's unit, shown for sizes. */
  unit: string;
  onCommit: (value: number) => string | undefined;
  disabled?: boolean;
  title?: string;
}

export function NumberField({ label, value, kind, unit, onCommit, disabled = false, title }: NumberFieldProps) {
  const shown = quantityInputText(value, kind);
  const { draft, setDraft, error, setError, abandon } = useDraft(shown);
  const errorId = useId();
  const unitLabel = kind === 'size' ? unit : '%';
  function commit(text: string) {
    const parsed = parseQuantityInput(text, kind, unit);
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    const problem = parsed.value === value ? undefined : onCommit(parsed.value);
    if (problem) setError(problem);
    else {
      setDraft(null);
      setError(null);
    }
  }
  return (
    <span className="st-field st-number">
      <NumberBox
        unit={unitLabel}
        aria-label={`${label} (${unitLabel})`}
        aria-invalid={error !== null}
        aria-describedby={error ? errorId : undefined}
        value={draft ?? shown}
        disabled={disabled}
        title={title}
        onChange={(event) => setDraft(event.currentTarget.value)}
        onBlur={(event) => draft !== null && commit(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            commit(event.currentTarget.value);
          }
          if (event.key === 'Escape') abandon();
        }}
      />
      {error && (
        <span id={errorId} role="alert" className="field-error st-error">
          {label}: {error}
        </span>
      )}
    </span>
  );
}

/** What an add form's number box holds: nothing (left blank, `value` undefined), a number, or why not. */
export function readOptionalNumber(text: string, kind: Exclude<QuantityKind, 'size'>): { ok: true; value: number | undefined } | { ok: false; message: string } {
  return text.trim() === '' ? { ok: true, value: undefined } : parseQuantityInput(text, kind, '');
}

/** A text box for a number, with its unit after it ("%", "% a year", the model's unit). */
export function NumberBox({ unit, ...input }: { unit: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <span className="st-number-box">
      <input type="text" inputMode="decimal" {...input} />
      <span className="st-unit" aria-hidden="true">
        {unit}
      </span>
    </span>
  );
}
