/**
 * Percentiles of a sample (DESIGN.md §3 "Uncertainty"): the p-th percentile of N values is
 * linear interpolation at position p · (N − 1) between the order statistics x₍ₖ₎ and x₍ₖ₊₁₎,
 * k = ⌊p · (N − 1)⌋ (numpy's default, "linear"; `quantile` in bench/harness.ts reads the same).
 *
 * The order statistics are found by selection, not a full sort: one multi-select pass
 * (quickselect that follows every wanted rank at once, with three-way partitioning so that ties —
 * common when a series is clamped at 0 — cost nothing) picks all the ranks the percentiles need,
 * about 3·N comparisons for seven percentiles against N·log₂N for a sort.
 */

/** The percentiles a simulation reports, ascending. */
export const PERCENTILE_POINTS: readonly number[] = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95];

const INSERTION_SORT_BELOW = 16;

/**
 * Writes the percentiles at `points` (ascending, each in [0, 1]) of `data[0 … n − 1]` to
 * `out[outOffset + k · outStride]` for the k-th point. Reorders `data[0 … n − 1]` (pass a copy to
 * keep it). NaN for an empty sample; the data must not hold NaN.
 */
export function percentilesInPlace(
  data: Float64Array,
  n: number,
  points: readonly number[],
  out: Float64Array,
  outOffset = 0,
  outStride = 1,
): void {
  if (n <= 0) {
    for (let k = 0; k < points.length; k++) out[outOffset + k * outStride] = NaN;
    return;
  }
  // The ranks wanted, ascending and without repeats: ⌊p(N−1)⌋ and the one after it.
  const ranks: number[] = [];
  for (const p of points) {
    const below = Math.floor(p * (n - 1));
    for (const r of [below, Math.min(n - 1, below + 1)]) if (ranks[ranks.length - 1] !== r) ranks.push(r);
  }
  ranks.sort((a, b) => a - b);
  multiSelect(data, 0, n - 1, ranks, 0, ranks.length - 1);
  for (let k = 0; k < points.length; k++) {
    const position = (points[k] as number) * (n - 1);
    const below = Math.floor(position);
    const lo = data[below] as number;
    const fraction = position - below;
    let value = lo;
    if (fraction > 0) {
      const hi = data[Math.min(n - 1, below + 1)] as number;
      // Never past the upper order statistic, so percentiles stay monotone whatever the rounding.
      value = Math.min(hi, lo + (hi - lo) * fraction);
    }
    out[outOffset + k * outStride] = value;
  }
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
