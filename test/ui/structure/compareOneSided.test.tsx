// @vitest-environment jsdom
/**
 * Compare after structure edits on one scenario only: a dimension or member that only one of the
 * scenarios compared has is offered and shown, with "—" where a scenario lacks it (never 0).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { forecast } from '../../../src/engine/forecast';
import { addDimension, addMember } from '../../../src/model/structureOps';
import { CompareDimension } from '../../../src/ui/compare/CompareDimension';
import type { CompareEntry } from '../../../src/ui/compare/compareData';
import { dimension, member, model as buildModel } from '../../support/models';

afterEach(cleanup);

describe('compare, members in one scenario only', () => {
  it('offers a dimension only the second scenario has, and shows "—" for the reference there', async () => {
    const reference = buildModel({ dimensions: [dimension('region', [member('north', 0.5), member('south', 0.5)])] });
    const edited = structuredClone(reference);
    expect(addDimension(edited, 'Channel', ['Retail', 'Online'])).toBeUndefined();
    expect(addMember(edited, ['region'], { name: 'East' })).toBeUndefined();
    const entries: CompareEntry[] = [
      { id: 'base', name: 'Base', unit: 'USD bn', color: '#000', forecast: forecast(reference) },
      { id: 'edited', name: 'Edited', unit: 'USD bn', color: '#333', forecast: forecast(edited) },
    ];
    const user = userEvent.setup();
    render(<CompareDimension entries={entries} />);
    const table = () => screen.getByTestId('compare-dimension');
    const east = table().querySelector('tr[data-series="region/east"]')!;
    expect(east.querySelector('td[data-scenario="base"]')).toHaveTextContent('—');
    expect(east.querySelector('td[data-scenario="edited"]')).toHaveTextContent('$');

    await user.click(screen.getByRole('button', { name: 'Channel' }));
    expect(table()).toHaveAttribute('data-dimension', 'channel');
    const retail = table().querySelector('tr[data-series="channel/retail"]')!;
    expect(retail.querySelector('td[data-scenario="base"]')).toHaveTextContent('—');
    expect(retail.querySelector('td[data-scenario="edited"]')).toHaveTextContent('50.0%');
  });
});
