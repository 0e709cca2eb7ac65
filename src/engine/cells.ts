/**
 * Cells (DESIGN.md §3): the value of one combination of top-level members of different dimensions
 * (Software × Oncology × Europe) in year t is T(t) · Π share_d(t). Dimensions are independent
 * splits of the same total, so a dimension left out of the combination is summed over.
 */
import type { Forecast } from './forecastTypes';

/** Throws unless `members` are top-level members, each of a different dimension. */
function checkCombination(forecast: Forecast, members: readonly number[]): void {
  const seen = new Set<number>();
  for (const s of members) {
    const info = forecast.layout.series[s];
    if (info === undefined) throw new RangeError(`no series ${s} in this forecast`);
    if (info.depth !== 0) throw new RangeError(`${info.key} is nested: cells combine top-level members only`);
    if (seen.has(info.dimensionIndex)) throw new RangeError(`${info.key}: two members of the same dimension in one cell`);
    seen.add(info.dimensionIndex);
  }
}

/** Value of the cell of `members` (series indices) in year index `t`. */
export function cellValue(forecast: Forecast, members: readonly number[], t: number): number {
  checkCombination(forecast, members);
  const yearCount = forecast.layout.years.length;
  if (!Number.isInteger(t) || t < 0 || t >= yearCount) throw new RangeError(`no year index ${t} in this forecast`);
  let value = forecast.total[t] as number;
  for (const s of members) value *= forecast.shares[s * yearCount + t] as number;
  return value;
}

/** The cell of `members` for every year, written into `out` when given (one per year). */
export function cellSeries(forecast: Forecast, members: readonly number[], out?: Float64Array): Float64Array {
  checkCombination(forecast, members);
  const yearCount = forecast.layout.years.length;
  const result = out ?? new Float64Array(yearCount);
  if (result.length !== yearCount) throw new RangeError(`out has ${result.length} entries for ${yearCount} years`);
  result.set(forecast.total);
  for (const s of members) {
    const row = s * yearCount;
    for (let t = 0; t < yearCount; t++) result[t] = (result[t] as number) * (forecast.shares[row + t] as number);
  }
  return result;
}
