/**
 * The legend under a chart, in one home: both forecast charts draw it with `ChartLegend`, and the
 * chart export finds it from the chart's SVG with `findChartLegend`, so the two can never drift
 * apart (a renamed label or a changed element would otherwise lose the legend from exports
 * silently). Long legends (a dimension of 12 or more members) wrap onto more lines.
 */
import type { CSSProperties, ReactNode } from 'react';
import { CHART_INK } from './chartPalette';

/** The list's accessible name. */
export const CHART_LEGEND_LABEL = 'Legend';
/** What marks the list as a chart's legend, whatever its label says. */
const LEGEND_ATTRIBUTE = 'data-chart-legend';

const LEGEND_STYLE: CSSProperties = {
  display: 'flex',
  flexWrap: 'wrap',
  alignItems: 'center',
  gap: '4px 16px',
  margin: '6px 0 0',
  padding: 0,
  listStyle: 'none',
  color: CHART_INK.text,
  lineHeight: 1.4,
  minWidth: 0,
  overflowWrap: 'anywhere',
};

/** The legend's list; its items are the chart's own. */
export function ChartLegend({ children }: { children: ReactNode }) {
  return (
    <ul style={LEGEND_STYLE} aria-label={CHART_LEGEND_LABEL} {...{ [LEGEND_ATTRIBUTE]: '' }}>
      {children}
    </ul>
  );
}

/** The legend drawn with a chart, from the chart's SVG (its sibling); null when it has none. */
export function findChartLegend(svg: Element): HTMLUListElement | null {
  const parent = svg.parentElement;
  if (!parent) return null;
  for (const child of parent.children) {
    if (child instanceof HTMLUListElement && child.hasAttribute(LEGEND_ATTRIBUTE)) return child;
  }
  return null;
}
