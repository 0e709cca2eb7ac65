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
import type { Forecast } from './forecastTypes';
import { seriesIndex, seriesValues, yearIndex } from './seriesAccess';

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
  const { value, op } = claim;
  let met: boolean;
  let nearest: number; // the acceptable value closest to `actual`
  switch (op) {
    case 'approx': {
      const tolerance = Math.abs(claimTolerance(claim));
      met = Math.abs(actual - value) <= tolerance;
      nearest = actual > value ? value + tolerance : value - tolerance;
      break;
    }
    case 'atLeast':
      met = actual >= value;
      nearest = value;
      break;
    case 'atMost':
      met = actual <= value;
      nearest = value;
      break;
  }
  return { claimId: claim.id, status: met ? 'met' : 'missed', actual, gap: met ? 0 : actual - nearest };
}

/** The claim's metric in this scenario, or the reason it cannot be measured. */
function measure(model: Model, forecast: Forecast, claim: Claim): number | string {
  const { layout } = forecast;
  const yearCount = layout.years.length;
  const span = `${model.baseYear}–${model.endYear}`;

  let s = -1; // the claim's series; -1 = the total
  if (claim.member !== undefined) {
    s = seriesIndex(layout, claim.member);
    if (s < 0) return `this scenario has no member ${claim.member}`;
  } else if (claim.metric === 'share') {
    return 'a share claim must name a member';
  }
  const at = (t: number): number => (s < 0 ? (forecast.total[t] as number) : (forecast.values[s * yearCount + t] as number));

  if (claim.metric === 'cagr') {
    if (!(claim.toYear > claim.fromYear)) return `the CAGR period ${claim.fromYear}–${claim.toYear} is empty`;
    const from = yearIndex(layout, claim.fromYear);
    const to = yearIndex(layout, claim.toYear);
    if (from < 0) return `${claim.fromYear} is outside this scenario's years ${span}`;
    if (to < 0) return `${claim.toYear} is outside this scenario's years ${span}`;
    const series = s < 0 ? forecast.total : seriesValues(forecast, s);
    const value = cagr(series, from, to);
    if (Number.isNaN(value)) return `no CAGR from a size of ${at(from)} in ${claim.fromYear}`;
    return value;
  }

  const t = yearIndex(layout, claim.year);
  if (t < 0) return `${claim.year} is outside this scenario's years ${span}`;
  if (claim.metric === 'size') return at(t);
  const total = forecast.total[t] as number;
  if (!(total > 0)) return `the market is 0 in ${claim.year}: no share of it`;
  return at(t) / total;
}

/** How a scenario stands against the claims, in counts. */
export function countClaims(statuses: readonly ClaimStatus[]): { met: number; missed: number; notCheckable: number } {
  const counts = { met: 0, missed: 0, notCheckable: 0 };
  for (const { status } of statuses) counts[status] += 1;
  return counts;
}
