/**
 * An axis's tick labels, written alike: every tick of one axis with the decimals its step needs —
 * "$0 B, $5 B … $30 B", "$2.5 B, $5.0 B, $7.5 B" — never "$30.0 B" above "$5.00 B", which is what
 * each value's own significant digits gave (a size's digits grow as it shrinks, `formatSize`).
 */
import { formatSize } from '../format';

/** The decimals of an axis's step, for all its ticks; undefined where the step needs an exponent (each tick then keeps its own). */
export function tickDecimals(ticks: readonly number[]): number | undefined {
  const [first, second] = ticks;
  if (first === undefined || second === undefined) return undefined;
  const step = Math.abs(second - first);
  if (!(step > 0) || !Number.isFinite(step)) return undefined;
  const text = String(Number(step.toPrecision(12)));
  if (text.includes('e')) return undefined;
  const point = text.indexOf('.');
  return point === -1 ? 0 : Math.min(20, text.length - point - 1);
}

/** Labels for ticks in a size unit, each with the step's decimals: `sizeTickLabels([0, 2.5, 5], 'USD bn')` → $0.0 B, $2.5 B, $5.0 B. */
export function sizeTickLabels(ticks: readonly number[], unit: string): string[] {
  const decimals = tickDecimals(ticks);
  return ticks.map((tick) => formatSize(tick, unit, decimals));
}

/** How a chart writes its value axis: a caller's own tick label, or else sizes in the model's unit, or else the chart's `formatValue`. */
export interface ValueAxisText {
  formatTick?: ((value: number) => string) | undefined;
  unit?: string | undefined;
  formatValue: (value: number) => string;
}

/** The labels of a value axis's ticks, by the chart's `ValueAxisText`: sizes in a unit are written alike (`sizeTickLabels`). */
export function valueTickLabels(ticks: readonly number[], { formatTick, unit, formatValue }: ValueAxisText): string[] {
  if (formatTick) return ticks.map(formatTick);
  return unit !== undefined ? sizeTickLabels(ticks, unit) : ticks.map(formatValue);
}

