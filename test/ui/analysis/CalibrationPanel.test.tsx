// @vitest-environment jsdom
/**
 * Calibration on the Analysis view against the real store and engine: the claims chosen and the
 * quantities that may move, the proposal (values now and proposed, each claim before and after
 * with its residual), the plain sentence when the claims cannot all hold, Accept as one undo
 * step, Reject leaving everything exactly as it was.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { calibrate } from '../../../src/engine/calibration';
import { activeModelOf } from '../../../src/state/scenarioSelectors';
import { useSlidecast } from '../../../src/state/store';
import { formatQuantity, formatSize } from '../../../src/ui/format';
import { CalibrationPanel } from '../../../src/ui/analysis/CalibrationPanel';
import { renderWithUser } from '../screenHarness';
import { connectMainThreadEngine, disconnectEngine } from './analysisHarness';

beforeEach(connectMainThreadEngine);
afterEach(disconnectEngine);

const model = () => activeModelOf(useSlidecast.getState().workspace);
const claimsOf = (...ids: string[]) => useSlidecast.getState().workspace.claims.filter((c) => ids.includes(c.id));
const CAGR = 'CAGR 5.2% 2025–2032';
const OVER_20 = 'Over $20 B by 2028';
const ABOUT_6 = 'About $6 B by 2028';

async function calibrateTo(user: ReturnType<typeof renderWithUser>['user'], ...labels: string[]) {
  for (const label of labels) await user.click(screen.getByRole('checkbox', { name: new RegExp(`^${label.replace(/[$.]/g, '\\$&')}`) }));
  await user.click(screen.getByRole('button', { name: 'Calibrate' }));
}

describe('CalibrationPanel', () => {
  it('lists only the claims the scenario can check, and the default quantities that may move', () => {
    renderWithUser(<CalibrationPanel />);
    const boxes = within(screen.getByRole('group', { name: 'Claims to meet' })).getAllByRole('checkbox');
    const checkable = useSlidecast.getState().result!.claims.filter((c) => c.status !== 'notCheckable');
    expect(boxes).toHaveLength(checkable.length);
    expect(within(screen.getByRole('group', { name: 'Quantities that may move' })).getAllByRole('listitem').map((li) => li.firstChild!.textContent)).toEqual([
      'Market size 2025',
      'Trend growth',
    ]);
  });

  it('proposes values with each claim’s before and after; Accept applies them as one undo step', async () => {
    const { user } = renderWithUser(<CalibrationPanel />);
    await calibrateTo(user, CAGR, OVER_20);
    const fit = calibrate(model(), claimsOf('cagr-headline', 'size-2028-over-20'));
    const proposed = screen.getByRole('table', { name: 'Proposed values' });
    const sizeRow = within(proposed).getByRole('row', { name: /^Market size 2025/ });
    expect(within(sizeRow).getAllByRole('cell').map((c) => c.textContent)).toEqual([formatSize(fit.before[0]!, 'USD bn'), formatSize(fit.after[0]!, 'USD bn')]);
    const growthRow = within(proposed).getByRole('row', { name: /^Trend growth/ });
    expect(within(growthRow).getAllByRole('cell')[1]!.textContent).toBe(formatQuantity(fit.after[1]!, 'rate', 'USD bn'));
    const claims = screen.getByRole('table', { name: 'Claims before and after' });
    const over20 = within(claims).getByRole('row', { name: new RegExp(`^${OVER_20.replace('$', '\\$')}`) });
    const row = fit.claims.find((c) => c.id === 'size-2028-over-20')!;
    expect(within(over20).getAllByRole('cell').map((c) => c.textContent)).toEqual([
      formatSize(row.before, 'USD bn'),
      formatSize(row.after, 'USD bn'),
      row.residualBefore.toFixed(3).replace('-', '\u2212').replace(/^\u22120\.000$/, '0.000'),
      row.residualAfter.toFixed(3).replace('-', '\u2212').replace(/^\u22120\.000$/, '0.000'),
    ]);
    expect(fit.consistent).toBe(true);
    expect(screen.getAllByRole('status')[0]!.textContent).toBe('These values meet both claims.');

    const before = model();
    const steps = useSlidecast.getState().past.length;
    await user.click(screen.getByRole('button', { name: 'Accept' }));
    expect(model().baseSize.value).toBe(fit.after[0]);
    expect(model().baseGrowth.value).toBe(fit.after[1]);
    expect(useSlidecast.getState().past).toHaveLength(steps + 1);
    expect(screen.queryByRole('table', { name: 'Proposed values' })).toBeNull();
    useSlidecast.getState().undo();
    expect(model()).toBe(before);
  });

  it('Reject leaves everything exactly as it was', async () => {
    const { user } = renderWithUser(<CalibrationPanel />);
    const workspace = useSlidecast.getState().workspace;
    const steps = useSlidecast.getState().past.length;
    await calibrateTo(user, CAGR, OVER_20, ABOUT_6);
    await user.click(screen.getByRole('button', { name: 'Reject' }));
    expect(useSlidecast.getState().workspace).toBe(workspace);
    expect(useSlidecast.getState().past).toHaveLength(steps);
    expect(screen.getByText('Rejected: nothing changed.')).toBeTruthy();
    expect(screen.queryByRole('table', { name: 'Proposed values' })).toBeNull();
  });

  it('says plainly when no single definition meets all three size claims, with the residuals', async () => {
    const { user } = renderWithUser(<CalibrationPanel />);
    await calibrateTo(user, CAGR, OVER_20, ABOUT_6);
    const fit = calibrate(model(), claimsOf('cagr-headline', 'size-2028-over-20', 'size-2028-about-6'));
    expect(fit.consistent).toBe(false);
    const sentence = screen.getAllByRole('status')[0]!.textContent!;
    expect(sentence).toMatch(/^No single market definition meets all three claims: the best fit still misses /);
    expect(sentence).toContain(`“${ABOUT_6}” (${formatSize(fit.claims[2]!.after, 'USD bn')})`);
    const residuals = fit.claims.map((c) => (Math.abs(c.residualAfter) < 5e-4 ? '0.000' : c.residualAfter.toFixed(3).replace('-', '\u2212')));
    expect(sentence.endsWith(`residuals ${residuals.join(', ')}.`)).toBe(true);
  });

  it('asks for a claim before calibrating, and takes an added quantity', async () => {
    const { user } = renderWithUser(<CalibrationPanel />);
    await user.click(screen.getByRole('button', { name: 'Calibrate' }));
    expect(screen.getByRole('alert').textContent).toBe('Choose at least one claim to calibrate to');
    await user.selectOptions(screen.getByLabelText('Quantity to add'), 'driver:ai-advances');
    await user.click(screen.getByRole('button', { name: 'Add' }));
    await user.click(screen.getByRole('button', { name: 'Remove Market size 2025' }));
    await calibrateTo(user, CAGR);
    expect(useSlidecast.getState().calibrationAsk).toEqual({ claimIds: ['cagr-headline'], refs: [{ kind: 'baseGrowth' }, { kind: 'driverImpact', driverId: 'ai-advances' }] });
    expect(within(screen.getByRole('table', { name: 'Proposed values' })).getAllByRole('row')).toHaveLength(3);
  });
});
