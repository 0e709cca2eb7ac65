/**
 * A dimension's members stacked over the years, as values or as shares of each year's total.
 * Clicking a member's area (or pressing Enter on its legend button) asks the caller to drill
 * down; the caller says which members can be drilled into. Props in, SVG out.
 *
 * `StackedAreaChartPlot` draws at a given size (tests render it); `StackedAreaChart` measures
 * its container.
 */
import { useCallback, useMemo } from 'react';
import type { CSSProperties } from 'react';
import { area, stack as stackLayout } from '@visx/shape';
import { CHART_INK, seriesColor } from './chartPalette';
import { VISUALLY_HIDDEN, formatYear, legendKeyLength, transitionStyle, valueAt } from './chartLayout';
import { formatPercent } from '../format';
import { NoForecastNote, PlotAxes, PlotFrame, PointerOverlay, YearTooltip } from './PlotFrame';
import { ChartLegend } from './ChartLegend';
import { ResponsiveChart } from './ResponsiveChart';
import { usePlotLayout } from './usePlotLayout';
import { valueTickLabels } from './tickLabels';
import { useYearCursor } from './useYearCursor';

export interface StackedSeries {
  key: string;
  name: string;
  /** One value per year, in the model unit. Negative and missing values stack as 0. */
  values: ArrayLike<number>;
  /** Overrides the palette, e.g. to keep a member's colour the same across charts. */
  color?: string;
}

export type StackedAreaMode = 'values' | 'shares';

export interface StackedAreaChartProps {
  years: readonly number[];
  /** Bottom of the stack first; the legend keeps this order. */
  series: readonly StackedSeries[];
  /** `shares` normalises each year's stack to 100%. */
  mode: StackedAreaMode;
  formatValue: (value: number) => string;
  /** A y tick's label in `values` mode; by default the ticks are sizes in `unit`, written alike (`sizeTickLabels`), or `formatValue`s without a unit. */
  formatTick?: (value: number) => string;
  /** Called with a series' key when its area is clicked or its legend button pressed. */
  onSelectSeries?: (key: string) => void;
  /** The series that can be drilled into; others do not respond to clicks. */
  selectableKeys?: ReadonlySet<string>;
  /** Names the chart for screen readers; default "Market by segment". */
  title?: string;
  /** The model unit, e.g. "USD bn", for the screen-reader summary. */
  unit?: string;
  /** Ease geometry changes (presentation mode). */
  animate?: boolean;
  /** Text size in px; by default 12–14 px by width. Present mode passes projector sizes. */
  fontSize?: number;
}

export interface StackedAreaChartPlotProps extends StackedAreaChartProps {
  width: number;
  /** Height of the plot's SVG; the legend goes below it. */
  height: number;
}

interface Layer {
  key: string;
  name: string;
  color: string;
  /** As given (NaN stays NaN, for the tooltip). */
  raw: Float64Array;
  /** Fraction of the year's stacked total. */
  share: Float64Array;
}

const EMPTY_KEYS: ReadonlySet<string> = new Set();
const INDEX_X = (years: readonly number[], i: number) => years[i] ?? 0;

/** What a value contributes to the stack: a negative or missing member cannot be drawn as a band. */
const stackable = (v: number) => (Number.isFinite(v) && v > 0 ? v : 0);

export function StackedAreaChartPlot({
  width,
  height,
  years,
  series,
  mode,
  formatValue,
  formatTick,
  onSelectSeries,
  selectableKeys = EMPTY_KEYS,
  title = 'Market by segment',
  unit,
  animate,
  fontSize: fontSizeOverride,
}: StackedAreaChartPlotProps) {
  // Values and shares per layer: recomputed when the data changes, not when the mode flips.
  const data = useMemo(() => {
    const n = years.length;
    const totals = new Float64Array(n);
    const layers: Layer[] = series.map((s, k) => {
      const raw = new Float64Array(n);
      for (let i = 0; i < n; i += 1) {
        raw[i] = valueAt(s.values, i);
        totals[i] = (totals[i] ?? 0) + stackable(raw[i] ?? 0);
      }
      return { key: s.key, name: s.name, color: s.color ?? seriesColor(k), raw, share: new Float64Array(n) };
    });
    for (const layer of layers) {
      for (let i = 0; i < n; i += 1) {
        const total = totals[i] ?? 0;
        layer.share[i] = total > 0 ? stackable(layer.raw[i] ?? 0) / total : 0;
      }
    }
    return { layers, totals };
  }, [years, series]);

  // d3's stack (through visx), bottom layer first: each layer's [lower, upper] per year. In shares
  // mode the layers stack their shares of the year, so the top is 1 wherever the year has a total.
  // (visx's <AreaStack> stacks inside render; the y axis needs the stack's height before that.)
  const stack = useMemo(() => {
    const stacked = stackLayout<number, number>({
      keys: data.layers.map((_, k) => k),
      value: (i, k) => {
        const layer = data.layers[k];
        return mode === 'shares' ? (layer?.share[i] ?? 0) : stackable(layer?.raw[i] ?? 0);
      },
    })(years.map((_, i) => i));
    const top = Float64Array.from(years, (_, i) => stacked.at(-1)?.[i]?.[1] ?? 0);
    let highest = 0;
    for (const v of top) highest = Math.max(highest, v);
    return { stacked, top, max: mode === 'shares' ? 1 : highest > 0 ? highest : 1 };
  }, [data, mode, years]);

  const yTickLabels = useCallback(
    (ticks: readonly number[]) =>
      mode === 'shares' ? ticks.map((t) => formatPercent(t, 0)) : valueTickLabels(ticks, { formatTick, unit, formatValue }),
    [mode, formatTick, unit, formatValue],
  );
  const plot = usePlotLayout({ width, height, years, yExtent: [0, stack.max], yTickLabels, fontSize: fontSizeOverride });
  const { fontSize, margin, innerWidth, innerHeight, yScale, xScale, invertX } = plot;

  const paths = useMemo(() => {
    // A single year has no width to fill: draw it as a column half a year wide either side.
    const single = years.length === 1;
    const path = area<ArrayLike<number>>({
      x: (_, i) => xScale(INDEX_X(years, i)),
      y0: (point) => yScale(point[0] ?? 0),
      y1: (point) => yScale(point[1] ?? 0),
    });
    return stack.stacked.map((layer) => {
      if (!single) return path(layer) ?? '';
      const y0 = yScale(layer[0]?.[0] ?? 0);
      const y1 = yScale(layer[0]?.[1] ?? 0);
      return `M0,${y1}H${innerWidth}V${y0}H0Z`;
    });
  }, [stack, xScale, yScale, years, innerWidth]);

  const summary = useMemo(() => {
    const first = years[0];
    const last = years[years.length - 1];
    const head = [title, unit, mode === 'shares' ? 'shares' : undefined].filter(Boolean).join(', ');
    if (first === undefined || last === undefined || data.layers.length === 0) return `${head}: no data`;
    const end = years.length - 1;
    const describe = (layer: Layer) =>
      mode === 'shares'
        ? `${layer.name} from ${formatPercent(layer.share[0] ?? Number.NaN)} to ${formatPercent(layer.share[end] ?? Number.NaN)}`
        : `${layer.name} from ${formatValue(layer.raw[0] ?? Number.NaN)} to ${formatValue(layer.raw[end] ?? Number.NaN)}`;
    return `${head}, ${first} to ${last}, ${data.layers.length} series: ${data.layers.map(describe).join('; ')}`;
  }, [years, title, unit, mode, data, formatValue]);

  const yearCursor = useYearCursor({ years, invertX, plotLeft: margin.left });
  const { cursor } = yearCursor;

  const hoveredYear = cursor ? years[cursor.index] : undefined;
  const hoveredKey = cursor?.seriesKey;
  const pathTransition = transitionStyle(animate, 'd');
  const hasData = years.length > 0 && data.layers.length > 0;

  return (
    <div className="stacked-area-chart" style={{ position: 'relative', width, fontSize }}>
      <PlotFrame plot={plot} width={width} height={height} summary={summary} testId="stacked-area-chart" mode={mode} hasData={hasData} yearCursor={yearCursor}>
        {!hasData && <NoForecastNote plot={plot} />}
        <PointerOverlay plot={plot} yearCursor={yearCursor}>
          {data.layers.map((layer, k) => {
            const selectable = onSelectSeries !== undefined && selectableKeys.has(layer.key);
            return (
              <path
                key={layer.key}
                className="stacked-area"
                d={paths[k]}
                data-series-key={layer.key}
                data-selectable={selectable ? 'true' : 'false'}
                fill={layer.color}
                // Dim the others a little, so the band under the pointer stands out.
                fillOpacity={hoveredKey && hoveredKey !== layer.key ? 0.8 : 1}
                // White seams separate neighbours even where their colours are close.
                stroke={CHART_INK.background}
                strokeWidth={1}
                strokeLinejoin="round"
                cursor={selectable ? 'pointer' : undefined}
                onClick={selectable ? () => onSelectSeries(layer.key) : undefined}
                style={pathTransition}
              >
                <title>{selectable ? `${layer.name} — click to see its breakdown` : layer.name}</title>
              </path>
            );
          })}
          {hoveredYear !== undefined && (
            <line
              x1={xScale(hoveredYear)}
              x2={xScale(hoveredYear)}
              y1={0}
              y2={innerHeight}
              stroke={CHART_INK.strongText}
              strokeOpacity={0.7}
              strokeWidth={1}
              pointerEvents="none"
            />
          )}
        </PointerOverlay>
        {/* Axes after the areas, so the baseline and ticks are not painted over. */}
        <PlotAxes plot={plot} />
      </PlotFrame>

      <ChartLegend>
        {data.layers.map((layer) => {
          const selectable = onSelectSeries !== undefined && selectableKeys.has(layer.key);
          const swatch = <span aria-hidden="true" style={{ ...swatchStyle, background: layer.color }} />;
          return (
            <li key={layer.key} data-series-key={layer.key}>
              {selectable ? (
                <button type="button" style={legendButtonStyle} onClick={() => onSelectSeries(layer.key)} title={`Show the breakdown of ${layer.name}`}>
                  {swatch}
                  {layer.name}
                  <span aria-hidden="true" style={{ color: CHART_INK.cursor, fontWeight: 600 }}>
                    ›
                  </span>
                </button>
              ) : (
                <span style={legendLabelStyle}>
                  {swatch}
                  {layer.name}
                </span>
              )}
            </li>
          );
        })}
      </ChartLegend>

      {cursor && hoveredYear !== undefined && (
        <YearTooltip yearIndex={cursor.index} left={margin.left + xScale(hoveredYear)} top={margin.top + yScale(stack.top[cursor.index] ?? 0)} chartWidth={width}>
          <div style={{ fontWeight: 600, marginBottom: 4 }}>{formatYear(hoveredYear)}</div>
          <table style={tooltipTableStyle}>
            <tbody>
              {/* Top of the stack first, as the eye reads the chart. */}
              {[...data.layers].reverse().map((layer) => (
                <tr key={layer.key} data-series-key={layer.key} style={layer.key === hoveredKey ? { fontWeight: 600 } : undefined}>
                  <td style={tooltipCellStyle}>
                    <span aria-hidden="true" style={{ ...swatchStyle, background: layer.color, marginRight: 6 }} />
                    {layer.name}
                  </td>
                  <td style={numberCellStyle}>{formatValue(layer.raw[cursor.index] ?? Number.NaN)}</td>
                  <td style={numberCellStyle}>{formatPercent(layer.share[cursor.index] ?? Number.NaN)}</td>
                </tr>
              ))}
              {mode === 'values' && data.layers.length > 1 && (
                <tr style={{ borderTop: `1px solid ${CHART_INK.grid}` }}>
                  <td style={tooltipCellStyle}>Total</td>
                  <td style={{ ...numberCellStyle, fontWeight: 600 }}>{formatValue(data.totals[cursor.index] ?? Number.NaN)}</td>
                  <td style={numberCellStyle} />
                </tr>
              )}
            </tbody>
          </table>
        </YearTooltip>
      )}

      <div aria-live="polite" style={VISUALLY_HIDDEN}>
        {cursor?.source === 'keyboard' && hoveredYear !== undefined
          ? `${formatYear(hoveredYear)}: ${[...data.layers]
              .reverse()
              .map((layer) => `${layer.name} ${formatValue(layer.raw[cursor.index] ?? Number.NaN)}, ${formatPercent(layer.share[cursor.index] ?? Number.NaN)}`)
              .join('; ')}`
          : ''}
      </div>
    </div>
  );
}

// 12 × 12, growing with the legend's type (`legendKeyLength`).
const swatchStyle: CSSProperties = { display: 'inline-block', width: legendKeyLength(12), height: legendKeyLength(12), borderRadius: 2, flex: 'none', verticalAlign: legendKeyLength(-1) };
const legendLabelStyle: CSSProperties = { display: 'inline-flex', alignItems: 'center', gap: 6, padding: '2px 0' };
const legendButtonStyle: CSSProperties = {
  ...legendLabelStyle,
  padding: '2px 6px',
  margin: '0 -6px',
  border: '1px solid transparent',
  borderRadius: 4,
  background: 'none',
  color: 'inherit',
  font: 'inherit',
  cursor: 'pointer',
  textDecoration: 'underline dotted',
  textUnderlineOffset: 3,
};
const tooltipTableStyle: CSSProperties = { borderCollapse: 'collapse', fontVariantNumeric: 'tabular-nums' };
// Names may wrap on a narrow chart; numbers never do.
const tooltipCellStyle: CSSProperties = { padding: '1px 0' };
const numberCellStyle: CSSProperties = { padding: '1px 0 1px 14px', textAlign: 'right', whiteSpace: 'nowrap' };

/** The stacked chart sized to its container's width; `height` fixes the plot height. */
export function StackedAreaChart({ height, ...props }: StackedAreaChartProps & { height?: number }) {
  return (
    <ResponsiveChart height={height}>{(size) => <StackedAreaChartPlot {...props} width={size.width} height={size.height} />}</ResponsiveChart>
  );
}
