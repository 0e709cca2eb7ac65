// The percentile selection's two passes as they were before the WebAssembly kernel
// (src/engine/wasm/countBuckets.wat): counting a histogram and copying out the values of the wanted
// buckets, in JavaScript. Kept only so that bench/simulation.bench.ts can compare them with the
// kernel's `count` and `pick` on the same values; they give the same counts and values.

function bucketOf(x: number, low: number, scale: number, top: number): number {
  const v = (x - low) * scale;
  return v < top ? (v > 0 ? v | 0 : 0) : top;
}

/** counts[base + bucket(x)] += 1 for x in data[at … at + n − 1]. */
export function countJs(data: Float64Array, at: number, n: number, low: number, scale: number, top: number, counts: Uint32Array, base: number): void {
  for (let i = at; i < at + n; i++) {
    const b = base + bucketOf(data[i] as number, low, scale, top);
    counts[b] = (counts[b] as number) + 1;
  }
}

/** Copies the x of data[at … at + n − 1] whose bucket is kept (keeps[base + bucket(x)] = 1) to into[to …]; returns how many. */
export function pickJs(data: Float64Array, at: number, n: number, low: number, scale: number, top: number, keeps: Uint8Array, base: number, into: Float64Array, to: number): number {
  let kept = to;
  for (let i = at; i < at + n; i++) {
    const x = data[i] as number;
    into[kept] = x;
    kept += keeps[base + bucketOf(x, low, scale, top)] as number;
  }
  return kept - to;
}
