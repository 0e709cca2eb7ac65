// @vitest-environment jsdom
/**
 * The Analysis view's tornado against the real store and engine: bars in the engine's order, named
 * by quantityName and valued by the app's formatters, the numbers the command line prints; the
 * quantities that do not move the metric in one line; the picker changing the metric; a bar
 * selected bringing its slider, focused, and the bars following it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { runForecastCli } from '../../../src/cli/forecast';
import { endYearTotal } from '../../../src/engine/analysisMetric';
import { tornado } from '../../../src/engine/sensitivity';
import { quantityName } from '../../../src/model/quantityRef';
import { activeModelOf } from '../../../src/state/scenarioSelectors';
import { useSlidecast } from '../../../src/state/store';
import { formatPercent, formatSize } from '../../../src/ui/format';
import { TornadoPanel } from '../../../src/ui/analysis/TornadoPanel';
import { connectMainThreadEngine, disconnectEngine } from './analysisHarness';

beforeEach(connectMainThreadEngine);
afterEach(disconnectEngine);

const model = () => activeModelOf(useSlidecast.getState().workspace);
const bars = () => within(screen.getByRole('list', { name: /bars, largest swing first/ })).getAllByRole('listitem');
const values = (row: HTMLElement) => ({
  low: Number(row.querySelector('.tornado-value-low')!.getAttribute('data-value')),
  high: Number(row.querySelector('.tornado-value-high')!.getAttribute('data-value')),
});

describe('TornadoPanel', () => {
  it('draws the end-year total’s bars in the engine’s order, named by quantityName, the numbers the command line prints', async () => {
    render(<TornadoPanel />);
    const expected = tornado(model(), endYearTotal(model())).bars.filter((bar) => bar.swing > 0);
    const rows = bars();
    expect(rows).toHaveLength(Math.min(12, expected.length));
    rows.forEach((row, i) => {
      const bar = expected[i]!;
      expect(within(row).getByRole('button').textContent).toContain(quantityName(model(), bar.ref));
      expect(row.textContent).toContain(`${formatSize(bar.atLow, 'USD bn')} at range low`);
      expect(row.textContent).toContain(`${formatSize(bar.atHigh, 'USD bn')} at range high`);
    });
    // The CLI's tornado of the seed (npm run forecast -- --tornado --format json): the same numbers, the same order.
    const cli: { quantity: string; low: number; high: number }[] = JSON.parse((await runForecastCli(['--tornado'])).stdout).tornado;
    const shown = rows.map((row) => ({ quantity: row.getAttribute('data-quantity'), ...values(row) }));
    expect(shown).toEqual(cli.slice(0, shown.length).map(({ quantity, low, high }) => ({ quantity, low, high })));
    expect(screen.getByRole('figure', { name: 'Tornado of Total market in 2032' })).toBeTruthy();
  });

  it('collapses the quantities that do not move the metric into one line, and shows every bar on request', async () => {
    const user = userEvent.setup();
    render(<TornadoPanel />);
    const total = tornado(model(), endYearTotal(model())).bars;
    const totalStill = total.filter((bar) => bar.swing === 0).length;
    expect(screen.getByText(`${totalStill} quantities do not move this metric`)).toBeTruthy();
    expect(bars()).toHaveLength(total.length - totalStill);

    // China's value: more bars move it than the list shows at first.
    await user.selectOptions(screen.getByLabelText('Of'), 'region/apac/cn');
    const china = tornado(model(), { kind: 'member', path: ['region', 'apac', 'cn'], year: 2032 }).bars;
    const moving = china.filter((bar) => bar.swing > 0).length;
    expect(moving).toBeGreaterThan(12);
    expect(bars()).toHaveLength(12);
    expect(screen.getByText(`${china.length - moving} quantities do not move this metric`)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: `Show all ${moving}` }));
    expect(bars()).toHaveLength(moving);
  });

  it('measures what the picker picks: a member’s CAGR, in percent', async () => {
    const user = userEvent.setup();
    render(<TornadoPanel />);
    await user.selectOptions(screen.getByLabelText('Of'), 'region/europe');
    await user.selectOptions(screen.getByLabelText('Measure'), 'cagr');
    expect(useSlidecast.getState().tornadoMetric).toEqual({ kind: 'cagr', path: ['region', 'europe'], fromYear: 2025, toYear: 2032 });
    expect(screen.getByRole('figure', { name: 'Tornado of CAGR of Region: Europe 2025–2032' })).toBeTruthy();
    const expected = tornado(model(), { kind: 'cagr', path: ['region', 'europe'], fromYear: 2025, toYear: 2032 }).bars.filter((b) => b.swing > 0);
    expect(bars()[0]!.textContent).toContain(quantityName(model(), expected[0]!.ref));
    expect(bars()[0]!.textContent).toContain(`${formatPercent(expected[0]!.atHigh, 2)} at range high`);
  });

  it('selecting a bar (Enter) brings its slider beside the tornado, focused, and the bars follow it', async () => {
    const user = userEvent.setup();
    render(<TornadoPanel />);
    const first = within(bars()[0]!).getByRole('button');
    expect(first.textContent).toContain('Trend growth');
    first.focus();
    await user.keyboard('{Enter}');
    expect(first.getAttribute('aria-pressed')).toBe('true');
    const slider = screen.getByRole('slider', { name: 'Trend growth' });
    expect(document.activeElement).toBe(slider);
    const before = values(bars()[1]!);
    act(() => {
      fireEvent.change(slider, { target: { value: '0.005' } });
    });
    expect(model().baseGrowth.value).toBe(0.005);
    const after = values(bars()[1]!);
    expect(after).not.toEqual(before);
    const recomputed = tornado(model(), endYearTotal(model())).bars[1]!;
    expect(after).toEqual({ low: recomputed.atLow, high: recomputed.atHigh });
  });

  it('says so when the model cannot answer the metric picked', () => {
    render(<TornadoPanel />);
    act(() => useSlidecast.getState().setTornadoMetric({ kind: 'member', path: ['region', 'atlantis'], year: 2030 }));
    expect(screen.getByRole('alert').textContent).toMatch(/The tornado cannot be drawn: .*atlantis/);
  });
});
