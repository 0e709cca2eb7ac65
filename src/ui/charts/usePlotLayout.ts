/**
 * The geometry both forecast charts lay their plot out with: the type size, the y axis (round
 * ticks over the values drawn, and their labels), the margins (the left one fits the widest
 * label), the plot area inside them, and the years along x with their ticks. Each part is
 * recomputed only when what it depends on changes: it runs on every slider frame.
 */
import { useMemo } from 'react';
import { scaleLinear } from '@visx/scale';
import { chartFontSize, chartMargin, niceYAxis, yearDomain, yearTicks } from './chartLayout';

export interface PlotLayoutOptions {
  width: number;
  /** Height of the plot's SVG. */
  height: number;
  years: readonly number[];
  /** The lowest and highest value drawn: the y axis holds both. */
  yExtent: readonly [number, number];
  /** The y ticks' labels, all at once (an axis writes its ticks alike, src/ui/charts/tickLabels.ts); keep it the same function between renders, or the axis is laid out again. */
  yTickLabels: (ticks: readonly number[]) => string[];
  /** Text size in px; by default 12–14 px by width. */
  fontSize?: number | undefined;
  /** Room right of the plot for what is drawn past the last year (claim glyphs). */
  extraRight?: number;
  /** Keeps the first and last years this far in from the plot's edges (px). */
  xPadding?: number;
}

export function usePlotLayout({ width, height, years, yExtent, yTickLabels, fontSize: fontSizeOverride, extraRight = 0, xPadding = 0 }: PlotLayoutOptions) {
  const fontSize = fontSizeOverride ?? chartFontSize(width);
  // Top and bottom margins depend only on the type size; the left one on the tick labels.
  const vertical = chartMargin([], fontSize);
  const innerHeight = Math.max(0, height - vertical.top - vertical.bottom);

  const [low, high] = yExtent;
  const yAxis = useMemo(() => {
    const { scale, ticks } = niceYAxis([low, high], innerHeight);
    return { scale, ticks, labels: yTickLabels(ticks) };
  }, [low, high, innerHeight, yTickLabels]);

  const margin = useMemo(() => chartMargin(yAxis.labels, fontSize, extraRight), [yAxis.labels, fontSize, extraRight]);
  const innerWidth = Math.max(0, width - margin.left - margin.right);

  const xScale = useMemo(
    () => scaleLinear<number>({ domain: yearDomain(years), range: [xPadding, Math.max(xPadding, innerWidth - xPadding)] }),
    [years, innerWidth, xPadding],
  );
  const xTicks = useMemo(() => yearTicks(years, innerWidth - 2 * xPadding, fontSize), [years, innerWidth, xPadding, fontSize]);
  const invertX = useMemo(() => (x: number) => xScale.invert(x), [xScale]);

  return { fontSize, margin, innerWidth, innerHeight, yScale: yAxis.scale, yTicks: yAxis.ticks, yLabels: yAxis.labels, xScale, xTicks, invertX };
}

export type PlotLayout = ReturnType<typeof usePlotLayout>;
