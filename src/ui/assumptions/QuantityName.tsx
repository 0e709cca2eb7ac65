/**
 * A quantity's name inside its `<label>`: the whole name (`quantityName`, "Region: Europe share")
 * is the slider's accessible name, but under a heading that already names the list the list part
 * is only for screen readers, so the panel reads "Europe share". Present mode shows it whole.
 */
import { LIST_NAME_SEPARATOR } from '../../model/quantityRef';
import type { QuantityBinding } from './useQuantityBinding';

export function QuantityName({ binding, whole = false }: { binding: QuantityBinding; whole?: boolean }) {
  if (whole || binding.list === undefined) return <>{binding.name}</>;
  // The space stays outside the hidden part: accessible names trim the text of each element.
  return (
    <>
      <span className="visually-hidden">{`${binding.list}${LIST_NAME_SEPARATOR.trimEnd()}`}</span> {binding.label}
    </>
  );
}
