// @vitest-environment jsdom
/**
 * A pinned slider in present mode is bound to its quantity the same way as the assumptions panel's
 * (one binding, src/ui/assumptions/useQuantityBinding.ts): share locks hold, a driver switched off
 * cannot be moved, the arrow keys step from the store's value, and the slider has the quantity's one name.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { resetSlidecastStore, useSlidecast } from '../../../src/state/store';
import { useShareLocks } from '../../../src/state/shareLocks';
import { setDriverTiming } from '../../../src/model/modelEdits';
import { PresentSlider } from '../../../src/ui/present/PresentSlider';
import { getQuantity } from '../../../src/model/quantityRef';
import { activeModel, shareOf, siblingsOf, sumOfShares } from '../../state/storeFactories';

afterEach(() => {
  cleanup();
  resetSlidecastStore();
});

describe('a pinned slider in present mode', () => {
  it('keeps a locked share still when a sibling moves (lock Europe, move North America)', () => {
    useShareLocks.getState().toggleLock('region/europe');
    render(<PresentSlider quantityRef={{ kind: 'memberShare', path: ['region', 'na'] }} />);
    const na = screen.getByRole('slider', { name: 'Region: North America share' });
    fireEvent.change(na, { target: { value: '0.5' } });
    expect(shareOf(activeModel(), ['region', 'na'])).toBe(0.5);
    expect(shareOf(activeModel(), ['region', 'europe'])).toBe(0.3);
    expect(sumOfShares(siblingsOf(activeModel(), ['region', 'na']))).toBeCloseTo(1, 12);
  });

  it('cannot move a locked share, nor one whose siblings are all locked', () => {
    useShareLocks.getState().toggleLock('type/hardware');
    useShareLocks.getState().toggleLock('region/na');
    render(
      <>
        <PresentSlider quantityRef={{ kind: 'memberShare', path: ['type', 'software'] }} />
        <PresentSlider quantityRef={{ kind: 'memberShare', path: ['region', 'na'] }} />
      </>,
    );
    expect(screen.getByRole('slider', { name: 'Product type: Software share' })).toBeDisabled();
    expect(screen.getByRole('slider', { name: 'Region: North America share' })).toBeDisabled();
  });

  it('cannot move the impact of a driver that is switched off, as on the panel', () => {
    useSlidecast.getState().editModel('enable', (model) => setDriverTiming(model, 'ai-advances', { enabled: false }));
    render(<PresentSlider quantityRef={{ kind: 'driverImpact', driverId: 'ai-advances' }} />);
    expect(screen.getByRole('slider', { name: 'Advances in AI algorithms and deep learning' })).toBeDisabled();
  });

  it('takes an arrow key\'s step from the store, as the panel\'s sliders do: two presses before the answer are two steps', () => {
    render(<PresentSlider quantityRef={{ kind: 'baseGrowth' }} />);
    const growth = screen.getByRole('slider', { name: 'Trend growth' });
    const stored = () => getQuantity(activeModel(), { kind: 'baseGrowth' })!.value;
    const before = stored();
    // Taken by the app (default prevented), not stepped by the input itself.
    expect(fireEvent.keyDown(growth, { key: 'ArrowRight' })).toBe(false);
    const once = stored();
    expect(once).toBeGreaterThan(before);
    fireEvent.keyDown(growth, { key: 'ArrowRight' });
    expect(stored() - once).toBeCloseTo(once - before, 12);
  });
});
