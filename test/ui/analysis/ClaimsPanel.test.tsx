// @vitest-environment jsdom
/**
 * Claims as targets on the Analysis view, against the real store and engine: the list (label,
 * source, condition, status for the scenario on screen, odds once simulated), adding, editing and
 * removing claims (each one undo step, focus placed), and the form refusing what a file could not
 * hold, each refused field named (role `alert`) in the file's own words.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { simulate } from '../../../src/engine/simulate';
import { seedWorkspace } from '../../../src/model/seedWorkspace';
import type { Claim, Workspace } from '../../../src/model/types';
import { activeModelOf } from '../../../src/state/scenarioSelectors';
import { resetSlidecastStore, useSlidecast } from '../../../src/state/store';
import { AnalysisView } from '../../../src/ui/analysis/AnalysisView';
import { computeActiveScenario } from '../screenHarness';

beforeEach(() => {
  // The seed's claims and results, computed as the engine would.
  computeActiveScenario();
});
afterEach(() => {
  cleanup();
  resetSlidecastStore();
  vi.unstubAllGlobals();
});

function open(workspace?: Workspace) {
  if (workspace) {
    useSlidecast.getState().replaceWorkspace(workspace);
    computeActiveScenario();
  }
  const user = userEvent.setup();
  return { user, ...render(<AnalysisView />) };
}

const claims = (): Claim[] => useSlidecast.getState().workspace.claims;
const row = (id: string) => document.querySelector<HTMLElement>(`tr[data-claim-id="${id}"]`)!;
const form = () => screen.getByRole('form');
/** The claims' own section: the view has the tornado, goal seek and calibration too, each with its own status line. */
const claimsSection = () => document.querySelector<HTMLElement>('.an-claims')!;
const field = (name: string) => within(form()).getByLabelText(new RegExp(`^${name}`)) as HTMLInputElement;

/** Fills the new claim's form: label, then each field by its label. */
async function fill(user: ReturnType<typeof userEvent.setup>, values: Record<string, string>) {
  for (const [name, value] of Object.entries(values)) {
    const control = field(name);
    if (control.tagName === 'SELECT') await user.selectOptions(control, value);
    else {
      await user.clear(control);
      if (value !== '') await user.type(control, value);
    }
  }
}

describe('the list of claims', () => {
  it('shows every claim with its label, source, condition and how the scenario on screen stands: met, missed by how much, not checkable', () => {
    open();
    const table = screen.getByRole('table', { name: 'Claims' });
    expect(within(table).getAllByRole('row')).toHaveLength(seedWorkspace().claims.length + 1);
    const over20 = row('size-2028-over-20');
    expect(over20).toHaveTextContent('Over $20 B by 2028');
    expect(over20).toHaveTextContent('over $20 billion by 2028');
    expect(over20).toHaveTextContent('2028 ≥ $20 B');
    expect(over20).toHaveTextContent('✓ met');
    // The consensus is far above "about $6 B": missed, by how much, and the forecast's value.
    const six = within(row('size-2028-about-6')).getByText(/too high/);
    expect(row('size-2028-about-6')).toHaveTextContent('✗ missed');
    expect(six.textContent).toMatch(/— \$13\.\d{1,2} B too high, forecast \$20\.\d{1,2} B/);
    // The narrow definition's CAGR from 2023: a year before this scenario begins.
    expect(row('cagr-2023-2028-over-30')).toHaveTextContent('– not checkable — 2023 is outside this scenario\'s years 2025–2032');
    expect(row('share-north-america')).toHaveTextContent('share of North America 2025 ≈ 40% ± 1 pp');
  });

  it('follows the scenario on screen (the top bar’s picker)', () => {
    open();
    act(() => {
      useSlidecast.getState().switchScenario('narrow');
      computeActiveScenario();
    });
    expect(screen.getByText('of “Narrow definition ($6 B by 2028)”')).toBeInTheDocument();
    expect(row('size-2028-about-6')).toHaveTextContent('✓ met');
    expect(row('size-2028-over-20')).toHaveTextContent('✗ missed');
  });

  it('gives each claim’s probability once the simulation of the scenario has finished, not while it runs', () => {
    open();
    const model = activeModelOf(useSlidecast.getState().workspace);
    const summary = simulate(model, claims(), { samples: 400, seed: 1 });
    act(() => useSlidecast.getState().setSimulation({ scenarioId: 'consensus', summary, target: 1000, running: true }));
    expect(row('size-2028-over-20').querySelector('.an-probability')).toHaveTextContent('simulating…');
    act(() => useSlidecast.getState().setSimulation({ scenarioId: 'consensus', summary, target: 400, running: false }));
    const odds = summary.claims.find((c) => c.claimId === 'size-2028-over-20')!.probability!;
    expect(odds).toBeGreaterThan(0.5);
    expect(row('size-2028-over-20').querySelector('.an-probability')).toHaveTextContent(`${Math.round(odds * 100)}%`);
    expect(row('cagr-2023-2028-over-30').querySelector('.an-probability')).toHaveTextContent('not checkable');
  });

  it('shows a label and a source as text, never as HTML, and wraps them', () => {
    const workspace = seedWorkspace();
    workspace.claims[0] = { ...workspace.claims[0]!, label: '<img src=x onerror="alert(1)">', source: '<b>bold</b> ' + 'a'.repeat(300) };
    open(workspace);
    expect(row('cagr-headline')).toHaveTextContent('<img src=x onerror="alert(1)">');
    expect(row('cagr-headline').querySelector('img, b')).toBeNull();
  });
});

describe('adding a claim', () => {
  it('adds "2030 ≥ 22" from the form: an id from its label, the focus on its Edit button, its status once computed, one undo step', async () => {
    const { user } = open();
    const before = claims();
    await user.click(screen.getByRole('button', { name: 'Add claim' }));
    expect(field('Label')).toHaveFocus();
    await fill(user, { Label: '2030 ≥ 22', Year: '2030', Condition: 'atLeast', Value: '22', Source: 'Our own target' });
    await user.click(within(form()).getByRole('button', { name: 'Add claim' }));
    expect(claims()).toHaveLength(before.length + 1);
    expect(claims().at(-1)).toEqual({ id: '2030-22', label: '2030 ≥ 22', metric: 'size', year: 2030, op: 'atLeast', value: 22, source: 'Our own target' });
    expect(screen.queryByRole('form')).toBeNull();
    expect(screen.getByRole('button', { name: 'Edit claim 2030 ≥ 22' })).toHaveFocus();
    expect(within(claimsSection()).getByRole('status')).toHaveTextContent('Added “2030 ≥ 22”.');
    expect(row('2030-22')).toHaveTextContent('checking…');
    act(() => void computeActiveScenario());
    expect(row('2030-22')).toHaveTextContent('✓ met');
    act(() => useSlidecast.getState().undo());
    expect(claims()).toBe(before);
  });

  it('types a CAGR and its tolerance in percent, and a share claim on a nested member', async () => {
    const { user } = open();
    await user.click(screen.getByRole('button', { name: 'Add claim' }));
    await fill(user, { Metric: 'cagr', 'From year': '2026', 'To year': '2030', Condition: 'approx', Value: '5.2', Tolerance: '0.3', Label: 'Growth' });
    await user.click(within(form()).getByRole('button', { name: 'Add claim' }));
    expect(claims().at(-1)).toEqual({ id: 'growth', label: 'Growth', metric: 'cagr', fromYear: 2026, toYear: 2030, op: 'approx', value: 0.052, tolerance: 0.003, source: '' });

    await user.click(screen.getByRole('button', { name: 'Add claim' }));
    await fill(user, { Metric: 'share', Member: 'region/apac/cn', Year: '2028', Condition: 'atMost', Value: '12', Label: 'China' });
    expect(field('Value').closest('.an-field')).toHaveTextContent('(%)');
    await user.type(field('Value'), '{Enter}');
    expect(claims().at(-1)).toEqual({ id: 'china', label: 'China', metric: 'share', member: 'region/apac/cn', year: 2028, op: 'atMost', value: 0.12, source: '' });
  });

  it('takes a size value and tolerance pasted with their currency and scale, in the model’s unit', async () => {
    const { user } = open();
    await user.click(screen.getByRole('button', { name: 'Add claim' }));
    await fill(user, { Label: 'Big', Year: '2030', Condition: 'approx', Value: '$22 B', Tolerance: 'USD 500 million' });
    await user.click(within(form()).getByRole('button', { name: 'Add claim' }));
    expect(claims().at(-1)).toEqual({ id: 'big', label: 'Big', metric: 'size', year: 2030, op: 'approx', value: 22, tolerance: 0.5, source: '' });
  });

  it('Escape cancels: nothing added, the focus back on Add claim', async () => {
    const { user } = open();
    const before = claims();
    await user.click(screen.getByRole('button', { name: 'Add claim' }));
    await user.type(field('Value'), '22');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('form')).toBeNull();
    expect(claims()).toBe(before);
    expect(screen.getByRole('button', { name: 'Add claim' })).toHaveFocus();
  });
});

describe('the form refuses what a file could not hold, naming the field', () => {
  const refusals: [string, Record<string, string>, string][] = [
    ['a year outside 1900–2200', { Year: '2500', Value: '22' }, 'Year: must be a whole year between 1900 and 2200, not 2500'],
    ['a CAGR whose years are not in order', { Metric: 'cagr', 'From year': '2030', 'To year': '2028', Value: '5' }, 'To year: must be after fromYear (2030), not 2028'],
    ['a negative size', { Value: '-5' }, 'Value: must be a size of 0 or more, not -5'],
    ['a negative tolerance', { Condition: 'approx', Value: '22', Tolerance: '-1' }, 'Tolerance: must be 0 or more, not -1'],
    ['a share of the total market', { Metric: 'share', Value: '40' }, 'Member: is needed for a share claim'],
    ['a value that is not a number', { Value: 'lots' }, 'Value: “lots” is not a number'],
    ['a value in another currency', { Value: '€22 B' }, 'Value: “€22 B” is in another currency: this model counts USD bn'],
    ['no value', { Value: '' }, 'Value: is missing'],
  ];
  it.each(refusals)('refuses %s, the first refused field focused, nothing saved', async (_, values, message) => {
    const { user } = open();
    const before = claims();
    await user.click(screen.getByRole('button', { name: 'Add claim' }));
    await fill(user, values);
    await user.click(within(form()).getByRole('button', { name: 'Add claim' }));
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(message);
    expect(claims()).toBe(before);
    const invalid = form().querySelector('[aria-invalid="true"]');
    expect(invalid).toHaveFocus();
    expect(invalid).toHaveAccessibleDescription(alert.textContent!);
  });

  it('refuses a member that no scenario has (a claim from a file), naming the member', async () => {
    const workspace = seedWorkspace();
    workspace.claims.push({ id: 'atlantis', label: 'Atlantis', metric: 'size', member: 'region/atlantis', year: 2028, op: 'atLeast', value: 1, source: '' });
    const { user } = open(workspace);
    expect(row('atlantis')).toHaveTextContent('– not checkable — this scenario has no member region/atlantis');
    await user.click(screen.getByRole('button', { name: 'Edit claim Atlantis' }));
    expect(field('Member')).toHaveDisplayValue('region/atlantis (not in this scenario)');
    await user.click(within(form()).getByRole('button', { name: 'Save claim' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Member: "region/atlantis" is not a member of any scenario');
    // Choosing one of the model's members saves it.
    await user.selectOptions(field('Member'), 'region/europe');
    await user.click(within(form()).getByRole('button', { name: 'Save claim' }));
    expect(claims().at(-1)).toMatchObject({ id: 'atlantis', member: 'region/europe' });
  });
});

describe('editing and removing', () => {
  it('edits a claim in its place, keeping its id: one undo step, the focus back on its Edit button', async () => {
    const { user } = open();
    const before = claims();
    await user.click(screen.getByRole('button', { name: 'Edit claim Over $20 B by 2028' }));
    expect(field('Value')).toHaveValue('20');
    expect(field('Label')).toHaveFocus();
    await fill(user, { Value: '21', Year: '2029' });
    await user.click(within(form()).getByRole('button', { name: 'Save claim' }));
    expect(claims().map((c) => c.id)).toEqual(before.map((c) => c.id));
    expect(claims()[1]).toEqual({ ...before[1], value: 21, year: 2029 });
    expect(screen.getByRole('button', { name: 'Edit claim Over $20 B by 2028' })).toHaveFocus();
    act(() => useSlidecast.getState().undo());
    expect(claims()).toBe(before);
  });

  it('Escape cancels an edit: the claim as it was, the focus back on its Edit button', async () => {
    const { user } = open();
    const before = claims();
    await user.click(screen.getByRole('button', { name: 'Edit claim Over $20 B by 2028' }));
    await fill(user, { Value: '99' });
    await user.keyboard('{Escape}');
    expect(claims()).toBe(before);
    expect(screen.getByRole('button', { name: 'Edit claim Over $20 B by 2028' })).toHaveFocus();
  });

  it('removes a claim: the focus on the next one, and Undo on the status line brings it back in its place', async () => {
    const { user } = open();
    const before = claims();
    await user.click(screen.getByRole('button', { name: 'Remove claim Over $20 B by 2028' }));
    expect(claims().map((c) => c.id)).not.toContain('size-2028-over-20');
    expect(screen.getByRole('button', { name: 'Edit claim About $6 B by 2028' })).toHaveFocus();
    expect(within(claimsSection()).getByRole('status')).toHaveTextContent('Removed “Over $20 B by 2028”.');
    await user.click(within(within(claimsSection()).getByRole('status')).getByRole('button', { name: 'Undo' }));
    expect(claims()).toBe(before);
    expect(screen.getByRole('button', { name: 'Edit claim Over $20 B by 2028' })).toHaveFocus();
  });

  it('removes the last claim: the focus on Add claim, and the list says there are none', async () => {
    const workspace = seedWorkspace();
    workspace.claims = workspace.claims.slice(0, 1);
    const { user } = open(workspace);
    await user.click(screen.getByRole('button', { name: 'Remove claim CAGR 5.2% 2025–2032' }));
    expect(claims()).toEqual([]);
    expect(screen.getByText(/No claims yet/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add claim' })).toHaveFocus();
  });
});
