/**
 * A quantity is any number a user can assume (DESIGN.md §3).
 * Rates and shares are fractions (0.052, not 5.2); the UI shows percents.
 */
export type Distribution = 'triangular' | 'uniform' | 'pert' | 'normal';

export const DISTRIBUTIONS: readonly Distribution[] = ['triangular', 'uniform', 'pert', 'normal'];

/** Uncertainty around a value: `low ≤ value ≤ high`. For `normal`, low/high are the 5th and 95th percentiles. */
export interface Range {
  low: number;
  high: number;
  dist: Distribution;
}

export interface Quantity {
  value: number;
  range?: Range;
  /** Where the number comes from. A quantity with a source is "sourced"; one without is an assumption. */
  source?: string;
  /** Why the number is what it is — the reasoning behind an assumption, or a caveat on a source. */
  note?: string;
}

/** A sourced number quotes where it comes from; everything else is an assumption the user should see as such. */
export function isSourced(q: Quantity): boolean {
  return q.source !== undefined && q.source.trim() !== '';
}

/** Either end of a range. */
export type RangeEnd = 'low' | 'high';

/**
 * `range` moved so that it holds `value`: an end the value has passed is pushed along to it (the
 * other end stays). The one rule for a value set directly — by a slider, a number box, a share
 * import — so an edit can never leave a value outside its range.
 */
export function rangePushedTo(range: Range, value: number): Range {
  if (value >= range.low && value <= range.high) return range;
  return { low: Math.min(range.low, value), high: Math.max(range.high, value), dist: range.dist };
}

/**
 * `range` with one end set to `to`, stopped at `value`: a low end never passes above the value, a
 * high end never below it, so `low ≤ value ≤ high` holds whatever is asked.
 */
export function rangeWithEnd(range: Range, value: number, end: RangeEnd, to: number): Range {
  return { ...range, [end]: endPassesValue(value, end, to) ? value : to };
}

/** Would `to`, as the `end` of a range, leave out `value`: a low end above it, a high end below it. */
export function endPassesValue(value: number, end: RangeEnd, to: number): boolean {
  return end === 'low' ? to > value : to < value;
}
