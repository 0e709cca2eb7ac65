/**
 * Hands the blocks of a simulation (src/engine/simulation.ts) to a pool of workers: each block
 * goes to the next free worker, in block order, and every worker runs one block at a time. The
 * workers are anything with `runBlock(index) → Promise<block>` — Node's worker_threads in the
 * command line (src/cli/simulationPool.ts), Web Workers in the app — so this module knows no
 * thread API and stays pure.
 *
 * The blocks come back in block order whatever worker ran them and whenever they finished, and a
 * block depends only on (model, seed, blockSize, index): `summariseSimulation` of the result is
 * bit-identical for any number of workers.
 */
import type { SimulationBlock } from './simulation';

export interface BlockWorker {
  runBlock(index: number): Promise<SimulationBlock>;
}

export interface ScheduleOptions {
  /** Asked before each block is handed out; true hands out no more (the blocks in flight finish). */
  shouldStop?: () => boolean;
  /** Called as each block arrives, with the number of blocks arrived so far. */
  onBlock?: (block: SimulationBlock, done: number) => void;
}

/**
 * Runs blocks 0 … blockCount − 1 on `workers` and resolves with the blocks in block order (fewer
 * when `shouldStop` stopped the run: then blocks 0 … k − 1, never a gap). Rejects with the first
 * worker's failure; no further block is handed out after one.
 */
export async function runBlocks(workers: readonly BlockWorker[], blockCount: number, options: ScheduleOptions = {}): Promise<SimulationBlock[]> {
  if (workers.length === 0) throw new RangeError('runBlocks needs at least one worker');
  if (!Number.isInteger(blockCount) || blockCount < 0) throw new RangeError(`blockCount must be a whole number (got ${blockCount})`);
  const results: (SimulationBlock | undefined)[] = new Array<SimulationBlock | undefined>(blockCount);
  let next = 0;
  let done = 0;
  let failed = false;

  const serve = async (worker: BlockWorker): Promise<void> => {
    while (!failed && next < blockCount && options.shouldStop?.() !== true) {
      const index = next++;
      try {
        const block = await worker.runBlock(index);
        if (block.index !== index) throw new Error(`a worker answered block ${index} with block ${block.index}`);
        results[index] = block;
      } catch (error) {
        failed = true;
        throw error;
      }
      done += 1;
      options.onBlock?.(results[index] as SimulationBlock, done);
    }
  };

  await Promise.all(workers.map(serve));
  // Blocks handed out in order and all awaited: the ones present are a prefix.
  const blocks: SimulationBlock[] = [];
  for (const block of results) {
    if (block === undefined) break;
    blocks.push(block);
  }
  return blocks;
}

/** The buffers of a block to transfer (never copy) from the worker that ran it. */
export function transferablesOfBlock(block: SimulationBlock): ArrayBuffer[] {
  return [block.values.buffer, block.claimsMet.buffer] as ArrayBuffer[];
}
