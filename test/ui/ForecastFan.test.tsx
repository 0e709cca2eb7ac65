// @vitest-environment jsdom
/**
 * The fan on the forecast view, from the real engine's simulation of the seed put in the store the
 * way the worker pool will: the total's fan and its end-year histogram, any member's fan from the
 * member table, and no fan for statistics of another scenario.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { seriesIndex } from '../../src/engine/seriesAccess';
import { simulate } from '../../src/engine/simulate';
import { simulationStatistic, type SimulationSummary } from '../../src/engine/simulationSummary';
import { addMember, removeMember } from '../../src/model/structureOps';
import { activeScenarioOf } from '../../src/state/scenarioSelectors';
import { resetSlidecastStore, useSlidecast } from '../../src/state/store';
import { formatSizeRange } from '../../src/ui/format';
import { ForecastView } from '../../src/ui/forecast/ForecastView';
import { CONSENSUS, NARROW } from '../state/storeFactories';
import { computeActiveScenario, stubResizeObserver } from './screenHarness';

beforeEach(() => stubResizeObserver());
afterEach(() => {
  cleanup();
  resetSlidecastStore();
  vi.unstubAllGlobals();
});

/** Simulates the scenario on screen (few samples, a fixed seed) and puts its statistics in the store. */
function simulateActiveScenario(scenarioId?: string): SimulationSummary {
  const { workspace, setSimulation } = useSlidecast.getState();
  const scenario = activeScenarioOf(workspace);
  const summary = simulate(scenario.model, workspace.claims, { samples: 400, seed: 7 });
  setSimulation({ scenarioId: scenarioId ?? scenario.id, summary, target: 400, running: false });
  return summary;
}

const totalPanel = () => screen.getByRole('region', { name: 'Total market' });
const memberTable = () => screen.getByTestId('member-table');
const chartName = () => screen.getByTestId('total-chart').getAttribute('aria-label') ?? '';
const end = (summary: SimulationSummary, row: number) => {
  const t = summary.yearCount - 1;
  return formatSizeRange(simulationStatistic(summary, 'p10', row, t), simulationStatistic(summary, 'p90', row, t), 'USD bn');
};

/** The forecast view of the seed's result, once its charts have measured their width. */
async function renderView() {
  act(() => void computeActiveScenario());
  render(<ForecastView />);
  await screen.findByTestId('total-chart');
}

describe('the fan on the forecast view', () => {
  it('draws no fan and no histogram until the scenario’s statistics arrive, then both', async () => {
    await renderView();
    expect(screen.queryByTestId('total-fan')).toBeNull();
    expect(screen.queryByTestId('end-year-histogram')).toBeNull();
    let summary!: SimulationSummary;
    act(() => {
      summary = simulateActiveScenario();
    });
    const fan = await within(totalPanel()).findByTestId('total-fan');
    expect(fan.querySelectorAll('[data-fan-band]')).toHaveLength(3);
    expect(chartName()).toContain(`80% interval in 2032: ${end(summary, 0)}`);
    const histogram = await screen.findByTestId('end-year-histogram');
    expect(histogram.querySelectorAll('rect.histogram-bar')).toHaveLength(summary.endYearHistogram.counts.length);
    expect(screen.getByTestId('histogram-interval-text')).toHaveTextContent(`80% interval ${end(summary, 0)}`);
    expect(screen.getByRole('figure', { name: 'Total market in 2032: distribution' })).toBeInTheDocument();
  });

  it('draws no fan from another scenario’s statistics', async () => {
    await renderView();
    act(() => void simulateActiveScenario(NARROW));
    expect(useSlidecast.getState().workspace.activeScenario).toBe(CONSENSUS);
    expect(screen.queryByTestId('total-fan')).toBeNull();
    expect(screen.queryByTestId('end-year-histogram')).toBeNull();
  });

  it('shows a member and its fan when its name is pressed in the table, titled by its name; pressing it again, or Back to total, returns', async () => {
    const user = userEvent.setup();
    await renderView();
    let summary!: SimulationSummary;
    act(() => {
      summary = simulateActiveScenario();
    });
    const europe = within(memberTable()).getByRole('button', { name: 'Region: Europe' });
    const total = within(memberTable()).getByRole('button', { name: 'Total market' });
    expect(europe).toHaveAttribute('aria-pressed', 'false');
    expect(total).toHaveAttribute('aria-pressed', 'true');

    await user.click(europe);
    expect(europe).toHaveAttribute('aria-pressed', 'true');
    expect(total).toHaveAttribute('aria-pressed', 'false');
    expect(within(totalPanel()).getByRole('heading', { level: 2 })).toHaveTextContent('Region: Europe (USD bn)');
    const europeRow = 1 + seriesIndex(summary.layout, 'region/europe');
    expect(chartName()).toMatch(/^Region: Europe, USD bn, 2025 to 2032: from \$5\.\d\d B/);
    expect(chartName()).toContain(`80% interval in 2032: ${end(summary, europeRow)}`);
    expect(screen.getByTestId('total-fan')).toBeInTheDocument();
    // The histogram stays the total's, and says so.
    expect(screen.getByTestId('histogram-interval-text')).toHaveTextContent(end(summary, 0));

    await user.click(europe);
    expect(chartName()).toMatch(/^Total market, USD bn/);
    expect(total).toHaveAttribute('aria-pressed', 'true');

    // The keyboard: Tab to a child's name, Enter shows it; "Back to total" returns.
    within(memberTable()).getByRole('button', { name: 'Region › Europe: Germany' }).focus();
    await user.keyboard('{Enter}');
    expect(within(totalPanel()).getByRole('heading', { level: 2 })).toHaveTextContent('Region › Europe: Germany (USD bn)');
    await user.click(within(totalPanel()).getByRole('button', { name: 'Back to total' }));
    expect(chartName()).toMatch(/^Total market, USD bn/);
    expect(within(totalPanel()).queryByRole('button', { name: 'Back to total' })).toBeNull();
  });

  it('names each member’s button by its list, so two “Others” differ', async () => {
    await renderView();
    act(() => {
      useSlidecast.getState().editModel('add-member', (model) => void addMember(model, ['region'], { name: 'Others' }));
      computeActiveScenario();
    });
    // The table takes a result once the frame with its headline has been painted.
    const region = await within(memberTable()).findByRole('button', { name: 'Region: Others' });
    const application = within(memberTable()).getByRole('button', { name: 'Application: Others' });
    expect(application).toHaveTextContent(/^Others$/);
    expect(region).toHaveTextContent(/^Others$/);
  });

  it('returns to the total when the member shown is deleted', async () => {
    const user = userEvent.setup();
    await renderView();
    act(() => void simulateActiveScenario());
    await user.click(within(memberTable()).getByRole('button', { name: 'Region › Europe: Germany' }));
    expect(useSlidecast.getState().fanMember).toBe('region/europe/de');
    act(() => {
      useSlidecast.getState().editModel('remove-member', (model) => void removeMember(model, ['region', 'europe', 'de']));
      computeActiveScenario();
    });
    expect(chartName()).toMatch(/^Total market, USD bn/);
    expect(useSlidecast.getState().fanMember).toBeUndefined();
    expect(within(totalPanel()).queryByRole('button', { name: 'Back to total' })).toBeNull();
  });

  it('shows the member without a fan while the statistics are of an older structure without it', async () => {
    const user = userEvent.setup();
    await renderView();
    act(() => {
      useSlidecast.getState().editModel('remove-member', (model) => void removeMember(model, ['region', 'europe', 'de']));
      computeActiveScenario();
      simulateActiveScenario();
    });
    act(() => {
      useSlidecast.getState().undo();
      computeActiveScenario();
    });
    await user.click(within(memberTable()).getByRole('button', { name: 'Region › Europe: Germany' }));
    expect(chartName()).toMatch(/^Region › Europe: Germany/);
    expect(screen.queryByTestId('total-fan')).toBeNull();
  });
});
