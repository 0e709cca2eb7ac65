/**
 * One simulation worker thread of the command line (started by src/cli/simulationPool.ts through
 * simulationWorker.mjs). It compiles the model once, from its workerData, then runs each block it
 * is asked for and posts it back with the block's typed arrays transferred, not copied.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { transferablesOfBlock } from '../engine/blockScheduler';
import { createSimulation } from '../engine/simulation';
import type { SimulationWorkerData, WorkerReply, WorkerRequest } from './simulationPool';
import { errorText } from '../model/errorText';

const port = parentPort;
if (port === null) throw new Error('src/cli/simulationWorker.ts runs only as a worker thread');

const { model, claims, samples, seed, blockSize } = workerData as SimulationWorkerData;
const simulation = createSimulation(model, claims, { samples, seed, blockSize });
const ready: WorkerReply = { ready: true };
port.postMessage(ready);

port.on('message', (request: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    const block = simulation.runBlock(request.index);
    reply = { ok: true, block };
    port.postMessage(reply, transferablesOfBlock(block));
  } catch (error) {
    reply = { ok: false, index: request.index, message: errorText(error) };
    port.postMessage(reply);
  }
});
