/**
 * The command line's pool of simulation workers on node:worker_threads (issue 10, "Workers").
 *
 * K workers (K = min(os.availableParallelism(), blocks) unless the caller says otherwise) each
 * compile the model once, then run the blocks the scheduler of src/engine/blockScheduler.ts hands
 * them — the next block to the next free worker — and post each block back with its typed arrays
 * transferred. The statistics are accumulated here, on the main thread, as the blocks arrive
 * (src/engine/simulationSummary.ts): the result is bit-identical for any K.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { runBlocks, type BlockWorker } from '../engine/blockScheduler';
import { createSimulation, type SimulationBlock, type SimulationOptions } from '../engine/simulation';
import { createSimulationAccumulator, type SimulationAccumulator, type SimulationSummary } from '../engine/simulationSummary';
import type { Claim, Model } from '../model/types';

/** What a worker is started with: everything `createSimulation` needs. */
export interface SimulationWorkerData {
  model: Model;
  claims: readonly Claim[];
  samples: number;
  seed: number;
  blockSize: number | undefined;
}

export interface WorkerRequest {
  index: number;
}

export type WorkerReply = { ready: true } | { ok: true; block: SimulationBlock } | { ok: false; index: number; message: string };

export interface PoolOptions extends SimulationOptions {
  /** How many worker threads; default min(os.availableParallelism(), blocks). Never more than the blocks. */
  workers?: number;
}

export interface PoolResult {
  summary: SimulationSummary;
  /** The worker threads that ran. */
  workers: number;
  /** Sampling plus statistics, in milliseconds: from the first block handed out to the summary (workers' start-up excluded). */
  milliseconds: number;
}

const WORKER_ENTRY = new URL('./simulationWorker.mjs', import.meta.url);

/**
 * Blocks asked of each thread at a time. With one, a thread whose block came back while this
 * thread was folding another waited for the fold (a millisecond or two) before it was sent its
 * next block; with two, its next is already queued there (bench/simulation.bench.ts, the pool).
 */
const BLOCKS_IN_FLIGHT = 2;

/**
 * One worker thread as a BlockWorker. It may be asked for a block before it has answered the last
 * (the pool keeps BLOCKS_IN_FLIGHT with each thread): the thread takes its requests in order and
 * answers them in order, so the oldest pending request is the one each answer is for.
 */
class ThreadWorker implements BlockWorker {
  readonly ready: Promise<void>;
  private readonly pending: { index: number; resolve: (block: SimulationBlock) => void; reject: (error: Error) => void }[] = [];
  private failure: Error | null = null;
  private readonly thread: Worker;

  constructor(data: SimulationWorkerData) {
    this.thread = new Worker(WORKER_ENTRY, { workerData: data });
    this.ready = new Promise<void>((resolve, reject) => {
      const fail = (error: Error): void => {
        this.failure = error;
        reject(error);
        for (const pending of this.pending.splice(0)) pending.reject(error);
      };
      this.thread.on('error', fail);
      this.thread.on('exit', (code) => fail(new Error(`a simulation worker stopped (exit code ${code})`)));
      this.thread.on('message', (reply: WorkerReply) => {
        if ('ready' in reply) return resolve();
        const pending = this.pending.shift();
        if (pending === undefined) return;
        if (reply.ok) pending.resolve(reply.block);
        else pending.reject(new Error(`block ${reply.index}: ${reply.message}`));
      });
    });
    // A failure before anyone awaits `ready` is reported through runBlock / ready, not as unhandled.
    this.ready.catch(() => undefined);
  }

  runBlock(index: number): Promise<SimulationBlock> {
    if (this.failure !== null) return Promise.reject(this.failure);
    return new Promise<SimulationBlock>((resolve, reject) => {
      this.pending.push({ index, resolve, reject });
      const request: WorkerRequest = { index };
      this.thread.postMessage(request);
    });
  }

  async stop(): Promise<void> {
    this.thread.removeAllListeners('exit');
    this.thread.removeAllListeners('error');
    await this.thread.terminate();
  }
}

/** The number of workers the pool uses for `blockCount` blocks when asked for `requested` (or the default). */
export function poolSize(blockCount: number, requested?: number): number {
  return Math.max(1, Math.min(requested ?? availableParallelism(), blockCount));
}

/** Simulates `model` on a pool of worker threads; resolves with the statistics once every block is in. */
export async function simulateOnWorkers(model: Model, claims: readonly Claim[], options: PoolOptions): Promise<PoolResult> {
  const { samples, seed, blockSize } = options;
  // Compiled here too (it checks the options before any thread starts) to summarise the blocks.
  const simulation = createSimulation(model, claims, { samples, seed, ...(blockSize === undefined ? {} : { blockSize }) });
  const count = poolSize(simulation.blockCount, options.workers);
  const data: SimulationWorkerData = { model, claims, samples, seed, blockSize };
  const workers = Array.from({ length: count }, () => new ThreadWorker(data));
  try {
    await Promise.all(workers.map((worker) => worker.ready));
    const start = performance.now();
    // Each block folded into the accumulator as it arrives, while the workers run the next ones.
    const accumulator = createSimulationAccumulator(simulation);
    const folding = foldAfterHandingOut(accumulator);
    // Each thread is kept BLOCKS_IN_FLIGHT blocks ahead: the scheduler sees it that many times.
    const slots = Array.from({ length: BLOCKS_IN_FLIGHT }, () => workers).flat();
    await runBlocks(slots, simulation.blockCount, { onBlock: folding.onBlock });
    folding.finish();
    const summary = accumulator.summarise();
    return { summary, workers: count, milliseconds: performance.now() - start };
  } finally {
    await Promise.all(workers.map((worker) => worker.stop()));
  }
}

/**
 * The pool's `onBlock`: queues each arriving block and folds the queue into the accumulator on the
 * next turn of the event loop — after the scheduler, which calls onBlock before handing the worker
 * its next block, has posted that block. Folding at once left the worker that sent the block idle
 * for the whole fold (about 4 ms a block of the seed, against 7 ms to make one). `finish` folds
 * what is left and throws the first failure of a fold.
 */
export function foldAfterHandingOut(accumulator: Pick<SimulationAccumulator, 'add'>): { onBlock: (block: SimulationBlock) => void; finish: () => void } {
  const queue: SimulationBlock[] = [];
  let scheduled = false;
  let failure: unknown = null;
  const fold = (): void => {
    scheduled = false;
    for (let block = queue.shift(); block !== undefined; block = queue.shift()) {
      try {
        accumulator.add(block);
      } catch (error) {
        failure ??= error;
      }
    }
  };
  return {
    onBlock: (block) => {
      queue.push(block);
      if (!scheduled) {
        scheduled = true;
        setImmediate(fold);
      }
    },
    finish: () => {
      fold();
      if (failure !== null) throw failure;
    },
  };
}
