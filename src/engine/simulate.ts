/**
 * A whole simulation on the calling thread: every block in order, then the statistics. The CLI
 * without workers and the tests use it; a worker pool runs `runBlock` of src/engine/simulation.ts
 * on several workers instead and gets the same result from the same accumulator (src/engine/simulationSummary.ts).
 */
import type { Claim, Model } from '../model/types';
import type { BucketKernel } from './bucketKernel';
import { createBatchKernel, type BatchKernel } from './evaluateBatch';
import { createPercentileKernel } from './percentiles';
import { createSimulation, type Simulation, type SimulationBlock, type SimulationOptions } from './simulation';
import { createSimulationAccumulator, KEEP_EVERY_SAMPLE_BYTES, type AccumulatorOptions, type SimulationSummary } from './simulationSummary';

export interface SimulateOptions extends SimulationOptions {
  /** Called after each block, with the blocks done so far and the number of blocks in all. */
  onBlock?: (block: SimulationBlock, done: number, blockCount: number) => void;
  /** Asked before each block; true stops the run there and summarises what is done. */
  shouldStop?: () => boolean;
}

/**
 * The accumulator's options for a run summarised once, at the end: every sample kept while they
 * fit KEEP_EVERY_SAMPLE_BYTES (faster than the percentile bands; src/engine/simulationSummary.ts).
 */
export const SIMULATE_ACCUMULATOR: AccumulatorOptions = { keepEverySampleBytes: KEEP_EVERY_SAMPLE_BYTES };

/**
 * The store of every sample that simulate's runs reuse, one after another on this thread (see
 * AccumulatorOptions.store); null while a run has it (a run started from another's onBlock makes
 * its own).
 */
let idleStore: BucketKernel | null = null;
/** Likewise the batch evaluator's kernel (see BatchKernel): its memory is a block's store and the batch's parameters. */
let idleKernel: BatchKernel | null = null;

export function simulate(model: Model, claims: readonly Claim[], options: SimulateOptions): SimulationSummary {
  const kernel = idleKernel ?? createBatchKernel();
  idleKernel = null;
  try {
    const simulation = createSimulation(model, claims, { ...options, kernel });
    const store = idleStore ?? createPercentileKernel();
    idleStore = null;
    try {
      return run(simulation, store, options);
    } finally {
      idleStore = store;
    }
  } finally {
    idleKernel = kernel;
  }
}

function run(simulation: Simulation, store: BucketKernel, options: SimulateOptions): SimulationSummary {
  // Each block folded into the accumulator as it is made, then its store reused for the next: only
  // what the statistics need is kept, and no block is left for the collector.
  const accumulator = createSimulationAccumulator(simulation, { ...SIMULATE_ACCUMULATOR, store });
  for (let b = 0; b < simulation.blockCount; b++) {
    if (options.shouldStop?.() === true) break;
    // A caller who is given the blocks gets arrays of their own; else the block is read where it was made.
    const block = options.onBlock === undefined ? simulation.runBlockInStore(b) : simulation.runBlock(b);
    accumulator.add(block);
    options.onBlock?.(block, accumulator.blocks, simulation.blockCount);
  }
  return accumulator.summarise();
}
