/**
 * A stand-in for the engine's worker that the engine client cannot tell from the real one: the
 * client talks Comlink to it over a real `MessageChannel` (Node's), and the engine on the far side
 * answers only when the test says so — so a test can hold a request "running" while others arrive.
 */
import { expose } from 'comlink';
import type { Claim, Model } from '../../src/model/types';
import { evaluateScenario, type ScenarioResult } from '../../src/engine/evaluateScenario';
import { compareScenarios, type CompareRequest, type CompareResult } from '../../src/engine/compareScenarios';
import type { EngineApi } from '../../src/engine/worker';
import { analysisApi } from '../../src/engine/analysis';

/** One call the engine received and has not answered yet. */
export interface EngineCall {
  model: Model;
  claims: Claim[];
  /** Answers with the real engine's result. */
  finish: () => void;
  /** Answers with an error, as the engine does for a model it cannot compute. */
  fail: (message: string) => void;
}

/** One comparison the engine received and has not answered yet. */
export interface CompareCall {
  request: CompareRequest;
  finish: () => void;
}

/** The worker's side: records every call, answers on demand. */
export class ControllableEngine {
  readonly calls: EngineCall[] = [];
  readonly compareCalls: CompareCall[] = [];

  /** The base sizes of the models the engine was asked to compute, in order: which requests ran. */
  get computedBaseSizes(): number[] {
    return this.calls.map((call) => call.model.baseSize.value);
  }

  readonly api: EngineApi = {
    evaluate: (model: Model, claims: readonly Claim[]): ScenarioResult =>
      // Comlink awaits a promise returned by an exposed function; the type says what the real one returns.
      new Promise<ScenarioResult>((resolve, reject) => {
        this.calls.push({
          model,
          claims: [...claims],
          finish: () => resolve(evaluateScenario(model, claims)),
          fail: (message) => reject(new Error(message)),
        });
      }) as unknown as ScenarioResult,
    compare: (request: CompareRequest): CompareResult =>
      new Promise<CompareResult>((resolve) => {
        this.compareCalls.push({ request, finish: () => resolve(compareScenarios(request)) });
      }) as unknown as CompareResult,
    // The analysis calls (issue 11) answer at once, with the real engine's result.
    ...analysisApi,
  };
}

/** The page's side: a `Worker` as far as the engine client is concerned. */
export class FakeEngineWorker extends EventTarget {
  terminated = false;
  readonly #port: MessagePort;
  readonly #enginePort: MessagePort;

  constructor(engine: ControllableEngine) {
    super();
    const channel = new MessageChannel();
    this.#port = channel.port1;
    this.#enginePort = channel.port2;
    expose(engine.api, this.#enginePort);
    this.#port.addEventListener('message', (event) => {
      if (!this.terminated) this.dispatchEvent(new MessageEvent('message', { data: (event as MessageEvent).data }));
    });
    this.#port.start();
  }

  postMessage(message: unknown, transfer: Transferable[] = []): void {
    if (!this.terminated) this.#port.postMessage(message, transfer);
  }

  terminate(): void {
    this.terminated = true;
    this.#port.close();
    this.#enginePort.close();
  }

  /** What a browser does when the worker's script fails to load or throws at the top level. */
  crash(): Event {
    const event = new Event('error', { cancelable: true });
    this.dispatchEvent(event);
    return event;
  }

  asWorker(): Worker {
    return this as unknown as Worker;
  }
}
