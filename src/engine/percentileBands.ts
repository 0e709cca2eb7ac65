/**
 * Exact percentiles of many series at once (a simulation's series-years) as samples arrive block by
 * block, without keeping every sample: the memory of a simulation's summary (issue 10, "Heap:
 * 100,000 samples of the seed under 100 MB"; keeping them all took 297 MB).
 *
 * Per row (one series-year):
 * - until two different values have come, only the one value and the count (a constant row keeps
 *   nothing else, however many samples);
 * - then a histogram of BAND_BUCKETS equal buckets on the minimum and maximum of the block where
 *   the row first varied (the pilot; later values beyond it fall in the end buckets — bucketOf of
 *   src/engine/percentiles.ts is monotone, so counts still tell which bucket holds each rank);
 * - the values themselves only of the buckets near a wanted percentile: after the pilot and then
 *   whenever the samples held have grown by NARROW_GROWTH, each bucket whose ranks lie farther than
 *   `margin` standard errors of the percentile's estimate, sqrt(p(1 − p) / n), from every wanted
 *   percentile p is dropped: its values are discarded and it stops keeping values. The buckets
 *   kept narrow around the percentiles as the estimate sharpens (about 30·√n values per row of n
 *   samples at the default margin). A bucket is kept only while it has kept every value it counted.
 *
 * `orderStatistics` then finds the wanted ranks' buckets from the counts; where each is kept (all
 * but never, at 6 standard errors), the order statistics come from the kept values by selection.
 * Where one is not — the row's percentile has wandered outside its band, or a caller narrowed the
 * margin — the caller is told, and supplies the row's samples again (a simulation reruns its
 * blocks, which depend only on their index): the answer is always the exact order statistic, never
 * an estimate.
 */
import { bucketOf, selectInBuckets } from './percentiles';

/** Buckets per row's histogram. */
export const BAND_BUCKETS = 1024;
/** Standard errors of a percentile's estimate kept on each side of it, unless the caller says otherwise. */
export const DEFAULT_BAND_MARGIN = 6;
/** The buckets kept are narrowed again once the samples held have grown by this factor. */
const NARROW_GROWTH = 1.25;

const TOP = BAND_BUCKETS - 1;
const EMPTY = 0;
const CONSTANT = 1;
const BUCKETED = 2;

export class PercentileBands {
  /** Samples held per row. */
  count = 0;
  private readonly state: Uint8Array;
  /** The row's only value while it is CONSTANT. */
  private readonly constant: Float64Array;
  private readonly low: Float64Array;
  private readonly scale: Float64Array;
  private readonly counts: Uint32Array;
  /** 1 where the bucket has kept every value it counted. */
  private readonly keeps: Uint8Array;
  private readonly kept: Float64Array[];
  private readonly keptLength: Int32Array;
  /** Rows bucketed since the last narrowing: they keep everything until they are first narrowed. */
  private readonly fresh: number[] = [];
  private narrowedAt = 0;

  constructor(
    readonly rows: number,
    private readonly points: readonly number[],
    private readonly margin = DEFAULT_BAND_MARGIN,
  ) {
    this.state = new Uint8Array(rows);
    this.constant = new Float64Array(rows);
    this.low = new Float64Array(rows);
    this.scale = new Float64Array(rows);
    this.counts = new Uint32Array(rows * BAND_BUCKETS);
    this.keeps = new Uint8Array(rows * BAND_BUCKETS);
    this.kept = Array.from({ length: rows }, () => new Float64Array(0));
    this.keptLength = new Int32Array(rows);
  }

  /** Values kept in all (the memory the bands hold beyond their fixed tables is 8 bytes each). */
  get keptValues(): number {
    let total = 0;
    for (let r = 0; r < this.rows; r++) total += this.keptLength[r] as number;
    return total;
  }

  /**
   * Adds `samples` values to every row: row r's are `values[offset + r · samples … + samples − 1]`.
   * Returns nothing; the sums for the mean are the caller's (they depend on the order of blocks).
   */
  add(values: Float64Array, samples: number, offset = 0): void {
    if (samples <= 0) return;
    const before = this.count;
    for (let r = 0; r < this.rows; r++) {
      const start = offset + r * samples;
      const end = start + samples;
      const state = this.state[r] as number;
      if (state !== BUCKETED) {
        const first = state === EMPTY ? (values[start] as number) : (this.constant[r] as number);
        let i = start;
        while (i < end && values[i] === first) i++;
        if (i === end) {
          this.state[r] = CONSTANT;
          this.constant[r] = first;
          continue;
        }
        this.startBuckets(r, values, start, end, state === EMPTY ? 0 : before);
      }
      this.count_(r, values, start, end);
    }
    this.count = before + samples;
    if (this.fresh.length > 0 || this.count >= this.narrowedAt * NARROW_GROWTH) this.narrow();
  }

  /**
   * The order statistics at `ranks` (ascending, of `count` samples) of row `r`, through
   * `orderStatistic`; or null when a rank's bucket was dropped and the row's samples are needed
   * again (`orderStatisticsFrom`).
   */
  orderStatistics(r: number, ranks: readonly number[]): ((rank: number) => number) | null {
    const state = this.state[r] as number;
    if (state === CONSTANT) {
      const only = this.constant[r] as number;
      return () => only;
    }
    if (state === EMPTY) return null;
    const base = r * BAND_BUCKETS;
    let cumulative = 0;
    let k = 0;
    for (let b = 0; b < BAND_BUCKETS && k < ranks.length; b++) {
      cumulative += this.counts[base + b] as number;
      while (k < ranks.length && (ranks[k] as number) < cumulative) {
        if (this.keeps[base + b] !== 1) return null;
        k++;
      }
    }
    return selectInBuckets([(this.kept[r] as Float64Array).subarray(0, this.keptLength[r])], ranks, this.low[r] as number, this.scale[r] as number, TOP, this.counts, base);
  }

  /** The same from all the row's samples, given again (`parts`, in any order). */
  orderStatisticsFrom(r: number, ranks: readonly number[], parts: readonly Float64Array[]): (rank: number) => number {
    return selectInBuckets(parts, ranks, this.low[r] as number, this.scale[r] as number, TOP, this.counts, r * BAND_BUCKETS);
  }

  /** Row r varies for the first time in values[start … end − 1]: its histogram's edges, and the `held` earlier samples (all equal to its constant) counted in. */
  private startBuckets(r: number, values: Float64Array, start: number, end: number, held: number): void {
    let min = Infinity;
    let max = -Infinity;
    for (let i = start; i < end; i++) {
      const x = values[i] as number;
      if (x < min) min = x;
      if (x > max) max = x;
    }
    let low = min;
    let scale = BAND_BUCKETS / (max - min);
    // A span a double cannot divide: every value in one bucket (still exact, just kept whole).
    if (!Number.isFinite(scale) || !(scale > 0)) {
      low = 0;
      scale = 0;
    }
    this.low[r] = low;
    this.scale[r] = scale;
    this.state[r] = BUCKETED;
    this.keeps.fill(1, r * BAND_BUCKETS, (r + 1) * BAND_BUCKETS);
    this.fresh.push(r);
    if (held > 0) {
      const c = this.constant[r] as number;
      const b = r * BAND_BUCKETS + bucketOf(c, low, scale, TOP);
      this.counts[b] = (this.counts[b] as number) + held;
      const into = this.reserve(r, held);
      into.fill(c, 0, held);
      this.keptLength[r] = held;
    }
  }

  /** Counts values[start … end − 1] into row r's histogram, keeping those of kept buckets. */
  private count_(r: number, values: Float64Array, start: number, end: number): void {
    const base = r * BAND_BUCKETS;
    const low = this.low[r] as number;
    const scale = this.scale[r] as number;
    const counts = this.counts;
    const keeps = this.keeps;
    const into = this.reserve(r, end - start);
    let length = this.keptLength[r] as number;
    for (let i = start; i < end; i++) {
      const x = values[i] as number;
      const b = base + bucketOf(x, low, scale, TOP);
      counts[b] = (counts[b] as number) + 1;
      if (keeps[b] === 1) into[length++] = x;
    }
    this.keptLength[r] = length;
  }

  /** Row r's store with room for `more` values beyond those kept. */
  private reserve(r: number, more: number): Float64Array {
    const store = this.kept[r] as Float64Array;
    const need = (this.keptLength[r] as number) + more;
    if (store.length >= need) return store;
    const grown = new Float64Array(Math.max(need, Math.ceil(store.length * 1.5)));
    grown.set(store.subarray(0, this.keptLength[r]));
    this.kept[r] = grown;
    return grown;
  }

  /** Drops, in every bucketed row, the buckets far from every wanted percentile (file comment). */
  private narrow(): void {
    const n = this.count;
    this.fresh.length = 0;
    this.narrowedAt = n;
    // Each point's band of ranks among the n samples held.
    const bands: number[] = [];
    for (const p of this.points) {
      const reach = this.margin * Math.sqrt((p * (1 - p)) / n) * n + 2;
      bands.push(Math.floor(p * (n - 1) - reach), Math.ceil(p * (n - 1) + reach));
    }
    for (let r = 0; r < this.rows; r++) {
      if (this.state[r] !== BUCKETED) continue;
      const base = r * BAND_BUCKETS;
      let cumulative = 0;
      let dropped = false;
      for (let b = 0; b < BAND_BUCKETS; b++) {
        const first = cumulative; // ranks first … cumulative − 1 after this bucket
        cumulative += this.counts[base + b] as number;
        if (this.keeps[base + b] !== 1) continue;
        let near = false;
        // An empty bucket is near when a band covers where its ranks would begin.
        const last = Math.max(first, cumulative - 1);
        for (let k = 0; k < bands.length && !near; k += 2) near = first <= (bands[k + 1] as number) && last >= (bands[k] as number);
        if (!near) {
          this.keeps[base + b] = 0;
          dropped = true;
        }
      }
      if (dropped) this.compact(r);
    }
  }

  /** Discards row r's values of the buckets no longer kept. */
  private compact(r: number): void {
    const store = this.kept[r] as Float64Array;
    const base = r * BAND_BUCKETS;
    const low = this.low[r] as number;
    const scale = this.scale[r] as number;
    let length = 0;
    for (let i = 0, end = this.keptLength[r] as number; i < end; i++) {
      const x = store[i] as number;
      if (this.keeps[base + bucketOf(x, low, scale, TOP)] === 1) store[length++] = x;
    }
    this.keptLength[r] = length;
    // Give the memory back when most of it is now unused.
    if (store.length > 4096 && length < store.length / 4) this.kept[r] = store.slice(0, Math.max(length * 2, 1024));
  }
}
