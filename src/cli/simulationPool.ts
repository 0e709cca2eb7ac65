/**
 * The command line's pool of simulation workers on node:worker_threads (issue 10, "Workers").
 *
 * K workers (K = min(os.availableParallelism(), blocks) unless the caller says otherwise) each
 * compile the model once, then run the blocks the scheduler of src/engine/blockScheduler.ts hands
 * them — the next block to the next free worker. Each worker folds its blocks' values into a shard
 * of the statistics of its own (src/engine/simulationShard.ts) and posts back only each block's
 * tally (claims, sums, end-year totals). Once every block has run, the accumulator here takes each
 * shard's histograms, then each shard's values in the few buckets that hold the wanted ranks, and
 * summarises (src/engine/simulationSummary.ts). So the
 * statistics' work is spread over the workers with the sampling, and this thread only merges: the
 * result is bit-identical for any K.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { runBlocks, type BlockWorker } from '../engine/blockScheduler';
import type { BandHistograms, BandValues } from '../engine/percentileBands';
import { createBatchKernel } from '../engine/evaluateBatch';
import { createSimulation, type SimulationOptions } from '../engine/simulation';
import { createSimulationAccumulator, type BlockTally, type SimulationSummary } from '../engine/simulationSummary';
import type { Claim, Model } from '../model/types';

/** A run: everything `createSimulation` needs. */
export interface RunSpec {
  model: Model;
  claims: readonly Claim[];
  samples: number;
  seed: number;
  blockSize: number | undefined;
}

/**
 * To a worker thread, answered in order: start a run (no answer), run one of its blocks (answered
 * with the block's tally), and at the run's end send the shard's histograms, then its values in
 * the buckets flagged in `wanted`.
 */
export type WorkerRequest = ({ kind: 'run' } & RunSpec) | { kind: 'block'; index: number } | { kind: 'histograms' } | { kind: 'values'; wanted: Uint8Array };

export type WorkerReply = { ready: true } | { ok: true; tally: BlockTally } | { ok: true; bands: BandHistograms | BandValues } | { ok: false; index: number; message: string };

export interface PoolOptions extends SimulationOptions {
  /** How many worker threads; default min(os.availableParallelism(), blocks). Never more than the blocks. */
  workers?: number;
}

export interface PoolResult {
  summary: SimulationSummary;
  /** The worker threads that ran. */
  workers: number;
  /** Sampling plus statistics, in milliseconds: from the run handed to the workers to the summary (the threads' start-up excluded). */
  milliseconds: number;
}

const WORKER_ENTRY = new URL('./simulationWorker.mjs', import.meta.url);

/**
 * Blocks asked of each thread at a time. With one, a thread whose block came back waited for the
 * round trip of its answer before it was sent its next block; with two, its next is already
 * queued there (bench/simulation.bench.ts, the pool).
 */
const BLOCKS_IN_FLIGHT = 2;

type Answer = Exclude<WorkerReply, { ready: true }>;

/**
 * One worker thread as a BlockWorker answering with tallies. It may be asked for a block before it
 * has answered the last (the pool keeps BLOCKS_IN_FLIGHT with each thread): the thread takes its
 * requests in order and answers them in order, so the oldest pending request is the one each
 * answer is for.
 */
class ThreadWorker implements BlockWorker<BlockTally> {
  readonly ready: Promise<void>;
  private readonly pending: { resolve: (answer: Answer) => void; reject: (error: Error) => void }[] = [];
  private failure: Error | null = null;
  private readonly thread: Worker;

  constructor() {
    this.thread = new Worker(WORKER_ENTRY);
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
        this.pending.shift()?.resolve(reply);
      });
    });
    // A failure before anyone awaits `ready` is reported through runBlock / ready, not as unhandled.
    this.ready.catch(() => undefined);
  }

  /** Starts a run: the blocks asked for after this are its. */
  start(spec: RunSpec): void {
    const request: WorkerRequest = { kind: 'run', ...spec };
    this.thread.postMessage(request);
  }

  async runBlock(index: number): Promise<BlockTally> {
    const answer = await this.ask({ kind: 'block', index });
    if (!answer.ok) throw new Error(`block ${answer.index}: ${answer.message}`);
    if (!('tally' in answer)) throw new Error(`a simulation worker answered block ${index} with its bands`);
    return answer.tally;
  }

  /** The histograms of the blocks this thread ran. */
  async histograms(): Promise<BandHistograms> {
    const bands = await this.bands({ kind: 'histograms' });
    if (!('counts' in bands)) throw new Error('a simulation worker answered for its histograms with values');
    return bands;
  }

  /** This thread's values in the buckets flagged in `wanted`. */
  async valuesIn(wanted: Uint8Array): Promise<BandValues> {
    const bands = await this.bands({ kind: 'values', wanted });
    if (!('values' in bands)) throw new Error('a simulation worker answered for its values with histograms');
    return bands;
  }

  async stop(): Promise<void> {
    this.thread.removeAllListeners('exit');
    this.thread.removeAllListeners('error');
    await this.thread.terminate();
  }

  private async bands(request: WorkerRequest): Promise<BandHistograms | BandValues> {
    const answer = await this.ask(request);
    if (!answer.ok) throw new Error(`the statistics of a simulation worker: ${answer.message}`);
    if (!('bands' in answer)) throw new Error('a simulation worker answered for its statistics with a block');
    return answer.bands;
  }

  private ask(request: WorkerRequest): Promise<Answer> {
    if (this.failure !== null) return Promise.reject(this.failure);
    return new Promise<Answer>((resolve, reject) => {
      this.pending.push({ resolve, reject });
      this.thread.postMessage(request);
    });
  }
}

/** The number of workers the pool uses for `blockCount` blocks when asked for `requested` (or the default). */
export function poolSize(blockCount: number, requested?: number): number {
  return Math.max(1, Math.min(requested ?? availableParallelism(), blockCount));
}

/**
 * Worker threads kept for one simulation after another: each run's blocks, statistics and summary
 * as `simulateOnWorkers` describes, on threads that stay warm — what the app's pool of Web Workers
 * does (src/state/simulationClient.ts); a command line run makes one, runs once and closes it.
 */
export interface SimulationPool {
  /** The worker threads. */
  readonly size: number;
  /** Simulates `model` on min(size, blocks) of the threads; resolves with the statistics once every block is in. One run at a time. */
  run(model: Model, claims: readonly Claim[], options: SimulationOptions): Promise<PoolResult>;
  /** Stops every thread. */
  close(): Promise<void>;
}

/** Starts `size` worker threads; resolves once every one is ready. */
export async function createSimulationPool(size: number): Promise<SimulationPool> {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`a pool needs a whole number of threads, at least 1 (got ${size})`);
  const threads = Array.from({ length: size }, () => new ThreadWorker());
  const close = async (): Promise<void> => {
    await Promise.all(threads.map((thread) => thread.stop()));
  };
  try {
    await Promise.all(threads.map((thread) => thread.ready));
  } catch (error) {
    await close();
    throw error;
  }
  let running = false;
  /** The batch evaluator's kernel of the summarising simulation (it reruns a block only should a row's bands miss), laid out afresh for each run. */
  const kernel = createBatchKernel();
  return {
    size,
    close,
    async run(model, claims, options) {
      if (running) throw new Error('a simulation pool runs one simulation at a time');
      running = true;
      try {
        const { samples, seed, blockSize } = options;
        // Compiled here too (it checks the options before any thread is asked) to summarise the blocks.
        const simulation = createSimulation(model, claims, { samples, seed, kernel, ...(blockSize === undefined ? {} : { blockSize }) });
        const workers = threads.slice(0, Math.min(size, simulation.blockCount));
        const start = performance.now();
        for (const worker of workers) worker.start({ model, claims, samples, seed, blockSize });
        const accumulator = createSimulationAccumulator(simulation);
        // Each thread is kept BLOCKS_IN_FLIGHT blocks ahead: the scheduler sees it that many times.
        const slots = Array.from({ length: BLOCKS_IN_FLIGHT }, () => workers).flat();
        await runBlocks(slots, simulation.blockCount, { onBlock: (tally) => accumulator.addTally(tally) });
        const wanted = accumulator.takeHistograms(await Promise.all(workers.map((worker) => worker.histograms())));
        accumulator.takeValues(await Promise.all(workers.map((worker) => worker.valuesIn(wanted))));
        const summary = accumulator.summarise();
        return { summary, workers: workers.length, milliseconds: performance.now() - start };
      } finally {
        running = false;
      }
    },
  };
}

/** Simulates `model` on a pool of worker threads made for it (poolSize of them), then stops them. */
export async function simulateOnWorkers(model: Model, claims: readonly Claim[], options: PoolOptions): Promise<PoolResult> {
  // The options are checked (createSimulation throws) before any thread starts.
  const { blockCount } = createSimulation(model, claims, options);
  const pool = await createSimulationPool(poolSize(blockCount, options.workers));
  try {
    return await pool.run(model, claims, options);
  } finally {
    await pool.close();
  }
}
