/**
 * The tornado of the scenario on screen, for a screen that shows it: watching it (while mounted)
 * is what makes the engine connection compute it (src/state/analysisSlice.ts), and the texts its
 * bars need — names by `quantityName`, values by the app's formatters.
 */
import { useCallback, useEffect } from 'react';
import { endYearTotal, metricName, type AnalysisMetric } from '../../engine/analysisMetric';
import type { TornadoBar } from '../../engine/sensitivity';
import { quantityKind, quantityName } from '../../model/quantityRef';
import type { Model } from '../../model/types';
import { activeModelOf } from '../../state/scenarioSelectors';
import { useSlidecast } from '../../state/store';
import { formatQuantity } from '../format';
import { formatMetricValue } from './metricText';

export interface TornadoView {
  model: Model;
  metric: AnalysisMetric;
  title: string;
  outcome: ReturnType<typeof useSlidecast.getState>['tornado'];
  nameOf: (bar: TornadoBar) => string;
  formatValue: (value: number) => string;
  formatEnd: (bar: TornadoBar, value: number) => string;
}

export function useTornado(): TornadoView {
  const watchTornado = useSlidecast((s) => s.watchTornado);
  useEffect(() => watchTornado(), [watchTornado]);
  const model = useSlidecast((s) => activeModelOf(s.workspace));
  const picked = useSlidecast((s) => s.tornadoMetric);
  const outcome = useSlidecast((s) => s.tornado);
  const metric = picked ?? endYearTotal(model);
  const unit = model.unit;
  const nameOf = useCallback((bar: TornadoBar) => quantityName(model, bar.ref), [model]);
  const formatValue = useCallback((value: number) => formatMetricValue(metric, value, unit), [metric, unit]);
  const formatEnd = useCallback((bar: TornadoBar, value: number) => formatQuantity(value, quantityKind(bar.ref), unit), [unit]);
  return { model, metric, title: `Tornado of ${metricName(model, metric)}`, outcome, nameOf, formatValue, formatEnd };
}
