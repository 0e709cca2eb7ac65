// @vitest-environment jsdom
/**
 * A chart as a standalone SVG file: it parses on its own, has its namespace and size, carries the
 * styles the page gave it, a title and a white background, and nothing that can run or reach out —
 * whatever the chart on the page held. Text stays text.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SVG_NS, canCopyImages, chartToSvg, chartToSvgText, copyChartToClipboard, readLegend, sanitizeSvgTree } from '../../src/io/chartExport';

afterEach(() => {
  document.body.innerHTML = '';
  document.head.innerHTML = '';
  vi.unstubAllGlobals();
});

/** Mounts SVG markup in the page (as the charts are) and returns the <svg>. */
function mount(markup: string): SVGSVGElement {
  const host = document.createElement('div');
  host.innerHTML = markup;
  document.body.append(host);
  const svg = host.querySelector('svg');
  if (!(svg instanceof SVGSVGElement)) throw new Error('no svg');
  return svg;
}

function parse(text: string): XMLDocument {
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
}

function svgText(svg: SVGSVGElement, title = 'Total market (USD bn)', subtitle?: string): string {
  const result = chartToSvgText(svg, subtitle ? { title, subtitle } : { title });
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

const CHART = `
  <svg width="640" height="300" role="img" aria-label="Total market" data-testid="total-chart" tabindex="0" style="display:block;overflow:visible">
    <g transform="translate(50,18)">
      <path data-testid="total-line" d="M0,200L100,150L200,100" fill="none" stroke="#0B5394" stroke-width="2.25"></path>
      <text x="0" y="220" fill="#4B5563" font-size="12">2025</text>
    </g>
  </svg>`;

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

  it('writes styles that came from the page’s style sheets onto the elements, and leaves out what is hidden', () => {
    const sheet = document.createElement('style');
    sheet.textContent = '.accent { fill: rgb(200, 30, 40); stroke: rgb(1, 2, 3); opacity: 0.5; } .gone { display: none; }';
    document.head.append(sheet);
    const svg = mount(`
      <svg width="200" height="100">
        <rect class="accent" width="10" height="10"></rect>
        <g class="gone"><text>hidden</text></g>
      </svg>`);
    const root = parse(svgText(svg)).documentElement;
    const rect = root.querySelector('rect.accent');
    expect(rect?.getAttribute('fill')).toBe('rgb(200, 30, 40)');
    expect(rect?.getAttribute('stroke')).toBe('rgb(1, 2, 3)');
    expect(rect?.getAttribute('opacity')).toBe('0.5');
    expect(root.querySelector('.gone')).toBeNull();
    expect(root.textContent).not.toContain('hidden');
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
    const host = document.createElement('div');
    host.innerHTML = `
      <ul aria-label="Legend">
        <li><span aria-hidden="true" style="background: rgb(0, 114, 178)"></span>North America</li>
        <li><button><span aria-hidden="true" style="background: #e69f00"></span>Europe<span aria-hidden="true">›</span></button></li>
        <li><svg width="22" height="12" aria-hidden="true"><line x1="1" x2="21" y1="6" y2="6" stroke="#0B5394"></line></svg>Total market</li>
      </ul>`;
    document.body.append(host);
    const legend = readLegend(host.querySelector('ul'));
    expect(legend.map((entry) => entry.label)).toEqual(['North America', 'Europe', 'Total market']);
    expect(legend[0]!.color).toBe('rgb(0, 114, 178)');
    expect(legend[2]!.glyph).toBeInstanceOf(SVGSVGElement);

    const result = chartToSvg(mount(CHART), { title: 'By region', legend });
    if (!result.ok) throw new Error(result.message);
    const doc = parse(result.value.text);
    const group = doc.querySelector('g.legend');
    expect([...group!.querySelectorAll('text')].map((t) => t.textContent)).toEqual(['North America', 'Europe', 'Total market']);
    expect(group!.querySelector('rect')?.getAttribute('fill')).toBe('rgb(0, 114, 178)');
    expect(group!.querySelector('svg line')?.getAttribute('stroke')).toBe('#0B5394');
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

describe('sanitizeSvgTree', () => {
  it('removes every on* attribute at any depth', () => {
    const svg = mount('<svg width="1" height="1" onload="a()"><g><g><circle r="1" onmouseenter="b()" onBegin="c()"></circle></g></g></svg>');
    sanitizeSvgTree(svg);
    for (const element of [svg, ...svg.querySelectorAll('*')]) {
      expect([...element.attributes].filter((a) => /^on/i.test(a.name))).toEqual([]);
    }
  });
});

describe('copyChartToClipboard', () => {
  it('reports that the browser does not allow it when there is no clipboard API, and never throws', async () => {
    vi.stubGlobal('navigator', { ...navigator, clipboard: undefined });
    expect(canCopyImages()).toBe(false);
    const result = await copyChartToClipboard(mount(CHART), { title: 'Total' });
    expect(result).toEqual({ ok: false, reason: 'unsupported', message: expect.stringMatching(/does not let web pages copy images/) });
  });

  it('reports a refusal by the browser (permission, focus) as a message', async () => {
    class FakeClipboardItem {
      constructor(readonly items: Record<string, unknown>) {}
    }
    vi.stubGlobal('ClipboardItem', FakeClipboardItem);
    const write = vi.fn(async (items: FakeClipboardItem[]) => {
      // A refusing browser does not wait for the picture; swallow its rejection as a browser would.
      void Promise.resolve(items[0]!.items['image/png']).catch(() => undefined);
      throw new DOMException('Document is not focused.', 'NotAllowedError');
    });
    vi.stubGlobal('navigator', { ...navigator, clipboard: { write } });
    const result = await copyChartToClipboard(mount(CHART), { title: 'Total' });
    expect(write).toHaveBeenCalledTimes(1);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(['denied', 'failed', 'unsupported']).toContain(result.reason);
      expect(result.message.length).toBeGreaterThan(20);
    }
  });
});
