/**
 * A quantity's name inside its `<label>`: the whole name (`quantityName`, "Region: Europe share")
 * is the slider's accessible name, but under a heading that already names the list the list part
 * is only for screen readers, so the panel reads "Europe share". Present mode shows it whole.
 */
import type { QuantityBinding } from './useQuantityBinding';

export function QuantityName({ binding, whole = false }: { binding: QuantityBinding; whole?: boolean }) {
  if (whole || binding.list === undefined) return <>{binding.name}</>;
  const shown = binding.label;
  const hidden = binding.name.endsWith(shown) ? binding.name.slice(0, binding.name.length - shown.length) : undefined;
  if (hidden === undefined) return <>{binding.name}</>;
  // The space stays outside the hidden part: accessible names trim the text of each element.
  return (
    <>
      <span className="visually-hidden">{hidden.trimEnd()}</span> {shown}
    </>
  );
}
