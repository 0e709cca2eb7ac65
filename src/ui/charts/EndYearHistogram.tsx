/**
 * The end year's distribution of the simulated total: the bars of the histogram, the 80% interval
 * (p10–p90) marked by a bracket labelled with its numbers, and the median and the deterministic
 * forecast marked by lines. Props in, SVG out; the legend under it says each mark in words, with
 * its value, so the chart reads without the picture too.
 *
 * `EndYearHistogramPlot` draws at a given size (tests render it); `EndYearHistogram` measures its
 * container.
 */
import { useMemo } from 'react';
import { AxisBottom } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleLinear } from '@visx/scale';
import type { Histogram } from '../../engine/simulationSummary';
import { ChartLegend } from './ChartLegend';
import { CHART_INK, FAN_INK } from './chartPalette';
import { chartFontSize, estimateTextWidth, tickLabelStyle } from './chartLayout';
import { ResponsiveChart } from './ResponsiveChart';
import { valueTickLabels } from './tickLabels';
import { INTERVAL_80_LABEL } from './TotalChart';

export interface EndYearHistogramProps {
  histogram: Histogram;
  /** The 10th, 50th and 90th percentiles of the same values. */
  p10: number;
  p50: number;
  p90: number;
  /** The deterministic forecast of the same year. */
  forecast: number;
  year: number;
  /** Samples the histogram counts. */
  samples: number;
  /** A value for people, e.g. "$24.5 B". */
  formatValue: (value: number) => string;
  /** A range for people, e.g. "$21.3 B – $27.9 B". */
  formatRange: (low: number, high: number) => string;
  /** An axis label; defaults to `formatValue`. */
  formatTick?: (value: number) => string;
  /** What the values are, e.g. "Total market". */
  title?: string;
  /** The model unit, e.g. "USD bn". */
  unit?: string;
  fontSize?: number;
}

export interface EndYearHistogramPlotProps extends EndYearHistogramProps {
  width: number;
  height: number;
}

interface Bar {
  x0: number;
  x1: number;
  count: number;
}

const SAMPLES_FORMAT = new Intl.NumberFormat(undefined);
const BAR_GAP = 1;

export function EndYearHistogramPlot({
  width,
  height,
  histogram,
  p10,
  p50,
  p90,
  forecast,
  year,
  samples,
  formatValue,
  formatRange,
  formatTick,
  title = 'Total market',
  unit,
  fontSize: fontSizeOverride,
}: EndYearHistogramPlotProps) {
  const fontSize = fontSizeOverride ?? chartFontSize(width);
  const bars = useMemo<Bar[]>(() => {
    const { low, high, counts } = histogram;
    if (!Number.isFinite(low) || !Number.isFinite(high)) return [];
    const step = (high - low) / counts.length;
    // All values equal: one bar of a visible width around them.
    if (step === 0) return [{ x0: low - Math.abs(low) * 0.01 - 1e-9, x1: high + Math.abs(high) * 0.01 + 1e-9, count: counts[0] ?? 0 }];
    return Array.from(counts, (count, i) => ({ x0: low + i * step, x1: low + (i + 1) * step, count }));
  }, [histogram]);

  const hasData = bars.length > 0;
  const interval = Number.isFinite(p10) && Number.isFinite(p90);
  const intervalText = interval ? formatRange(p10, p90) : '';
  const intervalLabel = `${INTERVAL_80_LABEL}: ${intervalText}`;

  const domain = useMemo<[number, number]>(() => {
    let min = Infinity;
    let max = -Infinity;
    for (const v of [bars[0]?.x0, bars[bars.length - 1]?.x1, p10, p90, forecast, p50]) {
      if (v === undefined || !Number.isFinite(v)) continue;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return max > min ? [min, max] : [0, 1];
  }, [bars, p10, p90, p50, forecast]);

  // The bracket and its label sit above the bars, the axis below. Tick labels are centred on their
  // ticks, so the sides leave half the widest; ticks stand far enough apart for their labels.
  const tickWidth = useMemo(() => {
    const labels = valueTickLabels(scaleLinear<number>({ domain }).ticks(6), { formatTick, unit, formatValue });
    return Math.max(0, ...labels.map((label) => estimateTextWidth(label, fontSize)));
  }, [domain, formatTick, unit, formatValue, fontSize]);
  const sideMargin = Math.ceil(tickWidth / 2) + 2;
  const margin = { top: Math.round(fontSize * 2.4), right: sideMargin, bottom: Math.round(fontSize * 2.2), left: sideMargin };
  const innerWidth = Math.max(0, width - margin.left - margin.right);
  const innerHeight = Math.max(0, height - margin.top - margin.bottom);
  const xScale = useMemo(() => scaleLinear<number>({ domain, range: [0, innerWidth] }), [domain, innerWidth]);
  const ticks = useMemo(() => xScale.ticks(Math.max(2, Math.min(8, Math.floor(innerWidth / (tickWidth + 24))))), [xScale, tickWidth, innerWidth]);
  const tickLabels = useMemo(() => valueTickLabels(ticks, { formatTick, unit, formatValue }), [ticks, formatTick, unit, formatValue]);

  const maxCount = useMemo(() => bars.reduce((m, b) => Math.max(m, b.count), 0), [bars]);
  const yScale = useMemo(() => scaleLinear<number>({ domain: [0, Math.max(1, maxCount)], range: [innerHeight, 0] }), [maxCount, innerHeight]);

  const head = `${title} in ${year}${unit ? `, ${unit}` : ''}`;
  const summary = hasData
    ? `${head}, distribution of ${SAMPLES_FORMAT.format(samples)} samples: ${INTERVAL_80_LABEL} interval ${intervalText}; median ${formatValue(p50)}; forecast ${formatValue(forecast)}`
    : `${head}: no samples yet`;

  // The bracket's label stays inside the chart however near an edge the interval lies.
  const bracketLeft = xScale(p10);
  const bracketRight = xScale(p90);
  const labelWidth = estimateTextWidth(intervalLabel, fontSize);
  const labelCentre = Math.min(Math.max((bracketLeft + bracketRight) / 2, labelWidth / 2 - margin.left), innerWidth + margin.right - labelWidth / 2);
  const bracketY = -Math.round(fontSize * 0.5);

  return (
    <div className="end-year-histogram" style={{ position: 'relative', width, fontSize }}>
      <svg width={width} height={height} role="img" aria-label={summary} data-testid="end-year-histogram" style={{ display: 'block', overflow: 'visible' }}>
        <Group left={margin.left} top={margin.top}>
          {interval && (
            <rect
              data-testid="histogram-interval"
              x={bracketLeft}
              y={bracketY}
              width={Math.max(0, bracketRight - bracketLeft)}
              height={innerHeight - bracketY}
              fill={FAN_INK.bands[0]}
            />
          )}
          {bars.map((bar, i) => {
            const x = xScale(bar.x0);
            const w = Math.max(1, xScale(bar.x1) - x - BAR_GAP);
            const y = yScale(bar.count);
            return (
              <rect
                key={i}
                className="histogram-bar"
                data-count={bar.count}
                x={x}
                y={y}
                width={w}
                height={Math.max(0, innerHeight - y)}
                fill={FAN_INK.bands[2]}
              />
            );
          })}
          {interval && (
            <g data-testid="histogram-bracket" stroke={CHART_INK.strongText} strokeWidth={1.5} fill="none">
              <path d={`M${bracketLeft},${bracketY + 6} V${bracketY} H${bracketRight} V${bracketY + 6}`} />
              <text
                x={labelCentre}
                y={bracketY - 6}
                textAnchor="middle"
                fill={CHART_INK.strongText}
                stroke="none"
                fontSize={fontSize}
                fontWeight={600}
                style={{ fontVariantNumeric: 'tabular-nums' }}
              >
                {intervalLabel}
              </text>
            </g>
          )}
          {Number.isFinite(p50) && (
            <line
              data-testid="histogram-median"
              x1={xScale(p50)}
              x2={xScale(p50)}
              y1={bracketY}
              y2={innerHeight}
              stroke={FAN_INK.median}
              strokeWidth={2}
              strokeDasharray={FAN_INK.medianDash}
              strokeLinecap="round"
            />
          )}
          {Number.isFinite(forecast) && (
            <line
              data-testid="histogram-forecast"
              x1={xScale(forecast)}
              x2={xScale(forecast)}
              y1={bracketY}
              y2={innerHeight}
              stroke={CHART_INK.forecast}
              strokeWidth={2.25}
            />
          )}
          <AxisBottom
            top={innerHeight}
            scale={xScale}
            tickValues={ticks}
            tickFormat={(_, i) => tickLabels[i] ?? ''}
            stroke={CHART_INK.axis}
            tickStroke={CHART_INK.axis}
            tickLength={5}
            tickLabelProps={{ ...tickLabelStyle(fontSize), dy: '0.5em' }}
          />
        </Group>
      </svg>
      <ChartLegend>
        <li style={legendItemStyle}>
          <svg width={22} height={12} aria-hidden="true">
            <rect width={22} height={12} rx={2} fill={FAN_INK.bands[0]} stroke={CHART_INK.strongText} strokeWidth={1} />
          </svg>
          <span data-testid="histogram-interval-text">
            {INTERVAL_80_LABEL} interval {intervalText}
          </span>
        </li>
        <li style={legendItemStyle}>
          <LineSwatch color={FAN_INK.median} dash={FAN_INK.medianDash} width={2} />
          Median {formatValue(p50)}
        </li>
        <li style={legendItemStyle}>
          <LineSwatch color={CHART_INK.forecast} />
          Forecast {formatValue(forecast)}
        </li>
        <li style={legendItemStyle}>
          <svg width={12} height={12} aria-hidden="true">
            <rect width={12} height={12} fill={FAN_INK.bands[2]} />
          </svg>
          {SAMPLES_FORMAT.format(samples)} samples
        </li>
      </ChartLegend>
    </div>
  );
}

const legendItemStyle = { display: 'inline-flex', alignItems: 'center', gap: 6, fontVariantNumeric: 'tabular-nums' } as const;

/** A key to one of the plot's vertical lines, drawn as the plot draws it. */
function LineSwatch({ color, dash, width = 2.25 }: { color: string; dash?: string; width?: number }) {
  return (
    <svg width={12} height={14} aria-hidden="true">
      <line x1={6} x2={6} y1={2} y2={12} stroke={color} strokeWidth={width} strokeDasharray={dash} strokeLinecap="round" />
    </svg>
  );
}

/** The histogram sized to its container's width. */
export function EndYearHistogram({ height, aspect, ...props }: EndYearHistogramProps & { height?: number; aspect?: number }) {
  return (
    <ResponsiveChart height={height} aspect={aspect ?? 0.22} minHeight={150} maxHeight={280}>
      {(size) => <EndYearHistogramPlot {...props} width={size.width} height={size.height} />}
    </ResponsiveChart>
  );
}
