/**
 * The app's keys, on `?` (outside present mode): the keymap's list (src/ui/keymap.ts), in a panel
 * over the screen. It takes the focus when it opens and gives it back when it closes — on its
 * Close button, on Esc, on `?` again, or on a press outside it.
 */
import { useEffect, useId, useRef } from 'react';
import { KeyTable } from './KeyTable';

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
    const onPointerDown = (event: PointerEvent) => {
      if (panel.current && event.target instanceof Node && !panel.current.contains(event.target)) onClose();
    };
    window.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointerDown);
    return () => {
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointerDown);
      if (before instanceof HTMLElement && before.isConnected) before.focus();
    };
  }, [onClose]);

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
