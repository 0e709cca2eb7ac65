/**
 * The frame both forecast charts draw their years in: the SVG (an image named by the chart's
 * summary, focusable for the year cursor once there is data) with the plot area inside the margins
 * and its value gridlines, the axes, the note on an empty chart, the overlay that takes the
 * pointer, and the tooltip of the year under the cursor. What goes inside is each chart's own.
 */
import type { ReactNode } from 'react';
import { AxisBottom, AxisLeft } from '@visx/axis';
import { GridRows } from '@visx/grid';
import { Group } from '@visx/group';
import { TooltipWithBounds } from '@visx/tooltip';
import { CHART_INK } from './chartPalette';
import { formatYear, tickLabelStyle, tooltipStyle, type ChartMargin, type niceYAxis } from './chartLayout';
import type { useYearCursor } from './useYearCursor';

type LinearScale = ReturnType<typeof niceYAxis>['scale'];
type YearCursorControls = ReturnType<typeof useYearCursor>;

export interface PlotFrameProps {
  width: number;
  height: number;
  /** The chart in words: the SVG's accessible name. */
  summary: string;
  testId: string;
  /** The chart's mode, when it has one (`data-mode`). */
  mode?: string;
  margin: ChartMargin;
  innerWidth: number;
  yScale: LinearScale;
  yTicks: number[];
  /** Without data the SVG takes no keyboard focus: there are no years to walk. */
  hasData: boolean;
  yearCursor: YearCursorControls;
  /** Drawn in the plot area, over the gridlines. */
  children: ReactNode;
}

export function PlotFrame({ width, height, summary, testId, mode, margin, innerWidth, yScale, yTicks, hasData, yearCursor, children }: PlotFrameProps) {
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
      <Group left={margin.left} top={margin.top}>
        <GridRows scale={yScale} width={innerWidth} tickValues={yTicks} stroke={CHART_INK.grid} strokeWidth={1} />
        {children}
      </Group>
    </svg>
  );
}

export interface PlotAxesProps {
  yScale: LinearScale;
  yTicks: number[];
  /** One label per y tick. */
  yLabels: string[];
  xScale: LinearScale;
  xTicks: number[];
  innerHeight: number;
  fontSize: number;
}

/** Values on the left, labels only (the gridlines carry them across); years along the bottom. */
export function PlotAxes({ yScale, yTicks, yLabels, xScale, xTicks, innerHeight, fontSize }: PlotAxesProps) {
  return (
    <>
      <AxisLeft
        scale={yScale}
        tickValues={yTicks}
        tickFormat={(_, i) => yLabels[i]}
        hideAxisLine
        hideTicks
        // Hidden ticks still push their labels out by tickLength: set it to 0 so the margin holds.
        tickLength={0}
        tickLabelProps={{ ...tickLabelStyle(fontSize), dx: -6, dy: '0.33em' }}
      />
      <AxisBottom
        top={innerHeight}
        scale={xScale}
        tickValues={xTicks}
        tickFormat={(v) => formatYear(Number(v))}
        stroke={CHART_INK.axis}
        tickStroke={CHART_INK.axis}
        tickLength={5}
        tickLabelProps={{ ...tickLabelStyle(fontSize), dy: '0.5em' }}
      />
    </>
  );
}

/** What an empty chart says, in the middle of its plot area. */
export function NoForecastNote({ innerWidth, innerHeight }: { innerWidth: number; innerHeight: number }) {
  return (
    <text x={innerWidth / 2} y={innerHeight / 2} textAnchor="middle" fill={CHART_INK.text}>
      No forecast to show
    </text>
  );
}

/**
 * The plot area as one target for the pointer (an invisible rect under everything drawn): moves,
 * taps and leaving drive the year cursor. Pointer events bubble here from what `children` draw.
 */
export function PointerOverlay({ innerWidth, innerHeight, yearCursor, children }: { innerWidth: number; innerHeight: number; yearCursor: YearCursorControls; children: ReactNode }) {
  return (
    <g onPointerMove={yearCursor.onPointerMove} onPointerDown={yearCursor.onPointerDown} onPointerLeave={yearCursor.onPointerLeave}>
      <rect data-testid="chart-overlay" width={innerWidth} height={innerHeight} fill="transparent" />
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
