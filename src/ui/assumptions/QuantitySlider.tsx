/**
 * The slider of one quantity: a native range input (role `slider`), named by its `<label>`, that
 * reads its value out in the quantity's own terms ("+1.50%", "$17.2 B"), and marks the start and
 * end of a drag so the whole drag is one undo step.
 */
import type { QuantityKind } from '../../model/quantityRef';
import type { SliderDomain } from '../sliderDomain';
import { formatQuantity } from '../format';

export interface QuantitySliderProps {
  id: string;
  value: number;
  kind: QuantityKind;
  unit: string;
  domain: SliderDomain;
  disabled?: boolean;
  onChange: (value: number) => void;
  onGestureStart?: () => void;
  onGestureEnd?: () => void;
}

export function QuantitySlider({ id, value, kind, unit, domain, disabled, onChange, onGestureStart, onGestureEnd }: QuantitySliderProps) {
  return (
    <input
      id={id}
      type="range"
      min={domain.min}
      max={domain.max}
      step={domain.step}
      value={value}
      disabled={disabled}
      aria-valuetext={formatQuantity(value, kind, unit)}
      onChange={(event) => onChange(Number(event.currentTarget.value))}
      onPointerDown={onGestureStart}
      onPointerUp={onGestureEnd}
      onBlur={onGestureEnd}
    />
  );
}
