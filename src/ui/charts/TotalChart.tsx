/**
 * The total market (or one member) over the years: the forecast line with its points, an
 * optional fan of the simulation's percentiles under it, optional dashed comparison lines (other scenarios), and the sources' claims as
 * target glyphs. Props in, SVG out: it never computes a forecast and never reads the store.
 *
 * `TotalChartPlot` draws at a given size (tests render it); `TotalChart` measures its container.
 */
import { useCallback, useMemo } from 'react';
import { area, line } from '@visx/shape';
import { ClaimMarkerGlyph, claimOpSymbol, claimStatusText, describeClaim, CLAIM_GLYPH_RADIUS } from './ClaimMarkerGlyph';
import type { ClaimMarker } from './ClaimMarkerGlyph';
import { CHART_INK, FAN_INK, STATUS_COLORS, ghostColor, ghostDash, scaledDash } from './chartPalette';
import { VISUALLY_HIDDEN, chartFontSize, formatYear, legendKeyLength, markScale, transitionStyle, valueAt } from './chartLayout';
import { NoForecastNote, PlotAxes, PlotFrame, PointerOverlay, YearTooltip } from './PlotFrame';
import { ChartLegend } from './ChartLegend';
import { ResponsiveChart } from './ResponsiveChart';
import { usePlotLayout } from './usePlotLayout';
import { valueTickLabels } from './tickLabels';
import { useYearCursor } from './useYearCursor';

export type { ClaimMarker, ClaimOp, ClaimStatus } from './ClaimMarkerGlyph';

/**
 * The simulation's percentiles per year (each the same length as `years`, in the model unit), for
 * the fan: the 5–95, 10–90 and 25–75 bands and the median line.
 */
export interface TotalChartFan {
  p5: ArrayLike<number>;
  p10: ArrayLike<number>;
  p25: ArrayLike<number>;
  p50: ArrayLike<number>;
  p75: ArrayLike<number>;
  p90: ArrayLike<number>;
  p95: ArrayLike<number>;
}

/** The fan's bands, outermost first: their edges, their legend labels, their colours (FAN_INK.bands). */
export const FAN_BANDS = [
  { low: 'p5', high: 'p95', label: '5–95%' },
  { low: 'p10', high: 'p90', label: '10–90%' },
  { low: 'p25', high: 'p75', label: '25–75%' },
] as const satisfies readonly { low: keyof TotalChartFan; high: keyof TotalChartFan; label: string }[];

/** The 10–90 band's name where one interval is quoted (tooltip, summaries): "80%: $21.3 B – $27.9 B". */
export const INTERVAL_80_LABEL = '80%';

export interface TotalChartGhost {
  id: string;
  /** E.g. the scenario's name. */
  label: string;
  values: ArrayLike<number>;
  /** The ghost's own years when they differ from the chart's; points outside the chart's years are not drawn. */
  years?: readonly number[];
  /** Overrides the ghost palette, e.g. to keep a scenario's colour the same across a screen. */
  color?: string;
}

export interface TotalChartProps {
  years: readonly number[];
  /** The total per year, in the model unit; NaN leaves a gap. */
  total: ArrayLike<number>;
  /** A value for people, e.g. 17.18 → "$17.2 B". Used in the tooltip, legend and summary. */
  formatValue: (value: number) => string;
  /** A y tick's label; by default the ticks are sizes in `unit`, written alike (`sizeTickLabels`), or `formatValue`s without a unit. */
  formatTick?: (value: number) => string;
  /** Claims from the sources. Ones outside `years` are not drawn. */
  markers?: readonly ClaimMarker[];
  /** The fan of the simulation's percentiles; none drawn without it. Never animated: it follows every refinement at once. */
  fan?: TotalChartFan;
  /** The series' range as text, e.g. "$21.3 B – $27.9 B" (the 80% interval); defaults to two `formatValue`s. */
  formatRange?: (low: number, high: number) => string;
  ghosts?: readonly TotalChartGhost[];
  /** Names the chart for screen readers; default "Total market". */
  title?: string;
  /** The model unit, e.g. "USD bn", for the screen-reader summary. */
  unit?: string;
  /** Ease geometry changes (presentation mode). Off by default: a dragged slider should track exactly. */
  animate?: boolean;
  /** Text size in px; by default 12–14 px by width. Present mode passes projector sizes. */
  fontSize?: number;
}

export interface TotalChartPlotProps extends TotalChartProps {
  width: number;
  /** Height of the plot's SVG; the legend, when there is one, goes below it. */
  height: number;
}

interface YearValue {
  year: number;
  value: number;
}

interface YearRange {
  year: number;
  low: number;
  high: number;
}

interface FanPoints {
  bands: YearRange[][];
  median: YearValue[];
}

interface GhostLine {
  id: string;
  label: string;
  color: string;
  dash: string;
  points: YearValue[];
}

const getYear = (d: { year: number }) => d.year;
const getValue = (d: YearValue) => d.value;
const hasValue = (d: YearValue) => Number.isFinite(d.value);
const hasRange = (d: YearRange) => Number.isFinite(d.low) && Number.isFinite(d.high);

const EMPTY_MARKERS: readonly ClaimMarker[] = [];
const EMPTY_GHOSTS: readonly TotalChartGhost[] = [];
/** Keeps the first and last points (and their claim glyphs) off the axes. */
const X_PADDING = 16;
const LINE_WIDTH = 2.25;
/** The median: thinner than the forecast line and dotted (FAN_INK.medianDash), so the forecast stays the main line. */
const MEDIAN_WIDTH = 2;
/** Another scenario's line behind this one's (present mode's base line, Compare's overlays). */
const GHOST_WIDTH = 1.75;
const POINT_RADIUS = 3.5;

export function TotalChartPlot({
  width,
  height,
  years,
  total,
  formatValue,
  formatTick,
  markers = EMPTY_MARKERS,
  fan,
  formatRange = (low, high) => `${formatValue(low)} – ${formatValue(high)}`,
  ghosts = EMPTY_GHOSTS,
  title = 'Total market',
  unit,
  animate,
  fontSize: fontSizeOverride,
}: TotalChartPlotProps) {
  const points = useMemo<YearValue[]>(() => years.map((year, i) => ({ year, value: valueAt(total, i) })), [years, total]);

  const visibleMarkers = useMemo(() => {
    const first = years[0];
    const last = years[years.length - 1];
    if (first === undefined || last === undefined) return EMPTY_MARKERS;
    return markers.filter((m) => m.year >= first && m.year <= last && Number.isFinite(m.value));
  }, [markers, years]);

  const fanPoints = useMemo<FanPoints | null>(
    () =>
      fan
        ? {
            bands: FAN_BANDS.map((band) => years.map((year, i) => ({ year, low: valueAt(fan[band.low], i), high: valueAt(fan[band.high], i) }))),
            median: years.map((year, i) => ({ year, value: valueAt(fan.p50, i) })),
          }
        : null,
    [fan, years],
  );

  const ghostLines = useMemo<GhostLine[]>(() => {
    const first = years[0] ?? 0;
    const last = years[years.length - 1] ?? 0;
    return ghosts.map((ghost, g) => {
      const ghostYears = ghost.years ?? years;
      const ghostPoints: YearValue[] = [];
      ghostYears.forEach((year, i) => {
        if (year >= first && year <= last) ghostPoints.push({ year, value: valueAt(ghost.values, i) });
      });
      return { id: ghost.id, label: ghost.label, color: ghost.color ?? ghostColor(g), dash: ghostDash(g), points: ghostPoints };
    });
  }, [ghosts, years]);

  // The y domain holds 0 and everything drawn: the line, the fan, the ghosts and every claim.
  const yExtent = useMemo<[number, number]>(() => {
    let min = 0;
    let max = Number.NEGATIVE_INFINITY;
    const include = (v: number) => {
      if (!Number.isFinite(v)) return;
      if (v < min) min = v;
      if (v > max) max = v;
    };
    for (const p of points) include(p.value);
    if (fanPoints) for (const band of fanPoints.bands) for (const p of band) { include(p.low); include(p.high); }
    for (const ghost of ghostLines) for (const p of ghost.points) include(p.value);
    for (const m of visibleMarkers) include(m.value);
    if (!(max > min)) max = min + 1;
    return [min, max];
  }, [points, fanPoints, ghostLines, visibleMarkers]);

  const yTickLabels = useCallback(
    (ticks: readonly number[]) => valueTickLabels(ticks, { formatTick, unit, formatValue }),
    [formatTick, unit, formatValue],
  );
  // The type, chosen here once: the plot is laid out in it, and the marks grow with it.
  const fontSize = fontSizeOverride ?? chartFontSize(width);
  const marks = markScale(fontSize);
  const plot = usePlotLayout({
    width,
    height,
    years,
    yExtent,
    yTickLabels,
    fontSize,
    extraRight: CLAIM_GLYPH_RADIUS * marks + 12,
    xPadding: X_PADDING,
  });
  const { margin, innerWidth, innerHeight, yScale, xScale, invertX } = plot;

  const paths = useMemo(() => {
    const x = (d: { year: number }) => xScale(getYear(d));
    const y = (d: YearValue) => yScale(getValue(d));
    return {
      line: line<YearValue>({ x, y, defined: hasValue })(points) ?? '',
      fanBands: fanPoints
        ? fanPoints.bands.map((band) => area<YearRange>({ x, y0: (d) => yScale(d.low), y1: (d) => yScale(d.high), defined: hasRange })(band) ?? '')
        : [],
      median: fanPoints ? (line<YearValue>({ x, y, defined: hasValue })(fanPoints.median) ?? '') : '',
      ghosts: ghostLines.map((ghost) => line<YearValue>({ x, y, defined: hasValue })(ghost.points) ?? ''),
    };
  }, [points, fanPoints, ghostLines, xScale, yScale]);

  const summary = useMemo(() => {
    const head = unit ? `${title}, ${unit}` : title;
    // The line may start late or end early (NaN gaps, e.g. a scenario drawn on a longer run of years
    // than its own): summarise it from its first to its last drawn point.
    const drawn = points.filter(hasValue);
    const start = drawn[0];
    const end = drawn[drawn.length - 1];
    if (start === undefined || end === undefined) return `${head}: no data`;
    let text = `${head}, ${start.year} to ${end.year}: from ${formatValue(start.value)} to ${formatValue(end.value)}`;
    const interval = fanPoints?.bands[1]?.[points.indexOf(end)];
    if (interval && hasRange(interval)) text += `; ${INTERVAL_80_LABEL} interval in ${end.year}: ${formatRange(interval.low, interval.high)}`;
    if (visibleMarkers.length > 0) {
      const count = (status: ClaimMarker['status']) => visibleMarkers.filter((m) => m.status === status).length;
      const parts = [`${count('met')} met`, `${count('missed')} missed`];
      const unchecked = count('notCheckable');
      if (unchecked > 0) parts.push(`${unchecked} not checkable`);
      text += `; claims: ${parts.join(', ')}`;
    }
    return text;
  }, [points, title, unit, formatValue, formatRange, fanPoints, visibleMarkers]);

  const yearCursor = useYearCursor({ years, invertX, plotLeft: margin.left });
  const { cursor } = yearCursor;

  const hovered = cursor ? points[cursor.index] : undefined;
  const hoveredClaims = hovered ? visibleMarkers.filter((m) => m.year === hovered.year) : EMPTY_MARKERS;
  const lineTransition = transitionStyle(animate, 'd');
  const pointTransition = transitionStyle(animate, 'cx, cy');
  const markerTransition = transitionStyle(animate, 'transform');
  const hoveredInterval = cursor ? fanPoints?.bands[1]?.[cursor.index] : undefined;
  const showLegend = fanPoints !== null || ghostLines.length > 0 || visibleMarkers.length > 0;
  const hasData = points.length > 0;
  // Thirty years on a narrow panel: smaller points, so they do not merge into a bead string.
  const pointRadius = (innerWidth / Math.max(1, years.length - 1) < 18 * marks ? 2.5 : POINT_RADIUS) * marks;

  return (
    <div className="total-chart" style={{ position: 'relative', width, fontSize }}>
      <PlotFrame plot={plot} width={width} height={height} summary={summary} testId="total-chart" hasData={hasData} yearCursor={yearCursor}>
        {yExtent[0] < 0 && (
          <line x1={0} x2={innerWidth} y1={yScale(0)} y2={yScale(0)} stroke={CHART_INK.axis} strokeWidth={1} />
        )}
        <PlotAxes plot={plot} />
        {!hasData && <NoForecastNote plot={plot} />}
        {/* Pointer events bubble here from everything drawn, so claims keep their native titles. */}
        <PointerOverlay plot={plot} yearCursor={yearCursor}>
          {hovered && (
            <line
              x1={xScale(hovered.year)}
              x2={xScale(hovered.year)}
              y1={0}
              y2={innerHeight}
              stroke={CHART_INK.cursor}
              strokeWidth={1}
              strokeDasharray="3 3"
              pointerEvents="none"
            />
          )}
          {/* The fan, outermost band first so the inner ones lie on top; no transition, whatever `animate` says. */}
          {fanPoints && (
            <g data-testid="total-fan" pointerEvents="none">
              {FAN_BANDS.map((band, b) => (
                <path key={band.label} d={paths.fanBands[b]} data-fan-band={band.label} fill={FAN_INK.bands[b]} stroke="none" />
              ))}
              <path
                d={paths.median}
                data-testid="total-median"
                fill="none"
                stroke={FAN_INK.median}
                strokeWidth={MEDIAN_WIDTH * marks}
                strokeDasharray={scaledDash(FAN_INK.medianDash, marks)}
                strokeLinecap="round"
                strokeLinejoin="round"
              />
            </g>
          )}
          {ghostLines.map((ghost, g) => (
            <path
              key={ghost.id}
              d={paths.ghosts[g]}
              data-ghost-id={ghost.id}
              fill="none"
              stroke={ghost.color}
              strokeWidth={GHOST_WIDTH * marks}
              strokeDasharray={scaledDash(ghost.dash, marks)}
              strokeLinejoin="round"
              pointerEvents="none"
              style={lineTransition}
            />
          ))}
          <path
            d={paths.line}
            data-testid="total-line"
            fill="none"
            stroke={CHART_INK.forecast}
            strokeWidth={LINE_WIDTH * marks}
            strokeLinejoin="round"
            strokeLinecap="round"
            style={lineTransition}
          />
          {points.map((p) =>
            Number.isFinite(p.value) ? (
              <circle
                key={p.year}
                className="total-point"
                data-year={p.year}
                cx={xScale(p.year)}
                cy={yScale(p.value)}
                r={hovered?.year === p.year ? pointRadius + 1.5 * marks : pointRadius}
                fill={CHART_INK.background}
                stroke={CHART_INK.forecast}
                strokeWidth={2 * marks}
                style={pointTransition}
              />
            ) : null,
          )}
          {visibleMarkers.map((m) => (
            <ClaimMarkerGlyph
              key={m.id}
              marker={m}
              x={xScale(m.year)}
              y={yScale(m.value)}
              scale={marks}
              title={describeClaim(m, formatValue)}
              style={markerTransition}
            />
          ))}
        </PointerOverlay>
      </PlotFrame>

      {showLegend && (
        <ChartLegend>
          <li style={legendItemStyle}>
            <LineSwatch color={CHART_INK.forecast} />
            {title}
          </li>
          {fanPoints && (
            <>
              {FAN_BANDS.map((band, b) => (
                <li key={band.label} style={legendItemStyle}>
                  <svg {...SWATCH_SIZE} aria-hidden="true">
                    <rect width={22} height={12} rx={2} fill={FAN_INK.bands[b]} />
                  </svg>
                  {band.label}
                </li>
              ))}
              <li style={legendItemStyle}>
                <LineSwatch color={FAN_INK.median} dash={FAN_INK.medianDash} width={MEDIAN_WIDTH} />
                Median
              </li>
            </>
          )}
          {ghostLines.map((ghost) => (
            <li key={ghost.id} style={legendItemStyle}>
              <LineSwatch color={ghost.color} dash={ghost.dash} width={GHOST_WIDTH} />
              {ghost.label}
            </li>
          ))}
          {visibleMarkers.length > 0 && <ClaimKey markers={visibleMarkers} />}
        </ChartLegend>
      )}

      {cursor && hovered && (
        <YearTooltip
          yearIndex={cursor.index}
          left={margin.left + xScale(hovered.year)}
          top={margin.top + (Number.isFinite(hovered.value) ? yScale(hovered.value) : innerHeight / 2)}
          chartWidth={width}
        >
          <div style={{ fontWeight: 600, marginBottom: 2 }}>{formatYear(hovered.year)}</div>
          <TooltipRow label={title} value={formatValue(hovered.value)} strong />
          {hoveredInterval && hasRange(hoveredInterval) && (
            <TooltipRow label={INTERVAL_80_LABEL} value={formatRange(hoveredInterval.low, hoveredInterval.high)} />
          )}
          {ghostLines.map((ghost) => {
            const match = ghost.points.find((p) => p.year === hovered.year);
            return match ? <TooltipRow key={ghost.id} label={ghost.label} value={formatValue(match.value)} color={ghost.color} /> : null;
          })}
          {hoveredClaims.map((m) => (
            <div key={m.id} data-claim-id={m.id} style={{ marginTop: 4, color: STATUS_COLORS[m.status] }}>
              {m.label}: {claimOpSymbol(m.op)} {formatValue(m.value)} — <strong>{claimStatusText(m.status)}</strong>
              {m.odds !== undefined && <div style={{ color: CHART_INK.text }}>{m.odds}</div>}
            </div>
          ))}
        </YearTooltip>
      )}

      {/* Keyboard users hear the year they moved to; pointer hovering stays silent. */}
      <div aria-live="polite" style={VISUALLY_HIDDEN}>
        {cursor?.source === 'keyboard' && hovered
          ? [
              `${formatYear(hovered.year)}: ${formatValue(hovered.value)}`,
              ...(hoveredInterval && hasRange(hoveredInterval) ? [`${INTERVAL_80_LABEL} interval ${formatRange(hoveredInterval.low, hoveredInterval.high)}`] : []),
              ...hoveredClaims.map((m) => describeClaim(m, formatValue))].join('. ')
          : ''}
      </div>
    </div>
  );
}

const legendItemStyle = { display: 'inline-flex', alignItems: 'center', gap: 6 } as const;

/** A legend key's box: 22 × 12, growing with the legend's type (`legendKeyLength`). */
const SWATCH_SIZE = { width: legendKeyLength(22), height: legendKeyLength(12), viewBox: '0 0 22 12' } as const;

function LineSwatch({ color, dash, width = LINE_WIDTH }: { color: string; dash?: string; width?: number }) {
  return (
    <svg {...SWATCH_SIZE} aria-hidden="true">
      <line x1={1} x2={21} y1={6} y2={6} stroke={color} strokeWidth={width} strokeDasharray={dash} strokeLinecap="round" />
    </svg>
  );
}

const OP_WORDS: Record<ClaimMarker['op'], string> = { approx: 'about', atLeast: 'at least', atMost: 'at most' };
const KEY_ORDER = {
  ops: ['approx', 'atLeast', 'atMost'] as const,
  statuses: ['met', 'missed', 'notCheckable'] as const,
};

/** How to read the claim glyphs — only the shapes and statuses this chart actually shows. */
function ClaimKey({ markers }: { markers: readonly ClaimMarker[] }) {
  const ops = KEY_ORDER.ops.filter((op) => markers.some((m) => m.op === op));
  const statuses = KEY_ORDER.statuses.filter((status) => markers.some((m) => m.status === status));
  return (
    <>
      {ops.map((op) => (
        <li key={op} style={legendItemStyle}>
          <KeyGlyph marker={{ id: op, label: '', year: 0, value: 0, op, status: 'met' }} shapeOnly />
          {OP_WORDS[op]}
        </li>
      ))}
      {statuses.map((status) => (
        <li key={status} style={legendItemStyle}>
          <KeyGlyph marker={{ id: status, label: '', year: 0, value: 0, op: 'approx', status }} />
          {claimStatusText(status)}
        </li>
      ))}
    </>
  );
}

function KeyGlyph({ marker, shapeOnly }: { marker: ClaimMarker; shapeOnly?: boolean }) {
  // The arrow glyphs reach further up or down than the diamond: centre the claimed value accordingly.
  const y = marker.op === 'atLeast' ? 15 : marker.op === 'atMost' ? 5 : 9;
  const width = shapeOnly ? 18 : 30;
  return (
    <svg width={legendKeyLength(width)} height={legendKeyLength(20)} viewBox={`0 0 ${width} 20`} aria-hidden="true" style={{ overflow: 'visible' }}>
      <ClaimMarkerGlyph marker={marker} x={9} y={y} shapeOnly={shapeOnly} />
    </svg>
  );
}

function TooltipRow({ label, value, color, strong }: { label: string; value: string; color?: string; strong?: boolean }) {
  return (
    <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', gap: 16 }}>
      <span style={{ color: color ?? CHART_INK.text }}>{label}</span>
      <span style={{ fontWeight: strong ? 600 : 400, fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>{value}</span>
    </div>
  );
}

/** The total chart sized to its container's width; `height` fixes the plot height, `aspect` sets height ÷ width. */
export function TotalChart({ height, aspect, ...props }: TotalChartProps & { height?: number; aspect?: number }) {
  return (
    <ResponsiveChart height={height} aspect={aspect}>
      {(size) => <TotalChartPlot {...props} width={size.width} height={size.height} />}
    </ResponsiveChart>
  );
}
