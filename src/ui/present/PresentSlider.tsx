/**
 * A pinned assumption in present mode: a big slider with its whole name and value, keyboard first.
 * Bound to its quantity as the assumptions panel's sliders are (useQuantityBinding): share locks
 * hold, a driver switched off stays still.
 */
import { useId } from 'react';
import type { QuantityRef } from '../../model/quantityRef';
import { formatQuantity } from '../format';
import { BoundSlider } from '../assumptions/BoundSlider';
import { QuantityName } from '../assumptions/QuantityName';
import { useQuantityBinding } from '../assumptions/useQuantityBinding';

export function PresentSlider({ quantityRef }: { quantityRef: QuantityRef }) {
  const id = useId();
  const binding = useQuantityBinding(quantityRef);
  if (!binding) return null; // this scenario has no such assumption
  const { value, kind, unit } = binding;
  return (
    <div className={`present-slider${binding.disabled ? ' present-slider-disabled' : ''}`}>
      <label htmlFor={id} title={binding.disabledReason}>
        <span className="present-slider-name">
          <QuantityName binding={binding} whole />
        </span>
        <span className="present-slider-value" aria-hidden="true">
          {formatQuantity(value, kind, unit)}
        </span>
      </label>
      <BoundSlider id={id} binding={binding} />
      {binding.disabledReason && <p className="present-slider-note">{binding.disabledReason}</p>}
    </div>
  );
}
