/**
 * A chart that fills the box present mode's grid gives it, whatever the window: the box's height
 * goes to the plot, less what the chart draws beside its plot (its legend, measured once drawn,
 * since it wraps with the width), and the chart's type size follows the box's (the CSS's clamp()),
 * a little smaller.
 * Only the plot's height is set here; the chart measures its own width (ResponsiveChart).
 */
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

export interface FitChartSize {
  /** Height of the plot's SVG. */
  height: number;
  /** The chart's type size in whole pixels: `CHART_TYPE_SCALE` of the box's. */
  fontSize: number;
}

/** Chart text a little smaller than the page's, which is sized for the headline. */
const CHART_TYPE_SCALE = 0.9;

/** Below this a plot says nothing; the layout keeps the boxes taller (tested at 1024×768). */
const MIN_PLOT_HEIGHT = 90;

export function FitChart({ children }: { children: (size: FitChartSize) => ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const [boxHeight, setBoxHeight] = useState(0);
  const [fontSize, setFontSize] = useState(16);
  const [beside, setBeside] = useState(0);
  const plotHeight = Math.max(MIN_PLOT_HEIGHT, Math.floor(boxHeight - beside));
  // The plot height last drawn, for the measurement after it.
  const drawnPlot = useRef(plotHeight);
  useLayoutEffect(() => {
    drawnPlot.current = plotHeight;
  });

  useLayoutEffect(() => {
    const boxElement = box.current;
    const contentElement = content.current;
    if (!boxElement || !contentElement) return;
    const measure = () => {
      setBoxHeight(boxElement.clientHeight);
      setFontSize(Number.parseFloat(getComputedStyle(boxElement).fontSize) || 16);
      // The legend's height depends on the width only: one correction and the size is stable.
      const extra = Math.max(0, contentElement.offsetHeight - drawnPlot.current);
      setBeside((before) => (Math.abs(before - extra) >= 1 ? extra : before));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(boxElement);
    observer.observe(contentElement);
    return () => observer.disconnect();
  }, []);

  return (
    <div className="present-chart" ref={box}>
      <div ref={content}>{boxHeight > 0 && children({ height: plotHeight, fontSize: Math.round(fontSize * CHART_TYPE_SCALE) })}</div>
    </div>
  );
}
