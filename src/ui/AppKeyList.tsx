/**
 * The app's keys, on `?` (outside present mode): the keymap's list (src/ui/keymap.ts), in a panel
 * over the screen. It takes the focus when it opens and gives it back when it closes — on its
 * Close button, on Esc, on `?` again, or on a press outside it.
 */
import { useEffect, useId, useRef } from 'react';
import { KeyTable } from './KeyTable';
import { useOutsidePress } from './useOutsidePress';

export function AppKeyList({ onClose }: { onClose: () => void }) {
  const titleId = useId();
  const panel = useRef<HTMLElement>(null);
  const close = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const before = document.activeElement;
    close.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      if (before instanceof HTMLElement && before.isConnected) before.focus();
    };
  }, [onClose]);
  useOutsidePress(panel, true, onClose);

  return (
    <section ref={panel} className="key-list" role="dialog" aria-labelledby={titleId}>
      <h2 id={titleId}>Keys</h2>
      <KeyTable scope="app" />
      <p className="muted">
        Sliders take the arrow keys, Page Up / Page Down and Home / End; present mode (<kbd>P</kbd>) has keys of its own, listed there on{' '}
        <kbd>?</kbd>.
      </p>
      <button type="button" ref={close} onClick={onClose}>
        Close
      </button>
    </section>
  );
}
