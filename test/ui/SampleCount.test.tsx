// @vitest-environment jsdom
/**
 * The sample-count indicator beside the total chart: the running count while the simulation is
 * refined, the finished count once done (the only thing its status region announces), hidden when
 * the scenario on screen has no simulation, and placed in the forecast's total panel.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { simulate } from '../../src/engine/simulate';
import { resetSlidecastStore, useSlidecast } from '../../src/state/store';
import { ForecastView } from '../../src/ui/forecast/ForecastView';
import { SampleCount } from '../../src/ui/forecast/SampleCount';
import { NARROW, seedModel } from '../state/storeFactories';
import { computeActiveScenario, stubResizeObserver } from './screenHarness';

beforeEach(() => stubResizeObserver());
afterEach(() => {
  cleanup();
  resetSlidecastStore();
  vi.unstubAllGlobals();
});

const oneSample = simulate(seedModel(), [], { samples: 1, seed: 1 });

/** Puts statistics of `samples` samples in the store, as the client would (their numbers do not matter here). */
function showSimulation(samples: number, target: number, running: boolean, scenarioId = 'consensus'): void {
  const summary = { ...oneSample, samples };
  act(() => useSlidecast.getState().setSimulation({ scenarioId, summary, target, running }));
}

const indicator = () => screen.getByTestId('sample-count');

describe('SampleCount', () => {
  it('is hidden while the scenario on screen has no simulation', () => {
    render(<SampleCount />);
    expect(indicator()).not.toBeVisible();
    showSimulation(1000, 10_000, true, NARROW); // another scenario's
    expect(indicator()).not.toBeVisible();
    showSimulation(1000, 10_000, true);
    expect(indicator()).toBeVisible();
    act(() => useSlidecast.getState().setSimulation(undefined));
    expect(indicator()).not.toBeVisible();
  });

  it('counts up while running with the numbers grouped, and announces only the finished count', () => {
    render(<SampleCount />);
    showSimulation(1000, 50_000, true);
    expect(indicator()).toHaveTextContent(/^1,000 of 50,000 samples$/);
    expect(screen.getByRole('status')).toHaveTextContent(/^$/);
    showSimulation(12_000, 50_000, true);
    expect(indicator()).toHaveTextContent(/^12,000 of 50,000 samples$/);
    expect(screen.getByRole('status')).toHaveTextContent(/^$/);
    showSimulation(50_000, 50_000, false);
    expect(screen.getByRole('status')).toHaveTextContent(/^50,000 samples$/);
    // Shown once on screen, read once: the visible copy is hidden from screen readers.
    expect(screen.getByText('50,000 samples', { selector: '[aria-hidden="true"]' })).toBeVisible();
    expect(indicator()).not.toHaveTextContent(/of/);
  });

  it("sits in the total market's panel and holds nothing focusable", () => {
    render(<ForecastView />);
    act(() => {
      computeActiveScenario();
    });
    showSimulation(2000, 10_000, true);
    const panel = screen.getByRole('region', { name: 'Total market' });
    expect(within(panel).getByTestId('sample-count')).toHaveTextContent('2,000 of 10,000 samples');
    expect(within(indicator()).queryAllByRole('button')).toHaveLength(0);
    expect(indicator().querySelectorAll('[tabindex], input, button, a')).toHaveLength(0);
  });
});
