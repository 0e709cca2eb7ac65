/**
 * A small "Export" menu button (the WAI-ARIA menu button pattern): the button opens a menu of
 * actions; arrow keys, Home and End move between them, Escape closes the menu and returns to the
 * button, Tab or a click elsewhere closes it. What an action did is said in a status line; what
 * went wrong in an alert.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useOutsidePress } from '../useOutsidePress';
import { FeedbackMessage, useExportRun, useFeedback, type ExportFeedback, type FeedbackLine } from './feedback';
import './export.css';

export interface ExportMenuItem {
  id: string;
  label: string;
  /**
   * Runs the export, given the menu's own element (to find what it exports in its panel); its
   * feedback is shown on a line of its own under the button. Called within the click.
   */
  run: (menu: HTMLElement) => ExportFeedback | Promise<ExportFeedback>;
  /** Said while a slow export runs, e.g. "Drawing the PNG…". */
  pending?: string;
}

export interface ExportMenuProps {
  /** The button's accessible name, starting with its visible text: "Export total market chart". */
  label: string;
  items: readonly ExportMenuItem[];
  /** The button's visible text; default "Export". */
  text?: string;
  /** A feedback line shared with the controls beside it; without one the menu shows its own. */
  feedbackLine?: FeedbackLine;
}

export function ExportMenu({ label, items, text = 'Export', feedbackLine }: ExportMenuProps) {
  const [open, setOpen] = useState(false);
  /** Which item takes focus when the menu opens: the first, or the last (ArrowUp on the button). */
  const [initialFocus, setInitialFocus] = useState<'first' | 'last'>('first');
  const own = useFeedback();
  const { busy, run } = useExportRun(feedbackLine ?? own);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const menuId = useId();

  const menuItems = () => [...(menuRef.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];

  const close = useCallback((returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  }, []);

  // Focus moves into the menu when it opens.
  useEffect(() => {
    if (!open) return;
    const found = [...(menuRef.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
    (initialFocus === 'last' ? found[found.length - 1] : found[0])?.focus();
  }, [open, initialFocus]);

  // A press anywhere outside closes the menu.
  const closeOutside = useCallback(() => setOpen(false), []);
  useOutsidePress(rootRef, open, closeOutside);

  const openWith = (focus: 'first' | 'last') => {
    setInitialFocus(focus);
    setOpen(true);
  };

  const onButtonKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      openWith(event.key === 'ArrowUp' ? 'last' : 'first');
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      close(true);
    }
  };

  const onMenuKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const found = menuItems();
    const current = found.indexOf(document.activeElement as HTMLButtonElement);
    const move = (index: number) => {
      event.preventDefault();
      found[(index + found.length) % found.length]?.focus();
    };
    switch (event.key) {
      case 'ArrowDown':
        move(current + 1);
        break;
      case 'ArrowUp':
        move(current < 0 ? found.length - 1 : current - 1);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(found.length - 1);
        break;
      case 'Escape':
        event.preventDefault();
        event.stopPropagation();
        close(true);
        break;
      case 'Tab':
        close(false);
        break;
      default:
        break;
    }
  };

  const runItem = (item: ExportMenuItem) => {
    close(true);
    run(
      () => {
        const menu = rootRef.current;
        return menu ? item.run(menu) : { ok: false, message: 'The export menu is no longer on screen.' };
      },
      { ...(item.pending ? { pending: item.pending } : {}), failure: (reason) => `${item.label} failed: ${reason}` },
    );
  };

  return (
    <div
      className="export-menu"
      ref={rootRef}
      onBlur={(event) => {
        // Focus leaving the button and its menu altogether closes the menu.
        if (open && rootRef.current && !(event.relatedTarget instanceof Node && rootRef.current.contains(event.relatedTarget))) setOpen(false);
      }}
    >
      {/* The button and its menu; the feedback, outside this anchor, takes a line of its own. */}
      <div className="export-anchor">
        <button
          ref={buttonRef}
          type="button"
          className="export-button"
          aria-label={label}
          aria-haspopup="menu"
          aria-expanded={open}
          aria-controls={open ? menuId : undefined}
          aria-busy={busy || undefined}
          onClick={() => (open ? close(false) : openWith('first'))}
          onKeyDown={onButtonKeyDown}
        >
          {text}
          <span aria-hidden="true" className="export-caret">
            ▾
          </span>
        </button>
        {open && (
          <ul ref={menuRef} id={menuId} role="menu" aria-label={label} className="export-items" onKeyDown={onMenuKeyDown}>
            {items.map((item) => (
              <li key={item.id} role="none">
                <button type="button" role="menuitem" tabIndex={-1} onClick={() => runItem(item)}>
                  {item.label}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      {!feedbackLine && <FeedbackMessage feedback={own.feedback} onDismiss={own.clear} />}
    </div>
  );
}
