// PERT draws as two gamma draws, X = G_α / (G_α + G_β), each by Marsaglia and Tsang's method ("A
// simple method for generating gamma variables", 2000; shape ≥ 1, as α, β ∈ [1, 5] are), which
// src/engine/distributions.ts used until the tabulated rejection of src/engine/betaDraws.ts
// replaced it: its normal variates by the ziggurat (before), or by the inverse CDF (before that,
// until commit 4d35f7d). Kept only so that bench/simulation.bench.ts can compare them.
import { zigguratNormal } from '../../src/engine/distributions';
import { nextUniform, type RandomState } from '../../src/engine/random';
import { normalQuantile } from './normalInverseCdf';

/** A standard normal variate from the generator. */
type Normal = (state: RandomState) => number;

const inverseCdfNormal: Normal = (state) => normalQuantile(nextUniform(state));

/** A Gamma(shape, 1) draw with d = shape − 1/3 and c = 1 / √(9d), its normal variates from `normal`. */
function gammaOf(d: number, c: number, state: RandomState, normal: Normal): number {
  for (;;) {
    const x = normal(state);
    let v = 1 + c * x;
    if (v <= 0) continue;
    v = v * v * v;
    const u = nextUniform(state);
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return d * v;
    if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** `count` PERT draws (compiled as by compileRange: p0 = low, p1 = width, p2 = α, p3 = β) into out[start …]. */
function fillPertGamma(p0: number, p1: number, p2: number, p3: number, state: RandomState, out: Float64Array, start: number, count: number, normal: Normal): void {
  const dA = p2 - 1 / 3;
  const cA = 1 / Math.sqrt(9 * dA);
  const dB = p3 - 1 / 3;
  const cB = 1 / Math.sqrt(9 * dB);
  for (let i = start; i < start + count; i++) {
    const x = gammaOf(dA, cA, state, normal);
    const y = gammaOf(dB, cB, state, normal);
    out[i] = p0 + p1 * (x / (x + y));
  }
}

/** The gamma pair with the ziggurat's normal variates (before the tabulated rejection). */
export function fillPertGammaZiggurat(p0: number, p1: number, p2: number, p3: number, state: RandomState, out: Float64Array, start: number, count: number): void {
  fillPertGamma(p0, p1, p2, p3, state, out, start, count, zigguratNormal);
}

/** The gamma pair with the inverse CDF's normal variates (before the ziggurat). */
export function fillPertInverseCdf(p0: number, p1: number, p2: number, p3: number, state: RandomState, out: Float64Array, start: number, count: number): void {
  fillPertGamma(p0, p1, p2, p3, state, out, start, count, inverseCdfNormal);
}
