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
  /**
   * The arrow keys' step of the value, up (1) or down (−1), taken by the app instead of the input
   * (true when taken): see `QuantityBinding.step`. Without it the input steps itself.
   */
  onStep?: (direction: 1 | -1) => boolean;
  /** The quantity's range, whose ends get handles on the track; none for a fixed quantity. */
  range?: SliderRange | undefined;
}

/** The arrow keys of a range input and the way each steps it. */
const ARROW_STEPS: Readonly<Record<string, 1 | -1>> = { ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1 };

/**
 * `value` one step up or down on a slider over `domain`, exactly as the range input's own arrow
 * keys would step it (aligned to the step, kept within the ends): a detached input does the
 * arithmetic. Undefined when the domain has no numeric step.
 */
export function keyboardStep(value: number, { min, max, step }: SliderDomain, direction: 1 | -1): number | undefined {
  const probe = document.createElement('input');
  probe.type = 'range';
  probe.min = String(min);
  probe.max = String(max);
  probe.step = String(step);
  probe.value = String(value);
  try {
    if (direction > 0) probe.stepUp();
    else probe.stepDown();
  } catch {
    return undefined;
  }
  return Number(probe.value);
}

/** Where `x` lies on the track, 0 to 1. */
function fraction(x: number, { min, max }: SliderDomain): number {
  return max > min ? Math.min(1, Math.max(0, (x - min) / (max - min))) : 0;
}

export function QuantitySlider({ id, value, kind, unit, domain, disabled, onChange, onGestureStart, onGestureEnd, onStep, range }: QuantitySliderProps) {
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
        onKeyDown={(event) => {
          const direction = ARROW_STEPS[event.key];
          if (direction === undefined || !onStep || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
          if (onStep(direction)) event.preventDefault();
        }}
        onPointerDown={onGestureStart}
        onPointerUp={onGestureEnd}
        onBlur={onGestureEnd}
      />
      {end('low')}
      {end('high')}
    </div>
  );
}
