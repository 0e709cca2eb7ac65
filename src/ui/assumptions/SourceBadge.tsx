/**
 * Tells a sourced number from an assumption at a glance, and opens the quantity's details on
 * demand: its source and note (text only: sources come from files and are never rendered as
 * HTML), then whatever else the row puts there (its range, src/ui/assumptions/RangeEditor.tsx).
 */
import { useId, useState, type ReactNode } from 'react';
import { isSourced, type Quantity } from '../../model/quantity';
import { NO_CHECK, splitNote } from '../../model/uncheckedStatements';

export interface SourceBadgeProps {
  quantity: Quantity;
  label: string;
  /** More of the details, after the source and note; rendered only while they are open. */
  details?: (() => ReactNode) | undefined;
}

export function SourceBadge({ quantity, label, details }: SourceBadgeProps) {
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const sourced = isSourced(quantity);
  const hasText = sourced || (quantity.note ?? '') !== '';
  const hasDetails = hasText || details !== undefined;
  // The reasoning, then each statement with no check on a line of its own (the vendors' quoted revenues).
  const { reasoning, statements } = splitNote(quantity.note);
  return (
    <>
      <button
        type="button"
        className={`badge ${sourced ? 'badge-sourced' : 'badge-assumed'}`}
        aria-expanded={open}
        aria-controls={detailsId}
        // The visible word comes first in the name, so speech input ("click Source") finds it.
        aria-label={`${sourced ? 'Source' : 'Assumed'}: ${label}${hasDetails ? ', show details' : ''}`}
        onClick={() => setOpen((o) => !o)}
        disabled={!hasDetails}
      >
        {sourced ? 'Source' : 'Assumed'}
      </button>
      {open && (
        <div id={detailsId} className="badge-details">
          {hasText && (
            <div role="note">
              {sourced && (
                <p>
                  <strong>Source:</strong> {quantity.source}
                </p>
              )}
              {reasoning && (
                <p>
                  <strong>Note:</strong> {reasoning}
                </p>
              )}
              {statements.map((statement, i) => (
                <p key={i}>
                  <strong>{NO_CHECK}</strong> {statement}
                </p>
              ))}
            </div>
          )}
          {details?.()}
        </div>
      )}
    </>
  );
}
