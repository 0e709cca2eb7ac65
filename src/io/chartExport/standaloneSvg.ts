/**
 * A chart on screen as a standalone SVG file: a white background, a title (and a subtitle), the
 * chart copied with its styles made explicit (`copySvgWithStyles.ts`), and its legend below it
 * (`chartLegend.ts`), swept for anything that could run or reach out (`sanitizeSvg.ts`).
 */
import { drawLegend, type LegendEntry } from './chartLegend';
import { copyStyledInto, rootStyles } from './copySvgWithStyles';
import type { ExportResult } from './exportResult';
import { errorText } from '../../model/errorText';
import { sanitizeSvgTree } from './sanitizeSvg';
import { SVG_NS, XLINK_NS, XMLNS_NS, lengthAttribute, svgElement } from './svgDom';

/** The media type of an SVG file. */
export const SVG_FILE_TYPE = 'image/svg+xml';

export interface ChartExportOptions {
  /** Drawn above the chart, and the file's `<title>`. */
  title: string;
  /** A smaller second line, e.g. "Workspace · scenario". */
  subtitle?: string;
  /** Drawn below the chart, wrapped to its width. */
  legend?: readonly LegendEntry[];
  /** Default white: a PNG pasted on a dark slide must not turn transparent. */
  background?: string;
}

/** Standalone SVG text and the size it is drawn at, in CSS px. */
export interface StandaloneSvg {
  text: string;
  width: number;
  height: number;
}

/** The picture's background: the options' own, else white. */
export function exportBackground(options: ChartExportOptions): string {
  return options.background ?? '#ffffff';
}

/** A title when the caller gives none: the chart's own accessible name. */
export function defaultExportOptions(svg: SVGSVGElement): ChartExportOptions {
  return { title: svg.getAttribute('aria-label')?.split(':')[0]?.trim() || 'Chart' };
}

/** The chart's size in CSS px: its width/height attributes, else its box on screen. */
export function chartSize(svg: SVGSVGElement): { width: number; height: number } {
  let width = lengthAttribute(svg, 'width');
  let height = lengthAttribute(svg, 'height');
  if (!(width > 0) || !(height > 0)) {
    const box = svg.getBoundingClientRect();
    width = box.width;
    height = box.height;
  }
  return { width: Math.round(width), height: Math.round(height) };
}

const TITLE_SIZE = 15;
const SUBTITLE_SIZE = 12;
const PAD = 10;
const INK = '#1F2937';
const MUTED_INK = '#4B5563';
const FALLBACK_FONT = "'Liberation Sans', 'Helvetica Neue', Arial, sans-serif";

function buildStandalone(svg: SVGSVGElement, options: ChartExportOptions): ExportResult<StandaloneSvg> {
  const { width, height } = chartSize(svg);
  if (!(width > 0) || !(height > 0)) {
    return { ok: false, reason: 'notOnScreen', message: 'The chart is not drawn at the moment (is its panel hidden?), so there is nothing to export.' };
  }
  const doc = svg.ownerDocument;
  const chartStyles = rootStyles(svg);
  const fontFamily = chartStyles['font-family'] || FALLBACK_FONT;
  const baseFontSize = Number.parseFloat(chartStyles['font-size'] ?? '') || 13;

  const root = svgElement(doc, 'svg');
  root.setAttributeNS(XMLNS_NS, 'xmlns', SVG_NS);
  root.setAttributeNS(XMLNS_NS, 'xmlns:xlink', XLINK_NS);
  root.setAttribute('version', '1.1');
  root.setAttribute('font-family', fontFamily);

  const title = svgElement(doc, 'title');
  title.textContent = options.subtitle ? `${options.title} — ${options.subtitle}` : options.title;
  root.append(title);

  const background = svgElement(doc, 'rect', { x: 0, y: 0, width: '100%', height: '100%', fill: exportBackground(options), stroke: 'none' });
  root.append(background);

  let y = PAD;
  const heading = svgElement(doc, 'text', { x: PAD, y: y + TITLE_SIZE, 'font-size': `${TITLE_SIZE}px`, 'font-weight': 700, fill: INK });
  heading.textContent = options.title;
  root.append(heading);
  y += Math.round(TITLE_SIZE * 1.35);
  if (options.subtitle) {
    const subtitle = svgElement(doc, 'text', { x: PAD, y: y + SUBTITLE_SIZE, 'font-size': `${SUBTITLE_SIZE}px`, fill: MUTED_INK });
    subtitle.textContent = options.subtitle;
    root.append(subtitle);
    y += Math.round(SUBTITLE_SIZE * 1.4);
  }
  y += 8;

  // The chart itself, its styles made explicit, in a nested <svg> at its own size.
  const chart = svgElement(doc, 'svg', { x: 0, y, width, height, viewBox: `0 0 ${width} ${height}` });
  copyStyledInto(chart, svg);
  chart.setAttribute('overflow', 'visible');
  root.append(chart);
  y += height;

  const legendList = options.legend ?? [];
  if (legendList.length > 0) {
    y += 8;
    const { group, height: legendHeight } = drawLegend(doc, legendList, { width, inset: PAD, fontSize: baseFontSize, fontFamily, color: MUTED_INK });
    group.setAttribute('transform', `translate(0,${y})`);
    group.setAttribute('class', 'legend');
    root.append(group);
    y += legendHeight;
  }
  y += PAD;

  const totalHeight = Math.ceil(y);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(totalHeight));
  root.setAttribute('viewBox', `0 0 ${width} ${totalHeight}`);
  sanitizeSvgTree(root);

  const serializer = new XMLSerializer();
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${serializer.serializeToString(root)}\n`;
  return { ok: true, value: { text, width, height: totalHeight } };
}

/** The chart as a standalone SVG file (text, size). */
export function chartToSvg(svg: SVGSVGElement, options: ChartExportOptions): ExportResult<StandaloneSvg> {
  try {
    return buildStandalone(svg, options);
  } catch (error) {
    return { ok: false, reason: 'failed', message: `The chart could not be turned into an SVG file (${errorText(error)}).` };
  }
}

/** The chart as the text of a standalone SVG file. */
export function chartToSvgText(svg: SVGSVGElement, options: ChartExportOptions): ExportResult<string> {
  const result = chartToSvg(svg, options);
  return result.ok ? { ok: true, value: result.value.text } : result;
}
