// @vitest-environment jsdom
/**
 * The assumptions panel against the real store, as a strategist uses it: sliders named after their
 * quantities, number boxes that take typed values or say what is wrong, linked share sliders with
 * locks, resets, source badges and driver switches.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { produce } from 'immer';
import { getQuantity, type QuantityRef } from '../../src/model/quantityRef';
import { seedWorkspace } from '../../src/model/seedWorkspace';
import { resetSlidecastStore, useSlidecast } from '../../src/state/store';
import { model as buildModel } from '../support/models';
import { activeModel, seedModel, shareOf, siblingsOf, sumOfShares, workspaceOf } from '../state/storeFactories';
import { AssumptionsPanel } from '../../src/ui/assumptions/AssumptionsPanel';
import { addMember } from '../../src/model/structureOps';
import { assumptionGroup, control, numberBox, renderWithUser, slider } from './screenHarness';

const seed = seedModel();
const DRIVER_NAMES = seed.drivers.map((d) => d.name);
const AI = 'Advances in AI algorithms and deep learning';

function valueOf(ref: QuantityRef): number | undefined {
  return getQuantity(activeModel(), ref)?.value;
}

const renderPanel = () => renderWithUser(<AssumptionsPanel />);

/** Each slider's name: its label's text, or its aria-label (a range's ends). Faster than computing accessible names in jsdom. */
function sliderNames(sliders: readonly HTMLElement[]): (string | null | undefined)[] {
  return sliders.map((s) => s.getAttribute('aria-label') ?? (s as HTMLInputElement).labels?.[0]?.textContent);
}

/** Tests that search the whole panel (~80 sliders) take seconds in jsdom: room for a loaded machine. */
const SLOW_IN_JSDOM = { timeout: 20_000 };

afterEach(() => {
  cleanup();
  resetSlidecastStore();
});

describe('sliders', () => {
  it('shows every quantity of the Market and Drivers groups as a slider named after it, with its range’s ends', SLOW_IN_JSDOM, () => {
    renderPanel();
    const market = assumptionGroup('Market');
    expect(sliderNames(within(market).getAllByRole('slider'))).toEqual([
      'Market size 2025',
      'Market size 2025, low',
      'Market size 2025, high',
      'Trend growth',
      'Trend growth, low',
      'Trend growth, high',
    ]);
    expect(slider('Market size 2025', market)).toHaveAttribute('aria-valuetext', '$17.2 B');
    expect(slider('Trend growth', market)).toHaveAttribute('aria-valuetext', '0.00%');

    const drivers = assumptionGroup('Growth drivers and restraints');
    // The seed gives every number a range: a value and two ends each.
    expect(within(drivers).getAllByRole('slider')).toHaveLength(DRIVER_NAMES.length * 3);
    for (const name of DRIVER_NAMES) expect(slider(name, drivers)).toBeInTheDocument();
    expect(slider(AI, drivers)).toHaveAttribute('aria-valuetext', '+1.50%');
    expect(slider('Regulatory hurdles', drivers)).toHaveAttribute('aria-valuetext', '-0.60%');
  });

  it('shows a share slider and a growth-premium slider for every member, nested ones too', SLOW_IN_JSDOM, () => {
    renderPanel();
    // Each number is named by its list: "Region: Europe share", "Region › Europe: Germany share".
    const walk = (list: string, members: NonNullable<typeof seed.dimensions[number]['members']>): string[] =>
      members.flatMap((m) => [`${list}: ${m.name} share`, `${list}: ${m.name} growth premium`, ...(m.children ? walk(`${list} › ${m.name}`, m.children) : [])]);
    for (const dimension of seed.dimensions) {
      const group = assumptionGroup(dimension.name);
      const names = walk(dimension.name, dimension.members);
      // `hidden: true` skips the visibility check of ~60 sliders (slow in jsdom); `slider()` checks
      // the role and accessible name of each one named.
      expect(within(group).getAllByRole('slider', { hidden: true })).toHaveLength(names.length * 3);
      for (const name of names) expect(slider(name, group)).toBeInTheDocument();
    }
    expect(slider('Region › Asia-Pacific: China share')).toHaveAttribute('aria-valuetext', '50.0%');
  });

  it('moving a slider changes the model in the store, and the number box follows', () => {
    renderPanel();
    fireEvent.change(slider('Market size 2025'), { target: { value: '20' } });
    expect(valueOf({ kind: 'baseSize' })).toBe(20);
    expect(slider('Market size 2025')).toHaveAttribute('aria-valuetext', '$20.0 B');
    expect(numberBox('Market size 2025')).toHaveValue('20');

    fireEvent.change(slider(AI), { target: { value: '0.03' } });
    expect(valueOf({ kind: 'driverImpact', driverId: 'ai-advances' })).toBe(0.03);
    expect(numberBox(AI)).toHaveValue('3');
  });

  it('a drag from pointer down to pointer up is one undo step', () => {
    renderPanel();
    const before = useSlidecast.getState().workspace;
    const size = slider('Market size 2025');
    fireEvent.pointerDown(size);
    for (const value of ['18', '19', '20', '21', '22']) fireEvent.change(size, { target: { value } });
    fireEvent.pointerUp(size);
    expect(valueOf({ kind: 'baseSize' })).toBe(22);
    expect(useSlidecast.getState().past).toHaveLength(1);
    act(() => useSlidecast.getState().undo());
    expect(useSlidecast.getState().workspace).toBe(before);
    expect(slider('Market size 2025')).toHaveAttribute('aria-valuetext', '$17.2 B');
  });

  it('moving a share slider moves its siblings so the list still sums to 100%', () => {
    renderPanel();
    fireEvent.change(slider('Region: Europe share'), { target: { value: '0.5' } });
    expect(shareOf(activeModel(), ['region', 'europe'])).toBe(0.5);
    expect(sumOfShares(siblingsOf(activeModel(), ['region', 'na']))).toBeCloseTo(1, 12);
    expect(slider('Region: North America share')).toHaveAttribute('aria-valuetext', '28.6%');
  });
});

describe('names', () => {
  it('gives every slider its own name, even with an “Others” in Application and in Region', SLOW_IN_JSDOM, () => {
    useSlidecast.getState().editModel('add', (model) => void addMember(model, ['region'], { name: 'Others' }));
    const { container } = renderPanel();
    // A slider's name is its label's text (`slider()` checks that against the accessible name), a
    // range's end's its aria-label.
    const names = sliderNames([...container.querySelectorAll<HTMLInputElement>('input[type="range"]')]);
    expect(names.length).toBeGreaterThan(240);
    expect(names).toContain('Region: Europe share, low');
    expect(names).toContain('Application: Others share, high');
    expect(names).toContain('Application: Others share');
    expect(names).toContain('Region: Others share');
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
    expect(slider('Region: Others share')).toBeInTheDocument();
    expect(slider('Application: Others share')).toBeInTheDocument();
  });

  it('names each group of sliders: Market, the drivers, each dimension and each breakdown', () => {
    renderPanel();
    for (const name of ['Market', 'Growth drivers and restraints', 'Product type', 'Application', 'Region', 'Region › North America', 'Region › Europe']) {
      expect(screen.getByRole('group', { name })).toBeInTheDocument();
    }
    expect(within(screen.getByRole('group', { name: 'Region › Europe' })).getAllByRole('slider', { hidden: true })).toHaveLength(30);
  });

  it('isolates a name written beside numbers, so a right-to-left name keeps “: 5 parts” and its parent after it', () => {
    useSlidecast.getState().editModel('rename', (model) => {
      const region = model.dimensions.find((d) => d.id === 'region')!;
      region.members.find((m) => m.id === 'europe')!.name = 'אירופה 2';
    });
    const { container } = renderPanel();
    const summary = [...container.querySelectorAll('summary')].find((s) => s.textContent?.startsWith('אירופה 2'))!;
    expect(summary).toHaveTextContent('אירופה 2: 5 parts (30.0% of Region)');
    expect([...summary.querySelectorAll('bdi')].map((bdi) => bdi.textContent)).toEqual(['אירופה 2', 'Region']);
  });
});

describe('number boxes', () => {
  it('typing a size and pressing Enter sets it', async () => {
    const { user } = renderPanel();
    const box = numberBox('Market size 2025');
    await user.clear(box);
    await user.type(box, '19.5{Enter}');
    expect(valueOf({ kind: 'baseSize' })).toBe(19.5);
    expect(slider('Market size 2025')).toHaveAttribute('aria-valuetext', '$19.5 B');
  });

  it('takes rates as percents, with a comma or a typographic minus', async () => {
    const { user } = renderPanel();
    const trend = numberBox('Trend growth');
    await user.clear(trend);
    await user.type(trend, '1,5{Enter}');
    expect(valueOf({ kind: 'baseGrowth' })).toBeCloseTo(0.015, 12);

    const hurdles = numberBox('Regulatory hurdles');
    await user.clear(hurdles);
    await user.type(hurdles, '−1.2%{Enter}');
    expect(valueOf({ kind: 'driverImpact', driverId: 'regulatory-hurdles' })).toBeCloseTo(-0.012, 12);
  });

  it('takes a share as a percent and rebalances the siblings', async () => {
    const { user } = renderPanel();
    const europe = numberBox('Region: Europe share');
    await user.clear(europe);
    await user.type(europe, '35{Enter}');
    expect(shareOf(activeModel(), ['region', 'europe'])).toBeCloseTo(0.35, 12);
    expect(sumOfShares(siblingsOf(activeModel(), ['region', 'na']))).toBeCloseTo(1, 12);
  });

  it('commits a typed value when the box loses focus', async () => {
    const { user } = renderPanel();
    const box = numberBox('Market size 2025');
    await user.clear(box);
    await user.type(box, '18');
    await user.tab();
    expect(valueOf({ kind: 'baseSize' })).toBe(18);
  });

  it('takes a size pasted from a report with its currency and scale, in the model’s unit', async () => {
    const { user } = renderPanel();
    const box = numberBox('Market size 2025');
    await user.clear(box);
    await user.click(box);
    await user.paste('$4,600 M');
    await user.keyboard('{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent('Write 4600 or 4.600');
    await user.clear(box);
    await user.paste('US$ 4.6 billion');
    await user.keyboard('{Enter}');
    expect(valueOf({ kind: 'baseSize' })).toBe(4.6);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it.each([
    ['Market size 2025', '€4.6 B', /“€4.6 B” is in another currency: this model counts USD bn/],
    ['Market size 2025', 'abc', /“abc” is not a number/],
    ['Market size 2025', '1e999', /too large/],
    ['Market size 2025', '-5', /market size cannot be negative/i],
    ['Region: Europe share', '-5', /share cannot be negative/i],
    ['Region: Europe share', '101', /more than 100%/],
    ['Trend growth', 'abc', /not a number/],
  ])('refuses "%s" ← "%s" with a visible message and leaves the store untouched', async (name, typed, message) => {
    const { user } = renderPanel();
    const before = useSlidecast.getState().workspace;
    const box = numberBox(name);
    await user.clear(box);
    await user.type(box, `${typed}{Enter}`);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(message);
    expect(alert).toHaveTextContent(name);
    expect(box).toHaveAttribute('aria-invalid', 'true');
    expect(box).toHaveAccessibleDescription(alert.textContent!);
    expect(box).toHaveValue(typed);
    expect(useSlidecast.getState().workspace).toBe(before);
    expect(useSlidecast.getState().past).toEqual([]);
  });

  it('refuses an empty box rather than reading it as 0', async () => {
    const { user } = renderPanel();
    const before = useSlidecast.getState().workspace;
    await user.clear(numberBox('Market size 2025'));
    await user.keyboard('{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent(/Type a number/);
    expect(useSlidecast.getState().workspace).toBe(before);
  });

  it('Escape drops a refused entry and its message, and shows the value again', async () => {
    const { user } = renderPanel();
    const box = numberBox('Market size 2025');
    await user.clear(box);
    await user.type(box, 'abc{Enter}');
    expect(screen.getByRole('alert')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(box).toHaveValue('17.18');
    expect(box).toHaveAttribute('aria-invalid', 'false');
  });

  it('a valid entry after a refused one clears the message', async () => {
    const { user } = renderPanel();
    const box = numberBox('Market size 2025');
    await user.clear(box);
    await user.type(box, 'abc{Enter}');
    await user.clear(box);
    await user.type(box, '18{Enter}');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(valueOf({ kind: 'baseSize' })).toBe(18);
  });

  it('a value changed elsewhere (the slider, undo) replaces a refused entry and its message', async () => {
    const { user } = renderPanel();
    const box = numberBox('Market size 2025');
    await user.clear(box);
    await user.type(box, 'abc{Enter}');
    fireEvent.change(slider('Market size 2025'), { target: { value: '21' } });
    expect(box).toHaveValue('21');
    expect(box).toHaveAttribute('aria-invalid', 'false');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    await user.clear(box);
    await user.type(box, 'xyz{Enter}');
    expect(screen.getByRole('alert')).toBeInTheDocument();
    act(() => useSlidecast.getState().undo());
    expect(box).toHaveValue('17.18');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('linked shares and locks', () => {
  it('a locked share does not move when a sibling moves, and its slider is disabled', SLOW_IN_JSDOM, async () => {
    const { user } = renderPanel();
    await user.click(within(assumptionGroup('Region')).getByText('Region', { selector: 'h2' }));
    const lock = control('button', 'Lock Region: North America share');
    expect(lock).toHaveAttribute('aria-pressed', 'false');
    await user.click(lock);
    expect(lock).toHaveAttribute('aria-pressed', 'true');
    expect(slider('Region: North America share')).toBeDisabled();

    fireEvent.change(slider('Region: Europe share'), { target: { value: '0.5' } });
    expect(shareOf(activeModel(), ['region', 'na'])).toBe(0.4);
    expect(shareOf(activeModel(), ['region', 'europe'])).toBe(0.5);
    expect(sumOfShares(siblingsOf(activeModel(), ['region', 'na']))).toBeCloseTo(1, 12);
    expect(slider('Region: North America share')).toHaveAttribute('aria-valuetext', '40.0%');

    // Only 60% is left beside North America: Europe cannot take more.
    fireEvent.change(slider('Region: Europe share'), { target: { value: '0.9' } });
    expect(shareOf(activeModel(), ['region', 'na'])).toBe(0.4);
    expect(shareOf(activeModel(), ['region', 'europe'])).toBeCloseTo(0.6, 12);

    await user.click(lock);
    fireEvent.change(slider('Region: Europe share'), { target: { value: '0.3' } });
    expect(shareOf(activeModel(), ['region', 'na'])).not.toBe(0.4);
  });

  it('locks are per list: locking Europe does not lock a product type', async () => {
    const { user } = renderPanel();
    await user.click(control('button', 'Lock Region: Europe share'));
    fireEvent.change(slider('Product type: Software share'), { target: { value: '0.7' } });
    expect(shareOf(activeModel(), ['type', 'hardware'])).toBeCloseTo(0.3, 12);
    expect(shareOf(activeModel(), ['region', 'europe'])).toBe(0.3);
  });

  it('when every sibling is locked, a share cannot be moved', async () => {
    const { user } = renderPanel();
    await user.click(control('button', 'Lock Product type: Hardware share'));
    expect(slider('Product type: Software share')).toBeDisabled();
    expect(numberBox('Product type: Software share')).toBeDisabled();
  });
});

describe('reset', () => {
  const resetButton = (name: string) => control('button', `Reset ${name} to the scenario's value`);

  it('is disabled while the value is as saved, and restores the saved value and range', async () => {
    const { user } = renderPanel();
    expect(resetButton('Market size 2025')).toBeDisabled();
    fireEvent.change(slider('Market size 2025'), { target: { value: '30' } });
    expect(activeModel().baseSize.range!.high).toBe(30);
    expect(resetButton('Market size 2025')).toBeEnabled();
    await user.click(resetButton('Market size 2025'));
    expect(activeModel().baseSize).toEqual(seed.baseSize);
    expect(resetButton('Market size 2025')).toBeDisabled();
    expect(slider('Market size 2025')).toHaveAttribute('aria-valuetext', '$17.2 B');
  });

  it('restores a whole list of shares from any of them', async () => {
    const { user } = renderPanel();
    fireEvent.change(slider('Region: Europe share'), { target: { value: '0.5' } });
    expect(resetButton('Region: North America share')).toBeEnabled();
    await user.click(resetButton('Region: North America share'));
    expect(siblingsOf(activeModel(), ['region', 'na'])).toEqual(siblingsOf(seed, ['region', 'na']));
    expect(resetButton('Region: Europe share')).toBeDisabled();
  });

  it('takes a growth premium the saved model never had back to none', async () => {
    // The seed gives every member a premium (0, with a range): take Germany's away to begin with.
    const workspace = produce(seedWorkspace(), (w) => {
      delete w.scenarios[0]!.model.dimensions[2]!.members[1]!.children![0]!.growthDelta;
    });
    const saved = workspace.scenarios[0]!.model;
    useSlidecast.getState().replaceWorkspace(workspace);
    const { user } = renderPanel();
    const germany = numberBox('Region › Europe: Germany growth premium');
    expect(resetButton('Region › Europe: Germany growth premium')).toBeDisabled();
    await user.clear(germany);
    await user.type(germany, '2{Enter}');
    expect(valueOf({ kind: 'memberGrowthDelta', path: ['region', 'europe', 'de'] })).toBeCloseTo(0.02, 12);
    await user.click(resetButton('Region › Europe: Germany growth premium'));
    expect(getQuantity(activeModel(), { kind: 'memberGrowthDelta', path: ['region', 'europe', 'de'] })).toBeUndefined();
    expect(activeModel()).toEqual(saved);
    expect(resetButton('Region › Europe: Germany growth premium')).toBeDisabled();
  });

  it('is one undo step', async () => {
    const { user } = renderPanel();
    fireEvent.change(slider('Market size 2025'), { target: { value: '30' } });
    const edited = useSlidecast.getState().workspace;
    await user.click(resetButton('Market size 2025'));
    useSlidecast.getState().undo();
    expect(useSlidecast.getState().workspace).toBe(edited);
  });
});

describe('source badges', () => {
  it('shows the source of a sourced number', async () => {
    const { user } = renderPanel();
    const badge = control('button', 'Source: Market size 2025, show details');
    expect(badge).toHaveTextContent('Source');
    expect(badge).toHaveAttribute('aria-expanded', 'false');
    await user.click(badge);
    expect(badge).toHaveAttribute('aria-expanded', 'true');
    const details = screen.getByRole('note');
    expect(details).toHaveTextContent(`Source: ${seed.baseSize.source!}`);
    await user.click(badge);
    expect(screen.queryByRole('note')).not.toBeInTheDocument();
  });

  it('shows the note of an assumption', async () => {
    const { user } = renderPanel();
    const badge = control('button', 'Assumed: Trend growth, show details');
    expect(badge).toHaveTextContent('Assumed');
    await user.click(badge);
    expect(screen.getByRole('note')).toHaveTextContent(`Note: ${seed.baseGrowth.note!}`);
    expect(screen.getByRole('note')).not.toHaveTextContent('Source:');
  });

  it('shows a source and its caveat together', async () => {
    const { user } = renderPanel();
    await user.click(control('button', 'Source: Region: Asia-Pacific share, show details'));
    const details = screen.getByRole('note');
    expect(details).toHaveTextContent('Source:');
    expect(details).toHaveTextContent('Note: China’s 10% is read as part of this 20%');
  });

  it('shows a vendor’s reasoning, then the revenue the report quotes on a line of its own after “No check:”', async () => {
    const { user } = renderPanel();
    await user.click(control('button', 'Assumed: Vendor: GE Healthcare share, show details'));
    const lines = [...screen.getByRole('note').querySelectorAll('p')].map((p) => p.textContent);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Note: Assumption: the report names eleven key players/);
    expect(lines[0]).not.toContain('No check');
    expect(lines[1]).toMatch(/^No check: .*"They reported sales revenue of approximately \$19 billion in 2022"/);
  });

  it('opens an assumption without a note to its range alone', async () => {
    useSlidecast.getState().replaceWorkspace(workspaceOf(buildModel({})));
    const { user } = renderPanel();
    await user.click(control('button', 'Assumed: Market size 2025, show details'));
    expect(screen.queryByRole('note')).not.toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Market size 2025 range' })).toHaveTextContent('Fixed at its value: no range.');
  });

  it('renders a source or a note from a file as text, never as HTML', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const workspace = produce(seedWorkspace(), (w) => {
      w.scenarios[0]!.model.baseSize.source = hostile;
      w.scenarios[0]!.model.baseSize.note = '<b>bold</b><script>alert(2)</script>';
    });
    useSlidecast.getState().replaceWorkspace(workspace);
    const { user, container } = renderPanel();
    await user.click(control('button', 'Source: Market size 2025, show details'));
    const details = screen.getByRole('note');
    expect(details).toHaveTextContent(`Source: ${hostile}`);
    expect(details).toHaveTextContent('Note: <b>bold</b><script>alert(2)</script>');
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect(details.querySelector('b')).toBeNull();
  });
});

describe('drivers', () => {
  it('switching a driver off changes the model and disables its slider', async () => {
    const { user } = renderPanel();
    const toggle = control('checkbox', `${AI} enabled`);
    expect(toggle).toBeChecked();
    await user.click(toggle);
    expect(activeModel().drivers.find((d) => d.id === 'ai-advances')!.enabled).toBe(false);
    expect(toggle).not.toBeChecked();
    expect(slider(AI)).toBeDisabled();
    expect(control('combobox', `${AI} start year`)).toBeDisabled();
    await user.click(toggle);
    expect(activeModel().drivers.find((d) => d.id === 'ai-advances')!.enabled).toBeUndefined(); // on is the default
    expect(slider(AI)).toBeEnabled();
  });

  it('sets when a driver starts and how long it ramps', async () => {
    const { user } = renderPanel();
    await user.selectOptions(control('combobox', `${AI} start year`), '2028');
    await user.selectOptions(control('combobox', `${AI} ramp years`), '3 years');
    expect(activeModel().drivers.find((d) => d.id === 'ai-advances')).toMatchObject({ startYear: 2028, rampYears: 3 });
  });

  it('offers the start years of the model: the year after the base year to the end year', () => {
    renderPanel();
    const years = within(control('combobox', `${AI} start year`))
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(years).toEqual(['2026', '2027', '2028', '2029', '2030', '2031', '2032']);
  });
});

describe('scenarios', () => {
  it('the sliders show the scenario on screen, and edits go to it', () => {
    renderPanel();
    act(() => useSlidecast.getState().switchScenario('narrow'));
    expect(slider('Market size 2023')).toHaveAttribute('aria-valuetext', '$1.62 B');
    fireEvent.change(slider('Market size 2023'), { target: { value: '2' } });
    const { workspace } = useSlidecast.getState();
    expect(workspace.scenarios.find((s) => s.id === 'narrow')!.model.baseSize.value).toBe(2);
    expect(workspace.scenarios.find((s) => s.id === 'consensus')!.model.baseSize.value).toBe(17.18);
  });
});
