/**
 * Realistic chart inputs (the seed market: $17.18 B in 2025 growing 5.2% a year) and helpers to
 * read coordinates back out of the rendered SVG.
 */
import type { ClaimMarker, TotalChartFan } from '../../../src/ui/charts/TotalChart';
import type { StackedSeries } from '../../../src/ui/charts/StackedAreaChart';

export const YEARS: readonly number[] = [2025, 2026, 2027, 2028, 2029, 2030, 2031, 2032];

export function growingTotal(base = 17.18, growth = 0.052): Float64Array {
  return Float64Array.from(YEARS, (_, i) => base * (1 + growth) ** i);
}

/**
 * A fan around `centre` that widens with the years: each percentile is `centre × (1 + z·spread·(1 + t/4))`,
 * with z the standard normal's quantile of the percentile, so the bands nest and grow.
 */
export function fanAround(centre: ArrayLike<number> = growingTotal(), spread = 0.05): TotalChartFan {
  const at = (z: number) => Float64Array.from({ length: centre.length }, (_, t) => (centre[t] ?? NaN) * (1 + z * spread * (1 + t / 4)));
  return { p5: at(-1.645), p10: at(-1.2816), p25: at(-0.6745), p50: at(0), p75: at(0.6745), p90: at(1.2816), p95: at(1.645) };
}

/** Plain enough to assert on: "17.2". */
export const formatValue = (v: number) => v.toFixed(1);

export function claim(overrides: Partial<ClaimMarker> & Pick<ClaimMarker, 'id'>): ClaimMarker {
  return { label: overrides.id, year: 2028, value: 20, op: 'approx', status: 'met', ...overrides };
}

export const REGION_SHARES = [
  ['na', 'North America', 0.4],
  ['eu', 'Europe', 0.3],
  ['apac', 'Asia-Pacific', 0.2],
  ['latam', 'Latin America', 0.06],
  ['mea', 'Middle East & Africa', 0.04],
] as const;

export function regions(total = growingTotal()): StackedSeries[] {
  return REGION_SHARES.map(([key, name, share]) => ({ key, name, values: Float64Array.from(total, (v) => v * share) }));
}

export interface Point {
  x: number;
  y: number;
}

/** The vertices of a path drawn with straight segments (d3's linear curve): M/L x,y pairs. */
export function pathPoints(d: string | null): Point[] {
  const points: Point[] = [];
  for (const match of (d ?? '').matchAll(/[ML]\s*(-?[\d.]+(?:e-?\d+)?)[ ,](-?[\d.]+(?:e-?\d+)?)/g)) {
    points.push({ x: Number(match[1]), y: Number(match[2]) });
  }
  return points;
}

/** The plot's offset inside the SVG: the first group's translate(left, top). */
export function plotOffset(svg: Element): Point {
  const group = svg.querySelector('g[transform]');
  const match = /translate\(\s*(-?[\d.]+)[ ,]+(-?[\d.]+)\s*\)/.exec(group?.getAttribute('transform') ?? '');
  return { x: Number(match?.[1] ?? 0), y: Number(match?.[2] ?? 0) };
}

export function translateOf(element: Element): Point {
  const match = /translate\(\s*(-?[\d.]+)[ ,]+(-?[\d.]+)\s*\)/.exec(element.getAttribute('transform') ?? '');
  return { x: Number(match?.[1] ?? Number.NaN), y: Number(match?.[2] ?? Number.NaN) };
}

/** Text of the y axis tick labels, bottom to top. */
export function yTickLabels(svg: Element): string[] {
  const axis = svg.querySelector('.visx-axis-left');
  return [...(axis?.querySelectorAll('.visx-axis-tick') ?? [])].map((tick) => tick.textContent ?? '');
}
