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

/** A length attribute in px (`width="640"`); NaN when it is missing or a percentage. */
export function lengthAttribute(element: Element, name: string): number {
  const raw = element.getAttribute(name);
  if (raw === null) return NaN;
  const value = Number.parseFloat(raw);
  return /%/.test(raw) ? NaN : value;
}
