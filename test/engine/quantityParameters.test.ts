import { describe, expect, it } from 'vitest';
import { locateMetric, type AnalysisMetric } from '../../src/engine/analysisMetric';
import type { ClaimLocation } from '../../src/engine/claimStatus';
import { createForecastBuffers, evaluateForecast } from '../../src/engine/evaluateForecast';
import { dependsOn, quantityEvaluator, restrictedStructure } from '../../src/engine/quantityParameters';
import { dimension, member, model } from '../support/models';

const m = model({
  baseGrowth: 0.04,
  dimensions: [
    dimension('type', [member('hw', 0.6, { delta: 0.02 }), member('sw', 0.4)]),
    dimension('region', [member('na', 0.5, { children: [member('us', 0.8, { delta: 0.01 }), member('ca', 0.2)] }), member('eu', 0.5, { children: [member('de', 1)] })]),
  ],
});
const evaluator = quantityEvaluator(m);
const at = (metric: AnalysisMetric) => locateMetric(m, evaluator.layout, metric) as ClaimLocation;
const total = at({ kind: 'total', year: 2030 });
const us = at({ kind: 'member', path: ['region', 'na', 'us'], year: 2030 });

describe('evaluating only what a metric reads', () => {
  it('cuts the lists to those on the metric’s path: none for the total, the region and North America’s for a country', () => {
    expect(restrictedStructure(evaluator.structure, [total]).listCount).toBe(0);
    const cut = restrictedStructure(evaluator.structure, [us]);
    expect(cut.listKeys).toEqual(['region', 'region/na']);
    // …and those lists come out exactly as in the whole evaluation.
    const whole = createForecastBuffers(evaluator.structure);
    evaluateForecast(evaluator.structure, evaluator.parameters, whole, null);
    evaluator.evaluate(cut);
    const s = evaluator.layout.series.findIndex((x) => x.key === 'region/na/us');
    const Y = evaluator.layout.years.length;
    expect(evaluator.buffers.values.subarray(s * Y, (s + 1) * Y)).toEqual(whole.values.subarray(s * Y, (s + 1) * Y));
    expect(evaluator.buffers.total).toEqual(whole.total);
  });

  it('knows which quantities a metric cannot depend on', () => {
    const share = (...path: string[]) => ({ kind: 'memberShare' as const, path });
    const delta = (...path: string[]) => ({ kind: 'memberGrowthDelta' as const, path });
    const { layout } = evaluator;
    expect(dependsOn(layout, { kind: 'baseGrowth' }, [total])).toBe(true);
    expect(dependsOn(layout, share('region', 'na'), [total])).toBe(false);
    expect(dependsOn(layout, share('region', 'eu'), [us])).toBe(true); // a sibling of its parent
    expect(dependsOn(layout, delta('region', 'na', 'ca'), [us])).toBe(true);
    expect(dependsOn(layout, delta('type', 'hw'), [us])).toBe(false);
    expect(dependsOn(layout, share('region', 'eu', 'de'), [us])).toBe(false);
  });
});
