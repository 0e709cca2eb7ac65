// @vitest-environment jsdom
/**
 * The simulation's samples and seed (issue 10, "Views"): model edits of the scenario on screen,
 * one undo step each, with every bad value refused by a message that names it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { seedWorkspace } from '../../src/model/seedWorkspace';
import { resetSlidecastStore, useSlidecast } from '../../src/state/store';
import { SimulationSettings } from '../../src/ui/forecast/SimulationSettings';
import { CONSENSUS, NARROW } from '../state/storeFactories';

afterEach(() => {
  cleanup();
  resetSlidecastStore();
  vi.restoreAllMocks();
});

const settingsOf = (scenarioId = useSlidecast.getState().workspace.activeScenario) =>
  useSlidecast.getState().workspace.scenarios.find((s) => s.id === scenarioId)!.model.simulation;

function renderSettings() {
  const user = userEvent.setup();
  render(<SimulationSettings />);
  const group = screen.getByRole('group', { name: 'Simulation' });
  return {
    user,
    samples: within(group).getByRole('textbox', { name: 'Samples' }),
    seed: within(group).getByRole('textbox', { name: 'Seed' }),
    newSeed: within(group).getByRole('button', { name: 'New seed' }),
  };
}

describe('SimulationSettings', () => {
  it('sets the samples of the scenario on screen, one undo step per edit', async () => {
    const { user, samples } = renderSettings();
    const before = settingsOf().samples;
    await user.clear(samples);
    await user.type(samples, '50,000{Enter}');
    expect(settingsOf().samples).toBe(50_000);
    await user.clear(samples);
    await user.type(samples, '20000{Enter}');
    expect(settingsOf().samples).toBe(20_000);
    act(() => useSlidecast.getState().undo());
    expect(settingsOf().samples).toBe(50_000);
    expect(samples).toHaveValue('50000');
    act(() => useSlidecast.getState().undo());
    expect(settingsOf().samples).toBe(before);
    // Kept per scenario: the other one is untouched.
    expect(settingsOf(NARROW)).toEqual(seedWorkspace().scenarios.find((s) => s.id === NARROW)!.model.simulation);
  });

  it.each([
    ['500', 'Samples: 500 is too small: type a whole number from 1,000 to 200,000'],
    ['250000', 'Samples: 250,000 is too large: type a whole number from 1,000 to 200,000'],
    ['1500.5', 'Samples: 1500.5 is not a whole number: type a whole number from 1,000 to 200,000'],
    ['many', 'Samples: “many” is not a number: type a whole number from 1,000 to 200,000'],
  ])('refuses %s samples with an alert that names the problem, and changes nothing', async (text, message) => {
    const { user, samples } = renderSettings();
    const before = useSlidecast.getState().workspace;
    await user.clear(samples);
    await user.type(samples, `${text}{Enter}`);
    expect(screen.getByRole('alert')).toHaveTextContent(message);
    expect(samples).toHaveAttribute('aria-invalid', 'true');
    expect(useSlidecast.getState().workspace).toBe(before);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(samples).toHaveValue(String(before.scenarios.find((s) => s.id === CONSENSUS)!.model.simulation.samples));
  });

  it('takes a seed from 0 to 2^32 − 1 and names one outside', async () => {
    const { user, seed } = renderSettings();
    await user.clear(seed);
    await user.type(seed, '4294967296');
    await user.tab();
    expect(screen.getByRole('alert')).toHaveTextContent('Seed: 4,294,967,296 is too large: type a whole number from 0 to 4,294,967,295');
    await user.clear(seed);
    await user.type(seed, '4294967295{Enter}');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(settingsOf().seed).toBe(4_294_967_295);
  });

  it('draws a new seed from crypto.getRandomValues, undone in one step', async () => {
    const { user, seed, newSeed } = renderSettings();
    const before = settingsOf().seed;
    vi.spyOn(crypto, 'getRandomValues').mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
      (array as unknown as Uint32Array)[0] = 3_141_592_653;
      return array;
    });
    await user.click(newSeed);
    expect(settingsOf().seed).toBe(3_141_592_653);
    expect(seed).toHaveValue('3141592653');
    act(() => useSlidecast.getState().undo());
    expect(settingsOf().seed).toBe(before);
  });

  it('shows a file’s ask for more than a run takes at the cap, with a note, and keeps the file’s number', () => {
    act(() => useSlidecast.getState().editModel('test', (model) => void (model.simulation.samples = 500_000)));
    const { samples } = renderSettings();
    expect(samples).toHaveValue('200000');
    expect(screen.getByText('This scenario asks for 500,000 samples; a run takes at most 200,000.')).toBeInTheDocument();
    expect(samples).toHaveAccessibleDescription('This scenario asks for 500,000 samples; a run takes at most 200,000.');
    expect(settingsOf().samples).toBe(500_000);
  });
});
