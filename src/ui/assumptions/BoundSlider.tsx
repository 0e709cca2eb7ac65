/**
 * The slider of a quantity bound to the store (useQuantityBinding): its value, span, range handles,
 * lock, arrow-key steps and the marks of a drag. The assumptions panel and present mode both draw
 * their sliders here, so a slider's binding has one home (present mode's arrow keys had stepped the
 * input by itself, not from the store's value with its result, as the panel's do).
 */
import { QuantitySlider } from './QuantitySlider';
import type { QuantityBinding } from './useQuantityBinding';

export function BoundSlider({ id, binding }: { id: string; binding: QuantityBinding }) {
  return (
    <QuantitySlider
      id={id}
      value={binding.value}
      kind={binding.kind}
      unit={binding.unit}
      domain={binding.domain}
      disabled={binding.disabled}
      onChange={binding.setValue}
      onStep={binding.step}
      onGestureStart={binding.beginGesture}
      onGestureEnd={binding.endGesture}
      range={binding.sliderRange}
    />
  );
}
