// @vitest-environment jsdom
/**
 * Present mode's keys come from the keymap: the key list (?) and the footer are drawn from it,
 * and Esc closes the list before it leaves.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { simulate } from '../../../src/engine/simulate';
import { simulationStatistic } from '../../../src/engine/simulationSummary';
import { activeScenarioOf } from '../../../src/state/scenarioSelectors';
import { resetSlidecastStore, useSlidecast } from '../../../src/state/store';
import { formatSizeRange } from '../../../src/ui/format';
import { KEYMAP } from '../../../src/ui/keymap';
import { PresentMode } from '../../../src/ui/present/PresentMode';
import { computeActiveScenario, stubResizeObserver } from '../screenHarness';

beforeEach(() => {
  stubResizeObserver(900);
  computeActiveScenario();
});

afterEach(() => {
  cleanup();
  resetSlidecastStore();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('present mode’s keys', () => {
  it('? shows every present-mode key of the keymap with what it does; Esc closes the list, then leaves', () => {
    const onLeave = vi.fn();
    render(<PresentMode onLeave={onLeave} />);
    expect(screen.queryByRole('region', { name: 'Keys' })).toBeNull();
    act(() => void fireEvent.keyDown(window, { key: '?', shiftKey: true }));
    const list = screen.getByRole('region', { name: 'Keys' });
    const rows = within(list).getAllByRole('row');
    const present = KEYMAP.filter((b) => b.scope === 'present');
    expect(rows).toHaveLength(present.length);
    present.forEach((binding, i) => expect(rows[i]).toHaveTextContent(binding.does));
    act(() => void fireEvent.keyDown(window, { key: 'Escape' }));
    expect(screen.queryByRole('region', { name: 'Keys' })).toBeNull();
    expect(onLeave).not.toHaveBeenCalled();
    act(() => void fireEvent.keyDown(window, { key: 'Escape' }));
    expect(onLeave).toHaveBeenCalledTimes(1);
  });

  it('Tab and Shift+Tab cycle the pinned sliders (each value, then its range’s ends), the audience window button and Leave, and never leave the dialog', () => {
    render(<PresentMode onLeave={() => undefined} />);
    const dialog = screen.getByRole('dialog', { name: 'Present mode' });
    const sliders = within(dialog).getAllByRole('slider');
    // Five pinned assumptions, each with a range: a value and two ends each.
    expect(sliders).toHaveLength(15);
    expect(sliders[0]).toHaveAccessibleName('Trend growth');
    expect(sliders[1]).toHaveAccessibleName('Trend growth, low');
    expect(sliders[2]).toHaveAccessibleName('Trend growth, high');
    expect(sliders[0]).toHaveFocus();
    const seen = [];
    for (let i = 0; i < 20; i++) {
      act(() => void fireEvent.keyDown(document.activeElement!, { key: 'Tab' }));
      expect(dialog).toContainElement(document.activeElement as HTMLElement);
      seen.push(document.activeElement);
    }
    expect(seen.slice(0, 17)).toEqual([
      ...sliders.slice(1),
      screen.getByRole('button', { name: 'Open audience window (A)' }),
      screen.getByRole('button', { name: 'Leave (Esc)' }),
      sliders[0],
    ]);
    act(() => void fireEvent.keyDown(document.activeElement!, { key: 'Tab', shiftKey: true }));
    act(() => void fireEvent.keyDown(document.activeElement!, { key: 'Tab', shiftKey: true }));
    expect(dialog).toContainElement(document.activeElement as HTMLElement);
  });
});

describe('present mode’s audience window and clock', () => {
  it('A opens the audience window at the app’s own address with this tab’s session, and the footer counts the meeting’s time', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    render(<PresentMode onLeave={() => undefined} />);
    expect(screen.getByTestId('meeting-clock')).toHaveTextContent('Meeting 0:00');
    act(() => void vi.advanceTimersByTime(65_000));
    expect(screen.getByTestId('meeting-clock')).toHaveTextContent('Meeting 1:05');
    act(() => void fireEvent.keyDown(window, { key: 'a' }));
    await vi.waitFor(() => expect(open).toHaveBeenCalledTimes(1));
    const url = new URL(String(open.mock.calls[0]![0]));
    expect(url.searchParams.get('view')).toBe('audience');
    expect(url.searchParams.get('session')).toBe(sessionStorage.getItem('slidecast-audience-session'));
    vi.useRealTimers();
    sessionStorage.clear();
  });
});

describe('present mode’s fan', () => {
  /** Simulates the scenario on screen and puts its statistics in the store, as the worker pool does; returns the end year's 80% interval as shown. */
  function simulateOnScreen(seed: number): string {
    const { workspace, setSimulation } = useSlidecast.getState();
    const scenario = activeScenarioOf(workspace);
    const summary = simulate(scenario.model, workspace.claims, { samples: 300, seed });
    setSimulation({ scenarioId: scenario.id, summary, target: 300, running: true });
    const t = summary.yearCount - 1;
    return formatSizeRange(simulationStatistic(summary, 'p10', 0, t), simulationStatistic(summary, 'p90', 0, t), scenario.model.unit);
  }

  it('draws the fan on the total chart and follows every new estimate at once', async () => {
    // jsdom lays nothing out: present mode's chart boxes are 400 px tall.
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(400);
    render(<PresentMode onLeave={() => undefined} />);
    const chart = await screen.findByTestId('total-chart');
    expect(screen.queryByTestId('total-fan')).toBeNull();
    let interval = '';
    act(() => {
      interval = simulateOnScreen(1);
    });
    expect(screen.getByTestId('total-fan').querySelectorAll('[data-fan-band]')).toHaveLength(3);
    expect(chart.getAttribute('aria-label')).toContain(`80% interval in 2032: ${interval}`);
    const before = screen.getByTestId('total-median').getAttribute('d');
    act(() => {
      interval = simulateOnScreen(2);
    });
    expect(chart.getAttribute('aria-label')).toContain(`80% interval in 2032: ${interval}`);
    expect(screen.getByTestId('total-median').getAttribute('d')).not.toBe(before);
  });
});

describe('present mode tells when the work is no longer kept', () => {
  it('shows a failed autosave, and a tab superseded by another, as alerts in its footer', () => {
    render(<PresentMode onLeave={() => undefined} />);
    expect(screen.queryByRole('alert')).toBeNull();
    act(() => useSlidecast.getState().setAutosave({ kind: 'failed', message: 'Autosave failed: the browser’s storage is full.' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Autosave failed: the browser’s storage is full.');
    act(() => useSlidecast.getState().setAutosave({ kind: 'superseded' }));
    expect(screen.getByRole('alert')).toHaveTextContent('This workspace was changed in another tab. This tab no longer autosaves.');
    act(() => useSlidecast.getState().setAutosave({ kind: 'saved', at: Date.now() }));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
