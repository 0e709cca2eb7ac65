// @vitest-environment jsdom
/**
 * The forecast of the scenario on screen, from the real engine's result in the real store: the
 * headline numbers, the table of every member, and the breakdown with its drill-down.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { seriesCagrs, totalCagr } from '../../src/engine/cagr';
import { simulate } from '../../src/engine/simulate';
import { simulationStatistic } from '../../src/engine/simulationSummary';
import { formatProbability } from '../../src/ui/claimOdds';
import { resetSlidecastStore, useSlidecast } from '../../src/state/store';
import { formatPercent, formatSize } from '../../src/ui/format';
import { ForecastView } from '../../src/ui/forecast/ForecastView';
import { HeadlineStrip } from '../../src/ui/forecast/HeadlineStrip';
import { memberPaths } from '../support/arbitraries';
import { NARROW, seedModel, setTiming, setValue } from '../state/storeFactories';
import { computeActiveScenario, stubResizeObserver } from './screenHarness';

beforeEach(() => stubResizeObserver());
afterEach(() => {
  cleanup();
  resetSlidecastStore();
  vi.unstubAllGlobals();
});

const headlineTotal = () => screen.getByTestId('headline-total');


/** The headline on the computed scenario, its list of claims opened by a click. */
async function openClaimsList() {
  const user = userEvent.setup();
  render(<HeadlineStrip />);
  act(() => {
    computeActiveScenario();
  });
  await user.click(screen.getByText('Which claims?'));
  return user;
}
describe('HeadlineStrip', () => {
  it('says the forecast is being computed until a result arrives', () => {
    render(<HeadlineStrip />);
    expect(screen.getByRole('region', { name: 'Headline' })).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByText('Computing the forecast…')).toBeInTheDocument();
    expect(screen.queryByTestId('headline-total')).not.toBeInTheDocument();
  });

  it("shows the end-year total, with data-value holding the engine's number", () => {
    render(<HeadlineStrip />);
    let result!: ReturnType<typeof computeActiveScenario>;
    act(() => {
      result = computeActiveScenario();
    });
    const end = result.forecast.total[result.forecast.total.length - 1]!;
    expect(Number(headlineTotal().getAttribute('data-value'))).toBe(end);
    // 17.18 growing 5.2% a year for seven years.
    expect(end).toBeCloseTo(17.18 * 1.052 ** 7, 6);
    expect(headlineTotal()).toHaveTextContent('$24.5 B');
    expect(screen.getByText('Market in 2032')).toBeInTheDocument();
  });

  it('shows the CAGR over the horizon and how the scenario stands against the claims', () => {
    render(<HeadlineStrip />);
    let result!: ReturnType<typeof computeActiveScenario>;
    act(() => {
      result = computeActiveScenario();
    });
    const cagr = screen.getByTestId('headline-cagr');
    expect(Number(cagr.getAttribute('data-value'))).toBe(totalCagr(result.forecast));
    expect(cagr).toHaveTextContent('5.2%');
    expect(screen.getByText('CAGR 2025–2032')).toBeInTheDocument();
    // The consensus reading meets the headline's claims and misses the $6 B one; the 2023 CAGR
    // lies before its base year.
    expect(screen.getByTestId('headline-claims')).toHaveTextContent('6 met · 1 missed · 1 not checkable');
    const missed = document.querySelector('[data-claim-id="size-2028-about-6"]');
    expect(missed).toHaveTextContent('✗ missed About $6 B by 2028');
  });

  it('puts the open list of claims away on Escape, the focus on its summary', async () => {
    const user = await openClaimsList();
    const details = screen.getByText('Which claims?').closest('details')!;
    expect(details.open).toBe(true);
    await user.keyboard('{Escape}');
    expect(details.open).toBe(false);
    expect(screen.getByText('Which claims?')).toHaveFocus();
  });

  it('puts the open list of claims away on a press outside it, and keeps it open on a press inside', async () => {
    const user = await openClaimsList();
    const details = screen.getByText('Which claims?').closest('details')!;
    await user.click(within(screen.getByRole('list', { name: 'Claims' })).getAllByRole('listitem')[0]!);
    expect(details.open).toBe(true);
    await user.click(headlineTotal());
    expect(details.open).toBe(false);
  });

  it('says there are no claims yet, rather than “0 met · 0 missed”, for a workspace without any', () => {
    useSlidecast.setState((state) => ({ workspace: { ...state.workspace, claims: [] } }));
    render(<HeadlineStrip />);
    act(() => {
      computeActiveScenario();
    });
    expect(screen.getByTestId('headline-claims')).toHaveTextContent(/^None yet$/);
  });

  it('lists, after the claims, the report’s statements that are no checkable target — the vendors’ revenues — with their source and “no check”', async () => {
    await openClaimsList();
    const items = within(screen.getByRole('list', { name: 'Claims' })).getAllByRole('listitem');
    expect(items).toHaveLength(8 + 5);
    const statements = items.slice(8).map((item) => item.textContent);
    expect(statements.map((text) => text!.match(/^– no check (.+? share):/)?.[1])).toEqual([
      'GE Healthcare share',
      'IBM Watson Health share',
      'Philips Healthcare share',
      'NVIDIA share',
      'Alibaba Cloud share',
    ]);
    for (const text of statements) expect(text).toContain('(seed report), major market players: "');
    expect(statements[0]).toContain('"They reported sales revenue of approximately $19 billion in 2022"');
    // Not counted as claims: the counts stay those of the checkable targets.
    expect(screen.getByTestId('headline-claims')).toHaveTextContent('6 met · 1 missed · 1 not checkable');
  });

  it('follows an edit once its result arrives', () => {
    render(<HeadlineStrip />);
    act(() => {
      computeActiveScenario();
    });
    const before = Number(headlineTotal().getAttribute('data-value'));
    let after = 0;
    act(() => {
      setValue({ kind: 'baseSize' }, 20);
      const result = computeActiveScenario();
      after = result.forecast.total[result.forecast.total.length - 1]!;
    });
    expect(after).toBeCloseTo((before * 20) / 17.18, 9);
    expect(Number(headlineTotal().getAttribute('data-value'))).toBe(after);
    expect(headlineTotal()).toHaveTextContent(formatSize(after, 'USD bn'));
  });

  it('switching a driver off lowers the total', () => {
    render(<HeadlineStrip />);
    act(() => {
      computeActiveScenario();
    });
    const before = Number(headlineTotal().getAttribute('data-value'));
    act(() => {
      setTiming('ai-advances', { enabled: false });
      computeActiveScenario();
    });
    expect(Number(headlineTotal().getAttribute('data-value'))).toBeLessThan(before);
  });

  it("never shows one scenario's number for another", () => {
    render(<HeadlineStrip />);
    act(() => {
      computeActiveScenario();
    });
    act(() => useSlidecast.getState().switchScenario(NARROW));
    expect(screen.queryByTestId('headline-total')).not.toBeInTheDocument();
    let end = 0;
    act(() => {
      const result = computeActiveScenario();
      end = result.forecast.total[result.forecast.total.length - 1]!;
    });
    expect(Number(headlineTotal().getAttribute('data-value'))).toBe(end);
    expect(headlineTotal()).toHaveTextContent('$17.4 B');
  });
});

describe('HeadlineStrip with a simulation (issue 10)', () => {
  /** Simulates the scenario on screen and puts its statistics in the store, as the pool would. */
  function simulateOnScreen(samples: number, running: boolean) {
    const { workspace, setSimulation } = useSlidecast.getState();
    const scenario = workspace.scenarios.find((s) => s.id === workspace.activeScenario)!;
    const summary = simulate(scenario.model, workspace.claims, { samples, seed: 11 });
    act(() => setSimulation({ scenarioId: scenario.id, summary, target: 50_000, running }));
    return summary;
  }

  it('states the end year’s 80% interval under the total and the odds of each claim beside met or missed', async () => {
    const user = userEvent.setup();
    render(<HeadlineStrip />);
    act(() => {
      computeActiveScenario();
    });
    expect(screen.queryByTestId('headline-interval')).not.toBeInTheDocument();
    const summary = simulateOnScreen(2000, false);
    const low = simulationStatistic(summary, 'p10', 0, summary.yearCount - 1);
    const high = simulationStatistic(summary, 'p90', 0, summary.yearCount - 1);
    expect(low).toBeLessThan(high);
    expect(screen.getByTestId('headline-interval')).toHaveTextContent(`80% interval ${formatSize(low, 'USD bn')} – ${formatSize(high, 'USD bn')}`);
    expect(screen.getByTestId('headline-basis')).toHaveTextContent(/^from 2,000 samples$/);

    await user.click(screen.getByText('Which claims?'));
    const over20 = document.querySelector('[data-claim-id="size-2028-over-20"]')!;
    const probability = summary.claims.find((c) => c.claimId === 'size-2028-over-20')!.probability!;
    expect(over20).toHaveTextContent(`✓ met Over $20 B by 2028P(2028 ≥ $20 B) = ${formatProbability(probability)}`);
    // The 2023 CAGR lies before the scenario's years: not checkable in every sample too.
    expect(document.querySelector('[data-claim-id="cagr-2023-2028-over-30"]')).toHaveTextContent('P(CAGR 2023–2028 ≥ 30%): not checkable');
  });

  it('marks the figures provisional while samples are still coming, outside any live region', () => {
    render(<HeadlineStrip />);
    act(() => {
      computeActiveScenario();
    });
    simulateOnScreen(3000, true);
    const basis = screen.getByTestId('headline-basis');
    expect(basis).toHaveTextContent('provisional, from 3,000 samples');
    expect(basis.closest('[aria-live]')).toBeNull();
    expect(screen.getByTestId('headline-interval').closest('[aria-live]')).toBeNull();
    expect(document.querySelector('[data-claim-id="size-2028-over-20"] .claim-odds')).toHaveTextContent('(provisional, from 3,000 samples)');
  });

  it('gives each claim marker on the total chart its odds, in its tooltip and accessible text', async () => {
    render(<ForecastView />);
    act(() => {
      computeActiveScenario();
    });
    const marker = () => document.querySelector('.claim-marker[data-claim-id="size-2028-over-20"] title')!;
    await vi.waitFor(() => expect(marker()).not.toBeNull());
    expect(marker().textContent).toBe('Over $20 B by 2028: ≥ $20.0 B in 2028, met');
    const summary = simulateOnScreen(2000, false);
    const probability = summary.claims.find((c) => c.claimId === 'size-2028-over-20')!.probability!;
    expect(marker().textContent).toBe(`Over $20 B by 2028: ≥ $20.0 B in 2028, met; P(2028 ≥ $20 B) = ${formatProbability(probability)}`);
    // While samples are still coming, the marker's odds say so, as the headline's do.
    const partial = simulateOnScreen(3000, true);
    const early = partial.claims.find((c) => c.claimId === 'size-2028-over-20')!.probability!;
    expect(marker().textContent).toBe(`Over $20 B by 2028: ≥ $20.0 B in 2028, met; P(2028 ≥ $20 B) = ${formatProbability(early)} (provisional, from 3,000 samples)`);
  });

  it('shows no interval or odds from another scenario’s simulation', () => {
    render(<HeadlineStrip />);
    act(() => {
      computeActiveScenario();
    });
    simulateOnScreen(1000, false);
    act(() => useSlidecast.getState().switchScenario(NARROW));
    act(() => {
      computeActiveScenario();
    });
    expect(screen.getByTestId('headline-total')).toBeInTheDocument();
    expect(screen.queryByTestId('headline-interval')).not.toBeInTheDocument();
    expect(document.querySelector('.claim-odds')).toBeNull();
  });
});

describe('member table', () => {
  it('lists every member of every dimension, nested ones too, with its values, share and CAGR', () => {
    const result = computeActiveScenario();
    render(<ForecastView />);
    const table = screen.getByTestId('member-table');
    const rows = [...table.querySelectorAll('tr[data-series]')];
    expect(rows.map((row) => row.getAttribute('data-series'))).toEqual(memberPaths(seedModel()));

    const { layout, values, shares } = result.forecast;
    const n = layout.years.length;
    const cagrs = seriesCagrs(result.forecast);
    rows.forEach((row, s) => {
      const info = layout.series[s]!;
      const cells = within(row as HTMLElement).getAllByRole('cell').map((c) => c.textContent);
      expect(within(row as HTMLElement).getByRole('rowheader')).toHaveTextContent(info.name);
      expect(cells).toEqual([
        formatSize(values[s * n]!, 'USD bn'),
        formatSize(values[s * n + n - 1]!, 'USD bn'),
        formatPercent(shares[s * n + n - 1]!),
        formatPercent(cagrs[s]!),
      ]);
    });
  });

  it('starts with the total and heads each dimension', () => {
    computeActiveScenario();
    render(<ForecastView />);
    const table = screen.getByTestId('member-table');
    expect(within(table).getByRole('rowheader', { name: 'Total market' }).closest('tr')).toHaveTextContent('$17.2 B$24.5 B100.0%5.2%');
    for (const name of ['Product type', 'Application', 'Region']) {
      expect(within(table).getByRole('columnheader', { name })).toBeInTheDocument();
    }
    expect(within(table).getByRole('columnheader', { name: '2025' })).toBeInTheDocument();
    expect(within(table).getByRole('columnheader', { name: '2032' })).toBeInTheDocument();
  });

  it('shows where the seed report’s regions stand in the base year', () => {
    computeActiveScenario();
    render(<ForecastView />);
    const europe = document.querySelector('tr[data-series="region/europe"]') as HTMLElement;
    // $17.18 B × 30% in 2025.
    expect(within(europe).getAllByRole('cell')[0]).toHaveTextContent('$5.15 B');
  });
});

describe('breakdown', () => {
  function breakdown() {
    return screen.getByRole('region', { name: 'Breakdown' });
  }
  function legendNames() {
    return within(within(breakdown()).getByRole('list', { name: 'Legend' }))
      .getAllByRole('listitem')
      .map((item) => item.textContent!.replace('›', ''));
  }

  it('shows the first dimension, switches to another, and drills into a region and back via the breadcrumb', async () => {
    const user = userEvent.setup();
    computeActiveScenario();
    render(<ForecastView />);
    await vi.waitFor(() => expect(within(breakdown()).getByRole('list', { name: 'Legend' })).toBeInTheDocument());
    expect(legendNames()).toEqual(['Hardware', 'Software']);
    expect(within(breakdown()).getByRole('heading', { level: 2 })).toHaveTextContent('By product type');
    // Product types have no parts: nothing to drill into.
    expect(within(within(breakdown()).getByRole('list', { name: 'Legend' })).queryAllByRole('button')).toEqual([]);

    await user.click(within(breakdown()).getByRole('button', { name: 'Region' }));
    expect(within(breakdown()).getByRole('button', { name: 'Region' })).toHaveAttribute('aria-pressed', 'true');
    expect(legendNames()).toEqual(['North America', 'Europe', 'Asia-Pacific', 'Latin America', 'Middle East & Africa']);

    const legend = within(breakdown()).getByRole('list', { name: 'Legend' });
    await user.click(within(legend).getByRole('button', { name: 'Europe' }));
    expect(within(breakdown()).getByRole('heading', { level: 2 })).toHaveTextContent('By region — Europe');
    expect(legendNames()).toEqual(['Germany', 'France', 'United Kingdom', 'Italy', 'Russia']);
    const crumbs = within(breakdown()).getByRole('navigation', { name: 'Drill-down' });
    expect(within(crumbs).getByRole('button', { name: 'Europe' })).toBeDisabled();

    await user.click(within(crumbs).getByRole('button', { name: 'All region' }));
    expect(within(breakdown()).getByRole('heading', { level: 2 })).toHaveTextContent(/^By region$/);
    expect(legendNames()).toEqual(['North America', 'Europe', 'Asia-Pacific', 'Latin America', 'Middle East & Africa']);
    expect(within(crumbs).getByRole('button', { name: 'All region' })).toBeDisabled();
  });

  it('keeps the drill-down while the numbers change', async () => {
    const user = userEvent.setup();
    computeActiveScenario();
    render(<ForecastView />);
    await vi.waitFor(() => expect(within(breakdown()).getByRole('list', { name: 'Legend' })).toBeInTheDocument());
    await user.click(within(breakdown()).getByRole('button', { name: 'Region' }));
    await user.click(within(within(breakdown()).getByRole('list', { name: 'Legend' })).getByRole('button', { name: 'Asia-Pacific' }));
    act(() => {
      setValue({ kind: 'baseSize' }, 20);
      computeActiveScenario();
    });
    expect(within(breakdown()).getByRole('heading', { level: 2 })).toHaveTextContent('By region — Asia-Pacific');
    expect(legendNames()[0]).toBe('China');
  });
});
