/**
 * A whole simulation on the calling thread: every block in order, then the statistics. The CLI
 * without workers and the tests use it; a worker pool runs `runBlock` of src/engine/simulation.ts
 * on several workers instead and gets the same result from the same accumulator (src/engine/simulationSummary.ts).
 */
import type { Claim, Model } from '../model/types';
import { createSimulation, type SimulationBlock, type SimulationOptions } from './simulation';
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

export function simulate(model: Model, claims: readonly Claim[], options: SimulateOptions): SimulationSummary {
  const simulation = createSimulation(model, claims, options);
  // Each block folded into the accumulator as it is made, then its array reused for the next: only
  // what the statistics need is kept, and no block is left for the collector.
  const accumulator = createSimulationAccumulator(simulation, SIMULATE_ACCUMULATOR);
  const reuse = options.onBlock === undefined ? new Float64Array(simulation.rowCount * simulation.yearCount * simulation.blockSamples(0)) : undefined;
  for (let b = 0; b < simulation.blockCount; b++) {
    if (options.shouldStop?.() === true) break;
    const block = simulation.runBlock(b, reuse);
    accumulator.add(block);
    options.onBlock?.(block, accumulator.blocks, simulation.blockCount);
  }
  return accumulator.summarise();
}
