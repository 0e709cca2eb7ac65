/**
 * Goal seek (DESIGN.md §3 "Goal seek", issue 11): the value of one quantity at which a metric (or
 * a claim's metric) reaches a target, within the quantity's allowed interval (`quantityBounds`; a
 * size above 0; a share moving its unlocked siblings as the slider does, up to what its locked
 * siblings leave: `QuantityEvaluator.interval`).
 *
 * Method: f(x) = metric(x) − target.
 * 1. Bracket: f at the current value and at `SCAN_POINTS` evenly spaced points of the interval;
 *    of the adjacent pairs where f changes sign, the one nearest the current value. The forecast is
 *    monotone in most quantities but not all (a member whose sibling's factor is clamped at 0 falls
 *    as trend growth brings the sibling back, then rises again), so a sign change is looked for
 *    across the whole interval rather than assumed at its ends.
 * 2. Solve: Brent's method (bisection, secant and inverse quadratic steps, safeguarded to stay in
 *    the bracket) down to adjacent doubles, stopping early once f is within 1e-12 of the target,
 *    relatively; reached when the metric is within 1e-9 of the target, relatively.
 * 3. No sign change: not reachable in the interval; the value nearest to it — the scan's best point
 *    refined by a golden-section search between its neighbours — and what it reaches.
 * 4. A claim to meet: its value where reached, moved the last few units in the last place to the
 *    side that meets the claim (an "at least 20" met by 20, never by 19.999999999999996).
 * Each f(x) is one evaluation of the lists the metric reads, into reused buffers.
 */
import { quantityKey, type QuantityRef } from '../model/quantityRef';
import type { Claim, Model } from '../model/types';
import { AnalysisInputError, locateMetric, measureMetric, type AnalysisMetric } from './analysisMetric';
import { claimMet, locateClaim, type ClaimLocation } from './claimStatus';
import { quantityEvaluator, restrictedStructure, type LockedMembers, type QuantityEvaluator } from './quantityParameters';

/** A metric and the value it should take, or a claim to meet (approx: its value; atLeast/atMost: its bound). */
export type GoalTarget = { metric: AnalysisMetric; value: number } | { claimId: string };

export interface GoalSeekResult {
  ref: QuantityRef;
  /** The quantity's solved value, or (not reached) the value nearest to the target. */
  value: number;
  reached: boolean;
  /** The metric at `value`. */
  achieved: number;
  target: number;
  /** The interval searched. */
  min: number;
  max: number;
}

export interface GoalSeekOptions {
  locked?: LockedMembers;
}

/** Points of the interval f is evaluated at to find a bracket. */
const SCAN_POINTS = 64;
/** Reached: the metric within this of the target, relatively. */
export const GOAL_TOLERANCE = 1e-9;

/**
 * Where a target is read and the value it asks for; a claim that is not in `claims` or that this
 * model cannot check is an `AnalysisInputError` naming it.
 */
export function resolveTarget(
  model: Model,
  evaluator: QuantityEvaluator,
  claims: readonly Claim[],
  target: GoalTarget,
): { location: ClaimLocation; value: number; claim?: Claim } {
  if ('metric' in target) {
    const location = locateMetric(model, evaluator.layout, target.metric);
    if (typeof location === 'string') throw new AnalysisInputError(location);
    if (!Number.isFinite(target.value)) throw new AnalysisInputError(`the target ${target.value} is not a finite number`);
    return { location, value: target.value };
  }
  const claim = claims.find((c) => c.id === target.claimId);
  if (!claim) throw new AnalysisInputError(`there is no claim ${target.claimId}`);
  const location = locateClaim(model, evaluator.layout, claim);
  if (typeof location === 'string') throw new AnalysisInputError(`claim ${claim.id} is not checkable in this model: ${location}`);
  return { location, value: claim.value, claim };
}

export function goalSeek(model: Model, claims: readonly Claim[], target: GoalTarget, ref: QuantityRef, options: GoalSeekOptions = {}): GoalSeekResult {
  const evaluator = quantityEvaluator(model, options.locked);
  const current = evaluator.valueOf(ref);
  if (current === undefined) throw new AnalysisInputError(`this model has no quantity ${quantityKey(ref)}`);
  const { location, value: goal, claim } = resolveTarget(model, evaluator, claims, target);
  const structure = restrictedStructure(evaluator.structure, [location]);
  const metricAt = (x: number): number => {
    evaluator.set(ref, x);
    evaluator.evaluate(structure);
    return measureMetric(location, evaluator.reading);
  };
  const { min, max } = evaluator.interval(ref);
  const solved = seekValue(metricAt, goal, min, max, current);
  // A claim's bound is met on one side only: the root may sit a rounding error on the other.
  const value = claim && solved.reached ? onTheMeetingSide(metricAt, claim, solved.value, min, max) : solved.value;
  // Evaluated last at the answer, so `achieved` is what the quantity at `value` gives.
  const achieved = metricAt(value);
  return { ref, value, reached: Math.abs(achieved - goal) <= goalTolerance(goal), achieved, target: goal, min, max };
}

/**
 * `x`, or the nearest value within a billionth of it (relatively) where the metric meets `claim`:
 * a root of "total 2028 = 20" can give 19.999999999999996, which does not meet "at least 20". Steps
 * out from `x` by doubling distances, from one unit in the last place, on both sides.
 */
function onTheMeetingSide(metricAt: (x: number) => number, claim: Claim, x: number, min: number, max: number): number {
  if (claimMet(claim, metricAt(x))) return x;
  const scale = Math.max(Math.abs(x), Number.MIN_VALUE / Number.EPSILON);
  for (let step = scale * Number.EPSILON; step <= scale * GOAL_TOLERANCE; step *= 2) {
    for (const candidate of [x + step, x - step]) {
      if (candidate >= min && candidate <= max && claimMet(claim, metricAt(candidate))) return candidate;
    }
  }
  return x;
}

/** How close to `goal` counts as reached: 1e-9 of it, relatively (1e-12 for a goal of 0). */
function goalTolerance(goal: number): number {
  return goal === 0 ? 1e-12 : GOAL_TOLERANCE * Math.abs(goal);
}

/**
 * The x in [min, max] where `metricAt(x)` equals `goal` — bracket by a scan, then Brent — or,
 * where no x does, the x that comes closest. The model-free half of `goalSeek`.
 */
export function seekValue(metricAt: (x: number) => number, goal: number, min: number, max: number, current: number): { value: number; reached: boolean } {
  const f = (x: number): number => metricAt(x) - goal;
  const tolerance = goalTolerance(goal);
  const start = Math.min(max, Math.max(min, current));
  const xs: number[] = [start];
  for (let i = 0; i <= SCAN_POINTS; i++) xs.push(i === SCAN_POINTS ? max : min + ((max - min) * i) / SCAN_POINTS);
  xs.sort((a, b) => a - b);
  const fs = xs.map(f);
  if (Math.abs(fs[xs.indexOf(start)] as number) <= tolerance) return { value: start, reached: true };

  let bracket = -1;
  let nearest = Infinity;
  for (let i = 0; i + 1 < xs.length; i++) {
    const a = fs[i] as number;
    const b = fs[i + 1] as number;
    if (!((a <= 0 && b >= 0) || (a >= 0 && b <= 0))) continue; // (NaN fails both)
    const distance = Math.max(0, (xs[i] as number) - start, start - (xs[i + 1] as number));
    if (distance < nearest) {
      nearest = distance;
      bracket = i;
    }
  }
  if (bracket >= 0) {
    const value = brent(f, xs[bracket] as number, xs[bracket + 1] as number, fs[bracket] as number, fs[bracket + 1] as number, tolerance);
    return { value, reached: Math.abs(f(value)) <= tolerance };
  }

  // Not reachable: the scan's best point, refined between its neighbours.
  let best = -1;
  for (let i = 0; i < xs.length; i++) if (!Number.isNaN(fs[i]) && (best < 0 || Math.abs(fs[i] as number) < Math.abs(fs[best] as number))) best = i;
  if (best < 0) return { value: start, reached: false };
  const value = goldenMinimum((x) => Math.abs(f(x)), xs[Math.max(0, best - 1)] as number, xs[Math.min(xs.length - 1, best + 1)] as number, xs[best] as number);
  return { value, reached: false };
}

/**
 * A root of f in [a, b] where f(a) and f(b) differ in sign (Brent 1973, "zeroin"): stops when
 * |f| ≤ `fTolerance` or the bracket is as narrow as doubles allow.
 */
export function brent(f: (x: number) => number, a: number, b: number, fa: number, fb: number, fTolerance: number): number {
  if (fa === 0) return a;
  if (fb === 0) return b;
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (let iteration = 0; iteration < 300; iteration++) {
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol = 2 * Number.EPSILON * Math.abs(b) + Number.MIN_VALUE;
    const m = (c - b) / 2;
    if (Math.abs(m) <= tol || fb === 0 || Math.abs(fb) <= fTolerance * 1e-3) return b;
    if (Math.abs(e) >= tol && Math.abs(fa) > Math.abs(fb)) {
      // Secant (two points) or inverse quadratic interpolation (three).
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * m * s;
        q = 1 - s;
      } else {
        const qa = fa / fc;
        const r = fb / fc;
        p = s * (2 * m * qa * (qa - r) - (b - a) * (r - 1));
        q = (qa - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < Math.min(3 * m * q - Math.abs(tol * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = m;
        e = m;
      }
    } else {
      d = m;
      e = m;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol ? d : m > 0 ? tol : -tol;
    fb = f(b);
  }
  return b;
}

/** The x in [lo, hi] minimising g, by golden-section search, never worse than `start`. */
function goldenMinimum(g: (x: number) => number, lo: number, hi: number, start: number): number {
  const ratio = (Math.sqrt(5) - 1) / 2;
  let bestX = start;
  let bestG = g(start);
  let x1 = hi - ratio * (hi - lo);
  let x2 = lo + ratio * (hi - lo);
  let g1 = g(x1);
  let g2 = g(x2);
  for (let i = 0; i < 80 && hi - lo > 4 * Number.EPSILON * Math.max(Math.abs(lo), Math.abs(hi)); i++) {
    if (g1 < g2) {
      hi = x2;
      x2 = x1;
      g2 = g1;
      x1 = hi - ratio * (hi - lo);
      g1 = g(x1);
    } else {
      lo = x1;
      x1 = x2;
      g1 = g2;
      x2 = lo + ratio * (hi - lo);
      g2 = g(x2);
    }
  }
  for (const [x, v] of [[x1, g1], [x2, g2]] as const) if (v < bestG) [bestX, bestG] = [x, v];
  return bestX;
}
