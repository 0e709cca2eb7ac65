// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { bridgeSteps } from '../../../src/engine/bridge';
import { forecast } from '../../../src/engine/forecast';
import type { AssumptionDiff } from '../../../src/model/scenarioDiff';
import { diffAssumptions } from '../../../src/model/scenarioDiff';
import { seedWorkspace } from '../../../src/model/seedWorkspace';
import type { Model } from '../../../src/model/types';
import { STATUS_COLORS } from '../../../src/ui/charts/chartPalette';
import { AssumptionDiffList } from '../../../src/ui/compare/AssumptionDiffList';
import { BridgeWaterfallPlot } from '../../../src/ui/compare/BridgeChart';
import { CompareTotals } from '../../../src/ui/compare/CompareTotals';
import { DeltaTable } from '../../../src/ui/compare/DeltaTable';
import { formatSignedSize, scenarioColor, type CompareEntry } from '../../../src/ui/compare/compareData';
import { formatPoints } from '../../../src/ui/format';
import { driver, model } from '../../support/models';
import { stubResizeObserver } from './compareFixtures';

beforeEach(() => stubResizeObserver(900));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function entry(id: string, m: Model, index: number): CompareEntry {
  return { id, name: id.toUpperCase(), unit: m.unit, color: scenarioColor(index), forecast: forecast(m) };
}

const [consensus, narrow] = seedWorkspace().scenarios;

describe('compare formats', () => {
  it('signs differences with a true minus and writes rate differences in points', () => {
    expect(formatSignedSize(2.1, 'USD bn')).toBe('+$2.10 B');
    expect(formatSignedSize(-21.9, 'USD bn')).toBe('\u2212$21.9 B');
    expect(formatSignedSize(0, 'USD bn')).toBe('$0.00 B');
    expect(formatSignedSize(Number.NaN, 'USD bn')).toBe('—');
    expect(formatPoints(0.25)).toBe('+25.0 pp');
    expect(formatPoints(-0.004)).toBe('\u22120.4 pp');
  });

  it('gives the reference the forecast colour and every other scenario its own', () => {
    const colors = [0, 1, 2, 3, 4, 5].map(scenarioColor);
    expect(new Set(colors).size).toBe(6);
  });
});

describe('CompareTotals', () => {
  it('draws the reference as the line and the others as dashed lines in their colours, over every year', async () => {
    const entries = [entry('consensus', consensus!.model, 0), entry('narrow', narrow!.model, 1)];
    render(<CompareTotals entries={entries} height={300} />);
    const svg = await screen.findByTestId('total-chart');
    // The chart spans 2023–2032 (the narrow definition starts earlier) …
    const years = [...svg.querySelectorAll('.visx-axis-bottom .visx-axis-tick')].map((t) => t.textContent);
    expect(years[0]).toBe('2023');
    expect(years[years.length - 1]).toBe('2032');
    // … and the reference's line starts in its own base year: no points, and no zeros, before it.
    expect([...svg.querySelectorAll('circle.total-point')].map((c) => c.getAttribute('data-year'))).toEqual(
      ['2025', '2026', '2027', '2028', '2029', '2030', '2031', '2032'],
    );
    expect(svg.getAttribute('aria-label')).toMatch(/^CONSENSUS, USD bn, 2025 to 2032: from \$17\.2 B to \$24\.5 B/);
    const ghost = svg.querySelector('[data-ghost-id="narrow"]')!;
    expect(ghost).toHaveAttribute('stroke', scenarioColor(1));
    expect(ghost).toHaveAttribute('stroke-dasharray');
    const legend = screen.getByRole('list', { name: 'Legend' });
    expect(legend).toHaveTextContent('CONSENSUS');
    expect(legend).toHaveTextContent('NARROW');
  });
});

describe('DeltaTable', () => {
  it('aligns scenarios of different years by calendar year and puts "—" where one has no value', () => {
    const short = model({ baseYear: 2025, endYear: 2027, baseGrowth: 0.1 });
    const late = model({ baseYear: 2026, endYear: 2029, baseSize: 50 });
    render(<DeltaTable entries={[entry('short', short, 0), entry('late', late, 1)]} />);
    const table = screen.getByTestId('delta-table');
    expect([...table.querySelectorAll('tbody tr')].map((r) => r.getAttribute('data-year'))).toEqual(['2025', '2026', '2027', '2028', '2029']);
    const cells = (year: number) => [...table.querySelectorAll(`tr[data-year="${year}"] td`)].map((c) => c.textContent);
    expect(cells(2025)).toEqual(['$100 B', '—', '—', '—']);
    // 2026: 110 against 50 → −60, −54.5%.
    expect(cells(2026)).toEqual(['$110 B', '$50.0 B', '\u2212$60.0 B', '\u221254.5%']);
    expect(cells(2029)).toEqual(['—', '$50.0 B', '—', '—']);
    // Each scenario's end year is in bold.
    expect(table.querySelector('tr[data-year="2027"] td[data-scenario="short"]')).toHaveClass('is-end');
    expect(within(table).getByRole('columnheader', { name: /SHORT/ })).toBeInTheDocument();
  });

  it('warns that differences mix units when the scenarios use different ones', () => {
    const euros = { ...model({}), unit: 'EUR bn' };
    render(<DeltaTable entries={[entry('a', model({}), 0), entry('b', euros, 1)]} />);
    expect(screen.getByTestId('delta-table').querySelector('caption')).toHaveTextContent('different units');
  });
});

describe('AssumptionDiffList', () => {
  const scenarios = [
    { id: 'a', name: 'A', unit: 'USD bn', color: scenarioColor(0) },
    { id: 'b', name: 'B', unit: 'USD bn', color: scenarioColor(1) },
  ];

  it('shows sizes in the unit, rates as percents, ranges, switches, start years and absences', () => {
    const a = model({ baseSize: 17.18, baseGrowth: 0.0125, drivers: [driver('x', 0.01), driver('gone', -0.004)] });
    const b = model({ baseSize: 1.62, baseGrowth: 0.013, drivers: [driver('x', 0.01, { enabled: false, startYear: 2026 })] });
    b.baseSize.range = { low: 1.3, high: 1.9, dist: 'pert' };
    const rows = diffAssumptions([
      { id: 'a', name: 'A', model: a },
      { id: 'b', name: 'B', model: b },
    ]);
    render(<AssumptionDiffList scenarios={scenarios} rows={rows} />);
    const table = screen.getByTestId('assumption-diff');
    const cells = (key: string) => [...table.querySelectorAll(`tr[data-key="${key}"] td`)].map((c) => c.textContent);
    expect(cells('baseSize:value')).toEqual(['$17.18 B', '$1.62 B']);
    expect(cells('baseSize:range')).toEqual(['none', '$1.3\u00a0B – $1.9\u00a0B (PERT)']);
    // 1.25% and 1.3% must not both read "1.3%".
    expect(cells('baseGrowth:value')).toEqual(['1.25%', '1.30%']);
    expect(cells('driver:x:enabled')).toEqual(['on', 'off']);
    expect(cells('driver:x:startYear')).toEqual(['2026 (year after base)', '2026']);
    expect(cells('driver:gone:value')).toEqual(['\u22120.4%', '—']);
    expect(table.querySelector('tr[data-key="driver:gone:value"] td[data-scenario="b"]')).toHaveAttribute('title', 'B does not have this');
    // Driver rows sit under a "Drivers" heading row.
    expect(within(table).getByRole('columnheader', { name: 'Drivers' })).toBeInTheDocument();
    expect(table.querySelector('caption')).toHaveTextContent(`${rows.length} assumptions differ`);
  });

  it('says so when nothing differs', () => {
    const rows: AssumptionDiff[] = [];
    render(<AssumptionDiffList scenarios={scenarios} rows={rows} />);
    expect(screen.getByTestId('assumption-diff')).toHaveTextContent('These scenarios make the same assumptions.');
  });
});

describe('BridgeWaterfallPlot', () => {
  const from = model({ baseSize: 100, baseGrowth: 0.05, drivers: [driver('cut', -0.02), driver('same', 0.01)] });
  const to = model({ baseSize: 120, baseGrowth: 0.02, endYear: 2031, drivers: [driver('same', 0.01), driver('boost', 0.03)] });
  const bridge = bridgeSteps(from, to);
  const ends = { from: { name: 'From', color: scenarioColor(0) }, to: { name: 'To', color: scenarioColor(1) } };

  it('draws green bars for steps up, red for steps down, each labelled with its delta, between the two totals', () => {
    const { container } = render(<BridgeWaterfallPlot bridge={bridge} {...ends} width={900} showUnchanged />);
    const bars = [...container.querySelectorAll('rect[data-step-id]')];
    expect(bars.map((b) => b.getAttribute('data-step-id'))).toEqual(['base', 'growth', 'driver:cut', 'driver:same', 'driver:boost', 'horizon']);
    const colour = (id: string) => container.querySelector(`rect[data-step-id="${id}"]`)!.getAttribute('fill');
    expect(colour('base')).toBe(STATUS_COLORS.met);
    expect(colour('growth')).toBe(STATUS_COLORS.missed);
    expect(colour('driver:cut')).toBe(STATUS_COLORS.met);
    const growth = bridge.steps[1]!;
    expect(container.querySelector('rect[data-step-id="growth"]')!.closest('g')).toHaveTextContent('Trend growth');
    expect(container.querySelector('rect[data-step-id="growth"]')!.closest('g')).toHaveTextContent(formatSignedSize(growth.delta, 'USD bn'));
    expect(container.querySelector('rect[data-step-id="driver:same"]')!.closest('g')).toHaveTextContent('no change');
    // Start and end bars carry the totals.
    expect(Number(container.querySelector('rect[data-bridge-total="from"]')!.getAttribute('data-value'))).toBe(bridge.fromTotal);
    expect(Number(container.querySelector('rect[data-bridge-total="to"]')!.getAttribute('data-value'))).toBe(bridge.toTotal);
    // A floating bar spans from the total before the step to the total after it.
    const base = container.querySelector('rect[data-step-id="base"]')!;
    const start = container.querySelector('rect[data-bridge-total="from"]')!;
    const right = (r: Element) => Number(r.getAttribute('x')) + Number(r.getAttribute('width'));
    expect(Number(base.getAttribute('x'))).toBeCloseTo(right(start), 6);
  });

  it('folds steps that change nothing, and still lists them in the table for screen readers', () => {
    const { container } = render(<BridgeWaterfallPlot bridge={bridge} {...ends} width={900} />);
    expect(container.querySelector('rect[data-step-id="driver:same"]')).toBeNull();
    expect(container.querySelectorAll('rect[data-step-id]')).toHaveLength(5);
    const table = within(container as HTMLElement).getByRole('table');
    expect(within(table).getByRole('rowheader', { name: 'same' }).closest('tr')).toHaveTextContent('no change');
    expect(container.querySelector('svg')!.getAttribute('aria-label')).toContain('1 step changes nothing');
  });

  it('keeps long labels inside their column by wrapping them', () => {
    const long = { ...to, drivers: [...to.drivers, { ...driver('long', 0.01), name: 'Collaboration between technology companies and healthcare providers across every region' }] };
    const { container } = render(<BridgeWaterfallPlot bridge={bridgeSteps(from, long)} {...ends} width={640} />);
    const label = [...container.querySelectorAll('.bridge-step text')].find((t) => t.textContent?.startsWith('Collaboration'))!;
    expect(label.querySelectorAll('tspan').length).toBe(2);
    expect(label.querySelector('title')).toHaveTextContent('Collaboration between technology companies and healthcare providers across every region (added)');
  });
});
