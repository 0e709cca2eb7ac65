// Normal draws as they were before the ziggurat: Φ⁻¹(u) of one uniform per draw, by Acklam's
// rational approximation (P. J. Acklam, "An algorithm for computing the inverse normal cumulative
// distribution function", 2003; relative error below 1.2e-9). Kept only so that
// bench/simulation.bench.ts can compare it with today's draws (src/engine/distributions.ts), and
// the gamma pair of PERT draws before that with it (bench/alternatives/pertGamma.ts).
import { fillUniform, type RandomState } from '../../src/engine/random';

const A1 = -3.969683028665376e1;
const A2 = 2.209460984245205e2;
const A3 = -2.759285104469687e2;
const A4 = 1.38357751867269e2;
const A5 = -3.066479806614716e1;
const A6 = 2.506628277459239;
const B1 = -5.447609879822406e1;
const B2 = 1.615858368580409e2;
const B3 = -1.556989798598866e2;
const B4 = 6.680131188771972e1;
const B5 = -1.328068155288572e1;
const C1 = -7.784894002430293e-3;
const C2 = -3.223964580411365e-1;
const C3 = -2.400758277161838;
const C4 = -2.549732539343734;
const C5 = 4.374664141464968;
const C6 = 2.938163982698783;
const D1 = 7.784695709041462e-3;
const D2 = 3.224671290700398e-1;
const D3 = 2.445134137142996;
const D4 = 3.754408661907416;
const P_LOW = 0.02425;

/** Φ⁻¹(u) for u in (0, 1): the standard normal's quantile (relative error < 1.2e-9). */
export function normalQuantile(u: number): number {
  if (u < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(u));
    return (((((C1 * q + C2) * q + C3) * q + C4) * q + C5) * q + C6) / ((((D1 * q + D2) * q + D3) * q + D4) * q + 1);
  }
  if (u > 1 - P_LOW) {
    const q = Math.sqrt(-2 * Math.log(1 - u));
    return -(((((C1 * q + C2) * q + C3) * q + C4) * q + C5) * q + C6) / ((((D1 * q + D2) * q + D3) * q + D4) * q + 1);
  }
  const q = u - 0.5;
  const r = q * q;
  return ((((((A1 * r + A2) * r + A3) * r + A4) * r + A5) * r + A6) * q) / (((((B1 * r + B2) * r + B3) * r + B4) * r + B5) * r + 1);
}

/** `count` normal draws (compiled as by compileRange: p0 = μ, p1 = σ) into out[start …], one uniform each. */
export function fillNormalInverseCdf(p0: number, p1: number, state: RandomState, out: Float64Array, start: number, count: number): void {
  fillUniform(state, out, start, count);
  for (let i = start; i < start + count; i++) out[i] = p0 + p1 * normalQuantile(out[i] as number);
}
