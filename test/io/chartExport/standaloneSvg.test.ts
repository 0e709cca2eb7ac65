// @vitest-environment jsdom
/**
 * A chart as a standalone SVG file: it parses on its own, has its namespace and size, a title and
 * a white background, the chart's legend below it, and nothing that can run or reach out —
 * whatever the chart on the page held. Text stays text.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SVG_NS } from '../../../src/io/chartExport/svgDom';
import { chartToSvg, chartToSvgText, defaultExportOptions, exportBackground } from '../../../src/io/chartExport/standaloneSvg';
import { CHART, clearPage, mount, parse } from './svgFixtures';

afterEach(clearPage);

function svgText(svg: SVGSVGElement, title = 'Total market (USD bn)', subtitle?: string): string {
  const result = chartToSvgText(svg, subtitle ? { title, subtitle } : { title });
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

describe('chartToSvgText', () => {
  it('is a standalone SVG file: XML prolog, svg root in the SVG namespace, xmlns, width, height and viewBox', () => {
    const text = svgText(mount(CHART));
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
    expect(text).toMatch(/^<svg[^>]* xmlns="http:\/\/www\.w3\.org\/2000\/svg"/m);
    const root = parse(text).documentElement;
    expect(root.localName).toBe('svg');
    expect(root.namespaceURI).toBe(SVG_NS);
    expect(root.getAttribute('width')).toBe('640');
    const height = Number(root.getAttribute('height'));
    // The chart's own 300 px, with a title above it.
    expect(height).toBeGreaterThan(300);
    expect(root.getAttribute('viewBox')).toBe(`0 0 640 ${height}`);
  });

  it('keeps the chart at its size, with its paths, below a title, on a white background', () => {
    const text = svgText(mount(CHART), 'Total market (USD bn)', 'AI in Imaging · Report consensus');
    const root = parse(text).documentElement;
    expect(root.querySelector(':scope > title')?.textContent).toBe('Total market (USD bn) — AI in Imaging · Report consensus');
    const background = root.querySelector(':scope > rect');
    expect(background?.getAttribute('fill')).toBe('#ffffff');
    expect(background?.getAttribute('width')).toBe('100%');
    const texts = [...root.querySelectorAll(':scope > text')].map((t) => t.textContent);
    expect(texts).toEqual(['Total market (USD bn)', 'AI in Imaging · Report consensus']);
    const chart = root.querySelector(':scope > svg');
    expect(chart?.getAttribute('width')).toBe('640');
    expect(chart?.getAttribute('height')).toBe('300');
    expect(Number(chart?.getAttribute('y'))).toBeGreaterThan(20);
    const line = chart?.querySelector('path[data-testid="total-line"]');
    expect(line?.getAttribute('d')).toBe('M0,200L100,150L200,100');
    expect(line?.getAttribute('stroke')).toBe('#0B5394');
  });

  it('drops scripts, event attributes, animation, foreign HTML and outside links, even when the chart had them', () => {
    const svg = mount(`
      <svg width="300" height="150" onload="alert(1)" onclick="alert(2)" tabindex="0" style="display:block">
        <script>alert(3)</script>
        <g onmouseover="alert(4)" ONFOCUS="alert(5)">
          <path d="M0,0L10,10" onclick="alert(6)"></path>
          <a href="javascript:alert(7)"><text>link</text></a>
          <a href="https://example.com/x"><text>away</text></a>
        </g>
        <foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml" onclick="alert(8)">html</div></foreignObject>
        <animate attributeName="href" to="javascript:alert(9)"></animate>
        <set attributeName="onclick" to="alert(10)"></set>
        <image href="https://example.com/track.png" width="1" height="1"></image>
        <rect width="5" height="5" fill="url(https://example.com/paint#x)"></rect>
        <rect width="5" height="5" fill="url(#local)"></rect>
      </svg>`);
    const text = svgText(svg);
    expect(text).not.toMatch(/<script/i);
    expect(text).not.toMatch(/\son[a-z]+=/i);
    expect(text).not.toMatch(/javascript:/i);
    expect(text).not.toMatch(/foreignObject|<animate|<set\b/i);
    expect(text).not.toMatch(/alert\(/);
    expect(text).not.toContain('example.com');
    const doc = parse(text);
    // What is harmless stays: the path, the link texts, a reference inside the file.
    expect(doc.querySelectorAll('path')).toHaveLength(1);
    expect(doc.documentElement.textContent).toContain('link');
    expect(doc.querySelector('rect[fill="url(#local)"]')).not.toBeNull();
    // Nor does anything of the live page's interaction survive.
    expect(text).not.toMatch(/\s(tabindex|style)=/i);
  });

  it('escapes text: names and titles with markup come out as the same text, never as markup', () => {
    const svg = mount(`<svg width="300" height="150"><text>placeholder</text></svg>`);
    const name = '<b onclick="x()">Hardware & "Software"</b> =HYPERLINK("http://x")';
    svg.querySelector('text')!.textContent = name;
    svg.setAttribute('aria-label', name);
    const text = svgText(svg, 'A & <B> title');
    expect(text).toContain('&lt;b onclick="x()"&gt;Hardware &amp; "Software"&lt;/b&gt;');
    expect(text).not.toContain('<b');
    const doc = parse(text);
    expect(doc.querySelector('svg > svg text')?.textContent).toBe(name);
    expect(doc.querySelector('svg > svg')?.getAttribute('aria-label')).toBe(name);
    expect(doc.querySelector('svg > title')?.textContent).toBe('A & <B> title');
    expect(doc.querySelectorAll('b')).toHaveLength(0);
  });

  it('draws the legend under the chart: swatches by colour, glyphs copied, labels as text', () => {
    const glyph = mount('<svg width="22" height="12" aria-hidden="true"><line x1="1" x2="21" y1="6" y2="6" stroke="#0B5394"></line></svg>');
    const legend = [
      { label: 'North America', color: 'rgb(0, 114, 178)' },
      { label: 'Europe', color: '#e69f00' },
      { label: 'Total market', glyph },
    ];
    const result = chartToSvg(mount(CHART), { title: 'By region', legend });
    if (!result.ok) throw new Error(result.message);
    const doc = parse(result.value.text);
    const group = doc.querySelector('g.legend');
    expect([...group!.querySelectorAll('text')].map((t) => t.textContent)).toEqual(['North America', 'Europe', 'Total market']);
    expect(group!.querySelector('rect')?.getAttribute('fill')).toBe('rgb(0, 114, 178)');
    expect(group!.querySelector('svg line')?.getAttribute('stroke')).toBe('#0B5394');
    // Below the chart: the legend's group starts under the chart's 300 px.
    const chartTop = Number(doc.querySelector('svg > svg')?.getAttribute('y'));
    expect(group!.getAttribute('transform')).toMatch(new RegExp(`^translate\\(0,${chartTop + 300 + 8}\\)$`));
    // Title + chart + legend: taller than the chart and the title alone.
    expect(result.value.height).toBeGreaterThan(300 + 30);
  });

  it('says so, without throwing, when the chart has no size (not drawn)', () => {
    const svg = mount('<svg><path d="M0,0"></path></svg>');
    const result = chartToSvgText(svg, { title: 'x' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toBe('notOnScreen');
      expect(result.message).toMatch(/not drawn/);
    }
  });
});

describe('the defaults of an export', () => {
  it('titles a picture with the chart’s accessible name up to its colon, or “Chart”', () => {
    expect(defaultExportOptions(mount('<svg aria-label="Total market: 17.2 to 24.5"></svg>'))).toEqual({ title: 'Total market' });
    expect(defaultExportOptions(mount('<svg></svg>'))).toEqual({ title: 'Chart' });
  });

  it('paints the background white unless told otherwise', () => {
    expect(exportBackground({ title: 'x' })).toBe('#ffffff');
    expect(exportBackground({ title: 'x', background: '#000000' })).toBe('#000000');
    const result = chartToSvgText(mount(CHART), { title: 'x', background: '#123456' });
    if (!result.ok) throw new Error(result.message);
    expect(parse(result.value).documentElement.querySelector(':scope > rect')?.getAttribute('fill')).toBe('#123456');
  });
});
