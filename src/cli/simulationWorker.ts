/**
 * One simulation worker thread of the command line (started by src/cli/simulationPool.ts through
 * simulationWorker.mjs). For each run it is sent, it compiles the model once, then runs each block
 * it is asked for into its shard of the statistics (src/engine/simulationShard.ts) and posts back the
 * block's tally; at the end it posts its histograms, then its values in the buckets asked for.
 * Typed arrays are transferred, not copied.
 */
import { parentPort } from 'node:worker_threads';
import { createBatchKernel } from '../engine/evaluateBatch';
import { transferablesOfBands } from '../engine/percentileBands';
import { createSimulation } from '../engine/simulation';
import { createSimulationShard, type SimulationShard } from '../engine/simulationShard';
import { transferablesOfTally } from '../engine/simulationSummary';
import type { WorkerReply, WorkerRequest } from './simulationPool';
import { errorText } from '../model/errorText';

const port = parentPort;
if (port === null) throw new Error('src/cli/simulationWorker.ts runs only as a worker thread');

/** The current run's shard, or why the run could not start (each of its requests is answered with that). */
let shard: SimulationShard | string = 'no run was started';
/** The batch evaluator's kernel, laid out afresh for each run (a thread has one run at a time). */
const kernel = createBatchKernel();

const ready: WorkerReply = { ready: true };
port.postMessage(ready);

port.on('message', (request: WorkerRequest) => {
  if (request.kind === 'run') {
    const { model, claims, samples, seed, blockSize } = request;
    try {
      shard = createSimulationShard(createSimulation(model, claims, { samples, seed, blockSize, kernel }));
    } catch (error) {
      shard = errorText(error);
    }
    return;
  }
  try {
    if (typeof shard === 'string') throw new Error(shard);
    if (request.kind !== 'block') {
      const bands = request.kind === 'histograms' ? shard.histograms() : shard.valuesIn(request.wanted);
      // The values are a run's last request: its samples are let go rather than kept until the next run.
      if (request.kind === 'values') shard = 'the run has ended';
      const reply: WorkerReply = { ok: true, bands };
      port.postMessage(reply, transferablesOfBands(bands));
      return;
    }
    const tally = shard.runBlock(request.index);
    const reply: WorkerReply = { ok: true, tally };
    port.postMessage(reply, transferablesOfTally(tally));
  } catch (error) {
    const reply: WorkerReply = { ok: false, index: request.kind === 'block' ? request.index : -1, message: errorText(error) };
    port.postMessage(reply);
  }
});
