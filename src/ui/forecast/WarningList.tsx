/** The engine's warnings, in words, where the user sees them (not the console). */
import type { ForecastLayout, ForecastWarning } from '../../engine/forecastTypes';
import { seriesIndex } from '../../engine/seriesAccess';
import { formatPercent } from '../format';
import { useScenarioResult } from './useScenarioResult';
import { useSlidecast } from '../../state/store';

function nameOf(layout: ForecastLayout, key: string): string {
  // A top-level list's key is its dimension's id; a nested list's is its parent member's key.
  const dimension = layout.dimensions.find((d) => d.id === key);
  if (dimension) return dimension.name;
  const s = seriesIndex(layout, key);
  return s >= 0 ? layout.series[s]!.name : key;
}

export function describeWarning(warning: ForecastWarning, layout: ForecastLayout): string {
  switch (warning.kind) {
    case 'totalClamped':
      return `In ${warning.year} growth is ${formatPercent(warning.growth)}: the market cannot shrink below zero, so it is held at 0.`;
    case 'memberClamped':
      return `In ${warning.year} ${nameOf(layout, warning.key)} would shrink by more than 100%: it is held at 0.`;
    case 'listCollapsed': {
      return `From ${warning.year} every part of ${nameOf(layout, warning.parentKey)} has fallen to zero: its split is shown as 0.`;
    }
    case 'totalOverflow':
      return `In ${warning.year} the market passes the largest number that can be computed (about 1.8 × 10^308): from then on it cannot be shown.`;
  }
}

export function WarningList() {
  const result = useScenarioResult();
  const computeError = useSlidecast((s) => s.computeError);
  const engineNotice = useSlidecast((s) => s.engineNotice);
  const warnings = result?.forecast.warnings ?? [];
  if (warnings.length === 0 && !computeError && !engineNotice) return null;
  return (
    <section className="warnings" aria-label="Warnings">
      {computeError && (
        <p role="alert" className="warning warning-error">
          The forecast could not be computed: {computeError}
        </p>
      )}
      {engineNotice && (
        <p role="status" className="warning">
          {engineNotice}
        </p>
      )}
      {warnings.length > 0 && result && (
        <ul role="status">
          {warnings.map((warning, i) => (
            <li key={i} className="warning">
              {describeWarning(warning, result.forecast.layout)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
