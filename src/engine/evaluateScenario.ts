/**
 * Everything the screens need about one scenario, computed in one pass: the forecast and the
 * status of every claim. The worker, the main-thread fallback and the CLI all call this.
 */
import type { Claim, Model } from '../model/types';
import { forecast } from './forecast';
import type { Forecast } from './forecastTypes';
import { checkClaims, type ClaimStatus } from './claimStatus';

export interface ScenarioResult {
  forecast: Forecast;
  claims: ClaimStatus[];
}

export function evaluateScenario(model: Model, claims: readonly Claim[]): ScenarioResult {
  const result = forecast(model);
  return { forecast: result, claims: checkClaims(model, result, claims) };
}

/** The buffers to transfer (not copy) when a result crosses the worker boundary. */
export function transferablesOf(result: ScenarioResult): ArrayBuffer[] {
  const { total, growth, values, shares } = result.forecast;
  return [total.buffer, growth.buffer, values.buffer, shares.buffer] as ArrayBuffer[];
}
