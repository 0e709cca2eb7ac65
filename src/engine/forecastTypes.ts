/**
 * The shape of a forecast (DESIGN.md §3), laid out for speed: every series is a row of a flat
 * `Float64Array`, so a result crosses the worker boundary as a few transferred buffers.
 *
 * `layout` depends only on the model's structure (years, dimensions, members), not on its numbers,
 * so consumers can keep it while values change during a slider drag.
 */

/** One member series: a member of a dimension, or a nested child of a member. */
export interface SeriesInfo {
  /** `dimensionId/memberId[/childId…]` — the key used by the CLI, claims and the UI. */
  key: string;
  dimensionIndex: number;
  memberId: string;
  name: string;
  /** 0 for a top-level member of a dimension, 1 for its children, … */
  depth: number;
  /** Series index of the parent member, or -1 when the parent is the total. */
  parent: number;
  /** Series indices of this member's children, in order. */
  children: number[];
}

export interface DimensionInfo {
  id: string;
  name: string;
  /** Series indices of the dimension's top-level members, in order. */
  members: number[];
}

export interface ForecastLayout {
  /** baseYear … endYear inclusive. */
  years: number[];
  series: SeriesInfo[];
  dimensions: DimensionInfo[];
}

export type ForecastWarning =
  /** 1 + g(t) < 0: the total was clamped at zero in `year`. */
  | { kind: 'totalClamped'; year: number; growth: number }
  /** A member's factor 1 + gP + δ fell below 0 and was clamped at zero in `year`. */
  | { kind: 'memberClamped'; key: string; year: number }
  /** Every member of a list fell to zero in `year`; the list's values are 0 from then on. */
  | { kind: 'listCollapsed'; parentKey: string; year: number }
  /**
   * The total passed the largest number a double can hold (≈ 1.8e308) in `year`: it and every
   * series under it are not numbers from then on. Only a model beyond the file limits gets here
   * (src/model/workspaceLimits.ts keeps the largest total near 1e180); members, each a fraction of
   * its parent, cannot overflow on their own.
   */
  | { kind: 'totalOverflow'; year: number };

export interface Forecast {
  layout: ForecastLayout;
  /** T(t) for each year, length = years.length. */
  total: Float64Array;
  /** g(t) for each year; growth[0] is 0 (no growth into the base year). */
  growth: Float64Array;
  /** value(t) of series s at `values[s * years.length + t]`. */
  values: Float64Array;
  /** share(t) of series s within its own list (of its parent), same indexing as `values`. */
  shares: Float64Array;
  warnings: ForecastWarning[];
}
