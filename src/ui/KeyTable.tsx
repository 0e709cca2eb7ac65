/**
 * The keys of one scope, drawn from the keymap (src/ui/keymap.ts): a key's labels as `<kbd>`s, and
 * the table of every key with what it does — present mode's list and the app's (both on `?`).
 */
import { Fragment } from 'react';
import { KEYMAP, keyLabels, keyLabelSeparator, type KeyBinding, type KeyScope } from './keymap';

/** A binding's keys as `<kbd>`s: "Ctrl+Shift+Z, Ctrl+Y", "1 … 9". */
export function Keys({ binding }: { binding: KeyBinding }) {
  const separator = keyLabelSeparator(binding).trim();
  return (
    <>
      {keyLabels(binding).map((label, i) => (
        <Fragment key={label}>
          {i > 0 && separator !== ',' && <span aria-hidden="true">{separator}</span>}
          <kbd>{label}</kbd>
        </Fragment>
      ))}
    </>
  );
}

/** Every key of `scope`, a row each: its keys, and what it does. */
export function KeyTable({ scope }: { scope: KeyScope }) {
  return (
    <table>
      <tbody>
        {KEYMAP.filter((binding) => binding.scope === scope).map((binding) => (
          <tr key={binding.action}>
            <th scope="row">
              <Keys binding={binding} />
            </th>
            <td>{binding.does}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
