/**
 * Text being typed into a number or name box, and the message about it: kept until it is
 * committed or abandoned, and dropped — message and all — when the value it would replace changes
 * elsewhere (undo, another slider rebalancing a share, "New seed", another scenario). The one rule
 * for every box that commits on Enter or when left: the assumptions' number boxes, the Structure
 * view's fields and the simulation's settings.
 */
import { useState } from 'react';

export function useDraft(value: unknown) {
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Adjusted during render, not in an effect: the stale draft never shows.
  const [draftFor, setDraftFor] = useState(value);
  if (!Object.is(draftFor, value)) {
    setDraftFor(value);
    setDraft(null);
    setError(null);
  }
  /** Back to the value: the draft and its message go (Esc). */
  const abandon = () => {
    setDraft(null);
    setError(null);
  };
  return { draft, setDraft, error, setError, abandon };
}
