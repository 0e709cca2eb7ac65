/**
 * Percentiles of a sample (DESIGN.md §3 "Uncertainty"): the p-th percentile of N values is
 * linear interpolation at position p · (N − 1) between the order statistics x₍ₖ₎ and x₍ₖ₊₁₎,
 * k = ⌊p · (N − 1)⌋ (numpy's default, "linear"; `quantile` in bench/harness.ts reads the same).
 *
 * The order statistics are found by selection, not a full sort, in two linear passes over the
 * sample where it lies (a simulation's blocks are read in place, never gathered into one array):
 * 1. a histogram of the values over 4,096 equal buckets between edges set by a pilot (the minimum
 *    and maximum of the first part's first 1,024 values), values beyond the edges counted in the
 *    end buckets — bucket(x) stays monotone in x, so counting tells which bucket holds each wanted
 *    rank and its rank within the bucket. The same pass adds up the sum (for the mean) and finds
 *    the true minimum and maximum: should the end buckets hold over an eighth of the sample (a
 *    pilot unlike the rest), the histogram is counted again between those;
 * 2. the values of the wanted buckets copied out (a few hundred of 100,000 for a smooth
 *    distribution), then a multi-select on that small set (quickselect following every wanted
 *    rank at once, three-way partitioning so that ties cost nothing).
 * Exact whatever the distribution: a lopsided one (a far outlier squeezing everything into one
 * bucket) or a poor pilot only makes step 2's set larger, never the answer different. The pilot
 * replaced a first pass for the minimum and maximum: the summary of the seed's 100,000 samples
 * (384 series-years) went from 361 to 217 ms on this machine (bench/simulation.bench.ts compares
 * the two). Against a sort: 10–20× faster on 100,000 values.
 */

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
 * The same for a sample held in several parts (a simulation's blocks), read where they are: no
 * copy of the whole sample is made. Returns the sum of the values, added up part by part in the
 * order given (the pass that finds the minimum and maximum does it), for the mean.
 */
export function percentilesOfParts(
  parts: readonly Float64Array[],
  points: readonly number[],
  out: Float64Array,
  outOffset = 0,
  outStride = 1,
): number {
  let n = 0;
  for (const part of parts) n += part.length;
  if (n <= 0) {
    for (let k = 0; k < points.length; k++) out[outOffset + k * outStride] = NaN;
    return 0;
  }
  const ranks = wantedRanks(points, n);
  let sum: number;
  let orderStatistic: (rank: number) => number;
  if (n < BUCKETED_FROM) {
    sum = sumOf(parts);
    orderStatistic = selectDirectly(parts, n, ranks);
  } else {
    const found = selectByBuckets(parts, n, ranks);
    sum = found.sum;
    orderStatistic = found.orderStatistic;
  }
  writePercentiles(points, n, orderStatistic, out, outOffset, outStride);
  return sum;
}

/**
 * The ranks (0-based order statistics) the percentiles at `points` of `n` values read, ascending and
 * without repeats: ⌊p(n−1)⌋ and the one after it, for every p.
 */
export function wantedRanks(points: readonly number[], n: number): number[] {
  const ranks: number[] = [];
  for (const p of points) {
    const below = Math.floor(p * (n - 1));
    for (const r of [below, Math.min(n - 1, below + 1)]) if (ranks[ranks.length - 1] !== r) ranks.push(r);
  }
  return ranks.sort((a, b) => a - b);
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

/**
 * The bucket of `x` in a histogram of `top + 1` equal buckets from `low`, `scale` buckets per unit;
 * values below or above it go to the first or last bucket. Monotone in x: a bucket never holds a
 * value smaller than one of an earlier bucket, which is all the selection needs. `scale` 0 puts
 * every finite value in bucket 0.
 */
export function bucketOf(x: number, low: number, scale: number, top: number): number {
  const v = (x - low) * scale;
  return v < top ? (v > 0 ? v | 0 : 0) : top;
}

/** Below this many values the histogram costs more than it saves. */
const BUCKETED_FROM = 2048;
const BUCKETS = 4096;
/** The pilot: how many values of the first part set the histogram's edges. */
const PILOT = 1024;

// Scratch kept between calls (a summary calls this once per series-year): the histogram, each
// bucket's slot among the wanted ones, and the copied-out values.
const counts = new Int32Array(BUCKETS);
const slotOfBucket = new Int32Array(BUCKETS).fill(-1);
let picked = new Float64Array(4096);

function ensurePicked(size: number): Float64Array {
  if (picked.length < size) picked = new Float64Array(Math.max(size, 2 * picked.length));
  return picked;
}

/** The values added up part by part, in the order given. */
function sumOf(parts: readonly Float64Array[]): number {
  let sum = 0;
  for (const part of parts) for (let i = 0; i < part.length; i++) sum += part[i] as number;
  return sum;
}

/** All the parts copied out, then one multi-select; the order statistic of rank r is then at r. */
function selectDirectly(parts: readonly Float64Array[], n: number, ranks: readonly number[]): (rank: number) => number {
  const all = ensurePicked(n);
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  multiSelect(all, 0, n - 1, ranks, 0, ranks.length - 1);
  return (rank) => all[rank] as number;
}

/**
 * Counts the values into the histogram on [low, low + BUCKETS / scale], those below or above it
 * into the first or last bucket (still monotone: a bucket never holds a value smaller than one of
 * an earlier bucket), and returns their sum, minimum and maximum — one pass.
 */
function countIntoBuckets(parts: readonly Float64Array[], low: number, scale: number): { sum: number; min: number; max: number } {
  const top = BUCKETS - 1;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  counts.fill(0);
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) {
      const x = part[i] as number;
      sum += x;
      if (x < min) min = x;
      if (x > max) max = x;
      const b = bucketOf(x, low, scale, top);
      counts[b] = (counts[b] as number) + 1;
    }
  }
  return { sum, min, max };
}

/**
 * Passes 2 and 3 of the file comment, with pass 1 folded into pass 2: the histogram's edges come
 * from a pilot (the minimum and maximum of the first part's first PILOT values — for a
 * simulation, a sample of the same distribution), and the values outside them fall into the end
 * buckets. The answer is exact whatever the edges; they only decide how many values pass 3 copies
 * out. Should the end buckets hold more than an eighth of the sample (a pilot unlike the rest:
 * sorted data, a far outlier), the histogram is counted again on the true minimum and maximum,
 * which the first count found — never worse than the three passes.
 */
function selectByBuckets(parts: readonly Float64Array[], n: number, ranks: readonly number[]): { sum: number; orderStatistic: (rank: number) => number } {
  const first = parts.find((part) => part.length > 0) as Float64Array;
  let low = Infinity;
  let high = -Infinity;
  for (let i = 0, end = Math.min(first.length, PILOT); i < end; i++) {
    const x = first[i] as number;
    if (x < low) low = x;
    if (x > high) high = x;
  }
  let scale = BUCKETS / (high - low);
  let counted: { sum: number; min: number; max: number } | null = null;
  if (Number.isFinite(scale) && scale > 0) {
    counted = countIntoBuckets(parts, low, scale);
    if ((counts[0] as number) + (counts[BUCKETS - 1] as number) > n / 8 && (counted.min < low || counted.max > high)) counted = null;
  }
  if (counted === null) {
    // No usable pilot: edges on the sample's own minimum and maximum.
    let min = Infinity;
    let max = -Infinity;
    for (const part of parts) {
      for (let i = 0; i < part.length; i++) {
        const x = part[i] as number;
        if (x < min) min = x;
        if (x > max) max = x;
      }
    }
    if (min === max) return { sum: sumOf(parts), orderStatistic: () => min };
    low = min;
    scale = BUCKETS / (max - min);
    if (!Number.isFinite(scale) || scale <= 0) return { sum: sumOf(parts), orderStatistic: selectDirectly(parts, n, ranks) }; // a span a double cannot divide
    counted = countIntoBuckets(parts, low, scale);
  }
  const { sum } = counted;
  if (counted.min === counted.max) {
    const only = counted.min;
    return { sum, orderStatistic: () => only };
  }
  return { sum, orderStatistic: selectInBuckets(parts, ranks, low, scale, BUCKETS - 1, counts, 0) };
}

/**
 * The order statistics of `ranks` (ascending) among the values of `parts`, given their histogram:
 * `counts[countsOffset + b]` values in bucket b = bucketOf(x, low, scale, top) for b = 0 … top,
 * counted over exactly these values — or over a larger sample of which `parts` holds every value
 * of each bucket a wanted rank falls in (the ranks are then ranks in that larger sample). Copies
 * out the wanted buckets' values and multi-selects within each.
 */
export function selectInBuckets(
  parts: readonly Float64Array[],
  ranks: readonly number[],
  low: number,
  scale: number,
  top: number,
  histogram: Int32Array | Uint32Array,
  countsOffset: number,
): (rank: number) => number {
  const count = (b: number): number => histogram[countsOffset + b] as number;

  // The bucket of each wanted rank, and where each wanted bucket's values will go in `picked`.
  const wantedBuckets: number[] = [];
  const bucketStart: number[] = []; // rank of the bucket's first value in the whole sample
  const rankBucket: number[] = [];
  let cumulative = 0;
  let r = 0;
  for (let b = 0; b <= top && r < ranks.length; b++) {
    const c = count(b);
    while (r < ranks.length && (ranks[r] as number) < cumulative + c) {
      if (wantedBuckets[wantedBuckets.length - 1] !== b) {
        wantedBuckets.push(b);
        bucketStart.push(cumulative);
      }
      rankBucket.push(wantedBuckets.length - 1);
      r++;
    }
    cumulative += c;
  }
  const offsets: number[] = [];
  let size = 0;
  for (const b of wantedBuckets) {
    offsets.push(size);
    size += count(b);
  }
  const into = ensurePicked(size);
  const fill = offsets.slice();
  wantedBuckets.forEach((b, slot) => (slotOfBucket[b] = slot));
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) {
      const x = part[i] as number;
      const slot = slotOfBucket[bucketOf(x, low, scale, top)] as number;
      if (slot >= 0) into[(fill[slot] as number)++] = x;
    }
  }
  for (const b of wantedBuckets) slotOfBucket[b] = -1;

  // Select within each wanted bucket, ranks shifted to the bucket's own.
  for (let slot = 0; slot < wantedBuckets.length; slot++) {
    const local: number[] = [];
    ranks.forEach((rank, k) => {
      if (rankBucket[k] === slot) local.push(offsets[slot]! + rank - bucketStart[slot]!);
    });
    multiSelect(into, offsets[slot]!, offsets[slot]! + count(wantedBuckets[slot]!) - 1, local, 0, local.length - 1);
  }
  const orderStatistic = (rank: number): number => {
    const k = ranks.indexOf(rank);
    const slot = rankBucket[k] as number;
    return into[offsets[slot]! + rank - bucketStart[slot]!] as number;
  };
  return orderStatistic;
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
