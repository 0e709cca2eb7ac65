/** The forecast charts: pure, props-driven components (see each file for its props). */
export { TotalChart, TotalChartPlot } from './TotalChart';
export type { ClaimMarker, ClaimOp, ClaimStatus, TotalChartGhost, TotalChartPlotProps, TotalChartProps } from './TotalChart';
export { StackedAreaChart, StackedAreaChartPlot } from './StackedAreaChart';
export type { StackedAreaChartPlotProps, StackedAreaChartProps, StackedAreaMode, StackedSeries } from './StackedAreaChart';
export { CHART_INK, FAN_INK, GHOST_COLORS, SERIES_PALETTE, STATUS_COLORS, seriesColor } from './chartPalette';
