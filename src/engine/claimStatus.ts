/**
 * Checking a scenario against the sources' claims (DESIGN.md §3 "Claims").
 *
 * - size: the total (no member) or the member's value in `year`;
 * - share: the member's value / the total in `year` — its share of the whole market, not of its
 *   parent, since that is how reports state shares;
 * - cagr: the total's or the member's CAGR from `fromYear` to `toYear`.
 *
 * A claim the scenario cannot evaluate is `notCheckable` with a reason — never met or missed: a year
 * outside the scenario's years, a member path the scenario lacks, a share claim without a member,
 * a metric undefined there (a share of a zero market, a CAGR from a zero size), or one too large to
 * compute (never shown as NaN or Infinity).
 */
import { claimTolerance } from '../model/defaults';
import type { Claim, Model } from '../model/types';
import { cagr } from './cagr';
import type { Forecast, ForecastLayout } from './forecastTypes';
import { seriesIndex, yearIndex } from './seriesAccess';

export type ClaimStatusKind = 'met' | 'missed' | 'notCheckable';

export interface ClaimStatus {
  claimId: string;
  status: ClaimStatusKind;
  /** The scenario's value of the claim's metric; absent when not checkable. */
  actual?: number;
  /**
   * Signed distance from the nearest acceptable value: actual − nearest acceptable, so positive
   * means "too high", negative "too low", 0 when met. Absent when not checkable.
   */
  gap?: number;
  /** Why the claim is not checkable. */
  reason?: string;
}

export function checkClaims(model: Model, forecast: Forecast, claims: readonly Claim[]): ClaimStatus[] {
  return claims.map((claim) => checkClaim(model, forecast, claim));
}

export function checkClaim(model: Model, forecast: Forecast, claim: Claim): ClaimStatus {
  const measured = measure(model, forecast, claim);
  if (typeof measured === 'string') return { claimId: claim.id, status: 'notCheckable', reason: measured };
  // Infinity, or NaN from Infinity / Infinity: a total beyond the largest double (a model beyond
  // the file limits), or a rate of growth beyond it. Never judged: a claim is not "met" by Infinity.
  if (!Number.isFinite(measured)) return { claimId: claim.id, status: 'notCheckable', reason: `${metricName(claim)} is too large to compute` };
  return judge(claim, measured);
}

/** The claim's metric in words: "the market in 2028", "the CAGR of region/na from 2025 to 2032". */
function metricName(claim: Claim): string {
  const of = claim.member ?? 'the market';
  switch (claim.metric) {
    case 'size':
      return `${claim.member === undefined ? 'the market' : `the value of ${claim.member}`} in ${claim.year}`;
    case 'share':
      return `the share of ${of} in ${claim.year}`;
    case 'cagr':
      return `the CAGR of ${of} from ${claim.fromYear} to ${claim.toYear}`;
  }
}

/** Compares `actual` with the claim: met or missed, and by how much. */
export function judge(claim: Claim, actual: number): ClaimStatus {
  const met = claimMet(claim, actual);
  return { claimId: claim.id, status: met ? 'met' : 'missed', actual, gap: met ? 0 : actual - nearestAcceptable(claim, actual) };
}

/**
 * Whether `actual` meets the claim: within the tolerance of `approx`, at or above `atLeast`, at
 * or below `atMost`. NaN (a metric undefined in this forecast) meets nothing. The one home of
 * the rule: the status of a forecast and the odds of a simulation both ask here.
 */
export function claimMet(claim: Claim, actual: number): boolean {
  switch (claim.op) {
    case 'approx':
      return Math.abs(actual - claim.value) <= Math.abs(claimTolerance(claim));
    case 'atLeast':
      return actual >= claim.value;
    case 'atMost':
      return actual <= claim.value;
  }
}

/** The acceptable value closest to `actual`. */
function nearestAcceptable(claim: Claim, actual: number): number {
  if (claim.op !== 'approx') return claim.value;
  const tolerance = Math.abs(claimTolerance(claim));
  return actual > claim.value ? claim.value + tolerance : claim.value - tolerance;
}

/**
 * Where a claim is read in a forecast of one layout: its series (-1 = the total) and year indices.
 * Found once per layout by `locateClaim`, then `measureClaim` reads any number of forecasts of
 * that layout — a simulation measures every claim in every sample this way.
 */
export interface ClaimLocation {
  metric: Claim['metric'];
  /** The claim's series index, or -1 for the total. */
  series: number;
  /** Year index of a size or share claim; of the CAGR's first year for a cagr claim. */
  from: number;
  /** Year index of the CAGR's last year (equal to `from` for size and share claims). */
  to: number;
}

/** Where `claim` is read in forecasts of `layout`, or the reason it cannot be checked in any of them. */
export function locateClaim(model: Model, layout: ForecastLayout, claim: Claim): ClaimLocation | string {
  const span = `${model.baseYear}–${model.endYear}`;
  let series = -1;
  if (claim.member !== undefined) {
    series = seriesIndex(layout, claim.member);
    if (series < 0) return `this scenario has no member ${claim.member}`;
  } else if (claim.metric === 'share') {
    return 'a share claim must name a member';
  }
  if (claim.metric === 'cagr') {
    if (!(claim.toYear > claim.fromYear)) return `the CAGR period ${claim.fromYear}–${claim.toYear} is empty`;
    const from = yearIndex(layout, claim.fromYear);
    const to = yearIndex(layout, claim.toYear);
    if (from < 0) return `${claim.fromYear} is outside this scenario's years ${span}`;
    if (to < 0) return `${claim.toYear} is outside this scenario's years ${span}`;
    return { metric: 'cagr', series, from, to };
  }
  const t = yearIndex(layout, claim.year);
  if (t < 0) return `${claim.year} is outside this scenario's years ${span}`;
  return { metric: claim.metric, series, from: t, to: t };
}

/**
 * The claim's metric read from one forecast: `series` is the claim's series (the total's values
 * for a claim about the total — see `claimSeries`), `total` the total. NaN where the metric is
 * undefined in this forecast: a share of a market of 0, a CAGR from a size of 0.
 */
export function measureClaim(location: ClaimLocation, series: ArrayLike<number>, total: ArrayLike<number>): number {
  switch (location.metric) {
    case 'size':
      return series[location.from] as number;
    case 'share': {
      const whole = total[location.from] as number;
      return whole > 0 ? (series[location.from] as number) / whole : NaN;
    }
    case 'cagr':
      return cagr(series, location.from, location.to);
  }
}

/** The values of the claim's series in `forecast`: the total, or a view of the member's row. */
export function claimSeries(location: ClaimLocation, forecast: Pick<Forecast, 'layout' | 'total' | 'values'>): Float64Array {
  if (location.series < 0) return forecast.total;
  const yearCount = forecast.layout.years.length;
  return forecast.values.subarray(location.series * yearCount, (location.series + 1) * yearCount);
}

/** The claim's metric in this scenario, or the reason it cannot be measured. */
function measure(model: Model, forecast: Forecast, claim: Claim): number | string {
  const location = locateClaim(model, forecast.layout, claim);
  if (typeof location === 'string') return location;
  const series = claimSeries(location, forecast);
  const value = measureClaim(location, series, forecast.total);
  if (!Number.isNaN(value) || claim.metric === 'size') return value;
  // NaN is either a metric undefined here (a size or a market of 0) or Infinity / Infinity, which
  // checkClaim names as too large to compute.
  if (claim.metric === 'cagr') return series[location.from] === 0 ? `no CAGR from a size of 0 in ${claim.fromYear}` : value;
  return forecast.total[location.from] === 0 ? `the market is 0 in ${claim.year}: no share of it` : value;
}

/** How a scenario stands against the claims, in counts. */
export interface ClaimCounts {
  met: number;
  missed: number;
  notCheckable: number;
}

/** How a scenario stands against the claims, in counts. */
export function countClaims(statuses: readonly ClaimStatus[]): ClaimCounts {
  const counts = { met: 0, missed: 0, notCheckable: 0 };
  for (const { status } of statuses) counts[status] += 1;
  return counts;
}
