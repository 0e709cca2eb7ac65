/**
 * The statistics of a simulation (DESIGN.md §3 "Uncertainty"): per year, for the total and every
 * member series (children included), the mean and the 5/10/25/50/75/90/95th percentiles, from
 * every sample of the blocks given.
 *
 * Blocks are merged in block order whatever order they arrive in, so the samples of a series-year
 * are always summed and selected in one canonical order: the result is bit-identical however many
 * workers computed the blocks and in which order they finished.
 */
import type { ForecastLayout } from './forecastTypes';
import { PERCENTILE_POINTS, percentilesOfParts } from './percentiles';
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
 */
export interface SimulationAccumulator {
  /** Takes a block of this simulation; a block given twice is an error. */
  add(block: SimulationBlock): void;
  /** Samples held so far. */
  readonly samples: number;
  /** Blocks held so far. */
  readonly blocks: number;
  /** The statistics of every block held so far (bit-identical whatever order they came in). */
  summarise(): SimulationSummary;
}

export function createSimulationAccumulator(simulation: Simulation): SimulationAccumulator {
  const held = new Map<number, SimulationBlock>();
  let samples = 0;
  return {
    add(block) {
      if (held.has(block.index)) throw new Error(`block ${block.index} was given twice`);
      if (block.samples !== simulation.blockSamples(block.index)) throw new Error(`block ${block.index} does not belong to this simulation`);
      held.set(block.index, block);
      samples += block.samples;
    },
    get samples() {
      return samples;
    },
    get blocks() {
      return held.size;
    },
    summarise: () => summariseSimulation(simulation, [...held.values()]),
  };
}

/** Merges `blocks` (any order, each block at most once) into statistics. */
export function summariseSimulation(simulation: Simulation, blocks: readonly SimulationBlock[]): SimulationSummary {
  const { yearCount: Y, rowCount } = simulation;
  const ordered = [...blocks].sort((a, b) => a.index - b.index);
  let samples = 0;
  for (let k = 0; k < ordered.length; k++) {
    const block = ordered[k] as SimulationBlock;
    if (k > 0 && ordered[k - 1]?.index === block.index) throw new Error(`block ${block.index} was given twice`);
    if (block.samples !== simulation.blockSamples(block.index) || block.values.length !== rowCount * Y * block.samples) {
      throw new Error(`block ${block.index} does not belong to this simulation`);
    }
    samples += block.samples;
  }

  const statistics = new Float64Array(SIMULATION_STATISTICS.length * rowCount * Y);
  const stride = rowCount * Y; // from one statistic to the next for the same row and year
  const parts: Float64Array[] = [];
  for (let rowYear = 0; rowYear < rowCount * Y; rowYear++) {
    // This series-year's samples: one contiguous run in each block, read in block order.
    parts.length = 0;
    for (const block of ordered) parts.push(block.values.subarray(rowYear * block.samples, (rowYear + 1) * block.samples));
    const sum = percentilesOfParts(parts, PERCENTILE_POINTS, statistics, stride + rowYear, stride);
    statistics[rowYear] = samples > 0 ? sum / samples : NaN;
  }

  const claims = simulation.claims.map((claim, c): ClaimOdds => {
    if (typeof simulation.claimLocations[c] === 'string' || samples === 0) return { claimId: claim.id, probability: null };
    let met = 0;
    for (const block of ordered) met += block.claimsMet[c] as number;
    return { claimId: claim.id, probability: met / samples };
  });

  const endYear: Float64Array[] = [];
  for (const block of ordered) endYear.push(block.values.subarray((Y - 1) * block.samples, Y * block.samples));
  const endYearHistogram = histogramOfParts(endYear);

  return { layout: simulation.layout, seed: simulation.seed, samples, blocks: ordered.length, yearCount: Y, rowCount, statistics, claims, endYearHistogram };
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
