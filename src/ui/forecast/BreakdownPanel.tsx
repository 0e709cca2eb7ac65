/**
 * Stacked areas of one dimension, switchable, with drill-down from a member into its parts
 * (a region into its countries) and a toggle between values and shares.
 */
import { memo, useMemo, useState } from 'react';
import type { Forecast } from '../../engine/forecastTypes';
import { seriesIndex, seriesValues } from '../../engine/seriesAccess';
import { StackedAreaChart } from '../charts/StackedAreaChart';
import { ChartExportMenu } from '../export/ChartExportMenu';
import { formatSize } from '../format';

interface BreakdownPanelProps {
  forecast: Forecast;
  unit: string;
}

/** Memoised: it draws the forecast a moment after the headline (ForecastView's `detail`), and not again meanwhile. */
export const BreakdownPanel = memo(function BreakdownPanel({ forecast, unit }: BreakdownPanelProps) {
  const { layout } = forecast;
  const [dimensionId, setDimensionId] = useState<string | undefined>(undefined);
  /** Keys of the members drilled into, outermost first. */
  const [trail, setTrail] = useState<string[]>([]);
  const [mode, setMode] = useState<'values' | 'shares'>('values');

  const dimensionIndex = Math.max(0, layout.dimensions.findIndex((d) => d.id === dimensionId));
  const dimension = layout.dimensions[dimensionIndex];
  // A drilled member that no longer exists (structure changed, scenario switched) ends the trail.
  const validTrail = trail.filter((key) => seriesIndex(layout, key) >= 0);
  const focusKey = validTrail[validTrail.length - 1];
  const focus = focusKey === undefined ? -1 : seriesIndex(layout, focusKey);
  const memberIndices = useMemo(
    () => (focus >= 0 ? layout.series[focus]!.children : (dimension?.members ?? [])),
    [focus, layout, dimension],
  );

  const series = useMemo(
    () =>
      memberIndices.map((s) => ({
        key: layout.series[s]!.key,
        name: layout.series[s]!.name,
        values: seriesValues(forecast, s),
      })),
    [forecast, layout, memberIndices],
  );
  const drillable = useMemo(
    () => new Set(memberIndices.filter((s) => layout.series[s]!.children.length > 0).map((s) => layout.series[s]!.key)),
    [layout, memberIndices],
  );

  if (!dimension) {
    return <p className="muted">This model has no dimensions: the total is the whole forecast.</p>;
  }

  const title = focus >= 0 ? layout.series[focus]!.name : dimension.name;
  return (
    <section className="panel breakdown" aria-label="Breakdown">
      <header className="panel-head">
        <h2>
          By {dimension.name.toLowerCase()}
          {focus >= 0 && <span className="muted"> — {title}</span>}
        </h2>
        <div className="segmented" role="group" aria-label="Dimension">
          {layout.dimensions.map((d, i) => (
            <button
              key={d.id}
              type="button"
              aria-pressed={i === dimensionIndex}
              onClick={() => {
                setDimensionId(d.id);
                setTrail([]);
              }}
            >
              {d.name}
            </button>
          ))}
        </div>
        <div className="segmented" role="group" aria-label="Show">
          <button type="button" aria-pressed={mode === 'values'} onClick={() => setMode('values')}>
            Values
          </button>
          <button type="button" aria-pressed={mode === 'shares'} onClick={() => setMode('shares')}>
            Shares
          </button>
        </div>
        <ChartExportMenu
          chart="stacked-area-chart"
          title={`By ${dimension.name.toLowerCase()}${focus >= 0 ? ` — ${title}` : ''} (${mode === 'shares' ? 'shares' : unit})`}
          subject={`by ${dimension.name.toLowerCase()}${focus >= 0 ? ` - ${title}` : ''}${mode === 'shares' ? ' - shares' : ''}`}
          name={`by ${dimension.name.toLowerCase()}`}
        />
      </header>
      <nav className="breadcrumb" aria-label="Drill-down">
        <button type="button" onClick={() => setTrail([])} disabled={validTrail.length === 0}>
          All {dimension.name.toLowerCase()}
        </button>
        {validTrail.map((key, i) => (
          <span key={key}>
            <span aria-hidden="true"> › </span>
            <button type="button" onClick={() => setTrail(validTrail.slice(0, i + 1))} disabled={i === validTrail.length - 1}>
              {layout.series[seriesIndex(layout, key)]!.name}
            </button>
          </span>
        ))}
        {validTrail.length === 0 && drillable.size > 0 && <span className="muted hint">Click an area to see its parts.</span>}
      </nav>
      <StackedAreaChart
        years={layout.years}
        series={series}
        mode={mode}
        formatValue={(v) => formatSize(v, unit)}
        unit={unit}
        selectableKeys={drillable}
        onSelectSeries={(key) => {
          if (drillable.has(key)) setTrail([...validTrail, key]);
        }}
      />
    </section>
  );
});
