/**
 * The span a slider covers. It comes from the scenario as saved (not the live value), so the
 * track does not move under the pointer during a drag; a typed value outside it widens it.
 */
import type { Quantity, Range } from '../model/quantity';
import type { QuantityKind } from '../model/quantityRef';

export interface SliderDomain {
  min: number;
  max: number;
  step: number;
}

function niceStep(span: number): number {
  const raw = span / 500;
  const power = 10 ** Math.floor(Math.log10(raw));
  const scaled = raw / power;
  const nice = scaled < 2 ? 1 : scaled < 5 ? 2 : 5;
  return nice * power;
}

/** `liveRange`, the range as it is now, widens the span like the live value: its handles share the track. */
export function sliderDomain(kind: QuantityKind, saved: Quantity | undefined, live: number, liveRange?: Range): SliderDomain {
  if (kind === 'share') return { min: 0, max: 1, step: 0.001 };
  const reference = saved ?? { value: live };
  let min: number;
  let max: number;
  if (kind === 'size') {
    const top = Math.max(reference.range?.high ?? 0, reference.value) * 2;
    min = 0;
    max = top > 0 ? top : 1;
  } else {
    const low = reference.range?.low ?? reference.value;
    const high = reference.range?.high ?? reference.value;
    const margin = Math.max(0.03, (high - low) * 1.5);
    min = Math.max(-1, low - margin);
    // Near −100% the floor cuts the span short: give it back above, so the track keeps its reach.
    max = Math.max(high + margin, min + 2 * margin);
  }
  min = Math.min(min, live, liveRange?.low ?? live);
  max = Math.max(max, live, liveRange?.high ?? live);
  return { min, max, step: kind === 'rate' ? 0.0005 : niceStep(max - min) };
}
