// @vitest-environment jsdom
/**
 * A quantity's range as a strategist edits it (issue 10): two more handles on the slider's track,
 * named after the quantity, that keep the value between them; undo takes back one drag at a time;
 * the details hold number boxes for the ends, the distribution, and Clear/Add range, and refuse an
 * end that would leave the value out with a message that says so, keeping what was typed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { getQuantity, type QuantityRef } from '../../../src/model/quantityRef';
import type { Range } from '../../../src/model/quantity';
import { resetSlidecastStore, useSlidecast } from '../../../src/state/store';
import { BoundQuantity } from '../../../src/ui/assumptions/BoundQuantity';
import { PresentSlider } from '../../../src/ui/present/PresentSlider';
import { activeModel } from '../../state/storeFactories';
import { renderWithUser } from '../screenHarness';

const TREND: QuantityRef = { kind: 'baseGrowth' };
const EUROPE: QuantityRef = { kind: 'memberShare', path: ['region', 'europe'] };

const quantity = (ref: QuantityRef) => getQuantity(activeModel(), ref)!;
const rangeOf = (ref: QuantityRef): Range | undefined => quantity(ref).range;
const handle = (name: string) => screen.getByRole<HTMLInputElement>('slider', { name });
const undo = () => act(() => useSlidecast.getState().undo());

afterEach(() => {
  cleanup();
  resetSlidecastStore();
});

describe('the range’s handles on the slider', () => {
  it('are two more sliders on the track, named after the quantity, read out in its unit', () => {
    render(<BoundQuantity quantityRef={TREND} />);
    // The seed's trend is 0% ± 1 point.
    expect(handle('Trend growth')).toHaveAttribute('aria-valuetext', '0.00%');
    expect(handle('Trend growth, low')).toHaveAttribute('aria-valuetext', '-1.00%');
    expect(handle('Trend growth, high')).toHaveAttribute('aria-valuetext', '+1.00%');
    // One track: the same span and step as the value's slider.
    for (const end of ['low', 'high']) {
      for (const attribute of ['min', 'max', 'step']) {
        expect(handle(`Trend growth, ${end}`)).toHaveAttribute(attribute, handle('Trend growth').getAttribute(attribute));
      }
    }
  });

  it('moving an end sets it; an end stops at the value', () => {
    render(<BoundQuantity quantityRef={TREND} />);
    fireEvent.change(handle('Trend growth, low'), { target: { value: '-0.02' } });
    expect(rangeOf(TREND)).toMatchObject({ low: -0.02, high: 0.01 });
    fireEvent.change(handle('Trend growth, low'), { target: { value: '0.005' } });
    expect(rangeOf(TREND)).toMatchObject({ low: 0, high: 0.01 });
    fireEvent.change(handle('Trend growth, high'), { target: { value: '-0.01' } });
    expect(rangeOf(TREND)).toMatchObject({ low: 0, high: 0 });
    expect(handle('Trend growth, high')).toHaveAttribute('aria-valuetext', '0.00%');
  });

  it('moving the value past an end pushes that end along, so the value stays between them', () => {
    render(<BoundQuantity quantityRef={TREND} />);
    fireEvent.change(handle('Trend growth'), { target: { value: '0.015' } });
    expect(quantity(TREND)).toMatchObject({ value: 0.015, range: { low: -0.01, high: 0.015 } });
    expect(handle('Trend growth, high')).toHaveAttribute('aria-valuetext', '+1.50%');
  });

  it('a drag of an end, pointer down to pointer up, is one undo step of its own', () => {
    render(<BoundQuantity quantityRef={TREND} />);
    const before = rangeOf(TREND);
    const high = handle('Trend growth, high');
    fireEvent.pointerDown(high);
    for (const value of ['0.012', '0.016', '0.02', '0.024']) fireEvent.change(high, { target: { value } });
    fireEvent.pointerUp(high);
    const low = handle('Trend growth, low');
    fireEvent.pointerDown(low);
    for (const value of ['-0.012', '-0.015']) fireEvent.change(low, { target: { value } });
    fireEvent.pointerUp(low);
    expect(rangeOf(TREND)).toMatchObject({ low: -0.015, high: 0.024 });
    undo();
    expect(rangeOf(TREND)).toMatchObject({ low: -0.01, high: 0.024 });
    undo();
    expect(rangeOf(TREND)).toEqual(before);
  });

  it('a range edit belongs to the scenario on screen: another scenario keeps its own', () => {
    render(<BoundQuantity quantityRef={TREND} />);
    const { switchScenario } = useSlidecast.getState();
    act(() => switchScenario('narrow'));
    const narrow = rangeOf(TREND);
    act(() => switchScenario('consensus'));
    fireEvent.change(handle('Trend growth, high'), { target: { value: '0.03' } });
    act(() => switchScenario('narrow'));
    expect(rangeOf(TREND)).toEqual(narrow);
    expect(handle('Trend growth, high')).not.toHaveAttribute('aria-valuetext', '+3.00%');
    act(() => switchScenario('consensus'));
    expect(rangeOf(TREND)?.high).toBe(0.03);
  });

  it('a fixed quantity has no end handles', () => {
    act(() => useSlidecast.getState().editModel('clear', (model) => void delete model.baseGrowth.range));
    render(<BoundQuantity quantityRef={TREND} />);
    expect(handle('Trend growth')).toBeInTheDocument();
    expect(screen.queryByRole('slider', { name: 'Trend growth, low' })).toBeNull();
    expect(screen.getAllByRole('slider')).toHaveLength(1);
  });

  it('a share’s ends move with it when a sibling’s slider rebalances it', () => {
    render(
      <>
        <BoundQuantity quantityRef={{ kind: 'memberShare', path: ['region', 'na'] }} />
        <BoundQuantity quantityRef={EUROPE} />
      </>,
    );
    const before = rangeOf(EUROPE)!;
    const valueBefore = quantity(EUROPE).value;
    fireEvent.change(handle('Region: North America share'), { target: { value: '0.6' } });
    const factor = quantity(EUROPE).value / valueBefore;
    expect(factor).toBeLessThan(1);
    expect(Number(handle('Region: Europe share, low').value)).toBeCloseTo(before.low * factor, 3);
    expect(Number(handle('Region: Europe share, high').value)).toBeCloseTo(before.high * factor, 3);
  });

  it('shows in present mode’s pinned slider too, bound the same way', () => {
    render(<PresentSlider quantityRef={TREND} />);
    fireEvent.change(handle('Trend growth, high'), { target: { value: '0.03' } });
    expect(rangeOf(TREND)).toMatchObject({ low: -0.01, high: 0.03 });
    expect(handle('Trend growth, low')).toHaveAttribute('aria-valuetext', '-1.00%');
  });
});

describe('the range in the quantity’s details', () => {
  async function openDetails() {
    const rendered = renderWithUser(<BoundQuantity quantityRef={TREND} />);
    await rendered.user.click(screen.getByRole('button', { name: 'Assumed: Trend growth, show details' }));
    return { ...rendered, group: screen.getByRole('group', { name: 'Trend growth range' }) };
  }
  const box = (name: string) => screen.getByRole('textbox', { name });

  it('has a number box for each end that sets it', async () => {
    const { user } = await openDetails();
    expect(box('Trend growth, low (%)')).toHaveValue('-1');
    await user.clear(box('Trend growth, low (%)'));
    await user.type(box('Trend growth, low (%)'), '-2.5{Enter}');
    expect(rangeOf(TREND)?.low).toBeCloseTo(-0.025, 12);
    expect(handle('Trend growth, low')).toHaveAttribute('aria-valuetext', '-2.50%');
  });

  it('refuses an end that would leave the value out, says why, and keeps what was typed', async () => {
    const { user } = await openDetails();
    const before = rangeOf(TREND);
    await user.clear(box('Trend growth, low (%)'));
    await user.type(box('Trend growth, low (%)'), '3{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Trend growth, low: the low end (+3.00%) cannot be above the value (0.00%); move the value first',
    );
    expect(box('Trend growth, low (%)')).toHaveValue('3');
    expect(box('Trend growth, low (%)')).toHaveAttribute('aria-invalid', 'true');
    expect(rangeOf(TREND)).toEqual(before);

    await user.clear(box('Trend growth, high (%)'));
    await user.type(box('Trend growth, high (%)'), '-0.5{Enter}');
    expect(screen.getAllByRole('alert')[1]).toHaveTextContent('Trend growth, high: the high end (-0.50%) cannot be below the value (0.00%)');
    expect(rangeOf(TREND)).toEqual(before);
  });

  it('refuses a share’s end above 100%, naming the problem', async () => {
    const { user } = renderWithUser(<BoundQuantity quantityRef={EUROPE} />);
    await user.click(screen.getByRole('button', { name: 'Source: Region: Europe share, show details' }));
    const high = box('Region: Europe share, high (%)');
    await user.clear(high);
    await user.type(high, '120{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent('Region: Europe share, high: A share cannot be more than 100%');
    expect(high).toHaveValue('120');
    expect(rangeOf(EUROPE)!.high).toBeLessThanOrEqual(1);
  });

  it('picks the distribution', async () => {
    const { user } = await openDetails();
    const picker = screen.getByRole('combobox', { name: 'Trend growth distribution' });
    expect(picker).toHaveValue('triangular');
    expect(within(picker).getAllByRole('option').map((o) => o.textContent)).toEqual(['triangular', 'uniform', 'PERT', 'normal, 5–95%']);
    await user.selectOptions(picker, 'pert');
    expect(rangeOf(TREND)?.dist).toBe('pert');
  });

  it('Clear range makes the quantity fixed (one undo brings the range back); Add range gives the seed’s range for its kind', async () => {
    const { user, group } = await openDetails();
    const before = rangeOf(TREND);
    await user.click(within(group).getByRole('button', { name: 'Clear range of Trend growth' }));
    expect(quantity(TREND)).not.toHaveProperty('range');
    expect(screen.queryByRole('slider', { name: 'Trend growth, low' })).toBeNull();
    undo();
    expect(rangeOf(TREND)).toEqual(before);

    await user.click(screen.getByRole('button', { name: 'Clear range of Trend growth' }));
    fireEvent.change(handle('Trend growth'), { target: { value: '0.04' } });
    await user.click(screen.getByRole('button', { name: 'Add range to Trend growth' }));
    // The seed's rule for a trend: ±1 point a year around the value.
    expect(rangeOf(TREND)).toEqual({ low: 0.03, high: 0.05, dist: 'triangular' });
    expect(handle('Trend growth, low')).toHaveAttribute('aria-valuetext', '+3.00%');
  });
});
