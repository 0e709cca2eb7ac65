/**
 * Compound annual growth rates (DESIGN.md §3): CAGR of X from a to b = (X(b) / X(a))^(1 / (b − a)) − 1.
 *
 * Where the rate is undefined the answer is NaN, never a number that looks like a rate:
 * - X(a) ≤ 0: there is no growth rate from nothing (or from a negative size);
 * - either index outside the series, or b ≤ a: there is no span to annualise over;
 * - X(b) < 0 (cannot happen in a forecast, whose values are ≥ 0).
 * X(b) = 0 with X(a) > 0 is a market that vanished: −100% a year, which is what the formula gives.
 * Where X(b) / X(a) passes the largest double (a member of 5e-324 of its market that comes to hold
 * all of it: issue 9) the answer is Infinity: no rate that means anything to a reader.
 * Callers (the claims check, the tables) must treat NaN as "not defined here" — `Number.isNaN` —
 * and Infinity as "too large to compute" (the tables show both as —).
 */
import type { Forecast } from './forecastTypes';

export function cagr(series: ArrayLike<number>, fromIndex: number, toIndex: number): number {
  if (!Number.isInteger(fromIndex) || !Number.isInteger(toIndex)) return NaN;
  if (fromIndex < 0 || toIndex >= series.length || toIndex <= fromIndex) return NaN;
  return annualise(series[fromIndex] as number, series[toIndex] as number, toIndex - fromIndex);
}

/** (to / from)^(1 / years) − 1, NaN unless from > 0 and to ≥ 0. */
function annualise(from: number, to: number, years: number): number {
  if (!(from > 0) || !(to >= 0)) return NaN;
  return Math.pow(to / from, 1 / years) - 1;
}

/** The realised CAGR of a series over its whole horizon, first year to last. */
export function horizonCagr(series: ArrayLike<number>): number {
  return cagr(series, 0, series.length - 1);
}

/** The total's realised CAGR from the base year to the end year. */
export function totalCagr(forecast: Forecast): number {
  return horizonCagr(forecast.total);
}

/** The realised CAGR of series `s` from the base year to the end year (no subarray is made). */
export function seriesCagr(forecast: Forecast, s: number): number {
  const yearCount = forecast.layout.years.length;
  const row = s * yearCount;
  if (!Number.isInteger(s) || s < 0 || row + yearCount > forecast.values.length || yearCount < 2) return NaN;
  return annualise(forecast.values[row] as number, forecast.values[row + yearCount - 1] as number, yearCount - 1);
}

/** The realised horizon CAGR of every series, layout order (the table of values and CAGRs). */
export function seriesCagrs(forecast: Forecast): Float64Array {
  const out = new Float64Array(forecast.layout.series.length);
  for (let s = 0; s < out.length; s++) out[s] = seriesCagr(forecast, s);
  return out;
}
