/**
 * Reading a forecast by the domain's names: series by key (`dimensionId/memberId[/childId…]`), years
 * by calendar year. Views are `subarray`s of the forecast's buffers, not copies.
 */
import type { Forecast, ForecastLayout } from './forecastTypes';

// One key → index map per layout, built on first use. A layout is kept across a slider drag, so
// lookups during a drag cost a map read, and the map goes when the layout does.
const indexByLayout = new WeakMap<ForecastLayout, ReadonlyMap<string, number>>();

/** Series index of `key` in `layout`, or -1 when the layout has no such member. */
export function seriesIndex(layout: ForecastLayout, key: string): number {
  let index = indexByLayout.get(layout);
  if (index === undefined) {
    const map = new Map<string, number>();
    layout.series.forEach((info, s) => map.set(info.key, s));
    indexByLayout.set(layout, map);
    index = map;
  }
  return index.get(key) ?? -1;
}

/** Index of calendar `year` in `layout.years`, or -1 when the year is outside the forecast. */
export function yearIndex(layout: ForecastLayout, year: number): number {
  const first = layout.years[0];
  if (first === undefined || !Number.isInteger(year)) return -1;
  const t = year - first;
  return t >= 0 && t < layout.years.length ? t : -1;
}

function checkSeries(forecast: Forecast, s: number): void {
  if (!Number.isInteger(s) || s < 0 || s >= forecast.layout.series.length) {
    throw new RangeError(`no series ${s} in this forecast`);
  }
}

/** value(t) of series `s` for every year: a view into `forecast.values`. */
export function seriesValues(forecast: Forecast, s: number): Float64Array {
  checkSeries(forecast, s);
  const yearCount = forecast.layout.years.length;
  return forecast.values.subarray(s * yearCount, (s + 1) * yearCount);
}

/** share(t) of series `s` within its own list for every year: a view into `forecast.shares`. */
export function seriesShares(forecast: Forecast, s: number): Float64Array {
  checkSeries(forecast, s);
  const yearCount = forecast.layout.years.length;
  return forecast.shares.subarray(s * yearCount, (s + 1) * yearCount);
}

/**
 * Series `s`'s share of the whole market in year index `t`: value / total. NaN where the total is
 * 0 — no market, no share of it — so a claim about it cannot be passed by accident.
 */
export function shareOfTotal(forecast: Forecast, s: number, t: number): number {
  checkSeries(forecast, s);
  const yearCount = forecast.layout.years.length;
  if (!Number.isInteger(t) || t < 0 || t >= yearCount) throw new RangeError(`no year index ${t} in this forecast`);
  const total = forecast.total[t] as number;
  return total > 0 ? (forecast.values[s * yearCount + t] as number) / total : NaN;
}
