// @vitest-environment jsdom
/**
 * Present mode's tornado key (T, from the keymap): the tornado of the scenario on screen in place
 * of the charts, computed by the engine connection while shown and following the pinned sliders;
 * T again or Esc hides it, and Esc leaves only once it is hidden.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { endYearTotal } from '../../../src/engine/analysisMetric';
import { tornado } from '../../../src/engine/sensitivity';
import { quantityName } from '../../../src/model/quantityRef';
import { activeModelOf } from '../../../src/state/scenarioSelectors';
import { useSlidecast } from '../../../src/state/store';
import { KEYMAP } from '../../../src/ui/keymap';
import { PresentMode } from '../../../src/ui/present/PresentMode';
import { connectMainThreadEngine, disconnectEngine } from '../analysis/analysisHarness';

beforeEach(connectMainThreadEngine);
afterEach(disconnectEngine);

const model = () => activeModelOf(useSlidecast.getState().workspace);
const press = (key: string) => act(() => void fireEvent.keyDown(window, { key }));

describe('present mode’s tornado', () => {
  it('T shows the tornado of the scenario on screen in place of the charts; it follows a pinned slider; T hides it', () => {
    expect(KEYMAP.some((b) => b.scope === 'present' && b.action === 'tornado' && b.keys.includes('T'))).toBe(true);
    render(<PresentMode onLeave={() => undefined} />);
    expect(screen.queryByRole('region', { name: 'Tornado' })).toBeNull();
    expect(useSlidecast.getState().tornadoWatchers).toBe(0);
    press('t');
    const region = screen.getByRole('region', { name: 'Tornado' });
    expect(screen.queryByRole('region', { name: 'Charts' })).toBeNull();
    expect(within(region).getByRole('figure', { name: 'Tornado of Total market in 2032' })).toBeTruthy();
    const first = () => within(region).getAllByRole('listitem')[0]!;
    const expected = tornado(model(), endYearTotal(model())).bars[0]!;
    expect(first().textContent).toContain(quantityName(model(), expected.ref));
    // Bars are not buttons here, nor is there a Show all: the pinned sliders and the keys are the controls.
    expect(within(region).queryAllByRole('button')).toHaveLength(0);
    const moving = tornado(model(), endYearTotal(model())).bars.filter((bar) => bar.swing > 0).length;
    expect(within(region).getAllByRole('listitem')).toHaveLength(8);
    expect(within(region).getByText(`${moving - 8} more with smaller swings`)).toBeTruthy();

    const before = first().querySelector('.tornado-value-high')!.getAttribute('data-value');
    act(() => void fireEvent.change(screen.getByRole('slider', { name: 'Advances in AI algorithms and deep learning' }), { target: { value: '0.02' } }));
    expect(first().querySelector('.tornado-value-high')!.getAttribute('data-value')).not.toBe(before);

    press('T');
    expect(screen.queryByRole('region', { name: 'Tornado' })).toBeNull();
    expect(screen.getByRole('region', { name: 'Charts' })).toBeTruthy();
    expect(useSlidecast.getState().tornadoWatchers).toBe(0);
  });

  it('shows the metric picked in the Analysis view, not always the end-year total', () => {
    const metric = { kind: 'member' as const, path: ['region', 'europe'], year: 2030 };
    act(() => useSlidecast.getState().setTornadoMetric(metric));
    render(<PresentMode onLeave={() => undefined} />);
    press('t');
    const region = screen.getByRole('region', { name: 'Tornado' });
    expect(within(region).getByRole('figure', { name: 'Tornado of Region: Europe in 2030' })).toBeTruthy();
    const expected = tornado(model(), metric).bars[0]!;
    expect(within(region).getAllByRole('listitem')[0]!.textContent).toContain(quantityName(model(), expected.ref));
    expect(expected.ref).not.toEqual(tornado(model(), endYearTotal(model())).bars[0]!.ref);
  });

  it('Esc hides the tornado before it leaves', () => {
    const onLeave = vi.fn();
    render(<PresentMode onLeave={onLeave} />);
    press('t');
    expect(screen.getByRole('region', { name: 'Tornado' })).toBeTruthy();
    press('Escape');
    expect(screen.queryByRole('region', { name: 'Tornado' })).toBeNull();
    expect(onLeave).not.toHaveBeenCalled();
    press('Escape');
    expect(onLeave).toHaveBeenCalledTimes(1);
  });
});
