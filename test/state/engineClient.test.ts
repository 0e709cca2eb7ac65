/**
 * The engine client between the store and the engine's worker. The newest request wins: while one
 * runs, later ones replace each other in a single waiting slot, and a result is delivered only if
 * no newer request was made meanwhile. If the worker cannot start or dies, the engine runs on the
 * main thread and the user is told once.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { evaluateScenario } from '../../src/engine/evaluateScenario';
import { createEngineClient, type EngineClient, type ComputeRequest } from '../../src/state/engineClient';
import type { CompareRequest } from '../../src/engine/compareScenarios';
import { claim, model } from '../support/models';
import { ControllableEngine, FakeEngineWorker } from './fakeEngineWorker';

/** A request whose model is recognisable by its base size. */
function request(baseSize: number): ComputeRequest {
  return {
    scenarioId: `scenario-${baseSize}`,
    model: model({ baseSize, baseGrowth: 0.05 }),
    claims: [claim('size-2030', { metric: 'size', year: 2030, op: 'atLeast', value: 100 })],
  };
}

let engine: ControllableEngine;
let workers: FakeEngineWorker[];
let client: EngineClient | undefined;
const onResult = vi.fn();
const onCompareResult = vi.fn();
const onFallback = vi.fn();
const onError = vi.fn();
const createWorker = vi.fn(() => {
  const worker = new FakeEngineWorker(engine);
  workers.push(worker);
  return worker.asWorker();
});

function startClient(options: { createWorker?: () => Worker } = {}): EngineClient {
  client = createEngineClient({ onResult, onCompareResult, onFallback, onError, createWorker: options.createWorker ?? createWorker });
  return client;
}

/** The requests whose results reached the store, by base size. */
function deliveredBaseSizes(): number[] {
  return onResult.mock.calls.map(([req]) => (req as ComputeRequest).model.baseSize.value);
}

/** Lets messages cross the channel: a few macrotasks. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

beforeEach(() => {
  engine = new ControllableEngine();
  workers = [];
  onResult.mockReset();
  onCompareResult.mockReset();
  onFallback.mockReset();
  onError.mockReset();
  createWorker.mockClear();
});

afterEach(() => {
  client?.dispose();
  client = undefined;
  for (const worker of workers) worker.terminate();
});

describe('with a working worker', () => {
  it('starts the worker lazily, on the first request, and only once', async () => {
    const c = startClient();
    expect(createWorker).not.toHaveBeenCalled();
    c.request(request(1));
    expect(createWorker).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(engine.calls).toHaveLength(1));
    engine.calls[0]!.finish();
    await vi.waitFor(() => expect(onResult).toHaveBeenCalledTimes(1));
    c.request(request(2));
    expect(createWorker).toHaveBeenCalledTimes(1);
  });

  it("delivers the engine's result with the request it answers", async () => {
    const c = startClient();
    const req = request(7);
    c.request(req);
    await vi.waitFor(() => expect(engine.calls).toHaveLength(1));
    engine.calls[0]!.finish();
    await vi.waitFor(() => expect(onResult).toHaveBeenCalledTimes(1));
    const [delivered, result] = onResult.mock.calls[0]!;
    expect(delivered).toBe(req);
    const expected = evaluateScenario(req.model, req.claims);
    expect(Array.from(result.forecast.total)).toEqual(Array.from(expected.forecast.total));
    expect(result.claims).toEqual(expected.claims);
    expect(onFallback).not.toHaveBeenCalled();
  });

  it('three requests while one runs: computes only the first and the newest, delivers only the newest', async () => {
    const c = startClient();
    c.request(request(1));
    await vi.waitFor(() => expect(engine.calls).toHaveLength(1));
    c.request(request(2));
    c.request(request(3));
    c.request(request(4));
    await settle();
    expect(engine.computedBaseSizes).toEqual([1]);

    engine.calls[0]!.finish();
    await vi.waitFor(() => expect(engine.calls).toHaveLength(2));
    expect(engine.computedBaseSizes).toEqual([1, 4]);
    // The first result arrived after newer requests were made: it never reaches the store.
    expect(onResult).not.toHaveBeenCalled();

    engine.calls[1]!.finish();
    await vi.waitFor(() => expect(onResult).toHaveBeenCalledTimes(1));
    await settle();
    expect(deliveredBaseSizes()).toEqual([4]);
    expect(engine.computedBaseSizes).toEqual([1, 4]);
  });

  it('drops a result superseded while it ran, even when the newer request is still running', async () => {
    const c = startClient();
    c.request(request(1));
    await vi.waitFor(() => expect(engine.calls).toHaveLength(1));
    c.request(request(2));
    engine.calls[0]!.finish();
    await vi.waitFor(() => expect(engine.calls).toHaveLength(2));
    await settle();
    expect(onResult).not.toHaveBeenCalled();
    engine.calls[1]!.finish();
    await vi.waitFor(() => expect(deliveredBaseSizes()).toEqual([2]));
  });

  it('delivers every result of requests made one after another', async () => {
    const c = startClient();
    for (const size of [1, 2, 3]) {
      c.request(request(size));
      await vi.waitFor(() => expect(engine.calls).toHaveLength(size));
      engine.calls[size - 1]!.finish();
      await vi.waitFor(() => expect(onResult).toHaveBeenCalledTimes(size));
    }
    expect(deliveredBaseSizes()).toEqual([1, 2, 3]);
  });

  it('reports an engine error and keeps the worker for the next request', async () => {
    const c = startClient();
    c.request(request(1));
    await vi.waitFor(() => expect(engine.calls).toHaveLength(1));
    engine.calls[0]!.fail('baseYear must be before endYear');
    await vi.waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    expect(onError.mock.calls[0]![0]).toContain('baseYear must be before endYear');
    expect(onFallback).not.toHaveBeenCalled();

    c.request(request(2));
    await vi.waitFor(() => expect(engine.calls).toHaveLength(2));
    engine.calls[1]!.finish();
    await vi.waitFor(() => expect(deliveredBaseSizes()).toEqual([2]));
    expect(createWorker).toHaveBeenCalledTimes(1);
    expect(workers[0]!.terminated).toBe(false);
  });

  it('dispose ends the worker and drops the request that was waiting', async () => {
    const c = startClient();
    c.request(request(1));
    await vi.waitFor(() => expect(engine.calls).toHaveLength(1));
    c.request(request(2));
    c.dispose();
    expect(workers[0]!.terminated).toBe(true);
    await settle();
    expect(engine.computedBaseSizes).toEqual([1]);
    expect(onResult).not.toHaveBeenCalled();
  });
});

/** A comparison of two scenarios built from requests. */
function comparison(...sizes: number[]): CompareRequest {
  return {
    scenarios: sizes.map((size) => ({ id: `scenario-${size}`, name: `Size ${size}`, model: request(size).model })),
    claims: [],
  };
}

describe('comparisons and scenarios are separate channels', () => {
  it('a comparison neither waits for nor supersedes the scenario request running', async () => {
    const c = startClient();
    c.request(request(1));
    await vi.waitFor(() => expect(engine.calls).toHaveLength(1));
    c.compare(comparison(1, 2));
    await vi.waitFor(() => expect(engine.compareCalls).toHaveLength(1));

    engine.calls[0]!.finish();
    await vi.waitFor(() => expect(deliveredBaseSizes()).toEqual([1]));
    engine.compareCalls[0]!.finish();
    await vi.waitFor(() => expect(onCompareResult).toHaveBeenCalledTimes(1));
    expect(onCompareResult.mock.calls[0]![0].scenarios.map((s: { id: string }) => s.id)).toEqual(['scenario-1', 'scenario-2']);
  });

  it('in each channel the newest request wins', async () => {
    const c = startClient();
    c.compare(comparison(1, 2));
    await vi.waitFor(() => expect(engine.compareCalls).toHaveLength(1));
    c.compare(comparison(1, 3));
    c.compare(comparison(1, 4));
    engine.compareCalls[0]!.finish();
    await vi.waitFor(() => expect(engine.compareCalls).toHaveLength(2));
    expect(engine.compareCalls[1]!.request.scenarios[1]!.id).toBe('scenario-4');
    engine.compareCalls[1]!.finish();
    await vi.waitFor(() => expect(onCompareResult).toHaveBeenCalledTimes(1));
    await settle();
    expect(onCompareResult).toHaveBeenCalledTimes(1);
    expect(onCompareResult.mock.calls[0]![0].scenarios[1].id).toBe('scenario-4');
  });

  it('when the worker fails, both channels recompute their newest request on the main thread', async () => {
    const c = startClient();
    c.request(request(1));
    c.compare(comparison(1, 2));
    await vi.waitFor(() => expect(engine.compareCalls).toHaveLength(1));
    workers[0]!.crash();
    expect(onFallback).toHaveBeenCalledTimes(1);
    expect(deliveredBaseSizes()).toEqual([1]);
    expect(onCompareResult).toHaveBeenCalledTimes(1);
  });
});

describe('falling back to the main thread', () => {
  it('when the worker cannot be created: computes on the main thread and says so exactly once', () => {
    const failing = vi.fn((): Worker => {
      throw new Error('Worker is not defined');
    });
    const c = startClient({ createWorker: failing });
    for (const size of [1, 2, 3]) c.request(request(size));

    expect(failing).toHaveBeenCalledTimes(1);
    expect(onFallback).toHaveBeenCalledTimes(1);
    expect(onFallback.mock.calls[0]![0]).toMatch(/main thread/);
    expect(onError).not.toHaveBeenCalled();
    // Synchronous on the main thread: every request is computed and delivered at once.
    expect(deliveredBaseSizes()).toEqual([1, 2, 3]);
    const [req, result] = onResult.mock.calls[2]!;
    expect(Array.from(result.forecast.total)).toEqual(Array.from(evaluateScenario(req.model, req.claims).forecast.total));
  });

  it('when the worker fails: says so once and computes the newest request on the main thread', async () => {
    const c = startClient();
    c.request(request(1));
    await vi.waitFor(() => expect(engine.calls).toHaveLength(1));
    c.request(request(2));
    c.request(request(3));

    const event = workers[0]!.crash();
    expect(event.defaultPrevented).toBe(true);
    expect(onFallback).toHaveBeenCalledTimes(1);
    expect(workers[0]!.terminated).toBe(true);
    expect(deliveredBaseSizes()).toEqual([3]);
    const [req, result] = onResult.mock.calls[0]!;
    expect(Array.from(result.forecast.total)).toEqual(Array.from(evaluateScenario(req.model, req.claims).forecast.total));

    // The worker is not tried again.
    c.request(request(4));
    expect(deliveredBaseSizes()).toEqual([3, 4]);
    expect(createWorker).toHaveBeenCalledTimes(1);
    expect(onFallback).toHaveBeenCalledTimes(1);
    await settle();
    expect(engine.computedBaseSizes).toEqual([1]);
    expect(onError).not.toHaveBeenCalled();
  });

  it('when the worker fails with nothing running: recomputes the last request, so the screen is not left stale', async () => {
    const c = startClient();
    c.request(request(5));
    await vi.waitFor(() => expect(engine.calls).toHaveLength(1));
    engine.calls[0]!.finish();
    await vi.waitFor(() => expect(deliveredBaseSizes()).toEqual([5]));
    workers[0]!.crash();
    expect(onFallback).toHaveBeenCalledTimes(1);
    expect(deliveredBaseSizes()).toEqual([5, 5]);
  });

  it('reports a model the main thread cannot compute as an error, not a crash', () => {
    const c = startClient({
      createWorker: () => {
        throw new Error('no workers here');
      },
    });
    const broken = request(1);
    // A model with no years: the engine refuses it.
    broken.model = { ...broken.model, endYear: broken.model.baseYear - 1 };
    expect(() => c.request(broken)).not.toThrow();
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onResult).not.toHaveBeenCalled();
    c.request(request(2));
    expect(deliveredBaseSizes()).toEqual([2]);
  });
});
