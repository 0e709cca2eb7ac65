// @vitest-environment jsdom
/**
 * The exports wired into the model screen, with the real store and engine: each chart panel and
 * the table panel has its menu, and what it downloads is the chart or table on screen, named after
 * the workspace and scenario; the full forecast downloads as the command line's CSV. In jsdom there
 * is no clipboard: "Copy image" says so in an alert.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { simulate } from '../../../src/engine/simulate';
import { forecastToCsv } from '../../../src/io/forecastExport';
import { activeScenarioOf } from '../../../src/state/scenarioSelectors';
import { percentileSeries } from '../../../src/io/percentileExport';
import { forecastCsv, memberTableToCsv } from '../../../src/io/tableExport';
import { resetSlidecastStore, useSlidecast } from '../../../src/state/store';
import { ForecastView } from '../../../src/ui/forecast/ForecastView';
import { computeActiveScenario, stubResizeObserver } from '../screenHarness';
import { captureDownloads, type CapturedDownload } from '../../support/captureDownloads';

let downloads: CapturedDownload[] = [];

beforeEach(() => {
  stubResizeObserver(800);
  downloads = captureDownloads();
});
afterEach(() => {
  cleanup();
  resetSlidecastStore();
  vi.unstubAllGlobals();
});

function renderScreen() {
  const user = userEvent.setup();
  render(<ForecastView />);
  let result!: ReturnType<typeof computeActiveScenario>;
  act(() => {
    result = computeActiveScenario();
  });
  return { user, result };
}

async function choose(user: ReturnType<typeof userEvent.setup>, menu: string, item: string) {
  await user.click(screen.getByRole('button', { name: menu }));
  await user.click(screen.getByRole('menuitem', { name: item }));
}

const STEM = 'AI in Medical Imaging Diagnosis - Report consensus';

describe('exports on the model screen', () => {
  it('puts an Export menu on each chart panel and on the table panel', () => {
    renderScreen();
    expect(within(screen.getByRole('region', { name: 'Total market' })).getByRole('button', { name: 'Export total market chart' })).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Breakdown' })).getByRole('button', { name: 'Export by product type chart' })).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Members' })).getByRole('button', { name: 'Export member table' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download forecast (CSV)' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Print summary' })).toBeInTheDocument();
  });

  it('offers PNG, SVG and Copy image for a chart, CSV for the table', async () => {
    const { user } = renderScreen();
    await user.click(screen.getByRole('button', { name: 'Export total market chart' }));
    expect(screen.getAllByRole('menuitem').map((item) => item.textContent)).toEqual(['PNG (2×)', 'SVG', 'Copy image']);
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('button', { name: 'Export member table' }));
    expect(screen.getAllByRole('menuitem').map((item) => item.textContent)).toEqual(['CSV']);
  });

  it('downloads the total chart as a standalone SVG named after the workspace and scenario', async () => {
    const { user } = renderScreen();
    await choose(user, 'Export total market chart', 'SVG');
    expect(downloads).toHaveLength(1);
    const { name, blob } = downloads[0]!;
    expect(name).toBe(`${STEM} - total market.svg`);
    expect(blob.type).toContain('image/svg+xml');
    const doc = new DOMParser().parseFromString(await blob.text(), 'image/svg+xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc.documentElement.getAttribute('width')).toBe('800');
    expect(doc.querySelector('svg > title')?.textContent).toBe('Total market (USD bn) — AI in Medical Imaging Diagnosis · Report consensus');
    expect(doc.querySelector('path[data-testid="total-line"]')?.getAttribute('d')).toBe(screen.getByTestId('total-line').getAttribute('d'));
    const markers = document.querySelectorAll('[data-testid="total-chart"] .claim-marker');
    expect(markers.length).toBeGreaterThan(0);
    expect(doc.querySelectorAll('svg[data-testid="total-chart"] .claim-marker')).toHaveLength(markers.length);
    expect(screen.getByText(`Downloaded “${STEM} - total market.svg”.`)).toHaveAttribute('role', 'status');
  });

  it('exports the total chart with its fan and the fan’s legend, and a member’s chart under the member’s name', async () => {
    const { user } = renderScreen();
    act(() => {
      const { workspace, setSimulation } = useSlidecast.getState();
      const scenario = activeScenarioOf(workspace);
      setSimulation({ scenarioId: scenario.id, summary: simulate(scenario.model, workspace.claims, { samples: 300, seed: 3 }), target: 300, running: false });
    });
    await screen.findByTestId('total-fan');
    await choose(user, 'Export total market chart', 'SVG');
    let doc = new DOMParser().parseFromString(await downloads[0]!.blob.text(), 'image/svg+xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    const bands = [...doc.querySelectorAll('[data-fan-band]')];
    expect(bands.map((band) => band.getAttribute('data-fan-band'))).toEqual(['5–95%', '10–90%', '25–75%']);
    bands.forEach((band) => expect(band.getAttribute('d')).toBe(screen.getByTestId('total-fan').querySelector(`[data-fan-band="${band.getAttribute('data-fan-band')}"]`)!.getAttribute('d')));
    expect(doc.querySelector('[data-testid="total-median"]')?.getAttribute('d')).toBe(screen.getByTestId('total-median').getAttribute('d'));
    expect([...doc.querySelectorAll('g.legend text')].map((t) => t.textContent)).toEqual(expect.arrayContaining(['Total market', '5–95%', '10–90%', '25–75%', 'Median']));

    await user.click(within(screen.getByTestId('member-table')).getByRole('button', { name: 'Region: Europe' }));
    await choose(user, 'Export total market chart', 'SVG');
    doc = new DOMParser().parseFromString(await downloads[1]!.blob.text(), 'image/svg+xml');
    expect(downloads[1]!.name).toBe(`${STEM} - Region Europe.svg`);
    expect(doc.querySelector('svg > text')?.textContent).toBe('Region: Europe (USD bn)');
    expect(doc.querySelectorAll('[data-fan-band]')).toHaveLength(3);
  });

  it('exports the breakdown as it is on screen: the chosen dimension, drill-down and mode', async () => {
    const { user } = renderScreen();
    const breakdown = screen.getByRole('region', { name: 'Breakdown' });
    await user.click(within(breakdown).getByRole('button', { name: 'Region' }));
    await choose(user, 'Export by region chart', 'SVG');
    let doc = new DOMParser().parseFromString(await downloads[0]!.blob.text(), 'image/svg+xml');
    expect(downloads[0]!.name).toBe(`${STEM} - by region.svg`);
    expect(doc.querySelector('svg > text')?.textContent).toBe('By region (USD bn)');
    expect([...doc.querySelectorAll('g.legend text')].map((t) => t.textContent)).toEqual([
      'North America',
      'Europe',
      'Asia-Pacific',
      'Latin America',
      'Middle East & Africa',
    ]);

    await user.click(within(breakdown).getByRole('button', { name: 'Asia-Pacific' }));
    await user.click(within(breakdown).getByRole('button', { name: 'Shares' }));
    await choose(user, 'Export by region chart', 'SVG');
    doc = new DOMParser().parseFromString(await downloads[1]!.blob.text(), 'image/svg+xml');
    expect(downloads[1]!.name).toBe(`${STEM} - by region - Asia-Pacific - shares.svg`);
    expect(doc.querySelector('svg > text')?.textContent).toBe('By region — Asia-Pacific (shares)');
    expect(doc.querySelector('svg[data-testid="stacked-area-chart"]')?.getAttribute('data-mode')).toBe('shares');
    expect(doc.querySelectorAll('path.stacked-area')).toHaveLength(9);
    expect(doc.querySelectorAll('g.legend text')[0]?.textContent).toBe('China');
  });

  it('downloads the member table as CSV, with a byte-order mark for spreadsheets', async () => {
    const { user, result } = renderScreen();
    await choose(user, 'Export member table', 'CSV');
    const { name, blob } = downloads[0]!;
    expect(name).toBe(`${STEM} - members.csv`);
    expect(blob.type).toContain('text/csv');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).toBe(memberTableToCsv(result.forecast, 'USD bn'));
  });

  it('downloads the full forecast as the command line’s CSV', async () => {
    const { user, result } = renderScreen();
    await user.click(screen.getByRole('button', { name: 'Download forecast (CSV)' }));
    const { name, blob } = downloads[0]!;
    expect(name).toBe(`${STEM} - forecast.csv`);
    const text = new TextDecoder().decode(new Uint8Array(await blob.arrayBuffer()).slice(3));
    expect(text).toBe(forecastToCsv(result.forecast));
    expect(screen.getByText(`Downloaded “${STEM} - forecast.csv”.`)).toHaveAttribute('role', 'status');
  });

  // Issue 10, "Exports": with a simulation of the scenario on screen, the same rows as `npm run
  // forecast -- --samples N --format csv` (test/io/percentileExport.test.ts: the command line
  // writes this very text for the same samples and seed).
  it('adds the simulation’s percentile rows to the forecast CSV, as the command line writes them', async () => {
    const { user, result } = renderScreen();
    const { workspace } = useSlidecast.getState();
    const scenario = activeScenarioOf(workspace);
    const summary = simulate(scenario.model, workspace.claims, { samples: 2000, seed: 7 });
    act(() => useSlidecast.getState().setSimulation({ scenarioId: scenario.id, summary, target: 2000, running: false }));
    await user.click(screen.getByRole('button', { name: 'Download forecast (CSV)' }));
    const text = new TextDecoder().decode(new Uint8Array(await downloads[0]!.blob.arrayBuffer()).slice(3));
    expect(text).toBe(forecastCsv(result.forecast, { percentiles: percentileSeries(summary) }));
    expect(text).toContain('total:p95,Total market (p95),');
  });

  it('leaves the percentile rows out when the simulation is of another scenario', async () => {
    const { user, result } = renderScreen();
    const { workspace } = useSlidecast.getState();
    const other = workspace.scenarios.find((s) => s.id !== workspace.activeScenario)!;
    const summary = simulate(other.model, workspace.claims, { samples: 1000, seed: 7 });
    act(() => useSlidecast.getState().setSimulation({ scenarioId: other.id, summary, target: 1000, running: false }));
    await user.click(screen.getByRole('button', { name: 'Download forecast (CSV)' }));
    const text = new TextDecoder().decode(new Uint8Array(await downloads[0]!.blob.arrayBuffer()).slice(3));
    expect(text).toBe(forecastToCsv(result.forecast));
  });

  it('leaves the percentile rows out while the run is still going: a CSV never holds a provisional estimate', async () => {
    const { user, result } = renderScreen();
    const { workspace } = useSlidecast.getState();
    const scenario = activeScenarioOf(workspace);
    const summary = simulate(scenario.model, workspace.claims, { samples: 1000, seed: 7 });
    act(() => useSlidecast.getState().setSimulation({ scenarioId: scenario.id, summary, target: 10_000, running: true }));
    await user.click(screen.getByRole('button', { name: 'Download forecast (CSV)' }));
    const text = new TextDecoder().decode(new Uint8Array(await downloads[0]!.blob.arrayBuffer()).slice(3));
    expect(text).toBe(forecastToCsv(result.forecast));
  });

  it('names files after the scenario on screen, made safe for a file system', async () => {
    const { user } = renderScreen();
    act(() => useSlidecast.setState((s) => void (s.workspace.title = 'Q3 / board: "draft"')));
    await user.click(screen.getByRole('button', { name: 'Download forecast (CSV)' }));
    expect(downloads[0]!.name).toBe('Q3 board draft - Report consensus - forecast.csv');
  });

  it('says in an alert when the browser does not allow copying images', async () => {
    const { user } = renderScreen();
    await choose(user, 'Export total market chart', 'Copy image');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This browser does not let web pages copy images to the clipboard');
    expect(downloads).toHaveLength(0);
  });
});
