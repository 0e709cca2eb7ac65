/**
 * The slider of one quantity: a native range input (role `slider`), named by its `<label>`, that
 * reads its value out in the quantity's own terms ("+1.50%", "$17.2 B"), and marks the start and
 * end of a drag so the whole drag is one undo step.
 *
 * A quantity with a range has two more handles on the same track, for its low and high ends: each
 * a native range input of its own, named "Trend growth, low" / "…, high" (`rangeEndName`), over
 * the value's input, with the range shaded on the track between them. Only their thumbs take the
 * pointer, so the value's track stays clickable. The value's handle is the large circle; the ends
 * are small bars (src/ui/styles.css, `.slider-track`).
 */
import type { CSSProperties } from 'react';
import type { RangeEnd } from '../../model/quantity';
import type { QuantityKind } from '../../model/quantityRef';
import type { SliderDomain } from '../sliderDomain';
import { formatQuantity } from '../format';

export interface SliderRange {
  low: number;
  high: number;
  /** Each end's name, `rangeEndName(quantityName, end)`. */
  names: Record<RangeEnd, string>;
  onChange: (end: RangeEnd, value: number) => void;
  onGestureStart: (end: RangeEnd) => void;
}

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
  /** The quantity's range, whose ends get handles on the track; none for a fixed quantity. */
  range?: SliderRange | undefined;
}

/** Where `x` lies on the track, 0 to 1. */
function fraction(x: number, { min, max }: SliderDomain): number {
  return max > min ? Math.min(1, Math.max(0, (x - min) / (max - min))) : 0;
}

export function QuantitySlider({ id, value, kind, unit, domain, disabled, onChange, onGestureStart, onGestureEnd, range }: QuantitySliderProps) {
  const band = range ? ({ '--low': fraction(range.low, domain), '--high': fraction(range.high, domain) } as CSSProperties) : undefined;
  const end = (which: RangeEnd) =>
    range && (
      <input
        type="range"
        className={`slider-end slider-${which}`}
        aria-label={range.names[which]}
        min={domain.min}
        max={domain.max}
        step={domain.step}
        value={range[which]}
        disabled={disabled}
        aria-valuetext={formatQuantity(range[which], kind, unit)}
        onChange={(event) => range.onChange(which, Number(event.currentTarget.value))}
        onPointerDown={() => range.onGestureStart(which)}
        onPointerUp={onGestureEnd}
        onBlur={onGestureEnd}
      />
    );
  return (
    <div className={`slider-track${range ? ' slider-ranged' : ''}`} style={band}>
      <span className="slider-rail" aria-hidden="true" />
      {range && <span className="slider-band" aria-hidden="true" />}
      <input
        id={id}
        type="range"
        className="slider-value"
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
      {end('low')}
      {end('high')}
    </div>
  );
}
