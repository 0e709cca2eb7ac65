/**
 * Sensitivity — the tornado (DESIGN.md §3 "Sensitivity", issue 11): for every ranged quantity
 * (range low ≠ high), the metric with that quantity at its range's low and at its high, all others
 * at their values; a share moves as its slider moves it (unlocked siblings rebalanced by the one
 * share rule). Bars sorted by swing |atHigh − atLow|, largest first, ties in model order.
 *
 * Cost: one compile, then 2 evaluations per bar into reused buffers, each of only the lists the
 * metric reads (`restrictedStructure`): the total reads none. A quantity the metric cannot depend
 * on (a share or premium off the metric's path — every one, for the total) gets a swing of exactly
 * 0 and the base value at both ends, without evaluating.
 */
import { quantityRefs, getQuantity, type QuantityRef } from '../model/quantityRef';
import type { Model } from '../model/types';
import { AnalysisInputError, locateMetric, measureMetric, type AnalysisMetric } from './analysisMetric';
import { dependsOn, quantityEvaluator, restrictedStructure, type LockedMembers } from './quantityParameters';

export interface TornadoBar {
  ref: QuantityRef;
  /** The quantity's range. */
  low: number;
  high: number;
  /** The metric with the quantity at `low`, at `high`. */
  atLow: number;
  atHigh: number;
  /** |atHigh − atLow|. */
  swing: number;
}

export interface TornadoResult {
  metric: AnalysisMetric;
  /** The metric with every quantity at its value. */
  base: number;
  bars: TornadoBar[];
}

export interface TornadoOptions {
  locked?: LockedMembers;
}

export function tornado(model: Model, metric: AnalysisMetric, options: TornadoOptions = {}): TornadoResult {
  const evaluator = quantityEvaluator(model, options.locked);
  const location = locateMetric(model, evaluator.layout, metric);
  if (typeof location === 'string') throw new AnalysisInputError(location);
  const structure = restrictedStructure(evaluator.structure, [location]);
  const measure = (): number => {
    evaluator.evaluate(structure);
    return measureMetric(location, evaluator.reading);
  };
  const base = measure();
  const bars: TornadoBar[] = [];
  for (const ref of quantityRefs(model)) {
    const range = getQuantity(model, ref)?.range;
    if (range === undefined || range.low === range.high) continue;
    if (!dependsOn(evaluator.layout, ref, [location])) {
      // |base − base|: 0, or NaN where the metric is undefined (a CAGR from 0) as for every bar.
      bars.push({ ref, low: range.low, high: range.high, atLow: base, atHigh: base, swing: Math.abs(base - base) });
      continue;
    }
    evaluator.set(ref, range.low);
    const atLow = measure();
    evaluator.set(ref, range.high);
    const atHigh = measure();
    evaluator.reset(ref);
    bars.push({ ref, low: range.low, high: range.high, atLow, atHigh, swing: Math.abs(atHigh - atLow) });
  }
  // Array.prototype.sort is stable: equal swings keep model order. NaN swings (a CAGR from 0) go last.
  bars.sort((a, b) => {
    const x = swingKey(a);
    const y = swingKey(b);
    return x > y ? -1 : x < y ? 1 : 0; // (not y − x: two infinite swings would give NaN)
  });
  return { metric, base, bars };
}

function swingKey(bar: TornadoBar): number {
  return Number.isNaN(bar.swing) ? -1 : bar.swing;
}
