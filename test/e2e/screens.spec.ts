import { expect, test, type Page } from '@playwright/test';
import { openApp, setNumber, withoutFileSystemAccess } from './support';

/**
 * DESIGN.md §6: "Every screen works from 1024×768 to 3840×2160". One page, resized between the
 * sizes, visits every view (and the share-link panel and an export's feedback) and measures the
 * layout as drawn: no sideways scrolling, no boxes on top of each other or cut by their scroll
 * containers, chart text inside its chart, text readable — and on a big screen, type and charts
 * that grow with it instead of sitting small in empty space.
 */

const SIZES: readonly (readonly [number, number])[] = [
  [1024, 768],
  [1280, 720],
  [1366, 768],
  [1440, 900],
  [1920, 1080],
  [2560, 1440],
  [3840, 2160],
];

/** The boxes of each view that must not overlap one another, by what they are. */
const BOXES = {
  model: {
    'top bar': '.topbar',
    headline: '.summary-row',
    'assumptions panel': '.assumptions',
    'forecast actions': '.forecast-actions',
    'total chart': 'svg[data-testid="total-chart"]',
    'breakdown chart': 'svg[data-testid="stacked-area-chart"]',
    legend: 'ul[aria-label="Legend"]',
    'drill-down line': 'nav[aria-label="Drill-down"]',
    'member table': '.member-table',
  },
  scenarios: { 'top bar': '.topbar', headline: '.summary-row', 'scenario card': '.scenario-card', 'new scenario form': '.new-scenario' },
  compare: {
    'top bar': '.topbar',
    headline: '.summary-row',
    'scenario picker': '.compare-picker',
    'totals chart': 'svg[data-testid="total-chart"]',
    legend: 'ul[aria-label="Legend"]',
    'delta table': '[data-testid="delta-table"]',
    'bridge chart': '.bridge-chart svg[role="img"]',
    'side by side table': '[data-testid="compare-dimension"]',
    'assumptions that differ': 'table[data-testid="assumption-diff"]',
  },
  structure: { 'top bar': '.topbar', headline: '.summary-row', 'structure panel': '.structure-view .panel' },
  analysis: {
    'top bar': '.topbar',
    headline: '.summary-row',
    tornado: '.an-tornado-chart',
    "tornado's slider": '.an-tornado-slider',
    'goal seek': '.an-goal',
    'claims table': '.an-claims-table',
    'add claim': '.an-claims > div:last-child',
    calibration: '.an-calibration',
  },
} as const;
type View = keyof typeof BOXES;
const VIEW_BUTTON: Record<View, string> = { model: 'Model', scenarios: 'Scenarios', compare: 'Compare', structure: 'Structure', analysis: 'Analysis' };
/** Charts that show the forecast: on a big screen they grow with it. */
const FORECAST_CHARTS = 'svg[data-testid="total-chart"], svg[data-testid="stacked-area-chart"]';

/**
 * Everything wrong with the layout on screen, as sentences. Runs in the page.
 * `boxes`: name → selector of boxes that must not overlap; `minFont`: the smallest type allowed.
 */
function layoutProblems(page: Page, boxes: Record<string, string>, minFont: number, minChartHeight: number): Promise<string[]> {
  return page.evaluate(
    ({ boxes, minFont, minChartHeight, chartSelector }) => {
      const problems: string[] = [];
      const scroller = document.scrollingElement ?? document.documentElement;
      if (scroller.scrollWidth > window.innerWidth) problems.push(`the page scrolls sideways (${scroller.scrollWidth} px wide)`);

      const visible = (el: Element) => {
        const r = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        return r.width > 1 && r.height > 1 && style.visibility !== 'hidden' && style.display !== 'none';
      };
      const describe = (name: string, i: number, count: number) => (count > 1 ? `${name} ${i + 1}` : name);

      // Boxes: each found, inside the columns of every scroll container around it, and clear of the others.
      const found: { label: string; el: Element; r: DOMRect }[] = [];
      for (const [name, selector] of Object.entries(boxes)) {
        const els = [...document.querySelectorAll(selector)].filter(visible);
        if (els.length === 0) problems.push(`${name} (${selector}) is not on screen`);
        els.forEach((el, i) => found.push({ label: describe(name, i, els.length), el, r: el.getBoundingClientRect() }));
      }
      // What of each box is in sight: its rectangle cut to every scroll container around it.
      const shown = new Map<Element, { left: number; right: number; top: number; bottom: number }>();
      for (const { label, el, r } of found) {
        if (r.left < -0.5 || r.right > window.innerWidth + 0.5) problems.push(`${label} runs off the screen (${Math.round(r.left)}–${Math.round(r.right)} px)`);
        const clip = { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
        for (let parent = el.parentElement; parent; parent = parent.parentElement) {
          const style = getComputedStyle(parent);
          if ((style.overflowX === 'visible' && style.overflowY === 'visible') || parent === document.body || parent === document.documentElement) continue;
          const p = parent.getBoundingClientRect();
          // Sideways, nothing is cut: content scrolls up and down only.
          if (r.left < p.left - 0.5 || r.right > p.right + 0.5) problems.push(`${label} is cut off by ${parent.className || parent.tagName} (${Math.round(r.left)}–${Math.round(r.right)} inside ${Math.round(p.left)}–${Math.round(p.right)})`);
          clip.left = Math.max(clip.left, p.left);
          clip.right = Math.min(clip.right, p.right);
          clip.top = Math.max(clip.top, p.top);
          clip.bottom = Math.min(clip.bottom, p.bottom);
        }
        shown.set(el, clip);
      }
      for (let i = 0; i < found.length; i += 1) {
        for (let j = i + 1; j < found.length; j += 1) {
          const a = found[i]!;
          const b = found[j]!;
          if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
          const ra = shown.get(a.el)!;
          const rb = shown.get(b.el)!;
          const overlapX = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
          const overlapY = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
          if (overlapX > 1 && overlapY > 1) problems.push(`${a.label} and ${b.label} overlap (${Math.round(overlapX)} × ${Math.round(overlapY)} px)`);
        }
      }

      // Chart text (axes, labels) inside its SVG: the charts draw with overflow visible, so nothing clips it.
      for (const svg of document.querySelectorAll('svg[role="img"]')) {
        if (!visible(svg)) continue;
        const s = svg.getBoundingClientRect();
        const name = svg.getAttribute('data-testid') ?? svg.closest('[data-testid]')?.getAttribute('data-testid') ?? 'a chart';
        for (const text of svg.querySelectorAll('text')) {
          const t = text.getBoundingClientRect();
          if (t.width === 0) continue;
          if (t.left < s.left - 1 || t.right > s.right + 1 || t.top < s.top - 1 || t.bottom > s.bottom + 1) {
            problems.push(`"${text.textContent}" sticks out of ${name}`);
          }
        }
      }

      // Type: every piece of visible text at least minFont px.
      const small = new Set<string>();
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        if (!el || !node.textContent?.trim() || !visible(el)) continue;
        if (el.closest('[aria-hidden="true"], .share-scratch')) continue;
        const size = parseFloat(getComputedStyle(el).fontSize);
        if (size < minFont - 0.25) small.add(`"${node.textContent.trim().slice(0, 30)}" is ${size.toFixed(1)} px`);
      }
      if (small.size > 0) problems.push(`text smaller than ${minFont} px: ${[...small].slice(0, 6).join('; ')}${small.size > 6 ? ` and ${small.size - 6} more` : ''}`);

      for (const chart of document.querySelectorAll(chartSelector)) {
        const height = chart.getBoundingClientRect().height;
        if (visible(chart) && height < minChartHeight) problems.push(`${chart.getAttribute('data-testid')} is ${Math.round(height)} px high (at least ${Math.round(minChartHeight)})`);
      }
      return problems;
    },
    { boxes, minFont, minChartHeight, chartSelector: FORECAST_CHARTS },
  );
}

/** A box inside its panel, and clear of a box it must not cover. */
function feedbackProblems(page: Page, feedback: string, panel: string, clearOf: string): Promise<string[]> {
  return page.evaluate(
    ({ feedback, panel, clearOf }) => {
      const problems: string[] = [];
      const box = document.querySelector(feedback)?.getBoundingClientRect();
      const container = document.querySelector(panel)?.getBoundingClientRect();
      const other = document.querySelector(clearOf)?.getBoundingClientRect();
      if (!box || !container || !other || box.width === 0) return [`${feedback} is not on screen`];
      if (box.left < container.left - 0.5 || box.right > container.right + 0.5) {
        problems.push(`${feedback} (${Math.round(box.left)}–${Math.round(box.right)}) is not inside ${panel} (${Math.round(container.left)}–${Math.round(container.right)})`);
      }
      const overlapX = Math.min(box.right, other.right) - Math.max(box.left, other.left);
      const overlapY = Math.min(box.bottom, other.bottom) - Math.max(box.top, other.top);
      if (overlapX > 1 && overlapY > 1) problems.push(`${feedback} covers ${clearOf}`);
      return problems;
    },
    { feedback, panel, clearOf },
  );
}

async function createScenario(page: Page, name: string, growth: string): Promise<void> {
  await page.getByRole('button', { name: 'Scenarios', exact: true }).click();
  await page.getByRole('textbox', { name: 'New scenario name' }).fill(name);
  await page.getByRole('button', { name: 'Create' }).click();
  await page.getByRole('button', { name: 'Model', exact: true }).click();
  await setNumber(page, 'Trend growth', growth);
}

/** The report's key players as a dimension of 12 members: legends and tables must wrap, not overflow. */
const VENDORS = 'GE Healthcare, IBM Watson Health, Philips Healthcare, Samsung Medison, Medtronic, NVIDIA, Alibaba Cloud, SenseTime, Pvmed, Neusoft Medical Systems, PereDoc, Other vendors';

async function addVendorDimension(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Structure', exact: true }).click();
  const form = page.getByRole('form', { name: 'Add a dimension' });
  await form.getByRole('textbox', { name: 'New dimension' }).fill('Vendor');
  await form.getByRole('textbox', { name: 'Its members, separated by commas' }).fill(VENDORS);
  await form.getByRole('button', { name: 'Add dimension' }).click();
  await expect(page.getByRole('region', { name: 'Dimension Vendor' })).toBeVisible();
}

test('every view fits, reads and fills every screen from 1024×768 to 3840×2160', async ({ page }) => {
  test.setTimeout(120_000);
  await withoutFileSystemAccess(page);
  await openApp(page);
  await addVendorDimension(page);
  // Three scenarios compared (with the seed's second, four), one with a long name.
  await createScenario(page, 'Bear case, with a name long enough to need wrapping', '-2');
  await createScenario(page, 'Bull case', '1.5');

  const problems: string[] = [];
  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    const at = `${width}×${height}`;
    // Type: never under 12 px; on a big screen, growing with it (16 px at 3840 wide).
    const minFont = Math.max(12, width / 240);
    // The forecast charts take at least a quarter of the screen's height.
    const minChartHeight = height / 4;
    for (const view of Object.keys(BOXES) as View[]) {
      await page.getByRole('button', { name: VIEW_BUTTON[view], exact: true }).click();
      if (view === 'compare') await expect(page.locator('.bridge-chart svg[role="img"]')).toBeVisible();
      if (view === 'model') {
        // The breakdown by the 12 vendors: its legend wraps onto lines of its own.
        await page.locator('section.breakdown').getByRole('group', { name: 'Dimension' }).getByRole('button', { name: 'Vendor' }).click();
        await expect(page.locator('section.breakdown ul[aria-label="Legend"] li')).toHaveCount(12);
      }
      if (view === 'structure') {
        await expect(page.locator('.structure-view .panel').first()).toBeVisible();
        // A very wide screen is used, not left half empty: the dimensions side by side, the panels across it.
        if (width >= 2200) {
          const boxes = await page.locator('section.st-dimension').evaluateAll((sections) => sections.slice(0, 2).map((s) => s.getBoundingClientRect().top));
          if (boxes[0] !== boxes[1]) problems.push(`${at} structure: the first two dimensions are not side by side (tops ${boxes.join(', ')})`);
          const used = await page.locator('.st-columns').evaluate((columns) => columns.getBoundingClientRect().right / document.documentElement.clientWidth);
          if (used < 0.9) problems.push(`${at} structure: the panels end at ${(used * 100).toFixed(0)}% of the screen's width`);
        }
      }
      if (view === 'analysis') {
        await expect(page.locator('.an-claims-table')).toBeVisible();
        await expect(page.locator('.tornado-bar').first()).toBeVisible();
      }
      // Charts measure their width after a 100 ms debounce.
      await page.waitForTimeout(250);
      for (const problem of await layoutProblems(page, BOXES[view], minFont, view === 'model' || view === 'compare' ? minChartHeight : 0)) problems.push(`${at} ${view}: ${problem}`);
    }

    // The share-link panel: on screen, whole, readable.
    await page.getByRole('button', { name: 'Share link', exact: true }).click();
    await expect(page.locator('.share-panel')).toBeVisible();
    for (const problem of await layoutProblems(page, { 'top bar': '.topbar', 'share panel': '.share-panel' }, minFont, 0)) {
      if (!problem.includes('overlap')) problems.push(`${at} share link: ${problem}`);
    }
    await page.getByRole('button', { name: 'Share link', exact: true }).click();
    await expect(page.locator('.share-panel')).toHaveCount(0);

    // An export menu and what an export says: inside the panel, clear of the drill-down line.
    await page.getByRole('button', { name: 'Model', exact: true }).click();
    const breakdown = page.locator('section.breakdown');
    await breakdown.getByRole('button', { name: /^Export/ }).click();
    for (const problem of await feedbackProblems(page, 'section.breakdown .export-items', 'main', 'section.breakdown nav[aria-label="Drill-down"]')) {
      if (!problem.includes('covers')) problems.push(`${at} export menu: ${problem}`);
    }
    const download = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: 'SVG' }).click();
    await download;
    await expect(breakdown.getByRole('status')).toContainText('Downloaded');
    for (const problem of await feedbackProblems(page, 'section.breakdown .export-status', 'section.breakdown', 'section.breakdown nav[aria-label="Drill-down"]')) {
      problems.push(`${at} export status: ${problem}`);
    }
  }
  expect(problems).toEqual([]);
});
