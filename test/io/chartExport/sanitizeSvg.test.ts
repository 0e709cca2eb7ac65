// @vitest-environment jsdom
/** What an exported SVG may hold: nothing that runs, animates, embeds, or loads or links outside the file. */
import { afterEach, describe, expect, it } from 'vitest';
import { isSafeAttribute, isSafeElement, sanitizeSvgTree } from '../../../src/io/chartExport/sanitizeSvg';
import { clearPage, mount } from './svgFixtures';

afterEach(clearPage);

/** The attribute `name="value"` of a fresh SVG element. */
function attribute(name: string, value: string): Attr {
  const element = mount('<svg><g></g></svg>').querySelector('g')!;
  element.setAttribute(name, value);
  return element.getAttributeNode(name)!;
}

describe('sanitizeSvgTree', () => {
  it('removes every on* attribute at any depth', () => {
    const svg = mount('<svg width="1" height="1" onload="a()"><g><g><circle r="1" onmouseenter="b()" onBegin="c()"></circle></g></g></svg>');
    sanitizeSvgTree(svg);
    for (const element of [svg, ...svg.querySelectorAll('*')]) {
      expect([...element.attributes].filter((a) => /^on/i.test(a.name))).toEqual([]);
    }
  });

  it('removes scripts, animation, foreign HTML and embedded pages, and keeps the drawing', () => {
    const svg = mount(`
      <svg width="10" height="10">
        <script>a()</script><animate attributeName="x"></animate><set attributeName="y"></set>
        <foreignObject><div xmlns="http://www.w3.org/1999/xhtml">html</div></foreignObject>
        <g><path d="M0,0L1,1"></path><style>* { fill: red }</style></g>
      </svg>`);
    sanitizeSvgTree(svg);
    expect([...svg.querySelectorAll('*')].map((e) => e.localName)).toEqual(['g', 'path']);
  });
});

describe('isSafeElement', () => {
  it('takes SVG drawing elements, whatever their case, and refuses HTML and anything that runs', () => {
    const svg = mount('<svg><path></path><text></text><script></script><foreignObject></foreignObject></svg>');
    expect([...svg.children].map(isSafeElement)).toEqual([true, true, false, false]);
    expect(isSafeElement(document.createElement('div'))).toBe(false);
  });
});

describe('isSafeAttribute', () => {
  it('keeps drawing attributes and references inside the file', () => {
    expect(isSafeAttribute(attribute('d', 'M0,0L1,1'))).toBe(true);
    expect(isSafeAttribute(attribute('fill', 'url(#gradient)'))).toBe(true);
    expect(isSafeAttribute(attribute('clip-path', "url('#clip')"))).toBe(true);
    expect(isSafeAttribute(attribute('href', '#glyph'))).toBe(true);
  });

  it('refuses event handlers, live-page attributes, and links or paints from outside the file', () => {
    for (const [name, value] of [
      ['onclick', 'a()'],
      ['ONLOAD', 'a()'],
      ['style', 'fill: red'],
      ['tabindex', '0'],
      ['pointer-events', 'none'],
      ['href', 'javascript:alert(1)'],
      ['href', 'https://example.com/x'],
      ['src', 'data:image/png;base64,AAAA'],
      ['fill', 'url(https://example.com/paint#x)'],
      ['filter', 'url(#a) url(https://example.com/f)'],
    ] as const) {
      expect(isSafeAttribute(attribute(name, value)), `${name}="${value}"`).toBe(false);
    }
  });
});
