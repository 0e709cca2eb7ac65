/**
 * What an exported SVG may hold: anything that could run or reach out — scripts, event
 * attributes, animation, foreign HTML, links outside the file — is dropped, whatever the source
 * held. The copy with styles (`copySvgWithStyles.ts`) leaves these out as it copies; the finished
 * picture is swept once more with `sanitizeSvgTree`.
 */
import { SVG_NS } from './svgDom';

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

/** Whether an element may be in the picture at all: SVG, and not one that runs, animates or embeds. */
export function isSafeElement(element: Element): boolean {
  return element.namespaceURI === SVG_NS && !DROPPED_ELEMENTS.has(element.localName.toLowerCase());
}

function isSafeReference(value: string): boolean {
  // Only references inside the file itself (a gradient, a clip path): `#id`.
  return /^\s*#[^\s]*\s*$/.test(value);
}

/** False for event handlers, live-page attributes, and anything that links or loads outside the file. */
export function isSafeAttribute(attribute: Attr): boolean {
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
      if (!isSafeElement(child)) child.remove();
      else walk(child);
    }
    for (const attribute of [...element.attributes]) {
      if (!isSafeAttribute(attribute)) element.removeAttributeNode(attribute);
    }
  };
  walk(root);
}
