/**
 * The bridge between the store and the engine's worker.
 *
 * The newest request wins: while a request runs, later ones wait in a single slot, each replacing
 * the one before, and a result is delivered only if no newer request was made meanwhile — so the
 * screen shows the newest numbers, never a queue catching up.
 *
 * The worker starts lazily. If it cannot start or dies, the engine runs on the main thread
 * (the forecast of a model takes well under a millisecond there) and `onFallback` says so once.
 */
import { wrap, releaseProxy, type Remote } from 'comlink';
import type { Claim, Model } from '../model/types';
import { evaluateScenario, type ScenarioResult } from '../engine/evaluateScenario';
import type { EngineApi } from '../engine/worker';

export interface ComputeRequest {
  scenarioId: string;
  model: Model;
  claims: readonly Claim[];
}

export interface ComputeClientOptions {
  onResult: (request: ComputeRequest, result: ScenarioResult) => void;
  onFallback: (message: string) => void;
  onError: (message: string) => void;
  /** Creates the worker; tests pass their own, or one that throws. */
  createWorker?: () => Worker;
}

export interface ComputeClient {
  request: (request: ComputeRequest) => void;
  /** Ends the worker. */
  dispose: () => void;
}

function defaultWorker(): Worker {
  return new Worker(new URL('../engine/worker.ts', import.meta.url), { type: 'module', name: 'slidecast-engine' });
}

export function createComputeClient(options: ComputeClientOptions): ComputeClient {
  const createWorker = options.createWorker ?? defaultWorker;
  let worker: Worker | undefined;
  let remote: Remote<EngineApi> | undefined;
  let fellBack = false;
  let running = false;
  let waiting: { request: ComputeRequest; seq: number } | undefined;
  let latestSeq = 0;
  let lastRequest: ComputeRequest | undefined;

  function fallBack(reason: string): void {
    if (fellBack) return;
    fellBack = true;
    stopWorker();
    options.onFallback(`The forecast engine is running on the main thread (${reason}). Large models may feel slower.`);
  }

  function stopWorker(): void {
    remote?.[releaseProxy]();
    worker?.terminate();
    remote = undefined;
    worker = undefined;
  }

  function engine(): Remote<EngineApi> | undefined {
    if (fellBack) return undefined;
    if (remote) return remote;
    try {
      worker = createWorker();
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        fallBack('the worker failed');
        // The request in flight will never answer: recompute the newest on the main thread.
        running = false;
        if (lastRequest) schedule(lastRequest);
      });
      remote = wrap<EngineApi>(worker);
      return remote;
    } catch {
      fallBack('this browser could not start a worker');
      return undefined;
    }
  }

  function deliver(seq: number, request: ComputeRequest, result: ScenarioResult): void {
    if (seq === latestSeq) options.onResult(request, result);
  }

  function computeOnMainThread(seq: number, request: ComputeRequest): void {
    try {
      deliver(seq, request, evaluateScenario(request.model, request.claims));
    } catch (error) {
      options.onError(error instanceof Error ? error.message : String(error));
    }
  }

  function pump(): void {
    if (running || !waiting) return;
    const { request, seq } = waiting;
    waiting = undefined;
    const api = engine();
    if (!api) {
      computeOnMainThread(seq, request);
      pump();
      return;
    }
    running = true;
    api
      .evaluate(request.model, request.claims)
      .then((result) => deliver(seq, request, result))
      .catch((error: unknown) => {
        if (fellBack) return;
        // A model the worker cannot clone or compute: report it, keep the worker.
        options.onError(error instanceof Error ? error.message : String(error));
      })
      .finally(() => {
        running = false;
        pump();
      });
  }

  function schedule(request: ComputeRequest): void {
    latestSeq += 1;
    waiting = { request, seq: latestSeq };
    pump();
  }

  return {
    request(request) {
      lastRequest = request;
      schedule(request);
    },
    dispose() {
      waiting = undefined;
      stopWorker();
    },
  };
}
