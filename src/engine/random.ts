/**
 * The simulation's seeded pseudo-random numbers (DESIGN.md §3 "Uncertainty": same seed ⇒ same
 * numbers).
 *
 * - Generator: xoshiro128** (Blackman & Vigna), 128 bits of state, period 2^128 − 1, passes
 *   BigCrush. Its state is a `Uint32Array(4)` that the caller owns, never a closure: V8 keeps a
 *   closure's captured state in a context object and draws about 4× slower that way
 *   (TOOLCHAIN.md "Measuring"). `fillUniform` loads the state into local variables for a whole
 *   run of draws, the fastest form.
 * - Streams: block b of a simulation draws from its own generator, seeded from (seed, b) by
 *   `blockRandomState`, so a block's numbers never depend on which worker runs it or on how
 *   many blocks ran before it.
 * - Only 32-bit integer arithmetic (`Math.imul`, shifts, xor) and one exact conversion to a
 *   double: the numbers are bit-identical in Node, in every browser and in any worker.
 */

/** The generator's state: four 32-bit words, not all zero. */
export type RandomState = Uint32Array;

/**
 * A 32-bit mixing function with full avalanche (Chris Wellons's "lowbias32", the 32-bit
 * counterpart of splitmix64's finaliser): nearby inputs (seed 1 and 2, block 7 and 8) give
 * unrelated outputs.
 */
export function mix32(x: number): number {
  x = (x ^ (x >>> 16)) >>> 0;
  x = Math.imul(x, 0x7feb352d);
  x = (x ^ (x >>> 15)) >>> 0;
  x = Math.imul(x, 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

const GOLDEN = 0x9e3779b9; // 2^32 / φ, splitmix's increment

/**
 * The state of block `block`'s generator for a simulation seeded with `seed` (both whole numbers
 * from 0 to 2^32 − 1). Splitmix-style: a key hashed from the seed and the block index, then four
 * words drawn from a Weyl sequence on that key through `mix32`.
 */
export function blockRandomState(seed: number, block: number): RandomState {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new RangeError(`seed must be a whole number from 0 to 4294967295 (got ${seed})`);
  if (!Number.isInteger(block) || block < 0 || block > 0xffffffff) throw new RangeError(`block must be a whole number from 0 to 4294967295 (got ${block})`);
  const key = mix32((mix32(seed ^ 0x5eed5eed) + Math.imul(block, GOLDEN) + 0x6a09e667) >>> 0);
  const state = new Uint32Array(4);
  for (let i = 0; i < 4; i++) state[i] = mix32((key + Math.imul(i + 1, GOLDEN)) >>> 0);
  // xoshiro's one forbidden state; mix32 is a bijection, so four zeros cannot all come out of
  // four different inputs — kept as a guard for whoever changes the lines above.
  if ((state[0]! | state[1]! | state[2]! | state[3]!) === 0) state[0] = 1;
  return state;
}

/** The next 32-bit output of the generator (an integer in [0, 2^32)), advancing `state`. */
export function nextUint32(state: RandomState): number {
  const s0 = state[0]!;
  const s1 = state[1]!;
  const s2 = state[2]!;
  const s3 = state[3]!;
  const r = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
  const t = s1 << 9;
  const n2 = s2 ^ s0;
  const n3 = s3 ^ s1;
  state[0] = s0 ^ n3;
  state[1] = s1 ^ n2;
  state[2] = n2 ^ t;
  state[3] = rotl(n3, 11);
  return r;
}

const TWO_TO_MINUS_32 = 2 ** -32;

/**
 * The next uniform number in the OPEN interval (0, 1): (k + 0.5) / 2^32 for a 32-bit k. Never 0
 * or 1, so inverse CDFs and logarithms never see an endpoint; exact in a double.
 */
export function nextUniform(state: RandomState): number {
  return (nextUint32(state) + 0.5) * TWO_TO_MINUS_32;
}

/**
 * Fills `out[start … start + count − 1]` with uniforms in (0, 1), the same numbers `count` calls of
 * `nextUniform` would give, with the state held in local variables for the whole run.
 */
export function fillUniform(state: RandomState, out: Float64Array, start: number, count: number): void {
  let s0 = state[0]!;
  let s1 = state[1]!;
  let s2 = state[2]!;
  let s3 = state[3]!;
  const end = start + count;
  for (let i = start; i < end; i++) {
    const x = Math.imul(s1, 5);
    const r = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    out[i] = (r + 0.5) * TWO_TO_MINUS_32;
  }
  state[0] = s0;
  state[1] = s1;
  state[2] = s2;
  state[3] = s3;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
