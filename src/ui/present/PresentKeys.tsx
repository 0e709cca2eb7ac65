/**
 * Present mode's keys, drawn from the keymap (src/ui/keymap.ts): a short line of them in the
 * footer, and the whole list on `?`.
 */
import { useId } from 'react';
import { KEYMAP, type PresentAction } from '../keymap';
import { Keys, KeyTable } from '../KeyTable';

const PRESENT_KEYS = KEYMAP.filter((binding) => binding.scope === 'present');

/** The footer: each key and a word or two; `states` adds a toggle's state ("base line on"). */
export function PresentKeys({ states = {} }: { states?: Partial<Record<PresentAction, string>> }) {
  return (
    <>
      {PRESENT_KEYS.map((binding) => (
        <span key={binding.action} className="present-key">
          <Keys binding={binding} /> {binding.short}
          {binding.scope === 'present' && states[binding.action] ? ` ${states[binding.action]}` : ''}
        </span>
      ))}
    </>
  );
}

/** Every key of present mode, with what it does (opened and closed with `?`). */
export function PresentKeyList() {
  const titleId = useId();
  return (
    <section className="present-help" aria-labelledby={titleId}>
      <h2 id={titleId}>Keys</h2>
      <KeyTable scope="present" />
      <p className="present-help-close">
        <kbd>?</kbd> or <kbd>Esc</kbd> closes this list
      </p>
    </section>
  );
}
