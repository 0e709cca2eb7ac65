/**
 * A claim and the odds that the scenario meets it, in words for people (issue 10, "Odds of the
 * claims"): `P(2028 ≥ $20 B) = 63%`. The one home of the claim's condition as text (its metric,
 * years, operator and value) and of a probability as a whole percent; the headline, the chart's
 * markers and the printed summary all write the odds here.
 */
import type { ClaimStatus, ClaimStatusKind } from '../engine/claimStatus';
import type { ForecastLayout } from '../engine/forecastTypes';
import { seriesIndex } from '../engine/seriesAccess';
import { claimTolerance } from '../model/defaults';
import type { Claim, ClaimOp } from '../model/types';
import { formatPercent, formatPoints, formatSize } from './format';

const OP_SYMBOL: Record<ClaimOp, string> = { approx: '≈', atLeast: '≥', atMost: '≤' };

/** ≈, ≥ or ≤. */
export function claimOpSymbol(op: ClaimOp): string {
  return OP_SYMBOL[op];
}

/**
 * The fewest fraction digits (up to `most`) that show `value` as exactly as `most` digits do: a
 * claim of 20 reads "$20 B", one of 17.5 "$17.5 B".
 */
function fewestDigits(value: number, most: number): number {
  const full = Number(value.toFixed(most));
  for (let digits = 0; digits < most; digits++) if (Number(value.toFixed(digits)) === full) return digits;
  return most;
}

/** A claim's value (or tolerance) in the claim's terms: a size in the model's unit, a rate or share as a percent. */
function claimAmount(claim: Claim, amount: number, unit: string): string {
  if (claim.metric === 'size') {
    const most = Math.abs(amount) >= 100 ? 0 : Math.abs(amount) >= 10 ? 1 : 2;
    return formatSize(amount, unit, fewestDigits(amount, most));
  }
  return formatPercent(amount, fewestDigits(amount * 100, 1));
}

/** A distance in the claim's terms, unsigned: "$1 B" for a size, "0.5 pp" for a rate or share. */
function claimDistance(claim: Claim, distance: number, unit: string): string {
  const amount = Math.abs(distance);
  if (claim.metric === 'size') return claimAmount(claim, amount, unit);
  return formatPoints(amount, fewestDigits(amount * 100, 2)).replace(/^\+/, '');
}

/** The tolerance of an "about" claim: "$1 B" for a size, "0.5 pp" for a rate or share. */
function toleranceText(claim: Claim, unit: string): string {
  return claimDistance(claim, claimTolerance(claim), unit);
}

/** A value of a claim's metric: "$21.2 B" for a size, "5.2%" for a rate or share; a dash when not a number. */
export function claimValueText(claim: Claim, value: number, unit: string): string {
  return claim.metric === 'size' ? formatSize(value, unit) : formatPercent(value, 1);
}

/** The scenario's value of a claim's metric: "forecast $21.2 B", "forecast 5.2%"; undefined when there is none. */
export function claimActualText(claim: Claim, actual: number | undefined, unit: string): string | undefined {
  if (actual === undefined || !Number.isFinite(actual)) return undefined;
  return `forecast ${claimValueText(claim, actual, unit)}`;
}

/** What a claim is called in buttons, lists and sentences: its label, else its condition. */
export function claimName(claim: Claim, unit: string): string {
  return claim.label.trim() !== '' ? claim.label : claimCondition(claim, unit);
}

const STATUS_LABEL: Record<ClaimStatusKind, string> = { met: '✓ met', missed: '✗ missed', notCheckable: '– not checkable' };

/** A claim's status in a word and a mark: "✓ met", "✗ missed", "– not checkable". */
export function claimStatusLabel(status: ClaimStatusKind): string {
  return STATUS_LABEL[status];
}

/**
 * By how much a missed claim is missed, from its status's signed gap (`claimStatus.ts`): "$1.2 B
 * too low", "0.8 pp too high". Empty for a claim met or not checkable.
 */
export function claimGapText(claim: Claim, status: Pick<ClaimStatus, 'status' | 'gap'>, unit: string): string {
  if (status.status !== 'missed' || status.gap === undefined || status.gap === 0) return '';
  return `${claimDistance(claim, status.gap, unit)} too ${status.gap > 0 ? 'high' : 'low'}`;
}

/** The claim's member by its name in `layout`; by its path when the layout lacks it or none is given. */
function memberName(member: string, layout: ForecastLayout | undefined): string {
  const s = layout ? seriesIndex(layout, member) : -1;
  return s >= 0 ? (layout?.series[s]?.name ?? member) : member;
}

/**
 * What the claim says, as the condition a sample meets or not: "2028 ≥ $20 B",
 * "CAGR 2023–2028 ≥ 30%", "share of North America 2028 ≈ 40% ± 0.5 pp". The member is named as in
 * `layout` (the forecast's), else by its path.
 */
export function claimCondition(claim: Claim, unit: string, layout?: ForecastLayout): string {
  const member = claim.member === undefined ? undefined : memberName(claim.member, layout);
  let subject: string;
  switch (claim.metric) {
    case 'size':
      subject = member === undefined ? `${claim.year}` : `${member} ${claim.year}`;
      break;
    case 'share':
      subject = `share of ${member ?? 'the market'} ${claim.year}`;
      break;
    case 'cagr':
      subject = `${member === undefined ? 'CAGR' : `CAGR of ${member}`} ${claim.fromYear}–${claim.toYear}`;
      break;
  }
  const value = claimAmount(claim, claim.value, unit);
  const tolerance = claim.op === 'approx' ? ` ± ${toleranceText(claim, unit)}` : '';
  return `${subject} ${OP_SYMBOL[claim.op]} ${value}${tolerance}`;
}

/**
 * A probability as a whole percent: 0.634 → "63%". Never "0%" or "100%" unless every sample says
 * so: above 0 but under 1% is "< 1%", below 1 but over 99% is "> 99%". Null: "not checkable".
 */
export function formatProbability(probability: number | null): string {
  if (probability === null || !Number.isFinite(probability)) return 'not checkable';
  if (probability <= 0) return formatPercent(0, 0);
  if (probability >= 1) return formatPercent(1, 0);
  const whole = Math.round(probability * 100);
  if (whole < 1) return `< ${formatPercent(0.01, 0)}`;
  if (whole > 99) return `> ${formatPercent(0.99, 0)}`;
  return formatPercent(whole / 100, 0);
}

/**
 * "P(2028 ≥ $20 B) = 63%"; "P(2028 ≥ $20 B) < 1%" near the ends; "P(2028 ≥ $20 B): not checkable"
 * when the probability is null.
 */
export function formatClaimOdds(claim: Claim, probability: number | null, unit: string, layout?: ForecastLayout): string {
  const condition = `P(${claimCondition(claim, unit, layout)})`;
  if (probability === null || !Number.isFinite(probability)) return `${condition}: not checkable`;
  const odds = formatProbability(probability);
  // "P(…) > 99%", not "P(…) = > 99%".
  return /^[<>]/.test(odds) ? `${condition} ${odds}` : `${condition} = ${odds}`;
}
