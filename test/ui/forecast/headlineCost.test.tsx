// @vitest-environment jsdom
/**
 * The headline renders again for a new result, not for the edit that asks for it: with the large
 * model of bench/largeModel.ts an edit's own render is the keyboard nudge's hot path, and the
 * headline read the whole model (and every note in it) there for nothing (bench/ui.bench.ts).
 */
import { Profiler } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { setQuantityValue } from '../../../src/model/modelEdits';
import { resetSlidecastStore, useSlidecast } from '../../../src/state/store';
import { HeadlineStrip } from '../../../src/ui/forecast/HeadlineStrip';
import { computeActiveScenario } from '../screenHarness';

afterEach(() => {
  cleanup();
  resetSlidecastStore();
});

describe('the headline', () => {
  it('renders again when an edit’s result arrives, not when the edit is made', () => {
    computeActiveScenario();
    let renders = 0;
    render(
      <Profiler id="headline" onRender={() => (renders += 1)}>
        <HeadlineStrip />
      </Profiler>,
    );
    const before = screen.getByTestId('headline-total').getAttribute('data-value');
    renders = 0;

    act(() => useSlidecast.getState().editModel('growth', (model) => setQuantityValue(model, { kind: 'baseGrowth' }, 0.08)));
    expect(renders).toBe(0);

    act(() => void computeActiveScenario());
    expect(renders).toBe(1);
    expect(screen.getByTestId('headline-total').getAttribute('data-value')).not.toBe(before);
  });
});
