/**
 * Tells a sourced number from an assumption at a glance, and shows the source or the note on
 * demand. Text only: sources come from files and are never rendered as HTML.
 */
import { useId, useState } from 'react';
import { isSourced, type Quantity } from '../../model/quantity';
import { NO_CHECK, splitNote } from '../../model/uncheckedStatements';

export function SourceBadge({ quantity, label }: { quantity: Quantity; label: string }) {
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const sourced = isSourced(quantity);
  const hasText = sourced || (quantity.note ?? '') !== '';
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
        aria-label={`${sourced ? 'Source' : 'Assumed'}: ${label}${hasText ? ', show details' : ''}`}
        onClick={() => setOpen((o) => !o)}
        disabled={!hasText}
      >
        {sourced ? 'Source' : 'Assumed'}
      </button>
      {open && (
        <div id={detailsId} className="badge-details" role="note">
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
    </>
  );
}
