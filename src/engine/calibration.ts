/**
 * Calibration (DESIGN.md §3 "Claims", issue 11): the values of a few quantities (default: base size
 * and trend growth) that best meet a set of claims, by least squares on the claims' log values,
 * each quantity kept within its allowed interval.
 *
 * Residuals, one per claim:
 * - size and share: ln(actual) − ln(target);
 * - cagr: ln(1 + actual) − ln(1 + target). ln(1 + CAGR) = (ln X(b) − ln X(a)) / (b − a) is the slope
 *   of the log values, so a CAGR claim is measured on the same log scale as a size claim (a
 *   difference of 0.01 is about 1% a year either way) and stays linear in the log sizes, which
 *   keeps the problem nearly linear in ln(base size) and trend growth; the raw CAGR would weigh a
 *   rate claim against a size claim on two unrelated scales.
 * - `approx` counts always (fit to its value); `atLeast` only when below its bound, `atMost` only
 *   when above: min(0, r) and max(0, r) — a bound met costs nothing.
 *
 * Method: Levenberg–Marquardt with bounds (steps projected onto the box), the Jacobian by central
 * differences. A base size is fitted as its logarithm (it is then linear in the residuals, and
 * stays above 0). Each residual evaluation is one forecast of the lists the claims read, into
 * reused buffers. `consistent` is whether every claim is met (`claimMet`, with its tolerance) at
 * the fit: false means no values of these quantities meet them all.
 */
import { quantityKey, type QuantityRef } from '../model/quantityRef';
import type { Claim, Model } from '../model/types';
import { AnalysisInputError } from './analysisMetric';
import { claimMet, claimSeries, locateClaim, measureClaim, type ClaimLocation } from './claimStatus';
import { quantityEvaluator, restrictedStructure, type LockedMembers } from './quantityParameters';

export interface CalibratedClaim {
  id: string;
  /** The claim's metric before and after the fit. */
  before: number;
  after: number;
  /** Its residual (see above) before and after: 0 where a bound is met. */
  residualBefore: number;
  residualAfter: number;
}

export interface CalibrationResult {
  refs: QuantityRef[];
  /** The quantities' values before and after, in the order of `refs`. */
  before: number[];
  after: number[];
  claims: CalibratedClaim[];
  /** ½ Σ residual² after the fit. */
  cost: number;
  /** Every claim met at the fit. */
  consistent: boolean;
}

export interface CalibrationOptions {
  locked?: LockedMembers;
}

export const DEFAULT_CALIBRATION_REFS: readonly QuantityRef[] = [{ kind: 'baseSize' }, { kind: 'baseGrowth' }];

const MAX_ITERATIONS = 100;

/** The residual of `claim` at `actual` (see the file comment). */
export function claimResidual(claim: Claim, actual: number): number {
  const r = claim.metric === 'cagr' ? Math.log(Math.max(1 + actual, Number.MIN_VALUE)) - Math.log(1 + claim.value) : Math.log(Math.max(actual, Number.MIN_VALUE)) - Math.log(claim.value);
  if (Number.isNaN(r)) return r;
  if (claim.op === 'atLeast') return Math.min(0, r);
  if (claim.op === 'atMost') return Math.max(0, r);
  return r;
}

export function calibrate(model: Model, claims: readonly Claim[], refs: readonly QuantityRef[] = DEFAULT_CALIBRATION_REFS, options: CalibrationOptions = {}): CalibrationResult {
  if (refs.length === 0) throw new AnalysisInputError('calibration needs at least one quantity to vary');
  if (claims.length === 0) throw new AnalysisInputError('calibration needs at least one claim');
  const evaluator = quantityEvaluator(model, options.locked);
  const before = refs.map((ref) => {
    const value = evaluator.valueOf(ref);
    if (value === undefined) throw new AnalysisInputError(`this model has no quantity ${quantityKey(ref)}`);
    return value;
  });
  const locations: ClaimLocation[] = claims.map((claim) => {
    const location = locateClaim(model, evaluator.layout, claim);
    if (typeof location === 'string') throw new AnalysisInputError(`claim ${claim.id} is not checkable in this model: ${location}`);
    if (claim.metric === 'cagr' ? !(claim.value > -1) : !(claim.value > 0)) {
      throw new AnalysisInputError(`claim ${claim.id} has no log value to fit: ${claim.metric === 'cagr' ? 'a CAGR of −100% or less' : 'a value of 0 or less'}`);
    }
    return location;
  });
  const structure = restrictedStructure(evaluator.structure, locations);

  // θ: the fitted coordinates — ln of a base size, the value itself otherwise — within bounds.
  const isLog = refs.map((ref) => ref.kind === 'baseSize');
  const intervals = refs.map((ref) => evaluator.interval(ref));
  const lower = intervals.map(({ min }, i) => (isLog[i] ? Math.log(min) : min));
  const upper = intervals.map(({ max }, i) => (isLog[i] ? Math.log(max) : max));
  const clamp = (theta: number[]): number[] => theta.map((t, i) => Math.min(upper[i]!, Math.max(lower[i]!, t)));
  const valuesOf = (theta: readonly number[]): number[] => theta.map((t, i) => (isLog[i] ? Math.exp(t) : t));

  const actuals = new Float64Array(claims.length);
  const measureAt = (values: readonly number[]): Float64Array => {
    refs.forEach((ref, i) => evaluator.set(ref, values[i]!));
    evaluator.evaluate(structure);
    locations.forEach((location, c) => (actuals[c] = measureClaim(location, claimSeries(location, evaluator.reading), evaluator.reading.total)));
    return actuals;
  };
  const residualsAt = (theta: readonly number[]): number[] => {
    const measured = measureAt(valuesOf(theta));
    return claims.map((claim, c) => {
      const r = claimResidual(claim, measured[c]!);
      return Number.isFinite(r) ? r : 1e6; // an undefined metric (a CAGR from 0) is far from any claim
    });
  };
  const costOf = (r: readonly number[]): number => r.reduce((sum, x) => sum + x * x, 0) / 2;

  const measuredBefore = Array.from(measureAt(before));
  let theta = clamp(before.map((v, i) => (isLog[i] ? Math.log(Math.max(v, Math.exp(lower[i]!))) : v)));
  let residuals = residualsAt(theta);
  let cost = costOf(residuals);
  let lambda = 1e-3;
  const n = refs.length;
  for (let iteration = 0; iteration < MAX_ITERATIONS && cost > 1e-30; iteration++) {
    const jacobian = jacobianAt(residualsAt, theta, lower, upper);
    const gradient = new Array<number>(n).fill(0);
    const normal = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    for (let c = 0; c < claims.length; c++) {
      for (let i = 0; i < n; i++) {
        gradient[i]! += jacobian[c]![i]! * residuals[c]!;
        for (let j = 0; j < n; j++) normal[i]![j]! += jacobian[c]![i]! * jacobian[c]![j]!;
      }
    }
    let improved = false;
    while (lambda < 1e16) {
      const damped = normal.map((row, i) => row.map((x, j) => (i === j ? x + lambda * (x > 0 ? x : 1) : x)));
      const step = solveLinear(damped, gradient.map((g) => -g));
      const next = step ? clamp(theta.map((t, i) => t + step[i]!)) : theta;
      const nextResiduals = residualsAt(next);
      const nextCost = costOf(nextResiduals);
      if (step && nextCost < cost) {
        const moved = next.some((t, i) => Math.abs(t - theta[i]!) > 1e-15 * (1 + Math.abs(t)));
        theta = next;
        residuals = nextResiduals;
        const gain = cost - nextCost;
        cost = nextCost;
        lambda = Math.max(lambda / 10, 1e-12);
        improved = moved && gain > 1e-32;
        break;
      }
      lambda *= 10;
    }
    if (!improved) break;
  }

  const after = valuesOf(theta);
  const measuredAfter = Array.from(measureAt(after));
  const calibrated = claims.map((claim, c): CalibratedClaim => ({
    id: claim.id,
    before: measuredBefore[c]!,
    after: measuredAfter[c]!,
    residualBefore: claimResidual(claim, measuredBefore[c]!),
    residualAfter: claimResidual(claim, measuredAfter[c]!),
  }));
  return {
    refs: [...refs],
    before,
    after,
    claims: calibrated,
    cost: costOf(calibrated.map((c) => c.residualAfter)),
    consistent: claims.every((claim, c) => claimMet(claim, measuredAfter[c]!)),
  };
}

/** ∂r/∂θ by central differences (one-sided at a bound), rows by residual. */
function jacobianAt(residualsAt: (theta: readonly number[]) => number[], theta: readonly number[], lower: readonly number[], upper: readonly number[]): number[][] {
  const columns = theta.map((t, i) => {
    const h = 1e-6 * Math.max(1, Math.abs(t));
    const up = Math.min(upper[i]!, t + h);
    const down = Math.max(lower[i]!, t - h);
    if (up === down) return residualsAt(theta).map(() => 0);
    const plus = residualsAt(theta.map((x, j) => (j === i ? up : x)));
    const minus = residualsAt(theta.map((x, j) => (j === i ? down : x)));
    return plus.map((p, c) => (p - minus[c]!) / (up - down));
  });
  return columns[0]!.map((_, c) => columns.map((column) => column[c]!));
}

/** x with A·x = b by Gaussian elimination with partial pivoting; null when A is singular. */
function solveLinear(a: number[][], b: number[]): number[] | null {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    if (!(Math.abs(m[pivot]![col]!) > 0)) return null;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    for (let r = col + 1; r < n; r++) {
      const factor = m[r]![col]! / m[col]![col]!;
      for (let k = col; k <= n; k++) m[r]![k]! -= factor * m[col]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let sum = m[r]![n]!;
    for (let k = r + 1; k < n; k++) sum -= m[r]![k]! * x[k]!;
    x[r] = sum / m[r]![r]!;
  }
  return x.every(Number.isFinite) ? x : null;
}
