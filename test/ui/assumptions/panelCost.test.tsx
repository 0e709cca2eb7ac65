// @vitest-environment jsdom
/**
 * What a change of the store costs the assumptions panel. A large model has 530 quantities (1,590
 * sliders with their ranges' handles): each nudge changes the store several times (the edit, its
 * request, its result, the simulation's estimates), and every listener on the store runs each
 * time, so the panel keeps one listener per quantity; and an edit renders again only the controls
 * whose quantity changed (bench/ui.bench.ts, the large-model case).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render } from '@testing-library/react';
import type { QuantityControlProps } from '../../../src/ui/assumptions/QuantityControl';
import { setQuantityValue } from '../../../src/model/modelEdits';
import { resetSlidecastStore, useSlidecast, type SlidecastState } from '../../../src/state/store';
import { AssumptionsPanel } from '../../../src/ui/assumptions/AssumptionsPanel';
import { seedModel } from '../../state/storeFactories';

/** The names of the quantity controls rendered, in order. */
const rendered = vi.hoisted(() => [] as string[]);

vi.mock('../../../src/ui/assumptions/QuantityControl', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/ui/assumptions/QuantityControl')>();
  return {
    QuantityControl: (props: QuantityControlProps) => {
      rendered.push(props.binding.name);
      return original.QuantityControl(props);
    },
  };
});

afterEach(() => {
  cleanup();
  resetSlidecastStore();
  rendered.length = 0;
});

/** The store's state as it is, whose `workspace` counts how often it is read. */
function countingWorkspaceReads(): { state: SlidecastState; reads: () => number } {
  const current = useSlidecast.getState();
  let reads = 0;
  const state = { ...current };
  Object.defineProperty(state, 'workspace', {
    enumerable: true,
    get: () => {
      reads += 1;
      return current.workspace;
    },
  });
  return { state, reads: () => reads };
}

describe('the assumptions panel on a change of the store', () => {
  it('reads the workspace about once per quantity, not once per thing each quantity shows', () => {
    const { container } = render(<AssumptionsPanel />);
    const quantities = container.querySelectorAll('.quantity').length;
    expect(quantities).toBeGreaterThan(30);
    const { state, reads } = countingWorkspaceReads();
    // A change elsewhere in the store (a result arriving, the simulation's progress): every listener runs.
    act(() => useSlidecast.setState(state, true));
    // One read for the quantity and one for its pin, and a few for the panel, the drivers and the lists.
    expect(reads()).toBeLessThanOrEqual(2.5 * quantities);
    expect(reads()).toBeGreaterThan(0);
  });

  it('renders again only the control whose quantity an edit changed, also within its own dimension', () => {
    render(<AssumptionsPanel />);
    const dimension = seedModel().dimensions[0]!;
    const path = [dimension.id, dimension.members[0]!.id];
    rendered.length = 0;
    // A growth premium: in the dimension that also holds every share and premium of its members.
    act(() => useSlidecast.getState().editModel('premium', (model) => setQuantityValue(model, { kind: 'memberGrowthDelta', path }, 0.01)));
    // (A control may render twice in one update: its draft follows the new value.)
    expect(new Set(rendered)).toEqual(new Set([`${dimension.name}: ${dimension.members[0]!.name} growth premium`]));
    rendered.length = 0;
    act(() => useSlidecast.getState().editModel('growth', (model) => setQuantityValue(model, { kind: 'baseGrowth' }, 0.04)));
    expect(new Set(rendered)).toEqual(new Set(['Trend growth']));
  });
});
