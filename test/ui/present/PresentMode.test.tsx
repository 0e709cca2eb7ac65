// @vitest-environment jsdom
/**
 * Present mode's keys come from the keymap: the key list (?) and the footer are drawn from it,
 * and Esc closes the list before it leaves.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { resetSlidecastStore } from '../../../src/state/store';
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

  it('Tab and Shift+Tab cycle the pinned sliders (each value, then its range’s ends) and Leave, and never leave the dialog', () => {
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
    expect(seen.slice(0, 16)).toEqual([...sliders.slice(1), screen.getByRole('button', { name: 'Leave (Esc)' }), sliders[0]]);
    act(() => void fireEvent.keyDown(document.activeElement!, { key: 'Tab', shiftKey: true }));
    act(() => void fireEvent.keyDown(document.activeElement!, { key: 'Tab', shiftKey: true }));
    expect(dialog).toContainElement(document.activeElement as HTMLElement);
  });
});
