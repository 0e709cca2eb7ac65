// @vitest-environment jsdom
/**
 * A slider's arrow keys: the app takes the step, from the value in the store, and the
 * assumptions' controls draw it in the same render as the headline draws its result — never a
 * frame with the slider moved and the headline not. Chromium paints a frame straight after a key's
 * task and the worker's answer always came after it, a frame later (bench/ui.bench.ts, the large
 * model: a keyboard nudge painted in two frames). Without an answer in time, the step is drawn anyway.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { getQuantity } from '../../../src/model/quantityRef';
import { activeModel } from '../../../src/state/workspaceSlice';
import { resetSlidecastStore, useSlidecast } from '../../../src/state/store';
import { AssumptionsPanel } from '../../../src/ui/assumptions/AssumptionsPanel';
import { keyboardStep } from '../../../src/ui/assumptions/QuantitySlider';
import { HOLD_LIMIT_MS } from '../../../src/ui/assumptions/useQuantityBinding';
import { HeadlineStrip } from '../../../src/ui/forecast/HeadlineStrip';
import { computeActiveScenario, numberBox, slider } from '../screenHarness';

afterEach(() => {
  cleanup();
  resetSlidecastStore();
});

/** Trend growth as the store holds it. */
const trendGrowth = () => getQuantity(activeModel(useSlidecast.getState()), { kind: 'baseGrowth' })!.value;
const headline = () => screen.getByTestId('headline-total').getAttribute('data-value');

function renderPanel() {
  computeActiveScenario();
  render(
    <>
      <HeadlineStrip />
      <AssumptionsPanel />
    </>,
  );
  return { growth: slider('Trend growth'), box: numberBox('Trend growth') };
}

describe('a keyboard step of a slider', () => {
  it('is drawn with its result, in one render with the headline, and steps twice when pressed twice first', () => {
    const { growth, box } = renderPanel();
    const [value, text, total] = [growth.value, box.value, headline()];
    const before = trendGrowth();

    const taken = !fireEvent.keyDown(growth, { key: 'ArrowRight' });
    expect(taken).toBe(true);
    const once = trendGrowth();
    expect(once).toBeGreaterThan(before);
    // The store has the step (its forecast is asked for), the screen not yet.
    expect([growth.value, box.value, headline()]).toEqual([value, text, total]);

    // A second press before the answer steps from the store's value, not from the one on screen.
    fireEvent.keyDown(growth, { key: 'ArrowRight' });
    const twice = trendGrowth();
    expect(twice - once).toBeCloseTo(once - before, 12);
    expect(growth.value).toBe(value);

    act(() => void computeActiveScenario());
    expect(Number(growth.value)).toBe(twice);
    expect(box.value).not.toBe(text);
    expect(headline()).not.toBe(total);
  });

  it('changes the store once: the step and its hold together (one pass of every listener, 530 sliders’ worth on the large model)', () => {
    const { growth } = renderPanel();
    const changes: number[] = [];
    const unsubscribe = useSlidecast.subscribe((state) => changes.push(state.heldForResult));
    fireEvent.keyDown(growth, { key: 'ArrowRight' });
    unsubscribe();
    expect(changes).toHaveLength(1);
    expect(changes[0]).toBeGreaterThan(0);
  });

  it('is drawn without its result once the wait is over', async () => {
    const { growth } = renderPanel();
    const value = growth.value;
    fireEvent.keyDown(growth, { key: 'ArrowLeft' });
    expect(growth.value).toBe(value);
    await act(() => new Promise((resolve) => setTimeout(resolve, HOLD_LIMIT_MS + 50)));
    expect(Number(growth.value)).toBe(trendGrowth());
    expect(growth.value).not.toBe(value);
  });

  it('steps as the range input’s own keys do: aligned to the step, within the ends', () => {
    const domain = { min: -0.1, max: 0.2, step: 0.001 };
    expect(keyboardStep(0.052, domain, 1)).toBe(0.053);
    expect(keyboardStep(0.052, domain, -1)).toBe(0.051);
    expect(keyboardStep(0.0525, domain, 1)).toBe(0.053);
    expect(keyboardStep(0.0525, domain, -1)).toBe(0.052);
    expect(keyboardStep(0.2, domain, 1)).toBe(0.2);
    expect(keyboardStep(-0.1, domain, -1)).toBe(-0.1);
  });
});
