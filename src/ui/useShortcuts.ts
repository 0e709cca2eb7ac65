/**
 * The app's keyboard shortcuts, dispatched from the keymap (src/ui/keymap.ts). Text fields keep
 * their own undo (Ctrl+Z inside a number box undoes typing, not the model). Off in present mode,
 * which has keys of its own.
 */
import { useEffect } from 'react';
import { useSlidecast } from '../state/store';
import { openFile, saveFile } from './files/fileActions';
import { keyBindingFor, type AppAction } from './keymap';

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && !['range', 'checkbox', 'radio', 'button'].includes(target.type);
}

/**
 * A drop-down list jumps to the option typed (its type-ahead): a letter or digit pressed there is
 * its own, so P on the scenario picker picks "Pessimistic", it does not start presenting. Keys with
 * Ctrl or ⌘ (undo, save) are still the app's: a list has no undo of its own.
 */
function typedIntoList(event: KeyboardEvent): boolean {
  return event.target instanceof HTMLSelectElement && event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
}

export function useShortcuts({ onPresent, onKeys, enabled }: { onPresent: () => void; onKeys: () => void; enabled: boolean }): void {
  useEffect(() => {
    if (!enabled) return;
    const actions: Record<AppAction, () => void> = {
      open: () => void openFile(),
      save: () => void saveFile(false),
      saveAs: () => void saveFile(true),
      undo: () => useSlidecast.getState().undo(),
      redo: () => useSlidecast.getState().redo(),
      present: onPresent,
      keys: onKeys,
    };
    const onKey = (event: KeyboardEvent) => {
      if (typedIntoList(event)) return;
      const binding = keyBindingFor(event, 'app', isTextField(event.target));
      if (binding?.scope !== 'app' || binding.native) return;
      event.preventDefault();
      actions[binding.action]();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onPresent, onKeys, enabled]);
}
