/**
 * What present mode shows the room — the headline (scenario, end-year market, CAGR, claims) and the
 * charts (total with claim markers, fan and base ghost; one breakdown) — drawn from the store, so
 * present mode (PresentMode.tsx) and the audience window (AudienceView.tsx) show the same thing.
 */
import { useCallback, useMemo, type ReactNode } from 'react';
import { totalCagr } from '../../engine/cagr';
import { countClaims } from '../../engine/claimStatus';
import { seriesValues } from '../../engine/seriesAccess';
import { useSlidecast } from '../../state/store';
import { activeScenarioOf } from '../../state/scenarioSelectors';
import { TotalChart } from '../charts/TotalChart';
import { StackedAreaChart } from '../charts/StackedAreaChart';
import { formatPercent, formatSize, formatSizeRange } from '../format';
import { claimMarkers } from '../forecast/ForecastView';
import { useScenarioResult } from '../forecast/useScenarioResult';
import { useTotalFan } from '../forecast/useFan';
import { CLAIMS_CAPTION, ClaimCounts } from '../ClaimCounts';
import { FitChart } from './FitChart';
import { useAnimatedNumber } from './useAnimatedNumber';

/** The header row: names and figures, then `children` (present mode's Leave button). */
export function PresentHeadline({ children }: { children?: ReactNode }) {
  const result = useScenarioResult();
  const workspace = useSlidecast((s) => s.workspace);
  const scenario = activeScenarioOf(workspace);
  const unit = scenario.model.unit;
  const end = result ? result.forecast.total[result.forecast.total.length - 1]! : Number.NaN;
  const shownEnd = useAnimatedNumber(end);
  const years = result?.forecast.layout.years ?? [];
  const counts = countClaims(result?.claims ?? []);
  return (
    <header className="present-head">
      <div className="present-names">
        <p className="present-scenario">{scenario.name}</p>
        <p className="present-title">{workspace.title}</p>
      </div>
      <div className="present-figure">
        <span className="present-caption">Market in {years[years.length - 1]}</span>
        <span className="present-total" data-testid="headline-total" data-value={end}>
          {formatSize(shownEnd, unit)}
        </span>
      </div>
      <div className="present-figure">
        <span className="present-caption">
          CAGR {years[0]}–{years[years.length - 1]}
        </span>
        <span className="present-cagr">{result ? formatPercent(totalCagr(result.forecast)) : '—'}</span>
      </div>
      <div className="present-figure">
        <span className="present-caption">{CLAIMS_CAPTION}</span>
        <span className="present-claims">
          <ClaimCounts counts={counts} showNotCheckable={false} />
        </span>
      </div>
      {children && <div className="present-actions">{children}</div>}
    </header>
  );
}

/** The charts: the total (with the base scenario's ghost when `ghost`) and breakdown `dimensionIndex`. */
export function PresentCharts({ ghost, dimensionIndex }: { ghost: boolean; dimensionIndex: number }) {
  const result = useScenarioResult();
  const fan = useTotalFan(result?.forecast);
  const workspace = useSlidecast((s) => s.workspace);
  const baseResult = useSlidecast((s) => s.compareResult);
  const scenario = activeScenarioOf(workspace);
  const unit = scenario.model.unit;
  const baseId = workspace.scenarios[0]!.id;
  const baseName = workspace.scenarios[0]!.name;
  const ghostResult = baseResult?.results[baseId];
  const ghosts = useMemo(
    () =>
      ghost && baseId !== scenario.id && ghostResult
        ? [{ id: baseId, label: `${baseName} (base)`, values: ghostResult.forecast.total, years: ghostResult.forecast.layout.years }]
        : [],
    [ghost, baseId, baseName, scenario.id, ghostResult],
  );
  const markers = useMemo(() => (result ? claimMarkers(workspace.claims, result) : []), [result, workspace.claims]);
  const layout = result?.forecast.layout;
  const dimension = layout && layout.dimensions.length > 0 ? layout.dimensions[dimensionIndex % layout.dimensions.length] : undefined;
  const series = useMemo(
    () =>
      result && dimension
        ? dimension.members.map((s) => ({ key: result.forecast.layout.series[s]!.key, name: result.forecast.layout.series[s]!.name, values: seriesValues(result.forecast, s) }))
        : [],
    [result, dimension],
  );
  const formatValue = useCallback((v: number) => formatSize(v, unit), [unit]);
  const formatRange = useCallback((low: number, high: number) => formatSizeRange(low, high, unit), [unit]);
  return (
    <section className={`present-charts${dimension ? '' : ' present-charts-total-only'}`} aria-label="Charts">
      {result && (
        <>
          <FitChart>
            {({ height, fontSize }) => (
              <TotalChart
                years={result.forecast.layout.years}
                total={result.forecast.total}
                formatValue={formatValue}
                markers={markers}
                fan={fan}
                formatRange={formatRange}
                ghosts={ghosts}
                unit={unit}
                animate
                fontSize={fontSize}
                height={height}
              />
            )}
          </FitChart>
          {dimension && (
            <>
              <div className="present-breakdown">
                <h2>By {dimension.name.toLowerCase()}</h2>
              </div>
              <FitChart>
                {({ height, fontSize }) => (
                  <StackedAreaChart
                    years={result.forecast.layout.years}
                    series={series}
                    mode="values"
                    formatValue={formatValue}
                    unit={unit}
                    animate
                    fontSize={fontSize}
                    height={height}
                  />
                )}
              </FitChart>
            </>
          )}
        </>
      )}
    </section>
  );
}
