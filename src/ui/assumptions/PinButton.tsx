/** Pins an assumption to present mode's short list of sliders (saved with the workspace). */
import { useMemo } from 'react';
import { quantityKey, type QuantityRef } from '../../model/quantityRef';
import { useSlidecast } from '../../state/store';
import { isPinned, togglePin } from '../../model/presentationEdits';
import { PinIcon } from '../icons';

export function PinButton({ quantityRef, label }: { quantityRef: QuantityRef; label: string }) {
  // The pins, not the workspace: an edit of the model leaves them as they are, and the 530 pin
  // buttons of a large model do not look through them again on every nudge.
  const presentation = useSlidecast((s) => s.workspace.presentation);
  const key = quantityKey(quantityRef);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- read again when the pins or the quantity change
  const pinned = useMemo(() => isPinned(useSlidecast.getState().workspace, quantityRef), [presentation, key]);
  return (
    <button
      type="button"
      className={`icon-button pin${pinned ? ' pin-on' : ''}`}
      aria-pressed={pinned}
      aria-label={`Pin ${label} to present mode`}
      title={pinned ? 'Pinned to present mode: click to unpin' : 'Pin to present mode'}
      onClick={() => useSlidecast.getState().editWorkspace('pins', (ws) => void togglePin(ws, quantityRef))}
    >
      <PinIcon filled={pinned} />
    </button>
  );
}
