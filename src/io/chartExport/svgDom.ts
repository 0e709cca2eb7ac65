/** The SVG namespaces, and making and measuring SVG elements, for the exported picture. */

export const SVG_NS = 'http://www.w3.org/2000/svg';
export const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
export const XLINK_NS = 'http://www.w3.org/1999/xlink';

/** A new SVG element with these attributes. */
export function svgElement<K extends keyof SVGElementTagNameMap>(doc: Document, name: K, attributes: Record<string, string | number> = {}): SVGElementTagNameMap[K] {
  const element = doc.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  return element;
}

/**
 * A length attribute in px (`width="640"`), or in em (`width="1.57em"`, a legend key sized with its
 * text) at `emSize` px; NaN when it is missing, a percentage, or in em with no `emSize`.
 */
export function lengthAttribute(element: Element, name: string, emSize?: number): number {
  const raw = element.getAttribute(name);
  if (raw === null) return NaN;
  const value = Number.parseFloat(raw);
  if (/%/.test(raw)) return NaN;
  if (/em\s*$/.test(raw)) return emSize === undefined ? NaN : value * emSize;
  return value;
}
