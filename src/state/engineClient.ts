/**
 * The engine client: the link between the store and the engine's worker.
 *
 * Each kind of request (the scenario on screen, a comparison, each analysis) has its own channel, and in each the
 * newest request wins: while a request runs, later ones wait in a single slot, each replacing the
 * one before, and a result is delivered only if no newer request was made meanwhile — so the
 * screen shows the newest numbers, never a queue catching up.
 *
 * The worker starts lazily. If it cannot start or dies, the engine runs on the main thread
 * (the forecast of a model takes well under a millisecond there) and `onFallback` says so once.
 */
import { wrap, releaseProxy, type Remote } from 'comlink';
import type { Claim, Model } from '../model/types';
import { evaluateScenario, type ScenarioResult } from '../engine/evaluateScenario';
import { compareScenarios, type CompareRequest, type CompareResult } from '../engine/compareScenarios';
import type { EngineApi } from '../engine/worker';
import { analysisApi, lockedByPaths, type LockedPaths } from '../engine/analysis';
import { setQuantities } from '../model/modelEdits';
import { produce } from 'immer';
import type { AnalysisMetric } from '../engine/analysisMetric';
import type { TornadoResult } from '../engine/sensitivity';
import type { GoalSeekResult, GoalTarget } from '../engine/goalSeek';
import type { CalibrationResult } from '../engine/calibration';
import type { QuantityRef } from '../model/quantityRef';
import { errorText } from '../model/errorText';

export interface ComputeRequest {
  scenarioId: string;
  model: Model;
  claims: readonly Claim[];
}

/** The analyses (issue 11) of one model: the scenario on screen, with the share locks as they are. */
interface AnalysisRequestBase {
  scenarioId: string;
  model: Model;
  locked: LockedPaths;
}

export interface TornadoRequest extends AnalysisRequestBase {
  metric: AnalysisMetric;
}

export interface GoalSeekRequest extends AnalysisRequestBase {
  claims: readonly Claim[];
  target: GoalTarget;
  ref: QuantityRef;
}

/** Goal seek's answer and the total forecast it leads to (the ghost line of the answer). */
export interface GoalSeekAnswer {
  result: GoalSeekResult;
  years: readonly number[];
  total: Float64Array;
}

export interface CalibrationRequest extends AnalysisRequestBase {
  claims: readonly Claim[];
  refs: readonly QuantityRef[];
}

/** Where an analysis's answer, or the reason it has none, goes. */
export interface AnalysisHandlers<Req, Res> {
  onResult: (request: Req, result: Res) => void;
  /** The model cannot answer (an `AnalysisInputError`'s message) or the engine failed. */
  onError: (request: Req, message: string) => void;
}

export interface EngineClientOptions {
  onResult: (request: ComputeRequest, result: ScenarioResult) => void;
  onCompareResult?: (request: CompareRequest, result: CompareResult) => void;
  onTornado?: AnalysisHandlers<TornadoRequest, TornadoResult>;
  onGoalSeek?: AnalysisHandlers<GoalSeekRequest, GoalSeekAnswer>;
  onCalibration?: AnalysisHandlers<CalibrationRequest, CalibrationResult>;
  onFallback: (message: string) => void;
  onError: (message: string) => void;
  /** Creates the worker; tests pass their own, or one that throws. */
  createWorker?: () => Worker;
}

export interface EngineClient {
  request: (request: ComputeRequest) => void;
  compare: (request: CompareRequest) => void;
  /** Each analysis is a channel of its own: the newest request of each wins. */
  tornado: (request: TornadoRequest) => void;
  goalSeek: (request: GoalSeekRequest) => void;
  calibrate: (request: CalibrationRequest) => void;
  /** Ends the worker. */
  dispose: () => void;
}

/** `model` with `values` set as their sliders set them, locked shares kept. */
export function modelWith(model: Model, values: readonly { ref: QuantityRef; value: number }[], locked: LockedPaths): Model {
  return produce(model, (draft) => setQuantities(draft as Model, values, lockedByPaths(locked)));
}

function defaultWorker(): Worker {
  return new Worker(new URL('../engine/worker.ts', import.meta.url), { type: 'module', name: 'slidecast-engine' });
}

/** One kind of request: how the worker computes it, how the main thread does, where results go. */
interface ChannelSpec<Req, Res> {
  inWorker: (api: Remote<EngineApi>, request: Req) => Promise<Res>;
  onMainThread: (request: Req) => Res;
  deliver: (request: Req, result: Res) => void;
  /** Where this channel's failures go; by default the app's compute error. */
  fail?: (request: Req, error: unknown) => void;
}

interface Channel<Req> {
  schedule: (request: Req) => void;
  /** The worker died: forget the request in flight and compute the newest again. */
  restart: () => void;
  clear: () => void;
}

export function createEngineClient(options: EngineClientOptions): EngineClient {
  const createWorker = options.createWorker ?? defaultWorker;
  let worker: Worker | undefined;
  let remote: Remote<EngineApi> | undefined;
  let fellBack = false;
  const channels: Channel<never>[] = [];

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
        // The requests in flight will never answer: recompute the newest on the main thread.
        for (const channel of channels) channel.restart();
      });
      remote = wrap<EngineApi>(worker);
      return remote;
    } catch {
      fallBack('this browser could not start a worker');
      return undefined;
    }
  }

  function report(error: unknown): void {
    options.onError(errorText(error));
  }

  function channel<Req, Res>(spec: ChannelSpec<Req, Res>): Channel<Req> {
    let running = false;
    let waiting: { request: Req; seq: number } | undefined;
    let latestSeq = 0;
    let lastRequest: Req | undefined;

    const deliver = (seq: number, request: Req, result: Res) => {
      if (seq === latestSeq) spec.deliver(request, result);
    };
    const failed = (seq: number, request: Req, error: unknown) => {
      if (!spec.fail) report(error);
      else if (seq === latestSeq) spec.fail(request, error);
    };

    function pump(): void {
      if (running || !waiting) return;
      const { request, seq } = waiting;
      waiting = undefined;
      const api = engine();
      if (!api) {
        try {
          deliver(seq, request, spec.onMainThread(request));
        } catch (error) {
          failed(seq, request, error);
        }
        pump();
        return;
      }
      running = true;
      spec
        .inWorker(api, request)
        .then((result) => deliver(seq, request, result))
        .catch((error: unknown) => {
          // A model the worker cannot clone or compute: report it, keep the worker.
          if (!fellBack) failed(seq, request, error);
        })
        .finally(() => {
          running = false;
          pump();
        });
    }

    function schedule(request: Req): void {
      lastRequest = request;
      latestSeq += 1;
      waiting = { request, seq: latestSeq };
      pump();
    }

    const self: Channel<Req> = {
      schedule,
      restart: () => {
        running = false;
        if (lastRequest !== undefined) schedule(lastRequest);
      },
      clear: () => {
        waiting = undefined;
      },
    };
    channels.push(self as Channel<never>);
    return self;
  }

  const scenario = channel<ComputeRequest, ScenarioResult>({
    inWorker: (api, request) => api.evaluate(request.model, request.claims),
    onMainThread: (request) => evaluateScenario(request.model, request.claims),
    deliver: options.onResult,
  });

  const comparison = channel<CompareRequest, CompareResult>({
    inWorker: (api, request) => api.compare(request),
    onMainThread: compareScenarios,
    deliver: (request, result) => options.onCompareResult?.(request, result),
  });

  function analysisChannel<Req, Res>(
    handlers: AnalysisHandlers<Req, Res> | undefined,
    inWorker: ChannelSpec<Req, Res>['inWorker'],
    onMainThread: ChannelSpec<Req, Res>['onMainThread'],
  ): Channel<Req> {
    return channel<Req, Res>({
      inWorker,
      onMainThread,
      deliver: (request, result) => handlers?.onResult(request, result),
      fail: (request, error) => handlers?.onError(request, errorText(error)),
    });
  }

  const tornadoChannel = analysisChannel<TornadoRequest, TornadoResult>(
    options.onTornado,
    (api, r) => api.tornado(r.model, r.metric, r.locked),
    (r) => analysisApi.tornado(r.model, r.metric, r.locked),
  );

  // The answer's forecast comes from the same engine: the model with the solved value set as its
  // slider would set it (src/model/modelEdits.ts `setQuantities`), evaluated.
  const goalChannel = analysisChannel<GoalSeekRequest, GoalSeekAnswer>(
    options.onGoalSeek,
    async (api, r) => {
      const result = await api.goalSeek(r.model, r.claims, r.target, r.ref, r.locked);
      const evaluated = await api.evaluate(modelWith(r.model, [{ ref: result.ref, value: result.value }], r.locked), []);
      return { result, years: evaluated.forecast.layout.years, total: evaluated.forecast.total };
    },
    (r) => {
      const result = analysisApi.goalSeek(r.model, r.claims, r.target, r.ref, r.locked);
      const evaluated = evaluateScenario(modelWith(r.model, [{ ref: result.ref, value: result.value }], r.locked), []);
      return { result, years: evaluated.forecast.layout.years, total: evaluated.forecast.total };
    },
  );

  const calibrationChannel = analysisChannel<CalibrationRequest, CalibrationResult>(
    options.onCalibration,
    (api, r) => api.calibrate(r.model, r.claims, r.refs, r.locked),
    (r) => analysisApi.calibrate(r.model, r.claims, r.refs, r.locked),
  );

  return {
    request: scenario.schedule,
    compare: comparison.schedule,
    tornado: tornadoChannel.schedule,
    goalSeek: goalChannel.schedule,
    calibrate: calibrationChannel.schedule,
    dispose() {
      for (const c of channels) c.clear();
      stopWorker();
    },
  };
}
