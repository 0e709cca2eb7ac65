/**
 * A chart on screen as a file: a standalone SVG, a PNG at twice its size, or an image on the
 * clipboard.
 *
 * The standalone SVG renders the same outside the page: the chart is cloned, every style that
 * matters (fill, stroke, fonts, opacity…) is copied from the computed style onto the clone as
 * presentation attributes, and a white background, a title and the chart's legend (HTML on
 * screen) are drawn in SVG. Anything that could run or reach out — scripts, event attributes,
 * animation, foreign HTML, links outside the file — is dropped, whatever the source held.
 *
 * Nothing here throws to its caller: every function returns a tagged result whose `message` can be
 * shown to a person as it is.
 */

export const SVG_NS = 'http://www.w3.org/2000/svg';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
const XLINK_NS = 'http://www.w3.org/1999/xlink';

export type ExportFailure = 'notOnScreen' | 'unsupported' | 'denied' | 'failed';

export type ExportResult<T> = { ok: true; value: T } | { ok: false; reason: ExportFailure; message: string };

/** One row of the legend: a colour swatch or a copy of the chart's own legend glyph, then a label. */
export interface LegendEntry {
  label: string;
  /** A filled square of this colour… */
  color?: string;
  /** …or a small drawing, copied with its computed styles (the line or claim glyph of the legend). */
  glyph?: SVGSVGElement;
}

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

// ---------------------------------------------------------------------------------------------
// Styles → presentation attributes

/** Inherited properties: written where they differ from the parent's value. */
const INHERITED_PROPERTIES = [
  'fill',
  'fill-opacity',
  'fill-rule',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-miterlimit',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'letter-spacing',
  'text-anchor',
  'dominant-baseline',
  'paint-order',
  'visibility',
] as const;

/** Not inherited: written when they are not the initial value. */
const OWN_PROPERTIES: Readonly<Record<string, string>> = { opacity: '1' };

/** Elements that establish a viewport, and so clip their content unless `overflow` says not to. */
const VIEWPORT_ELEMENTS = new Set(['svg', 'symbol', 'marker', 'pattern']);

/** Elements that never belong in an exported picture. */
const DROPPED_ELEMENTS = new Set([
  'script',
  'foreignobject',
  'iframe',
  'object',
  'embed',
  'handler',
  'listener',
  'animate',
  'animatemotion',
  'animatetransform',
  'animatecolor',
  'set',
  'discard',
  'audio',
  'video',
  'canvas',
  'style',
]);

/** Attributes that only make sense on the live page. */
const DROPPED_ATTRIBUTES = new Set(['style', 'tabindex', 'focusable', 'contenteditable', 'cursor', 'pointer-events', 'xml:base']);

type StyleValues = Partial<Record<(typeof INHERITED_PROPERTIES)[number], string>>;

function computedStyleOf(element: Element): CSSStyleDeclaration | undefined {
  const view = element.ownerDocument.defaultView;
  if (!view) return undefined;
  try {
    return view.getComputedStyle(element);
  } catch {
    return undefined;
  }
}

const RGBA = /^rgba\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)\s*[,/]\s*([\d.]+%?)\s*\)$/;

/**
 * A computed colour that renders alike everywhere: fully transparent becomes `none`, and a
 * translucent one splits into an opaque colour and an opacity (older SVG renderers ignore rgba).
 */
function splitColor(value: string): { color: string; alpha: number } {
  if (value === 'transparent') return { color: 'none', alpha: 1 };
  const match = RGBA.exec(value);
  if (!match) return { color: value, alpha: 1 };
  const [, r, g, b, a = '1'] = match;
  const alpha = a.endsWith('%') ? Number(a.slice(0, -1)) / 100 : Number(a);
  if (!(alpha > 0)) return { color: 'none', alpha: 1 };
  return { color: `rgb(${r}, ${g}, ${b})`, alpha: Math.min(1, alpha) };
}

const attributeSupport = new WeakMap<Document, boolean>();

/**
 * Whether this engine's computed style reflects SVG presentation attributes (browsers do; jsdom
 * does not). Where it does not, an element's own attributes are kept as they are and computed
 * values only fill in what the element does not say itself.
 */
function computedStyleHonoursAttributes(doc: Document): boolean {
  const known = attributeSupport.get(doc);
  if (known !== undefined) return known;
  let honoured = false;
  try {
    const probe = doc.createElementNS(SVG_NS, 'svg');
    const rect = doc.createElementNS(SVG_NS, 'rect');
    rect.setAttribute('fill', '#010203');
    probe.append(rect);
    (doc.body ?? doc.documentElement).append(probe);
    const fill = computedStyleOf(rect)?.getPropertyValue('fill').trim() ?? '';
    honoured = /^(rgb\(1, 2, 3\)|#010203)$/i.test(fill);
    probe.remove();
  } catch {
    honoured = false;
  }
  attributeSupport.set(doc, honoured);
  return honoured;
}

/**
 * A copy of `source` and everything in it, built element by element (never `cloneNode`: a clone
 * would carry `style` attributes into the page, which its Content-Security-Policy refuses), with
 * computed styles written on as presentation attributes and nothing unsafe copied at all.
 */
function copyElement(source: Element, doc: Document, parent: StyleValues | undefined, attributesInStyle: boolean): Element | null {
  if (source.namespaceURI !== SVG_NS || DROPPED_ELEMENTS.has(source.localName.toLowerCase())) return null;
  const style = computedStyleOf(source);
  // A hidden part (display: none) is not in the picture; the chart itself is always copied.
  if (parent !== undefined && style?.getPropertyValue('display') === 'none') return null;

  const copy = doc.createElementNS(SVG_NS, source.localName);
  for (const attribute of source.attributes) {
    if (isSafeAttribute(attribute)) copy.setAttributeNS(attribute.namespaceURI, attribute.name, attribute.value);
  }

  const own: StyleValues = { ...parent };
  if (style) {
    for (const property of INHERITED_PROPERTIES) {
      if (!attributesInStyle && copy.hasAttribute(property)) {
        own[property] = copy.getAttribute(property) ?? '';
        continue;
      }
      let value = style.getPropertyValue(property).trim();
      if (value === '') continue;
      if (property === 'fill' || property === 'stroke') {
        const { color, alpha } = splitColor(value);
        value = color;
        if (alpha < 1) {
          const opacityProperty = `${property}-opacity` as const;
          const base = Number(style.getPropertyValue(opacityProperty)) || 1;
          copy.setAttribute(opacityProperty, String(base * alpha));
        }
      }
      own[property] = value;
      if (parent === undefined || parent[property] !== value || copy.hasAttribute(property)) copy.setAttribute(property, value);
    }
    for (const [property, initial] of Object.entries(OWN_PROPERTIES)) {
      const value = style.getPropertyValue(property).trim();
      if (value !== '' && value !== initial) copy.setAttribute(property, value);
    }
    // A nested <svg> clips to its box unless told otherwise; text labels (visx wraps each in one)
    // are drawn outside it on purpose, with `overflow: visible` as a style.
    if (VIEWPORT_ELEMENTS.has(source.localName)) {
      const overflow = style.getPropertyValue('overflow').trim().split(/\s+/)[0] ?? '';
      if (overflow !== '') copy.setAttribute('overflow', overflow === 'clip' ? 'hidden' : overflow);
    }
  }

  for (const child of source.childNodes) {
    if (child.nodeType === 3) copy.append(doc.createTextNode(child.textContent ?? ''));
    else if (child.nodeType === 1) {
      const element = copyElement(child as Element, doc, own, attributesInStyle);
      if (element) copy.append(element);
    }
  }
  return copy;
}

/** The styled values at `element` itself, for the root of a copied subtree. */
function rootStyles(element: Element): StyleValues {
  const style = computedStyleOf(element);
  const values: StyleValues = {};
  if (!style) return values;
  for (const property of INHERITED_PROPERTIES) {
    const value = style.getPropertyValue(property).trim();
    if (value !== '') values[property] = value;
  }
  return values;
}

// ---------------------------------------------------------------------------------------------
// Sanitising

function isSafeReference(value: string): boolean {
  // Only references inside the file itself (a gradient, a clip path): `#id`.
  return /^\s*#[^\s]*\s*$/.test(value);
}

/** False for event handlers, live-page attributes, and anything that links or loads outside the file. */
function isSafeAttribute(attribute: Attr): boolean {
  const name = attribute.name.toLowerCase();
  const local = attribute.localName.toLowerCase();
  const value = attribute.value;
  if (name.startsWith('on') || local.startsWith('on') || DROPPED_ATTRIBUTES.has(name)) return false;
  if ((local === 'href' || local === 'src') && !isSafeReference(value)) return false;
  // fill="url(https://…)" and the like would reach out of the file.
  if (/url\(/i.test(value) && !/^\s*url\(\s*['"]?#[^)]*\)\s*$/i.test(value)) return false;
  return true;
}

/** Removes whatever could run, load or link: drops elements and attributes in place. */
export function sanitizeSvgTree(root: Element): void {
  const walk = (element: Element): void => {
    for (const child of [...element.children]) {
      if (child.namespaceURI !== SVG_NS || DROPPED_ELEMENTS.has(child.localName.toLowerCase())) child.remove();
      else walk(child);
    }
    for (const attribute of [...element.attributes]) {
      if (!isSafeAttribute(attribute)) element.removeAttributeNode(attribute);
    }
  };
  walk(root);
}

// ---------------------------------------------------------------------------------------------
// Size and text measuring

function lengthAttribute(element: Element, name: string): number {
  const raw = element.getAttribute(name);
  if (raw === null) return NaN;
  const value = Number.parseFloat(raw);
  return /%/.test(raw) ? NaN : value;
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

type Measure = (text: string, fontSize: number, fontWeight: string) => number;

function textMeasurer(fontFamily: string): Measure {
  // OffscreenCanvas measures with the real font in a browser; elsewhere (tests) estimate.
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

// ---------------------------------------------------------------------------------------------
// Legend, read from the chart's HTML legend

function visibleText(node: Node): string {
  if (node.nodeType === 3) return node.textContent ?? '';
  if (node.nodeType !== 1) return '';
  const element = node as Element;
  if (element.getAttribute('aria-hidden') === 'true' || element.localName === 'svg') return '';
  return [...element.childNodes].map(visibleText).join('');
}

/**
 * The entries of a chart's legend list (`<ul aria-label="Legend">` beside the SVG): each item's
 * text (decorations marked aria-hidden left out) with its glyph SVG or the colour of its swatch.
 */
export function readLegend(list: Element | null | undefined): LegendEntry[] {
  if (!list) return [];
  const entries: LegendEntry[] = [];
  for (const item of list.querySelectorAll('li')) {
    const label = visibleText(item).replace(/\s+/g, ' ').trim();
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

// ---------------------------------------------------------------------------------------------
// Building the standalone SVG

const TITLE_SIZE = 15;
const SUBTITLE_SIZE = 12;
const PAD = 10;
const INK = '#1F2937';
const MUTED_INK = '#4B5563';
const FALLBACK_FONT = "'Liberation Sans', 'Helvetica Neue', Arial, sans-serif";

function svgElement<K extends keyof SVGElementTagNameMap>(doc: Document, name: K, attributes: Record<string, string | number> = {}): SVGElementTagNameMap[K] {
  const element = doc.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  return element;
}

function copyWithStyles(source: Element, doc: Document): Element {
  return copyElement(source, doc, undefined, computedStyleHonoursAttributes(source.ownerDocument)) ?? doc.createElementNS(SVG_NS, 'g');
}

const PLACEMENT_ATTRIBUTES = new Set(['width', 'height', 'x', 'y', 'viewbox', 'xmlns', 'xmlns:xlink', 'version']);

/** Moves a copied <svg>'s content and styles (not its size or place) into `target`. */
function adoptInto(target: Element, copy: Element): void {
  for (const attribute of [...copy.attributes]) {
    if (!PLACEMENT_ATTRIBUTES.has(attribute.name.toLowerCase())) target.setAttribute(attribute.name, attribute.value);
  }
  for (const child of [...copy.childNodes]) target.append(child);
}

interface LegendLayout {
  group: SVGGElement;
  height: number;
}

function layoutLegend(doc: Document, entries: readonly LegendEntry[], width: number, fontSize: number, fontFamily: string, color: string, measure: Measure): LegendLayout {
  const group = svgElement(doc, 'g', { 'font-size': `${fontSize}px`, fill: color });
  const rowHeight = Math.max(20, Math.round(fontSize * 1.6));
  const gapAfterGlyph = 6;
  const gapBetween = 16;
  let x = PAD;
  let row = 0;
  for (const entry of entries) {
    const glyphWidth = entry.glyph ? lengthAttribute(entry.glyph, 'width') || 20 : 12;
    const glyphHeight = entry.glyph ? lengthAttribute(entry.glyph, 'height') || 12 : 12;
    const textWidth = measure(entry.label, fontSize, '400');
    const itemWidth = glyphWidth + (entry.label ? gapAfterGlyph + textWidth : 0);
    if (x > PAD && x + itemWidth > width - PAD) {
      x = PAD;
      row += 1;
    }
    const middle = row * rowHeight + rowHeight / 2;
    if (entry.glyph) {
      const nested = svgElement(doc, 'svg', { x, y: middle - glyphHeight / 2, width: glyphWidth, height: glyphHeight, overflow: 'visible' });
      const viewBox = entry.glyph.getAttribute('viewBox');
      if (viewBox) nested.setAttribute('viewBox', viewBox);
      adoptInto(nested, copyWithStyles(entry.glyph, doc));
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

function buildStandalone(svg: SVGSVGElement, options: ChartExportOptions): ExportResult<StandaloneSvg> {
  const { width, height } = chartSize(svg);
  if (!(width > 0) || !(height > 0)) {
    return { ok: false, reason: 'notOnScreen', message: 'The chart is not drawn at the moment (is its panel hidden?), so there is nothing to export.' };
  }
  const doc = svg.ownerDocument;
  const chartStyles = rootStyles(svg);
  const fontFamily = chartStyles['font-family'] || FALLBACK_FONT;
  const baseFontSize = Number.parseFloat(chartStyles['font-size'] ?? '') || 13;
  const measure = textMeasurer(fontFamily);

  const root = svgElement(doc, 'svg');
  root.setAttributeNS(XMLNS_NS, 'xmlns', SVG_NS);
  root.setAttributeNS(XMLNS_NS, 'xmlns:xlink', XLINK_NS);
  root.setAttribute('version', '1.1');
  root.setAttribute('font-family', fontFamily);

  const title = svgElement(doc, 'title');
  title.textContent = options.subtitle ? `${options.title} — ${options.subtitle}` : options.title;
  root.append(title);

  const background = svgElement(doc, 'rect', { x: 0, y: 0, width: '100%', height: '100%', fill: options.background ?? '#ffffff', stroke: 'none' });
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
  adoptInto(chart, copyWithStyles(svg, doc));
  chart.setAttribute('overflow', 'visible');
  root.append(chart);
  y += height;

  const legendList = options.legend ?? [];
  if (legendList.length > 0) {
    y += 8;
    const { group, height: legendHeight } = layoutLegend(doc, legendList, width, baseFontSize, fontFamily, MUTED_INK, measure);
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
    return { ok: false, reason: 'failed', message: `The chart could not be turned into an SVG file (${describe(error)}).` };
  }
}

/** The chart as the text of a standalone SVG file. */
export function chartToSvgText(svg: SVGSVGElement, options: ChartExportOptions): ExportResult<string> {
  const result = chartToSvg(svg, options);
  return result.ok ? { ok: true, value: result.value.text } : result;
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

// ---------------------------------------------------------------------------------------------
// PNG and clipboard

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.decoding = 'async';
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('the browser could not draw the SVG'));
    image.src = url;
  });
}

function canvasToBlob(canvas: HTMLCanvasElement): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
}

/** The PNG's size in device pixels: the picture's CSS size times `scale`. */
export interface PngExport {
  blob: Blob;
  width: number;
  height: number;
}

/**
 * The chart drawn as a PNG at `scale` times its CSS size (2 by default: sharp on a projector and
 * on high-density screens). The SVG is drawn through an `<img>` from a blob: URL, which the page's
 * Content-Security-Policy allows, then copied onto a canvas.
 */
export async function chartToPng(svg: SVGSVGElement, options: ChartExportOptions, scale = 2): Promise<ExportResult<PngExport>> {
  const standalone = chartToSvg(svg, options);
  if (!standalone.ok) return standalone;
  const { text, width, height } = standalone.value;
  const factor = Number.isFinite(scale) && scale > 0 ? scale : 2;
  let url: string | undefined;
  try {
    url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }));
    const image = await loadImage(url);
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * factor);
    canvas.height = Math.round(height * factor);
    const context = canvas.getContext('2d');
    if (!context) return { ok: false, reason: 'unsupported', message: 'This browser cannot draw pictures here (no canvas), so no PNG was made. Try SVG instead.' };
    context.fillStyle = options.background ?? '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await canvasToBlob(canvas);
    if (!blob) return { ok: false, reason: 'failed', message: 'The browser could not encode the PNG. Try SVG instead.' };
    return { ok: true, value: { blob, width: canvas.width, height: canvas.height } };
  } catch (error) {
    return { ok: false, reason: 'failed', message: `The PNG could not be made (${describe(error)}). Try SVG instead.` };
  } finally {
    if (url) URL.revokeObjectURL(url);
  }
}

/** A title when the caller gives none: the chart's own accessible name. */
function defaultOptions(svg: SVGSVGElement): ChartExportOptions {
  return { title: svg.getAttribute('aria-label')?.split(':')[0]?.trim() || 'Chart' };
}

/** The PNG blob alone (the brief's `chartToPngBlob(svg, scale)`), with the chart's own title. */
export async function chartToPngBlob(svg: SVGSVGElement, scale = 2, options: ChartExportOptions = defaultOptions(svg)): Promise<ExportResult<Blob>> {
  const result = await chartToPng(svg, options, scale);
  return result.ok ? { ok: true, value: result.value.blob } : result;
}

/** Whether this browser lets a page put an image on the clipboard at all. */
export function canCopyImages(): boolean {
  if (typeof navigator === 'undefined' || typeof navigator.clipboard?.write !== 'function') return false;
  if (typeof ClipboardItem !== 'function') return false;
  const supports = (ClipboardItem as unknown as { supports?: (type: string) => boolean }).supports;
  return typeof supports === 'function' ? supports('image/png') : true;
}

const NOT_ALLOWED =
  'This browser does not let web pages copy images to the clipboard. Use “PNG (2×)” and insert the downloaded file instead.';

/**
 * Puts the chart on the clipboard as a PNG where the browser allows it. The clipboard item is
 * created at once with a promise of the picture (Safari only accepts a write started within the
 * click), and the PNG is made while the browser waits for it.
 */
export async function copyChartToClipboard(
  svg: SVGSVGElement,
  options: ChartExportOptions = defaultOptions(svg),
  scale = 2,
): Promise<ExportResult<PngExport>> {
  if (!canCopyImages()) return { ok: false, reason: 'unsupported', message: NOT_ALLOWED };
  let made: PngExport | undefined;
  let failure: ExportResult<PngExport> | undefined;
  const png = chartToPng(svg, options, scale).then((result) => {
    if (result.ok) {
      made = result.value;
      return result.value.blob;
    }
    failure = result;
    throw new Error(result.message);
  });
  // The failure is reported from here; the browser may not wait for the promise at all.
  png.catch(() => undefined);
  try {
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })]);
  } catch (error) {
    if (failure) return failure;
    const name = error instanceof DOMException ? error.name : '';
    if (name === 'NotAllowedError' || name === 'SecurityError') {
      return {
        ok: false,
        reason: 'denied',
        message: 'The browser did not allow copying to the clipboard (permission refused, or the page was not in focus). Use “PNG (2×)” instead.',
      };
    }
    if (name === 'DataError' || name === 'NotSupportedError' || error instanceof TypeError) return { ok: false, reason: 'unsupported', message: NOT_ALLOWED };
    return { ok: false, reason: 'failed', message: `The chart could not be copied (${describe(error)}). Use “PNG (2×)” instead.` };
  }
  if (!made) return failure ?? { ok: false, reason: 'failed', message: 'The chart could not be copied. Use “PNG (2×)” instead.' };
  return { ok: true, value: made };
}
