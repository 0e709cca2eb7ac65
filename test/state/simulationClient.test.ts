/**
 * The simulation client between the store and the pool of simulation workers, with worker
 * stand-ins that run the real engine in-process (test/state/fakeSimulationWorker.ts): streaming,
 * latest-wins cancellation, a pool of constant size, bit-identical statistics for any number of
 * workers, and the main-thread fallback.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { simulate } from '../../src/engine/simulate';
import type { SimulationSummary } from '../../src/engine/simulationSummary';
import type { Model } from '../../src/model/types';
import { createSimulationClient, defaultPoolSize, type SimulationClient, type SimulationRequest } from '../../src/state/simulationClient';
import type { SimulationProgress } from '../../src/state/simulationSlice';
import { seedWorkspace } from '../../src/model/seedWorkspace';
import { claim, model } from '../support/models';
import { FakeSimulationWorker } from './fakeSimulationWorker';

/** The seed's consensus scenario (every quantity ranged) with `samples` samples and base size `baseSize`. */
function seedRequest(samples: number, baseSize?: number): SimulationRequest {
  const workspace = seedWorkspace();
  const scenario = workspace.scenarios[0]!;
  const m: Model = { ...scenario.model, simulation: { samples, seed: 7 } };
  if (baseSize !== undefined) m.baseSize = { ...m.baseSize, value: baseSize };
  return { scenarioId: `${scenario.id}-${baseSize ?? 'seed'}`, model: m, claims: workspace.claims };
}

/** A one-year model with one uniform range: cheap enough for many blocks. */
function tinyRequest(samples: number): SimulationRequest {
  const m = model({ baseYear: 2025, endYear: 2026, baseSize: 100, baseGrowth: 0.05 });
  m.baseGrowth.range = { low: 0, high: 0.1, dist: 'uniform' };
  m.simulation = { samples, seed: 3 };
  return { scenarioId: 'tiny', model: m, claims: [claim('c', { metric: 'size', year: 2026, op: 'atLeast', value: 104 })] };
}

function expectedSummary(request: SimulationRequest, samples = request.model.simulation.samples): SimulationSummary {
  return simulate(request.model, request.claims, { samples, seed: request.model.simulation.seed });
}

/** Bit for bit: every statistic (NaN equal to NaN), the odds and the histogram. */
function expectSameSummary(actual: SimulationSummary, expected: SimulationSummary): void {
  expect(actual.samples).toBe(expected.samples);
  expect(actual.blocks).toBe(expected.blocks);
  expect(Array.from(actual.statistics)).toEqual(Array.from(expected.statistics));
  expect(actual.claims).toEqual(expected.claims);
  expect(actual.endYearHistogram.low).toBe(expected.endYearHistogram.low);
  expect(actual.endYearHistogram.high).toBe(expected.endYearHistogram.high);
  expect(Array.from(actual.endYearHistogram.counts)).toEqual(Array.from(expected.endYearHistogram.counts));
}

let workers: FakeSimulationWorker[];
let client: SimulationClient | undefined;
let deliveries: { request: SimulationRequest; progress: SimulationProgress | undefined }[];
const onFallback = vi.fn();
const onError = vi.fn();
const createWorker = vi.fn(() => {
  const worker = new FakeSimulationWorker();
  workers.push(worker);
  return worker.asWorker();
});

function startClient(
  options: { poolSize?: number; createWorker?: () => Worker; later?: (task: () => void) => void; onDelivery?: (count: number) => void } = {},
): SimulationClient {
  client = createSimulationClient({
    onProgress: (request, progress) => {
      deliveries.push({ request, progress });
      options.onDelivery?.(deliveries.length);
    },
    onFallback,
    onError,
    createWorker: options.createWorker ?? createWorker,
    poolSize: options.poolSize ?? 2,
    ...(options.later === undefined ? {} : { later: options.later }),
  });
  return client;
}

/** The newest delivery once it says the run is done. */
async function finished(): Promise<SimulationProgress> {
  await vi.waitFor(() => expect(deliveries.at(-1)?.progress?.running).toBe(false), { timeout: 20_000, interval: 5 });
  return deliveries.at(-1)!.progress!;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeEach(() => {
  workers = [];
  deliveries = [];
  onFallback.mockReset();
  onError.mockReset();
  createWorker.mockClear();
});

afterEach(() => {
  client?.dispose();
  client = undefined;
  for (const worker of workers) worker.terminate();
});

describe('the pool', () => {
  it('is sized by the cores less one (left to the page and the forecast), 1 to 4, one when the browser does not say', () => {
    expect(defaultPoolSize(1)).toBe(1);
    expect(defaultPoolSize(2)).toBe(1);
    expect(defaultPoolSize(3)).toBe(2);
    expect(defaultPoolSize(5)).toBe(4);
    expect(defaultPoolSize(16)).toBe(4);
    expect(defaultPoolSize(undefined)).toBe(1);
    expect(defaultPoolSize(0)).toBe(1);
  });

  it('starts lazily, never more samplers than blocks, grows to its size and then stays', async () => {
    const c = startClient({ poolSize: 4 });
    expect(createWorker).not.toHaveBeenCalled();
    c.request(tinyRequest(2000)); // 2 blocks: 2 samplers and the summariser
    expect(c.workerCount).toBe(3);
    await finished();
    c.request(tinyRequest(10_000)); // 10 blocks: all 4 samplers
    expect(c.workerCount).toBe(5);
    await finished();
    for (let i = 0; i < 5; i++) c.request(tinyRequest(3000));
    await finished();
    expect(createWorker).toHaveBeenCalledTimes(5);
    expect(workers.every((w) => !w.terminated)).toBe(true);
  });
});

describe('streaming', () => {
  it('delivers a first estimate from the first block, refines it as the samples double, and ends with running false', async () => {
    const request = seedRequest(6500);
    startClient({ poolSize: 1 }).request(request);
    const last = await finished();
    expect(deliveries.map((d) => d.progress?.summary.samples)).toEqual([1000, 2000, 4000, 6500]);
    expect(deliveries.map((d) => d.progress?.running)).toEqual([true, true, true, false]);
    for (const { progress } of deliveries) {
      expect(progress?.target).toBe(6500);
      expect(progress?.scenarioId).toBe(request.scenarioId);
    }
    expectSameSummary(deliveries[0]!.progress!.summary, expectedSummary(request, 1000));
    expectSameSummary(last.summary, expectedSummary(request));
  });

  it.each([1, 2, 4])('gives the same statistics as simulate(), bit for bit, on %i workers', async (poolSize) => {
    const request = seedRequest(5500);
    startClient({ poolSize }).request(request);
    expectSameSummary((await finished()).summary, expectedSummary(request));
    expect(onError).not.toHaveBeenCalled();
  });

  it('runs at most 200,000 samples when the model asks for more', async () => {
    const request = tinyRequest(1_000_000);
    startClient().request(request);
    await vi.waitFor(() => expect(deliveries.length).toBeGreaterThan(0));
    expect(deliveries[0]!.progress!.target).toBe(200_000);
    expect(deliveries[0]!.progress!.running).toBe(true);
  });

  it('simulates nothing for a model without a ranged quantity and clears the statistics', async () => {
    const request = tinyRequest(5000);
    delete request.model.baseGrowth.range;
    startClient().request(request);
    await vi.waitFor(() => expect(deliveries).toHaveLength(1));
    expect(deliveries[0]!.progress).toBeUndefined();
    await sleep(30);
    expect(deliveries).toHaveLength(1);
    // Each sampler was asked for one block at most, and answered that there was nothing to run.
    expect(workers.flatMap((w) => w.received).filter((kind) => kind === 'block').length).toBeLessThanOrEqual(2);
  });
});

describe('errors', () => {
  it("reports a run the workers cannot compute, naming the problem, and delivers nothing", async () => {
    const request = tinyRequest(3000);
    request.model.simulation.seed = -1;
    startClient().request(request);
    await vi.waitFor(() => expect(onError).toHaveBeenCalled());
    expect(onError.mock.calls[0]![0]).toMatch(/seed/);
    expect(deliveries).toEqual([]);
  });
});

describe('latest wins', () => {
  it('20 requests in 100 ms deliver only the last one\'s final result, on a pool of constant size', async () => {
    const c = startClient({ poolSize: 2 });
    const requests = Array.from({ length: 20 }, (_, i) => seedRequest(8000, 20 + i));
    let lastAt = 0;
    for (const request of requests) {
      c.request(request);
      lastAt = deliveries.length;
      await sleep(5);
    }
    const last = requests.at(-1)!;
    const final = await finished();
    expect(deliveries.filter((d) => d.progress?.running === false).map((d) => d.request)).toEqual([last]);
    // Nothing of an older request arrives once a newer one was made.
    for (const delivery of deliveries.slice(lastAt)) expect(delivery.request).toBe(last);
    expectSameSummary(final.summary, expectedSummary(last));
    expect(createWorker).toHaveBeenCalledTimes(3);
    expect(c.workerCount).toBe(3);
  });

  it('stops handing out the blocks of a cancelled run: its late blocks never reach a summary', async () => {
    const first = seedRequest(50_000, 20);
    const second = seedRequest(3000, 30);
    // The second request is made as the first run's first estimate arrives, however fast the
    // engine: waiting for it from the test let a fast engine run half the first run meanwhile.
    const c = startClient({ poolSize: 1, onDelivery: (count) => count === 1 && c.request(second) });
    c.request(first);
    const final = await finished();
    expect(deliveries[0]!.request).toBe(first);
    expect(final.summary.samples).toBe(3000);
    expectSameSummary(final.summary, expectedSummary(second));
    await sleep(300);
    // The one sampler ran a handful of the first run's 50 blocks, not all of them.
    const blocks = workers.flatMap((w) => w.received).filter((kind) => kind === 'block').length;
    expect(blocks).toBeLessThan(10);
  });

  it('cancel stops the run in flight at its next block boundary and delivers nothing more of it', async () => {
    const run = seedRequest(50_000, 20);
    const c = startClient({ poolSize: 1, onDelivery: (count) => count === 1 && c.cancel() });
    c.request(run);
    await vi.waitFor(() => expect(deliveries).toHaveLength(1));
    await sleep(300);
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]!.progress!.running).toBe(true);
    const blocks = workers.flatMap((w) => w.received).filter((kind) => kind === 'block').length;
    expect(blocks).toBeLessThan(10);
    // A request after it runs in full.
    const next = seedRequest(3000, 30);
    c.request(next);
    expectSameSummary((await finished()).summary, expectedSummary(next));
  });
});

describe('without workers', () => {
  const noWorker = (): Worker => {
    throw new Error('Worker is not defined');
  };

  it('runs on the main thread one block per task, says so once, and gives the same statistics', () => {
    const tasks: (() => void)[] = [];
    const c = startClient({ createWorker: noWorker, later: (task) => tasks.push(task) });
    const request = seedRequest(4500);
    c.request(request);
    expect(onFallback).toHaveBeenCalledTimes(1);
    expect(onFallback.mock.calls[0]![0]).toMatch(/simulation is running on the main thread/);
    expect(deliveries).toHaveLength(0); // nothing runs in the task of the input
    let ran = 0;
    while (tasks.length > 0) {
      const before = deliveries.length;
      tasks.shift()!();
      ran += 1;
      expect(deliveries.length - before).toBeLessThanOrEqual(1);
    }
    expect(ran).toBe(5); // one block per task
    expect(deliveries.map((d) => d.progress?.summary.samples)).toEqual([1000, 2000, 4000, 4500]);
    expectSameSummary(deliveries.at(-1)!.progress!.summary, expectedSummary(request));
    c.request(seedRequest(2000, 30));
    expect(onFallback).toHaveBeenCalledTimes(1);
  });

  it('drops the rest of a cancelled main-thread run', () => {
    const tasks: (() => void)[] = [];
    const c = startClient({ createWorker: noWorker, later: (task) => tasks.push(task) });
    c.request(seedRequest(5000, 20));
    tasks.shift()!();
    const second = seedRequest(2000, 30);
    c.request(second);
    while (tasks.length > 0) tasks.shift()!();
    expect(deliveries.map((d) => d.request.scenarioId)).toEqual([seedRequest(1, 20).scenarioId, second.scenarioId, second.scenarioId]);
    expectSameSummary(deliveries.at(-1)!.progress!.summary, expectedSummary(second));
  });

  it('moves to the main thread when a worker fails, and finishes the newest run there', async () => {
    const c = startClient({ poolSize: 2 });
    const request = seedRequest(3000);
    c.request(request);
    await vi.waitFor(() => expect(deliveries.length).toBeGreaterThan(0));
    workers[1]!.crash();
    expect(onFallback).toHaveBeenCalledTimes(1);
    expect(workers.every((w) => w.terminated)).toBe(true);
    const final = await finished();
    expectSameSummary(final.summary, expectedSummary(request));
  });
});
