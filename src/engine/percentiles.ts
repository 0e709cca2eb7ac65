/**
 * Percentiles of a sample (DESIGN.md §3 "Uncertainty"): the p-th percentile of N values is
 * linear interpolation at position p · (N − 1) between the order statistics x₍ₖ₎ and x₍ₖ₊₁₎,
 * k = ⌊p · (N − 1)⌋ (numpy's default, "linear"; `quantile` in bench/harness.ts reads the same).
 *
 * The order statistics are found by selection, not a full sort, in two linear passes over the
 * sample, run by a WebAssembly kernel over the sample in its memory (src/engine/bucketKernel.ts; a
 * sample given as arrays is copied there first — one copy, cheap beside the passes):
 * 1. a histogram of the values over 4,096 equal buckets (1,024 below 32,768 values) between edges set by a pilot (the minimum
 *    and maximum of the first range's first 1,024 values), values beyond the edges counted in the
 *    end buckets — the bucket of x (src/engine/wasm/countBuckets.wat) is monotone in x, so counting tells which bucket
 *    holds each wanted rank and its rank within the bucket. Should the end buckets hold over an
 *    eighth of the sample with values beyond the pilot's edges (a pilot unlike the rest), the
 *    histogram is counted again between the true minimum and maximum;
 * 2. the values of the wanted buckets copied out (a few hundred of 100,000 for a smooth
 *    distribution), then a multi-select on that small set (quickselect following every wanted
 *    rank at once, three-way partitioning so that ties cost nothing).
 * Exact whatever the distribution: a lopsided one (a far outlier squeezing everything into one
 * bucket) or a poor pilot only makes step 2's set larger, never the answer different. Against a
 * sort: 10–20× faster on 100,000 values (bench/simulation.bench.ts).
 */

import { BucketKernel } from './bucketKernel';

/** The percentiles a simulation reports, ascending. */
export const PERCENTILE_POINTS: readonly number[] = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95];

const INSERTION_SORT_BELOW = 16;

/**
 * Writes the percentiles at `points` (ascending, each in [0, 1]) of `data[0 … n − 1]` to
 * `out[outOffset + k · outStride]` for the k-th point. Leaves `data` as it was. NaN for an empty
 * sample; the data must not hold NaN.
 */
export function percentilesInPlace(
  data: Float64Array,
  n: number,
  points: readonly number[],
  out: Float64Array,
  outOffset = 0,
  outStride = 1,
): void {
  percentilesOfParts([data.subarray(0, n)], points, out, outOffset, outStride);
}

/**
 * The same for a sample held in several parts (a simulation's blocks): the parts are copied into a
 * kernel's memory (one copy, no sort) and read there. Leaves the parts as they were.
 */
export function percentilesOfParts(
  parts: readonly Float64Array[],
  points: readonly number[],
  out: Float64Array,
  outOffset = 0,
  outStride = 1,
): void {
  scratch ??= createPercentileKernel();
  percentilesOfKernel(scratch, scratch.put(parts), points, out, outOffset, outStride);
}

/** wantedRanks's last question and answer. */
let lastRanks: { points: readonly number[]; n: number; ranks: readonly number[] } | null = null;

/**
 * The ranks (0-based order statistics) the percentiles at `points` of `n` values read, ascending and
 * without repeats: ⌊p(n−1)⌋ and the one after it, for every p.
 */
export function wantedRanks(points: readonly number[], n: number): readonly number[] {
  // A summary asks for the same points and n for each of its series-years: the last answer is kept.
  if (lastRanks !== null && lastRanks.points === points && lastRanks.n === n) return lastRanks.ranks;
  const candidates = new Float64Array(2 * points.length);
  points.forEach((p, k) => {
    const below = Math.floor(p * (n - 1));
    candidates[2 * k] = below;
    candidates[2 * k + 1] = Math.min(n - 1, below + 1);
  });
  candidates.sort();
  const ranks: number[] = [];
  for (const r of candidates) if (ranks[ranks.length - 1] !== r) ranks.push(r);
  lastRanks = { points, n, ranks };
  return ranks;
}

/**
 * The definition's last step, for every point: linear interpolation at p · (n − 1) between the
 * order statistics (`orderStatistic(rank)`, asked only for the ranks of `wantedRanks`), written to
 * `out[outOffset + k · outStride]`.
 */
export function writePercentiles(points: readonly number[], n: number, orderStatistic: (rank: number) => number, out: Float64Array, outOffset = 0, outStride = 1): void {
  for (let k = 0; k < points.length; k++) {
    const position = (points[k] as number) * (n - 1);
    const below = Math.floor(position);
    const lo = orderStatistic(below);
    const fraction = position - below;
    let value = lo;
    if (fraction > 0) {
      const hi = orderStatistic(Math.min(n - 1, below + 1));
      // Never past the upper order statistic, so percentiles stay monotone whatever the rounding.
      value = Math.min(hi, lo + (hi - lo) * fraction);
    }
    out[outOffset + k * outStride] = value;
  }
}

/** Below this many values the histogram costs more than it saves. */
const BUCKETED_FROM = 2048;
const BUCKETS = 4096;
/**
 * A sample of fewer values than this is counted into FEW_BUCKETS buckets: step 2 then copies out a
 * few more values, but finding the wanted ranks' buckets walks a quarter of the table (that walk
 * was a tenth of a 10,000-sample simulation's summary; bench/simulation.bench.ts).
 */
const FEW_BUCKETS_BELOW = 32_768;
const FEW_BUCKETS = 1024;
/** The pilot: how many values of the first part set the histogram's edges. */
const PILOT = 1024;

/** The kernel that holds samples given as JavaScript arrays while they are counted (made on first use, grown as needed). */
let scratch: BucketKernel | null = null;
/** Scratch of selectDirectly. */
let direct = new Float64Array(BUCKETED_FROM);

/** A kernel with a table of one histogram, for `percentilesOfKernel`; `capacity` values of room. */
export function createPercentileKernel(capacity = 0): BucketKernel {
  return new BucketKernel(BUCKETS, capacity);
}

/**
 * The percentiles at `points` of the values a kernel (`createPercentileKernel`) holds in its data
 * area in `ranges` — pairs (first index, length) — read in place, written as percentilesOfParts
 * writes them. Leaves the data as it was.
 */
export function percentilesOfKernel(kernel: BucketKernel, ranges: readonly number[], points: readonly number[], out: Float64Array, outOffset = 0, outStride = 1): void {
  let n = 0;
  for (let k = 1; k < ranges.length; k += 2) n += ranges[k] as number;
  if (n <= 0) {
    for (let k = 0; k < points.length; k++) out[outOffset + k * outStride] = NaN;
    return;
  }
  const ranks = wantedRanks(points, n);
  const orderStatistic = n < BUCKETED_FROM ? selectDirectly(kernel.data, ranges, n, ranks) : selectByBuckets(kernel, ranges, n, ranks);
  writePercentiles(points, n, orderStatistic, out, outOffset, outStride);
}

/** All the ranges' values copied out, then one multi-select; the order statistic of rank r is then at r. */
function selectDirectly(data: Float64Array, ranges: readonly number[], n: number, ranks: readonly number[]): (rank: number) => number {
  if (direct.length < n) direct = new Float64Array(n);
  const all = direct;
  let to = 0;
  for (let k = 0; k < ranges.length; k += 2) {
    const at = ranges[k] as number;
    all.set(data.subarray(at, at + (ranges[k + 1] as number)), to);
    to += ranges[k + 1] as number;
  }
  multiSelect(all, 0, n - 1, ranks, 0, ranks.length - 1);
  return (rank) => all[rank] as number;
}

/** The smallest and largest of the ranges' values. */
function extremes(data: Float64Array, ranges: readonly number[]): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let k = 0; k < ranges.length; k += 2) {
    for (let i = ranges[k] as number, end = i + (ranges[k + 1] as number); i < end; i++) {
      const x = data[i] as number;
      if (x < min) min = x;
      if (x > max) max = x;
    }
  }
  return { min, max };
}

/** Counts the ranges' values into the kernel's histogram on [low, low + BUCKETS / scale] (those beyond it in the end buckets). */
function countRanges(kernel: BucketKernel, ranges: readonly number[], low: number, scale: number, buckets: number): void {
  kernel.counts.fill(0, 0, buckets);
  for (let k = 0; k < ranges.length; k += 2) kernel.count(ranges[k] as number, ranges[k + 1] as number, low, scale, buckets - 1, 0);
}

/**
 * Steps 1 and 2 of the file comment: the histogram's edges come from a pilot (the minimum and
 * maximum of the first range's first PILOT values — for a simulation, a sample of the same
 * distribution), and the values outside them fall into the end buckets. The answer is exact
 * whatever the edges; they only decide how many values step 2 copies out. Should the end buckets
 * hold more than an eighth of the sample because values lie beyond the pilot's edges (sorted data,
 * a far outlier), the histogram is counted again on the true minimum and maximum.
 */
function selectByBuckets(kernel: BucketKernel, ranges: readonly number[], n: number, ranks: readonly number[]): (rank: number) => number {
  const data = kernel.data;
  const buckets = n < FEW_BUCKETS_BELOW ? FEW_BUCKETS : BUCKETS;
  let first = 0;
  while ((ranges[first + 1] as number) === 0) first += 2;
  let low = Infinity;
  let high = -Infinity;
  for (let i = ranges[first] as number, end = i + Math.min(ranges[first + 1] as number, PILOT); i < end; i++) {
    const x = data[i] as number;
    if (x < low) low = x;
    if (x > high) high = x;
  }
  let scale = buckets / (high - low);
  let counted = false;
  if (Number.isFinite(scale) && scale > 0) {
    countRanges(kernel, ranges, low, scale, buckets);
    const counts = kernel.counts;
    counted = true;
    if ((counts[0] as number) + (counts[buckets - 1] as number) > n / 8) {
      const { min, max } = extremes(data, ranges);
      if (min < low || max > high) counted = false;
    }
  }
  if (!counted) {
    // No usable pilot: edges on the sample's own minimum and maximum.
    const { min, max } = extremes(data, ranges);
    if (min === max) return () => min;
    low = min;
    scale = buckets / (max - min);
    if (!Number.isFinite(scale) || scale <= 0) return selectDirectly(data, ranges, n, ranks); // a span a double cannot divide
    countRanges(kernel, ranges, low, scale, buckets);
  }
  return selectInKernel(kernel, ranges, ranks, low, scale, buckets - 1, 0);
}

/**
 * The order statistics of `ranks` (ascending) among the values of the kernel's `ranges`, given
 * their histogram in the kernel's table: counts[base + b] values in bucket b (of `top` + 1 from
 * `low`, `scale` a unit: src/engine/wasm/countBuckets.wat) for b = 0 … top, counted over exactly these values — or over a larger sample of
 * which the ranges hold every value of each bucket a wanted rank falls in (the ranks are then ranks
 * in that larger sample). Copies out the wanted buckets' values (the bucket is monotone in x, so those of
 * an earlier bucket are all smaller than those of a later one) and multi-selects among them, each
 * rank shifted to its place there. The wanted buckets are flagged in the table's keep flags from
 * `flagsBase` (default `base`; all 0 before and after). The output area must have room for the
 * ranges' values.
 */
export function selectInKernel(
  kernel: BucketKernel,
  ranges: readonly number[],
  ranks: readonly number[],
  low: number,
  scale: number,
  top: number,
  base: number,
  flagsBase = base,
): (rank: number) => number {
  const counts = kernel.counts;
  const keeps = kernel.keeps;
  // Each wanted rank's place among the copied-out values: the values of the wanted buckets before
  // its bucket, plus its rank within the bucket.
  const places: number[] = [];
  const wanted: number[] = [];
  let cumulative = 0;
  let picked = 0;
  let r = 0;
  for (let b = 0; b <= top && r < ranks.length; b++) {
    const c = counts[base + b] as number;
    let inBucket = false;
    while (r < ranks.length && (ranks[r] as number) < cumulative + c) {
      places.push(picked + (ranks[r] as number) - cumulative);
      inBucket = true;
      r++;
    }
    if (inBucket) {
      wanted.push(b);
      keeps[flagsBase + b] = 1;
      picked += c;
    }
    cumulative += c;
  }
  let size = 0;
  for (let k = 0; k < ranges.length; k += 2) size += kernel.pick(ranges[k] as number, ranges[k + 1] as number, low, scale, top, flagsBase, size);
  for (const b of wanted) keeps[flagsBase + b] = 0;
  const into = kernel.into;
  multiSelect(into, 0, size - 1, places, 0, places.length - 1);
  return (rank) => into[places[ranks.indexOf(rank)] as number] as number;
}

/**
 * Rearranges `a[left … right]` so that every rank in `ranks[first … last]` (ascending, within
 * [left, right]) holds the value a full sort would put there.
 */
function multiSelect(a: Float64Array, left: number, right: number, ranks: readonly number[], first: number, last: number): void {
  while (first <= last) {
    if (right - left < INSERTION_SORT_BELOW) {
      insertionSort(a, left, right);
      return;
    }
    const pivot = medianOfThree(a[left] as number, a[(left + right) >>> 1] as number, a[right] as number);
    // Dijkstra's three-way partition: a[left … lt−1] < pivot, a[lt … gt] = pivot, a[gt+1 … right] > pivot.
    let lt = left;
    let i = left;
    let gt = right;
    while (i <= gt) {
      const x = a[i] as number;
      if (x < pivot) {
        a[i] = a[lt] as number;
        a[lt] = x;
        lt++;
        i++;
      } else if (x > pivot) {
        a[i] = a[gt] as number;
        a[gt] = x;
        gt--;
      } else {
        i++;
      }
    }
    // Ranks below lt go left, above gt go right; those in between are already in place.
    let split = first;
    while (split <= last && (ranks[split] as number) < lt) split++;
    let after = split;
    while (after <= last && (ranks[after] as number) <= gt) after++;
    // Recurse into the smaller side and loop on the other, so the stack stays shallow.
    if (split - first < last - after + 1) {
      if (split > first) multiSelect(a, left, lt - 1, ranks, first, split - 1);
      left = gt + 1;
      first = after;
    } else {
      if (after <= last) multiSelect(a, gt + 1, right, ranks, after, last);
      right = lt - 1;
      last = split - 1;
    }
  }
}

function medianOfThree(x: number, y: number, z: number): number {
  if (x < y) return y < z ? y : x < z ? z : x;
  return x < z ? x : y < z ? z : y;
}

function insertionSort(a: Float64Array, left: number, right: number): void {
  for (let i = left + 1; i <= right; i++) {
    const x = a[i] as number;
    let j = i - 1;
    while (j >= left && (a[j] as number) > x) {
      a[j + 1] = a[j] as number;
      j--;
    }
    a[j + 1] = x;
  }
}
