/**
 * Keyboard shortcuts for the whole app. Text fields keep their own undo (Ctrl+Z inside a number
 * box undoes typing, not the model).
 */
import { useEffect } from 'react';
import { useSlidecast } from '../state/store';
import { openFile, saveFile } from './files/fileActions';

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && !['range', 'checkbox', 'radio', 'button'].includes(target.type);
}

export function useShortcuts({ onPresent, enabled }: { onPresent: () => void; enabled: boolean }): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      if (!mod && !event.altKey && (event.key === 'p' || event.key === 'P') && !isTextField(event.target)) {
        event.preventDefault();
        onPresent();
        return;
      }
      if (!mod || event.altKey) return;
      const key = event.key.toLowerCase();
      const { undo, redo } = useSlidecast.getState();
      if (key === 's') {
        event.preventDefault();
        void saveFile(event.shiftKey);
      } else if (key === 'o') {
        event.preventDefault();
        void openFile();
      } else if ((key === 'z' || key === 'y') && !isTextField(event.target)) {
        event.preventDefault();
        if (key === 'y' || event.shiftKey) redo();
        else undo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onPresent, enabled]);
}
