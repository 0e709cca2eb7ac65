/**
 * The statistics of a simulation (DESIGN.md §3 "Uncertainty"): per year, for the total and every
 * member series (children included), the mean and the 5/10/25/50/75/90/95th percentiles, from
 * every sample of the blocks given.
 *
 * The result is bit-identical however many workers computed the blocks and in which order they
 * finished: percentiles are order statistics (the same whatever order the samples come in), and
 * the mean adds up each block's sum in block order.
 */
import type { BucketKernel } from './bucketKernel';
import type { ForecastLayout } from './forecastTypes';
import { DEFAULT_BAND_MARGIN, PercentileBands, type BandHistograms, type BandValues } from './percentileBands';
import { createPercentileKernel, PERCENTILE_POINTS, percentilesOfKernel, percentilesOfParts, wantedRanks, writePercentiles } from './percentiles';
import type { Simulation, SimulationBlock } from './simulation';

/** The statistics, in the order of `SimulationSummary.statistics`'s first axis. */
export const SIMULATION_STATISTICS = ['mean', 'p5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95'] as const;
export type SimulationStatistic = (typeof SIMULATION_STATISTICS)[number];

export interface ClaimOdds {
  claimId: string;
  /** The share of samples that meet the claim; null when the claim cannot be checked in this model. */
  probability: number | null;
}

export interface SimulationSummary {
  layout: ForecastLayout;
  seed: number;
  /** Samples summarised (fewer than asked for when a run stopped early). */
  samples: number;
  /** Blocks summarised. */
  blocks: number;
  yearCount: number;
  /** 1 + member series: row 0 is the total, row 1 + s is series s of the layout. */
  rowCount: number;
  /**
   * Statistic k (SIMULATION_STATISTICS order) of row r in year index t at
   * `statistics[(k · rowCount + r) · yearCount + t]`: one flat array, transferable from a worker.
   * NaN everywhere when no sample was summarised.
   */
  statistics: Float64Array;
  /** Claims in the order the simulation was given them. */
  claims: ClaimOdds[];
  /** The distribution of the end year's total, for its histogram. */
  endYearHistogram: Histogram;
}

/** Bins of the end year's histogram. */
export const HISTOGRAM_BINS = 40;

/**
 * Counts of values in HISTOGRAM_BINS equal bins from `low` to `high` (the smallest and largest
 * value; the last bin includes `high`). All values equal: one bin holds them all. No values: NaN
 * edges and zero counts.
 */
export interface Histogram {
  low: number;
  high: number;
  counts: Uint32Array;
}

/** The histogram of `parts` (the values of one series-year, block by block). */
export function histogramOfParts(parts: readonly Float64Array[]): Histogram {
  let low = Infinity;
  let high = -Infinity;
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) {
      const x = part[i] as number;
      if (x < low) low = x;
      if (x > high) high = x;
    }
  }
  const counts = new Uint32Array(HISTOGRAM_BINS);
  if (low > high) return { low: NaN, high: NaN, counts };
  const width = (high - low) / HISTOGRAM_BINS;
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) {
      const bin = width > 0 ? Math.min(HISTOGRAM_BINS - 1, Math.floor(((part[i] as number) - low) / width)) : 0;
      counts[bin] = (counts[bin] as number) + 1;
    }
  }
  return { low, high, counts };
}

/**
 * Collects the blocks of one simulation as they arrive (any order, from any worker) and
 * summarises what it holds whenever asked: the home of a run's samples in the app's pool and the
 * command line's.
 *
 * Each block is folded in as it comes: its claim counts, its sum per series-year (the mean adds the
 * blocks' sums in block order, so it is the same whatever order they came in), its end-year totals
 * (the histogram's), and its values:
 * - when the caller asks for it (`keepEverySampleBytes`) and the simulation's samples all fit
 *   (samples × series-years × 8 bytes; 10,000 samples of the seed's 384 series-years are 31 MB),
 *   the block's values are copied into a store of every sample, series-year by series-year, in the
 *   memory of the kernel that counts them (src/engine/bucketKernel.ts), and the percentiles are
 *   selected from every sample there (src/engine/percentiles.ts). For a run summarised once, at the end, on the thread that made
 *   the blocks (`simulate`), that is faster than the bands below, which save memory a run this
 *   size does not need. A pool's accumulator folds blocks while the workers make the next ones and
 *   summarises as the samples double (the app's summariser), where the bands' work is spread over
 *   the run and each summary selects among a few of the values: it keeps the bands;
 * - otherwise the blocks are not kept: their values go into the percentile bands of
 *   src/engine/percentileBands.ts, which keep only the samples near the wanted percentiles. Should
 *   a wanted rank fall where the bands kept nothing — rare — the blocks held are run again (a block
 *   depends only on its index) to read that series-year exactly.
 * Either way the statistics are exactly those of every sample (order statistics), bit-identical
 * whatever the order or number of workers, and whichever way they were found.
 */
export interface SimulationAccumulator {
  /** Takes a block of this simulation; a block given twice is an error. */
  add(block: SimulationBlock): void;
  /**
   * Takes what this accumulator needs of a block whose values went into a shard on another thread
   * (src/engine/simulationShard.ts) instead: its claims, sums and end-year totals. The shards'
   * bands come at the end, in two steps: `takeHistograms`, then `takeValues`.
   */
  addTally(tally: BlockTally): void;
  /**
   * Takes the histograms of every shard that holds the values of the blocks given by `addTally`
   * (none given by `add`), and returns which buckets' values to ask each shard for
   * (src/engine/percentileBands.ts, `valuesIn`).
   */
  takeHistograms(shards: readonly BandHistograms[]): Uint8Array;
  /** Takes every shard's values of the buckets `takeHistograms` asked for; then the accumulator can summarise. */
  takeValues(shards: readonly BandValues[]): void;
  /** Samples held so far. */
  readonly samples: number;
  /** Blocks held so far. */
  readonly blocks: number;
  /** Room for sample values the percentiles keep (8 bytes each): every sample's when they are all kept, else far fewer than samples × series-years. */
  readonly keptValues: number;
  /** Times `summarise` has had to run the blocks again for a series-year its bands had not kept. */
  readonly reruns: number;
  /** Bytes the accumulator holds: its store of every sample or its bands (kernels' memory included), and its tables. */
  readonly bytes: number;
  /** The statistics of every block held so far (bit-identical whatever order they came in). */
  summarise(): SimulationSummary;
}

/** What the accumulator needs of a block besides its values, for a block whose values stay in a shard. */
export interface BlockTally {
  index: number;
  samples: number;
  claimsMet: Uint32Array;
  sums: Float64Array;
  /** The end year's total of each of the block's samples (the histogram's). */
  endYear: Float64Array;
}

/** The tally of a block (its own arrays but the end year's totals, a view of its values). */
export function tallyOfBlock(block: SimulationBlock, yearCount: number): BlockTally {
  const { index, samples: n, values, claimsMet, sums } = block;
  return { index, samples: n, claimsMet, sums, endYear: values.subarray((yearCount - 1) * n, yearCount * n) };
}

/** The typed arrays of a tally, to transfer (never copy) from the worker that made it. */
export function transferablesOfTally(tally: BlockTally): ArrayBuffer[] {
  return [tally.claimsMet.buffer, tally.sums.buffer, tally.endYear.buffer] as ArrayBuffer[];
}

export interface AccumulatorOptions {
  /**
   * Standard errors of each percentile's estimate the bands keep on each side of it (default
   * DEFAULT_BAND_MARGIN). Never changes a result, only how often a summary reruns blocks: tests
   * narrow it to exercise the rerun.
   */
  bandMargin?: number;
  /** Keep every sample when they all fit in this many bytes (default 0: never; `simulate` gives KEEP_EVERY_SAMPLE_BYTES). */
  keepEverySampleBytes?: number;
  /**
   * Where to keep every sample (a kernel of `createPercentileKernel`, whatever it held): a caller
   * running one simulation after another passes the same one, so that its memory is not made
   * afresh every run (31 MB for the seed's 10,000 samples). Default: a new one.
   */
  store?: BucketKernel;
}

/** The most bytes of sample values `simulate`'s accumulator keeps whole (see SimulationAccumulator). */
export const KEEP_EVERY_SAMPLE_BYTES = 32 * 1024 * 1024;

export function createSimulationAccumulator(simulation: Simulation, options: AccumulatorOptions = {}): SimulationAccumulator {
  const { yearCount: Y, rowCount, blockCount } = simulation;
  const rowYears = rowCount * Y;
  const held = new Uint8Array(blockCount);
  const blockSums = new Float64Array(blockCount * rowYears);
  const claimsMet = new Float64Array(simulation.claims.length);
  /** The end year's total of every sample, at its sample index. */
  const endYear = new Float64Array(simulation.samples);
  const keepEverySample = simulation.samples * rowYears * 8 <= (options.keepEverySampleBytes ?? 0);
  const N = simulation.samples;
  /** Every sample, when they are all kept: series-year j's sample i (block b's sample k is i = b · blockSize + k) at data[j · N + i]. */
  const store = keepEverySample ? (options.store ?? createPercentileKernel()) : null;
  store?.reserve(N * rowYears, N);
  const bands = new PercentileBands(keepEverySample ? 0 : rowYears, PERCENTILE_POINTS, options.bandMargin ?? DEFAULT_BAND_MARGIN);
  let samples = 0;
  let blocks = 0;
  let reruns = 0;
  /** Samples whose values this accumulator holds (blocks given whole, then the shards'), and whether the shards have come. */
  let valued = 0;
  /** How far the shards' bands have come (takeHistograms, then takeValues). */
  let shardStep: 'none' | 'histograms' | 'values' = 'none';

  const addTally = (tally: BlockTally): void => {
    const { index, samples: n } = tally;
    if (!Number.isInteger(index) || index < 0 || index >= blockCount) throw new Error(`block ${index} does not belong to this simulation`);
    if (held[index] === 1) throw new Error(`block ${index} was given twice`);
    if (n !== simulation.blockSamples(index) || tally.endYear.length !== n || tally.claimsMet.length !== claimsMet.length || tally.sums.length !== rowYears) {
      throw new Error(`block ${index} does not belong to this simulation`);
    }
    if (shardStep !== 'none') throw new Error(`block ${index} came after the shards`);
    held[index] = 1;
    for (let c = 0; c < claimsMet.length; c++) claimsMet[c] = (claimsMet[c] as number) + (tally.claimsMet[c] as number);
    endYear.set(tally.endYear, index * simulation.blockSize);
    blockSums.set(tally.sums, index * rowYears);
    samples += n;
    blocks += 1;
  };

  const add = (block: SimulationBlock): void => {
    const { samples: n, values } = block;
    if (values.length !== rowYears * n) throw new Error(`block ${block.index} does not belong to this simulation`);
    addTally(tallyOfBlock(block, Y));
    valued += n;
    const { index } = block;
    if (store !== null) {
      const data = store.data;
      const first = index * simulation.blockSize;
      for (let j = 0; j < rowYears; j++) data.set(values.subarray(j * n, (j + 1) * n), j * N + first);
    } else bands.add(values, n);
  };

  const takeHistograms = (shards: readonly BandHistograms[]): Uint8Array => {
    if (store !== null || valued > 0 || shardStep !== 'none') throw new Error('an accumulator takes shards once, and only when every block came as a tally');
    const held = shards.reduce((total, shard) => total + shard.count, 0);
    if (held !== samples) throw new Error(`the shards hold ${held} samples, the blocks ${samples}`);
    const wanted = bands.takeHistograms(shards, wantedRanks(PERCENTILE_POINTS, samples));
    shardStep = 'histograms';
    return wanted;
  };

  const takeValues = (shards: readonly BandValues[]): void => {
    if (shardStep !== 'histograms') throw new Error('an accumulator takes the shards’ values after their histograms');
    bands.takeValues(shards);
    shardStep = 'values';
    valued = samples;
  };

  const summarise = (): SimulationSummary => {
    if (valued !== samples) throw new Error(`${samples - valued} samples came without their values, and their shards have not`);
    const statistics = new Float64Array(SIMULATION_STATISTICS.length * rowYears);
    const stride = rowYears; // from one statistic to the next for the same row and year
    const order: number[] = [];
    for (let b = 0; b < blockCount; b++) if (held[b] === 1) order.push(b);
    if (samples === 0) statistics.fill(NaN);
    else {
      const ranks = wantedRanks(PERCENTILE_POINTS, samples);
      const missing: number[] = [];
      const ranges: number[] = [];
      for (let j = 0; j < rowYears; j++) {
        let sum = 0;
        for (const b of order) sum += blockSums[b * rowYears + j] as number;
        statistics[j] = sum / samples;
        if (store !== null) {
          // The held blocks' stretches of the series-year's samples.
          ranges.length = 0;
          for (const b of order) {
            const at = j * N + b * simulation.blockSize;
            const last = ranges.length - 2;
            // Blocks held one after another are one stretch.
            if (last >= 0 && (ranges[last] as number) + (ranges[last + 1] as number) === at) ranges[last + 1] = (ranges[last + 1] as number) + simulation.blockSamples(b);
            else ranges.push(at, simulation.blockSamples(b));
          }
          percentilesOfKernel(store, ranges, PERCENTILE_POINTS, statistics, stride + j, stride);
          continue;
        }
        const orderStatistic = bands.orderStatistics(j, ranks);
        if (orderStatistic === null) missing.push(j);
        else writePercentiles(PERCENTILE_POINTS, samples, orderStatistic, statistics, stride + j, stride);
      }
      if (missing.length > 0) {
        // The exact fallback: every held block run again, the missing series-years read from it.
        reruns += 1;
        const again = missing.map(() => [] as Float64Array[]);
        for (const b of order) {
          const block = simulation.runBlock(b);
          missing.forEach((j, k) => again[k]!.push(block.values.slice(j * block.samples, (j + 1) * block.samples)));
        }
        missing.forEach((j, k) => percentilesOfParts(again[k]!, PERCENTILE_POINTS, statistics, stride + j, stride));
      }
    }
    const claims = simulation.claims.map((claim, c): ClaimOdds => {
      if (typeof simulation.claimLocations[c] === 'string' || samples === 0) return { claimId: claim.id, probability: null };
      return { claimId: claim.id, probability: (claimsMet[c] as number) / samples };
    });
    const endYearHistogram = histogramOfParts(order.map((b) => endYear.subarray(b * simulation.blockSize, b * simulation.blockSize + simulation.blockSamples(b))));
    return { layout: simulation.layout, seed: simulation.seed, samples, blocks, yearCount: Y, rowCount, statistics, claims, endYearHistogram };
  };

  return {
    add,
    addTally,
    takeHistograms,
    takeValues,
    get samples() {
      return samples;
    },
    get blocks() {
      return blocks;
    },
    get keptValues() {
      return keepEverySample ? samples * rowYears : bands.keptValues;
    },
    get reruns() {
      return reruns;
    },
    get bytes() {
      return held.byteLength + blockSums.byteLength + claimsMet.byteLength + endYear.byteLength + (store !== null ? store.bytes : bands.bytes);
    },
    summarise,
  };
}

/** Merges `blocks` (any order, each block at most once) into statistics: an accumulator given them all. */
export function summariseSimulation(simulation: Simulation, blocks: readonly SimulationBlock[], options: AccumulatorOptions = {}): SimulationSummary {
  const accumulator = createSimulationAccumulator(simulation, options);
  for (const block of blocks) accumulator.add(block);
  return accumulator.summarise();
}

/** Statistic `statistic` of row `row` (0 = total, 1 + s = series s) in year index `t`. */
export function simulationStatistic(summary: SimulationSummary, statistic: SimulationStatistic, row: number, t: number): number {
  const k = SIMULATION_STATISTICS.indexOf(statistic);
  return summary.statistics[(k * summary.rowCount + row) * summary.yearCount + t] as number;
}

/** Every year of one statistic of one row: a view into `summary.statistics`. */
export function simulationSeries(summary: SimulationSummary, statistic: SimulationStatistic, row: number): Float64Array {
  const k = SIMULATION_STATISTICS.indexOf(statistic);
  const start = (k * summary.rowCount + row) * summary.yearCount;
  return summary.statistics.subarray(start, start + summary.yearCount);
}

/**
 * The 80% interval of the end year's total: its 10th and 90th percentiles (NaN when no sample
 * was summarised). What the headline and the printed summary state beside the base case.
 */
export function endYearInterval(summary: SimulationSummary): { low: number; high: number } {
  const t = summary.yearCount - 1;
  return { low: simulationStatistic(summary, 'p10', 0, t), high: simulationStatistic(summary, 'p90', 0, t) };
}
