// @vitest-environment jsdom
/**
 * A chart's SVG copied with its styles written on: what the page's style sheets gave it becomes
 * presentation attributes, hidden parts stay out, translucent colours become colour + opacity, and
 * the copy lands in the exported picture's own <svg> without changing that one's size or place.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { copyStyledInto, rootStyles } from '../../../src/io/chartExport/copySvgWithStyles';
import { SVG_NS } from '../../../src/io/chartExport/svgDom';
import { addStyleSheet, clearPage, mount } from './svgFixtures';

afterEach(clearPage);

/** The picture's own <svg> with the chart copied into it. */
function copied(svg: SVGSVGElement): SVGSVGElement {
  const target = document.createElementNS(SVG_NS, 'svg');
  target.setAttribute('width', '50');
  target.setAttribute('x', '7');
  copyStyledInto(target, svg);
  return target;
}

describe('copyStyledInto', () => {
  it('writes styles that came from the page’s style sheets onto the elements, and leaves out what is hidden', () => {
    addStyleSheet('.accent { fill: rgb(200, 30, 40); stroke: rgb(1, 2, 3); opacity: 0.5; } .gone { display: none; }');
    const copy = copied(
      mount(`
      <svg width="200" height="100">
        <rect class="accent" width="10" height="10"></rect>
        <g class="gone"><text>hidden</text></g>
      </svg>`),
    );
    const rect = copy.querySelector('rect.accent');
    expect(rect?.getAttribute('fill')).toBe('rgb(200, 30, 40)');
    expect(rect?.getAttribute('stroke')).toBe('rgb(1, 2, 3)');
    expect(rect?.getAttribute('opacity')).toBe('0.5');
    expect(copy.querySelector('.gone')).toBeNull();
    expect(copy.textContent).not.toContain('hidden');
  });

  it('splits a translucent colour into an opaque colour and an opacity, and draws a transparent one as none', () => {
    addStyleSheet('.inked { stroke: rgb(1, 2, 3); } .half { fill: rgba(10, 20, 30, 0.5); stroke: transparent; } .clear { fill: rgba(0, 0, 0, 0); }');
    const copy = copied(
      mount('<svg class="inked" width="20" height="20"><rect class="half" width="5" height="5"></rect><rect class="clear" width="5" height="5"></rect></svg>'),
    );
    const half = copy.querySelector('rect.half');
    expect(half?.getAttribute('fill')).toBe('rgb(10, 20, 30)');
    expect(Number(half?.getAttribute('fill-opacity'))).toBeCloseTo(0.5, 9);
    expect(half?.getAttribute('stroke')).toBe('none');
    expect(copy.querySelector('rect.clear')?.getAttribute('fill')).toBe('none');
  });

  it('keeps the target’s own size and place, and takes the chart’s content and styles', () => {
    const copy = copied(mount('<svg width="200" height="100" x="3" viewBox="0 0 200 100" fill="#abcdef"><circle r="4"></circle></svg>'));
    expect(copy.getAttribute('width')).toBe('50');
    expect(copy.getAttribute('x')).toBe('7');
    expect(copy.hasAttribute('height')).toBe(false);
    expect(copy.hasAttribute('viewBox')).toBe(false);
    expect(copy.getAttribute('fill')).toBe('#abcdef');
    expect(copy.querySelectorAll('circle')).toHaveLength(1);
  });

  it('copies text as text and never copies what could run', () => {
    const svg = mount('<svg width="20" height="20" onload="a()"><text onclick="b()">&lt;b&gt;North&lt;/b&gt;</text><script>c()</script></svg>');
    const copy = copied(svg);
    expect(copy.querySelector('text')?.textContent).toBe('<b>North</b>');
    expect(copy.querySelector('b, script')).toBeNull();
    for (const element of [copy, ...copy.querySelectorAll('*')]) expect([...element.attributes].filter((a) => /^on/i.test(a.name))).toEqual([]);
  });

  it('adds nothing when the source is not SVG', () => {
    const target = document.createElementNS(SVG_NS, 'svg');
    const html = document.createElement('div');
    html.innerHTML = '<span>x</span>';
    copyStyledInto(target, html);
    expect(target.childNodes).toHaveLength(0);
    expect(target.attributes).toHaveLength(0);
  });
});

describe('rootStyles', () => {
  it('reads the font a chart inherits from the page, for the exported picture’s text', () => {
    addStyleSheet('.chart-host { font-family: Georgia, serif; font-size: 14px; }');
    const host = document.createElement('div');
    host.className = 'chart-host';
    host.innerHTML = '<svg width="10" height="10"></svg>';
    document.body.append(host);
    const styles = rootStyles(host.querySelector('svg')!);
    expect(styles['font-family']).toBe('Georgia, serif');
    expect(styles['font-size']).toBe('14px');
  });
});
