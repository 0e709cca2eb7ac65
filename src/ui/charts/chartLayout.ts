/**
 * Layout arithmetic shared by the forecast charts: type size, margins, tick choice and the
 * year under the pointer. Pure functions, cheap enough to run on every slider frame.
 */
import type { CSSProperties } from 'react';
import { scaleLinear } from '@visx/scale';
import { CHART_INK } from './chartPalette';

export interface ChartMargin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Reads a value from a plain or typed array; holes and out-of-range reads are NaN. */
export function valueAt(values: ArrayLike<number> | undefined, index: number): number {
  if (!values) return Number.NaN;
  const value = values[index];
  return typeof value === 'number' ? value : Number.NaN;
}

/**
 * 12 px on a narrow panel, 14 px on a projector-wide chart, and on the charts of a 4K screen (the
 * page's type grows there too, styles.css) 16–18 px, so they read like the text around them.
 */
export function chartFontSize(width: number): number {
  if (width < 640) return 12;
  if (width < 1000) return 13;
  if (width < 1400) return 14;
  if (width < 2000) return 16;
  return 18;
}

/** The type a chart's marks are sized for: up to it, lines, points and claim glyphs keep their plain sizes. */
const MARKS_FONT_SIZE = 14;

/**
 * How much a chart's marks — line widths, points, claim glyphs — grow with its type: 1 up to
 * 14 px, then in step with the type, so that the large type of a projector or a 4K screen (present
 * mode sizes it to the room) is not drawn beside hairlines and pinpricks. The legends' keys are
 * sized in em, and follow the type by themselves.
 */
export function markScale(fontSize: number): number {
  return Math.max(1, fontSize / MARKS_FONT_SIZE);
}

/** A legend key's length drawn `px` long at the marks' plain type, in em: the key then grows with its legend's type, as the marks do. */
export function legendKeyLength(px: number): string {
  return `${px / MARKS_FONT_SIZE}em`;
}

/**
 * Width of a label in px, estimated from character classes. The metrics are those of a wide
 * sans-serif (DejaVu Sans, Linux's usual fallback, whose digits are 0.64 em against Arial's
 * 0.56), so the estimate errs on the wide side whatever font the page ends up with. Measuring
 * real text would need the DOM and a layout pass on every frame; over-estimating only costs a
 * few pixels of margin.
 */
export function estimateTextWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const char of text) {
    if (' .,:;\'|!iIlj()[]'.includes(char)) ems += 0.34;
    else if ('%MWmw@—'.includes(char)) ems += 1;
    else if (char >= 'A' && char <= 'Z') ems += 0.72;
    else ems += 0.64;
  }
  return ems * fontSize;
}

/** About one y tick per 40 px of plot height, kept within 4–8 so labels never crowd. */
export function yTickCount(innerHeight: number): number {
  return Math.max(4, Math.min(8, Math.floor(innerHeight / 40)));
}

const MAX_Y_TICKS = 8;
const MIN_Y_TICKS = 4;

/**
 * A linear y scale whose domain is extended to round numbers, with its ticks. d3's tick count is
 * only a hint: asking for 8 over [0, 1] gives 11 ticks, and "nicing" [0, 24.7] for 8 ticks
 * overshoots to [0, 30]. So try the counts up to the one the height allows and keep the tightest
 * domain whose ticks stay within 4–8 (ties: more ticks). The domain is niced with the same count
 * as the ticks, so the top gridline is always a labelled tick.
 */
export function niceYAxis(extent: readonly [number, number], innerHeight: number) {
  const wanted = yTickCount(innerHeight);
  let best: { scale: ReturnType<typeof scaleLinear<number>>; ticks: number[]; span: number } | null = null;
  for (let count = wanted; count >= 2; count -= 1) {
    const scale = scaleLinear<number>({ domain: [extent[0], extent[1]], range: [innerHeight, 0], nice: count });
    const ticks = scale.ticks(count);
    const [low = 0, high = 0] = scale.domain();
    const span = high - low;
    const fits = ticks.length <= MAX_Y_TICKS && ticks.length >= Math.min(MIN_Y_TICKS, wanted);
    if (fits && (!best || span < best.span - 1e-9)) best = { scale, ticks, span };
  }
  if (best) return { scale: best.scale, ticks: best.ticks };
  const scale = scaleLinear<number>({ domain: [extent[0], extent[1]], range: [innerHeight, 0], nice: true });
  return { scale, ticks: scale.ticks(MIN_Y_TICKS) };
}

/**
 * Margins that fit the widest y tick label and half a year label at either end of the x axis,
 * so nothing is clipped at any width. `extraRight` leaves room for glyphs drawn right of the last
 * year (claim status badges).
 */
export function chartMargin(yTickLabels: readonly string[], fontSize: number, extraRight = 0): ChartMargin {
  let widest = 0;
  for (const label of yTickLabels) widest = Math.max(widest, estimateTextWidth(label, fontSize));
  const halfYearLabel = estimateTextWidth('2000', fontSize) / 2;
  return {
    top: Math.round(fontSize + 4),
    right: Math.round(Math.max(halfYearLabel + 6, extraRight)),
    bottom: Math.round(fontSize * 1.5 + 16),
    left: Math.round(Math.max(halfYearLabel + 6, widest + 14)),
  };
}

/** The x domain of a run of years; a single year gets half a year either side. */
export function yearDomain(years: readonly number[]): [number, number] {
  const first = years[0];
  const last = years[years.length - 1];
  if (first === undefined || last === undefined) return [0, 1];
  if (first === last) return [first - 0.5, last + 0.5];
  return [first, last];
}

/**
 * The years to label on the x axis: all of them when they fit, otherwise every k-th year,
 * always keeping the last one (the end year is what a strategist looks for).
 */
export function yearTicks(years: readonly number[], innerWidth: number, fontSize: number): number[] {
  if (years.length === 0) return [];
  const slot = estimateTextWidth('2000', fontSize) + 16;
  const fit = Math.max(2, Math.floor(innerWidth / slot));
  const step = Math.max(1, Math.ceil(years.length / fit));
  if (step === 1) return [...years];
  const last = years.length - 1;
  const ticks: number[] = [];
  // Count back from the end so the end year is always labelled.
  for (let i = last; i >= 0; i -= step) ticks.push(years[i] ?? 0);
  return ticks.reverse();
}

/** Index of the year nearest to `year` (years ascending); -1 when there are none. */
export function nearestYearIndex(years: readonly number[], year: number): number {
  if (years.length === 0 || !Number.isFinite(year)) return years.length - 1;
  let best = 0;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (let i = 0; i < years.length; i += 1) {
    const distance = Math.abs((years[i] ?? 0) - year);
    if (distance < bestDistance) {
      best = i;
      bestDistance = distance;
    }
  }
  return best;
}

/** Years are labels, not quantities: 2025, never "2,025". */
export function formatYear(year: number): string {
  return String(Math.round(year));
}

/** Tick label text props (for @visx/axis) at a given type size. */
export function tickLabelStyle(fontSize: number) {
  return { fill: CHART_INK.text, fontSize, fontFamily: 'inherit' } as const;
}

/** Hidden from sight but read by screen readers (live announcements of the focused year). */
export const VISUALLY_HIDDEN: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
};

const TOOLTIP_STYLE: CSSProperties = {
  position: 'absolute',
  pointerEvents: 'none',
  background: CHART_INK.background,
  color: CHART_INK.strongText,
  border: '1px solid #D1D5DB',
  borderRadius: 6,
  boxShadow: '0 4px 12px rgba(17, 24, 39, 0.12)',
  padding: '8px 10px',
  fontSize: 13,
  lineHeight: 1.4,
  zIndex: 1,
};

const tooltipStyles = new Map<number, CSSProperties>();
/**
 * The tooltip's style for a chart `width` px wide. TooltipWithBounds flips the tooltip to the
 * side of the pointer where it fits, but never shrinks or clamps it: capping its width at half
 * the chart guarantees that one side always fits. Long lines (claims) wrap instead.
 */
export function tooltipStyle(width: number): CSSProperties {
  const maxWidth = Math.max(160, Math.min(340, Math.floor(width / 2) - 18));
  let style = tooltipStyles.get(maxWidth);
  if (!style) {
    style = { ...TOOLTIP_STYLE, maxWidth, width: 'max-content' };
    tooltipStyles.set(maxWidth, style);
  }
  return style;
}

let reducedMotion: boolean | undefined;
/** Read once: the setting rarely changes mid-session, and matchMedia per frame is not free. */
function prefersReducedMotion(): boolean {
  if (reducedMotion === undefined) {
    reducedMotion = typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  }
  return reducedMotion;
}

const transitions = new Map<string, CSSProperties>();
/**
 * A CSS transition on SVG geometry (`d`, `cx`, `cy`, `transform`) for presentation mode. The
 * browser interpolates the geometry itself: no JavaScript runs per animation frame, so a slider
 * dragged at 60 Hz costs no more than without it. Off when the user asks for less motion.
 */
export function transitionStyle(animate: boolean | undefined, properties: string): CSSProperties | undefined {
  if (!animate || prefersReducedMotion()) return undefined;
  let style = transitions.get(properties);
  if (!style) {
    style = { transition: properties.split(',').map((p) => `${p.trim()} 220ms ease-out`).join(', ') };
    transitions.set(properties, style);
  }
  return style;
}
