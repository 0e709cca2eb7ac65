/**
 * An analysis's metric (src/engine/analysisMetric.ts) as people read it: its value in the metric's
 * own terms (a size in the model's unit, a CAGR as a percent), the words that say where it is read
 * ("in 2032", "of Region: Europe in 2030", "as the CAGR of Total market 2025–2032"), and the
 * number-box kind a typed target is parsed as (src/ui/quantityInput.ts).
 */
import { metricName, type AnalysisMetric } from '../../engine/analysisMetric';
import { memberName, type QuantityKind } from '../../model/quantityRef';
import type { Model } from '../../model/types';
import { formatPercent, formatSize } from '../format';

/** A CAGR to two decimals: a goal seek's answer is read to the hundredth of a point. */
const CAGR_DIGITS = 2;

export function formatMetricValue(metric: AnalysisMetric, value: number, unit: string): string {
  return metric.kind === 'cagr' ? formatPercent(value, CAGR_DIGITS) : formatSize(value, unit);
}

/** How a target for `metric` is typed: a CAGR as a percent (a rate), a size in the unit. */
export function metricInputKind(metric: AnalysisMetric): QuantityKind {
  return metric.kind === 'cagr' ? 'rate' : 'size';
}

/** Where the metric is read, after a value: "$30.0 B in 2032", "$5.1 B for Region: Europe in 2030", "7.0% as the CAGR of …". */
export function metricPhrase(model: Model, metric: AnalysisMetric): string {
  switch (metric.kind) {
    case 'total':
      return `in ${metric.year}`;
    case 'member':
      return `for ${memberName(model, metric.path)} in ${metric.year}`;
    case 'cagr':
      return `as the ${metricName(model, metric)}`;
  }
}
