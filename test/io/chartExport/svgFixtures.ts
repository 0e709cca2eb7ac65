/** Charts mounted in the page (jsdom) as the app draws them, and the exported file read back. */
import { expect } from 'vitest';

/** Mounts SVG markup in the page (as the charts are) and returns the <svg>. */
export function mount(markup: string): SVGSVGElement {
  const host = document.createElement('div');
  host.innerHTML = markup;
  document.body.append(host);
  const svg = host.querySelector('svg');
  if (!(svg instanceof SVGSVGElement)) throw new Error('no svg');
  return svg;
}

/** Adds a style sheet to the page. */
export function addStyleSheet(css: string): void {
  const sheet = document.createElement('style');
  sheet.textContent = css;
  document.head.append(sheet);
}

/** An exported file parsed as XML on its own: it must parse. */
export function parse(text: string): XMLDocument {
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
}

/** Empties the page between tests. */
export function clearPage(): void {
  document.body.innerHTML = '';
  document.head.innerHTML = '';
}

/** A total chart as the app draws one: a sized <svg> with a line and a year label. */
export const CHART = `
  <svg width="640" height="300" role="img" aria-label="Total market" data-testid="total-chart" tabindex="0" style="display:block;overflow:visible">
    <g transform="translate(50,18)">
      <path data-testid="total-line" d="M0,200L100,150L200,100" fill="none" stroke="#0B5394" stroke-width="2.25"></path>
      <text x="0" y="220" fill="#4B5563" font-size="12">2025</text>
    </g>
  </svg>`;
