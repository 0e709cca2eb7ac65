/**
 * The simulation client (issue 10, "Workers"): runs the Monte-Carlo simulation of the scenario on
 * screen on a pool of Web Workers and streams its statistics to the store.
 *
 * - **The pool.** K sampler workers, K = `navigator.hardwareConcurrency` − 1 clamped to 1…4, started
 *   lazily (never more than a run's blocks) and kept for the page's life, plus one summariser
 *   worker. The blocks are handed out by the pure scheduler of src/engine/blockScheduler.ts (the
 *   CLI's pool uses it too): each block to the next free sampler. A sampler posts its block
 *   straight to the summariser over a MessageChannel, typed arrays transferred; the summariser
 *   sends the page only the small summary (src/engine/simulationWorkerRoles.ts). The deterministic
 *   forecast has its own worker (src/state/engineClient.ts) and never waits for a block.
 * - **Latest wins.** A new request cancels the run in flight at the next block boundary: no block
 *   of it is handed out any more, and its late blocks and summaries are dropped (runs are
 *   numbered; only the newest is delivered).
 * - **Streaming.** The first estimate comes from the first block (1,000 samples), then refinements
 *   as the samples double, and the last with `running: false`.
 * - **Fallback.** When a worker cannot start or fails, the simulation runs on the main thread, one
 *   block per task with a yield to the page between blocks, and `onFallback` says so once.
 */
import { runBlocks, type BlockWorker } from '../engine/blockScheduler';
import { createSimulation, DEFAULT_BLOCK_SIZE, type Simulation, type SimulationBlock } from '../engine/simulation';
import { createSimulationAccumulator, type SimulationSummary } from '../engine/simulationSummary';
import { summaryDue, type FromSimulationWorker, type RunSpec, type ToSimulationWorker } from '../engine/simulationWorkerRoles';
import { runSamples } from '../model/workspaceLimits';
import { errorText } from '../model/errorText';
import type { Claim, Model } from '../model/types';
import type { SimulationProgress } from './simulationSlice';

export interface SimulationRequest {
  scenarioId: string;
  model: Model;
  claims: readonly Claim[];
  /**
   * A slider is being dragged: run only the first block, the first estimate (the very numbers the
   * whole run's first block gives), and leave the refining to the request made when the drag ends.
   * Refining between the frames of a drag kept a core busy that the slider's own forecast needed.
   */
  preview?: boolean;
}

export interface SimulationClientOptions {
  /**
   * The newest statistics of the newest request, or undefined when its model has no ranged
   * quantity (nothing is simulated then).
   */
  onProgress: (request: SimulationRequest, progress: SimulationProgress | undefined) => void;
  onFallback: (message: string) => void;
  onError: (message: string) => void;
  /** Creates a worker (a sampler or the summariser); tests pass their own, or one that throws. */
  createWorker?: () => Worker;
  /** Sampler workers; default `navigator.hardwareConcurrency` clamped to 1…MAX_POOL_SIZE. */
  poolSize?: number;
  /** Runs `task` later, letting the page handle input first (the main-thread fallback's slices). */
  later?: (task: () => void) => void;
}

export interface SimulationClient {
  request: (request: SimulationRequest) => void;
  /** Stops the run in flight at its next block boundary (its statistics stay where they were), for a request to come. */
  cancel: () => void;
  /** Workers started so far, the summariser included. */
  readonly workerCount: number;
  /** Ends the workers and any run. */
  dispose: () => void;
}

/** The most sampler workers: beyond four cores the summary, not the sampling, sets the pace. */
export const MAX_POOL_SIZE = 4;

/**
 * Sampler workers for a machine with `cores` logical cores (undefined when the browser does not
 * say): one core is left to the page and the deterministic forecast's worker, so that a slider's
 * forecast still paints in the next frame while the fan refines (bench/ui.bench.ts: on two cores,
 * two samplers doubled a drag's latency). At least one, at most MAX_POOL_SIZE.
 */
export function defaultPoolSize(cores: number | undefined): number {
  if (cores === undefined || !Number.isFinite(cores) || cores < 2) return 1;
  return Math.min(MAX_POOL_SIZE, Math.floor(cores) - 1);
}

function defaultWorker(): Worker {
  return new Worker(new URL('../engine/simulationWorker.ts', import.meta.url), { type: 'module', name: 'slidecast-simulation' });
}

function defaultLater(task: () => void): void {
  setTimeout(task, 0);
}

/** A sampler's answer that its run has no ranged quantity: the run stops, nothing is shown. */
class FixedModel extends Error {}

/** The block as the page knows it: the numbers went to the summariser; only the count came back. */
function receipt(index: number, samples: number): SimulationBlock {
  return { index, samples, values: new Float64Array(0), claimsMet: new Uint32Array(0), sums: new Float64Array(0) };
}

interface Sampler {
  worker: Worker;
  /** The run whose spec this sampler was sent last. */
  run: number;
  /** Blocks asked for and not answered, oldest first: a worker answers in order. */
  pending: { resolve: (block: SimulationBlock) => void; reject: (error: Error) => void }[];
}

export function createSimulationClient(options: SimulationClientOptions): SimulationClient {
  const createWorker = options.createWorker ?? defaultWorker;
  const later = options.later ?? defaultLater;
  const size = Math.max(1, options.poolSize ?? defaultPoolSize(typeof navigator === 'undefined' ? undefined : navigator.hardwareConcurrency));
  let summariser: Worker | undefined;
  const samplers: Sampler[] = [];
  let fellBack = false;
  let disposed = false;
  /** The newest run's number; a run whose number is older is cancelled. */
  let currentRun = 0;
  let current: { run: number; request: SimulationRequest; spec: RunSpec; target: number } | undefined;

  function deliver(run: number, request: SimulationRequest, summary: SimulationSummary, target: number): void {
    if (run !== currentRun || disposed) return;
    options.onProgress(request, { scenarioId: request.scenarioId, summary, target, running: summary.samples < target });
  }

  function stopWorkers(): void {
    summariser?.terminate();
    summariser = undefined;
    for (const sampler of samplers) {
      sampler.worker.terminate();
      for (const pending of sampler.pending) pending.reject(new Error('the simulation worker was stopped'));
    }
    samplers.length = 0;
  }

  function fallBack(reason: string): void {
    if (fellBack) return;
    fellBack = true;
    stopWorkers();
    options.onFallback(`The simulation is running on the main thread (${reason}), in short steps between which the page stays responsive.`);
  }

  function listen(worker: Worker, onMessage: (message: FromSimulationWorker) => void): void {
    worker.addEventListener('message', (event: MessageEvent<FromSimulationWorker>) => onMessage(event.data));
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      if (disposed || fellBack) return;
      fallBack('a simulation worker failed');
      // The run in flight will never finish on the workers: run the newest again here.
      if (current !== undefined) start(current.request);
    });
  }

  function onSummariserMessage(message: FromSimulationWorker): void {
    if (current === undefined || message.run !== current.run) return;
    if (message.kind === 'summary') deliver(message.run, current.request, message.summary, current.target);
    else if (message.kind === 'failed') options.onError(message.message);
  }

  function startSummariser(): Worker {
    if (summariser !== undefined) return summariser;
    const worker = createWorker();
    listen(worker, onSummariserMessage);
    worker.postMessage({ kind: 'summariser' } satisfies ToSimulationWorker);
    summariser = worker;
    return worker;
  }

  function startSampler(toSummariser: Worker): Sampler {
    const worker = createWorker();
    const sampler: Sampler = { worker, run: 0, pending: [] };
    listen(worker, (message) => {
      const pending = sampler.pending.shift();
      if (pending === undefined) return;
      if (message.kind === 'ran') pending.resolve(receipt(message.index, message.samples));
      else if (message.kind === 'fixed') pending.reject(new FixedModel());
      else if (message.kind === 'failed') pending.reject(new Error(message.message));
    });
    const channel = new MessageChannel();
    worker.postMessage({ kind: 'sampler', summariser: channel.port1 } satisfies ToSimulationWorker, [channel.port1]);
    toSummariser.postMessage({ kind: 'connect', sampler: channel.port2 } satisfies ToSimulationWorker, [channel.port2]);
    samplers.push(sampler);
    return sampler;
  }

  /** The pool for a run of `blockCount` blocks: started on first use, grown up to its size, never shrunk. */
  function pool(blockCount: number): Sampler[] | undefined {
    try {
      const toSummariser = startSummariser();
      const wanted = Math.min(size, blockCount);
      while (samplers.length < wanted) startSampler(toSummariser);
      return samplers.slice(0, wanted);
    } catch {
      fallBack('this browser could not start a worker');
      return undefined;
    }
  }

  /** `sampler` as a BlockWorker of run `spec`: sends the run's spec before its first block. */
  function blockWorker(sampler: Sampler, spec: RunSpec): BlockWorker {
    return {
      runBlock(index) {
        if (sampler.run !== spec.run) {
          sampler.run = spec.run;
          sampler.worker.postMessage({ kind: 'run', ...spec } satisfies ToSimulationWorker);
        }
        return new Promise<SimulationBlock>((resolve, reject) => {
          sampler.pending.push({ resolve, reject });
          sampler.worker.postMessage({ kind: 'block', run: spec.run, index } satisfies ToSimulationWorker);
        });
      },
    };
  }

  function runOnWorkers(run: number, request: SimulationRequest, spec: RunSpec): boolean {
    const blockCount = Math.ceil(spec.samples / DEFAULT_BLOCK_SIZE);
    const workers = pool(blockCount);
    if (workers === undefined || summariser === undefined) return false;
    summariser.postMessage({ kind: 'run', ...spec } satisfies ToSimulationWorker);
    runBlocks(
      workers.map((sampler) => blockWorker(sampler, spec)),
      blockCount,
      { shouldStop: () => run !== currentRun || disposed || fellBack },
    ).catch((error: unknown) => {
      if (run !== currentRun || disposed || fellBack) return;
      if (error instanceof FixedModel) options.onProgress(request, undefined);
      else options.onError(errorText(error));
    });
    return true;
  }

  function runOnMainThread(run: number, request: SimulationRequest, spec: RunSpec, target: number): void {
    let simulation: Simulation;
    try {
      simulation = createSimulation(request.model, request.claims, { samples: spec.samples, seed: spec.seed });
    } catch (error) {
      options.onError(errorText(error));
      return;
    }
    if (simulation.rangedCount === 0) {
      options.onProgress(request, undefined);
      return;
    }
    const accumulator = createSimulationAccumulator(simulation);
    let summarised = 0;
    let next = 0;
    const step = (): void => {
      if (run !== currentRun || disposed) return;
      try {
        accumulator.add(simulation.runBlock(next++));
        if (summaryDue(accumulator.samples, summarised, simulation.samples)) {
          const summary = accumulator.summarise();
          summarised = summary.samples;
          deliver(run, request, summary, target);
        }
      } catch (error) {
        options.onError(errorText(error));
        return;
      }
      if (next < simulation.blockCount) later(step);
    };
    later(step);
  }

  function start(request: SimulationRequest): void {
    currentRun += 1;
    const run = currentRun;
    const target = runSamples(request.model.simulation);
    const samples = request.preview === true ? Math.min(target, DEFAULT_BLOCK_SIZE) : target;
    const spec: RunSpec = { run, model: request.model, claims: request.claims, samples, seed: request.model.simulation.seed };
    current = { run, request, spec, target };
    if (!fellBack && runOnWorkers(run, request, spec)) return;
    runOnMainThread(run, request, spec, target);
  }

  return {
    request(request) {
      if (disposed) return;
      start(request);
    },
    cancel() {
      currentRun += 1;
      current = undefined;
      // The summariser drops the cancelled run's blocks still on their way rather than fold them.
      summariser?.postMessage({ kind: 'cancel', run: currentRun } satisfies ToSimulationWorker);
    },
    get workerCount() {
      return samplers.length + (summariser === undefined ? 0 : 1);
    },
    dispose() {
      disposed = true;
      current = undefined;
      stopWorkers();
    },
  };
}
