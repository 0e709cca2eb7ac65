/**
 * The engine's worker: pure computation behind Comlink. It never sees React or the store; the
 * main thread imports only the type `EngineApi` (see src/state/engineClient.ts).
 */
import { expose, transfer } from 'comlink';
import type { Claim, Model } from '../model/types';
import { evaluateScenario, transferablesOf, type ScenarioResult } from './evaluateScenario';
import { compareScenarios, transferablesOfCompare, type CompareRequest, type CompareResult } from './compareScenarios';
import { analysisApi } from './analysis';

const engineApi = {
  evaluate(model: Model, claims: readonly Claim[]): ScenarioResult {
    const result = evaluateScenario(model, claims);
    return transfer(result, transferablesOf(result));
  },
  compare(request: CompareRequest): CompareResult {
    const result = compareScenarios(request);
    return transfer(result, transferablesOfCompare(result));
  },
  // Issue 11's analysis: tornado, goal seek and calibration (src/engine/analysis.ts); small plain results.
  ...analysisApi,
};

export type EngineApi = typeof engineApi;

expose(engineApi);
