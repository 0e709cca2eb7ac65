// @vitest-environment jsdom
/**
 * The Structure view against the real store: adding, renaming, reordering and removing members,
 * dimensions and drivers with the keyboard and buttons, the guard rails' messages (role `alert`),
 * undo from the status line, years and unit, sources and notes, structure edits for every
 * scenario, new workspaces, and shares imported from a pasted range.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { findMember } from '../../../src/model/quantityRef';
import { seedWorkspace } from '../../../src/model/seedWorkspace';
import type { Model, Workspace } from '../../../src/model/types';
import { activeModelOf } from '../../../src/state/scenarioSelectors';
import { resetSlidecastStore, useSlidecast } from '../../../src/state/store';
import { hasUnsavedChanges } from '../../../src/state/workspaceSlice';
import { StructureView } from '../../../src/ui/structure/StructureView';
import { dimension, driver, member, model as buildModel } from '../../support/models';
import { fileProblems, workspaceOf } from '../../state/storeFactories';

afterEach(() => {
  cleanup();
  resetSlidecastStore();
  vi.unstubAllGlobals();
});

/** Channel (Retail 60%, Online 40%) and one driver: small enough for jsdom to search quickly. */
function smallModel(): Model {
  return buildModel({
    dimensions: [dimension('channel', [member('retail', 0.6), member('online', 0.4)])],
    drivers: [driver('ecommerce', 0.02)],
  });
}

function open(workspace: Workspace = workspaceOf(smallModel())) {
  useSlidecast.getState().replaceWorkspace(workspace);
  const user = userEvent.setup();
  return { user, ...render(<StructureView />) };
}

const model = (): Model => activeModelOf(useSlidecast.getState().workspace);
const shares = (dimensionId: string) => model().dimensions.find((d) => d.id === dimensionId)!.members.map((m) => [m.id, m.share.value]);
const box = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const status = () => screen.getByTestId('structure-status');
/** Replaces what a box holds with `text` (end it with {Enter} to commit). */
async function typeOver(user: ReturnType<typeof open>['user'], element: HTMLElement, text: string): Promise<void> {
  await user.clear(element);
  await user.type(element, text);
}

function expectShares(dimensionId: string, expected: [string, number][]): void {
  const actual = shares(dimensionId);
  expect(actual.map(([id]) => id)).toEqual(expected.map(([id]) => id));
  actual.forEach(([, share], i) => expect(share).toBeCloseTo(expected[i]![1], 12));
}

describe('members', () => {
  it('adds a member by name and Enter: it takes 1/(n+1), the others shrink in proportion; one undo takes it back', async () => {
    const { user } = open();
    expect(box('Share of the new member of channel (%)')).toHaveAttribute('placeholder', '33.3');
    await user.type(box('New member of channel'), 'Wholesale{Enter}');
    expectShares('channel', [
      ['retail', 0.6 * (2 / 3)],
      ['online', 0.4 * (2 / 3)],
      ['wholesale', 1 / 3],
    ]);
    expect(box('Name of Wholesale')).toHaveValue('Wholesale');
    expect(box('channel: Wholesale share (%)')).toHaveValue('33.333');
    expect(box('New member of channel')).toHaveValue('');
    expect(status()).toHaveTextContent('Added “Wholesale” to channel with 33.3%');
    expect(fileProblems(useSlidecast.getState().workspace)).toEqual([]);
    act(() => useSlidecast.getState().undo());
    expect(shares('channel')).toEqual([
      ['retail', 0.6],
      ['online', 0.4],
    ]);
  });

  it('takes a typed share; a locked member keeps its share', async () => {
    const { user } = open();
    await user.click(screen.getByRole('button', { name: 'Lock channel: retail share' }));
    await user.type(box('Share of the new member of channel (%)'), '10');
    await user.type(box('New member of channel'), 'Kiosks{Enter}');
    expectShares('channel', [
      ['retail', 0.6],
      ['online', 0.3],
      ['kiosks', 0.1],
    ]);
  });

  it('says why a member cannot be added or removed, in an alert, and changes nothing', async () => {
    const { user } = open();
    await user.type(box('New member of channel'), 'RETAIL{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent('channel already has a member called “RETAIL”');
    await user.click(screen.getByRole('button', { name: 'Lock channel: online share' }));
    await user.clear(box('New member of channel'));
    await user.type(box('Share of the new member of channel (%)'), '70');
    await user.type(box('New member of channel'), 'Kiosks{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent('“Kiosks” can have at most 60%: the locked members of channel hold 40%');
    await user.click(screen.getByRole('button', { name: 'Lock channel: retail share' }));
    await user.click(screen.getByRole('button', { name: 'Remove online' }));
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain(
      '“online”’s 40% cannot go back to the other members of channel: they are all locked. Unlock one first',
    );
    expect(useSlidecast.getState().past).toHaveLength(0);
  });

  it('refuses to remove the last member of a dimension, pointing at the dimension', async () => {
    const { user } = open(workspaceOf(buildModel({ dimensions: [dimension('channel', [member('retail', 1)])] })));
    await user.click(screen.getByRole('button', { name: 'Remove retail' }));
    expect(screen.getByRole('alert')).toHaveTextContent('“retail” is the only member of channel: a dimension needs at least one. Remove the dimension instead');
  });

  it('removes a member with Undo on the status line', async () => {
    const { user } = open();
    await user.click(screen.getByRole('button', { name: 'Remove online' }));
    expect(shares('channel')).toEqual([['retail', 1]]);
    expect(status()).toHaveTextContent('Removed “online”; its 40.0% went to the other members of channel.');
    await user.click(within(status()).getByRole('button', { name: 'Undo' }));
    expect(shares('channel')).toEqual([
      ['retail', 0.6],
      ['online', 0.4],
    ]);
    expect(status()).toBeEmptyDOMElement();
  });

  it('renames on Enter, puts the name back on Escape, and refuses a duplicate', async () => {
    const { user } = open();
    const name = box('Name of retail');
    await user.clear(name);
    await user.type(name, 'Stores{Enter}');
    expect(findMember(model(), ['channel', 'retail'])!.name).toBe('Stores');
    const online = box('Name of online');
    await user.clear(online);
    await user.type(online, 'Web{Escape}');
    expect(online).toHaveValue('online');
    await user.clear(online);
    await user.type(online, 'stores{Enter}');
    expect(online).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent('channel already has a member called “stores”');
    expect(findMember(model(), ['channel', 'online'])!.name).toBe('online');
  });

  it('reorders with the arrow buttons and with Alt+arrow in the name', async () => {
    const { user } = open();
    await user.click(screen.getByRole('button', { name: 'Move online up' }));
    expect(shares('channel').map(([id]) => id)).toEqual(['online', 'retail']);
    expect(screen.getByRole('button', { name: 'Move online up' })).toBeDisabled();
    // The moved row's button gets the focus back on the next frame; then the name takes it.
    await act(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    box('Name of online').focus();
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    expect(shares('channel').map(([id]) => id)).toEqual(['retail', 'online']);
  });

  it('breaks a member down into parts and removes the breakdown', async () => {
    const { user } = open();
    await user.click(screen.getByRole('button', { name: 'Break online down into parts' }));
    await user.type(box('Parts of online, separated by commas'), 'Marketplaces, Own shop{Enter}');
    expect(findMember(model(), ['channel', 'online'])!.children!.map((c) => [c.name, c.share.value])).toEqual([
      ['Marketplaces', 0.5],
      ['Own shop', 0.5],
    ]);
    expect(box('Name of Own shop')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Remove the breakdown of online' }));
    expect(findMember(model(), ['channel', 'online'])!.children).toBeUndefined();
  });

  it('closes the parts form on Escape, giving the focus back to its button', async () => {
    const { user } = open();
    await user.click(screen.getByRole('button', { name: 'Break online down into parts' }));
    await user.type(box('Parts of online, separated by commas'), 'Marketplaces');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('textbox', { name: 'Parts of online, separated by commas' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Break online down into parts' })).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Break online down into parts' })).toHaveAttribute('aria-expanded', 'false');
    expect(findMember(model(), ['channel', 'online'])!.children).toBeUndefined();
  });

  it('shows names as text, never as markup', async () => {
    const { user } = open();
    await user.type(box('New member of channel'), '<img src=x onerror=alert(1)>{Enter}');
    expect(document.querySelector('.structure-view img')).toBeNull();
    expect(box('Name of <img src=x onerror=alert(1)>')).toHaveValue('<img src=x onerror=alert(1)>');
  });
});

describe('dimensions and drivers', () => {
  it('adds a dimension with its members in equal shares, and removes it with Undo', async () => {
    const { user } = open();
    await user.type(screen.getByPlaceholderText('e.g. Channel'), 'Country');
    await user.type(screen.getByPlaceholderText('e.g. Retail, Online, Wholesale'), 'Germany, France, Italy, Spain{Enter}');
    expect(shares('country')).toEqual([
      ['germany', 0.25],
      ['france', 0.25],
      ['italy', 0.25],
      ['spain', 0.25],
    ]);
    await user.click(screen.getByRole('button', { name: 'Remove dimension Country' }));
    expect(model().dimensions.map((d) => d.id)).toEqual(['channel']);
    expect(status()).toHaveTextContent('Removed the dimension “Country” and its 4 members. The total is unchanged.');
    await user.click(within(status()).getByRole('button', { name: 'Undo' }));
    expect(model().dimensions.map((d) => d.id)).toEqual(['channel', 'country']);
  });

  it('asks for the members of a new dimension', async () => {
    const { user } = open();
    await user.type(screen.getByPlaceholderText('e.g. Channel'), 'Country{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent('A dimension needs at least one member: name the members of “Country”');
  });

  it('adds a driver with its impact, types a new impact, renames and removes it', async () => {
    const { user } = open();
    await user.type(box('Impact of the new driver (% a year)'), '-1.5');
    await user.type(screen.getByLabelText('New driver'), 'Sugar tax{Enter}');
    expect(model().drivers.map((d) => [d.id, d.impact.value])).toEqual([
      ['ecommerce', 0.02],
      ['sugar-tax', -0.015],
    ]);
    const impact = box('Sugar tax impact (%)');
    await user.clear(impact);
    await user.type(impact, '-2{Enter}');
    expect(model().drivers[1]!.impact.value).toBe(-0.02);
    await user.click(screen.getByRole('button', { name: 'Remove Sugar tax' }));
    expect(model().drivers.map((d) => d.id)).toEqual(['ecommerce']);
  });
});

describe('years, unit, title, sources', () => {
  it('sets the years, refusing an end year before the base year and a horizon over 50 years', async () => {
    const { user } = open();
    const end = screen.getByLabelText('End year');
    await user.clear(end);
    await user.type(end, '2020{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent('The end year (2020) must be after the base year (2025)');
    await user.clear(end);
    await user.type(end, '2080{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent('A model covers at most 50 years after its base year: 2025 to 2080 is 55');
    expect(model().endYear).toBe(2030);
    await user.clear(end);
    await user.type(end, '2035{Enter}');
    expect(model().endYear).toBe(2035);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says, when the base year moves, that the market size now stands for the new year — and that its source gave it for the old one', async () => {
    const { user } = open(seedWorkspace());
    const base = screen.getByLabelText('Base year');
    await typeOver(user, base, '2020{Enter}');
    expect(model()).toMatchObject({ baseYear: 2020, baseSize: { value: 17.18 } });
    expect(status()).toHaveTextContent(
      'Years set to 2020–2032 (12 years of forecast). The market size, $17.2 B, now stands for 2020: it was 2025’s, as its source gives it. Set 2020’s size if it differs.',
    );
    // Only the end year moved: nothing re-dated, nothing said.
    const end = screen.getByLabelText('End year');
    await typeOver(user, end, '2030{Enter}');
    expect(status()).toHaveTextContent(/^Years set to 2020–2030 \(10 years of forecast\)\.(?! The market size)/);
  });

  it('says which drivers start outside the new years', async () => {
    const { user } = open(workspaceOf(buildModel({ drivers: [driver('late', 0.01, { startYear: 2029 })] })));
    const end = screen.getByLabelText('End year');
    await user.clear(end);
    await user.type(end, '2027{Enter}');
    expect(screen.getByTestId('drivers-outside-years')).toHaveTextContent('late (2029, not acting within these years)');
    expect(model().drivers[0]!.startYear).toBe(2029);
  });

  it('renames the unit, offering to convert the size between scales of one currency', async () => {
    const { user } = open();
    const unit = screen.getByRole('combobox', { name: 'Unit' });
    await user.clear(unit);
    await user.type(unit, 'USD m');
    expect(screen.getByRole('checkbox', { name: /Convert the size/ })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Set unit' }));
    expect(model()).toMatchObject({ unit: 'USD m', baseSize: { value: 100_000 } });
    await user.clear(unit);
    await user.type(unit, 'units sold{Enter}');
    expect(model()).toMatchObject({ unit: 'units sold', baseSize: { value: 100_000 } });
  });

  it('refuses a unit for the scenario on screen alone while the other counts in another; for every scenario, claims and all, it is set', async () => {
    const { user } = open(seedWorkspace());
    const unit = screen.getByRole('combobox', { name: 'Unit' });
    await typeOver(user, unit, 'USD m{Enter}');
    // A size claim has no unit of its own: "over $20 B" checked in USD m would read "$20 M", and be met.
    expect(screen.getByRole('alert')).toHaveTextContent('“Narrow definition ($6 B by 2028)” counts in USD bn: every scenario of a workspace counts in one unit');
    expect(model()).toMatchObject({ unit: 'USD bn', baseSize: { value: 17.18 } });
    await user.click(screen.getByRole('checkbox', { name: /Apply structure edits to all 2 scenarios/ }));
    await user.click(screen.getByRole('button', { name: 'Set unit' }));
    expect(useSlidecast.getState().workspace.scenarios.map((s) => [s.model.unit, s.model.baseSize.value])).toEqual([
      ['USD m', 17_180],
      ['USD m', 1_620],
    ]);
    expect(useSlidecast.getState().workspace.claims.find((c) => c.id === 'size-2028-over-20')!.value).toBe(20_000);
  });

  it('says the factor of a conversion to a larger scale, never “× 0”', async () => {
    const { user } = open();
    const unit = screen.getByRole('combobox', { name: 'Unit' });
    await typeOver(user, unit, 'USD tn{Enter}');
    expect(status()).toHaveTextContent('Unit set to USD tn; the market size converted (× 0.001).');
    await typeOver(user, unit, 'USD{Enter}');
    expect(status()).toHaveTextContent('Unit set to USD; the market size converted (× 1,000,000,000,000).');
    await typeOver(user, unit, 'USD tn{Enter}');
    expect(status()).toHaveTextContent('Unit set to USD tn; the market size converted (× 1e-12).');
  });

  it('shows a conversion to trillions in trillions', async () => {
    const { user } = open();
    const unit = screen.getByRole('combobox', { name: 'Unit' });
    await user.clear(unit);
    await user.type(unit, 'USD tn');
    expect(screen.getByRole('checkbox', { name: /Convert the size/ })).toHaveAccessibleName('Convert the size: $100 B → $0.10 T');
  });

  it('edits the title of the workspace', async () => {
    const { user } = open();
    const title = box('Workspace title');
    await user.clear(title);
    await user.type(title, 'Cold brew coffee{Enter}');
    expect(useSlidecast.getState().workspace.title).toBe('Cold brew coffee');
  });

  it('saves a source and a note on a member’s share, and clears them', async () => {
    const { user } = open();
    await user.click(screen.getByRole('button', { name: 'Notes: source and note of online' }));
    await user.type(box('Source of online share'), 'Panel data, 2024');
    await user.type(box('Note on online share'), 'Includes click & collect');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(findMember(model(), ['channel', 'online'])!.share).toEqual({ value: 0.4, source: 'Panel data, 2024', note: 'Includes click & collect' });
    await user.click(screen.getByRole('button', { name: 'Notes: source and note of online' }));
    await user.click(screen.getByRole('button', { name: 'online growth premium' }));
    await user.type(box('Note on online growth premium'), 'Faster than stores');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(findMember(model(), ['channel', 'online'])!.growthDelta).toEqual({ value: 0, note: 'Faster than stores' });
  });
});

describe('every scenario', () => {
  it('applies structure edits to the scenario on screen only, unless asked; names the scenarios left out', async () => {
    const { user } = open(seedWorkspace());
    await user.type(box('New member of Product type'), 'Services{Enter}');
    const ids = (ws: Workspace) => ws.scenarios.map((s) => s.model.dimensions[0]!.members.map((m) => m.id).join(','));
    expect(ids(useSlidecast.getState().workspace)).toEqual(['hardware,software,services', 'hardware,software']);
    await user.click(screen.getByRole('checkbox', { name: /Apply structure edits to all 2 scenarios/ }));
    await user.type(box('New member of Product type'), 'Cloud{Enter}');
    expect(ids(useSlidecast.getState().workspace)).toEqual(['hardware,software,services,cloud', 'hardware,software,cloud']);
    expect(status()).toHaveTextContent('In 2 of 2 scenarios.');
    await user.click(screen.getByRole('button', { name: 'Move Services down' }));
    expect(status()).toHaveTextContent('Not applied to: “Narrow definition ($6 B by 2028)”: it has no Product type › Services.');
    expect(fileProblems(useSlidecast.getState().workspace)).toEqual([]);
  });
});

describe('new workspace', () => {
  it('starts a blank workspace, asking first when work is not saved, and forgets the file', async () => {
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    const { user } = open(seedWorkspace());
    useSlidecast.getState().setFile({ name: 'market.slidecast.json' });
    await user.type(box('New member of Product type'), 'Services{Enter}');
    await user.click(screen.getByRole('button', { name: 'Blank' }));
    expect(confirm).toHaveBeenCalledWith('This workspace has changes that are not saved to a file. Start a new workspace anyway?');
    expect(useSlidecast.getState().workspace.title).toBe('AI in Medical Imaging Diagnosis');
    confirm.mockReturnValue(true);
    await user.click(screen.getByRole('button', { name: 'Blank' }));
    const { workspace, fileName } = useSlidecast.getState();
    expect(workspace.title).toBe('Untitled market');
    expect(model()).toMatchObject({ unit: 'USD m', dimensions: [], drivers: [] });
    expect(model().endYear - model().baseYear).toBe(5);
    expect(fileName).toBeUndefined();
    expect(hasUnsavedChanges(useSlidecast.getState())).toBe(false);
    expect(screen.getByText(/No dimensions: the model is one total/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'From the seed' }));
    expect(useSlidecast.getState().workspace).toEqual(seedWorkspace());
  });
});

describe('import shares', () => {
  it('previews a pasted range row by row and applies it as one undoable edit', async () => {
    const { user } = open(seedWorkspace());
    fireEvent.change(screen.getByLabelText('Into'), { target: { value: 'region' } });
    const paste = screen.getByLabelText('Rows to import (paste cells from a spreadsheet, or CSV)');
    fireEvent.change(paste, { target: { value: 'Region\tShare\nNorth America\t45%\nEurope\t25%\nAsia-Pacific\t20%\nLatin America\t6%\nAtlantis\t4%' } });
    // The paste is checked once typing pauses.
    const preview = await screen.findByTestId('import-preview', {}, { timeout: 5_000 });
    expect(within(preview).getByRole('alert')).toHaveTextContent('1 problem to fix before importing');
    expect(preview.querySelector('tr[data-row="6"]')).toHaveTextContent('“Atlantis” is not a member of Region: tick “Create missing members” to add it');
    expect(screen.getByRole('button', { name: 'Import' })).toBeDisabled();

    fireEvent.change(paste, { target: { value: 'Region\tShare\nNorth America\t45%\nEurope\t25%\nAsia-Pacific\t20%\nLatin America\t6%\nMiddle East & Africa\t4%' } });
    await screen.findByRole('button', { name: 'Import 5 shares' }, { timeout: 5_000 });
    expect(preview.querySelector('tr[data-row="1"]')).toHaveTextContent('Header, skipped');
    expect(preview.querySelector('tr[data-row="2"]')).toHaveTextContent('45.00%');
    expect(preview.querySelector('tr[data-row="2"]')).toHaveTextContent('40.00%');
    const before = useSlidecast.getState().past.length;
    await user.click(screen.getByRole('button', { name: 'Import 5 shares' }));
    expect(shares('region').map(([, share]) => share)).toEqual([0.45, 0.25, 0.2, 0.06, 0.04]);
    expect(useSlidecast.getState().past.length).toBe(before + 1);
    expect(status()).toHaveTextContent('Imported 5 shares into Region.');
    expect(paste).toHaveValue('');
    await user.click(within(status()).getByRole('button', { name: 'Undo' }));
    expect(shares('region').map(([, share]) => share)).toEqual([0.4, 0.3, 0.2, 0.06, 0.04]);
  });
});
