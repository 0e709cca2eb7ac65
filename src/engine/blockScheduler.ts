/**
 * Hands the blocks of a simulation (src/engine/simulation.ts) to a pool of workers: each block
 * goes to the next free worker, in block order, and every worker runs one block at a time. The
 * workers are anything with `runBlock(index) → Promise<answer>` — Node's worker_threads in the
 * command line (src/cli/simulationPool.ts), Web Workers in the app — so this module knows no
 * thread API and stays pure. An answer is the block (the app's samplers) or what the caller needs
 * of it (the command line's workers keep the values and answer with the block's tally).
 *
 * Each answer is handed to `onBlock` as it arrives and not kept here: a caller folds it into its
 * accumulator (src/engine/simulationSummary.ts, which puts blocks in block order itself) and lets
 * it go, so a run of 100,000 samples never holds its 100 blocks at once. A block depends only on
 * (model, seed, blockSize, index): the summary is bit-identical for any number of workers.
 */
import type { SimulationBlock } from './simulation';

/** A worker that runs a block and answers with it (the app's samplers), or with what the caller needs of it (the command line's tallies). */
export interface BlockWorker<Answer extends { index: number } = SimulationBlock> {
  runBlock(index: number): Promise<Answer>;
}

export interface ScheduleOptions<Answer extends { index: number } = SimulationBlock> {
  /** Asked before each block is handed out; true hands out no more (the blocks in flight finish). */
  shouldStop?: () => boolean;
  /** Called as each block arrives, with the number of blocks arrived so far. */
  onBlock?: (block: Answer, done: number) => void;
}

/**
 * Runs blocks 0 … blockCount − 1 on `workers` and resolves with how many ran: k, meaning blocks
 * 0 … k − 1 (fewer than blockCount when `shouldStop` stopped the run; never a gap). Rejects with
 * the first worker's failure; no further block is handed out after one.
 */
export async function runBlocks<Answer extends { index: number }>(workers: readonly BlockWorker<Answer>[], blockCount: number, options: ScheduleOptions<Answer> = {}): Promise<number> {
  if (workers.length === 0) throw new RangeError('runBlocks needs at least one worker');
  if (!Number.isInteger(blockCount) || blockCount < 0) throw new RangeError(`blockCount must be a whole number (got ${blockCount})`);
  const arrived = new Uint8Array(blockCount);
  let next = 0;
  let done = 0;
  let failed = false;

  const serve = async (worker: BlockWorker<Answer>): Promise<void> => {
    while (!failed && next < blockCount && options.shouldStop?.() !== true) {
      const index = next++;
      let block: Answer;
      try {
        block = await worker.runBlock(index);
        if (block.index !== index) throw new Error(`a worker answered block ${index} with block ${block.index}`);
      } catch (error) {
        failed = true;
        throw error;
      }
      arrived[index] = 1;
      done += 1;
      options.onBlock?.(block, done);
    }
  };

  await Promise.all(workers.map(serve));
  // Blocks handed out in order and all awaited: the ones that arrived are a prefix.
  const ran = arrived.indexOf(0);
  return ran < 0 ? blockCount : ran;
}

/** The buffers of a block to transfer (never copy) from the worker that ran it. */
export function transferablesOfBlock(block: SimulationBlock): ArrayBuffer[] {
  return [block.values.buffer, block.claimsMet.buffer, block.sums.buffer] as ArrayBuffer[];
}
