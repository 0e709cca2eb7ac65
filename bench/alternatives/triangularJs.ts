// Triangular draws as they were before the WebAssembly kernel (src/engine/wasm/triangularDraws.wat):
// the inverse CDF in JavaScript, a branch on which side of the mode each draw falls. Kept only so
// that bench/simulation.bench.ts can compare it with today's fillRange; the same numbers.
import { fillUniform, type RandomState } from '../../src/engine/random';

/** `count` triangular draws (compiled as by compileRange: p0 = low, p1 = high, p2 = mode, p3 = F(mode)) into out[start …]. */
export function fillTriangularJs(p0: number, p1: number, p2: number, p3: number, state: RandomState, out: Float64Array, start: number, count: number): void {
  fillUniform(state, out, start, count);
  for (let i = start; i < start + count; i++) {
    const u = out[i] as number;
    out[i] = u < p3 ? p0 + Math.sqrt(u * (p1 - p0) * (p2 - p0)) : p1 - Math.sqrt((1 - u) * (p1 - p0) * (p1 - p2));
  }
}
