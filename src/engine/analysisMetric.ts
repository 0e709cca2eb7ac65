/**
 * What an analysis measures (issue 11): the total or a member in a year, or a CAGR over years — the
 * number a tornado's bars, a goal seek's target and the Analysis view's picker are about.
 *
 * A metric is read like a claim: `locateMetric` finds it in a layout once (through `locateClaim`,
 * so a metric and a claim about the same number are found, and refused, by the same rule), then
 * `measureClaim` reads it from any forecast of that layout.
 */
import { memberName } from '../model/quantityRef';
import type { Claim, Model } from '../model/types';
import { claimSeries, locateClaim, measureClaim, type ClaimLocation } from './claimStatus';
import type { Forecast, ForecastLayout } from './forecastTypes';

/** Member paths are QuantityRef's `[dimensionId, memberId, childId…]`; a CAGR's `path` null is the total. */
export type AnalysisMetric =
  | { kind: 'total'; year: number }
  | { kind: 'member'; path: string[]; year: number }
  | { kind: 'cagr'; path: string[] | null; fromYear: number; toYear: number };

/**
 * An analysis asked of a model that cannot answer it (a metric outside it, an unknown quantity or
 * claim): the message names it. Its `name` crosses the worker boundary with the message (Comlink
 * sends an Error's name, message and stack), so a caller can tell it from a failure.
 */
export class AnalysisInputError extends Error {
  override name = 'AnalysisInputError';
}

/** The end-year total: what a tornado measures unless asked otherwise. */
export function endYearTotal(model: Pick<Model, 'endYear'>): AnalysisMetric {
  return { kind: 'total', year: model.endYear };
}

/** The metric as the claim that reads the same number (a size or a CAGR claim), for `locateClaim`. */
function asClaim(metric: AnalysisMetric): Claim {
  const common = { id: 'metric', label: 'metric', op: 'approx' as const, value: 0, source: '' };
  switch (metric.kind) {
    case 'total':
      return { ...common, metric: 'size', year: metric.year };
    case 'member':
      return { ...common, metric: 'size', year: metric.year, member: metric.path.join('/') };
    case 'cagr':
      return { ...common, metric: 'cagr', fromYear: metric.fromYear, toYear: metric.toYear, ...(metric.path ? { member: metric.path.join('/') } : {}) };
  }
}

/**
 * Where `metric` is read in forecasts of `layout`, or a message naming what is wrong: a year
 * outside the model, an empty CAGR period, a member the model lacks, a member path too short.
 */
export function locateMetric(model: Model, layout: ForecastLayout, metric: AnalysisMetric): ClaimLocation | string {
  const path = metric.kind === 'total' ? null : metric.path;
  if (path !== null && path.length < 2) return `a member path is [dimension, member, …] (got ${JSON.stringify(path)})`;
  return locateClaim(model, layout, asClaim(metric));
}

/** The metric read from one forecast (or buffers of one): NaN where undefined (a CAGR from 0). */
export function measureMetric(location: ClaimLocation, forecast: Pick<Forecast, 'layout' | 'total' | 'values'>): number {
  return measureClaim(location, claimSeries(location, forecast), forecast.total);
}

/** The metric in words, for labels: "Total market in 2032", "Region: Europe in 2030", "CAGR of Total market 2025–2032". */
export function metricName(model: Model, metric: AnalysisMetric): string {
  const of = (path: readonly string[] | null): string => (path === null ? 'Total market' : memberName(model, path));
  switch (metric.kind) {
    case 'total':
      return `${of(null)} in ${metric.year}`;
    case 'member':
      return `${of(metric.path)} in ${metric.year}`;
    case 'cagr':
      return `CAGR of ${of(metric.path)} ${metric.fromYear}–${metric.toYear}`;
  }
}
