/**
 * Drawing a quantity from its range (DESIGN.md §3: `range = { low, high, dist }`, low ≤ value ≤
 * high). A range is compiled once into a kind and four numbers (`compileRange`), and `drawRange`
 * turns the generator's uniforms into a draw, so a simulation's inner loop reads only numbers.
 *
 * - uniform: low + (high − low) · u.
 * - triangular (mode = value): the inverse CDF, one uniform per draw, computed two draws at a time
 *   by a WebAssembly kernel (src/engine/wasm/triangularDraws.wat: no branch on which side of the
 *   mode a draw falls, one square root per pair; the draws' time was a third of a block's).
 * - pert (beta-PERT, mode = value, λ = 4): low + (high − low) · X with X ~ Beta(α, β),
 *   α = 1 + 4 (value − low) / (high − low), β = 1 + 4 (high − value) / (high − low), so α, β ∈ [1, 5].
 *   X is drawn exactly, by rejection under a hat tabulated once per (α, β) (src/engine/betaDraws.ts:
 *   two of the generator's outputs per try, about 1% of tries rejected). It replaced X = G_α / (G_α
 *   + G_β) from two gamma draws by Marsaglia and Tsang's method, about three times as slow (kept in
 *   bench/alternatives/pertGamma.ts, which the bench compares). The number of outputs per draw
 *   varies with the rejections.
 * - normal: DESIGN.md makes low and high its 5th and 95th percentiles, which fixes it entirely:
 *   mean μ = (low + high) / 2, σ = (high − low) / (2 · 1.6448536…). The quantity's `value` is not
 *   used by the draw — it is the deterministic forecast's number; where it is not the midpoint of
 *   the range, the deterministic line is not this input's median (the range editor may say so).
 *   Drawn as μ + σ · Z with Z from the ziggurat (`zigguratNormal`, exact; it replaced Acklam's
 *   inverse CDF, kept in bench/alternatives/normalInverseCdf.ts, which took about twice as long);
 *   its draws fall outside [low, high] one time in ten, as a normal's do.
 * - A degenerate range (low = high) and a quantity without a range draw the value itself.
 *
 * Only +, −, ×, ÷, `Math.sqrt` (exactly rounded everywhere), `Math.log` and `Math.exp` are used;
 * V8's `Math.log` and `Math.exp` are the same port of fdlibm in Node and in Chromium, so the draws
 * are bit-identical in the app, its workers and the CLI.
 */
import type { Range } from '../model/quantity';
import { betaDraw, betaTable } from './betaDraws';
import { fillUniform, nextUint32, nextUniform, type RandomState } from './random';
import { triangularDrawsWasm } from './wasm/triangularDrawsModule';
import { instantiate, type KernelMemory } from './wasm/host';

export const RANGE_FIXED = 0;
export const RANGE_UNIFORM = 1;
export const RANGE_TRIANGULAR = 2;
export const RANGE_PERT = 3;
export const RANGE_NORMAL = 4;

/** z of the 95th percentile of the standard normal: Φ⁻¹(0.95). */
export const NORMAL_Z95 = 1.6448536269514722;

/**
 * A range ready to draw from: `kind` is one of the RANGE_* constants, and p0 … p3 mean
 * - fixed: p0 = value;
 * - uniform: p0 = low, p1 = high − low;
 * - triangular: p0 = low, p1 = high, p2 = mode (value), p3 = F(mode) = (mode − low) / (high − low);
 * - pert: p0 = low, p1 = high − low, p2 = α, p3 = β;
 * - normal: p0 = μ, p1 = σ.
 */
export interface CompiledRange {
  kind: number;
  p0: number;
  p1: number;
  p2: number;
  p3: number;
}

/** Compiles the range of a quantity whose value is `value`; no range (or low = high) draws the value. */
export function compileRange(value: number, range: Range | undefined): CompiledRange {
  if (range === undefined || !(range.high > range.low)) return { kind: RANGE_FIXED, p0: value, p1: 0, p2: 0, p3: 0 };
  const { low, high } = range;
  const width = high - low;
  switch (range.dist) {
    case 'uniform':
      return { kind: RANGE_UNIFORM, p0: low, p1: width, p2: 0, p3: 0 };
    case 'triangular': {
      const mode = Math.min(high, Math.max(low, value));
      return { kind: RANGE_TRIANGULAR, p0: low, p1: high, p2: mode, p3: (mode - low) / width };
    }
    case 'pert': {
      const mode = Math.min(high, Math.max(low, value));
      return { kind: RANGE_PERT, p0: low, p1: width, p2: 1 + (4 * (mode - low)) / width, p3: 1 + (4 * (high - mode)) / width };
    }
    case 'normal':
      return { kind: RANGE_NORMAL, p0: (low + high) / 2, p1: width / (2 * NORMAL_Z95), p2: 0, p3: 0 };
  }
}

/** One draw from a compiled range (its fields passed apart, as the simulation keeps them in typed arrays). */
export function drawRange(kind: number, p0: number, p1: number, p2: number, p3: number, state: RandomState): number {
  switch (kind) {
    case RANGE_UNIFORM:
      return p0 + p1 * nextUniform(state);
    case RANGE_TRIANGULAR:
      fillRange(kind, p0, p1, p2, p3, state, one, 0, 1);
      return one[0] as number;
    case RANGE_PERT:
      return p0 + p1 * betaDraw(betaTable(p2, p3), state);
    case RANGE_NORMAL:
      return p0 + p1 * zigguratNormal(state);
    default:
      return p0;
  }
}

/**
 * `count` draws from one compiled range into `out[start … start + count − 1]`: exactly the numbers
 * `count` successive `drawRange` calls give, leaving `state` where they would. The kinds that take
 * one uniform per draw (uniform, triangular) fill the uniforms in one run of the generator (state
 * in local variables) and transform them in a loop of one kind — no dispatch per draw; PERT and
 * normal, whose draws take a varying number of the generator's outputs, draw one at a time.
 */
export function fillRange(kind: number, p0: number, p1: number, p2: number, p3: number, state: RandomState, out: Float64Array, start: number, count: number): void {
  const end = start + count;
  switch (kind) {
    case RANGE_UNIFORM:
      fillUniform(state, out, start, count);
      for (let i = start; i < end; i++) out[i] = p0 + p1 * (out[i] as number);
      return;
    case RANGE_TRIANGULAR: {
      const kernel = triangularKernel();
      for (let done = 0; done < count; done += TRIANGULAR_CHUNK) {
        const n = Math.min(TRIANGULAR_CHUNK, count - done);
        fillUniform(state, kernel.uniforms, 0, n);
        kernel.transform(n, p0, p1, p2, p3);
        out.set(kernel.uniforms.subarray(0, n), start + done);
      }
      return;
    }
    case RANGE_NORMAL:
      for (let i = start; i < end; i++) out[i] = p0 + p1 * zigguratNormal(state);
      return;
    case RANGE_PERT: {
      const table = betaTable(p2, p3);
      for (let i = start; i < end; i++) out[i] = p0 + p1 * betaDraw(table, state);
      return;
    }
    default:
      out.fill(p0, start, end);
  }
}

/** drawRange's scratch for one draw. */
const one = new Float64Array(1);

/** Draws the triangular kernel makes per call: its memory's first page holds them. */
const TRIANGULAR_CHUNK = 4096;

interface TriangularKernel {
  /** Where the uniforms go, and the draws come back: the kernel's memory. */
  uniforms: Float64Array;
  /** Turns uniforms[0 … count − 1] into draws from the triangular on [low, high] with its mode at `mode`, fMode = F(mode). */
  transform(count: number, low: number, high: number, mode: number, fMode: number): void;
}

let triangular: TriangularKernel | null = null;

/** The triangular draws' kernel of this thread (made on first use). */
function triangularKernel(): TriangularKernel {
  if (triangular === null) {
    const kernel = instantiate<{ memory: KernelMemory; transform: TriangularKernel['transform'] }>(triangularDrawsWasm);
    triangular = { uniforms: new Float64Array(kernel.memory.buffer, 0, TRIANGULAR_CHUNK), transform: kernel.transform };
  }
  return triangular;
}

// The ziggurat of Marsaglia & Tsang ("The Ziggurat Method for Generating Random Variables", 2000)
// for the standard normal, 128 layers: a 32-bit output's low 7 bits pick the layer, the whole word
// (as a signed integer) the point; 98.8% of draws are one multiply and one compare. Exact (a
// rejection method), and about twice as fast as the inverse CDF it replaced for normal ranges
// (bench/simulation.bench.ts compares them). The tables are made with Math.exp and Math.log, the
// same in every V8.
const ZIG_R = 3.442619855899;
const ZIG_V = 9.91256303526217e-3;
const ZIG_K = new Float64Array(128);
const ZIG_W = new Float64Array(128);
const ZIG_F = new Float64Array(128);
{
  const m1 = 2147483648;
  let dn = ZIG_R;
  let tn = dn;
  const q = ZIG_V / Math.exp(-0.5 * dn * dn);
  ZIG_K[0] = (dn / q) * m1;
  ZIG_K[1] = 0;
  ZIG_W[0] = q / m1;
  ZIG_W[127] = dn / m1;
  ZIG_F[0] = 1;
  ZIG_F[127] = Math.exp(-0.5 * dn * dn);
  for (let i = 126; i >= 1; i--) {
    dn = Math.sqrt(-2 * Math.log(ZIG_V / dn + Math.exp(-0.5 * dn * dn)));
    ZIG_K[i + 1] = (dn / tn) * m1;
    tn = dn;
    ZIG_F[i] = Math.exp(-0.5 * dn * dn);
    ZIG_W[i] = dn / m1;
  }
}

/** A standard normal draw by the ziggurat (a varying number of the generator's outputs, one 98.8% of the time). */
export function zigguratNormal(state: RandomState): number {
  for (;;) {
    const hz = nextUint32(state) | 0;
    const iz = hz & 127;
    const x = hz * (ZIG_W[iz] as number);
    if (Math.abs(hz) < (ZIG_K[iz] as number)) return x;
    if (iz === 0) {
      // The base layer's tail beyond R (Marsaglia's method for the tail).
      let tail: number;
      let y: number;
      do {
        tail = -Math.log(nextUniform(state)) / ZIG_R;
        y = -Math.log(nextUniform(state));
      } while (y + y < tail * tail);
      return hz > 0 ? ZIG_R + tail : -ZIG_R - tail;
    }
    // The wedge of layer iz: under the density?
    const f = ZIG_F[iz] as number;
    if (f + nextUniform(state) * ((ZIG_F[iz - 1] as number) - f) < Math.exp(-0.5 * x * x)) return x;
  }
}
