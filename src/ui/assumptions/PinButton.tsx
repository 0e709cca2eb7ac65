/** Pins an assumption to present mode's short list of sliders (saved with the workspace). */
import type { QuantityRef } from '../../model/quantityRef';
import { useSlidecast } from '../../state/store';
import { isPinned, togglePin } from '../../model/presentationEdits';
import { PinIcon } from '../icons';

export function PinButton({ quantityRef, label }: { quantityRef: QuantityRef; label: string }) {
  const pinned = useSlidecast((s) => isPinned(s.workspace, quantityRef));
  const editWorkspace = useSlidecast((s) => s.editWorkspace);
  return (
    <button
      type="button"
      className={`icon-button pin${pinned ? ' pin-on' : ''}`}
      aria-pressed={pinned}
      aria-label={`Pin ${label} to present mode`}
      title={pinned ? 'Pinned to present mode: click to unpin' : 'Pin to present mode'}
      onClick={() => editWorkspace('pins', (ws) => void togglePin(ws, quantityRef))}
    >
      <PinIcon filled={pinned} />
    </button>
  );
}
