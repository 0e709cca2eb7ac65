/**
 * The series that draw a fan and a waterfall with a native chart's stacking: a transparent base
 * series lifts the visible ones to where they start. The one home of these constructions; the
 * tests read the numbers back from the file and undo them.
 */
import type { DeckBridgeSlide, DeckFan, DeckSeries } from './deckContent';

/** pptxgenjs's colour for a series drawn with no fill. */
export const INVISIBLE = 'transparent';

/**
 * The fan as stacked areas, bottom up: the 5th percentile (invisible), then the widths 5→10,
 * 10→25, 25→75, 75→90, 90→95, so that each stacked edge sits on its percentile and the bands
 * 5–95, 10–90 and 25–75 show nested, outermost the lightest.
 */
export function fanSeries(fan: DeckFan): DeckSeries[] {
  const [outer, middle, inner] = fan.bandColors;
  const width = (upper: number[], lower: number[]) => upper.map((value, t) => value - (lower[t] ?? NaN));
  return [
    { name: '5th percentile (base of the fan)', values: [...fan.p5], color: INVISIBLE },
    { name: '5th–10th percentile', values: width(fan.p10, fan.p5), color: outer },
    { name: '10th–25th percentile', values: width(fan.p25, fan.p10), color: middle },
    { name: '25th–75th percentile', values: width(fan.p75, fan.p25), color: inner },
    { name: '75th–90th percentile', values: width(fan.p90, fan.p75), color: middle },
    { name: '90th–95th percentile', values: width(fan.p95, fan.p90), color: outer },
  ];
}

/**
 * The waterfall as stacked bars, one category per bar: the start total, each step, the end total.
 * A step's bar floats from the lower of the totals before and after it (the invisible base) and is
 * as long as its change, in the "raises" or "lowers" series; the totals stand from 0. Every level
 * is the end-year total of a model, which the engine never lets fall below 0, so the base never
 * goes under the axis (where a stacked chart would stack it the other way).
 */
export function bridgeSeries(bridge: Pick<DeckBridgeSlide, 'start' | 'steps' | 'end' | 'colors' | 'names'>): { labels: string[]; series: DeckSeries[] } {
  const labels = [bridge.start.label, ...bridge.steps.map((step) => step.label), bridge.end.label];
  const base = [0];
  const totals = [bridge.start.value];
  const up = [0];
  const down = [0];
  let level = bridge.start.value;
  for (const step of bridge.steps) {
    const next = level + step.delta;
    base.push(Math.min(level, next));
    totals.push(0);
    up.push(step.delta > 0 ? step.delta : 0);
    down.push(step.delta < 0 ? -step.delta : 0);
    level = next;
  }
  base.push(0);
  totals.push(bridge.end.value);
  up.push(0);
  down.push(0);
  return {
    labels,
    series: [
      { name: 'Base', values: base, color: INVISIBLE },
      { name: bridge.names.total, values: totals, color: bridge.colors.total },
      { name: bridge.names.up, values: up, color: bridge.colors.up },
      { name: bridge.names.down, values: down, color: bridge.colors.down },
    ],
  };
}
