/**
 * The engine's worker: pure computation behind Comlink. It never sees React or the store; the
 * main thread imports only the type `EngineApi` (see src/state/engineClient.ts).
 */
import { expose, transfer } from 'comlink';
import type { Claim, Model } from '../model/types';
import { evaluateScenario, transferablesOf, type ScenarioResult } from './evaluateScenario';
import { compareScenarios, transferablesOfCompare, type CompareRequest, type CompareResult } from './compareScenarios';

const engineApi = {
  evaluate(model: Model, claims: readonly Claim[]): ScenarioResult {
    const result = evaluateScenario(model, claims);
    return transfer(result, transferablesOf(result));
  },
  compare(request: CompareRequest): CompareResult {
    const result = compareScenarios(request);
    return transfer(result, transferablesOfCompare(result));
  },
};

export type EngineApi = typeof engineApi;

expose(engineApi);
