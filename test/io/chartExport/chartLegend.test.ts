// @vitest-environment jsdom
/** A chart's legend read from the page's HTML legend, and drawn in SVG below the exported chart. */
import { afterEach, describe, expect, it } from 'vitest';
import { drawLegend, readLegend, textMeasurer, type LegendEntry } from '../../../src/io/chartExport/chartLegend';
import { clearPage, mount } from './svgFixtures';

afterEach(clearPage);

describe('readLegend', () => {
  it('reads each item’s visible label with its swatch colour or its glyph, leaving out decorations', () => {
    const host = document.createElement('div');
    host.innerHTML = `
      <ul aria-label="Legend">
        <li><span aria-hidden="true" style="background: rgb(0, 114, 178)"></span>North America</li>
        <li><button><span aria-hidden="true" style="background: #e69f00"></span>Europe<span aria-hidden="true">›</span></button></li>
        <li><svg width="22" height="12" aria-hidden="true"><line x1="1" x2="21" y1="6" y2="6" stroke="#0B5394"></line></svg>Total market</li>
        <li>  Unmarked
          claim </li>
      </ul>`;
    document.body.append(host);
    const legend = readLegend(host.querySelector('ul'));
    expect(legend.map((entry) => entry.label)).toEqual(['North America', 'Europe', 'Total market', 'Unmarked claim']);
    expect(legend[0]!.color).toBe('rgb(0, 114, 178)');
    expect(legend[1]!.color).toBe('rgb(230, 159, 0)');
    expect(legend[2]!.glyph).toBeInstanceOf(SVGSVGElement);
    expect(legend[3]).toEqual({ label: 'Unmarked claim' });
  });

  it('is empty when the chart has no legend', () => {
    expect(readLegend(null)).toEqual([]);
    expect(readLegend(undefined)).toEqual([]);
  });
});

describe('drawLegend', () => {
  /** Every character 10 px wide: widths are easy to add up. */
  const measure = (text: string) => text.length * 10;
  const style = { width: 300, inset: 10, fontSize: 13, fontFamily: 'Arial', color: '#4B5563', measure };

  function rowsOf(group: SVGGElement): number[] {
    return [...group.querySelectorAll('text')].map((text) => Number(text.getAttribute('y')));
  }

  it('draws a swatch and a label per entry, left to right, on one row while they fit', () => {
    const entries: LegendEntry[] = [
      { label: 'North', color: '#0072b2' },
      { label: 'South', color: '#e69f00' },
    ];
    const { group, height } = drawLegend(document, entries, style);
    expect([...group.querySelectorAll('rect')].map((rect) => rect.getAttribute('fill'))).toEqual(['#0072b2', '#e69f00']);
    expect([...group.querySelectorAll('text')].map((text) => text.textContent)).toEqual(['North', 'South']);
    // 10 inset + 12 swatch + 6 gap + 50 label + 16 between: the second swatch is at x = 94.
    expect(group.querySelectorAll('rect')[1]!.getAttribute('x')).toBe('94');
    expect(new Set(rowsOf(group)).size).toBe(1);
    expect(height).toBe(21);
    expect(group.getAttribute('fill')).toBe('#4B5563');
  });

  it('wraps to a new row before an entry would pass the right edge, and grows by a row each time', () => {
    const entries: LegendEntry[] = ['Middle East & Africa', 'Latin America', 'Asia-Pacific', 'Europe'].map((label) => ({ label, color: '#000' }));
    const { group, height } = drawLegend(document, entries, style);
    const rows = rowsOf(group);
    expect(new Set(rows).size).toBe(3);
    for (const rect of group.querySelectorAll('rect')) {
      const x = Number(rect.getAttribute('x'));
      const label = rect.nextElementSibling?.textContent ?? '';
      expect(x + 12 + 6 + measure(label)).toBeLessThanOrEqual(300 - 10);
    }
    expect(height).toBe(3 * 21);
  });

  it('copies a glyph at its own size with its drawing, in place of a swatch', () => {
    const glyph = mount('<svg width="22" height="12" viewBox="0 0 22 12"><line x1="1" x2="21" y1="6" y2="6" stroke="#0B5394"></line></svg>');
    const { group } = drawLegend(document, [{ label: 'Total market', glyph }], style);
    const nested = group.querySelector('svg')!;
    expect(nested.getAttribute('width')).toBe('22');
    expect(nested.getAttribute('viewBox')).toBe('0 0 22 12');
    expect(nested.querySelector('line')?.getAttribute('stroke')).toBe('#0B5394');
    expect(group.querySelector('rect')).toBeNull();
    expect(group.querySelector('text')?.getAttribute('x')).toBe(String(10 + 22 + 6));
  });

  it('draws a key sized in em on the page (it grows with the legend’s type) at the picture’s type', () => {
    // The total chart's keys: 1.57em × 0.86em. Read as px they were drawn 1.6 px wide, a dot.
    const glyph = mount('<svg width="1.57em" height="0.86em" viewBox="0 0 22 12"><line x1="1" x2="21" y1="6" y2="6" stroke="#0B5394"></line></svg>');
    const { group } = drawLegend(document, [{ label: 'Total market', glyph }], style);
    const nested = group.querySelector('svg')!;
    expect(Number(nested.getAttribute('width'))).toBeCloseTo(1.57 * 13, 9);
    expect(Number(nested.getAttribute('height'))).toBeCloseTo(0.86 * 13, 9);
    expect(nested.getAttribute('viewBox')).toBe('0 0 22 12');
  });

  it('takes no room for no entries', () => {
    expect(drawLegend(document, [], style).height).toBe(0);
  });
});

describe('textMeasurer', () => {
  it('estimates from the length where there is no canvas to measure with, wider for bold', () => {
    const measure = textMeasurer('Arial');
    expect(measure('abcd', 10, '400')).toBeCloseTo(4 * 10 * 0.58, 9);
    expect(measure('abcd', 10, '700')).toBeGreaterThan(measure('abcd', 10, '400'));
  });
});
