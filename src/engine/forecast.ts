/**
 * The forecast of a model (DESIGN.md §3): the public entry point. It compiles the model into flat
 * arrays and evaluates them once; code that evaluates many times (simulation, sensitivity, goal
 * seek) uses `compileModel` and `evaluateForecast` directly and keeps its buffers.
 */
import type { Model } from '../model/types';
import { compileModel } from './compiledModel';
import { createForecastBuffers, evaluateForecast } from './evaluateForecast';
import type { Forecast, ForecastLayout, ForecastWarning } from './forecastTypes';

/**
 * Forecasts `model`. Pass the `layout` of an earlier forecast of the same structure to reuse it
 * (a slider drag changes numbers, not structure); it must match the model.
 */
export function forecast(model: Model, layout?: ForecastLayout): Forecast {
  const { structure, parameters } = compileModel(model, layout);
  const buffers = createForecastBuffers(structure);
  const warnings: ForecastWarning[] = [];
  evaluateForecast(structure, parameters, buffers, warnings);
  // The evaluation finds warnings list by list; a reader wants them in the order they happen.
  // (Stable: within a year, the total comes first, then lists in layout order.)
  warnings.sort((a, b) => a.year - b.year);
  return {
    layout: structure.layout,
    total: buffers.total,
    growth: buffers.growth,
    values: buffers.values,
    shares: buffers.shares,
    warnings,
  };
}
