/**
 * A chart's SVG copied so that it renders the same outside the page: every style that matters
 * (fill, stroke, fonts, opacity…) is read from the computed style and written on the copy as a
 * presentation attribute, and nothing unsafe (`sanitizeSvg.ts`) is copied at all.
 */
import { isSafeAttribute, isSafeElement } from './sanitizeSvg';
import { SVG_NS } from './svgDom';

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

/** A copied <svg>'s own size and place: the target it is copied into keeps its own. */
const PLACEMENT_ATTRIBUTES = new Set(['width', 'height', 'x', 'y', 'viewbox', 'xmlns', 'xmlns:xlink', 'version']);

/** Styled values of the inherited properties, by property. */
export type StyleValues = Partial<Record<(typeof INHERITED_PROPERTIES)[number], string>>;

/** The element's computed style; undefined where the engine has none to give. */
export function computedStyleOf(element: Element): CSSStyleDeclaration | undefined {
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
  if (!isSafeElement(source)) return null;
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

/**
 * Copies the content of the <svg> `source` into `target` (an <svg> of the exported picture), with
 * its styles written on: the target takes the source's styles and children, but keeps its own size
 * and place (width, height, x, y, viewBox). A source that may not be copied adds nothing.
 */
export function copyStyledInto(target: Element, source: Element): void {
  const copy = copyElement(source, target.ownerDocument, undefined, computedStyleHonoursAttributes(source.ownerDocument));
  if (!copy) return;
  for (const attribute of [...copy.attributes]) {
    if (!PLACEMENT_ATTRIBUTES.has(attribute.name.toLowerCase())) target.setAttribute(attribute.name, attribute.value);
  }
  for (const child of [...copy.childNodes]) target.append(child);
}

/** The styled values at `element` itself, for the root of a copied subtree. */
export function rootStyles(element: Element): StyleValues {
  const style = computedStyleOf(element);
  const values: StyleValues = {};
  if (!style) return values;
  for (const property of INHERITED_PROPERTIES) {
    const value = style.getPropertyValue(property).trim();
    if (value !== '') values[property] = value;
  }
  return values;
}
