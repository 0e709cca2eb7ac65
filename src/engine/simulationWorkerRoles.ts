/**
 * What the browser's simulation workers do (issue 10, "Workers"); the page's side is
 * src/state/simulationClient.ts. Pure message handling: no DOM, no store — a worker's entry
 * (src/engine/simulationWorker.ts) wires `handleSimulationWorkerMessage` to its `postMessage`,
 * and the tests run the same handlers in-process.
 *
 * Two roles, chosen by the first message:
 * - a **sampler** (one per pool worker) compiles each run's model once and runs the blocks the
 *   page hands it, one at a time. It posts each block to the summariser over its own
 *   MessagePort with the typed arrays transferred, never copied, and tells the page only which
 *   block it finished — so the samples never reach the main thread;
 * - the **summariser** (one) holds the blocks of the newest run and summarises them as they
 *   arrive: after the first block, whenever the samples held have doubled since the last
 *   summary, and once all are in (`summaryDue`). Only the summary goes to the page, its arrays
 *   transferred. Blocks of an older run are dropped; blocks of a newer run wait for its start.
 *   A finished run's blocks are let go at once.
 *
 * Runs are numbered by the page; a newer number (a run, or a `cancel` to the summariser) cancels
 * the older run for good. A sampler asked for a block of a model without any ranged quantity
 * answers `fixed` instead: nothing to simulate.
 */
import type { Claim, Model } from '../model/types';
import { errorText } from '../model/errorText';
import { transferablesOfBlock } from './blockScheduler';
import { createBatchKernel, type BatchKernel } from './evaluateBatch';
import { createSimulation, type Simulation, type SimulationBlock } from './simulation';
import { createSimulationAccumulator, type SimulationAccumulator, type SimulationSummary } from './simulationSummary';

/**
 * The end of a MessageChannel, as much of it as the roles use (the pure layer knows no DOM types;
 * a browser's or Node's MessagePort is one).
 */
export interface BlockPort {
  postMessage(message: BlockMessage, transfer: ArrayBuffer[]): void;
  addEventListener(type: 'message', listener: (event: { data: BlockMessage }) => void): void;
  start(): void;
}

/** A run: everything `createSimulation` needs, numbered. */
export interface RunSpec {
  run: number;
  model: Model;
  claims: readonly Claim[];
  samples: number;
  seed: number;
}

/** From the page to a worker. */
export type ToSimulationWorker =
  | { kind: 'sampler'; summariser: BlockPort }
  | { kind: 'summariser' }
  | { kind: 'connect'; sampler: BlockPort }
  | ({ kind: 'run' } & RunSpec)
  | { kind: 'block'; run: number; index: number }
  /** To the summariser: every run older than `run` is cancelled (its blocks still on their way are dropped unread). */
  | { kind: 'cancel'; run: number };

/** From a worker to the page. */
export type FromSimulationWorker =
  | { kind: 'ran'; run: number; index: number; samples: number }
  | { kind: 'fixed'; run: number }
  | { kind: 'summary'; run: number; summary: SimulationSummary }
  | { kind: 'failed'; run: number; message: string };

/** From a sampler to the summariser. */
export interface BlockMessage {
  run: number;
  block: SimulationBlock;
}

/** Posts a message with the buffers to transfer. */
export type Post = (message: FromSimulationWorker, transfer: ArrayBuffer[]) => void;

/**
 * Whether a summary is due when `held` samples of `total` are in and the last summary had
 * `summarised` (0 before the first): the first block gives the first estimate, then every doubling
 * refines it, and the last block gives the result. A run of N blocks is summarised about log₂ N
 * + 1 times, costing at most about twice its final summary.
 */
export function summaryDue(held: number, summarised: number, total: number): boolean {
  return held > summarised && (summarised === 0 || held >= 2 * summarised || held === total);
}

/** The typed arrays of a summary, to transfer (never copy) to the page. */
export function transferablesOfSummary(summary: SimulationSummary): ArrayBuffer[] {
  return [summary.statistics.buffer, summary.endYearHistogram.counts.buffer] as ArrayBuffer[];
}

/** The run's simulation, its batch evaluator laid out in the worker's one kernel: a worker has one run at a time, and drops the last when the next comes. */
function simulationOf(spec: RunSpec, kernel: BatchKernel): Simulation {
  return createSimulation(spec.model, spec.claims, { samples: spec.samples, seed: spec.seed, kernel });
}

interface SamplerState {
  run: number;
  simulation: Simulation | string;
}

interface SummariserRun {
  run: number;
  simulation: Simulation;
  accumulator: SimulationAccumulator;
  summarised: number;
}

/** A worker: answers each message from the page with `post`. Returns the handler of its messages. */
export function createSimulationWorker(post: Post): (message: ToSimulationWorker) => void {
  let role: 'sampler' | 'summariser' | undefined;
  /** The batch evaluator's kernel of this worker's runs, one after another (made on first use). */
  let kernel: BatchKernel | undefined;

  // The sampler's state.
  let summariserPort: BlockPort | undefined;
  let sampling: SamplerState | undefined;

  // The summariser's state: the newest run, and blocks that came before their run's start.
  let summarising: SummariserRun | undefined;
  let newestRun = 0;
  let early: BlockMessage[] = [];

  const summarise = (current: SummariserRun): void => {
    const summary = current.accumulator.summarise();
    current.summarised = summary.samples;
    // The run is done: let its samples go (200,000 of the seed's are 600 MB) rather than keep
    // them until the next run.
    if (summary.samples === current.simulation.samples && summarising === current) summarising = undefined;
    post({ kind: 'summary', run: current.run, summary }, transferablesOfSummary(summary));
  };

  const takeBlock = ({ run, block }: BlockMessage): void => {
    if (run > newestRun) {
      early.push({ run, block });
      return;
    }
    const current = summarising;
    if (current === undefined || run !== current.run) return; // a cancelled run's late block
    try {
      current.accumulator.add(block);
      if (summaryDue(current.accumulator.samples, current.summarised, current.simulation.samples)) summarise(current);
    } catch (error) {
      post({ kind: 'failed', run, message: errorText(error) }, []);
    }
  };

  return (message) => {
    switch (message.kind) {
      case 'sampler':
        role = 'sampler';
        summariserPort = message.summariser;
        return;
      case 'summariser':
        role = 'summariser';
        return;
      case 'cancel':
        newestRun = Math.max(newestRun, message.run);
        if (summarising !== undefined && summarising.run < message.run) summarising = undefined;
        return;
      case 'connect':
        message.sampler.addEventListener('message', (event) => takeBlock(event.data));
        message.sampler.start();
        return;
      case 'run':
        if (role === 'sampler') {
          let simulation: Simulation | string;
          try {
            simulation = simulationOf(message, (kernel ??= createBatchKernel()));
          } catch (error) {
            simulation = errorText(error);
          }
          sampling = { run: message.run, simulation };
          return;
        }
        newestRun = Math.max(newestRun, message.run);
        try {
          const simulation = simulationOf(message, (kernel ??= createBatchKernel()));
          summarising = { run: message.run, simulation, accumulator: createSimulationAccumulator(simulation), summarised: 0 };
        } catch (error) {
          summarising = undefined;
          post({ kind: 'failed', run: message.run, message: errorText(error) }, []);
        }
        {
          const waiting = early;
          early = [];
          for (const block of waiting) takeBlock(block);
        }
        return;
      case 'block': {
        const { run, index } = message;
        if (sampling === undefined || sampling.run !== run || summariserPort === undefined) {
          post({ kind: 'failed', run, message: `block ${index} of run ${run} came before its run` }, []);
          return;
        }
        if (typeof sampling.simulation === 'string') {
          post({ kind: 'failed', run, message: sampling.simulation }, []);
          return;
        }
        if (sampling.simulation.rangedCount === 0) {
          // Nothing is uncertain: the simulation would repeat the deterministic forecast.
          post({ kind: 'fixed', run }, []);
          return;
        }
        let block: SimulationBlock;
        try {
          block = sampling.simulation.runBlock(index);
        } catch (error) {
          post({ kind: 'failed', run, message: errorText(error) }, []);
          return;
        }
        const samples = block.samples;
        const toSummariser: BlockMessage = { run, block };
        summariserPort.postMessage(toSummariser, transferablesOfBlock(block));
        post({ kind: 'ran', run, index, samples }, []);
        return;
      }
    }
  };
}
