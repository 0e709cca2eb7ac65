// PERT draws as they were before the ziggurat (commit 4d35f7d of src/engine/distributions.ts): each
// gamma draw's normal variate from the inverse CDF, and its constants worked out per draw. Kept only
// so that bench/simulation.bench.ts can compare it with today's fillRange.
import { normalQuantile } from './normalInverseCdf';
import { nextUniform, type RandomState } from '../../src/engine/random';

function gamma(shape: number, state: RandomState): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = normalQuantile(nextUniform(state));
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
export function fillPertInverseCdf(p0: number, p1: number, p2: number, p3: number, state: RandomState, out: Float64Array, start: number, count: number): void {
  for (let i = start; i < start + count; i++) {
    const x = gamma(p2, state);
    const y = gamma(p3, state);
    out[i] = p0 + p1 * (x / (x + y));
  }
}
