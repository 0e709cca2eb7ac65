/**
 * Exact percentiles of many series at once (a simulation's series-years) as samples arrive block by
 * block, without keeping every sample: the memory of a simulation's summary (issue 10, "Heap:
 * 100,000 samples of the seed under 100 MB"; keeping them all took 297 MB).
 *
 * Per row (one series-year):
 * - until two different values have come, only the one value and the count (a constant row keeps
 *   nothing else, however many samples);
 * - then a histogram of BAND_BUCKETS equal buckets on the minimum and maximum of the block where
 *   the row first varied (the pilot; later values beyond it fall in the end buckets — the bucket of
 *   src/engine/wasm/countBuckets.wat is monotone in x, so counts still tell which bucket holds each
 *   rank);
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
 * margin — the caller is told, and reads the row from all its samples again (a simulation reruns
 * its blocks, which depend only on their index; src/engine/simulationSummary.ts): the answer is
 * always the exact order statistic, never an estimate.
 *
 * The histograms, the keep flags and the block being added live in a WebAssembly kernel's memory
 * (src/engine/bucketKernel.ts), which counts a block's row and copies out the values to keep in
 * one pass; the kept values themselves are plain arrays, a row each.
 *
 * Shards: several threads can each hold bands of their own blocks and merge them at the end, when
 * they bucket every row on the same edges — the pilot's, given to each (`BandEdges`, from the same
 * block, which every thread can compute: a block depends only on its index). The merging thread
 * takes every shard's histograms (`histograms`, then `takeHistograms`): counts add up, and a bucket
 * stays kept where every shard that counted values in it kept them all. From the merged counts it
 * knows which buckets hold the wanted ranks, and asks each shard for only those buckets' values
 * (`valuesIn`, then `takeValues`) — a few per cent of what the shards keep. A row the shards
 * bucketed differently (it first varied after the pilot) is read again from the samples, through
 * the same exact fallback.
 */
import { BucketKernel } from './bucketKernel';
import { selectInKernel } from './percentiles';

/** Buckets per row's histogram. */
export const BAND_BUCKETS = 1024;
/** Standard errors of a percentile's estimate kept on each side of it, unless the caller says otherwise. */
export const DEFAULT_BAND_MARGIN = 6;
/** The buckets kept are narrowed again once the samples held have grown by this factor. */
const NARROW_GROWTH = 2;

const TOP = BAND_BUCKETS - 1;
const EMPTY = 0;
const CONSTANT = 1;
const BUCKETED = 2;

/**
 * The edges of each row's histogram, chosen before any block is added: low and scale of row r at
 * [r], where `varies[r]` is 1 (see `bandEdgesOfBlock`); a row with 0 there chooses its own when it
 * first varies.
 */
export interface BandEdges {
  low: Float64Array;
  scale: Float64Array;
  varies: Uint8Array;
}

/** A shard's histograms (`PercentileBands.histograms`), its typed arrays transferable. */
export interface BandHistograms {
  rows: number;
  count: number;
  state: Uint8Array;
  constant: Float64Array;
  low: Float64Array;
  scale: Float64Array;
  /** Row r's histogram at [r · BAND_BUCKETS + b]. */
  counts: Uint32Array;
  keeps: Uint8Array;
}

/** The values a shard holds in the buckets asked for (`PercentileBands.valuesIn`): row r's at values[start[r] … start[r + 1] − 1]. */
export interface BandValues {
  start: Int32Array;
  values: Float64Array;
}

/** The typed arrays of histograms or values, to transfer (never copy) to the thread that merges them. */
export function transferablesOfBands(part: BandHistograms | BandValues): ArrayBuffer[] {
  const arrays = 'counts' in part ? [part.state, part.constant, part.low, part.scale, part.counts, part.keeps] : [part.start, part.values];
  return arrays.map((array) => array.buffer as ArrayBuffer);
}

/** The pilot's edges: each row's histogram on the smallest and largest of its values in a block (`rows` rows of `samples`, as `add` takes them). */
export function bandEdgesOfBlock(values: Float64Array, samples: number, rows: number): BandEdges {
  const edges: BandEdges = { low: new Float64Array(rows), scale: new Float64Array(rows), varies: new Uint8Array(rows) };
  for (let r = 0; r < rows; r++) {
    const start = r * samples;
    if (samples === 0 || allEqual(values, start, start + samples, values[start] as number)) continue;
    edgesOfRow(values, start, start + samples, edges, r);
    edges.varies[r] = 1;
  }
  return edges;
}

export class PercentileBands {
  /** Samples held per row. */
  count = 0;
  private readonly state: Uint8Array;
  /** The row's only value while it is CONSTANT. */
  private readonly constant: Float64Array;
  private readonly low: Float64Array;
  private readonly scale: Float64Array;
  /**
   * Row r's histogram at counts[r · BAND_BUCKETS + b], and in keeps, 1 where the bucket has kept
   * every value it counted; one more row's flags after them, scratch of `selectInKernel`.
   */
  private readonly kernel: BucketKernel;
  private readonly kept: Float64Array[];
  private readonly keptLength: Int32Array;
  /** Rows bucketed since the last narrowing: they keep everything until they are first narrowed. */
  private readonly fresh: number[] = [];
  private narrowedAt = 0;

  constructor(
    readonly rows: number,
    private readonly points: readonly number[],
    private readonly margin = DEFAULT_BAND_MARGIN,
    /** The rows' edges chosen beforehand (shards to be merged share them); by default each row's first varying block chooses its own. */
    private readonly edges?: BandEdges,
  ) {
    this.state = new Uint8Array(rows);
    this.constant = new Float64Array(rows);
    this.low = new Float64Array(rows);
    this.scale = new Float64Array(rows);
    this.kernel = new BucketKernel((rows + 1) * BAND_BUCKETS);
    this.kept = Array.from({ length: rows }, () => new Float64Array(0));
    this.keptLength = new Int32Array(rows);
  }

  /** Bytes the bands hold: their kernel's memory (histograms, flags, the block being added) and the rows' stores. */
  get bytes(): number {
    let bytes = this.kernel.bytes + this.state.byteLength + this.constant.byteLength + this.low.byteLength + this.scale.byteLength + this.keptLength.byteLength;
    for (const store of this.kept) bytes += store.byteLength;
    return bytes;
  }

  /** Room for values in all the rows' stores: the memory the bands hold beyond their fixed tables, 8 bytes each. */
  get keptValues(): number {
    let total = 0;
    for (let r = 0; r < this.rows; r++) total += (this.kept[r] as Float64Array).length;
    return total;
  }

  /** Adds `samples` values to every row: row r's are `values[r · samples … + samples − 1]`. */
  add(values: Float64Array, samples: number): void {
    if (samples <= 0) return;
    const before = this.count;
    const kernel = this.kernel;
    // The block into the kernel's data area (its rows at r · samples), with room after it for a row's held values.
    kernel.reserve(this.rows * samples + before, samples);
    kernel.data.set(values.subarray(0, this.rows * samples));
    const picked = kernel.into;
    for (let r = 0; r < this.rows; r++) {
      const start = r * samples;
      const end = start + samples;
      const state = this.state[r] as number;
      if (state !== BUCKETED) {
        const first = state === EMPTY ? (values[start] as number) : (this.constant[r] as number);
        if (allEqual(values, start, end, first)) {
          this.state[r] = CONSTANT;
          this.constant[r] = first;
          continue;
        }
        this.startBuckets(r, values, start, end, state === EMPTY ? 0 : before);
      }
      const keptHere = kernel.countPick(start, samples, this.low[r] as number, this.scale[r] as number, TOP, r * BAND_BUCKETS, 0);
      if (keptHere > 0) this.keptLength[r] = appendKept(this.reserveRow(r, keptHere), this.keptLength[r] as number, picked, keptHere);
    }
    this.count = before + samples;
    if (this.fresh.length > 0 || this.count >= this.narrowedAt * NARROW_GROWTH) this.narrow();
  }

  /**
   * The order statistics at `ranks` (ascending, of `count` samples) of row `r`, through
   * `orderStatistic`; or null when a rank's bucket was dropped (or the row was left to the
   * fallback by `takeShards`) and the row's samples are needed again.
   */
  orderStatistics(r: number, ranks: readonly number[]): ((rank: number) => number) | null {
    const state = this.state[r] as number;
    if (state === CONSTANT) {
      const only = this.constant[r] as number;
      return () => only;
    }
    if (state === EMPTY) return null;
    if (!ranksKept(this.kernel.counts, this.kernel.keeps, r * BAND_BUCKETS, ranks)) return null;
    return this.select(r, ranks, [(this.kept[r] as Float64Array).subarray(0, this.keptLength[r])]);
  }

  /** Row r's order statistics at `ranks` from `parts`, which hold every value of the buckets the ranks fall in: copied into the kernel, selected there. */
  private select(r: number, ranks: readonly number[], parts: readonly Float64Array[]): (rank: number) => number {
    const ranges = this.kernel.put(parts);
    return selectInKernel(this.kernel, ranges, ranks, this.low[r] as number, this.scale[r] as number, TOP, r * BAND_BUCKETS, this.rows * BAND_BUCKETS);
  }

  /** Row r varies for the first time in values[start … end − 1]: its histogram's edges, and the `held` earlier samples (all equal to its constant) counted in. */
  private startBuckets(r: number, values: Float64Array, start: number, end: number, held: number): void {
    const edges = this.edges;
    if (edges !== undefined && edges.varies[r] === 1) {
      this.low[r] = edges.low[r] as number;
      this.scale[r] = edges.scale[r] as number;
    } else edgesOfRow(values, start, end, { low: this.low, scale: this.scale }, r);
    const low = this.low[r] as number;
    const scale = this.scale[r] as number;
    this.state[r] = BUCKETED;
    const kernel = this.kernel;
    kernel.keeps.fill(1, r * BAND_BUCKETS, (r + 1) * BAND_BUCKETS);
    this.fresh.push(r);
    if (held > 0) {
      // The earlier samples, all equal to the row's constant, counted in after the block (add made room).
      const c = this.constant[r] as number;
      const at = this.rows * (end - start);
      kernel.data.fill(c, at, at + held);
      kernel.count(at, held, low, scale, TOP, r * BAND_BUCKETS);
      const into = this.reserveRow(r, held);
      into.fill(c, 0, held);
      this.keptLength[r] = held;
    }
  }

  /** Row r's store with room for `more` values beyond those kept. */
  private reserveRow(r: number, more: number): Float64Array {
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
    // Each point's band of ranks among the n samples held, merged where they overlap: ascending, disjoint.
    const bands: [number, number][] = [];
    for (const p of this.points) {
      const reach = this.margin * Math.sqrt((p * (1 - p)) / n) * n + 2;
      bands.push([Math.floor(p * (n - 1) - reach), Math.ceil(p * (n - 1) + reach)]);
    }
    bands.sort((a, b) => a[0] - b[0]);
    const starts: number[] = [];
    const ends: number[] = [];
    for (const [start, end] of bands) {
      if (ends.length > 0 && start <= (ends[ends.length - 1] as number) + 1) ends[ends.length - 1] = Math.max(ends[ends.length - 1] as number, end);
      else {
        starts.push(start);
        ends.push(end);
      }
    }
    for (let r = 0; r < this.rows; r++) {
      if (this.state[r] === BUCKETED && dropFarBuckets(this.kernel.counts, this.kernel.keeps, r * BAND_BUCKETS, starts, ends)) this.compact(r);
    }
  }

  /** These bands' histograms, copied out for the thread that merges the shards (`takeHistograms`). */
  histograms(): BandHistograms {
    const tables = this.rows * BAND_BUCKETS;
    return {
      rows: this.rows,
      count: this.count,
      state: this.state.slice(),
      constant: this.constant.slice(),
      low: this.low.slice(),
      scale: this.scale.slice(),
      counts: this.kernel.counts.slice(0, tables),
      keeps: this.kernel.keeps.slice(0, tables),
    };
  }

  /**
   * Takes in the shards' histograms (these bands must hold no sample): per row, the counts added up
   * and a bucket kept where every shard that counted values in it kept them all. Returns which
   * buckets' values to ask each shard for (`valuesIn`): 1 at [r · BAND_BUCKETS + b] where bucket b
   * of row r holds one of `ranks` (ascending, of all the shards' samples) and is kept. A row the
   * shards bucketed on different edges, or constant in some and varying in others, is left for the
   * exact fallback (`orderStatistics` answers null), as is one whose wanted bucket was dropped.
   */
  takeHistograms(shards: readonly BandHistograms[], ranks: readonly number[]): Uint8Array {
    if (this.count > 0) throw new Error('percentile bands take shards only while empty');
    for (const shard of shards) {
      if (shard.rows !== this.rows) throw new Error(`a shard of ${shard.rows} rows cannot merge into bands of ${this.rows}`);
      this.count += shard.count;
    }
    const { counts, keeps } = this.kernel;
    const wanted = new Uint8Array(this.rows * BAND_BUCKETS);
    for (let r = 0; r < this.rows; r++) {
      const holding = shards.filter((shard) => shard.state[r] !== EMPTY);
      const first = holding[0];
      if (first === undefined) continue;
      if (holding.every((shard) => shard.state[r] === CONSTANT && shard.constant[r] === first.constant[r])) {
        this.state[r] = CONSTANT;
        this.constant[r] = first.constant[r] as number;
        continue;
      }
      if (!holding.every((shard) => shard.state[r] === BUCKETED && Object.is(shard.low[r], first.low[r]) && Object.is(shard.scale[r], first.scale[r]))) continue; // EMPTY with samples: the fallback
      this.state[r] = BUCKETED;
      this.low[r] = first.low[r] as number;
      this.scale[r] = first.scale[r] as number;
      const base = r * BAND_BUCKETS;
      keeps.fill(1, base, base + BAND_BUCKETS);
      counts.fill(0, base, base + BAND_BUCKETS);
      for (const shard of holding) mergeHistogram(shard.counts, shard.keeps, counts, keeps, base);
      ranksKept(counts, keeps, base, ranks, wanted);
    }
    this.narrowedAt = this.count;
    return wanted;
  }

  /** The values these bands keep in the buckets flagged in `wanted` (of `takeHistograms`), row by row, for the thread that merges. */
  valuesIn(wanted: Uint8Array): BandValues {
    const kernel = this.kernel;
    const { counts } = kernel;
    const start = new Int32Array(this.rows + 1);
    for (let r = 0; r < this.rows; r++) {
      let n = 0;
      if (this.state[r] === BUCKETED) for (let b = r * BAND_BUCKETS, end = b + BAND_BUCKETS; b < end; b++) if (wanted[b] === 1) n += counts[b] as number;
      start[r + 1] = (start[r] as number) + n;
    }
    const values = new Float64Array(start[this.rows] as number);
    const flags = this.rows * BAND_BUCKETS; // the scratch row of flags
    for (let r = 0; r < this.rows; r++) {
      const n = (start[r + 1] as number) - (start[r] as number);
      if (n === 0) continue;
      kernel.keeps.set(wanted.subarray(r * BAND_BUCKETS, (r + 1) * BAND_BUCKETS), flags);
      const picked = this.pickRow(r, flags);
      if (picked !== n) throw new Error(`row ${r} keeps ${picked} values in the buckets asked for, its counts say ${n}`);
      values.set(kernel.into.subarray(0, n), start[r]);
    }
    kernel.keeps.fill(0, flags, flags + BAND_BUCKETS);
    return { start, values };
  }

  /** Takes in the shards' values of the buckets `takeHistograms` asked for: what `orderStatistics` selects among. */
  takeValues(shards: readonly BandValues[]): void {
    for (let r = 0; r < this.rows; r++) {
      let length = 0;
      for (const shard of shards) length += (shard.start[r + 1] as number) - (shard.start[r] as number);
      const store = new Float64Array(length);
      let at = 0;
      for (const shard of shards) {
        const part = shard.values.subarray(shard.start[r], shard.start[r + 1]);
        store.set(part, at);
        at += part.length;
      }
      this.kept[r] = store;
      this.keptLength[r] = length;
    }
  }

  /** Copies out to the kernel's output area row r's kept values whose bucket is flagged in the flags from `flagsBase`; returns how many. */
  private pickRow(r: number, flagsBase: number): number {
    const length = this.keptLength[r] as number;
    this.kernel.put([(this.kept[r] as Float64Array).subarray(0, length)]);
    return this.kernel.pick(0, length, this.low[r] as number, this.scale[r] as number, TOP, flagsBase, 0);
  }

  /** Discards row r's values of the buckets no longer kept: they go through the kernel, which copies out those of kept buckets. */
  private compact(r: number): void {
    const store = this.kept[r] as Float64Array;
    const kept = this.pickRow(r, r * BAND_BUCKETS);
    store.set(this.kernel.into.subarray(0, kept));
    this.keptLength[r] = kept;
    // Give the memory back when most of it is now unused.
    if (store.length > 4096 && kept < store.length / 4) this.kept[r] = store.slice(0, Math.max(kept * 2, 1024));
  }
}

// The loops left in JavaScript, as functions of their own: V8 optimises each on its own, and a loop
// optimised in the middle of a longer method is thrown away whenever the method's colder code runs
// (measured: `add` 3× slower with such loops inline).

/** Appends from[0 … count − 1] to store[length …] (it has room); returns the new length. A few values by a loop, more by a copy of a view (which costs an allocation). */
function appendKept(store: Float64Array, length: number, from: Float64Array, count: number): number {
  if (count > 64) store.set(from.subarray(0, count), length);
  else for (let k = 0; k < count; k++) store[length + k] = from[k] as number;
  return length + count;
}

/** Row r's edges into `into` from values[start … end − 1] (which vary): BAND_BUCKETS equal buckets from their smallest to their largest. */
function edgesOfRow(values: Float64Array, start: number, end: number, into: { low: Float64Array; scale: Float64Array }, r: number): void {
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
  into.low[r] = low;
  into.scale[r] = scale;
}

/** Adds a shard's histogram of the row at base into the merged one; a bucket whose values the shard counted but did not all keep is no longer kept. */
function mergeHistogram(shardCounts: Uint32Array, shardKeeps: Uint8Array, counts: Uint32Array, keeps: Uint8Array, base: number): void {
  for (let b = base, end = base + BAND_BUCKETS; b < end; b++) {
    const c = shardCounts[b] as number;
    counts[b] = (counts[b] as number) + c;
    if (c > 0 && shardKeeps[b] !== 1) keeps[b] = 0;
  }
}

/**
 * Whether every bucket of the row at base that holds one of `ranks` (ascending, by the counts) is
 * kept; where given, those buckets are flagged in `wanted` (none when one of them is not kept).
 */
function ranksKept(counts: Uint32Array, keeps: Uint8Array, base: number, ranks: readonly number[], wanted?: Uint8Array): boolean {
  let cumulative = 0;
  let k = 0;
  for (let b = base, end = base + BAND_BUCKETS; b < end && k < ranks.length; b++) {
    cumulative += counts[b] as number;
    while (k < ranks.length && (ranks[k] as number) < cumulative) {
      if (keeps[b] !== 1) {
        wanted?.fill(0, base, base + BAND_BUCKETS);
        return false;
      }
      if (wanted !== undefined) wanted[b] = 1;
      k++;
    }
  }
  return true;
}

function allEqual(values: Float64Array, start: number, end: number, first: number): boolean {
  for (let i = start; i < end; i++) if (values[i] !== first) return false;
  return true;
}

/**
 * Stops keeping, in the buckets at base …, those whose ranks (from the counts) meet none of the
 * bands [starts[k], ends[k]] (ascending, disjoint); true when any was dropped.
 */
function dropFarBuckets(counts: Uint32Array, keeps: Uint8Array, base: number, starts: readonly number[], ends: readonly number[]): boolean {
  let cumulative = 0;
  let k = 0; // the first band that does not end before this bucket
  let dropped = false;
  for (let b = base, end = base + BAND_BUCKETS; b < end; b++) {
    const first = cumulative; // this bucket's ranks: first … cumulative − 1
    cumulative += counts[b] as number;
    if (keeps[b] !== 1) continue;
    // An empty bucket is near when a band covers where its ranks would begin.
    const last = cumulative > first ? cumulative - 1 : first;
    while (k < ends.length && (ends[k] as number) < first) k++;
    if (k < starts.length && (starts[k] as number) <= last) continue;
    keeps[b] = 0;
    dropped = true;
  }
  return dropped;
}

