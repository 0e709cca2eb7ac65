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
