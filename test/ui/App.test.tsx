// @vitest-environment jsdom
/**
 * The whole model screen with the real data flow: store → engine client → engine (on the main
 * thread: jsdom has no workers) → result in the store → headline. A slider moved is a new
 * end-year total on screen, undo brings the old one back, and the scenario picker switches both
 * the sliders and the numbers.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { evaluateScenario } from '../../src/engine/evaluateScenario';
import { connectEngine } from '../../src/state/engineConnection';
import { activeScenarioOf } from '../../src/state/scenarioSelectors';
import { resetSlidecastStore, useSlidecast } from '../../src/state/store';
import { App } from '../../src/ui/App';
import { KEYMAP, keyLabels } from '../../src/ui/keymap';
import { control, renderWithUser, slider, stubResizeObserver } from './screenHarness';

let disconnect: (() => void) | undefined;

beforeEach(() => {
  stubResizeObserver();
  disconnect = connectEngine(useSlidecast, () => {
    throw new Error('Worker is not defined');
  });
});

afterEach(() => {
  cleanup();
  disconnect?.();
  resetSlidecastStore();
  vi.unstubAllGlobals();
});

/** What the engine says the end-year total of the scenario on screen is. */
function engineEndTotal(): number {
  const { workspace } = useSlidecast.getState();
  const total = evaluateScenario(activeScenarioOf(workspace).model, workspace.claims).forecast.total;
  return total[total.length - 1]!;
}

const shownTotal = () => Number(screen.getByTestId('headline-total').getAttribute('data-value'));

describe('the model screen', () => {
  it("shows the engine's end-year total and says the engine runs on the main thread", () => {
    renderWithUser(<App />);
    expect(shownTotal()).toBe(engineEndTotal());
    expect(screen.getByTestId('headline-total')).toHaveTextContent('$24.5 B');
    expect(within(screen.getByRole('region', { name: 'Warnings' })).getByRole('status')).toHaveTextContent('main thread');
  });

  it('a slider moved is a new total in the headline, and Undo brings the old one back', async () => {
    const { user } = renderWithUser(<App />);
    const before = shownTotal();
    const size = slider('Market size 2025');
    fireEvent.pointerDown(size);
    for (const value of ['18', '19', '20']) fireEvent.change(size, { target: { value } });
    fireEvent.pointerUp(size);
    expect(shownTotal()).toBe(engineEndTotal());
    expect(shownTotal()).toBeCloseTo((before * 20) / 17.18, 9);

    await user.click(control('button', 'Undo'));
    expect(shownTotal()).toBe(before);
    expect(control('button', 'Undo')).toBeDisabled();
    await user.click(control('button', 'Redo'));
    expect(shownTotal()).toBeCloseTo((before * 20) / 17.18, 9);
  });

  it('leaves a letter typed on a drop-down list to the list (its type-ahead): P there is no shortcut to present mode; Ctrl+Z is still undo', async () => {
    renderWithUser(<App />);
    const picker = screen.getByRole('combobox', { name: 'Scenario' });
    picker.focus();
    expect(fireEvent.keyDown(picker, { key: 'p' })).toBe(true);
    expect(screen.queryByTestId('present-mode')).toBeNull();
    const before = useSlidecast.getState().workspace;
    useSlidecast.getState().editModel('trend', (model) => {
      model.baseGrowth.value = 0.01;
    });
    expect(fireEvent.keyDown(picker, { key: 'z', ctrlKey: true })).toBe(false);
    expect(useSlidecast.getState().workspace).toBe(before);
  });

  it('lists the app’s keys on ?, from the keymap, and closes the list on Esc, giving the focus back', async () => {
    const { user } = renderWithUser(<App />);
    const growth = slider('Trend growth');
    growth.focus();
    fireEvent.keyDown(growth, { key: '?', shiftKey: true });
    const list = screen.getByRole('dialog', { name: 'Keys' });
    const rows = within(list).getAllByRole('row').map((row) => row.textContent);
    const appKeys = KEYMAP.filter((binding) => binding.scope === 'app');
    expect(rows).toEqual(appKeys.map((binding) => `${keyLabels(binding).join('')}${binding.does}`));
    expect(within(list).getByRole('button', { name: 'Close' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'Keys' })).toBeNull();
    expect(growth).toHaveFocus();
    // Typing a ? in a text box is a ?.
    const box = screen.getByRole('textbox', { name: /^Trend growth \(/ });
    await user.type(box, '?');
    expect(screen.queryByRole('dialog', { name: 'Keys' })).toBeNull();
  });

  it('keeps guarding unsaved work while presenting: an edit made there marks the tab and asks before leaving', async () => {
    renderWithUser(<App />);
    await screen.findByTestId('headline-total');
    fireEvent.keyDown(window, { key: 'p' });
    await screen.findByTestId('present-mode');
    expect(document.title.startsWith('•')).toBe(false);
    const growth = within(screen.getByTestId('present-mode')).getByRole('slider', { name: 'Trend growth' });
    fireEvent.pointerDown(growth);
    fireEvent.change(growth, { target: { value: String(Number((growth as HTMLInputElement).value) + 0.01) } });
    fireEvent.pointerUp(growth);
    await waitFor(() => expect(document.title.startsWith('• ')).toBe(true));
    const leaving = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(leaving);
    expect(leaving.defaultPrevented).toBe(true);
  });

  it('typing a value and pressing Enter updates the headline', async () => {
    const { user } = renderWithUser(<App />);
    const trend = screen.getByRole('textbox', { name: 'Trend growth (%)' });
    await user.clear(trend);
    await user.type(trend, '1{Enter}');
    expect(shownTotal()).toBe(engineEndTotal());
    expect(shownTotal()).toBeCloseTo(17.18 * 1.062 ** 7, 6);
  });

  it('the scenario picker switches the sliders and the numbers', async () => {
    const { user } = renderWithUser(<App />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Scenario' }), 'narrow');
    expect(slider('Market size 2023')).toHaveAttribute('aria-valuetext', '$1.62 B');
    expect(shownTotal()).toBe(engineEndTotal());
    expect(screen.getByTestId('headline-total')).toHaveTextContent('$17.4 B');
    // A name the picker cuts short at 1366 px is whole on hover.
    expect(screen.getByRole('combobox', { name: 'Scenario' })).toHaveAttribute('title', 'Narrow definition ($6 B by 2028)');
  });

  it('computes comparisons only while the Compare view is on screen, and shows them there', async () => {
    const { user } = renderWithUser(<App />);
    expect(useSlidecast.getState().compareOpen).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Compare' }));
    expect(useSlidecast.getState().compareOpen).toBe(true);
    expect(await screen.findByTestId('delta-table')).toBeInTheDocument();
    expect(useSlidecast.getState().compareResult?.results.narrow).toBeDefined();
    await user.click(screen.getByRole('button', { name: 'Model' }));
    expect(useSlidecast.getState().compareOpen).toBe(false);
  });

  it('opens the Analysis view from its tab (a chunk of its own): the claims of the scenario on screen, a new one checked by the engine and counted in the headline', async () => {
    const { user } = renderWithUser(<App />);
    await user.click(within(screen.getByRole('navigation', { name: 'Views' })).getByRole('button', { name: 'Analysis' }));
    expect(await screen.findByRole('region', { name: 'Analysis' })).toHaveTextContent('of “Report consensus”');
    expect(screen.getByRole('button', { name: 'Analysis' })).toHaveAttribute('aria-current', 'page');
    const table = screen.getByRole('table', { name: 'Claims' });
    expect(within(table).getAllByRole('row')).toHaveLength(useSlidecast.getState().workspace.claims.length + 1);
    const count = screen.getByTestId('headline-claims').textContent;
    await user.click(screen.getByRole('button', { name: 'Add claim' }));
    // The claim's form (the view's tornado and goal seek have a Year of their own).
    const form = screen.getByRole('form');
    await user.type(within(form).getByLabelText(/^Value/), '22');
    await user.clear(within(form).getByLabelText(/^Year/));
    await user.type(within(form).getByLabelText(/^Year/), '2030{Enter}');
    const added = () => table.querySelector('tr[data-claim-id="claim"]');
    await waitFor(() => expect(added()).toHaveTextContent('✓ met'));
    expect(screen.getByTestId('headline-claims').textContent).not.toBe(count);
  });
});
