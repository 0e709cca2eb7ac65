/**
 * Measures the width of the space a chart is given and derives a height from it.
 *
 * Only the width is observed: the height follows from it (or is fixed by the caller), so the
 * chart's own content — legend rows wrapping, a tooltip — can never feed back into its size.
 * (visx's `ParentSize` wraps its children in an absolutely positioned box, which collapses to
 * zero height inside a block of automatic height; `useParentSize` on a normal block does not.)
 */
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { useParentSize } from '@visx/responsive';
import type { ParentSizeState } from '@visx/responsive';

export interface ChartSize {
  width: number;
  height: number;
}

export interface ResponsiveChartProps {
  /**
   * A fixed plot height in px; otherwise `width × aspect`, kept within [minHeight, maxHeight],
   * which grow on a tall screen to a quarter and 40% of its height: on a 4K screen a chart
   * fills its share of the screen instead of staying 1080p-sized in empty space.
   */
  height?: number;
  aspect?: number;
  minHeight?: number;
  maxHeight?: number;
  children: (size: ChartSize) => ReactNode;
}

/** Share of the window's height a chart is given at least, and at most. */
const MIN_SCREEN_SHARE = 0.25;
const MAX_SCREEN_SHARE = 0.4;

/** The window's inner height, followed as it changes (the width is measured on the chart's box). */
function useWindowHeight(): number {
  const [height, setHeight] = useState(() => (typeof window === 'undefined' ? 0 : window.innerHeight));
  useEffect(() => {
    const update = () => setHeight(window.innerHeight);
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }, []);
  return height;
}

// A constant: a new array per render would make useParentSize re-create its ResizeObserver.
const IGNORED_DIMENSIONS: (keyof ParentSizeState)[] = ['height', 'top', 'left'];

export function ResponsiveChart({ height, aspect = 0.42, minHeight = 260, maxHeight = 460, children }: ResponsiveChartProps) {
  const { parentRef, width: measured } = useParentSize({ ignoreDimensions: IGNORED_DIMENSIONS, debounceTime: 100 });
  // A container that is hidden for a moment (display: none, a collapsing panel) measures 0 wide:
  // keep drawing at the last real width instead of unmounting the chart and mounting it again.
  const [lastWidth, setLastWidth] = useState(0);
  if (measured > 0 && measured !== lastWidth) setLastWidth(measured);
  const width = Math.floor(measured > 0 ? measured : lastWidth);
  const windowHeight = useWindowHeight();
  const low = Math.max(minHeight, windowHeight * MIN_SCREEN_SHARE);
  const high = Math.max(maxHeight, low, windowHeight * MAX_SCREEN_SHARE);
  const chartHeight = height ?? Math.round(Math.min(high, Math.max(low, width * aspect)));
  return (
    // minHeight reserves the space before the first measurement, so the page does not jump.
    <div ref={parentRef} style={{ width: '100%', minWidth: 0, minHeight: chartHeight }}>
      {width > 0 ? children({ width, height: chartHeight }) : null}
    </div>
  );
}
