// @vitest-environment jsdom
/**
 * The printable summary: rendered only while the page prints (not on every slider frame while it
 * is hidden), at the end of <body> so the print stylesheet can show it alone; what it says — the
 * workspace and scenario, the headline, both charts at print size, the key assumptions with their
 * sources or notes as numbered notes, the claims — with user text kept as text.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { evaluateScenario } from '../../../src/engine/evaluateScenario';
import { simulate } from '../../../src/engine/simulate';
import { simulationStatistic } from '../../../src/engine/simulationSummary';
import { formatProbability } from '../../../src/ui/claimOdds';
import { formatSize } from '../../../src/ui/format';
import { seedWorkspace } from '../../../src/model/seedWorkspace';
import { resetSlidecastStore, useSlidecast } from '../../../src/state/store';
import { ForecastView } from '../../../src/ui/forecast/ForecastView';
import { PRINT_CHART_HEIGHT, PRINT_CHART_WIDTH, PrintSummary } from '../../../src/ui/print/PrintSummary';
import { stopPrinting } from '../../../src/ui/print/printMode';
import { MAX_MEMBERS, buildPrintSummary, summaryDimension } from '../../../src/ui/print/summaryData';
import { computeActiveScenario, stubResizeObserver } from '../screenHarness';

beforeEach(() => stubResizeObserver(800));
afterEach(() => {
  act(() => stopPrinting());
  cleanup();
  resetSlidecastStore();
  vi.unstubAllGlobals();
});

const summary = () => document.querySelector<HTMLElement>('[data-testid="print-summary"]');

function renderSummary() {
  render(<PrintSummary />);
  act(() => {
    computeActiveScenario();
  });
}

function printNow() {
  act(() => {
    window.dispatchEvent(new Event('beforeprint'));
  });
}

describe('PrintSummary', () => {
  it('is not rendered until the page prints, and goes when printing is over', () => {
    renderSummary();
    expect(summary()).toBeNull();
    printNow();
    expect(summary()).not.toBeNull();
    // Outside the app's root: the print stylesheet hides every other child of <body>.
    expect(summary()!.parentElement).toBe(document.body);
    act(() => {
      window.dispatchEvent(new Event('afterprint'));
    });
    expect(summary()).toBeNull();
  });

  it('"Print summary" renders the summary before opening the print dialog', async () => {
    const user = userEvent.setup();
    let presentWhenPrinting = false;
    const print = vi.fn(() => {
      presentWhenPrinting = summary() !== null;
    });
    vi.stubGlobal('print', print);
    render(
      <>
        <ForecastView />
        <PrintSummary />
      </>,
    );
    act(() => {
      computeActiveScenario();
    });
    await user.click(screen.getByRole('button', { name: 'Print summary' }));
    expect(print).toHaveBeenCalledTimes(1);
    expect(presentWhenPrinting).toBe(true);
  });

  it('stops rendering soon after when the print dialog returns at once without print events (headless)', async () => {
    vi.stubGlobal('print', vi.fn());
    const user = userEvent.setup();
    render(
      <>
        <ForecastView />
        <PrintSummary />
      </>,
    );
    act(() => {
      computeActiveScenario();
    });
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      await user.click(screen.getByRole('button', { name: 'Print summary' }));
      expect(summary()).not.toBeNull();
      act(() => vi.advanceTimersByTime(1100));
      expect(summary()).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('says what the scenario is and where it ends up', () => {
    renderSummary();
    printNow();
    const page = within(summary()!);
    expect(page.getByRole('heading', { level: 1 })).toHaveTextContent('AI in Medical Imaging Diagnosis');
    expect(page.getByText('Report consensus')).toBeInTheDocument();
    expect(page.getByText(/^The report’s headline: 5\.2% a year from 2025/)).toBeInTheDocument();
    expect(page.getByText('$24.5 B')).toBeInTheDocument();
    expect(page.getByText('5.2%', { selector: 'dd' })).toBeInTheDocument();
    expect(page.getByText('6 met')).toBeInTheDocument();
    expect(page.getByText('1 missed')).toBeInTheDocument();
    expect(page.getByText('1 not checkable')).toBeInTheDocument();
  });

  it('draws the total and the regions at a fixed print size, whatever the screen', () => {
    stubResizeObserver(1700);
    renderSummary();
    printNow();
    const total = summary()!.querySelector('svg[data-testid="total-chart"]')!;
    const regions = summary()!.querySelector('svg[data-testid="stacked-area-chart"]')!;
    for (const chart of [total, regions]) {
      expect(chart.getAttribute('width')).toBe(String(PRINT_CHART_WIDTH));
      expect(chart.getAttribute('height')).toBe(String(PRINT_CHART_HEIGHT));
    }
    expect(within(summary()!).getByText('By region (USD bn)')).toBeInTheDocument();
    expect(regions.querySelectorAll('path.stacked-area')).toHaveLength(5);
    expect(total.querySelectorAll('.claim-marker')).toHaveLength(2);
  });

  it('lists the key assumptions with source or assumption, citing numbered notes that hold the texts', () => {
    renderSummary();
    printNow();
    const page = summary()!;
    const rows = [...page.querySelectorAll('.ps-table tbody tr')].map((row) => row.textContent);
    expect(rows[0]).toMatch(/^Market size 2025\$17\.18 Bsource1,2$/);
    expect(rows[1]).toMatch(/^Trend growth0\.0%\/yrassumption3$/);
    expect(rows).toContain('Advances in AI algorithms and deep learning+1.5%/yrassumption4');
    expect(rows).toContain('Regulatory hurdles-0.6%/yrassumption5');
    expect(rows.find((r) => r?.startsWith('Asia-Pacific'))).toMatch(/^Asia-Pacific \(\+1\.0%\/yr vs\. market\)20\.0%source\d+,\d+$/);
    const notes = [...page.querySelectorAll('.ps-notes li')].map((li) => li.textContent);
    expect(notes[0]).toMatch(/^derived: 20 \/ 1\.052³/);
    // The base's note: why its range is what it is (the seed's ranges say why in their notes).
    expect(notes[1]).toMatch(/^Range: from the value up to 10% more, triangular — "over \$20 billion" is a floor/);
    expect(notes[3]).toMatch(/^Assumption: the report names this driver but not its weight.* Range: ±50% of the value/);
    // The seven drivers share one note; the texts are not repeated.
    expect(new Set(notes).size).toBe(notes.length);
    expect(page.querySelectorAll('.ps-table caption')).toHaveLength(5);
  });

  it('lists every claim with its status and the forecast’s value', () => {
    renderSummary();
    printNow();
    const claims = [...summary()!.querySelectorAll('.ps-claim')].map((li) => li.textContent);
    expect(claims).toHaveLength(8);
    // Figures are kept whole on the narrow column: a no-break space before the scale, word joiners around a range's dash.
    expect(claims[1]).toMatch(/^✓ metOver \$20\u00a0B by 2028 — forecast \$20\.0\u00a0B\d+$/);
    expect(claims[2]).toMatch(/^✗ missedAbout \$6\u00a0B by 2028 — forecast \$20\.0\u00a0B\d+$/);
    expect(claims[3]).toMatch(/^– not checkableCAGR over 30% 2023\u2060–\u20602028 — /);
  });

  it('gathers the report’s statements that are no checkable target in one compact “no check” list after the claims, each citing a note that holds it whole', () => {
    renderSummary();
    printNow();
    const page = summary()!;
    // The eight claims keep a row each; the five statements share one short list, not a row each.
    expect(page.querySelectorAll('.ps-claim')).toHaveLength(8);
    const block = page.querySelector('.ps-no-check')!;
    expect(block.querySelector('.ps-claim-status')!.textContent).toBe('– no check');
    const statements = [...block.querySelectorAll('.ps-statement')];
    expect(statements).toHaveLength(5);
    expect(statements[0]!.textContent).toMatch(/^GE Healthcare share "They reported sales revenue of approximately \$19 billion in 2022"\d+/);
    expect(block.textContent).toContain('Alibaba Cloud share "Alibaba\'s cloud revenue, around $10 billion"');
    const notes = new Map([...page.querySelectorAll<HTMLLIElement>('.ps-notes li')].map((li) => [li.value, li.textContent]));
    const cited = (element: Element) => element.querySelector('.ps-ref')!.textContent!.split(',').map(Number);
    const [statementNote] = cited(statements[0]!);
    expect(notes.get(statementNote!)).toMatch(
      /^No check: Global AI in Medical Imaging Diagnosis Market, 2025–2032 \(seed report\), major market players: "They reported sales revenue of approximately \$19 billion in 2022" — .*, so it cannot be a market share\.$/,
    );
    // The vendor's share row cites the vendors' reasoning (one note for all of them) and the same statement.
    const shareRow = [...page.querySelectorAll('.ps-table tbody tr')].find((row) => row.textContent!.startsWith('GE Healthcare'))!;
    const [reasoning, statement] = cited(shareRow);
    expect(statement).toBe(statementNote);
    expect(notes.get(reasoning!)).toMatch(/^Assumption: the report names eleven key players/);
    const samsungRow = [...page.querySelectorAll('.ps-table tbody tr')].find((row) => row.textContent!.startsWith('Samsung'))!;
    expect(cited(samsungRow)).toEqual([reasoning]);
    // IBM Watson Health's row is not on the page (a small vendor), but its statement and note are.
    expect([...page.querySelectorAll('.ps-table tbody tr')].some((row) => row.textContent!.startsWith('IBM'))).toBe(false);
    expect(notes.get(cited(statements[1]!)[0]!)).toMatch(/^No check: .*"The division generated an estimated \$4 billion in revenue"/);
  });

  it('shows a dimension of more than six members as its five largest and the rest counted', () => {
    renderSummary();
    printNow();
    const vendors = [...summary()!.querySelectorAll('.ps-table')].find((table) => table.querySelector('caption')!.textContent!.startsWith('Vendor'))!;
    const rows = [...vendors.querySelectorAll('tbody tr')].map((row) => row.textContent);
    expect(rows.slice(0, 5).map((row) => row!.replace(/\d+\.\d%.*$/, ''))).toEqual(['Others', 'GE Healthcare', 'Philips Healthcare', 'NVIDIA', 'Samsung']);
    expect(rows[1]).toMatch(/^GE Healthcare12\.0%assumption/);
    expect(rows[5]).toBe('+ 7 more (17.0% together)');
    expect(rows).toHaveLength(6);
  });

  it('renders names, notes and sources as text, never as markup', () => {
    const workspace = seedWorkspace();
    const hostile = '<img src=x onerror="alert(1)"><b>bold</b>';
    workspace.title = hostile;
    workspace.scenarios[0]!.name = hostile;
    workspace.scenarios[0]!.notes = hostile;
    workspace.scenarios[0]!.model.dimensions[2]!.members[0]!.name = hostile;
    workspace.scenarios[0]!.model.baseSize.source = hostile;
    workspace.claims[1]!.label = hostile;
    useSlidecast.getState().replaceWorkspace(workspace);
    renderSummary();
    printNow();
    const page = summary()!;
    expect(page.querySelectorAll('img, b')).toHaveLength(0);
    expect(page.textContent!.split(hostile).length - 1).toBeGreaterThanOrEqual(6);
  });

  it('says the forecast is still being computed when there is no result yet', () => {
    render(<PrintSummary />);
    printNow();
    expect(summary()).toHaveTextContent('The forecast is still being computed.');
  });
});

describe('buildPrintSummary', () => {
  it('cuts long lists for the page and counts what it left out', () => {
    const workspace = seedWorkspace();
    const model = workspace.scenarios[0]!.model;
    const many = Array.from({ length: 12 }, (_, i) => ({ id: `m${i}`, name: `Member ${i}`, share: { value: 1 / 12 } }));
    model.dimensions[1]!.members = many;
    const data = buildPrintSummary(workspace, workspace.scenarios[0]!, evaluateScenario(model, workspace.claims));
    const applications = data.shares[1]!;
    expect(applications.rows).toHaveLength(MAX_MEMBERS - 1);
    expect(applications.more).toBe('+ 7 more (58.3% together)');
  });

  it('draws the dimension whose members have parts of their own (regions), else the first', () => {
    const workspace = seedWorkspace();
    const model = workspace.scenarios[0]!.model;
    expect(summaryDimension(evaluateScenario(model, []).forecast)).toBe(2);
    for (const member of model.dimensions[2]!.members) delete member.children;
    expect(summaryDimension(evaluateScenario(model, []).forecast)).toBe(0);
  });
});

describe('PrintSummary with a simulation (issue 10)', () => {
  it('states the end year’s 80% interval, draws the fan on the total chart and gives each claim its odds, with a simulation of the scenario', () => {
    renderSummary();
    const { workspace, setSimulation } = useSlidecast.getState();
    const scenario = workspace.scenarios.find((s) => s.id === workspace.activeScenario)!;
    const simulated = simulate(scenario.model, workspace.claims, { samples: 2000, seed: 5 });
    act(() => setSimulation({ scenarioId: scenario.id, summary: simulated, target: 2000, running: false }));
    printNow();
    const t = simulated.yearCount - 1;
    const interval = `${formatSize(simulationStatistic(simulated, 'p10', 0, t), 'USD bn')} – ${formatSize(simulationStatistic(simulated, 'p90', 0, t), 'USD bn')}`;
    expect(within(summary()!).getByTestId('print-interval')).toHaveTextContent(`80% interval ${interval} (from 2,000 samples)`);
    expect(summary()!.querySelectorAll('[data-fan-band]')).toHaveLength(3);
    const over20 = simulated.claims.find((c) => c.claimId === 'size-2028-over-20')!.probability!;
    const claims = [...summary()!.querySelectorAll('.ps-claim')].map((li) => li.textContent);
    expect(claims.find((text) => text!.includes('Over $20\u00a0B by 2028'))).toContain(`· P(2028 ≥ $20 B) = ${formatProbability(over20)}`);
    expect(claims.find((text) => text!.includes('CAGR over 30% 2023\u2060–\u20602028'))).toContain('· P(CAGR 2023–2028 ≥ 30%): not checkable');
  });

  it('says nothing of uncertainty without a simulation of the scenario', () => {
    renderSummary();
    printNow();
    expect(within(summary()!).queryByTestId('print-interval')).toBeNull();
    expect(summary()!.querySelector('[data-fan-band]')).toBeNull();
    expect(summary()!.querySelector('.ps-odds')).toBeNull();
  });
});
