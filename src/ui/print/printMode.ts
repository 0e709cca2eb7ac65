/**
 * Whether the page is being printed. The printable summary is rendered only then — not on every
 * slider frame while it is hidden — so printing has to be noticed before the browser lays the page
 * out for paper: on `beforeprint` (Ctrl+P, the browser's menu, `window.print()`), and when the
 * `print` media query starts to match (print emulation in tests and tools). The summary is
 * rendered synchronously (`flushSync`) inside those events.
 */
import { useEffect, useSyncExternalStore } from 'react';
import { flushSync } from 'react-dom';

let printing = false;
/** Counts starts of printing, so a late check of an earlier print cannot end a newer one. */
let session = 0;
const listeners = new Set<() => void>();

function setPrinting(value: boolean): void {
  if (printing === value) return;
  printing = value;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** True from just before printing until printing is over. */
export function usePrinting(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => printing,
    () => false,
  );
}

/** Renders the summary now, before the browser takes its picture of the page for printing. */
export function startPrinting(): void {
  session += 1;
  flushSync(() => setPrinting(true));
}

export function stopPrinting(): void {
  setPrinting(false);
}

/** Listens for the browser starting and ending a print; mount once (the summary does). */
export function usePrintEvents(): void {
  useEffect(() => {
    const media = typeof window.matchMedia === 'function' ? window.matchMedia('print') : undefined;
    const onMediaChange = (event: MediaQueryListEvent) => (event.matches ? startPrinting() : stopPrinting());
    // While the page is still laid out for print (print emulation), printing is not over.
    const onAfterPrint = () => {
      if (!media?.matches) stopPrinting();
    };
    window.addEventListener('beforeprint', startPrinting);
    window.addEventListener('afterprint', onAfterPrint);
    media?.addEventListener('change', onMediaChange);
    if (media?.matches) setPrinting(true);
    return () => {
      window.removeEventListener('beforeprint', startPrinting);
      window.removeEventListener('afterprint', onAfterPrint);
      media?.removeEventListener('change', onMediaChange);
    };
  }, []);
}

/** The "Print summary" command: the summary first, then the browser's print dialog. */
export function printSummary(): void {
  startPrinting();
  const started = session;
  window.print();
  // window.print() returns when the dialog closes, and `afterprint` ends printing. Where it returns
  // at once without the events (headless browsers), stop rendering the hidden summary soon after.
  setTimeout(() => {
    const printMedia = typeof window.matchMedia === 'function' && window.matchMedia('print').matches;
    if (session === started && !printMedia) stopPrinting();
  }, 1000);
}
