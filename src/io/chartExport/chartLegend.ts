/**
 * A chart's legend in the exported picture: read from the chart's HTML legend on the page
 * (`readLegend`), then drawn in SVG below the chart, wrapped to its width (`drawLegend`).
 */
import { computedStyleOf, copyStyledInto } from './copySvgWithStyles';
import { lengthAttribute, svgElement } from './svgDom';
import { cleanText } from '../../model/names';

/** One row of the legend: a colour swatch or a copy of the chart's own legend glyph, then a label. */
export interface LegendEntry {
  label: string;
  /** A filled square of this colour… */
  color?: string;
  /** …or a small drawing, copied with its computed styles (the line or claim glyph of the legend). */
  glyph?: SVGSVGElement;
}

function visibleText(node: Node): string {
  if (node.nodeType === 3) return node.textContent ?? '';
  if (node.nodeType !== 1) return '';
  const element = node as Element;
  if (element.getAttribute('aria-hidden') === 'true' || element.localName === 'svg') return '';
  return [...element.childNodes].map(visibleText).join('');
}

/**
 * The entries of a chart's legend list (src/ui/charts/ChartLegend.tsx, beside the SVG): each
 * item's text (decorations marked aria-hidden left out) with its glyph SVG or the colour of its
 * swatch.
 */
export function readLegend(list: Element | null | undefined): LegendEntry[] {
  if (!list) return [];
  const entries: LegendEntry[] = [];
  for (const item of list.querySelectorAll('li')) {
    const label = cleanText(visibleText(item));
    const glyph = item.querySelector('svg');
    if (glyph instanceof SVGSVGElement) {
      entries.push({ label, glyph });
      continue;
    }
    const swatch = item.querySelector<HTMLElement>('[aria-hidden="true"]');
    const color = swatch ? swatch.style.backgroundColor || computedStyleOf(swatch)?.getPropertyValue('background-color') || undefined : undefined;
    entries.push(color ? { label, color } : { label });
  }
  return entries;
}

/** The width of a text drawn at this size and weight, in px. */
export type MeasureText = (text: string, fontSize: number, fontWeight: string) => number;

/** Measures with the real font where the browser can (OffscreenCanvas); elsewhere (tests) estimates. */
export function textMeasurer(fontFamily: string): MeasureText {
  if (typeof OffscreenCanvas === 'function') {
    try {
      const context = new OffscreenCanvas(1, 1).getContext('2d');
      if (context) {
        return (text, fontSize, fontWeight) => {
          context.font = `${fontWeight} ${fontSize}px ${fontFamily}`;
          return context.measureText(text).width;
        };
      }
    } catch {
      // fall through to the estimate
    }
  }
  return (text, fontSize, fontWeight) => text.length * fontSize * (Number(fontWeight) >= 600 || fontWeight === 'bold' ? 0.62 : 0.58);
}

export interface LegendStyle {
  /** The picture's width: entries wrap to a new row before they pass it. */
  width: number;
  /** Blank space kept at the left and right edges. */
  inset: number;
  fontSize: number;
  fontFamily: string;
  /** The labels' colour. */
  color: string;
  /** Default: `textMeasurer(fontFamily)`. */
  measure?: MeasureText;
}

/** The legend drawn in SVG from y = 0 down, and how tall it came out (0 for no entries). */
export interface DrawnLegend {
  group: SVGGElement;
  height: number;
}

/**
 * The legend as an SVG group: entries left to right, each a swatch (or the copied glyph) and its
 * label, wrapping to a new row where the next would pass the right edge.
 */
export function drawLegend(doc: Document, entries: readonly LegendEntry[], { width, inset, fontSize, fontFamily, color, measure = textMeasurer(fontFamily) }: LegendStyle): DrawnLegend {
  const group = svgElement(doc, 'g', { 'font-size': `${fontSize}px`, fill: color });
  const rowHeight = Math.max(20, Math.round(fontSize * 1.6));
  const gapAfterGlyph = 6;
  const gapBetween = 16;
  let x = inset;
  let row = 0;
  for (const entry of entries) {
    // A key sized in em on the page (src/ui/charts/TotalChart.tsx) is drawn at the picture's type.
    const glyphWidth = entry.glyph ? lengthAttribute(entry.glyph, 'width', fontSize) || 20 : 12;
    const glyphHeight = entry.glyph ? lengthAttribute(entry.glyph, 'height', fontSize) || 12 : 12;
    const textWidth = measure(entry.label, fontSize, '400');
    const itemWidth = glyphWidth + (entry.label ? gapAfterGlyph + textWidth : 0);
    if (x > inset && x + itemWidth > width - inset) {
      x = inset;
      row += 1;
    }
    const middle = row * rowHeight + rowHeight / 2;
    if (entry.glyph) {
      const nested = svgElement(doc, 'svg', { x, y: middle - glyphHeight / 2, width: glyphWidth, height: glyphHeight, overflow: 'visible' });
      const viewBox = entry.glyph.getAttribute('viewBox');
      if (viewBox) nested.setAttribute('viewBox', viewBox);
      copyStyledInto(nested, entry.glyph);
      nested.setAttribute('overflow', 'visible');
      group.append(nested);
    } else if (entry.color) {
      group.append(svgElement(doc, 'rect', { x, y: middle - 6, width: 12, height: 12, rx: 2, fill: entry.color, stroke: 'none' }));
    }
    if (entry.label) {
      const text = svgElement(doc, 'text', { x: x + glyphWidth + gapAfterGlyph, y: middle, dy: '0.35em', 'font-family': fontFamily });
      text.textContent = entry.label;
      group.append(text);
    }
    x += itemWidth + gapBetween;
  }
  return { group, height: entries.length > 0 ? (row + 1) * rowHeight : 0 };
}
