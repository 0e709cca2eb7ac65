/**
 * The frame both forecast charts draw their years in, laid out by `usePlotLayout`: the SVG (an
 * image named by the chart's summary, focusable for the year cursor once there is data) with the
 * plot area inside the margins and its value gridlines, the axes, the note on an empty chart, the
 * overlay that takes the pointer, and the tooltip of the year under the cursor. What goes inside
 * is each chart's own.
 */
import type { ReactNode } from 'react';
import { AxisBottom, AxisLeft } from '@visx/axis';
import { GridRows } from '@visx/grid';
import { Group } from '@visx/group';
import { TooltipWithBounds } from '@visx/tooltip';
import { CHART_INK } from './chartPalette';
import { formatYear, tickLabelStyle, tooltipStyle } from './chartLayout';
import type { PlotLayout } from './usePlotLayout';
import type { useYearCursor } from './useYearCursor';

type YearCursorControls = ReturnType<typeof useYearCursor>;

export interface PlotFrameProps {
  plot: PlotLayout;
  width: number;
  height: number;
  /** The chart in words: the SVG's accessible name. */
  summary: string;
  testId: string;
  /** The chart's mode, when it has one (`data-mode`). */
  mode?: string;
  /** Without data the SVG takes no keyboard focus: there are no years to walk. */
  hasData: boolean;
  yearCursor: YearCursorControls;
  /** Drawn in the plot area, over the gridlines. */
  children: ReactNode;
}

export function PlotFrame({ plot, width, height, summary, testId, mode, hasData, yearCursor, children }: PlotFrameProps) {
  return (
    <svg
      width={width}
      height={height}
      role="img"
      aria-label={summary}
      data-testid={testId}
      data-mode={mode}
      tabIndex={hasData ? 0 : undefined}
      onKeyDown={yearCursor.onKeyDown}
      onFocus={yearCursor.onFocus}
      onBlur={yearCursor.onBlur}
      style={{ display: 'block', overflow: 'visible' }}
    >
      <Group left={plot.margin.left} top={plot.margin.top}>
        <GridRows scale={plot.yScale} width={plot.innerWidth} tickValues={plot.yTicks} stroke={CHART_INK.grid} strokeWidth={1} />
        {children}
      </Group>
    </svg>
  );
}

/** Values on the left, labels only (the gridlines carry them across); years along the bottom. */
export function PlotAxes({ plot }: { plot: PlotLayout }) {
  return (
    <>
      <AxisLeft
        scale={plot.yScale}
        tickValues={plot.yTicks}
        tickFormat={(_, i) => plot.yLabels[i]}
        hideAxisLine
        hideTicks
        // Hidden ticks still push their labels out by tickLength: set it to 0 so the margin holds.
        tickLength={0}
        tickLabelProps={{ ...tickLabelStyle(plot.fontSize), dx: -6, dy: '0.33em' }}
      />
      <AxisBottom
        top={plot.innerHeight}
        scale={plot.xScale}
        tickValues={plot.xTicks}
        tickFormat={(v) => formatYear(Number(v))}
        stroke={CHART_INK.axis}
        tickStroke={CHART_INK.axis}
        tickLength={5}
        tickLabelProps={{ ...tickLabelStyle(plot.fontSize), dy: '0.5em' }}
      />
    </>
  );
}

/** What an empty chart says, in the middle of its plot area. */
export function NoForecastNote({ plot }: { plot: PlotLayout }) {
  return (
    <text x={plot.innerWidth / 2} y={plot.innerHeight / 2} textAnchor="middle" fill={CHART_INK.text}>
      No forecast to show
    </text>
  );
}

/**
 * The plot area as one target for the pointer (an invisible rect under everything drawn): moves,
 * taps and leaving drive the year cursor. Pointer events bubble here from what `children` draw.
 */
export function PointerOverlay({ plot, yearCursor, children }: { plot: PlotLayout; yearCursor: YearCursorControls; children: ReactNode }) {
  return (
    <g onPointerMove={yearCursor.onPointerMove} onPointerDown={yearCursor.onPointerDown} onPointerLeave={yearCursor.onPointerLeave}>
      <rect data-testid="chart-overlay" width={plot.innerWidth} height={plot.innerHeight} fill="transparent" />
      {children}
    </g>
  );
}

export interface YearTooltipProps {
  /** The year's index: a new year has new content. */
  yearIndex: number;
  /** Where it points, in px from the chart's top left corner. */
  left: number;
  top: number;
  /** The chart's width, which bounds the tooltip's. */
  chartWidth: number;
  children: ReactNode;
}

export function YearTooltip({ yearIndex, left, top, chartWidth, children }: YearTooltipProps) {
  return (
    <TooltipWithBounds
      // TooltipWithBounds measures itself once, on mount: a new year has new content, so remount.
      key={yearIndex}
      data-testid="chart-tooltip"
      left={left}
      top={top}
      offsetLeft={14}
      offsetTop={14}
      style={tooltipStyle(chartWidth)}
    >
      {children}
    </TooltipWithBounds>
  );
}
