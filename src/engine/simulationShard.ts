/**
 * One worker's part of a simulation's statistics, for a pool that summarises on the workers
 * instead of on the thread that merges (the command line's, src/cli/simulationPool.ts): the worker
 * runs the blocks it is given and folds each block's values into percentile bands of its own
 * (src/engine/percentileBands.ts), sending on only the block's tally — claims, sums, end-year
 * totals (src/engine/simulationSummary.ts). At the end the merging thread's accumulator takes every
 * shard's histograms, asks each for its values in the few buckets that hold the wanted ranks, and
 * summarises.
 *
 * Every shard buckets each row on the same edges, the pilot's: block 0's smallest and largest value
 * of the row. A shard not given block 0 runs it once for its edges (a block depends only on its
 * index), so the shards agree without a word between them. The statistics are the same order
 * statistics as any other accumulator's, bit for bit, whatever the number of shards.
 */
import { bandEdgesOfBlock, DEFAULT_BAND_MARGIN, PercentileBands, type BandEdges, type BandHistograms, type BandValues } from './percentileBands';
import { PERCENTILE_POINTS } from './percentiles';
import type { Simulation } from './simulation';
import { tallyOfBlock, type BlockTally } from './simulationSummary';

export interface SimulationShard {
  /** Runs block `index`, folds its values into the shard's bands, and returns its tally (arrays of its own, transferable). */
  runBlock(index: number): BlockTally;
  /** Samples folded in so far. */
  readonly samples: number;
  /** The shard's histograms, copied out (transferable), for the merging thread's accumulator (`takeHistograms`). */
  histograms(): BandHistograms;
  /** The shard's values in the buckets the merging thread asks for (the flags `takeHistograms` returned), for its `takeValues`. */
  valuesIn(wanted: Uint8Array): BandValues;
}

export function createSimulationShard(simulation: Simulation, margin = DEFAULT_BAND_MARGIN): SimulationShard {
  const rowYears = simulation.rowCount * simulation.yearCount;
  let bands: PercentileBands | null = null;

  const bandsOn = (edges: BandEdges): PercentileBands => new PercentileBands(rowYears, PERCENTILE_POINTS, margin, edges);

  return {
    runBlock(index) {
      if (bands === null && index !== 0) {
        const pilot = simulation.runBlockInStore(0);
        bands = bandsOn(bandEdgesOfBlock(pilot.values, pilot.samples, rowYears));
      }
      const block = simulation.runBlockInStore(index);
      bands ??= bandsOn(bandEdgesOfBlock(block.values, block.samples, rowYears));
      bands.add(block.values, block.samples);
      const tally = tallyOfBlock(block, simulation.yearCount);
      // The end year's totals are a view of the simulation's store, which the next block overwrites.
      return { ...tally, endYear: tally.endYear.slice() };
    },
    get samples() {
      return bands?.count ?? 0;
    },
    histograms() {
      return (bands ?? new PercentileBands(rowYears, PERCENTILE_POINTS, margin)).histograms();
    },
    valuesIn(wanted) {
      return (bands ?? new PercentileBands(rowYears, PERCENTILE_POINTS, margin)).valuesIn(wanted);
    },
  };
}
