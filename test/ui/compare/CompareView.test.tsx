// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CompareResult } from '../../../src/engine/compareScenarios';
import { resetSlidecastStore, useSlidecast } from '../../../src/state/store';
import { CompareView } from '../../../src/ui/compare/CompareView';
import { formatSize } from '../../../src/ui/format';
import { computeComparison, stubResizeObserver, workspaceWithBull } from './compareFixtures';

beforeEach(() => stubResizeObserver());

afterEach(() => {
  cleanup();
  resetSlidecastStore();
  vi.unstubAllGlobals();
});

function renderCompare() {
  const user = userEvent.setup();
  return { user, ...render(<CompareView />) };
}

const lastOf = (values: ArrayLike<number>) => values[values.length - 1]!;

/** Puts the comparison in the store as the engine client would, and returns it. */
function computeInAct(): CompareResult {
  let result: CompareResult | undefined;
  act(() => {
    result = computeComparison();
  });
  return result!;
}

describe('CompareView', () => {
  it('says "Computing…" until the comparison arrives from the worker, then shows it', () => {
    renderCompare();
    const view = screen.getByTestId('compare-view');
    expect(within(view).getByText('Computing…')).toHaveAttribute('aria-busy', 'true');
    expect(screen.queryByTestId('delta-table')).toBeNull();
    computeInAct();
    expect(within(view).queryByText('Computing…')).toBeNull();
    expect(screen.getByTestId('delta-table')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Compare scenarios' })).toBeInTheDocument();
  });

  it('shows both scenarios’ totals by calendar year in the delta table, with the difference from the reference', () => {
    renderCompare();
    const result = computeInAct();
    const table = screen.getByTestId('delta-table');
    const consensusEnd = lastOf(result.results.consensus!.forecast.total);
    const narrowEnd = lastOf(result.results.narrow!.forecast.total);

    const row2032 = table.querySelector('tr[data-year="2032"]')!;
    expect(row2032.querySelector('td[data-scenario="consensus"]')).toHaveTextContent('$24.5 B');
    expect(row2032.querySelector('td[data-scenario="narrow"]')).toHaveTextContent('$17.4 B');
    const delta = row2032.querySelector('td[data-delta]')!;
    expect(Number(delta.getAttribute('data-delta'))).toBeCloseTo(narrowEnd - consensusEnd, 12);
    expect(delta).toHaveTextContent(`−${formatSize(consensusEnd - narrowEnd, 'USD bn')}`);
    expect(row2032).toHaveTextContent('−28.9%');

    // The narrow definition starts in 2023, the consensus in 2025: no consensus value, never 0.
    const row2023 = table.querySelector('tr[data-year="2023"]')!;
    expect(row2023.querySelector('td[data-scenario="consensus"]')).toHaveTextContent('—');
    expect(row2023.querySelector('td[data-scenario="narrow"]')).toHaveTextContent('$1.62 B');
    expect(row2023.querySelector('td[data-delta]')).toBeNull();
    expect(table.querySelectorAll('tbody tr')).toHaveLength(10);

    // CAGRs over each scenario's own horizon, and their difference in points.
    const cagr = table.querySelector('tfoot tr')!;
    expect(cagr).toHaveTextContent('5.2%');
    expect(cagr).toHaveTextContent('2025–2032');
    expect(cagr).toHaveTextContent('30.2%');
    expect(cagr).toHaveTextContent('2023–2032');
    expect(cagr).toHaveTextContent('+25.0 pp');
  });

  it('lists the assumptions that differ: base size 17.18 against 1.62', () => {
    renderCompare();
    computeInAct();
    const diff = screen.getByTestId('assumption-diff');
    const row = diff.querySelector('tr[data-key="baseSize:value"]')!;
    expect(within(row as HTMLElement).getByRole('rowheader')).toHaveTextContent('Market size in the base year');
    expect(row.querySelector('td[data-scenario="consensus"]')).toHaveTextContent('$17.18 B');
    expect(row.querySelector('td[data-scenario="narrow"]')).toHaveTextContent('$1.62 B');
    expect(diff.querySelector('tr[data-key="baseYear"]')).toHaveTextContent(/2025.*2023/);
    expect(diff.querySelector('tr[data-key="baseGrowth:value"]')).toHaveTextContent(/0\.0%.*25\.0%/);
    expect(diff).toHaveAttribute('data-count', '5');
  });

  it('draws the bridge as one bar per step whose deltas add up to the difference', async () => {
    const { user } = renderCompare();
    const result = computeInAct();
    const bridge = result.bridge!;
    const chart = screen.getByTestId('bridge-chart');
    await vi.waitFor(() => expect(chart.querySelector('svg[role="img"]')).not.toBeNull());

    // Steps that change nothing are folded away at first: the seed's two move by base and trend.
    expect([...chart.querySelectorAll('[data-step-id]')].map((bar) => bar.getAttribute('data-step-id'))).toEqual(['base', 'growth']);

    await user.click(within(chart).getByRole('button', { name: /Show 10 more steps that change nothing/ }));
    const bars = [...chart.querySelectorAll('[data-step-id]')];
    expect(bars.map((bar) => bar.getAttribute('data-step-id'))).toEqual(bridge.steps.map((s) => s.id));
    const from = Number(chart.querySelector('[data-bridge-total="from"]')!.getAttribute('data-value'));
    const to = Number(chart.querySelector('[data-bridge-total="to"]')!.getAttribute('data-value'));
    const sum = bars.reduce((acc, bar) => acc + Number(bar.getAttribute('data-delta')), 0);
    expect(sum).toBeCloseTo(to - from, 9);
    expect(to - from).toBeCloseTo(lastOf(result.results.narrow!.forecast.total) - lastOf(result.results.consensus!.forecast.total), 9);

    // The picture has a name, and a table of every step for those who cannot see it.
    const svg = chart.querySelector('svg[role="img"]')!;
    expect(svg.getAttribute('aria-label')).toMatch(/^Bridge of the end-year total from Report consensus \(2032: \$24\.5 B\) to Narrow definition/);
    expect(svg.getAttribute('aria-label')).toContain('Trend growth +$14.9 B');
    const table = within(chart).getByRole('table');
    expect(table.querySelectorAll('tr[data-step-row]')).toHaveLength(bridge.steps.length);
  });

  it('ticks scenarios into and out of the comparison, keeping at least two', async () => {
    useSlidecast.getState().replaceWorkspace(workspaceWithBull());
    const { user } = renderCompare();
    computeInAct();
    const picker = screen.getByRole('group', { name: 'Scenarios to compare' });
    const box = (name: string) => within(picker).getByRole('checkbox', { name }) as HTMLInputElement;
    // Nothing chosen yet: all three are compared.
    expect([box('Report consensus'), box('Narrow definition ($6 B by 2028)'), box('Bull')].every((b) => b.checked)).toBe(true);

    await user.click(box('Narrow definition ($6 B by 2028)'));
    expect(useSlidecast.getState().compareSelection).toEqual(['consensus', 'bull']);
    // Two left: neither can be unticked.
    expect(box('Report consensus')).toBeDisabled();
    expect(box('Bull')).toBeDisabled();

    await user.click(box('Narrow definition ($6 B by 2028)'));
    expect(useSlidecast.getState().compareSelection).toEqual(['consensus', 'bull', 'narrow']);
  });

  it('makes another scenario the reference, and picks and swaps the bridge pair', async () => {
    useSlidecast.getState().replaceWorkspace(workspaceWithBull());
    const { user } = renderCompare();
    computeInAct();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Reference' }), 'bull');
    expect(useSlidecast.getState().compareSelection).toEqual(['bull', 'consensus', 'narrow']);
    computeInAct();
    expect(screen.getByTestId('delta-table').querySelector('caption')).toHaveTextContent('the difference from Bull');

    const chart = screen.getByTestId('bridge-chart');
    await user.selectOptions(within(chart).getByRole('combobox', { name: 'to' }), 'narrow');
    expect(useSlidecast.getState().bridgePair).toEqual({ from: 'bull', to: 'narrow' });
    // Until the worker answers for the new pair, the old bridge is not shown as if it were this one.
    expect(within(chart).getByText('Computing…')).toBeInTheDocument();
    computeInAct();
    expect(within(chart).queryByText('Computing…')).toBeNull();

    await user.click(within(chart).getByRole('button', { name: 'Swap from and to' }));
    expect(useSlidecast.getState().bridgePair).toEqual({ from: 'narrow', to: 'bull' });
    // Choosing the other end's scenario swaps the ends rather than bridging a scenario to itself.
    await user.selectOptions(within(chart).getByRole('combobox', { name: 'From' }), 'bull');
    expect(useSlidecast.getState().bridgePair).toEqual({ from: 'bull', to: 'narrow' });
  });

  it('shows the bridge the worker computed while no pair has been picked', () => {
    renderCompare();
    // A engine client that defaults to another order than the screen does.
    act(() => {
      useSlidecast.getState().setBridgePair({ from: 'narrow', to: 'consensus' });
      computeComparison();
      useSlidecast.getState().setBridgePair(undefined);
    });
    const chart = screen.getByTestId('bridge-chart');
    expect(within(chart).queryByText('Computing…')).toBeNull();
    expect((within(chart).getByRole('combobox', { name: 'From' }) as HTMLSelectElement).value).toBe('narrow');
  });

  it('shows a member that one scenario lacks as "—", never as 0', async () => {
    useSlidecast.getState().replaceWorkspace(workspaceWithBull());
    const { user } = renderCompare();
    computeInAct();
    const panel = screen.getByTestId('compare-dimension').closest('section')!;
    await user.click(within(panel).getByRole('button', { name: 'Region' }));
    await user.click(within(panel).getByRole('checkbox', { name: 'Show nested members' }));
    const table = screen.getByTestId('compare-dimension');
    const russia = table.querySelector('tr[data-series="region/europe/ru"]')!;
    expect(russia.querySelector('td[data-scenario="bull"]')).toHaveTextContent('—');
    expect(russia.querySelector('td[data-scenario="consensus"]')).not.toHaveTextContent('—');
    const spain = table.querySelector('tr[data-series="region/europe/es"]')!;
    expect(spain.querySelector('td[data-scenario="consensus"]')).toHaveTextContent('—');
    expect(spain.querySelector('td[data-scenario="bull"]')).toHaveTextContent('$');
    // And in the list of differences, Spain's share is there for Bull only.
    const spainShare = screen.getByTestId('assumption-diff').querySelector('tr[data-key="share:region/europe/es:value"]')!;
    expect(spainShare.querySelector('td[data-scenario="consensus"]')).toHaveTextContent('—');
    expect(spainShare.querySelector('td[data-scenario="bull"]')).toHaveTextContent('13.0%');
  });

  it('renders scenario names as text, never as markup', () => {
    const workspace = workspaceWithBull();
    workspace.scenarios[2]!.name = '<img src=x onerror=alert(1)>Bull';
    useSlidecast.getState().replaceWorkspace(workspace);
    renderCompare();
    computeInAct();
    const view = screen.getByTestId('compare-view');
    expect(view.querySelector('img')).toBeNull();
    expect(within(view).getAllByText(/<img src=x onerror=alert\(1\)>Bull/).length).toBeGreaterThan(0);
  });

  it('asks for a second scenario when the workspace has one', () => {
    const workspace = workspaceWithBull();
    workspace.scenarios = [workspace.scenarios[0]!];
    useSlidecast.getState().replaceWorkspace(workspace);
    renderCompare();
    expect(screen.getByTestId('compare-view')).toHaveTextContent('Create another on the Scenarios page');
  });
});
