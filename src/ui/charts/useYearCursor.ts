/**
 * The hovered or focused year of a chart, kept in the chart's own tooltip state (never in the
 * store: hover is UI state that must not re-render anything else).
 *
 * Only the year's index is stored, not the numbers: the tooltip reads the current props when it
 * renders, so it keeps following the data while a slider moves under a resting pointer.
 */
import { useCallback } from 'react';
import type { KeyboardEvent, PointerEvent } from 'react';
import { useTooltip } from '@visx/tooltip';
import { localPoint } from '@visx/event';
import { nearestYearIndex } from './chartLayout';

export interface YearCursor {
  index: number;
  /** The series under the pointer (stacked chart), if any. */
  seriesKey?: string;
  /** Keyboard moves are announced to screen readers; pointer moves are not (too chatty). */
  source: 'pointer' | 'keyboard';
}

export interface YearCursorOptions {
  years: readonly number[];
  /** Converts an x position inside the plot (px) to a year. */
  invertX: (x: number) => number;
  /** Left edge of the plot inside the SVG (the left margin). */
  plotLeft: number;
}

export function useYearCursor({ years, invertX, plotLeft }: YearCursorOptions) {
  const { tooltipOpen, tooltipData, showTooltip, hideTooltip } = useTooltip<YearCursor>();

  const onPointerMove = useCallback(
    (event: PointerEvent<SVGElement>) => {
      const point = localPoint(event);
      if (!point || years.length === 0) return;
      const index = nearestYearIndex(years, invertX(point.x - plotLeft));
      const target = event.target instanceof Element ? event.target : null;
      const seriesKey = target?.getAttribute('data-series-key') ?? undefined;
      showTooltip({ tooltipData: { index, seriesKey, source: 'pointer' } });
    },
    [years, invertX, plotLeft, showTooltip],
  );

  const show = useCallback(
    (index: number, source: YearCursor['source']) => {
      if (years.length === 0) return;
      const clamped = Math.max(0, Math.min(years.length - 1, index));
      showTooltip({ tooltipData: { index: clamped, source } });
    },
    [years.length, showTooltip],
  );

  // Arrow keys walk the years, Home/End jump to the ends: the tooltip is reachable without a mouse.
  const onKeyDown = useCallback(
    (event: KeyboardEvent<SVGElement>) => {
      const current = tooltipOpen && tooltipData ? tooltipData.index : years.length - 1;
      let next: number | null = null;
      if (event.key === 'ArrowRight' || event.key === 'ArrowUp') next = current + 1;
      else if (event.key === 'ArrowLeft' || event.key === 'ArrowDown') next = current - 1;
      else if (event.key === 'Home') next = 0;
      else if (event.key === 'End') next = years.length - 1;
      else if (event.key === 'Escape') {
        hideTooltip();
        return;
      }
      if (next === null) return;
      event.preventDefault();
      show(next, 'keyboard');
    },
    [tooltipOpen, tooltipData, years.length, show, hideTooltip],
  );

  // A click also focuses the chart: keep the pointer's year then, start at the end year otherwise.
  const onFocus = useCallback(() => {
    if (!tooltipOpen) show(years.length - 1, 'keyboard');
  }, [tooltipOpen, show, years.length]);

  // The data may have shrunk (fewer years) since the cursor was set: clamp, or drop it.
  const cursor =
    tooltipOpen && tooltipData && years.length > 0
      ? { ...tooltipData, index: Math.min(tooltipData.index, years.length - 1) }
      : null;

  // A tap on a touch screen sends no pointermove, and its pointerleave follows at once: show on
  // pointerdown and keep the tooltip until the chart loses focus (a tap elsewhere).
  const onPointerLeave = useCallback(
    (event: PointerEvent<SVGElement>) => {
      if (event.pointerType !== 'touch') hideTooltip();
    },
    [hideTooltip],
  );

  return { cursor, onPointerMove, onPointerDown: onPointerMove, onPointerLeave, onKeyDown, onFocus, onBlur: hideTooltip };
}
